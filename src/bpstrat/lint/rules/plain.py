"""A rule's findings in plain words, for a reader outside the team (the brief's risks).

Each rule module declares `PLAIN`: the risk, its consequence and the next step, as
English catalog messages (marked with `N_`, or `Nn_` for a singular and plural pair), and
what its findings are about, which says how the brief groups and names them. The brief
translates the messages and fills in the names (`%(items)s`); the lint message, which
speaks to the person editing the files, is never shown there.

    PLAIN = Plain(
        "goals",
        risk=N_("These goals cannot be measured yet: %(items)s."),
        consequence=N_("Nobody will be able to tell whether they were reached."),
        next_step=N_("Give each a metric with a baseline, a target and a date."),
    )
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

# What a rule's findings are about, and so how the brief lists them in `%(items)s`:
About = Literal[
    # the entities the findings point at, heaviest first (a consumer's importance, a
    # stakeholder's power, a goal's or decision's heaviest consumer, a problem's impact)
    "consumers",
    "stakeholders",
    "goals",
    "problems",
    "decisions",
    # the demands the findings point at: "option for consumer" (dated: ", due date")
    "demands",
    "dated-demands",
    # the service catalog's consumer products the findings are about (their names)
    "catalog-products",
    # the strategy as a whole, told from the score rather than from each finding:
    "key-goals",  # the key goals' titles (`%(items)s`) and count (`%(num)d`)
    "coalition",  # `%(share)s` of power supports it, `%(threshold)s` needed, who waits
    "conflicts",  # the undecided dimensions, weighed by the consumers left unserved
    "sides",  # the underserved `%(side)s` at `%(served)s` against `%(other)s` at `%(best)s`
    "product",  # the product itself, weighed by its most powerful stakeholder
]
ABOUT: tuple[str, ...] = get_args(About)


def N_(message: str) -> str:
    """Mark a message for the brief's catalogs without translating it here."""
    return message


class Counted(NamedTuple):
    """A message with a singular and a plural form, chosen by a count (`%(num)d`)."""

    one: str
    many: str


def Nn_(one: str, many: str) -> Counted:
    """Mark a singular and plural pair for the brief's catalogs."""
    return Counted(one, many)


class Wording(NamedTuple):
    """What is wrong, what it costs and what to do next, as catalog messages."""

    risk: str | Counted
    consequence: str
    next_step: str


@dataclass(frozen=True)
class Plain:
    """A rule's plain wording: what its findings are about and how the brief says them.

    `none` is the wording for when there is nothing to list ("key-goals" with no key
    goal, "coalition" with nobody charted); without it the main wording is used.
    """

    about: About
    risk: str | Counted
    consequence: str
    next_step: str
    none: Wording | None = None

    @property
    def wording(self) -> Wording:
        return Wording(self.risk, self.consequence, self.next_step)

    def messages(self) -> list[str | Counted]:
        """Every catalog message of this wording."""
        wordings = [self.wording] if self.none is None else [self.wording, self.none]
        return [message for wording in wordings for message in wording]
