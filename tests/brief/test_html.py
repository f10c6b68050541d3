"""The HTML brief and the charts: one self-contained page, valid SVG, text alternatives,
escaped user text, the same bytes for the same inputs; `--charts DIR` for Markdown."""

from __future__ import annotations

import functools
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.grid import Person, grid_chart
from bpstrat.brief.charts.shares import whole_percent
from bpstrat.brief.charts.svg import SMALL, WIDTH, text_width, wrap
from bpstrat.brief.html import chart_link, to_html
from bpstrat.brief.i18n import language
from bpstrat.brief.render import Document, render_document
from bpstrat.brief.stakeholder_views import quadrant_labels
from bpstrat.cli.brief import run_brief
from bpstrat.errors import UsageError
from tests.brief.hostile import HOSTILE
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY, Writer, bpstrat

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
NS = "{http://www.w3.org/2000/svg}"


@functools.cache
def example(name: str, lang: str = "en") -> Document:
    return render_document(
        EXAMPLES / name, None, TODAY, lang=lang, output_format="html", chart_links=chart_link
    )


def svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in SVG.findall(page)]


def assert_self_contained(page: str) -> None:
    page = page.replace(' xmlns="http://www.w3.org/2000/svg"', "")  # a name, not fetched
    lowered = page.lower()
    for needle in ("<script", "<link", "<iframe", "<img", "@import", "javascript:", "http:"):
        assert needle not in lowered, needle
    assert re.findall(r"url\((?!#)", page) == []  # patterns only: url(#id)
    assert re.findall(r'(?:src|href)="(?!#)', page) == []  # only links inside the page
    assert "https:" not in lowered


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", ["en", "de", "nl"])
def test_html_brief_is_one_self_contained_page_with_valid_charts(name: str, lang: str) -> None:
    document = example(name, lang)
    page = to_html(document)
    assert page.startswith("<!DOCTYPE html>\n<!-- bpstrat: as-of 2026-11-20 -->\n")
    assert f'<html lang="{lang}">' in page
    assert_self_contained(page)
    ET.fromstring(page[page.index("<main>") : page.index("</main>") + 7])  # well-formed body
    charts = svgs(page)
    names = {c.name for c in document.charts}
    assert {"demand", "money", "value-chain", "stakeholders"} <= names
    assert any(n.startswith("goal-") for n in names)
    assert len(charts) == len(document.charts)
    for svg in charts:
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{NS}title"), svg.find(f"{NS}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    style = page[page.index("<style>") : page.index("</style>")]
    assert '"DejaVu Sans"' in style and "@page { size: A4" in style  # the stylesheet as written
    assert page.count("<figcaption>") == len(charts)
    assert "<thead>\n<tr>\n<th></th>\n<th></th>\n</tr>" not in page  # no empty header row
    assert page.count("<section>") == page.count("<h2")
    assert "```" not in page and "mermaid" not in page  # no diagram source without a renderer
    assert to_html(document) == page


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", ["en", "de", "nl"])
def test_demand_chart_says_what_the_text_says(name: str, lang: str) -> None:
    from bpstrat.brief.context import build_context
    from bpstrat.lint.linter import lint

    result = lint(EXAMPLES / name, TODAY)
    context = build_context(result.strategy, result.score, result, TODAY, language(lang))
    (chart,) = [c for c in example(name, lang).charts if c.name == "demand"]
    for d in context.dimensions:
        unserved = {"en": "unserved", "de": "nicht bedient", "nl": "niet bediend"}[lang]
        assert f"{d.intensity} {unserved}" in chart.summary, (d.name, d.intensity)
        chosen = [o.share for o in d.options if o.chosen]
        if len(chosen) == 1:  # served: the chosen option's share, as the table gives it
            assert f"{d.name}: {chosen[0]} " in chart.summary
    for numbers in re.findall(r": ([^.]*)\.", chart.summary):
        assert sum(int(p) for p in re.findall(r"(\d+)\s?%", numbers)) == 100


def test_second_run_gives_the_same_bytes() -> None:
    fresh = render_document(
        EXAMPLES / "pricing-platform", None, TODAY, output_format="html", chart_links=chart_link
    )
    assert to_html(fresh) == to_html(example("pricing-platform"))


def test_ids_are_unique_in_the_page() -> None:
    ids = re.findall(r'\bid="([^"]+)"', to_html(example("customer-data")))
    assert len(ids) == len(set(ids)) > 10


