"""`agenda --format ics`: parsed by a real iCalendar parser, and held to RFC 5545's line
rules (CRLF, at most 75 octets, folding at a character boundary) byte by byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from bpstrat.agenda import ics
from bpstrat.agenda.items import Agenda, Item, build_agenda
from bpstrat.model.load import load_strategy
from bpstrat.report import agenda_ics
from tests.agenda.strategy import TODAY, write


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("ics") / "strategy")


def calendar_of(root: Path, today: dt.date = TODAY, days: int = 30) -> tuple[Agenda, bytes]:
    agenda = build_agenda(load_strategy(root), today, days)
    data = agenda_ics.render(agenda).encode("utf-8")
    check_lines(data)
    return agenda, data


def check_lines(data: bytes) -> None:
    """RFC 5545 3.1: CRLF line ends, lines of at most 75 octets, each a whole UTF-8 text
    (a fold never splits a character), continuation lines begin with one space."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\r" not in line and b"\n" not in line, line
        assert len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # raises when a fold cut a character in two
    assert not lines[0].startswith(b" ")


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_a_real_parser_reads_one_all_day_event_per_item(demo: Path) -> None:
    agenda, data = calendar_of(demo)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and "bpstrat" in str(calendar["PRODID"])
    found = events(data)
    assert len(found) == len(agenda.items) == 13
    for event, item in zip(found, agenda.items, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and start == item.date
        assert end == item.date + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == (f"Overdue: {item.title}" if item.overdue else item.title)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)
        assert event["DTSTART"].params["VALUE"] == "DATE"
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)


def test_text_is_escaped_and_comes_back_whole(demo: Path) -> None:
    _, data = calendar_of(demo)
    raw = data.decode("utf-8").replace("\r\n ", "")
    assert "cost model\\; ask for the budget\\, then decide." in raw
    step = next(e for e in events(data) if "Ana Lopez:" in str(e["SUMMARY"]))
    assert str(step["SUMMARY"]).endswith("Show the cost model; ask for the budget, then decide.")
    description = str(step["DESCRIPTION"])
    assert description.splitlines()[0] == "next-step (stakeholder:ana), people/ana.yaml:9"
    assert "Owner: Ana Lopez" in description


def test_same_inputs_same_bytes(demo: Path) -> None:
    assert calendar_of(demo)[1] == calendar_of(demo)[1]


def test_uids_survive_a_change_of_date(tmp_path: Path, demo: Path) -> None:
    moved = write(
        tmp_path / "s",
        consumers__web=(demo / "consumers/web.yaml")
        .read_text()
        .replace("needed_by: 2026-11-30", "needed_by: 2026-12-03")
        .replace("reviewed: 2026-11-10", "reviewed: 2026-11-12"),
    )
    before = {str(e["UID"]): e.decoded("DTSTART") for e in events(calendar_of(demo)[1])}
    after = {str(e["UID"]): e.decoded("DTSTART") for e in events(calendar_of(moved)[1])}
    assert set(before) == set(after)
    changed = {uid for uid in before if before[uid] != after[uid]}
    assert sorted(after[uid] for uid in changed) == [dt.date(2026, 12, 3), dt.date(2026, 12, 12)]


def test_a_later_export_has_a_higher_sequence(demo: Path) -> None:
    early = events(calendar_of(demo)[1])[0]
    late = events(calendar_of(demo, today=dt.date(2026, 11, 23))[1])[0]
    assert str(early["UID"]) == str(late["UID"])
    assert int(late["SEQUENCE"]) > int(early["SEQUENCE"])


def test_long_multibyte_text_folds_between_characters(tmp_path: Path) -> None:
    name = "Zoë Ångström-Łukasiewicz 😀 " * 12 + "\u202e\x1b[31m"
    written = name.replace("\u202e", "\\u202e").replace("\x1b", "\\e")  # YAML escapes
    person = f'kind: stakeholder\nid: zoe\nname: "{written}"\npower: 1\ninterest: 1\n'

    root = write(tmp_path / "s", people__zoe=person)
    _, data = calendar_of(root)
    assert max(len(line) for line in data.split(b"\r\n")) == 75  # it did fold
    summary = next(str(e["SUMMARY"]) for e in events(data) if "Zo" in str(e["SUMMARY"]))
    assert summary.startswith(f"Review the analysis of {name.rstrip()[:40]}")
    assert "\x1b" not in summary and "\u202e" not in summary
    assert "\\x1b" in summary and "\\u202e" in summary  # shown, not obeyed


@pytest.mark.parametrize(
    "line",
    [
        "X:" + "a" * 73,  # 75 octets: not folded
        "X:" + "a" * 74,
        "X:" + "é" * 100,
        "X:" + "😀" * 50,
        "X:" + "\\," * 60,
        "X:" + "a" + "\\n" * 40,
        "X:" + "a" + "é😀" * 40,  # two-, four- and one-octet characters at every offset
        "X:" + "ab" + "é😀" * 40,
        "X:" + "abc" + "é😀" * 40,
    ],
)
def test_fold_keeps_every_octet_and_each_line_whole(line: str) -> None:
    folded = ics.fold(line).encode("utf-8")
    check_lines(folded)
    assert max(map(len, folded.split(b"\r\n"))) >= 72  # lines are filled, not cut short
    assert folded[:-2].replace(b"\r\n ", b"") == line.encode("utf-8")


def test_text_escapes_the_four_specials_and_line_breaks() -> None:
    assert ics.text("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert ics.text("tab\there") == "tab\\\\there"  # a control shown as its escape


def test_the_last_day_of_the_calendar_has_no_next_day() -> None:
    item = Item(dt.date.max, "goal-due", "goal:g", "G", False, "g.yaml", 1, 1, None, "goal-due/g")
    agenda = Agenda(dt.date.max, 0, dt.date.max, "demo", "Demo", (item,), {})
    data = agenda_ics.render(agenda).encode("utf-8")
    check_lines(data)
    (event,) = events(data)
    assert event.decoded("DTSTART") == dt.date.max and "DTEND" not in event


def test_an_empty_agenda_is_a_valid_calendar(tmp_path: Path) -> None:
    root = tmp_path / "s"
    root.mkdir()
    (root / "bpstrat.yaml").write_text("product: {id: demo, name: Demo Platform}\n")
    _, data = calendar_of(root)
    assert events(data) == []
    assert icalendar.Calendar.from_ical(data)["X-WR-CALNAME"] == "Demo Platform: agenda"
