"""`brief --since REV`: what changed since a commit, in plain words and the brief's language.

The strategy at REV is read from git's objects (nothing is checked out) and linted as of
that commit's date; the brief compares it with the strategy it renders: decisions taken
or superseded, consumers added or removed, stakeholders' engagement, goals whose status
changed, the coalition share, and risks opened and closed. A letter to a consumer says
what changed for that reader: a decision that now serves or no longer serves them, an
accommodation added or ended, a goal that concerns them.

`--since last` is the commit that last changed the brief's file (`-o`); the brief records
the commit it compared with (`<!-- bpstrat: since HASH -->`), and `--check` compares with
that same commit, so a committed brief does not go out of date when it is committed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from bpstrat.brief.goal_views import STATUS_WORDS
from bpstrat.brief.i18n import Lang
from bpstrat.brief.risks import plain_risks
from bpstrat.brief.views import TemplateView
from bpstrat.brief.wording import word
from bpstrat.errors import UsageError
from bpstrat.lint.linter import LintResult, lint
from bpstrat.lint.rules import CATALOG_CODES
from bpstrat.model.entities import Consumer, Goal
from bpstrat.source.git import GitError, repo_top, resolve, run_git
from bpstrat.source.git_tree import GitTree

LAST = "last"
_SINCE = re.compile(r"^<!-- bpstrat: since ([0-9a-f]{40}(?:[0-9a-f]{24})?) -->$", re.M)


@dataclass(frozen=True, slots=True)
class SinceView(TemplateView):
    """What the brief's section "What changed since <date>" shows."""

    date: str  # the commit's date, as the brief's language writes dates
    commit: str  # the full hash, recorded in the brief
    short: str
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Baseline:
    """The strategy at the commit a brief is compared with."""

    commit: str
    date: dt.date
    result: LintResult


def recorded_since(brief: str) -> str | None:
    """The commit a rendered brief says it was compared with, if it says one."""
    found = _SINCE.search(brief)
    return found.group(1) if found else None


def last_change(output: Path) -> str:
    """The commit that last changed the file `output` (for `--since last`)."""
    folder = output.resolve().parent
    try:
        repo = repo_top(folder)
    except UsageError:
        raise UsageError(
            f"--since last: {output} is not inside a git repository; pass --since REV"
        ) from None
    try:
        rel = output.resolve().relative_to(repo).as_posix()
        found = run_git(repo, "log", "-1", "--format=%H", "--", rel).decode().strip()
    except (GitError, ValueError):
        found = ""
    if not found:
        raise UsageError(
            f"--since last: no commit has changed {output} yet; commit the brief first, "
            "or pass --since REV"
        )
    return found


def read_baseline(root: Path, revision: str) -> Baseline:
    """The strategy root `root` as it was at `revision`, linted as of that commit's date."""
    try:
        repo = repo_top(root)
    except UsageError:
        raise UsageError(
            f"--since: {root} is not inside a git repository; --since compares with a commit"
        ) from None
    commit = resolve(repo, revision)
    try:
        subdir = root.resolve().relative_to(repo).as_posix()
    except ValueError:
        raise UsageError(f"the strategy root {root} is outside the git repository") from None
    subdir = "" if subdir == "." else subdir
    try:
        stamp = run_git(repo, "log", "-1", "--format=%ct", commit, "--").decode().strip()
        date = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date()
    except (GitError, ValueError, OverflowError, OSError):
        date = dt.date(1970, 1, 1)
    tree = GitTree(repo, commit, subdir, revision)
    return Baseline(commit, date, lint(tree, date))


def _status(lang: Lang, status: str) -> str:
    return lang._(STATUS_WORDS.get(status, status))


