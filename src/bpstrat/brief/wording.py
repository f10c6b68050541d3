"""The sentences the brief writes, in the reader's language.

Names and other user text are filled in as they are; only the fixed words around them
are translated. Lists of consumers are ordered by weight (importance), then by name.
"""

from __future__ import annotations

from collections.abc import Mapping

from bpstrat.brief.i18n import N_, Lang
from bpstrat.brief.rounding import whole_percents
from bpstrat.score.results import DimensionScore

PHASES: dict[str, tuple[str, str]] = {
    "buy-in": (N_("Get buy-in"), N_("a senior sponsor who funds the product as an investment")),
    "problem": (N_("Find the problem"), N_("the real problems in the value chain, end to end")),
    "minimum": (N_("Know your minimum"), N_("an MVP focused on exactly one goal")),
    "attention": (
        N_("Gain attention"),
        N_("internal marketing and a product that is easy to use"),
    ),
    "handover": (N_("Hand over gracefully"), N_("a successor who takes the product on")),
}

# The values of the format's fixed vocabularies, as a reader says them.
WORDS: dict[str, str] = {
    "must": N_("must"),
    "should": N_("should"),
    "could": N_("could"),
    "unaware": N_("unaware"),
    "resistant": N_("resistant"),
    "neutral": N_("neutral"),
    "supportive": N_("supportive"),
    "leading": N_("leading"),
    "capability": N_("capability"),
    "data": N_("data"),
    "ways-of-working": N_("ways of working"),
    "direct": N_("direct"),
    "shared": N_("shared"),
    "indirect": N_("indirect"),
    "Manage closely": N_("Manage closely"),
    "Keep satisfied": N_("Keep satisfied"),
    "Keep informed": N_("Keep informed"),
    "Monitor": N_("Monitor"),
}


def word(lang: Lang, value: str | None) -> str | None:
    """A fixed vocabulary value in `lang`; anything else unchanged."""
    if value is None:
        return None
    return lang._(WORDS[value]) if value in WORDS else value


def phase_text(lang: Lang, phase: str | None) -> str | None:
    if phase not in PHASES:
        return None
    title, ask = PHASES[phase]
    return lang._("%(title)s: %(ask)s.", title=lang._(title), ask=lang._(ask))


def by_weight(
    ids: list[str] | tuple[str, ...], weights: Mapping[str, tuple[int, str]]
) -> list[str]:
    """Consumer names, heaviest first, then by name; `weights` maps id -> (importance, name)."""
    known = [weights.get(i, (0, i)) for i in ids]
    return [name for _, name in sorted(known, key=lambda w: (-w[0], w[1]))]


def offered(lang: Lang, chosen: list[str], choose: int) -> str:
    """'We offer REST/JSON; this dimension allows one option.'"""
    if not chosen:
        return lang.n_(
            "We offer nothing here yet; this dimension allows one option.",
            "We offer nothing here yet; this dimension allows up to %(num)d options.",
            choose,
        )
    return lang.n_(
        "We offer %(options)s; this dimension allows one option.",
        "We offer %(options)s; this dimension allows up to %(num)d options.",
        choose,
        options=lang.join(chosen),
    )


def option_percents(score: DimensionScore) -> dict[str, int]:
    """Each option's share as a whole percentage, the shares adding up to 100."""
    return dict(
        zip(
            [o.id for o in score.options],
            whole_percents([o.share for o in score.options]),
            strict=True,
        )
    )


