"""Hostile pull requests against reading: crafted git trees, links out of the root,
lying parse caches, FIFOs, and the edge cases of `bpstrat diff`.

Each test plays an attacker who controls every byte of the strategy, its file names,
its links, its git objects and anything committed beside it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from bpstrat.cli.app import app
from bpstrat.lint.linter import LintResult, lint
from bpstrat.report import lint_text
from bpstrat.source import git as git_source
from bpstrat.source import parse_cache
from bpstrat.source.cache_entry import encode
from bpstrat.source.git_tree import UNSAFE, GitTree
from bpstrat.source.parse_cache import MAGIC, ParseCache, cache_file, cache_home
from bpstrat.source.tree import OUTSIDE
from bpstrat.source.yaml_fast import parse
from tests.helpers import ANA, ROOT_CONFIG, TODAY, write_root

SECRET = "hunter2-token-5f1c"
DANGLING = "kind: goal\nid: g1\ntitle: Goal one\nkey: true\nproblems: [nobody-here]\n"
HARMLESS = DANGLING.replace("problems: [nobody-here]\n", "")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
}


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    env = {**GIT_ENV, "HOME": str(repo)}
    done = subprocess.run(
        ["git", "-C", str(repo), *args], input=stdin, capture_output=True, check=True, env=env
    )
    return done.stdout.decode().strip()


def blob(repo: Path, content: bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=content)


def raw_tree(repo: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object written byte by byte: (mode, name, sha); no name checks at all."""
    body = b"".join(
        f"{mode} {name}".encode() + b"\0" + bytes.fromhex(sha) for mode, name, sha in entries
    )
    return git(repo, "hash-object", "-t", "tree", "--literally", "-w", "--stdin", stdin=body)


