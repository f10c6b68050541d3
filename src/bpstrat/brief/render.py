"""The strategy brief: one Jinja environment factory and one render function.

Templates run in Jinja's SandboxedEnvironment with StrictUndefined: a template cannot
read files or reach Python internals, and a typo is an error, not silently nothing.
A `templates/` folder in the strategy root is searched first, so a team can override
the whole brief or extend the default (`{% extends "bpstrat/brief.md.j2" %}`) and
replace single blocks.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from bpstrat.brief.context import build_context
from bpstrat.brief.i18n import DEFAULT_LANGUAGE, Lang, language
from bpstrat.brief.letters import consumer_letter, parse_recipient, stakeholder_letter
from bpstrat.brief.markdown import cell, code, inline
from bpstrat.brief.sandbox import BoundedEnvironment, TemplateLimitError, render_bounded
from bpstrat.brief.since import Baseline, SinceView, brief_lines, letter_lines
from bpstrat.brief.template_files import CheckedLoader, TemplateRefused
from bpstrat.brief.views import ChartLink, ChartLinks
from bpstrat.errors import UsageError
from bpstrat.lint.linter import lint
from bpstrat.score.view import check_scoring_config
from bpstrat.source.packaged import packaged_templates

if TYPE_CHECKING:
    from bpstrat.brief.charts import Chart

DEFAULT_TEMPLATE = "brief.md.j2"
AUDIENCES = ("executive", "team")
DEFAULT_AUDIENCE = "team"
AUDIENCE_TEMPLATES = {"team": DEFAULT_TEMPLATE, "executive": "brief-executive.md.j2"}
LETTER_TEMPLATES = {
    "consumer": "letter-consumer.md.j2",
    "stakeholder": "letter-stakeholder.md.j2",
}

BLANK_LINES = re.compile(r"\n{3,}")  # more than one empty line in a row


def make_environment(
    root: Path | None, extra_dir: Path | None = None, lang: Lang | None = None
) -> BoundedEnvironment:
    """The Jinja environment for a strategy root (and a --template folder), in `lang`.

    Environments are kept per template folders and language, so rendering many briefs in
    one process compiles the packaged template once; the loaders still reload a changed
    file. A template of the root's `templates/` is read only from inside the root, one of
    the --template folder only from inside that folder (template_files.py).
    """
    own = root / "templates" if root is not None else None
    own_dir = str(own) if own is not None and os.path.isdir(own) else None
    return _environment(
        str(extra_dir) if extra_dir is not None else None,
        own_dir,
        # Only a root with templates of its own needs an environment of its own: every
        # other root shares the packaged one, compiled once per process.
        os.path.realpath(root) if root is not None and own_dir is not None else "",
        (lang or language(DEFAULT_LANGUAGE)).code,
    )


@functools.lru_cache(maxsize=16)
def _environment(
    extra_dir: str | None, own_dir: str | None, real_root: str, lang_code: str
) -> BoundedEnvironment:
    """The one place a Jinja environment is built."""
    packaged = jinja2.FileSystemLoader(str(packaged_templates()))
    loaders: list[jinja2.BaseLoader] = []
    if extra_dir is not None:
        loaders.append(CheckedLoader(extra_dir, os.path.realpath(extra_dir), extra_dir))
    if own_dir is not None:
        loaders.append(CheckedLoader(own_dir, real_root, "templates"))
    loaders += [jinja2.PrefixLoader({"bpstrat": packaged}), packaged]
    env = BoundedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escaping is explicit, per place
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    lang = language(lang_code)
    env.install_gettext_translations(lang.translations, newstyle=True)  # type: ignore[attr-defined]
    env.bound_translations()
    env.filters["cell"] = cell
    env.filters["md"] = inline
    env.filters["code"] = code
    env.filters["num"] = lang.number
    return env


@dataclass(frozen=True)
class Document:
    """A rendered brief or letter: its Markdown, the charts it embeds, its language."""

    text: str
    charts: list[Chart]
    lang: str
    audience: str = "team"


def render_brief(
    path: Path,
    template: Path | None,
    today: dt.date,
    cache: bool = False,
    lang: str | None = None,
    recipient: str | None = None,
    audience: str | None = None,
    since: Baseline | None = None,
) -> str:
    """Render the brief of the strategy root above `path`, as of `today`, in `lang`
    (else bpstrat.yaml's `brief.lang`, else English), for `audience` (else
    `brief.audience`, else the team); with `recipient` (`consumer:ID` or
    `stakeholder:ID`) the letter to that consumer or about that stakeholder instead;
    with `since`, what changed since that commit."""
    return render_document(
        path, template, today, cache, lang, recipient, audience=audience, since=since
    ).text


def render_document(
    path: Path,
    template: Path | None,
    today: dt.date,
    cache: bool = False,
    lang: str | None = None,
    recipient: str | None = None,
    output_format: str = "markdown",
    chart_links: Callable[[str], str] | None = None,
    audience: str | None = None,
    since: Baseline | None = None,
) -> Document:
    """`render_brief` with its charts: drawn when `chart_links` says where the Markdown
    finds each (the chart's name to a link), else none. `output_format` tells the
    template what the Markdown becomes (markdown, or html for HTML and PDF)."""
    if lang is not None:
        language(lang)  # an unknown language is a usage error before any work
    if audience is not None and audience not in AUDIENCES:
        raise UsageError(
            f"unknown audience {audience!r}: the brief is written for "
            f"{' or '.join(AUDIENCES)} (--audience)"
        )
    who = parse_recipient(recipient) if recipient is not None else None
    result = lint(path, today, cache=cache)
    strategy = result.strategy
    check_scoring_config(strategy)  # as `score` does: no brief from unreadable weights
    strategy.forget_sources()  # the findings are placed: the brief needs no positions
    words = language(lang or strategy.config.brief.lang or DEFAULT_LANGUAGE)
    reader = audience or strategy.config.brief.audience or DEFAULT_AUDIENCE
    context = build_context(strategy, result.score, result, today, words, reader)
    charts: list[Chart] = []
    if chart_links is not None and who is None:  # letters have no charts
        from bpstrat.brief.charts import brief_charts  # only where charts are drawn

        charts = brief_charts(strategy, result.score, context, words)
        context = replace(context, charts=chart_index(charts, chart_links))
    context = replace(context, format=output_format)
    changed = None
    if since is not None:
        lines = (
            letter_lines(since.result, result, who.id, words)
            if who is not None and who.kind == "consumer"
            else brief_lines(since.result, result, words)
        )
        changed = SinceView(words.date(since.date), since.commit, since.commit[:7], lines)
        context = replace(context, since=changed)
    variables = context.variables()
    default = AUDIENCE_TEMPLATES[reader]
    if who is not None:
        default = LETTER_TEMPLATES[who.kind]
        if who.kind == "consumer":
            mistakes = sum(
                1
                for f in result.findings
                if f.entity == f"consumer:{who.id}" and f.severity == "error"
            )
            letter = consumer_letter(strategy, context, who.id, words, mistakes)
            variables = replace(letter, since=changed).variables()
        else:
            variables = stakeholder_letter(strategy, context, who.id, words).variables()
    if template is not None:
        if not os.path.lexists(template):
            raise UsageError(f"template {template} does not exist")
        env = make_environment(strategy.root, template.absolute().parent, words)
        name = template.name
    else:
        env = make_environment(strategy.root, None, words)
        name = default
    text = _render(env, name, variables)
    if chart_links is not None:  # the charts the brief shows, no others (an audience's)
        charts = [c for c in charts if f"]({chart_links(c.name)})" in text]
    return Document(text, charts, words.code, context.audience)


def chart_index(charts: list[Chart], link: Callable[[str], str]) -> ChartLinks:
    """The charts by where the brief shows them, each with its link and text alternative."""
    links: dict[str, ChartLink] = {}
    progress = []
    for chart in charts:
        found = ChartLink(link(chart.name), chart.summary)
        if chart.place == "progress":
            progress.append(found)
        else:
            links[chart.place] = found
    return ChartLinks(progress=progress, **links)


def _render(env: BoundedEnvironment, name: str, context: dict[str, object]) -> str:
    try:
        text = render_bounded(env, name, context)
    except TemplateRefused as error:
        raise UsageError(str(error)) from None
    except SyntaxError as error:  # Python's own limits on the code a template compiles to
        where = os.path.basename(error.filename or name)
        raise UsageError(
            f"template error at {where}: its blocks nest too deeply ({error.msg}); "
            "nest fewer `if`, `for` and other blocks inside each other"
        ) from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name or name}:{error.lineno}"
        raise UsageError(f"template error at {where}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise UsageError(f"template {error.name!r} not found") from None
    except (jinja2.TemplateError, UnicodeDecodeError) as error:
        raise UsageError(f"template error at {_template_line(error, name)}: {error}") from None
    except TemplateLimitError as error:
        raise UsageError(f"template stopped at {_template_line(error, name)}: {error}") from None
    except RecursionError as error:
        raise UsageError(
            f"template stopped at {_template_line(error, name)}: it calls itself too deeply "
            "(a macro without an end?)"
        ) from None
    except MemoryError:
        raise UsageError(f"template stopped at {name}: it ran out of memory") from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as error:
        raise UsageError(
            f"template error at {_template_line(error, name)}: {type(error).__name__}: {error}"
        ) from None
    return BLANK_LINES.sub("\n\n", text).strip("\n") + "\n"


def _template_line(error: BaseException, fallback: str) -> str:
    """file:line of the innermost template frame of a rendering error (Jinja gives each
    template's frames the template's file name), else the template's name: never a frame
    of Python code, such as Jinja's own parser."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if not frame.filename.endswith(".py"):
            return f"{frame.filename}:{frame.lineno}"
    return fallback
