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
from collections.abc import Iterator
from dataclasses import dataclass, field

from bpstrat.findings import Finding, Issue
from bpstrat.source.files import SourceFile

# The comment up to its `]`, then what may follow it. Searched only where a `]` is still
# ahead: an unclosed `ignore[` never scans to the end of the line again for each `#`.
_COMMENT = re.compile(r"#\s*bpstrat:\s*(?P<scope>ignore-file|ignore)\[(?P<codes>[^\]]*)\]")
_TAIL = re.compile(r"(?:\s+until\s+(?P<until>\S+))?(?:\s*--\s*(?P<reason>.*))?")
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
        for match, tail in _comments(text):
            codes = [c.strip().upper() for c in match["codes"].split(",") if c.strip()]
            bad = [c for c in codes if not _CODE.match(c)]
            problem = None
            if not codes:
                problem = "suppression names no code; write e.g. `ignore[BP401]`"
            elif bad:
                problem = f"suppression names {', '.join(map(repr, bad))}, not codes like BP401"
            until = None
            if tail["until"]:
                try:
                    until = dt.date.fromisoformat(tail["until"])
                except ValueError:
                    problem = f"`until {tail['until']}` is not a date written YYYY-MM-DD"
            found.append(
                Suppression(
                    source.rel,
                    number,
                    match.start() + 1,
                    match["scope"] == "ignore-file",
                    frozenset(codes),
                    until,
                    (tail["reason"] or "").strip() or None,
                    problem,
                )
            )
    return found


def _comments(text: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each suppression comment of one line: the part up to `]`, and what follows it."""
    end = text.rfind("]") + 1  # no comment can close past the last `]`
    at = 0
    while True:
        match = _COMMENT.search(text, at, end)
        if match is None:
            return
        tail = _TAIL.match(text, match.end())
        if tail is None:  # pragma: no cover - every part of the tail is optional
            return
        yield match, tail
        at = max(tail.end(), match.end())


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
    # Working suppressions by (file, line, code) and (file, code) for whole files: each
    # finding is looked up once, whatever the number of suppressions.
    on_line: dict[tuple[str, int, str], list[Suppression]] = {}
    on_file: dict[tuple[str, str], list[Suppression]] = {}
    for rel, suppressions in by_file.items():
        for s in suppressions:
            if s.problem is None and (s.until is None or s.until >= today):
                for code in s.codes:
                    if s.whole_file:
                        on_file.setdefault((rel, code), []).append(s)
                    else:
                        on_line.setdefault((rel, s.line, code), []).append(s)
    hit_lines: set[tuple[str, int, str]] = set()
    hit_files: set[tuple[str, str]] = set()
    kept: list[Finding] = []
    for item in findings:
        if item.code != "BP106":
            line_key = (item.path, item.line, item.code)
            file_key = (item.path, item.code)
            if line_key in on_line or file_key in on_file:
                if line_key in on_line:
                    hit_lines.add(line_key)
                if file_key in on_file:
                    hit_files.add(file_key)
                continue
        kept.append(item)
    for key in hit_lines:
        for s in on_line[key]:
            s.used.add(key[2])
    for file_key in hit_files:
        for s in on_file[file_key]:
            s.used.add(file_key[1])
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
