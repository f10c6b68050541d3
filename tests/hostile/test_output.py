"""Hostile strategy files from a pull request: what bpstrat prints, computes and writes.

Each test reproduces one attack: forged CI annotations, terminal escape sequences and
Markdown injection through keys, values and file names; numbers past every limit;
templates that hang or exhaust memory; output that grows with the square of the input;
FIFOs where a file is expected; and scaffolded files that lint would reject.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bpstrat.brief.render import render_brief
from bpstrat.cli.brief import run_brief
from bpstrat.cli.init import run_init, run_new
from bpstrat.cli.lint import run_lint
from bpstrat.cli.score import run_score
from bpstrat.edit.scaffold import init, new
from bpstrat.errors import UsageError
from bpstrat.lint.baseline import read_baseline
from bpstrat.lint.linter import lint
from bpstrat.score import flip
from bpstrat.source.visible import visible, window
from tests.helpers import TODAY, Writer, bpstrat

FORGED_KEY = '"x\\n::error file=bpstrat.yaml,line=1::FORGED": 1\n'
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")

CONSUMER = """\
kind: consumer
id: web
name: Web
importance: 3
demands: [{dimension: d, option: a, strength: must}]
"""
DIMENSION = "kind: dimension\nid: d\nname: D\noptions: [{id: a}, {id: b}]\n"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A test that would block (a FIFO, an endless template) fails instead of hanging."""

    def fail(_signum: int, _frame: object) -> None:
        raise TimeoutError("blocked for 30 s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def run(function: object, *args: object, **kwargs: object) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = function(*args, **kwargs)  # type: ignore[operator]
    return code, out.getvalue()


# Output injection ----------------------------------------------------------------------


def test_a_key_cannot_forge_a_github_annotation(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER + FORGED_KEY, "d.yaml": DIMENSION})
    code, out = run(run_lint, base, format="github", fail_on="error", today=TODAY)
    assert code == 1
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert not any(line.startswith("::error file=bpstrat.yaml") for line in lines)
    forged = next(line for line in lines if "FORGED" in line)
    assert "x%0A::error file=bpstrat.yaml" in forged


def test_a_key_cannot_forge_an_annotation_through_the_text_report(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER + FORGED_KEY, "d.yaml": DIMENSION})
    code, out = run(run_lint, base, format="text", fail_on="error", today=TODAY)
    assert code == 1
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "x\\n::error file=bpstrat.yaml,line=1::FORGED" in out


def test_control_characters_in_annotation_properties_and_messages_are_escaped(
    root: Writer,
) -> None:
    base = root({"w,e:b\x1b.yaml": CONSUMER + '"k\\x1b]0;pwn\\x07": 1\n', "d.yaml": DIMENSION})
    _, out = run(run_lint, base, format="github", fail_on="error", today=TODAY)
    assert not any(c in out for c in CONTROLS)
    assert "w%2Ce%3Ab\\x1b.yaml,line=" in out


@pytest.mark.parametrize("value", ["\\e]0;owned\\a", "\\e[2J", "\\x9b31m", "\\u202etxt.exe"])
def test_terminal_controls_in_keys_and_values_are_shown_not_obeyed(
    root: Writer, value: str
) -> None:
    text = CONSUMER.replace("name: Web", f'name: "Web{value}"') + f'"bad{value}": 1\n'
    base = root({"web.yaml": text, "d.yaml": DIMENSION})
    _, out = run(run_lint, base, format="text", fail_on="error", today=TODAY)
    assert "unknown field" in out
    assert not any(c in out for c in CONTROLS)
    assert "\\x1b" in out or "\\x9b" in out or "\\u202e" in out
    _, scored = run(run_score, base, format="text", dimension=None, what_if=[])
    assert "Web" in scored
    assert not any(c in scored for c in CONTROLS)