def test_charts_carry_meaning_in_words_not_colour_alone() -> None:
    page = to_html(example("pricing-platform"))
    assert "61% served, 16% accommodated, 23% unserved" in page  # demand, in the chart's text
    assert "url(#chart-demand-hatch-" in page and "url(#chart-demand-dots-" in page
    assert "Manage closely" in page and "Keep informed" in page  # the grid's quadrants
    assert "pays back in 50 months" in page
    assert "Dashed: the straight line from 900 s on 2026-07-01 to 60 s on 2027-06-30." in page


def test_hostile_text_is_escaped_everywhere(root: Writer) -> None:
    document = render_document(
        root(HOSTILE), None, TODAY, output_format="html", chart_links=chart_link
    )
    page = to_html(document)
    assert "<script" not in page and "javascript:" not in page.replace("javascript:y", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    svgs(page)  # every chart still parses


def test_raw_html_and_images_of_a_template_are_text(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "# T\n\n<script>alert(1)</script>\n\nA <b onclick=x>b</b> "
        '![logo](https://example.com/x.png) <a id="read-x"></a>\n',
        encoding="utf-8",
    )
    document = render_document(
        EXAMPLES / "customer-data", template, TODAY, output_format="html", chart_links=chart_link
    )
    page = to_html(document)
    assert "<script" not in page and "<b " not in page and "example.com" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "logo" in page
    assert '<a id="read-x"></a>' in page


def test_letters_render_as_html() -> None:
    document = render_document(
        EXAMPLES / "pricing-platform",
        None,
        TODAY,
        recipient="consumer:checkout-web",
        output_format="html",
        chart_links=chart_link,
    )
    page = to_html(document)
    assert document.charts == [] and "<h1>" in page
    assert_self_contained(page)


def test_markdown_with_charts_writes_svg_files_it_embeds(tmp_path: Path) -> None:
    out, charts = tmp_path / "brief" / "BRIEF.md", tmp_path / "charts dir"
    out.parent.mkdir()
    run_brief(
        EXAMPLES / "pricing-platform",
        output=out,
        template=None,
        check=False,
        today=TODAY,
        charts=charts,
    )
    text = out.read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text)
    files = sorted(charts.iterdir())
    assert len(links) == len(files) >= 5
    assert all(link.startswith("../charts%20dir/") for link in links)
    for f in files:
        ET.fromstring(f.read_text(encoding="utf-8"))
    assert "```mermaid" in text  # beside the Mermaid diagrams
    assert text.replace("\n\n", "\n") != (EXAMPLES / "pricing-platform" / "BRIEF.md").read_text()
    check = run_brief(
        EXAMPLES / "pricing-platform",
        output=out,
        template=None,
        check=True,
        today=TODAY,
        charts=charts,
    )
    assert check == 0
    files[0].write_text("<svg/>", encoding="utf-8")
    check = run_brief(
        EXAMPLES / "pricing-platform",
        output=out,
        template=None,
        check=True,
        today=TODAY,
        charts=charts,
    )
    assert check == 1


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"output_format": "html", "charts": Path("c")}, "--charts DIR"),
        ({"output_format": "pdf"}, "--format pdf needs -o FILE"),
        ({"output_format": "docx"}, "write one of markdown, html, pdf"),
    ],
)
def test_format_mistakes_are_usage_errors(options: dict[str, object], words: str) -> None:
    with pytest.raises(UsageError, match=re.escape(words)):
        run_brief(
            EXAMPLES / "customer-data",
            output=None,
            template=None,
            check=False,
            today=TODAY,
            **options,
        )  # type: ignore[arg-type]


def test_pdf_without_weasyprint_is_a_one_line_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    out = tmp_path / "brief.pdf"
    with pytest.raises(UsageError) as error:
        run_brief(
            EXAMPLES / "customer-data",
            output=out,
            template=None,
            check=False,
            today=TODAY,
            output_format="pdf",
        )
    assert str(error.value) == 'PDF needs WeasyPrint: pip install "bpstrat[pdf]"'
    assert not out.exists()


def boxes(chart: Chart) -> list[tuple[float, float, float, float]]:
    """Each text's box (left, top, right, bottom) as the layout measured it."""
    out = []
    for text in ET.fromstring(chart.svg).iter(f"{NS}text"):
        size = float(text.get("font-size", "13"))
        width = text_width(text.text or "", size, text.get("font-weight") == "bold")
        x, y = float(text.get("x", "0")), float(text.get("y", "0"))
        anchor = text.get("text-anchor", "start")
        left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
        out.append((left, y - size, left + width, y + 0.25 * size))
    return out


