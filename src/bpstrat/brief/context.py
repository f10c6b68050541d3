"""Everything the brief shows, assembled once from the builders beside this module
(demand_views, stakeholder_views, goal_views, risks, summary) into the typed BriefContext
of views.py.

The template only arranges and escapes; numbers, sentences, diagrams and orderings are
decided by the builders, sorted, so the same strategy always renders byte for byte the same brief.
The summary is computed from the same values the sections show, so a template that
overrides a section never disagrees with its own summary. Every fixed word is in the
brief's language (`lang`); user text is passed through untranslated.

Compromises (who decided, who is accommodated and how), measured goals, factions and
the value chain come from the v2 parts of the format; they are empty when a strategy
does not use them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bpstrat.brief.demand_views import consumer_views, demand_matrix, dimension_views
from bpstrat.brief.executive_views import (
    asks,
    buys,
    choice_views,
    executive_risks,
    trend_views,
)
from bpstrat.brief.goal_views import goal_views, problem_views, progress_views, value_chain_steps
from bpstrat.brief.i18n import Lang, language
from bpstrat.brief.markdown import cell
from bpstrat.brief.mermaid import (
    MAX_EDGES,
    Demand,
    Point,
    demand_flowchart,
    quadrant_chart,
    value_chain_flowchart,
)
from bpstrat.brief.money_views import investment_view
from bpstrat.brief.risks import plain_risks
from bpstrat.brief.stakeholder_views import (
    chart_note,
    coalition_view,
    quadrant_labels,
    stakeholder_views,
)
from bpstrat.brief.summary import summary_lines
from bpstrat.brief.views import (
    BriefContext,
    Counts,
    FindingView,
    ProductView,
    RiskView,
    SideView,
)
from bpstrat.brief.wording import phase_text
from bpstrat.lint.linter import LintResult
from bpstrat.model.entities import Consumer, Stakeholder
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult
from bpstrat.score.tolerance import above


def build_context(
    strategy: Strategy,
    result: ScoreResult,
    lint: LintResult,
    today: dt.date,
    lang: Lang | None = None,
    audience: str = "team",
) -> BriefContext:
    lang = lang or language("en")
    _ = lang._
    product = strategy.config.product
    title = product.name if product else strategy.root.name

    def person(stakeholder_id: str | None) -> str | None:
        if stakeholder_id is None:
            return None
        found = strategy.entity(Stakeholder, stakeholder_id)
        if found is None:
            return stakeholder_id
        return f"{found.name} ({found.role})" if found.role else found.name

    def consumer_name(consumer_id: str) -> str:
        found = strategy.entity(Consumer, consumer_id)
        return found.name if found else consumer_id

    weights = {c.id: (c.importance, c.name) for c in strategy.consumers}
    consumers = consumer_views(strategy, result, lang)
    stakeholders = stakeholder_views(strategy, lang)
    goals = goal_views(strategy, lang)
    tolerance = strategy.config.lint.flywheel_tolerance
    imbalance = result.flywheel_imbalance
    coalition = result.coalition
    dimensions = dimension_views(strategy, result, consumer_name, person, weights, lang)
    progress = progress_views(strategy, result, lang)
    status = {p.id: p.status_text for p in progress}
    key_goals = [replace(g, status=status.get(g.id)) for g in goals if g.key]
    standing = coalition_view(coalition, lang)
    steps = value_chain_steps(strategy)
    risks = [
        RiskView(r.text, r.consequence, r.next_step, r.severity, r.code)
        for r in plain_risks(strategy, result, lint.findings, lang, catalog_titles(lint))
    ]
    findings = [
        FindingView(
            f.code, f.message[:1].upper() + f.message[1:], cell(f"{f.path}:{f.line}"), f.severity
        )
        for f in lint.findings
        if f.severity in ("warning", "error")
    ]
    eased = _("accommodated")
    demands = [
        Demand(
            c.name,
            d.dimension_name,
            d.option_name,
            d.strength_text,
            d.served,
            eased if d.accommodation and not d.served else None,
        )
        for c in consumers
        for d in c.demands
    ]
    phase = product.phase if product else None
    proposals = [x for d in dimensions for x in d.proposals]
    choices = choice_views(dimensions, lang)
    return BriefContext(
        today=lang.date(today),
        as_of=today.isoformat(),
        lang=lang.code,
        product=ProductView(
            id=product.id if product else strategy.root.name,
            name=title,
            vision=product.vision if product else None,
            phase=phase,
            phase_text=phase_text(lang, phase),
            owner=person(product.owner) if product else None,
            sponsor=person(product.sponsor) if product else None,
            successor=person(product.successor) if product else None,
            sides=list(product.sides) if product else [],
        ),
        consumers=consumers,
        dimensions=dimensions,
        sides=[
            SideView(s.id, s.demanded, s.served, lang.pct(s.served_ratio)) for s in result.sides
        ],
        flywheel_imbalance=None if imbalance is None else round(imbalance, 2),
        flywheel_tolerance=tolerance,
        flywheel_leaning=imbalance is not None and above(round(imbalance, 2), tolerance),
        imbalance=None if imbalance is None else lang.pct(imbalance),
        tolerance=lang.pct(tolerance),
        stakeholders=stakeholders,
        coalition=standing,
        problems=problem_views(strategy, consumer_name),
        key_goals=key_goals,
        suggested_goals=[g for g in goals if not g.key],
        risks=risks,
        top_risks=risks[:3],
        findings=findings,
        counts=Counts(lint.count("error"), lint.count("warning")),
        demand_flowchart=demand_flowchart(title, [c.name for c in consumers], demands)
        if demands and len(demands) <= MAX_EDGES
        else None,
        demand_matrix=demand_matrix(consumers, dimensions, lang)
        if len(demands) > MAX_EDGES
        else None,
        stakeholder_chart=quadrant_chart(
            [Point(p.name, p.interest, p.power) for p in stakeholders], quadrant_labels(lang)
        )
        if stakeholders
        else None,
        stakeholder_chart_note=chart_note(stakeholders, lang),
        summary=summary_lines(lang, phase, key_goals, dimensions, standing, risks),
        progress=progress,
        value_chain=steps,
        proposals=proposals,
        investment=investment_view(strategy, result, lang),
        buys=buys(strategy, key_goals, lang),
        choices=choices,
        asks=asks(proposals, choices, lang),
        trends=trend_views(strategy, result, key_goals, lang),
        executive_risks=executive_risks(risks),
        audience=audience,
        value_chain_chart=value_chain_flowchart(
            [s.step for s in steps], [s.problems for s in steps]
        )
        if steps
        else None,
    )


def catalog_titles(lint: LintResult) -> dict[str, str]:
    """The service catalog's consumer products by reference -> title (none without one)."""
    catalog = lint.context.catalog
    if catalog is None:
        return {}
    return {str(product.ref): product.title for product in catalog.products}