def test_control_characters_in_an_error_message_are_shown(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION})
    from typer.testing import CliRunner

    from bpstrat.cli.app import app

    result = CliRunner().invoke(app, ["score", str(base), "--what-if", "\x1b[2Jweb=2"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\\x1b[2Jweb" in result.output


@pytest.mark.parametrize("name", ["<img src=x onerror=alert(1)>.yaml", "# Injected heading.yaml"])
def test_file_names_are_escaped_in_the_brief(root: Writer, name: str) -> None:
    base = root({name: CONSUMER.replace("importance: 3", "importance: 9"), "d.yaml": DIMENSION})
    brief = render_brief(base, None, TODAY)
    assert "importance" in brief  # the finding is listed, with its file
    assert "<img" not in brief
    assert not any(line.startswith("# Injected") for line in brief.splitlines())


def test_markdown_score_escapes_names(root: Writer) -> None:
    text = CONSUMER.replace("name: Web", 'name: "<script>x</script> | # h \\e[2J"')
    base = root({"web.yaml": text, "d.yaml": DIMENSION})
    _, out = run(run_score, base, format="markdown", dimension=None, what_if=[])
    assert "<script>" not in out and "\x1b" not in out
    assert "&lt;script&gt;" in out


def test_visible_escapes_every_control_class() -> None:
    assert visible("a\x00b\x1b[2J\x7f\x85\u2028\u202e\ufeff\tz") == (
        "a\\x00b\\x1b[2J\\x7f\\x85\\u2028\\u202e\\ufeff\\tz"
    )
    assert visible("plain é 中文") == "plain é 中文"


HIDDEN = ("\u200b", "\u200d", "\u2060", "\xad", "\U000e0041", "\U000e007f")


def test_zero_width_and_tag_characters_are_escaped_everywhere(root: Writer) -> None:
    assert visible("a\u200bb\u200cc\u200dd\u2060e\u180ef\xadg\U000e0041\U000e007fh") == (
        "a\\u200bb\\u200cc\\u200dd\\u2060e\\u180ef\\xadg\\U000e0041\\U000e007fh"
    )
    hidden = "Web\u200b\U000e0041\U000e0042\U000e007f"
    text = CONSUMER.replace("name: Web", f'name: "{hidden}"') + f'"bad{hidden}": 1\n'
    base = root({"web.yaml": text, "d.yaml": DIMENSION})
    for format in ("text", "github", "sarif"):
        _, out = run(run_lint, base, format=format, fail_on="error", today=TODAY)
        assert "unknown field" in out
        assert not any(c in out for c in HIDDEN)
        assert "\\u200b" in out and "\\U000e0041" in out
    _, scored = run(run_score, base, format="text", dimension=None, what_if=[])
    assert "Web" in scored and not any(c in scored for c in HIDDEN)
    _, data = run(run_lint, base, format="json", fail_on="error", today=TODAY)
    assert not any(c in data for c in HIDDEN)  # JSON escapes: the same values to a reader
    assert any(hidden in f["message"] for f in json.loads(data)["findings"])
    brief = render_brief(base, None, TODAY)
    assert "Web" in brief and not any(c in brief for c in HIDDEN)


# Numbers -------------------------------------------------------------------------------


HUGE = "9" * 5000


@pytest.mark.parametrize(
    "value",
    [
        HUGE,
        "-" + HUGE,
        "0x" + "f" * 5000,
        "0o" + "7" * 5000,
        "!!float " + HUGE,
        "1e308",
        ".inf",
        "-.inf",
        ".nan",
    ],
)
def test_huge_and_non_finite_numbers_are_findings(root: Writer, value: str) -> None:
    goal = (
        "kind: goal\nid: g\ntitle: G\nmetric: {name: n, baseline: "
        + value
        + ", target: 1, by: 2027-01-01}\n"
    )
    consumer = CONSUMER.replace("importance: 3", f"importance: {value}")
    base = root({"web.yaml": consumer, "d.yaml": DIMENSION, "g.yaml": goal})
    result = lint(base, TODAY)
    bad = {(f.path, f.code) for f in result.findings}
    assert ("web.yaml", "BP202") in bad and ("g.yaml", "BP202") in bad
    code, out = run(run_lint, base, format="text", fail_on="error", today=TODAY)
    assert code == 1 and len(out) < 20_000
    _, scored = run(run_score, base, format="json", dimension=None, what_if=[])
    json.loads(scored, parse_constant=lambda c: pytest.fail(f"{c} in score JSON"))
    assert render_brief(base, None, TODAY).startswith("#")
    run(run_new, base, kind="consumer", id_="other", name=None, today=TODAY)


def test_a_measured_number_is_bounded(root: Writer) -> None:
    goal = (
        "kind: goal\nid: g\ntitle: G\nmetric: {name: n, baseline: 1e13, target: 1, "
        "by: 2027-01-01}\n"
    )
    base = root({"g.yaml": goal})
    messages = [f.message for f in lint(base, TODAY).findings if f.code == "BP202"]
    assert any("1000000000000" in m for m in messages), messages


@pytest.mark.parametrize("weight", ["1e308", ".inf", ".nan", "1e7"])
def test_strength_weights_are_bounded(root: Writer, weight: str) -> None:
    config = f"product: {{id: p, name: P}}\nscoring:\n  strength: {{must: {weight}}}\n"
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION}, config=config)
    assert any(f.code == "BP202" for f in lint(base, TODAY).findings)
    with pytest.raises(UsageError, match=r"scoring\.strength\.must"):
        run(run_score, base, format="json", dimension=None, what_if=[])


@pytest.mark.parametrize("factor", ["nan", "inf", "1e308", "-0", "0", "1e-9", "1e7"])
def test_what_if_factors_are_finite_positive_and_bounded(root: Writer, factor: str) -> None:
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION})
    with pytest.raises(UsageError, match="above 0"):
        run(run_score, base, format="json", dimension=None, what_if=[f"web={factor}"])