def commit(repo: Path, tree: str, parent: str | None = None) -> str:
    args = ["commit-tree", tree, "-m", "change"] + (["-p", parent] if parent else [])
    return git(repo, *args)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose strategy is in `strategy/`, committed once (tag `base`)."""
    base = tmp_path / "repo"
    write_root(base / "strategy", {})
    git(base, "init", "-q")
    git(base, "add", "-A")
    git(base, "commit", "-qm", "base")
    git(base, "tag", "base")
    return base


def strategy_tree(repo: Path, extra: list[tuple[str, str, str]]) -> str:
    """The `strategy` folder of a valid root plus `extra` entries, as a tree object."""
    entries = [
        ("100644", "bpstrat.yaml", blob(repo, ROOT_CONFIG.encode())),
        ("100644", "ana.yaml", blob(repo, ANA.encode())),
        *extra,
    ]
    return raw_tree(repo, sorted(entries, key=lambda e: e[1]))


def render_text(result: LintResult) -> str:
    out = io.StringIO()
    lint_text.render(result, Console(file=out, width=200, no_color=True))
    return out.getvalue()


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


# --- 1. crafted git trees: nothing is ever written, unsafe names are reported -------------


def test_diff_of_a_tree_with_dotdot_names_writes_nothing(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    payload = blob(repo, b"kind: goal\nid: planted\ntitle: Planted\n")
    # strategy/../../../escaped.yaml: three levels up from the strategy folder
    up3 = raw_tree(repo, [("100644", "escaped.yaml", payload)])
    up2 = raw_tree(repo, [("40000", "..", up3)])
    up1 = raw_tree(repo, [("40000", "..", up2)])
    evil = strategy_tree(repo, [("40000", "..", up1), ("100644", ".git", payload)])
    top = raw_tree(repo, [("40000", "strategy", evil)])
    git(repo, "branch", "evil", commit(repo, top, git(repo, "rev-parse", "HEAD")))
    before = sorted(p for p in tmp_path.rglob("*") if ".git" not in p.parts)

    code, output = invoke("diff", "base", "evil", str(repo / "strategy"), "-f", "json")

    assert code == 0, output
    assert sorted(p for p in tmp_path.rglob("*") if ".git" not in p.parts) == before
    assert list(system_tmp.iterdir()) == []
    result = lint(GitTree(repo, git(repo, "rev-parse", "evil"), "strategy", "evil"), TODAY)
    unsafe = sorted(f.path for f in result.findings if f.message == UNSAFE)
    assert unsafe == ["../../../escaped.yaml", ".git"]
    assert not result.strategy.exists("goal", "planted")


def test_absolute_tree_entry_is_reported_not_written(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "written-by-diff.yaml"
    payload = blob(repo, b"kind: goal\nid: planted\ntitle: Planted\n")
    evil = strategy_tree(repo, [("100644", str(target), payload)])
    head = commit(repo, raw_tree(repo, [("40000", "strategy", evil)]))

    result = lint(GitTree(repo, head, "strategy", "evil"), TODAY)

    assert not target.exists()
    assert [(f.code, f.path) for f in result.findings if f.message == UNSAFE] == [
        ("BP105", str(target))
    ]
    code, _ = invoke("diff", "base", head, str(repo / "strategy"))
    assert code == 0 and not target.exists()


def test_nul_and_backslash_names_are_unsafe() -> None:
    from bpstrat.source.git_tree import unsafe_name

    assert unsafe_name("a\0b.yaml") and unsafe_name("..\\x.yaml") and unsafe_name("a/.GIT/x")
    assert unsafe_name("") and unsafe_name("a//b") and unsafe_name("./a")
    assert not unsafe_name("consumers/web.yaml") and not unsafe_name("a..b.yaml")


def test_large_binary_blob_is_never_read(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = repo / "strategy" / "assets" / "video.bin"
    big.parent.mkdir()
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    big_yaml = repo / "strategy" / "huge.yaml"
    big_yaml.write_bytes(b"# " + b"x" * (1024 * 1024 + 10) + b"\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "assets")
    big_sha = git(repo, "rev-parse", "HEAD:strategy/assets/video.bin")
    huge_sha = git(repo, "rev-parse", "HEAD:strategy/huge.yaml")
    batches: list[bytes] = []
    real = git_source.run_git

    def spy(where: Path, *args: str, input_: bytes | None = None) -> bytes:
        if args[:2] == ("cat-file", "--batch"):
            batches.append(input_ or b"")
        return real(where, *args, input_=input_)

    monkeypatch.setattr("bpstrat.source.git_tree.run_git", spy)
    result = lint(GitTree(repo, git(repo, "rev-parse", "HEAD"), "strategy", "HEAD"), TODAY)

    assert batches and all(
        big_sha.encode() not in b and huge_sha.encode() not in b for b in batches
    )
    assert [(f.code, f.path) for f in result.findings if f.code == "BP105"] == [
        ("BP105", "huge.yaml")
    ]


# --- 10. diff edge cases: clear messages, exit 2 for usage errors, no temporary folder ----


def test_strategy_folder_was_a_file_at_base(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "strategy").write_text("not a folder yet\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "file")
    (repo / "strategy").unlink()
    write_root(repo / "strategy", {})

    result = CliRunner().invoke(app, ["diff", "HEAD", str(repo / "strategy"), "-f", "json"])

    assert result.exit_code == 0, result.output
    assert "at HEAD, strategy is a file, not a folder" in result.stderr
    assert "bpstrat-diff-" not in result.output and "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert {e["ref"] for e in data["entities"]} == {"stakeholder:ana"}


def test_root_file_was_a_folder_at_base(repo: Path) -> None:
    config = repo / "strategy" / "bpstrat.yaml"
    git(repo, "rm", "-q", str(config))
    config.mkdir()
    (config / "inner.yaml").write_text(ANA)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "config as a folder")
    head = git(repo, "rev-parse", "HEAD")
    (config / "inner.yaml").unlink()
    config.rmdir()
    config.write_text(ROOT_CONFIG)

    code, output = invoke("diff", head, str(repo / "strategy"))

    assert code == 0, output
    assert "bpstrat-diff-" not in output and tempfile.gettempdir() not in output
    result = lint(GitTree(repo, head, "strategy", "old"), TODAY)
    assert ("BP105", "bpstrat.yaml") in [(f.code, f.path) for f in result.findings]
    assert any("bpstrat.yaml is a folder at old" in f.message for f in result.findings)


def test_missing_blob_is_a_finding(repo: Path) -> None:
    missing = "0123456789abcdef0123456789abcdef01234567"
    tree = git(
        repo,
        "mktree",
        "--missing",
        stdin=(
            f"100644 blob {blob(repo, ROOT_CONFIG.encode())}\tbpstrat.yaml\n"
            f"100644 blob {missing}\tgone.yaml\n"
        ).encode(),
    )
    head = commit(repo, raw_tree(repo, [("40000", "strategy", tree)]))

    result = lint(GitTree(repo, head, "strategy", "partial"), TODAY)

    bp105 = [f for f in result.findings if f.code == "BP105"]
    assert [f.path for f in bp105] == ["gone.yaml"]
    assert "missing from the repository" in bp105[0].message
    code, output = invoke("diff", "base", head, str(repo / "strategy"))
    assert code == 0 and "Traceback" not in output


@pytest.mark.parametrize("revision", ["no-such-branch", "--output=/tmp/x", "HEAD~99"])
def test_unknown_revision_is_a_usage_error(repo: Path, revision: str) -> None:
    code, output = invoke("diff", "--", revision, "HEAD", str(repo / "strategy"))
    assert code == 2
    assert "unknown revision" in output and "Traceback" not in output


def test_missing_tree_object_is_a_usage_error(repo: Path) -> None:
    missing = "89abcdef0123456789abcdef0123456789abcdef"
    top = git(repo, "mktree", "--missing", stdin=f"040000 tree {missing}\tstrategy\n".encode())
    head = commit(repo, top)
    code, output = invoke("diff", "base", head, str(repo / "strategy"))
    assert code == 2, output
    assert "cannot read revision" in output and "Traceback" not in output


def test_links_in_a_revision_stay_inside(repo: Path) -> None:
    goal = blob(repo, DANGLING.encode())
    tree = strategy_tree(
        repo,
        [
            ("100644", "real.yaml", goal),
            ("120000", "inside.yaml", blob(repo, b"real.yaml")),
            ("120000", "up.yaml", blob(repo, b"../../outside.yaml")),
            ("120000", "abs.yaml", blob(repo, b"/proc/self/environ")),
            ("120000", "loop.yaml", blob(repo, b"loop.yaml")),
        ],
    )
    head = commit(repo, raw_tree(repo, [("40000", "strategy", tree)]))
    result = lint(GitTree(repo, head, "strategy", "links"), TODAY)
    bp105 = {f.path: f.message for f in result.findings if f.code == "BP105"}
    assert bp105["up.yaml"] == OUTSIDE and bp105["abs.yaml"] == OUTSIDE
    assert "loop" in bp105["loop.yaml"]
    assert "inside.yaml" not in bp105 and "real.yaml" not in bp105
    # inside.yaml names real.yaml a second time: it is read once, so no duplicate id
    assert [f.path for f in result.findings if f.code == "BP301"] == []
    assert "real.yaml" in {s.rel for s in result.strategy.files}
    assert "inside.yaml" not in {s.rel for s in result.strategy.files}


# --- 2. links out of the root are never read -----------------------------------------------


def outside_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside-secret.txt"
    secret.write_text(f"TOKEN={SECRET}: [unclosed\n")
    return secret


@pytest.mark.parametrize("absolute", [False, True])
def test_file_link_out_of_the_root_is_not_read(tmp_path: Path, absolute: bool) -> None:
    secret = outside_secret(tmp_path)
    base = write_root(tmp_path / "strategy", {})
    (base / "leak.yaml").symlink_to(secret if absolute else Path("..") / secret.name)

    result = lint(base, TODAY)

    leak = [f for f in result.findings if f.path == "leak.yaml"]
    assert [(f.code, f.message) for f in leak] == [("BP105", OUTSIDE)]
    text = render_text(result)
    assert SECRET not in text and "TOKEN" not in text
    code, output = invoke("lint", str(base), "--today", "2026-11-20", "--no-cache")
    assert code == 1 and SECRET not in output and OUTSIDE in output


def test_proc_environ_link_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc on this system")
    monkeypatch.setenv("BPSTRAT_TEST_SECRET", SECRET)
    base = write_root(tmp_path / "strategy", {})
    (base / "env.yaml").symlink_to("/proc/self/environ")
    code, output = invoke("lint", str(base), "--today", "2026-11-20", "-f", "json")
    assert SECRET not in output and code == 1
    found = [f for f in json.loads(output)["findings"] if f["path"] == "env.yaml"]
    assert [(f["code"], f["message"]) for f in found] == [("BP105", OUTSIDE)]


def test_root_file_linked_out_is_not_read(tmp_path: Path) -> None:
    secret = outside_secret(tmp_path)
    base = write_root(tmp_path / "strategy", {})
    (base / "bpstrat.yaml").unlink()
    (base / "bpstrat.yaml").symlink_to(secret)
    result = lint(base, TODAY)
    assert [
        (f.code, f.message)
        for f in result.findings
        if f.path == "bpstrat.yaml" and f.code == "BP105"
    ] == [("BP105", OUTSIDE)]
    assert SECRET not in render_text(result)


@pytest.mark.parametrize("absolute", [False, True])
def test_folder_link_out_of_the_root_is_not_walked(tmp_path: Path, absolute: bool) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "goal.yaml").write_text(DANGLING)
    (outside / "secret.yaml").write_text(f"{SECRET}: [\n")
    base = write_root(tmp_path / "strategy", {})
    (base / "goals").symlink_to(outside if absolute else Path("..") / "elsewhere")

    result = lint(base, TODAY)

    assert [(f.code, f.path, f.message) for f in result.findings if f.code == "BP105"] == [
        ("BP105", "goals", OUTSIDE)
    ]
    assert not result.strategy.exists("goal", "g1")
    assert SECRET not in render_text(result)


def test_links_inside_the_root_keep_working(tmp_path: Path) -> None:
    base = write_root(tmp_path / "strategy", {"real/goal.yaml": DANGLING})
    (base / "alias").symlink_to("real")
    (base / "goal-link.yaml").symlink_to(base / "real" / "goal.yaml")
    result = lint(base, TODAY)
    assert not [f for f in result.findings if f.code == "BP105"]
    assert result.strategy.exists("goal", "g1")
    # `alias` and `real` are one folder: it is read once, under its first name; so is
    # the goal, which goal-link.yaml names a second time
    assert sorted(s.rel for s in result.strategy.files) == ["alias/goal.yaml", "ana.yaml"]
    assert not [f for f in result.findings if f.code == "BP301"]


def test_a_link_to_a_file_inside_the_root_is_no_duplicate(tmp_path: Path) -> None:
    base = write_root(tmp_path / "strategy", {"goals/g1.yaml": DANGLING})
    (base / "current.yaml").symlink_to("goals/g1.yaml")  # read before goals/ in walk order
    (base / "goals" / "hard.yaml").hardlink_to(base / "goals" / "g1.yaml")
    result = lint(base, TODAY)
    files = sorted(s.rel for s in result.strategy.files)
    # the link is skipped for the name without a link; a hard link is a file of its own
    assert files == ["ana.yaml", "goals/g1.yaml", "goals/hard.yaml"]
    assert [(f.code, f.path) for f in result.findings if f.code == "BP301"] == [
        ("BP301", "goals/hard.yaml")
    ]


def test_symlink_loops_end(tmp_path: Path) -> None:
    base = write_root(tmp_path / "strategy", {})
    (base / "a.yaml").symlink_to("b.yaml")
    (base / "b.yaml").symlink_to("a.yaml")
    (base / "sub").mkdir()
    (base / "sub" / "up").symlink_to("..")
    result = lint(base, TODAY)
    codes = sorted((f.code, f.path) for f in result.findings if f.code == "BP105")
    assert codes == [("BP105", "a.yaml"), ("BP105", "b.yaml")]


def test_fifo_as_entity_file_is_not_opened(tmp_path: Path) -> None:
    base = write_root(tmp_path / "strategy", {})
    os.mkfifo(base / "pipe.yaml")
    result = lint(base, TODAY)
    assert [(f.code, f.path) for f in result.findings if f.code == "BP105"] == [
        ("BP105", "pipe.yaml")
    ]


# --- 3. the parse cache can never change a finding ------------------------------------------


@pytest.fixture
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BPSTRAT_NO_CACHE", raising=False)


def findings(base: Path, cache: bool) -> list[tuple[str, str, int, int, str]]:
    result = lint(base, TODAY, cache=cache)
    render_text(result)  # the text report must survive whatever the cache held
    return [(f.code, f.path, f.line, f.column, f.message) for f in result.findings]


def forged_entry(clean_text: str) -> dict[str, object]:
    """What an attacker stores: the parse of a harmless text, well formed, for the key of
    the real one (only the signature stands in its way)."""
    return encode(parse(clean_text))


def content_key(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def poison_payload(entries: dict[str, object]) -> str:
    """A cache file's payload: each entry is stored as its own JSON text."""
    stored = {key: json.dumps(entry) for key, entry in entries.items()}
    return json.dumps({"stamp": parse_cache._stamp(), "entries": stored})


