"""The docs cannot drift from the tree: every path they cite exists, and every excerpt of
a command's output is what the command prints today.

An excerpt is marked by a comment on the line before it (not shown when rendered):

    <!-- output of: bpstrat brief examples/pricing-platform --lang de --today 2026-11-20 -->

optionally followed by ` | cwd: FOLDER` (run there; paths are relative to the
repository), ` | edit: FILE OLD => NEW` (run in a copy of the folder, with OLD
replaced by NEW in FILE) and ` | repo: NAME` (run at the top of the git repository
tests/doc_repos.py builds under that name, FOLDER relative to it; commit hashes are
compared as any hash, since they change with the example's files). A fenced block's
lines, in runs separated by `...` lines, are runs of the output's lines in order (a
leading `$ command` line is the command shown);
a JSON block is a part of the output's JSON (keys and list items may be left out); a
`> ` quote is a sentence of the output, wherever it is wrapped.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bpstrat.cli.app import app
from tests.doc_repos import REPOS

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "bpstrat"
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

# A path is cited when it starts with a folder of the repository, or of the package
# (`lint/rules/`, `score/weights.py`), or is the target of a relative Markdown link.
REPO_FOLDERS = ("tests", "src", "docs", "templates", "examples", "benchmarks", ".ci")
PACKAGE_FOLDERS = tuple(
    p.name for p in sorted(PACKAGE.iterdir()) if p.is_dir() and p.name != "__pycache__"
)
CITED = re.compile(
    r"(?<![\w./~$-])((?:\.\./)*(?:"
    + "|".join(map(re.escape, REPO_FOLDERS + PACKAGE_FOLDERS))
    + r")/[^\s`'\")\],;:]*)"
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def cited_paths(text: str) -> list[str]:
    found = [m.group(1) for m in CITED.finditer(text)]
    found += [target for target in LINK.findall(text) if not re.match(r"[a-z]+:|#", target)]
    return sorted({path.split("#")[0].rstrip(".") for path in found} - {""})


def exists(doc: Path, cited: str) -> bool:
    """Whether `cited` names a file or folder: relative to the doc (links, `../`), the
    repository or the package; `<placeholder>` and `*` stand for any name."""
    pattern = re.sub(r"<[^>]+>", "*", cited).rstrip("/")
    bases = [doc.parent] if cited.startswith("../") else [REPO, doc.parent, PACKAGE]
    return any(
        any(base.glob(pattern)) if "*" in pattern else (base / pattern).exists() for base in bases
    )


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_every_path_the_docs_cite_exists(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert [p for p in cited_paths(text) if not exists(doc, p)] == []


def test_a_path_that_does_not_exist_is_reported() -> None:
    doc = REPO / "docs" / "security.md"
    text = (
        "| Promise | `tests/test_hostile_io.py`, `tests/hostile/test_io.py` |\n"
        "See [the brief](brief.md), [gone](gone.md#part), [home](https://example.org) and "
        "`lint/rules/`, `score/nothing.py`, `examples/<name>/BRIEF.md`.\n"
    )
    assert [p for p in cited_paths(text) if not exists(doc, p)] == [
        "gone.md",
        "score/nothing.py",
        "tests/test_hostile_io.py",
    ]


@dataclass(frozen=True)
class Excerpt:
    doc: Path
    line: int
    command: str
    cwd: str
    edit: tuple[str, str, str] | None
    kind: str  # "lines", "json" or "quote"
    text: str
    repo: str | None = None

    def __str__(self) -> str:
        return f"{self.doc.name}:{self.line}"


MARKER = re.compile(r"^<!-- output of: (.+) -->$")


def excerpts() -> list[Excerpt]:
    found = []
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            marker = MARKER.match(line)
            if marker is None:
                continue
            command, cwd, edit, repo = marker.group(1).split(" | ")[0], ".", None, None
            for option in marker.group(1).split(" | ")[1:]:
                key, _, value = option.partition(": ")
                if key == "cwd":
                    cwd = value
                elif key == "repo":
                    assert value in REPOS, f"{doc.name}:{i + 1}: no repository {value!r}"
                    repo = value
                elif key == "edit":
                    file, _, change = value.partition(" ")
                    old, _, new = change.partition(" => ")
                    edit = (file, old, new)
                else:
                    raise AssertionError(f"{doc.name}:{i + 1}: unknown option {key!r}")
            start = i + 1 + (lines[i + 1] == "")
            if lines[start].startswith("```"):
                end = lines.index("```", start + 1)
                body = lines[start + 1 : end]
                if body and body[0].startswith("$ "):
                    body = body[1:]
                kind = "json" if lines[start] == "```json" else "lines"
            else:
                end = start
                while end < len(lines) and lines[end].startswith(">"):
                    end += 1
                body = [line.removeprefix(">").strip() for line in lines[start:end]]
                kind = "quote"
            assert body, f"{doc.name}:{i + 1}: the marker is followed by no excerpt"
            text = "\n".join(body)
            found.append(Excerpt(doc, i + 1, command, cwd, edit, kind, text, repo))
    return found


def run(excerpt: Excerpt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    args = shlex.split(excerpt.command)
    assert args[0] == "bpstrat", excerpt.command
    folder = REPO / excerpt.cwd
    if excerpt.repo is not None:
        assert excerpt.edit is None, f"{excerpt}: edit a repository's files in tests/doc_repos.py"
        folder = REPOS[excerpt.repo](tmp_path / excerpt.repo) / excerpt.cwd
    if excerpt.edit is not None:
        file, old, new = excerpt.edit
        folder = Path(shutil.copytree(folder, tmp_path / folder.name))
        text = (folder / file).read_text(encoding="utf-8")
        assert old in text, f"{excerpt}: {file} does not say {old!r}"
        (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout


def part_of(part: Any, whole: Any) -> bool:
    """`part` is `whole` with keys and list items left out."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and part_of(value, whole[key]) for key, value in part.items()
        )
    if isinstance(part, list):
        if not isinstance(whole, list):
            return False
        rest = iter(whole)
        return all(any(part_of(item, candidate) for candidate in rest) for item in part)
    return bool(part == whole and isinstance(part, bool) == isinstance(whole, bool))