def test_the_largest_what_if_factor_gives_valid_json(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION})
    _, out = run(run_score, base, format="json", dimension=None, what_if=["web=1e6"])
    data = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in score JSON"))
    assert data["what_if"]["factors"] == {"web": 1e6}


# Templates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "range"),
        ("{{ '%0999999999d'|format(1) }}", "width"),
        ("{{ '%0999999999d' % 1 }}", "width"),
        ("{{ '{:0999999999}'.format(1) }}", "width"),
        ("{{ '{:10001}'.format(1) }}", "width"),  # just past the limit
        ("{{ '%10001d' % 1 }}", "width"),
        ("{{ '{:{w}}'.format(1, w=10**9) }}", "width"),
        ("{{ 'x' * 10**9 }}", "repeating"),
        ("{{ ['x'] * 10**9 }}", "repeating"),
        ("{{ 'x'|center(10**9) }}", "center"),
        ("{{ 'a\nb'|indent(10**9) }}", "indent"),
        ("{{ 'x'|wordwrap(10**9) }}", "wordwrap"),
        ("{{ 2 ** 1000000000 }}", "exponent"),
        ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "calls itself"),
    ],
)
def test_a_template_from_the_pull_request_is_bounded(
    root: Writer, template: str, words: str
) -> None:
    base = root(
        {
            "web.yaml": CONSUMER,
            "d.yaml": DIMENSION,
            "templates/brief.md.j2": "# Brief\n\n" + template + "\n",
        }
    )
    with pytest.raises(UsageError, match=words) as caught:
        render_brief(base, None, TODAY)
    assert "brief.md.j2" in str(caught.value)


def test_a_width_at_the_limit_is_allowed(root: Writer) -> None:
    base = root(
        {
            "web.yaml": CONSUMER,
            "d.yaml": DIMENSION,
            "templates/brief.md.j2": "{{ '{:10000}'.format(1) }}|{{ '%010000d' % 1 }}\n",
        }
    )
    first, second = render_brief(base, None, TODAY).rstrip("\n").split("|")
    assert len(first) == 10_000 and len(second) == 10_000


def test_a_template_past_the_output_limit_stops(
    root: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bpstrat.brief import sandbox

    monkeypatch.setattr(sandbox, "MAX_SIZE", 100_000)
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"
    base = root(
        {
            "web.yaml": CONSUMER,
            "d.yaml": DIMENSION,
            "templates/brief.md.j2": "# Brief\n\n" + loop + "\n",
        }
    )
    with pytest.raises(UsageError, match=r"brief.md.j2: the brief grew past 100000"):
        render_brief(base, None, TODAY)


def test_a_template_past_its_time_budget_stops_at_its_line(
    root: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bpstrat.brief import sandbox

    monkeypatch.setattr(sandbox, "TIME_BUDGET", 0.2)
    loop = (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% set k = i %}"
        "{% endfor %}{% endfor %}"
    )
    base = root(
        {
            "web.yaml": CONSUMER,
            "d.yaml": DIMENSION,
            "templates/brief.md.j2": "# Brief\n\n" + loop + "\n",
        }
    )
    with pytest.raises(UsageError, match=r"brief.md.j2:3: the template ran past"):
        render_brief(base, None, TODAY)


def test_an_ordinary_template_still_renders(root: Writer) -> None:
    template = (
        "# {{ product.name }}\n{% for i in range(3) %}{{ '%05.1f'|format(i) }} "
        "{{ '{:>6}'.format('x') }} {{ 'ab' * 2 }}{% endfor %}\n"
    )
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION, "templates/brief.md.j2": template})
    assert render_brief(base, None, TODAY) == (
        "# Demo Platform\n000.0      x abab001.0      x abab002.0      x abab\n"
    )