def overlapping(found: list[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(found)
        for j, b in enumerate(found[i + 1 :], i + 1)
        if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
    ]


def test_a_crowded_grid_lists_everyone_without_overlap_or_clipping() -> None:
    people = [Person(f"Stakeholder number {i} with a long name", 5, 5) for i in range(20)]
    people += [Person("Ünïcødé → ✓ «x»", 1, 1), Person("Supercalifragilistic" * 4, 3, 2)]
    chart = grid_chart(people, quadrant_labels(language("de")), "Einfluss", "Interesse", "g")
    found = boxes(chart)
    assert overlapping(found) == []
    height = float(ET.fromstring(chart.svg).get("height", "0"))
    assert all(b[0] >= 0 and b[2] <= WIDTH + 0.5 and b[1] >= 0 and b[3] <= height for b in found)
    assert chart.svg.count("Stakeholder number") == 20


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_two_labels_of_an_example_chart_overlap(name: str) -> None:
    for chart in example(name, "de").charts:
        assert overlapping(boxes(chart)) == [], chart.name


def test_wrap_keeps_every_word_whole_and_within_the_width() -> None:
    text = "Partner rate changes take up to six hours to reach the marketplace " + "x" * 90
    lines = wrap(text, 200, SMALL)
    assert all(text_width(line, SMALL) <= 200 for line in lines)
    words = [line for line in lines if not line.startswith("x")]
    assert " ".join(words) == "Partner rate changes take up to six hours to reach the marketplace"
    assert all(len(w.split()) > 1 for w in words)  # broken between words
    assert "".join(lines[len(words) :]) == "x" * 90  # the long word whole, over lines


@pytest.mark.parametrize(
    ("share", "points"), [(0.225, 22), (0.235, 24), (0.22549, 23), (0.6078, 61), (1.0, 100)]
)
def test_shares_round_as_the_text_does(share: float, points: int) -> None:
    assert whole_percent(share) == points
    assert language("en").pct(share) == f"{points}%"


GOAL = """\
    kind: goal
    id: fresh
    title: Fresh
    key: true
    problems: [p]
    metric: {name: n, baseline: 0, target: 1, by: 2027-01-01%s}
    """


@pytest.mark.parametrize(("since", "drawn"), [("", False), (", since: 2026-01-01", True)])
def test_a_goal_not_measured_yet_has_a_chart_once_it_has_a_start(
    root: Writer, since: str, drawn: bool
) -> None:
    files = {"g.yaml": GOAL % since, "p.yaml": "kind: problem\nid: p\ntitle: P\n"}
    document = render_document(
        root(files), None, TODAY, output_format="html", chart_links=chart_link
    )
    charts = [c for c in document.charts if c.place == "progress"]
    assert len(charts) == drawn
    if drawn:
        assert charts[0].summary.startswith("Not measured yet; the target is 1 by 2027-01-01.")
        assert "from 0 on 2026-01-01 to 1 on 2027-01-01" in charts[0].summary


def test_html_check_reads_the_as_of_date_back(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    example_dir = EXAMPLES / "customer-data"
    written = bpstrat("brief", example_dir, "--today", "2026-11-20", "-f", "html", "-o", out)
    assert written.returncode == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    checked = bpstrat("brief", example_dir, "--format", "html", "-o", out, "--check")
    assert checked.returncode == 0, checked.stderr  # no --today: the date the page records
    out.write_text(out.read_text(encoding="utf-8").replace("Customer", "Kunde"), "utf-8")
    stale = bpstrat("brief", example_dir, "--format", "html", "-o", out, "--check")
    assert stale.returncode == 1 and "--format html" in stale.stderr


def test_pdf_without_weasyprint_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = bpstrat("brief", EXAMPLES / "customer-data", "-f", "pdf", "-o", tmp_path / "b.pdf")
    assert result.returncode == 2
    assert result.stderr == 'bpstrat: error: PDF needs WeasyPrint: pip install "bpstrat[pdf]"\n'


@pytest.mark.parametrize(
    ("lang", "cost", "value"),
    [
        ("en", "cost EUR", "expected EUR"),
        ("de", "Kosten", "erwartet"),
        ("nl", "kosten", "verwacht"),
    ],
)
def test_money_chart_says_which_amount_is_expected_each_year(
    lang: str, cost: str, value: str
) -> None:
    """Two bare amounts side by side ("cost EUR 420,000, EUR 100,000 a year") leave the
    reader to guess the second one; the chart says it is the expected value."""
    document = render_document(
        EXAMPLES / "pricing-platform",
        None,
        TODAY,
        lang=lang,
        output_format="html",
        chart_links=chart_link,
        audience="executive",
    )
    money = [c for c in document.charts if "money" in c.name]
    assert money, [c.name for c in document.charts]
    summary = money[0].summary
    assert cost.lower() in summary.lower() and value in summary, summary