def occurs(part: Any, whole: Any) -> bool:
    """`part` is a part of `whole` or of a value anywhere inside it."""
    if part_of(part, whole):
        return True
    inside = whole.values() if isinstance(whole, dict) else whole if isinstance(whole, list) else []
    return any(occurs(part, value) for value in inside)


def runs_in_order(excerpt: str, output: str) -> bool:
    lines = [line.rstrip() for line in output.splitlines()]
    at = 0
    for run_ in re.split(r"^\.\.\.$\n?", excerpt, flags=re.M):
        wanted = [line.rstrip() for line in run_.strip("\n").splitlines()]
        while at + len(wanted) <= len(lines) and lines[at : at + len(wanted)] != wanted:
            at += 1
        if at + len(wanted) > len(lines):
            return False
        at += len(wanted)
    return True


COMMIT = re.compile(r"\b[0-9a-f]{7}(?:[0-9a-f]{33})?\b")


def any_commit(text: str) -> str:
    """`text` with every commit hash, short or full, written as `<commit>`."""
    return COMMIT.sub("<commit>", text)


@pytest.mark.parametrize("excerpt", excerpts(), ids=str)
def test_every_excerpt_of_output_is_what_the_command_prints(
    excerpt: Excerpt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output, text = run(excerpt, tmp_path, monkeypatch), excerpt.text
    if excerpt.repo is not None:
        output, text = any_commit(output), any_commit(text)
    if excerpt.kind == "json":
        text = text.strip()
        part = json.loads(text if text.startswith("{") else "{" + text + "}")
        assert occurs(part, json.loads(output)), f"{excerpt} is not part of:\n{output}"
    elif excerpt.kind == "quote":
        assert " ".join(text.split()) in " ".join(output.split()), output
    else:
        assert runs_in_order(text, output), f"{excerpt} is not in:\n{output}"


def test_every_block_of_output_in_the_docs_is_marked() -> None:
    """A JSON or Markdown block, or one that shows a `$ command`, is an excerpt of output
    and carries its marker, so the test above checks it."""
    unmarked = []
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").splitlines()
        fence = None
        for i, line in enumerate(lines):
            if line.startswith("```") and fence is None:
                fence = i
                before = lines[i - 1] if lines[i - 1] else lines[i - 2]
                shows = line in ("```json", "```markdown") or (
                    i + 1 < len(lines) and lines[i + 1].startswith("$ ")
                )
                if shows and not MARKER.match(before):
                    unmarked.append(f"{doc.name}:{i + 1}")
            elif line == "```":
                fence = None
    assert unmarked == []


def test_the_excerpt_checks_can_fail() -> None:
    assert runs_in_order("a\nb\n...\nd", "a\nb\nc\nd\n")
    assert not runs_in_order("a\nc", "a\nb\nc\n")
    assert not runs_in_order("c\n...\na", "a\nb\nc\n")
    assert occurs({"x": [{"y": 1}]}, {"v": 1, "d": [{"x": [{"y": 0}, {"y": 1, "z": 2}]}]})
    assert not occurs({"x": [{"y": 3}]}, {"d": [{"x": [{"y": 1}]}]})
    assert not part_of({"n": 1}, {"n": True})
    assert any_commit("beebfd2 6183826efabc628ce290214546d3920994f3d523 decided 2026") == (
        "<commit> <commit> decided 2026"
    )
    assert any_commit("e116a25x 12345678") == "e116a25x 12345678"
    assert len(excerpts()) >= 8
    assert {e.repo for e in excerpts()} >= set(REPOS)


def test_the_schema_files_the_editors_page_names_are_those_init_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(tmp_path / "s"), "--name", "Demo"]).exit_code == 0
    written = {p.relative_to(tmp_path / "s").as_posix() for p in (tmp_path / "s").rglob("*.json")}
    assert set(re.findall(r"\.bpstrat/[\w.]+\.json", text)) == written
    # The page's commands to regenerate them after an upgrade write the same bytes.
    commands = re.findall(r"^bpstrat schema .*$", text, re.M)
    assert len(commands) == len(written)
    monkeypatch.chdir(tmp_path / "s")
    for command in commands:
        target = Path(shlex.split(command)[-1])
        before = target.read_bytes()
        target.unlink()
        assert runner.invoke(app, shlex.split(command)[1:]).exit_code == 0
        assert target.read_bytes() == before, command


