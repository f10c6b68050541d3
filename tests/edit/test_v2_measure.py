"""`bpstrat measure GOAL VALUE [--date D] [PATH]`: append a measurement in place."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bpstrat.cli.app import app
from tests.helpers import run_all
from tests.v2_strategy import FILES, TODAY, write


def measure(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["measure", *args, "--today", TODAY.isoformat()])
    return result.exit_code, result.output


def test_appends_keeping_every_comment(tmp_path: Path) -> None:
    base = write(tmp_path)
    code, out = measure("fresh-prices", "300", "--date", "2026-11-18", str(base))
    assert code == 0, out
    text = (base / "goal.yaml").read_text()
    assert text == FILES["goal.yaml"] + "    - {date: 2026-11-18, value: 300}\n"
    assert run_all(base).findings == []
    assert run_all(base).score.goal("fresh-prices").latest.value == 300  # type: ignore[union-attr]


def test_creates_measurements_and_defaults_to_today(tmp_path: Path) -> None:
    goal = FILES["goal.yaml"].split("  since:")[0] + "  # the end of the metric\n"
    goal = (
        "# goals of the pricing platform\n"
        + goal
        + "---\n"
        + (
            "kind: goal\nid: other\ntitle: Other\nproblems: [stale-prices]\n"
            "metric: {name: m, baseline: 1, target: 2, "
            "by: 2027-01-01}  # flow\n"
        )
    )
    base = write(tmp_path, **{"goal.yaml": goal})
    assert measure("other", "1.5", str(base))[0] == 0
    text = (base / "goal.yaml").read_text()
    assert "# goals of the pricing platform" in text and "# the end of the metric" in text
    assert "# flow" in text
    scored = run_all(base).score.goal("other")
    assert scored is not None and scored.latest is not None
    assert (scored.latest.date, scored.latest.value) == (TODAY, 1.5)
    assert measure("fresh-prices", "600", str(base))[0] == 0
    assert (
        "  measurements:\n    - {date: 2026-11-20, value: 600}\n"
        in (base / "goal.yaml").read_text()
    )
    assert [f.code for f in run_all(base).findings] == []


def test_refusals_exit_2_and_write_nothing(tmp_path: Path) -> None:
    goal = (
        FILES["goal.yaml"] + "---\nkind: goal\nid: loose\ntitle: Loose\nproblems: [stale-prices]\n"
    )
    base = write(tmp_path, **{"goal.yaml": goal})
    before = (base / "goal.yaml").read_text()
    code, out = measure("fresh-price", "300", str(base))
    assert code == 2 and "did you mean 'fresh-prices'" in out
    code, out = measure("loose", "300", str(base))
    assert code == 2 and "has no metric" in out
    code, out = measure("fresh-prices", "lots", str(base))
    assert code == 2 and "not a number" in out
    code, out = measure("fresh-prices", "nan", str(base))
    assert code == 2 and "not a number" in out
    code, out = measure("fresh-prices", "300", "--date", "2026-13-01", str(base))
    assert code == 2 and "YYYY-MM-DD" in out
    code, out = measure("fresh-prices", "300", "--date", "2026-11-21", str(base))
    assert code == 2 and "after today" in out
    assert (base / "goal.yaml").read_text() == before
    assert "Traceback" not in out
