"""Property tests: whatever text or YAML-shaped data a file holds, lint reports, never crashes."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstrat.cli.lint import run_lint
from bpstrat.source.yaml_fast import parse
from conftest import TODAY, write_root

FIELDS = ["kind", "id", "name", "importance", "demands", "dimension", "option", "strength",
          "problem", "owner", "power", "interest", "engagement", "current", "desired",
          "options", "choose", "choice", "status", "date", "metric", "by", "key", "side",
          "strategy", "summary", "sources", "problems", "consumers", "title", "reviewed"]
KINDS = ["consumer", "stakeholder", "problem", "goal", "dimension", "decision", "other"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10), st.floats(allow_nan=True),
    st.sampled_from(KINDS + ["web", "ana", "must", "rest-json", "2026-01-01", "2026-02-30",
                             "Web", "no", "on", "~", ""]),
    st.text(max_size=8),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=5)), children,
                        max_size=6),
    ),
    max_leaves=25,
)
yaml_chars = st.text(
    alphabet=st.sampled_from(list("abk:-[]{}!&*|>'\"#%@`?,. \n\t\r") + ["\x00", "\ufeff", "é"]),
    max_size=120,
)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def lint_files(files: dict[str, str | bytes]) -> int:
    """Lint through the command; every finding must point inside its file."""
    with tempfile.TemporaryDirectory() as tmp:
        base = write_root(Path(tmp) / "root", files)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = run_lint(base, "json", "error", TODAY)
        for finding in json.loads(out.getvalue())["findings"]:
            raw = (base / finding["path"]).read_bytes()
            lines = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
            assert 1 <= finding["line"] <= len(lines) + 1, finding
            assert finding["column"] >= 1, finding
        return code


@SETTINGS
@given(st.one_of(st.text(max_size=300), yaml_chars))
def test_parse_never_raises(text: str) -> None:
    _docs, error = parse(text)
    assert error is None or error.pos.line >= 1


@SETTINGS
@given(st.binary(max_size=300))
def test_lint_of_arbitrary_bytes(data: bytes) -> None:
    assert lint_files({"x.yaml": data}) in (0, 1)


@SETTINGS
@given(yaml_chars)
def test_lint_of_yaml_like_text(text: str) -> None:
    assert lint_files({"x.yaml": text}) in (0, 1)


@SETTINGS
@given(st.lists(trees, min_size=1, max_size=3), st.sampled_from(KINDS))
def test_lint_of_yaml_shaped_trees(documents: list[Any], kind: str) -> None:
    shaped = [{"kind": kind, **d} if isinstance(d, dict) else d for d in documents]
    text = yaml.safe_dump_all(shaped, allow_unicode=True)
    assert lint_files({"x.yaml": text, "y.yaml": yaml.safe_dump(documents[0])}) in (0, 1)


@SETTINGS
@given(trees)
def test_lint_of_arbitrary_config(tree: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = write_root(Path(tmp) / "root", {}, config=yaml.safe_dump(tree))
        with contextlib.redirect_stdout(io.StringIO()):
            assert run_lint(base, "text", "error", TODAY) in (0, 1)


# --- score and brief on random valid strategies ---------------------------------------

names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")
slugs = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)


@st.composite
def strategies(draw: Any) -> dict[str, Any]:
    options = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    dimension = {"kind": "dimension", "id": "dim", "name": draw(names),
                 "choose": draw(st.integers(1, len(options))),
                 "options": [{"id": o, "name": draw(names), "cost": draw(st.integers(1, 5))}
                             for o in options]}
    consumers = []
    for i in range(draw(st.integers(0, 5))):
        consumers.append({
            "kind": "consumer", "id": f"c{i}", "name": draw(names),
            "importance": draw(st.integers(1, 5)),
            "side": draw(st.sampled_from(["client", "supply"])),
            "strategy": {"summary": draw(names)},
            "demands": [{"dimension": "dim", "option": draw(st.sampled_from(options)),
                         "strength": draw(st.sampled_from(["must", "should", "could"])),
                         "note": draw(names)}
                        for _ in range(draw(st.integers(0, 3)))],
        })
    people = [{"kind": "stakeholder", "id": f"s{i}", "name": draw(names),
               "power": draw(st.integers(1, 5)), "interest": draw(st.integers(1, 5)),
               "engagement": {"current": draw(st.sampled_from(
                   ["unaware", "resistant", "neutral", "supportive", "leading"]))},
               "plan": {"next_step": draw(names)}}
              for i in range(draw(st.integers(0, 6)))]
    goals = [{"kind": "goal", "id": f"g{i}", "title": draw(names), "key": draw(st.booleans()),
              "problems": ["p0"],
              "metric": {"name": draw(names), "baseline": draw(st.floats(-1e6, 1e6)),
                         "target": draw(st.integers(-5, 5)), "by": "2027-01-01"}}
             for i in range(draw(st.integers(0, 3)))]
    decisions = []
    if draw(st.booleans()):
        decisions.append({"kind": "decision", "id": "d", "dimension": "dim",
                          "choice": options[: dimension["choose"]], "status": "accepted",
                          "date": "2026-01-01"})
    problem = {"kind": "problem", "id": "p0", "title": draw(names), "impact": 3}
    return {"docs": [dimension, problem, *consumers, *people, *goals, *decisions],
            "phase": draw(st.sampled_from(["buy-in", "problem", "minimum", "attention",
                                           "handover"]))}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies())
def test_score_and_brief_never_crash(strategy: dict[str, Any]) -> None:
    from bpstrat.brief.render import render_brief
    from bpstrat.cli.score import run_score

    config = ("product:\n  id: demo\n  name: Demo\n  sides: [client, supply]\n"
              f"  phase: {strategy['phase']}\n")
    with tempfile.TemporaryDirectory() as tmp:
        base = write_root(Path(tmp) / "root",
                          {"all.yaml": yaml.safe_dump_all(strategy["docs"], allow_unicode=True)},
                          config=config, with_ana=False)
        errors = [f for f in lint_result(base).findings if f.severity == "error"]
        assert errors == [], errors
        for format in ("text", "json", "markdown", "csv"):
            with contextlib.redirect_stdout(io.StringIO()):
                assert run_score(base, format, None, []) == 0
        brief = render_brief(base, today=TODAY)
        assert brief.startswith("# Demo: product strategy")
        assert render_brief(base, today=TODAY) == brief


def lint_result(base: Path) -> Any:
    from bpstrat.lint.linter import lint

    return lint(base, TODAY)