def documented_exit_codes() -> dict[int, str]:
    """The table under `## Exit codes` in docs/format.md: code -> meaning."""
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = text.split("\n## Exit codes\n")[1].split("\n## ")[0]
    return {
        int(code): meaning
        for code, meaning in re.findall(r"^\| `(\d+)` \| (.+) \|$", section, re.M)
    }


def test_the_documented_exit_codes_are_the_codes_bpstrat_exits_with() -> None:
    import ast

    from bpstrat.cli import failures
    from bpstrat.errors import UsageError

    documented = documented_exit_codes()
    # Every code the failure handler returns, and 0, is documented, and nothing more.
    tree = ast.parse(Path(failures.__file__).read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    returned = {
        node.value.value if isinstance(node.value, ast.Constant) else constants[node.value.id]
        for node in ast.walk(tree)
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant | ast.Name)
    }
    assert set(documented) == {0} | returned == {0, 1, 2, 3, 130}
    assert failures.exit_code_for(UsageError("no root")) == 2
    assert failures.exit_code_for(RuntimeError("boom")) == 3
    assert failures.exit_code_for(KeyboardInterrupt()) == 130
    assert "internal error" in documented[3] and "interrupted" in documented[130]


@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md"])
def test_every_list_of_exit_codes_names_them_all(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    listed = text.split("Exit codes")[1].split("\n\n")[0]
    assert [int(c) for c in re.findall(r"`(\d+)`", listed)] == sorted(documented_exit_codes())


def test_the_pinned_versions_in_the_docs_are_the_version() -> None:
    from bpstrat import __version__

    pins = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        pins += re.findall(r"bpstrat==([\w.]+)", text)
        pins += re.findall(r"^\s+version: \"([\w.]+)\"", text, re.M)
    assert len(pins) >= 3
    assert set(pins) == {__version__}
