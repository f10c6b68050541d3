"""What a strategy rule sees (RuleContext) and what it yields (Issues).

A rule says what is wrong and where, as an entity and a path inside its document; the
linter turns the path into a line and column and stamps the severity from configuration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from bpstrat.catalog.resolve import Catalog, load_catalog
from bpstrat.findings import Anchor, Issue, Path
from bpstrat.lint.rules.plain import Plain
from bpstrat.model.config import LintConfig, Product
from bpstrat.model.strategy import E, Record, Strategy
from bpstrat.score.results import ScoreResult
from bpstrat.score.strategy_score import score_strategy


@dataclass
class RuleContext:
    strategy: Strategy
    today: dt.date

    @property
    def config(self) -> LintConfig:
        return self.strategy.config.lint

    @property
    def product(self) -> Product | None:
        return self.strategy.config.product

    @cached_property
    def catalog(self) -> Catalog | None:
        """The service catalog, read and matched once; None without `catalog:`."""
        return load_catalog(self.strategy)

    @cached_property
    def score(self) -> ScoreResult:
        return score_strategy(self.strategy, today=self.today)

    def issue(
        self,
        code: str,
        message: str,
        record: Record[E] | None,
        path: Path = (),
        at: Anchor = "key",
    ) -> Issue:
        """An issue about `record` at `path` in its document (None: about bpstrat.yaml)."""
        if record is None:
            return self.strategy.config_issue(code, message, path)
        return record.issue(code, message, path, at)

    def product_issue(self, code: str, message: str, *keys: str) -> Issue:
        """An issue on bpstrat.yaml, at the first of `keys` under `product` that is set."""
        positions = self.strategy.config_positions
        for key in keys:
            path: Path = ("product", key)
            if positions.has_key(path):
                return self.strategy.config_issue(code, message, path)
        return self.strategy.config_issue(code, message, ("product",))


class Rule(Protocol):
    """A rule module: its constants, its plain wording for the brief and its check."""

    CODE: str
    NAME: str
    OPTIONS: tuple[str, ...]
    PLAIN: Plain
    __doc__: str | None

    def check(self, ctx: RuleContext) -> Iterator[Issue]: ...