# Bounded output and cost ---------------------------------------------------------------


def test_one_long_line_is_quoted_as_a_window_not_once_per_finding(root: Writer) -> None:
    keys = ", ".join(f"unknown{i}: {i}" for i in range(1000))
    base = root({"web.yaml": "{kind: consumer, id: web, name: Web, importance: 3, " + keys + "}\n"})
    code, out = run(run_lint, base, format="text", fail_on="error", today=TODAY)
    assert code == 1
    assert out.count("BP203") == 1000
    assert max(len(line) for line in out.splitlines()) < 400
    assert len(out) < 1000 * 400
    assert "…" in out


def test_the_window_keeps_the_caret_on_the_column() -> None:
    line = "a" * 500 + "X" + "b" * 500
    shown, column = window(line, 501)
    assert shown[column - 1] == "X" and len(shown) <= 102
    assert shown.startswith("…") and shown.endswith("…")
    assert window("short\x1b", 6) == ("short\\x1b", 6)


def test_a_flip_past_the_search_budget_is_reported_as_not_searched(
    root: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "d.yaml": DIMENSION,
        "web.yaml": CONSUMER,
        "app.yaml": CONSUMER.replace("id: web", "id: app")
        .replace("option: a", "option: b")
        .replace("importance: 3", "importance: 2"),
    }
    base = root(files)
    _, before = run(run_score, base, format="json", dimension=None, what_if=[])
    assert json.loads(before)["dimensions"][0]["flip"]["consumer"] in ("app", "web")
    monkeypatch.setattr(flip, "FLIP_BUDGET", 3)
    _, after = run(run_score, base, format="json", dimension=None, what_if=[])
    dimension = json.loads(after)["dimensions"][0]
    assert dimension["flip"] is None and dimension["flip_searched"] is False
    _, text = run(run_score, base, format="text", dimension=None, what_if=[])
    assert "was not searched" in text


@pytest.mark.slow
def test_many_options_and_consumers_lint_quickly(root: Writer) -> None:
    import random
    import time

    rng = random.Random(1)
    options = "".join(f"  - id: o{i}\n" for i in range(800))
    files: dict[str, str | bytes] = {
        "d.yaml": f"kind: dimension\nid: d\nname: D\nchoose: 400\noptions:\n{options}"
    }
    for c in range(100):
        demands = "".join(
            f"  - {{dimension: d, option: o{rng.randrange(800)}, strength: must}}\n"
            for _ in range(8)
        )
        files[f"c{c}.yaml"] = (
            f"kind: consumer\nid: c{c}\nname: C{c}\nimportance: "
            f"{rng.randint(1, 5)}\ndemands:\n{demands}"
        )
    base = root(files)
    start = time.perf_counter()
    lint(base, TODAY)
    assert time.perf_counter() - start < 20


def test_a_fifo_as_baseline_is_refused(root: Writer, tmp_path: Path) -> None:
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION})
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        read_baseline(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        run(run_lint, base, format="json", fail_on="error", today=TODAY, baseline=fifo)


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"version": 1, "findings": ' + "[" * 50_000 + "]" * 50_000 + "}",
    ],
)
def test_a_deeply_nested_baseline_is_a_usage_error(
    root: Writer, tmp_path: Path, content: str
) -> None:
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION})
    deep = tmp_path / "deep-baseline.json"
    deep.write_text(content)
    with pytest.raises(UsageError, match=r"deep-baseline\.json: it nests too deeply"):
        read_baseline(deep)
    result = bpstrat("lint", base, "--today", "2026-11-20", "--baseline", deep)
    assert result.returncode == 2
    assert "deep-baseline.json" in result.stderr and "Traceback" not in result.stderr


