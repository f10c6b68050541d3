"""`init` and `new` carry the v2 fields and still lint clean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from bpstrat.edit.scaffold import init, new
from tests.helpers import TODAY, run_all

INIT_FIELDS = {
    "goals/example-goal.yaml": ["since:", "measurements:"],
    "decisions/interface.yaml": ["decided_by:", "consulted:", "revisit:", "# accommodations:"],
    "consumers/example-consumer.yaml": ["reviewed:"],
    "bpstrat.yaml": ["# value_chain:", "track_tolerance:", "accommodation:"],
}


def test_init_has_v2_fields_and_lints_clean(tmp_path: Path) -> None:
    init(tmp_path, "Demo", TODAY, False, False)
    for rel, fields in INIT_FIELDS.items():
        text = (tmp_path / rel).read_text()
        assert all(f in text for f in fields), (rel, fields)
    result = run_all(tmp_path)
    assert result.findings == []
    goal = result.score.goal("example-goal")
    assert goal is not None and goal.status == "on-track"
    later = run_all(tmp_path, TODAY + dt.timedelta(days=90))
    assert later.findings == []


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("goal", ["# since:", "# measurements:"]),
        ("decision", ["# decided_by:", "# consulted:", "# supersedes:", "# accommodations:"]),
        ("consumer", ["# reviewed:"]),
        ("stakeholder", ["# consumers:"]),
    ],
)
def test_new_skeletons_carry_commented_v2_fields(
    tmp_path: Path, kind: str, fields: list[str]
) -> None:
    init(tmp_path, "Demo", TODAY, False, False)
    target = new(tmp_path, kind, "brand-new", None, TODAY)
    text = target.read_text()
    assert all(f in text for f in fields)
    YAML(typ="safe").load(text)
    assert [
        f.code
        for f in run_all(tmp_path).findings
        if f.path.endswith("brand-new.yaml") and f.code < "BP400"
    ] == []
