"""What a strategy rule sees (RuleContext) and what it yields (RuleFinding).

A rule says what is wrong and where, as an entity and a path inside its document; the
linter turns the path into a line and column and stamps the severity from configuration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, Protocol

from bpstrat.model.config import LintConfig, Product
from bpstrat.model.entities import Stakeholder
from bpstrat.model.strategy import Record, Strategy
from bpstrat.score.arithmetic import ScoreResult, score_strategy
from bpstrat.source.positions import Path


@dataclass(frozen=True)
class RuleFinding:
    """A finding before it has a position.

    `record` None means bpstrat.yaml. `at` says which position of `path` to use: the key
    (or list item) or the value's start (for a whole mapping: an entity, a demand).
    """

    message: str
    record: Record | None = None
    path: Path = ()
    at: Literal["key", "value"] = "key"


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
    def score(self) -> ScoreResult:
        return score_strategy(self.strategy)

    def product_finding(self, message: str, *keys: str) -> RuleFinding:
        """A finding on bpstrat.yaml, at the first of `keys` under `product` that is set."""
        document = self.strategy.config_document
        for key in keys:
            path: Path = ("product", key)
            if document is not None and path in document.positions.keys:
                return RuleFinding(message, None, path)
        return RuleFinding(message, None, ("product",))


class Rule(Protocol):
    """A rule module: its constants and its check."""

    CODE: str
    NAME: str
    OPTIONS: tuple[str, ...]
    __doc__: str | None

    def check(self, ctx: RuleContext) -> Iterator[RuleFinding]: ...


def level(stakeholder: Stakeholder, which: Literal["current", "desired"]) -> str | None:
    if stakeholder.engagement is None:
        return None
    return getattr(stakeholder.engagement, which)  # type: ignore[no-any-return]


EPSILON = 1e-9  # shares are sums of fractions: 1.0 - 0.7 must not exceed 0.3


def above(value: float, limit: float) -> bool:
    """Strictly above `limit`, ignoring floating-point noise (exactly at is not above)."""
    return value - limit > EPSILON


def below(value: float, limit: float) -> bool:
    """Strictly below `limit`, ignoring floating-point noise."""
    return limit - value > EPSILON