def sign(payload: str, key: bytes) -> str:
    mac = hashlib.blake2b(payload.encode(), key=key, digest_size=32).hexdigest()
    return MAGIC.decode() + mac + "\n" + payload


@pytest.fixture
def dangling(tmp_path: Path) -> Path:
    return write_root(tmp_path / "strategy", {"goals/g1.yaml": DANGLING})


def test_poisoned_cache_in_the_repository_is_never_read(dangling: Path, cache_on: None) -> None:
    clean = findings(dangling, cache=False)
    assert any("nobody-here" in f[4] for f in clean)
    entries = {content_key(DANGLING): forged_entry(HARMLESS)}
    committed = dangling / ".bpstrat-cache"
    committed.mkdir()
    (committed / "parsed.json").write_text(poison_payload(entries))
    assert findings(dangling, cache=True) == clean
    assert findings(dangling, cache=True) == clean


def test_poisoned_cache_in_the_cache_folder_is_never_trusted(
    dangling: Path, cache_on: None
) -> None:
    clean = findings(dangling, cache=False)
    assert findings(dangling, cache=True) == clean  # writes a genuine cache and its key
    path = cache_file(dangling)
    assert path is not None and path.is_file() and ParseCache(dangling).entries
    entries = {content_key(DANGLING): forged_entry(HARMLESS)}
    payload = poison_payload(entries)
    for forged in (payload, sign(payload, b"k" * 32), sign(payload, b"")):
        path.write_text(forged)
        assert findings(dangling, cache=True) == clean


