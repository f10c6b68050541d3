"""Problems, goals and their progress, and the value chain, as the brief shows them."""

from __future__ import annotations

from collections.abc import Callable

from bpstrat.brief.i18n import Lang
from bpstrat.brief.views import GoalView, MetricView, ProblemView, ProgressView, StepView
from bpstrat.brief.wording import word
from bpstrat.model.entities import Goal, Problem
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult
from bpstrat.score.sentences import bar

BAR = 10
STATUS_WORDS = {
    "on-track": "on track",
    "off-track": "off track",
    "overdue": "overdue",
    "achieved": "achieved",
    "no-data": "not measured yet",
}


def progress_views(strategy: Strategy, result: ScoreResult, lang: Lang) -> list[ProgressView]:
    """Each key goal with a complete metric, by title: latest value, progress, status."""
    _ = lang._
    out = []
    for scored in result.goals:
        goal = strategy.entity(Goal, scored.id)
        if goal is None or not scored.key or goal.metric is None:
            continue
        unit = goal.metric.unit
        latest = scored.latest
        out.append(
            ProgressView(
                id=scored.id,
                title=goal.title,
                latest=_(
                    "%(value)s on %(date)s",
                    value=lang.quantity(latest.value, unit),
                    date=lang.date(latest.date),
                )
                if latest
                else None,
                target=lang.quantity(scored.target, unit),
                by=lang.date(scored.by),
                progress=lang.pct(scored.progress),
                expected=lang.pct(scored.expected),
                status=scored.status,
                status_text=_status_text(lang, scored.status, len(scored.measurements)),
                bar=bar(scored.progress, BAR),
                measurements=len(scored.measurements),
            )
        )
    return sorted(out, key=lambda p: (p.title, p.id))


def _status_text(lang: Lang, status: str, measurements: int) -> str:
    """The status in words; a trend read from a single measurement says so."""
    text = lang._(STATUS_WORDS.get(status, status))
    if measurements == 1:
        return lang._("%(status)s, from a single measurement", status=text)
    return text


def value_chain_steps(strategy: Strategy) -> list[StepView]:
    """The declared steps in order, each with the titles of its problems."""
    product = strategy.config.product
    steps = list(dict.fromkeys(product.value_chain)) if product else []
    return [
        StepView(step, sorted(p.title for p in strategy.problems if p.value_chain == step))
        for step in steps
    ]


def problem_views(strategy: Strategy, consumer_name: Callable[[str], str]) -> list[ProblemView]:
    goals = strategy.goals
    out = []
    for p in sorted(strategy.problems, key=lambda p: (-(p.impact or 0), p.title, p.id)):
        out.append(
            ProblemView(
                id=p.id,
                title=p.title,
                value_chain=p.value_chain,
                impact=p.impact,
                goals=[g.title for g in goals if p.id in g.problems],
                consumers=[consumer_name(c) for c in p.consumers],
                evidence=list(p.evidence),
                statement=_as_sentence(p.statement),
            )
        )
    return out


def goal_views(strategy: Strategy, lang: Lang) -> list[GoalView]:
    out = []
    for g in sorted(strategy.goals, key=lambda g: (not g.key, g.title, g.id)):
        m = g.metric
        problems = [(strategy.entity(Problem, pid), pid) for pid in g.problems]
        concerned = dict.fromkeys(
            c for problem, _ in problems if problem for c in problem.consumers
        )
        out.append(
            GoalView(
                id=g.id,
                title=g.title,
                key=g.key,
                category=word(lang, g.category),
                problems=[problem.title if problem else pid for problem, pid in problems],
                metric=None
                if m is None
                else MetricView(
                    name=m.name,
                    unit=m.unit,
                    baseline=None if m.baseline is None else lang.number(m.baseline, 3),
                    target=None if m.target is None else lang.number(m.target, 3),
                    by=lang.date(m.by) if m.by else None,
                    influence=word(lang, m.influence),
                    target_text=None if m.target is None else lang.quantity(m.target, m.unit),
                ),
                consumers=list(concerned),
            )
        )
    return out


def _as_sentence(text: str | None) -> str | None:
    """User text on one line, ending like a sentence so what follows does not run into it."""
    text = " ".join((text or "").split())
    if not text:
        return None
    return text if text.endswith((".", "!", "?", "…")) else text + "."