def dimension_sentence(
    lang: Lang, score: DimensionScore, weights: Mapping[str, tuple[int, str]]
) -> str:
    """What won, with how much weight, what would flip it, and who is not served."""
    labels = {o.id: o.name for o in score.options}
    if score.total == 0:
        return lang._("No consumer demands anything on %(dimension)s yet.", dimension=score.name)
    chosen = lang.join([labels.get(o, o) for o in score.chosen])
    percents = option_percents(score)
    share = lang.pct(sum(percents[o.id] for o in score.options if o.chosen) / 100)
    many = len(score.chosen)
    if score.decided:
        head = lang.n_(
            "%(chosen)s was chosen by decision %(decision)s, with %(share)s of weighted demand",
            "%(chosen)s were chosen by decision %(decision)s, with %(share)s of weighted demand",
            many,
            chosen=chosen,
            decision=score.decision or "",
            share=share,
        )
    else:
        head = lang.n_(
            "%(chosen)s wins with %(share)s of weighted demand",
            "%(chosen)s win with %(share)s of weighted demand",
            many,
            chosen=chosen,
            share=share,
        )
    if not score.conflict and score.unserved:
        return lang._(
            "%(head)s; no two consumers conflict, but %(share)s of it is not offered.",
            head=head,
            share=lang.pct(score.intensity),
        )
    if not score.conflict:
        return lang._("%(head)s; no conflict: every demanded option is offered.", head=head)
    tail = ""
    if score.flip is not None:
        importance, who = weights.get(score.flip.consumer, (0, score.flip.consumer))
        gained = lang.join([labels.get(o, o) for o in score.flip.chosen if o not in score.chosen])
        factor = lang.number(score.flip.factor, 3) + "x"
        beyond = beyond_scale(importance, score.flip.factor)
        if beyond is not None:
            tail = lang._(
                beyond,
                consumer=who,
                factor=lang.number(score.flip.factor, 2),
                options=gained,
                top=IMPORTANCE_RANGE[1],
                lowest=IMPORTANCE_RANGE[0],
            )
        elif score.flip.factor >= 1:
            tail = lang._(
                "; only if %(consumer)s's weight rose to %(factor)s would %(options)s win",
                consumer=who,
                factor=factor,
                options=gained,
            )
        else:
            tail = lang._(
                "; only if %(consumer)s's weight fell to %(factor)s would %(options)s win",
                consumer=who,
                factor=factor,
                options=gained,
            )
    elif not score.decided:
        tail = lang._("; no single consumer's weight could change this")
    unserved = by_weight(score.unserved, weights)
    if unserved:
        tail += lang._(". Not served: %(names)s", names=lang.join(unserved))
    return head + tail + "."


IMPORTANCE_RANGE = (1, 5)  # a consumer's importance, lowest and top


def beyond_scale(importance: int, factor: float) -> str | None:
    """The message for a flip that would take a consumer's importance beyond the scale
    (above 5 or below 1), so no honest re-weighting could make it; None within it."""
    if importance <= 0:
        return None
    weighted = importance * factor
    if weighted > IMPORTANCE_RANGE[1] + 1e-9:
        return N_(
            "; %(options)s would win only if %(consumer)s counted %(factor)s times as much "
            "as now, more than the top importance of %(top)s allows: the choice is safe "
            "from any one consumer's weight"
        )
    if weighted < IMPORTANCE_RANGE[0] - 1e-9:
        return N_(
            "; %(options)s would win only if %(consumer)s counted %(factor)s times as much "
            "as now, less than the lowest importance of %(lowest)s allows: the choice is "
            "safe from any one consumer's weight"
        )
    return None


def uncertainty_sentence(
    lang: Lang, score: DimensionScore, weights: Mapping[str, tuple[int, str]]
) -> str | None:
    """What of the choice rests on demand we are not sure of (confidence below 1), and
    how it could overturn the choice; None when every demand is sure."""
    u = score.uncertainty
    if u is None or score.total == 0:
        return None
    labels = {o.id: o.name for o in score.options}

    def names(ids: tuple[str, ...]) -> str:
        return lang.join(by_weight(ids, weights))

    def options(ids: tuple[str, ...]) -> str:
        return lang.join([labels.get(o, o) for o in ids])

    parts = [
        lang._(
            "%(share)s of the weighted demand here comes from demands we are not sure of",
            share=lang.pct(u.share),
        )
    ]
    if u.resting:
        resting = []
        for option in u.resting:
            scored = score.option(option)
            share = scored.uncertain / scored.support if scored and scored.support else None
            resting.append(
                lang._(
                    "%(option)s (%(share)s of its support)",
                    option=labels.get(option, option),
                    share=lang.pct(share),
                )
            )
        parts.append(
            lang.n_(
                "%(options)s rests mostly on it",
                "%(options)s rest mostly on it",
                len(resting),
                options=lang.join(resting),
            )
        )
    o = u.overturn
    if o is not None:
        values = {
            "lost": options(o.lost),
            "gained": options(o.gained),
            "doubtful": names(o.doubtful),
            "hoped": names(o.hoped),
        }
        if o.doubtful and o.hoped:
            message = N_(
                "if the uncertain demands for %(lost)s (%(doubtful)s) are not real and those "
                "for %(gained)s (%(hoped)s) are, %(gained)s would win instead of %(lost)s"
            )
        elif o.doubtful:
            message = N_(
                "if the uncertain demands for %(lost)s (%(doubtful)s) are not real, "
                "%(gained)s would win instead of %(lost)s"
            )
        else:
            message = N_(
                "if the uncertain demands for %(gained)s (%(hoped)s) are all real, "
                "%(gained)s would win instead of %(lost)s"
            )
        parts.append(lang._(message, **values))
    elif not score.decided:
        parts.append(lang._("however they turn out, the choice stands"))
    elif not u.resting:
        parts.append(lang._("the decision does not rest on them"))
    return lang._("Uncertain demand: %(parts)s.", parts="; ".join(parts))
