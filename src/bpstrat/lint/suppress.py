"""Inline and file suppressions, which expire and which are reported when they hide nothing.

    key: value  # bpstrat: ignore[BP401, BP413] until 2027-01-31 -- waiting for the reorg
    # bpstrat: ignore-file[BP405]

An inline suppression covers findings that point at its line; a file suppression covers
the whole file. After its `until` date a suppression stops working, and BP106 points at
it; so does a suppression that suppresses nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bpstrat.findings import Finding, Issue
from bpstrat.source.files import SourceFile

_COMMENT = re.compile(
    r"#\s*bpstrat:\s*(?P<scope>ignore-file|ignore)\[(?P<codes>[^\]]*)\]"
    r"(?:\s+until\s+(?P<until>\S+))?(?:\s*--\s*(?P<reason>.*))?"
)
_CODE = re.compile(r"^BP\d{3}$")


@dataclass
class Suppression:
    """One `# bpstrat: ignore...` comment."""

    rel: str
    line: int
    column: int
    whole_file: bool
    codes: frozenset[str]
    until: dt.date | None
    reason: str | None
    problem: str | None = None
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        return finding.code in self.codes and (self.whole_file or finding.line == self.line)


def find_suppressions(source: SourceFile) -> list[Suppression]:
    """Every suppression comment of a file."""
    if "bpstrat:" not in source.text:
        return []
    found: list[Suppression] = []
    for number, text in enumerate(source.lines, start=1):
        if "bpstrat:" not in text:
            continue
        for match in _COMMENT.finditer(text):
            codes = [c.strip().upper() for c in match["codes"].split(",") if c.strip()]
            bad = [c for c in codes if not _CODE.match(c)]
            problem = None
            if not codes:
                problem = "suppression names no code; write e.g. `ignore[BP401]`"
            elif bad:
                problem = f"suppression names {', '.join(map(repr, bad))}, not codes like BP401"
            until = None
            if match["until"]:
                try:
                    until = dt.date.fromisoformat(match["until"])
                except ValueError:
                    problem = f"`until {match['until']}` is not a date written YYYY-MM-DD"
            found.append(
                Suppression(
                    source.rel,
                    number,
                    match.start() + 1,
                    match["scope"] == "ignore-file",
                    frozenset(codes),
                    until,
                    (match["reason"] or "").strip() or None,
                    problem,
                )
            )
    return found


def apply_suppressions(
    findings: list[Finding], sources: list[SourceFile], today: dt.date
) -> tuple[list[Finding], list[Issue]]:
    """Drop suppressed findings; return the rest and a BP106 issue for each broken,
    expired or unused suppression."""
    by_file: dict[str, list[Suppression]] = {}
    for source in sources:
        suppressions = find_suppressions(source)
        if suppressions:
            by_file[source.rel] = suppressions
    if not by_file:
        return findings, []
    kept: list[Finding] = []
    for item in findings:
        active = [
            s
            for s in by_file.get(item.path, ())
            if s.problem is None and (s.until is None or s.until >= today) and s.covers(item)
        ]
        if active and item.code != "BP106":
            for suppression in active:
                suppression.used.add(item.code)
            continue
        kept.append(item)
    useless = [
        problem
        for suppressions in by_file.values()
        for s in suppressions
        for problem in _useless(s, today)
    ]
    return kept, useless


def _useless(s: Suppression, today: dt.date) -> list[Issue]:
    def report(message: str) -> list[Issue]:
        field = ("#suppression", ",".join(sorted(s.codes)))
        return [Issue("BP106", message, s.rel, field, mark=(s.line, s.column))]

    if s.problem:
        return report(s.problem)
    if s.until is not None and s.until < today:
        why = f" ({s.reason})" if s.reason else ""
        return report(
            f"suppression of {', '.join(sorted(s.codes))} expired on {s.until}{why}; "
            "fix the finding or renew the date"
        )
    unused = sorted(s.codes - s.used)
    if unused:
        scope = "this file" if s.whole_file else "this line"
        return report(f"suppression of {', '.join(unused)} hides nothing on {scope}; remove it")
    return []