def test_a_signed_well_formed_entry_is_used_so_the_signature_is_what_guards(
    dangling: Path, cache_on: None
) -> None:
    """The forged entries above are well formed: only the signature keeps them out."""
    clean = findings(dangling, cache=False)
    findings(dangling, cache=True)
    home, path = cache_home(), cache_file(dangling)
    assert home is not None and path is not None
    key = (home / "key").read_bytes()
    path.write_text(sign(poison_payload({content_key(DANGLING): forged_entry(HARMLESS)}), key))
    assert findings(dangling, cache=True) != clean


def bad_entries() -> list[object]:
    deep: object = "leaf"
    for _ in range(150):
        deep = [deep]
    good = forged_entry(DANGLING)
    documents = good["documents"]
    assert isinstance(documents, list)
    document = documents[0]
    return [
        {
            "documents": [{**document, "problems": [["BP101", "x", None, 5, "not a path"]]}],
            "error": None,
        },
        {"documents": [{**document, "data": deep}], "error": None},
        {"documents": [{**document, "start": [True, 0]}], "error": None},
        {"documents": [{**document, "positions": [[[{}], 1]]}], "error": None},
        {"documents": [], "error": ["one", 2, 3]},
        {"documents": [document], "error": None, "extra": 1},
        [],
        "text",
        None,
        3,
    ]