def brief_lines(old: LintResult, new: LintResult, lang: Lang) -> list[str]:
    """What changed from `old` to `new`, one sentence each, in a fixed order."""
    _ = lang._
    lines: list[str] = []
    before, after = old.strategy, new.strategy
    old_decisions = {d.id: d for d in before.decisions}
    names = {d.id: d.name for d in (*old.score.dimensions, *new.score.dimensions)}
    for decision in sorted(after.decisions, key=lambda d: d.id):
        was = old_decisions.get(decision.id)
        values = {
            "decision": decision.id,
            "dimension": names.get(decision.dimension, decision.dimension),
            "choice": lang.join(list(decision.choice)),
        }
        if decision.status == "accepted" and (was is None or was.status != "accepted"):
            lines.append(_("Decision %(decision)s taken on %(dimension)s: %(choice)s.", **values))
        elif decision.status == "proposed" and was is None:
            lines.append(
                _("Decision %(decision)s proposed on %(dimension)s: %(choice)s.", **values)
            )
        elif decision.status == "superseded" and (was is None or was.status != "superseded"):
            lines.append(_("Decision %(decision)s superseded.", decision=decision.id))
    new_decisions = {d.id for d in after.decisions}
    for decision in sorted(before.decisions, key=lambda d: d.id):
        if decision.id not in new_decisions:
            lines.append(_("Decision %(decision)s removed.", decision=decision.id))
    old_consumers = {c.id: c for c in before.consumers}
    new_consumers = {c.id: c for c in after.consumers}
    for id_ in sorted(set(new_consumers) - set(old_consumers)):
        lines.append(_("Consumer %(name)s added.", name=new_consumers[id_].name))
    for id_ in sorted(set(old_consumers) - set(new_consumers)):
        lines.append(_("Consumer %(name)s removed.", name=old_consumers[id_].name))
    old_people = {s.id: s for s in before.stakeholders}
    for person in sorted(after.stakeholders, key=lambda s: s.id):
        was_person = old_people.get(person.id)
        now = person.engagement.current if person.engagement else None
        then = was_person.engagement.current if was_person and was_person.engagement else None
        if was_person is None:
            lines.append(_("Stakeholder %(name)s added.", name=person.name))
        elif then != now and then is not None and now is not None:
            lines.append(
                _(
                    "%(name)s moved from %(before)s to %(after)s.",
                    name=person.name,
                    before=word(lang, then),
                    after=word(lang, now),
                )
            )
    new_ids = {s.id for s in after.stakeholders}
    for person in sorted(before.stakeholders, key=lambda s: s.id):
        if person.id not in new_ids:
            lines.append(_("Stakeholder %(name)s removed.", name=person.name))
    old_goals = {g.id: g for g in old.score.goals}
    titles = {g.id: g.title for g in after.goals}
    for goal in new.score.goals:
        was_goal = old_goals.get(goal.id)
        if was_goal is not None and was_goal.status != goal.status:
            lines.append(
                _(
                    "Goal %(goal)s: %(before)s, now %(after)s.",
                    goal=titles.get(goal.id, goal.id),
                    before=_status(lang, was_goal.status),
                    after=_status(lang, goal.status),
                )
            )
    share_then, share_now = old.score.coalition.share, new.score.coalition.share
    if lang.pct(share_then) != lang.pct(share_now):
        lines.append(
            _(
                "Coalition share from %(before)s to %(after)s.",
                before=lang.pct(share_then),
                after=lang.pct(share_now),
            )
        )
    risks_then = {r.code: r for r in plain_risks(before, old.score, old.findings, lang)}
    findings = new.findings
    if before.on_disk != after.on_disk:
        # one side was read from a git revision, whose service catalog is not read: the
        # catalog's findings of the other side are not news
        findings = [f for f in findings if f.code not in CATALOG_CODES]
    risks_now = {r.code: r for r in plain_risks(after, new.score, findings, lang)}
    for code, risk in risks_now.items():
        if code not in risks_then:
            lines.append(_("Risk opened: %(risk)s", risk=risk.text))
    for code, risk in risks_then.items():
        if code not in risks_now:
            lines.append(_("Risk closed: %(risk)s", risk=risk.text))
    return lines


def letter_lines(old: LintResult, new: LintResult, consumer_id: str, lang: Lang) -> list[str]:
    """What changed for the consumer `consumer_id` from `old` to `new`."""
    _ = lang._
    lines: list[str] = []
    consumer = new.strategy.entity(Consumer, consumer_id)
    if consumer is None:
        return lines
    old_dims = {d.id: d for d in old.score.dimensions}
    new_dims = {d.id: d for d in new.score.dimensions}
    for demand in consumer.demands:
        then, now = old_dims.get(demand.dimension), new_dims.get(demand.dimension)
        if now is None:
            continue
        served_then = then is not None and demand.option in then.chosen
        served_now = demand.option in now.chosen
        decision = now.decision or (then.decision if then else None)
        if served_now and not served_then:
            lines.append(
                _(
                    "%(option)s on %(dimension)s now serves you (decision %(decision)s).",
                    option=demand.option,
                    dimension=now.name,
                    decision=decision,
                )
                if decision
                else _(
                    "%(option)s on %(dimension)s now serves you.",
                    option=demand.option,
                    dimension=now.name,
                )
            )
        elif served_then and not served_now:
            lines.append(
                _(
                    "%(option)s on %(dimension)s no longer serves you.",
                    option=demand.option,
                    dimension=now.name,
                )
            )
        eased_then = {
            a.option: a for a in (then.accommodated if then else ()) if a.consumer == consumer_id
        }
        eased_now = {a.option: a for a in now.accommodated if a.consumer == consumer_id}
        if demand.option in eased_now and demand.option not in eased_then:
            lines.append(
                _(
                    "A compromise now meets your %(option)s on %(dimension)s: %(via)s.",
                    option=demand.option,
                    dimension=now.name,
                    via=eased_now[demand.option].via,
                )
            )
        elif demand.option in eased_then and demand.option not in eased_now:
            lines.append(
                _(
                    "The compromise for your %(option)s on %(dimension)s has ended.",
                    option=demand.option,
                    dimension=now.name,
                )
            )
    concerning = _goals_of(new, consumer_id)
    old_goals = {g.id: g for g in old.score.goals}
    for goal in new.score.goals:
        if goal.id not in concerning:
            continue
        title = concerning[goal.id]
        was = old_goals.get(goal.id)
        if was is None:
            lines.append(_("A new goal concerns you: %(goal)s.", goal=title))
        elif was.status != goal.status:
            lines.append(
                _(
                    "Goal %(goal)s: %(before)s, now %(after)s.",
                    goal=title,
                    before=_status(lang, was.status),
                    after=_status(lang, goal.status),
                )
            )
    return lines


def _goals_of(result: LintResult, consumer_id: str) -> dict[str, str]:
    """The goals that concern a consumer (named, or through a problem it feels): titles."""
    strategy = result.strategy
    felt = {p.id for p in strategy.problems if consumer_id in (getattr(p, "consumers", None) or [])}
    out: dict[str, str] = {}
    for record in strategy.records(Goal):
        goal = record.entity
        if consumer_id in (goal.consumers or []) or felt & set(goal.problems or []):
            out[goal.id] = goal.title
    return out
