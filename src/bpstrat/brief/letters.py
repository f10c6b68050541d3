"""One-page letters: to one consumer, or about one stakeholder.

A letter is built from the brief's own context (the same views, sentences and language),
so a letter never disagrees with the brief it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpstrat.brief.i18n import Lang
from bpstrat.brief.views import (
    BriefContext,
    ConsumerView,
    DemandView,
    GoalView,
    ProductView,
    ProposalView,
    StakeholderView,
    TemplateView,
)
from bpstrat.errors import UsageError
from bpstrat.model.entities import Consumer, Stakeholder
from bpstrat.model.strategy import Strategy
from bpstrat.model.suggest import closest

KINDS = ("consumer", "stakeholder")


@dataclass(frozen=True)
class Recipient:
    kind: str
    id: str


def parse_recipient(value: str) -> Recipient:
    """`consumer:ID` or `stakeholder:ID`."""
    kind, sep, id_ = value.partition(":")
    if not sep or kind not in KINDS or not id_:
        raise UsageError(
            f"--for {value!r}: write consumer:ID or stakeholder:ID, "
            "e.g. --for consumer:checkout-web"
        )
    return Recipient(kind, id_)


@dataclass(frozen=True)
class DemandLetterView:
    """One thing the consumer asked for and what they get."""

    demand: DemandView
    outcome: str  # what they get and when, or that it is not served and why
    decision: str | None  # the decision that settled it, when one did
    talk_to: str | None  # who to talk to about it
    proposed: list[str] = field(default_factory=list)  # what proposed decisions would mean


@dataclass(frozen=True)
class ConsumerLetter(TemplateView):
    """What the consumer letter template sees."""

    today: str
    as_of: str
    lang: str
    product: ProductView
    consumer: ConsumerView
    demands: list[DemandLetterView]
    goals: list[GoalView]
    contact: str | None
    mistakes: int = 0  # errors in this consumer's file: parts of it could not be read
    since: TemplateView | None = None  # what changed for them since a commit (--since)


@dataclass(frozen=True)
class StakeholderLetter(TemplateView):
    """What the stakeholder letter template sees."""

    today: str
    as_of: str
    lang: str
    product: ProductView
    stakeholder: StakeholderView
    engagement: str
    next_step: str
    proposals: list[ProposalView] = field(default_factory=list)  # asked to decide or advise


def _unknown(strategy: Strategy, kind: str, id_: str) -> UsageError:
    known = list(strategy.by_kind.get(kind, {}))
    guess = closest(id_, known)
    hint = f"; did you mean {kind}:{guess}?" if guess else ""
    listed = ", ".join(sorted(known)[:10]) or "none"
    return UsageError(f"no {kind} {id_!r}{hint} (the {kind}s are: {listed})")


def consumer_letter(
    strategy: Strategy, brief: BriefContext, consumer_id: str, lang: Lang, mistakes: int = 0
) -> ConsumerLetter:
    view = next((c for c in brief.consumers if c.id == consumer_id), None)
    if view is None or strategy.entity(Consumer, consumer_id) is None:
        raise _unknown(strategy, "consumer", consumer_id)
    _ = lang._
    owner = brief.product.owner
    demands = []
    for d in view.demands:
        dimension = next((x for x in brief.dimensions if x.id == d.dimension), None)
        decision = dimension.decision if dimension else None
        settled = (
            _("Decision %(decision)s of %(date)s.", decision=decision.id, date=decision.date)
            if decision
            else None
        )
        talk_to = (decision.decided_by if decision and decision.decided_by else None) or owner
        if d.served:
            outcome = (
                _("You get it; you asked for it by %(date)s.", date=d.needed_by)
                if d.needed_by
                else _("You get it.")
            )
        elif d.accommodation:
            outcome = _sentence(_("Not offered; instead: %(how)s", how=d.accommodation))
        elif dimension and dimension.chosen and decision is None:
            outcome = _(
                "Not decided yet: by weight we would offer %(chosen)s, which leaves this unserved.",
                chosen=lang.join(dimension.chosen),
            )
        elif dimension and dimension.chosen:
            why = (
                _("Why: %(rationale)s", rationale=_sentence(decision.rationale))
                if decision and decision.rationale
                else _(
                    "Why: by weight, %(chosen)s serves more of our consumers.",
                    chosen=lang.join(dimension.chosen),
                )
            )
            outcome = _(
                "Not served: we offer %(chosen)s instead. %(why)s",
                chosen=lang.join(dimension.chosen),
                why=why,
            )
        else:
            outcome = _("Not served.")
        proposed = [
            _proposed_for(x, d, view.name, lang) for x in (dimension.proposals if dimension else [])
        ]
        demands.append(DemandLetterView(d, outcome, settled, talk_to, proposed))
    goals = [g for g in brief.key_goals + brief.suggested_goals if consumer_id in g.consumers]
    return ConsumerLetter(
        brief.today, brief.as_of, brief.lang, brief.product, view, demands, goals, owner, mistakes
    )


def stakeholder_letter(
    strategy: Strategy, brief: BriefContext, stakeholder_id: str, lang: Lang
) -> StakeholderLetter:
    view = next((p for p in brief.stakeholders if p.id == stakeholder_id), None)
    if view is None or strategy.entity(Stakeholder, stakeholder_id) is None:
        raise _unknown(strategy, "stakeholder", stakeholder_id)
    _ = lang._
    if view.current is None:
        engagement = _("Not assessed yet.")
    elif view.gap:
        engagement = _(
            "%(current)s today; we need %(desired)s.", current=view.current, desired=view.desired
        )
    else:
        engagement = _("%(current)s, as we need.", current=view.current)
    step = view.next_step or _("No next step is planned.")
    asked = [
        x
        for x in brief.proposals
        if x.decided_by_id == stakeholder_id or stakeholder_id in x.consulted_ids
    ]
    return StakeholderLetter(
        brief.today, brief.as_of, brief.lang, brief.product, view, engagement, step, asked
    )


def _proposed_for(proposal: ProposalView, demand: DemandView, consumer: str, lang: Lang) -> str:
    """What a proposed decision would mean for one demand of the letter's consumer."""
    values = {"decision": proposal.id, "choice": lang.join(proposal.choice)}
    if demand.option_name in proposal.choice:
        return lang._(
            "Proposed, not accepted yet: decision %(decision)s would offer %(choice)s, "
            "which gives you this.",
            **values,
        )
    if (consumer, demand.option_name) in proposal.met:
        return lang._(
            "Proposed, not accepted yet: decision %(decision)s would offer %(choice)s "
            "and meet you by a compromise.",
            **values,
        )
    return lang._(
        "Proposed, not accepted yet: decision %(decision)s would offer %(choice)s, "
        "which leaves this unserved.",
        **values,
    )


def _sentence(text: str) -> str:
    """`text` ending like a sentence, so what follows it does not run into it."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", "…")) else text + "."
