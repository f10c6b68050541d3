"""fmt on several processes gives exactly what fmt in one process gives."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from bpstrat.cli.fmt import run_fmt
from bpstrat.edit import fmt_pool
from bpstrat.edit.fmt import format_text
from bpstrat.edit.fmt_pool import Unreadable, format_one, format_texts, workers
from tests.edit.messy import MESSY

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # noqa: E402

ODD = [
    MESSY,
    "kind: goal\nid: g\n  bad: indentation\n",  # invalid YAML
    "a: &x 1\nb: *x\n",  # an alias: left as is
    "---\nkind: goal\nid: a\n---\nkind: goal\nid: b\n",
    "",
    "# only a comment\n",
    "\ufeffkind: problem\nid: p\ntitle: T\n",
]


def every_yaml_text() -> list[tuple[str, bool]]:
    found = sorted(
        p for folder in ("tests", "examples", "templates") for p in (REPO / folder).rglob("*.y*ml")
    )
    texts = [(p.read_text(encoding="utf-8"), p.name == "bpstrat.yaml") for p in found]
    return texts + [(text, False) for text in ODD]


def test_small_runs_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert workers(fmt_pool.POOL_MIN_FILES - 1) == 1
    monkeypatch.setenv("BPSTRAT_JOBS", "1")
    assert workers(100_000) == 1
    monkeypatch.setenv("BPSTRAT_JOBS", "2")
    assert workers(100_000) == 2


def test_unreadable_yaml_becomes_a_value() -> None:
    result = format_one(("kind: goal\nid: g\n  bad: indentation\n", False))
    assert isinstance(result, Unreadable) and result.where.startswith("3:")


@pytest.mark.slow
def test_pool_agrees_with_one_process_on_every_test_file(monkeypatch: pytest.MonkeyPatch) -> None:
    items = every_yaml_text()
    alone = [format_one(item) for item in items]
    monkeypatch.setattr(fmt_pool, "POOL_MIN_FILES", 2)
    monkeypatch.setenv("BPSTRAT_JOBS", "2")
    assert workers(len(items)) == 2
    assert format_texts(items, format_text) == alone


@pytest.mark.slow
def test_fmt_command_agrees_with_and_without_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = generate(tmp_path / "gen", 80)
    for index, text in enumerate(ODD):
        (root / "consumers" / f"odd-{index}.yaml").write_text(text, encoding="utf-8")
    (root / "consumers" / "consumer-7.yaml").write_text(MESSY, encoding="utf-8")
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    monkeypatch.setattr(fmt_pool, "POOL_MIN_FILES", 20)

    outcomes = []
    for jobs, where in (("1", root), ("2", root), ("1", root), ("2", copy)):
        monkeypatch.setenv("BPSTRAT_JOBS", jobs)
        check = where == root and len(outcomes) < 2
        code = run_fmt(where, check=check, show_diff=False)
        captured = capsys.readouterr()
        outcomes.append((code, captured.out, captured.err.replace(str(copy), str(root))))
    assert outcomes[0] == outcomes[1]  # --check, one process and a pool
    assert outcomes[0][0] == 1 and "would reformat consumers/consumer-7.yaml" in outcomes[0][2]
    assert outcomes[2] == outcomes[3]  # writing, one process and a pool
    for path in root.rglob("*.yaml"):
        assert path.read_bytes() == (copy / path.relative_to(root)).read_bytes()
