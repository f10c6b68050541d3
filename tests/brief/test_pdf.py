"""The PDF brief (slow: WeasyPrint lays out every page): A4 pages, each section on a
page of its own, the text of the brief and its charts, the same bytes on a second run."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest

from bpstrat.cli.brief import run_brief
from tests.helpers import EXAMPLES, TODAY

pypdf = pytest.importorskip("pypdf", reason='pip install "bpstrat[ci]" (pypdf) to read PDFs')
pytest.importorskip("weasyprint", reason='pip install "bpstrat[pdf]" for the PDF brief')

A4 = (595.3, 841.9)  # points


def pdf(name: str, tmp_path: Path, lang: str = "en", **options: object) -> bytes:
    out = tmp_path / f"{name}-{lang}.pdf"
    code = run_brief(
        EXAMPLES / name,
        output=out,
        template=None,
        check=False,
        today=TODAY,
        lang=lang,
        output_format="pdf",
        **options,  # type: ignore[arg-type]
    )
    assert code == 0
    return out.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "lang", "words"),
    [
        ("pricing-platform", "en", ["Pricing Platform: product strategy", "cost EUR 420,000"]),
        ("customer-data", "de", ["Zusammenfassung für die Geschäftsleitung", "Kosten"]),
    ],
)
def test_pdf_has_a4_pages_a_page_per_section_and_the_briefs_text(
    name: str, lang: str, words: list[str], tmp_path: Path
) -> None:
    data = pdf(name, tmp_path, lang)
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == A4
    text = "\n".join(pages)
    for word in words:
        assert word in text
    markdown = run_markdown(name, lang, tmp_path)
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    firsts = [page.split("\n", 1)[0].strip() for page in pages]
    starts = [firsts.index(h) for h in headings]  # every section opens a page
    assert starts == sorted(starts) and len(set(starts)) == len(headings) >= 8
    assert pdf(name, tmp_path, lang) == data  # the same bytes again


def run_markdown(name: str, lang: str, tmp_path: Path) -> str:
    out = tmp_path / f"{name}-{lang}.md"
    run_brief(EXAMPLES / name, output=out, template=None, check=False, today=TODAY, lang=lang)
    return out.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["pricing-platform", "customer-data"])
@pytest.mark.parametrize("lang", ["en", "de", "nl"])
def test_executive_pdf_is_at_most_two_a4_pages_and_holds_the_ask(
    name: str, lang: str, tmp_path: Path
) -> None:
    from bpstrat.brief.i18n import language
    from bpstrat.lint.linter import lint

    investment = lint(EXAMPLES / name, TODAY).score.investment
    ask = language(lang).money(investment.ask, investment.currency)
    reader = pypdf.PdfReader(BytesIO(pdf(name, tmp_path, lang, audience="executive")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) <= 2
    assert " ".join(ask.split()) in text  # the ask, in the language's money
    for politics in ("resistant", "Power", "BP4"):
        assert politics not in text
