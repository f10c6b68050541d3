"""The agenda's items: every kind of the contract, its date, entity, place and owner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bpstrat.agenda.items import KINDS, Agenda, add_days, build_agenda
from bpstrat.model.load import load_strategy
from tests.agenda.strategy import EXPECTED, TODAY, line_of, write


def agenda_of(root: Path, today: dt.date = TODAY, days: int = 30) -> Agenda:
    return build_agenda(load_strategy(root), today, days)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("agenda") / "strategy")


def test_every_kind_with_its_date_entity_place_and_owner(demo: Path) -> None:
    agenda = agenda_of(demo)
    got = [
        (i.date.isoformat(), i.kind, i.entity, i.overdue, i.path, i.line, i.owner)
        for i in agenda.items
    ]
    want = [
        (date, kind, entity, overdue, path, line_of(demo, path, text), owner)
        for date, kind, entity, overdue, path, text, owner in EXPECTED
    ]
    assert got == want
    assert {i.kind for i in agenda.items} == set(KINDS)
    assert agenda.overdue == 2 and agenda.horizon == dt.date(2026, 12, 22)


def test_titles_name_the_people_and_things(demo: Path) -> None:
    titles = {(i.kind, i.entity): i.title for i in agenda_of(demo).items}
    assert titles["next-step", "stakeholder:ana"] == (
        "Next step with Ana Lopez: Show the cost model; ask for the budget, then decide."
    )
    assert titles["stakeholder-review", "stakeholder:bob"] == (
        "Review the analysis of Bob (never reviewed)"
    )
    assert titles["demand-needed", "consumer:web"] == (
        "Web Shop needs SOAP/XML on Interface style (must)"
    )
    assert titles["accommodation-ends", "decision:new"] == (
        "The accommodation of Web Shop on Interface style ends: a SOAP bridge"
    )
    assert titles["decision-revisit", "decision:new"] == "Revisit decision new on Interface style"


def test_the_window_ends_on_its_last_day_and_overdue_starts_yesterday(demo: Path) -> None:
    # g1's goal-due is 2026-12-20: inside a window of 28 days, outside one of 27.
    assert ("goal-due", "goal:g1") in {(i.kind, i.entity) for i in agenda_of(demo, days=28).items}
    assert ("goal-due", "goal:g1") not in {
        (i.kind, i.entity) for i in agenda_of(demo, days=27).items
    }
    on_the_day = agenda_of(demo, today=dt.date(2026, 11, 25), days=0)
    step = next(i for i in on_the_day.items if i.kind == "next-step")
    assert not step.overdue
    late = agenda_of(demo, today=dt.date(2026, 11, 26), days=0)
    assert next(i for i in late.items if i.kind == "next-step").overdue
    assert all(i.date <= late.today for i in late.items)


def test_a_later_window_adds_what_was_beyond_it(demo: Path) -> None:
    far = agenda_of(demo, days=365)
    assert ("2027-06-01", "demand-needed") in {(i.date.isoformat(), i.kind) for i in far.items}
    assert [i.date for i in far.items] == sorted(i.date for i in far.items)


def test_superseded_proposed_and_ended_things_stay_off(demo: Path) -> None:
    far = agenda_of(demo, today=dt.date(2026, 11, 22), days=3650)
    entities = {i.entity for i in far.items}
    assert "decision:old" not in entities and "decision:idea" not in entities
    ends = [i for i in far.items if i.kind == "accommodation-ends"]
    assert [i.date for i in ends] == [dt.date(2026, 12, 5)]  # the ended one is not active
    goals = {i.entity for i in far.items if i.entity.startswith("goal:")}
    assert "goal:g2" not in goals and "goal:g6" not in goals  # achieved; no complete metric
    assert not [i for i in far.items if i.entity == "goal:g3" and i.kind == "measurement-due"]


def test_an_accommodation_leaves_the_agenda_once_ended(demo: Path) -> None:
    after = agenda_of(demo, today=dt.date(2026, 12, 6))
    assert not [i for i in after.items if i.kind == "accommodation-ends"]


def test_the_newest_of_measurements_on_one_day_is_the_later_in_the_list(tmp_path: Path) -> None:
    goal = """\
        kind: goal
        id: g1
        title: Fresh prices
        key: true
        metric:
          name: price age
          baseline: 100
          target: 0
          by: 2026-12-20
          measurements:
            - {date: 2026-11-01, value: 80}
            - {date: 2026-11-01, value: 70}
        """
    root = write(tmp_path / "s", goals__g1=goal)
    item = next(
        i for i in agenda_of(root).items if i.identity.startswith("measurement-due/goal:g1")
    )
    assert item.line == line_of(root, "goals/g1.yaml", "value: 70")


def test_no_product_owner_means_no_owner(tmp_path: Path) -> None:
    root = write(tmp_path / "s", config="product: {id: demo, name: Demo}\n")
    owners = {(i.kind, i.owner) for i in agenda_of(root).items}
    assert ("stakeholder-review", None) in owners and ("decision-revisit", "cy") in owners


def test_dates_at_the_end_of_the_calendar_do_not_overflow(tmp_path: Path) -> None:
    person = "kind: stakeholder\nid: zed\nname: Zed\npower: 1\ninterest: 1\nreviewed: 9999-12-30\n"
    root = write(tmp_path / "s", people__zed=person)
    agenda = agenda_of(root, today=dt.date(9999, 12, 30), days=10**9)
    review = next(i for i in agenda.items if i.entity == "stakeholder:zed")
    assert review.date == dt.date.max and agenda.horizon == dt.date.max
    assert add_days(dt.date.min, -1) == dt.date.min


def test_broken_files_leave_out_only_what_they_hold(tmp_path: Path) -> None:
    broken_person = "kind: stakeholder\nid: cy\nname: [\n"
    bad_date = "kind: stakeholder\nid: bob\nname: Bob\npower: 2\ninterest: 2\nreviewed: soon\n"
    root = write(tmp_path / "s", people__cy=broken_person, people__bob=bad_date)
    agenda = agenda_of(root)
    entities = [i.entity for i in agenda.items]
    assert "stakeholder:cy" not in entities
    bob = next(i for i in agenda.items if i.entity == "stakeholder:bob")
    # an unreadable date counts as never reviewed, placed at the field that is wrong
    assert bob.date == TODAY and bob.line == line_of(root, "people/bob.yaml", "reviewed:")


def test_negative_days_are_refused(demo: Path) -> None:
    with pytest.raises(ValueError):
        agenda_of(demo, days=-1)


def test_identities_do_not_hold_the_date(tmp_path: Path, demo: Path) -> None:
    moved = write(
        tmp_path / "s",
        consumers__web=(demo / "consumers/web.yaml")
        .read_text()
        .replace("needed_by: 2026-11-30", "needed_by: 2026-12-03"),
    )
    before = {(i.kind, i.entity): i.identity for i in agenda_of(demo).items}
    after = {(i.kind, i.entity): i.identity for i in agenda_of(moved).items}
    assert before == after
    assert len({i.identity for i in agenda_of(demo, days=3650).items}) == len(
        agenda_of(demo, days=3650).items
    )


# The lint rule that reports each kind of item once its date has passed. (Goals differ
# on purpose: lint reports a key goal never measured at once and an achieved one that
# is not measured lately, while the agenda dates the first measurement at `since` or
# today and leaves achieved goals out; BP419 waits for a first measurement.)
OVERDUE_RULES = {
    "BP406": "stakeholder-review",
    "BP427": "next-step",
    "BP422": "decision-revisit",
    "BP413": "demand-needed",
    "BP421": "consumer-strategy-review",
}


@pytest.mark.parametrize("today", ["2026-11-22", "2026-11-26", "2026-12-21", "2027-07-01"])
def test_what_is_overdue_is_what_lint_reports_as_late(demo: Path, today: str) -> None:
    from bpstrat.lint.linter import lint

    day = dt.date.fromisoformat(today)
    late = {
        (OVERDUE_RULES[f.code], f.entity)
        for f in lint(demo, day).findings
        if f.code in OVERDUE_RULES and "until" not in f.field  # not an ended compromise
    }
    overdue = {
        (i.kind, i.entity)
        for i in agenda_of(demo, today=day, days=0).items
        if i.overdue and i.kind in OVERDUE_RULES.values()
    }
    # never reviewed is due today, not overdue; lint reports it at once
    assert overdue == late - {("stakeholder-review", "stakeholder:bob")}
    assert ("stakeholder-review", "stakeholder:cy") in overdue


def test_the_json_is_what_the_indenting_encoder_writes(demo: Path) -> None:
    from bpstrat.report import agenda_json
    from bpstrat.report.json_text import json_text

    for days in (0, 30, 3650):
        agenda = agenda_of(demo, days=days)
        text = agenda_json.render(agenda)
        assert text == json_text(json.loads(text))
        assert len(json.loads(text)["items"]) == len(agenda.items)
    empty = Agenda(TODAY, 0, TODAY, None, None, (), {})
    assert agenda_json.render(empty) == json_text(
        {"version": 1, "today": "2026-11-22", "days": 0, "items": []}
    )
