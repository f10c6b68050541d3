"""The charts measure text with a table of DejaVu Sans's advance widths: it must be the
font's own (slow: reads the font files with fontTools, which the pdf extra brings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.brief.charts import font_widths
from bpstrat.brief.charts.svg import text_width

FONTS = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("file", "table"), [("DejaVuSans.ttf", "REGULAR"), ("DejaVuSans-Bold.ttf", "BOLD")]
)
def test_width_table_is_the_fonts_own(file: str, table: str) -> None:
    ttlib = pytest.importorskip("fontTools.ttLib", reason='pip install "bpstrat[pdf]"')
    if not (FONTS / file).exists():
        pytest.skip(f"{FONTS / file} is not installed (Debian: fonts-dejavu-core)")
    font = ttlib.TTFont(str(FONTS / file))
    assert font["head"].unitsPerEm == font_widths.UNITS_PER_EM
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    widths: dict[int, int] = getattr(font_widths, table)
    assert len(widths) > 300
    assert {c: metrics[cmap[c]][0] for c in widths} == widths


def test_unknown_characters_count_as_a_full_em() -> None:
    assert text_width("\u4e2d", 10) == 10  # not in the table: one em, never narrower
    assert text_width("ii", 10) < text_width("WW", 10) < 2 * 10
