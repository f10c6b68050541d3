"""The output formats of each command: one typed registry per command.

A registry maps a `--format` name to a loader of the module that renders it. Each loader
imports its module when its format is asked for (so a plain lint never imports SARIF or
rich's tables), and is typed with the command's Protocol, so mypy checks every format's
`render` against what the command passes it. The command line, its help and the docs'
lists of formats read their choices from here (tests/report/test_formats.py holds the
docs to it). Adding a format is one module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:  # the registry is read at start-up: no heavy import here
    from bpstrat.agenda.items import Agenda
    from bpstrat.catalog.resolve import Catalog
    from bpstrat.diff.compare import StrategyDiff
    from bpstrat.history.timeline import History
    from bpstrat.lint.linter import LintResult
    from bpstrat.score.view import ScoreView


class LintReport(Protocol):
    """A `bpstrat lint` format: `prefix` turns root-relative paths into the paths the
    reader resolves (the current folder, or the repository root for GitHub)."""

    def render(self, result: LintResult, prefix: str = "") -> str: ...


class ScoreReport(Protocol):
    """A `bpstrat score` format."""

    def render(self, view: ScoreView) -> str: ...


class DiffReport(Protocol):
    """A `bpstrat diff` format: `base` and `head` are the revisions as the user named them."""

    def render(self, d: StrategyDiff, base: str, head: str) -> str: ...


class AgendaReport(Protocol):
    """A `bpstrat agenda` format: `prefix` turns root-relative paths into paths from the
    current folder (the formats for tools keep them root-relative)."""

    def render(self, agenda: Agenda, prefix: str = "") -> str: ...


class HistoryReport(Protocol):
    """A `bpstrat history` format."""

    def render(self, history: History) -> str: ...


class CatalogReport(Protocol):
    """A `bpstrat catalog` format: `prefix` turns root-relative paths into paths from the
    current folder (JSON keeps them root-relative)."""

    def render(self, catalog: Catalog, prefix: str = "") -> str: ...


Report = TypeVar("Report", covariant=True)


@dataclass(frozen=True)
class Format(Generic[Report]):
    name: str
    summary: str
    loader: Callable[[], Report]

    def load(self) -> Report:
        return self.loader()


def _registry(*formats: Format[Report]) -> Mapping[str, Format[Report]]:
    return {f.name: f for f in formats}


def _lint_text() -> LintReport:
    from bpstrat.report import lint_text

    return lint_text


def _lint_json() -> LintReport:
    from bpstrat.report import lint_json

    return lint_json


def _lint_sarif() -> LintReport:
    from bpstrat.report import lint_sarif

    return lint_sarif


def _lint_github() -> LintReport:
    from bpstrat.report import lint_github

    return lint_github


def _score_text() -> ScoreReport:
    from bpstrat.report import score_text

    return score_text


def _score_json() -> ScoreReport:
    from bpstrat.report import score_json

    return score_json


def _score_markdown() -> ScoreReport:
    from bpstrat.report import score_markdown

    return score_markdown


def _score_csv() -> ScoreReport:
    from bpstrat.report import score_csv

    return score_csv


def _diff_text() -> DiffReport:
    from bpstrat.report import diff_text

    return diff_text


def _diff_markdown() -> DiffReport:
    from bpstrat.report import diff_markdown

    return diff_markdown


def _diff_json() -> DiffReport:
    from bpstrat.report import diff_json

    return diff_json


def _agenda_text() -> AgendaReport:
    from bpstrat.report import agenda_text

    return agenda_text


def _agenda_markdown() -> AgendaReport:
    from bpstrat.report import agenda_markdown

    return agenda_markdown


def _agenda_json() -> AgendaReport:
    from bpstrat.report import agenda_json

    return agenda_json


def _agenda_ics() -> AgendaReport:
    from bpstrat.report import agenda_ics

    return agenda_ics


def _history_text() -> HistoryReport:
    from bpstrat.report import history_text

    return history_text


def _history_json() -> HistoryReport:
    from bpstrat.report import history_json

    return history_json


def _history_csv() -> HistoryReport:
    from bpstrat.report import history_csv

    return history_csv


def _history_markdown() -> HistoryReport:
    from bpstrat.report import history_markdown

    return history_markdown


def _catalog_text() -> CatalogReport:
    from bpstrat.report import catalog_text

    return catalog_text


def _catalog_json() -> CatalogReport:
    from bpstrat.report import catalog_json

    return catalog_json


LINT: Mapping[str, Format[LintReport]] = _registry(
    Format("text", "findings grouped by file, with the source line (default)", _lint_text),
    Format("json", "the documented JSON shape", _lint_json),
    Format("sarif", "SARIF 2.1.0 for code scanning", _lint_sarif),
    Format("github", "GitHub Actions annotations", _lint_github),
)
SCORE: Mapping[str, Format[ScoreReport]] = _registry(
    Format("text", "a table per dimension with bars (default)", _score_text),
    Format("json", "the documented JSON shape", _score_json),
    Format("markdown", "Markdown tables", _score_markdown),
    Format("csv", "one row per option", _score_csv),
)
DIFF: Mapping[str, Format[DiffReport]] = _registry(
    Format("text", "for a terminal (default)", _diff_text),
    Format("markdown", "a pull-request comment", _diff_markdown),
    Format("json", "for tools", _diff_json),
)
AGENDA: Mapping[str, Format[AgendaReport]] = _registry(
    Format("text", "one line per item, for a terminal (default)", _agenda_text),
    Format("markdown", "a table, e.g. for a job summary", _agenda_markdown),
    Format("json", "the documented JSON shape", _agenda_json),
    Format("ics", "an iCalendar file (RFC 5545) of all-day events", _agenda_ics),
)
HISTORY: Mapping[str, Format[HistoryReport]] = _registry(
    Format("text", "what moved, by topic and commit by commit (default)", _history_text),
    Format("json", "the documented JSON shape: one point per commit", _history_json),
    Format("csv", "one row per commit", _history_csv),
    Format("markdown", "tables and Mermaid charts over the commits", _history_markdown),
)
CATALOG: Mapping[str, Format[CatalogReport]] = _registry(
    Format("text", "each consumer product and its consumer (default)", _catalog_text),
    Format("json", "the documented JSON shape", _catalog_json),
)
REGISTRIES: Mapping[str, Mapping[str, Format[object]]] = {
    "lint": LINT,
    "score": SCORE,
    "diff": DIFF,
    "agenda": AGENDA,
    "history": HISTORY,
    "catalog": CATALOG,
}
"""Every command that has --format, with its registry."""


def choices(registry: Mapping[str, Format[object]]) -> str:
    """'text, json or sarif': the names, for help and error messages."""
    names = list(registry)
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
