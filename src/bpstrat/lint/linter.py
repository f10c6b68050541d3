"""Run every check on a root, then apply suppressions and configuration, and sort.

The checks only say what is wrong and where; the severity of each finding is stamped
here, from the code's default and `lint.severity` / `lint.ignore` in bpstrat.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path as FsPath

from bpstrat.findings import RANK, Finding, Issue, Level, Path
from bpstrat.lint.codes import CODES
from bpstrat.lint.dates import check_dates
from bpstrat.lint.held_checks import held_checks
from bpstrat.lint.outcomes import check_outcomes
from bpstrat.lint.references import check_references, waiting_references
from bpstrat.lint.rules import RULES
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.suppress import apply_suppressions
from bpstrat.model.load import FileMemo, load_strategy
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult
from bpstrat.source.tree import Tree


@dataclass
class LintResult:
    strategy: Strategy
    findings: list[Finding]
    context: RuleContext
    baselined: int = 0  # findings hidden by a baseline

    @property
    def today(self) -> dt.date:
        return self.context.today

    @property
    def score(self) -> ScoreResult:
        """The strategy's score, as the rules computed it (computed once)."""
        return self.context.score

    def count(self, severity: Level) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def files(self) -> int:
        return len(self.strategy.files) + 1  # entity files and bpstrat.yaml

    def failed(self, fail_on: Level) -> bool:
        return any(RANK[f.severity] >= RANK[fail_on] for f in self.findings)


def lint(
    path: FsPath | Tree,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
    memo: FileMemo | None = None,
    catalog: bool = True,
) -> LintResult:
    """Lint the strategy root above `path` as of `today` (`cache`: use the parse cache;
    `memo`: reuse files read at another revision; `catalog`: read the service catalog,
    when the strategy is on disk and names one)."""
    strategy = load_strategy(path, progress, cache, memo)
    strategy.on_disk = strategy.on_disk and catalog
    context = RuleContext(strategy, today)
    issues = [
        *strategy.issues,
        *check_references(strategy),
        *check_dates(strategy, today),
        *check_outcomes(strategy, today),
        *_config_codes(strategy),
    ]
    issues.extend(run_rules(context))
    issues = strategy.explain(issues, waiting_references(strategy), held_checks(context))
    findings = [strategy.place(issue) for issue in issues]
    sources = [strategy.config_file, *strategy.files]
    findings, problems = apply_suppressions(findings, sources, today)
    findings.extend(strategy.place(issue) for issue in problems)
    findings = _stamp_severity(strategy, findings)
    findings.sort(key=Finding.sort_key)
    return LintResult(strategy, findings, context=context)


def run_rules(context: RuleContext) -> Iterator[Issue]:
    """Every issue of every strategy rule."""
    for rule in RULES.values():
        yield from rule.check(context)


def _stamp_severity(strategy: Strategy, findings: list[Finding]) -> list[Finding]:
    ignore = set(strategy.config.lint.ignore)
    overrides = strategy.config.lint.severity
    out: list[Finding] = []
    for item in findings:
        if item.code in ignore:
            continue
        code = CODES.get(item.code)
        severity = overrides.get(item.code) or (code.default_severity if code else "error")
        if severity == "off":
            continue
        out.append(item.with_severity(severity))
    return out


def _config_codes(strategy: Strategy) -> Iterator[Issue]:
    """Codes named in `lint.ignore` / `lint.severity` that bpstrat does not know."""
    if strategy.config_document is None:
        return
    lint = strategy.config.lint
    named: list[tuple[Path, str]] = [
        (("lint", "ignore", i), code) for i, code in enumerate(lint.ignore)
    ]
    named += [(("lint", "severity", code), code) for code in lint.severity]
    for path, code in named:
        if code not in CODES:
            message = f"unknown code {code!r} in `lint`; `bpstrat rules` lists the codes"
            yield strategy.config_issue("BP202", message, path)
