"""The brief (or a letter) as one self-contained HTML page: the Markdown brief converted
with markdown-it-py, its charts inlined as SVG, and the stylesheet inlined.

Converting the Markdown rather than keeping a second set of templates means every
audience, language, section and team template the Markdown brief has renders in HTML
too, from the same context. markdown-it-py is a CommonMark parser with tables, already
installed with rich, and lets each kind of token be rendered by a rule of ours:

- raw HTML in the Markdown is escaped, except the brief's own `<a id="...">` anchors;
  user text reaches the Markdown escaped already, so it stays text;
- a chart's image (`![text](bpstrat-chart:NAME)`) becomes the chart's inline SVG in a
  figure, with its text alternative as the caption; any other image becomes its text,
  so nothing is fetched from outside;
- each `##` section becomes a `<section>`, which the print stylesheet keeps apart.

No script, no external font, image or stylesheet: the page opens the same offline, in
a mail client and on a phone, and the same inputs give the same bytes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import jinja2
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from bpstrat.brief.charts import Chart
from bpstrat.brief.charts.svg import esc
from bpstrat.brief.render import Document
from bpstrat.source.packaged import packaged_templates

CHART_SCHEME = "bpstrat-chart:"
_ANCHOR = re.compile(r'<a id="[a-z0-9-]+">')
_AS_OF = re.compile(r"<!-- bpstrat: as-of (\d{4}-\d{2}-\d{2}) -->")
_TAG = re.compile(r"<[^<>]*>")
_EMPTY_HEAD = re.compile(r"<thead>\n<tr>\n(?:<th></th>\n)+</tr>\n</thead>\n")  # `| | |`
_CHART_PARAGRAPH = re.compile("<p>\x00([a-z0-9-]+)\x00</p>")
_CHART_INLINE = re.compile("\x00([a-z0-9-]+)\x00")


def chart_link(name: str) -> str:
    """Where the HTML brief's Markdown points for a chart: resolved to its inline SVG."""
    return CHART_SCHEME + name


def to_html(document: Document) -> str:
    """The page: byte for byte the same for the same document."""
    charts = {chart.name: chart for chart in document.charts}
    body = _markdown().render(document.text)

    def figure(match: re.Match[str]) -> str:
        chart = charts.get(match.group(1))
        if chart is None:
            return ""
        return (
            f'<figure class="chart" id="{chart.name}">{chart.svg}'
            f"<figcaption>{esc(chart.summary)}</figcaption></figure>"
        )

    body = _CHART_PARAGRAPH.sub(figure, body)
    body = _CHART_INLINE.sub(lambda m: charts[m.group(1)].svg if m.group(1) in charts else "", body)
    body = _EMPTY_HEAD.sub("", body)  # a key-value table's empty header row
    body = body.replace("<table>", '<div class="table"><table>').replace(
        "</table>", "</table></div>"
    )
    as_of = _AS_OF.search(document.text)
    title = _first_heading(body)
    parts = body.split("<h2")
    sections = [parts[0], *(f"<section>\n<h2{part}</section>\n" for part in parts[1:])]
    page = _page().render(
        lang=document.lang,
        audience=document.audience,
        as_of=as_of.group(1) if as_of else None,
        title=_text(title),
        css=Markup((packaged_templates() / "html" / "brief.css").read_text(encoding="utf-8")),
        head=Markup(sections[0]),
        sections=[Markup(s) for s in sections[1:]],
    )
    return page


def _first_heading(body: str) -> str:
    """The HTML inside the page's first <h1>, or nothing."""
    start = body.find("<h1>")
    end = body.find("</h1>", start)
    return body[start + 4 : end] if start >= 0 and end >= 0 else ""


def _text(fragment: str) -> str:
    """The text of an HTML fragment (a heading), its entities left as they are."""
    return str(Markup(_TAG.sub("", fragment)).unescape())


@functools.cache
def _page() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(packaged_templates() / "html")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("brief.html.j2")


@functools.cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.add_render_rule("html_inline", _html_inline)
    md.add_render_rule("html_block", _html_block)
    md.add_render_rule("image", _image)
    return md


def _html_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Only the brief's anchors pass (`<a id="read-support"></a>`); other HTML is text."""
    content = tokens[idx].content
    following = tokens[idx + 1].content if idx + 1 < len(tokens) else ""
    previous = tokens[idx - 1].content if idx > 0 else ""
    if _ANCHOR.fullmatch(content) and following == "</a>":
        return content
    if content == "</a>" and _ANCHOR.fullmatch(previous):
        return content
    return esc(content)


def _html_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """The as-of comment goes to the page's head; any other HTML block is shown as text."""
    content = tokens[idx].content
    if _AS_OF.fullmatch(content.strip()):
        return ""
    return f"<p>{esc(content)}</p>\n"


def _image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A chart's image becomes a marker the page replaces with the chart; any other image
    becomes its text (nothing is fetched from outside)."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if src.startswith(CHART_SCHEME):
        return f"\x00{src[len(CHART_SCHEME) :]}\x00"
    return esc(self.renderInlineAsText(token.children or [], options, env))


__all__ = ["Chart", "chart_link", "to_html"]
