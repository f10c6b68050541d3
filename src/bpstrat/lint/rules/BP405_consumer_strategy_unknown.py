"""Consumer strategy unknown: know where every consumer is heading.

A backend product serves products that change. Write down each consumer's own strategy
(`strategy.summary`) and where it comes from (`strategy.sources`: roadmaps, visions,
even marketing material, or a talk with the team). Where nothing is written, ask them.

The finding points at the consumer's `strategy` key, or at the consumer.

Failing example:

```yaml
kind: consumer
id: billing
name: Billing
importance: 4
```

Passing example:

```yaml
kind: consumer
id: billing
name: Billing
importance: 4
strategy:
  summary: Mainframe billing stays until 2029; only its interfaces change.
  sources: [Billing roadmap 2026-2029]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer

CODE = "BP405"
NAME = "consumer-strategy-unknown"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "consumers",
    risk=N_("We do not know where these consumers are heading: %(items)s."),
    consequence=N_("We may build for needs they are about to drop."),
    next_step=N_("Read their roadmap or talk to them, and write their strategy down."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Consumer):
        consumer = record.entity
        strategy = consumer.strategy
        if record.is_broken(("strategy",)):
            continue  # written but invalid; its own finding says why
        if strategy is None or (not strategy.summary and not strategy.sources):
            where = ("strategy",) if strategy is not None else ()
            yield ctx.issue(
                CODE,
                f"the strategy of {consumer.name} is unknown; add `strategy.summary` and "
                "`strategy.sources` (their roadmap, vision or a conversation with them)",
                record,
                where,
                "key" if where else "value",
            )