def test_a_fifo_as_the_checked_brief_is_refused(root: Writer, tmp_path: Path) -> None:
    base = root({"web.yaml": CONSUMER, "d.yaml": DIMENSION})
    fifo = tmp_path / "BRIEF.md"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        run_brief(base, output=fifo, template=None, check=True, today=TODAY)


# What bpstrat writes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Pricing: Platform",
        "null",
        "true",
        "yes",
        "No",
        "12",
        "2026-01-01",
        " padded ",
        "#hash",
        "- dash",
        "a\\b",
        "[x]",
        "~",
        "@at",
        "'quoted'",
        "é accented",
    ],
)
def test_init_and_new_write_names_that_lint_reads_back(tmp_path: Path, name: str) -> None:
    init(tmp_path, name, TODAY, False, False)
    target = new(tmp_path, "consumer", "n1", name, TODAY)
    result = lint(tmp_path, TODAY)
    assert [f for f in result.findings if f.code != "BP405"] == []  # BP405: a new consumer
    assert result.strategy.config.product is not None
    assert result.strategy.config.product.name == name
    consumer = next(c for c in result.strategy.consumers if c.id == "n1")
    assert consumer.name == name
    assert target.name == "n1.yaml"


@pytest.mark.parametrize(
    "name", ["A\nlint: {ignore: [BP1]}", "A\rB", "A\x1b[2J", "A\u202eB", "A\x00", "A\u2028B"]
)
def test_control_characters_in_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError, match="control or line-break"):
        init(tmp_path, name, TODAY, False, False)
    assert not (tmp_path / "bpstrat.yaml").exists()
    init(tmp_path, "P", TODAY, False, False)
    with pytest.raises(UsageError, match="control or line-break"):
        new(tmp_path, "consumer", "n1", name, TODAY)
    assert not (tmp_path / "consumers" / "n1.yaml").exists()


@pytest.mark.parametrize("id_", ["zz\n", "zz\r", "zz\n\n", "Zz", "zz/../x"])
def test_new_refuses_an_id_that_is_not_a_whole_slug(tmp_path: Path, id_: str) -> None:
    init(tmp_path, "P", TODAY, False, False)
    with pytest.raises(UsageError, match="not a valid id"):
        new(tmp_path, "consumer", id_, None, TODAY)
    assert sorted(p.name for p in (tmp_path / "consumers").iterdir()) == ["example-consumer.yaml"]


def test_an_id_with_a_trailing_newline_is_a_finding(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER.replace("id: web", 'id: "web\\n"'), "d.yaml": DIMENSION})
    assert any(f.code == "BP202" and f.path == "web.yaml" for f in lint(base, TODAY).findings)


def test_the_schema_slug_pattern_refuses_a_trailing_newline() -> None:
    import re

    from bpstrat.model.types import SLUG_PATTERN

    assert re.search(SLUG_PATTERN, "web") and not re.search(SLUG_PATTERN, "web\n")


def test_init_into_a_regular_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        run(run_init, target, name="P", pre_commit=False, github_actions=False, today=TODAY)
    assert target.read_text() == "x"


def test_new_when_the_kind_folder_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    init(tmp_path, "P", TODAY, False, False)
    (tmp_path / "dimensions" / "interface.yaml").unlink()
    (tmp_path / "decisions" / "interface.yaml").unlink()
    (tmp_path / "dimensions").rmdir()
    (tmp_path / "dimensions").write_text("")
    with pytest.raises(UsageError, match="a file of that name is in the way"):
        new(tmp_path, "dimension", "d2", None, TODAY)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(UsageError, match="cannot"):
            init(folder, "P", TODAY, False, False)
    finally:
        folder.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("value", ["0x_", "!!bool client", "!!set x"])
def test_fmt_reports_a_scalar_the_round_trip_reader_cannot_build(root: Writer, value: str) -> None:
    from bpstrat.cli.fmt import run_fmt

    base = root({"web.yaml": CONSUMER.replace("name: Web", f"name: {value}")})
    before = (base / "web.yaml").read_text()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code, _ = run(run_fmt, base, False, False)
    assert code in (0, 1) and "web.yaml" in err.getvalue()  # says why it left the file
    assert (base / "web.yaml").read_text() == before