@pytest.mark.parametrize("index", range(10))
def test_malformed_or_deep_signed_entries_are_misses(
    dangling: Path, cache_on: None, index: int
) -> None:
    """Even with a valid signature (say, a bug in an older writer), a bad entry is a miss."""
    clean = findings(dangling, cache=False)
    findings(dangling, cache=True)
    home = cache_home()
    path = cache_file(dangling)
    assert home is not None and path is not None
    key = (home / "key").read_bytes()
    path.write_text(sign(poison_payload({content_key(DANGLING): bad_entries()[index]}), key))
    assert findings(dangling, cache=True) == clean


def test_deeply_nested_cache_file_is_a_miss(dangling: Path, cache_on: None) -> None:
    clean = findings(dangling, cache=False)
    findings(dangling, cache=True)
    home, path = cache_home(), cache_file(dangling)
    assert home is not None and path is not None
    nested = "[" * 200_000 + "]" * 200_000
    path.write_text(sign(nested, (home / "key").read_bytes()))
    assert findings(dangling, cache=True) == clean
    old = dangling / ".bpstrat-cache"
    old.mkdir()
    (old / "parsed.json").write_text(f'{{"stamp": "{parse_cache._stamp()}", "entries": {nested}}}')
    assert findings(dangling, cache=True) == clean


@pytest.mark.slow
@pytest.mark.parametrize("where", ["repository", "cache folder", "key"])
def test_fifo_in_place_of_the_cache_does_not_block(
    dangling: Path, private_cache_home: Path, where: str
) -> None:
    if where == "repository":
        (dangling / ".bpstrat-cache").mkdir()
        os.mkfifo(dangling / ".bpstrat-cache" / "parsed.json")
    else:
        path = cache_file(dangling)
        assert path is not None
        path.parent.mkdir(parents=True)
        os.mkfifo(path if where == "cache folder" else path.parent.parent / "key")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "BPSTRAT_NO_CACHE")}
    done = subprocess.run(
        [sys.executable, "-m", "bpstrat", "lint", str(dangling), "--today", "2026-11-20"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert done.returncode == 1, done.stderr
    assert "nobody-here" in done.stdout


def test_cache_folder_follows_the_platform_convention(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_home() == tmp_path / "xdg" / "bpstrat"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_home() == tmp_path / "home" / ".cache" / "bpstrat"
    path = cache_file(tmp_path / "strategy")
    assert path is not None and path.parent == tmp_path / "home" / ".cache" / "bpstrat" / "parsed"
