"""Run every check on a root, then apply suppressions and configuration, and sort.

The checks only say what is wrong and where; the severity of each finding is stamped
here, from the code's default and `lint.severity` / `lint.ignore` in bpstrat.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath

from bpstrat.findings import RANK, Finding, Level
from bpstrat.lint.codes import CODES
from bpstrat.lint.references import check_references
from bpstrat.lint.rules import RULES
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.suppress import apply_suppressions
from bpstrat.model.strategy import Strategy, load_strategy
from bpstrat.score.arithmetic import ScoreResult, score_strategy
from bpstrat.source.files import ROOT_FILE
from bpstrat.source.positions import Path


@dataclass
class LintResult:
    strategy: Strategy
    findings: list[Finding]
    baselined: int = 0  # findings hidden by a baseline
    context: RuleContext | None = None

    @property
    def score(self) -> ScoreResult:
        """The strategy's score, as the rules computed it (computed once)."""
        if self.context is None:
            return score_strategy(self.strategy)
        return self.context.score

    def count(self, severity: Level) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def files(self) -> int:
        return len(self.strategy.files) + 1  # entity files and bpstrat.yaml

    def failed(self, fail_on: Level) -> bool:
        return any(RANK[f.severity] >= RANK[fail_on] for f in self.findings)


def lint(
    path: FsPath,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
) -> LintResult:
    """Lint the strategy root above `path` (`cache`: use the parse cache in the root)."""
    strategy = load_strategy(path, progress, cache)
    day = today or dt.date.today()
    context = RuleContext(strategy, day)
    findings = list(strategy.findings)
    findings.extend(check_references(strategy))
    findings.extend(_config_codes(strategy))
    findings.extend(run_rules(context))
    sources = [strategy.config_file, *strategy.files]
    findings = apply_suppressions(findings, sources, day)
    findings = _stamp_severity(strategy, findings)
    findings.sort(key=Finding.sort_key)
    return LintResult(strategy, findings, context=context)


def run_rules(context: RuleContext) -> list[Finding]:
    """Run every strategy rule and place its findings in their files."""
    strategy = context.strategy
    out: list[Finding] = []
    config_doc = strategy.config_document
    for code, rule in RULES.items():
        for item in rule.check(context):
            record = item.record
            if record is not None:
                positions, rel, entity = record.document.positions, record.file.rel, record.ref
            elif config_doc is not None:
                positions, rel, entity = config_doc.positions, ROOT_FILE, None
            else:
                out.append(Finding(code, item.message, ROOT_FILE, 1, 1, None, item.path))
                continue
            pos = positions.key(item.path) if item.at == "key" else positions.value(item.path)
            out.append(Finding(code, item.message, rel, pos.line, pos.column, entity, item.path))
    return out


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


def _config_codes(strategy: Strategy) -> list[Finding]:
    """Codes named in `lint.ignore` / `lint.severity` that bpstrat does not know."""
    document = strategy.config_document
    if document is None:
        return []
    lint = strategy.config.lint
    named: list[tuple[Path, str]] = [
        (("lint", "ignore", i), code) for i, code in enumerate(lint.ignore)
    ]
    named += [(("lint", "severity", code), code) for code in lint.severity]
    out = []
    for path, code in named:
        if code not in CODES:
            pos = document.positions.key(path)
            out.append(
                Finding(
                    "BP202",
                    f"unknown code {code!r} in `lint`; `bpstrat rules` lists the codes",
                    ROOT_FILE,
                    pos.line,
                    pos.column,
                    None,
                    path,
                )
            )
    return out
