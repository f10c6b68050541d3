"""The HTML brief in a real browser (slow, opt-in like the real-Mermaid tests): every
HTML brief of both examples, in every language (and audience), opened in headless
Chromium, which takes a screenshot, measures every text box of every chart (no two
overlap, none sticks out of its chart), checks the page does not scroll sideways on a
phone and fetches nothing, and prints it on A4.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from bpstrat.cli.brief import run_brief
from tests.brief.hostile import HOSTILE
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY, Writer

MERMAID_DIR = os.environ.get("BPSTRAT_MERMAID_DIR")
CHROMIUM = Path("/usr/bin/chromium")
LANGS = ["en", "de", "nl"]
# Each audience the brief has; the executive brief prints on at most two A4 pages.
AUDIENCES = (
    ["team", "executive"] if "audience" in inspect.signature(run_brief).parameters else ["team"]
)

CROWDED = {
    f"people/p{i}.yaml": f"""\
        kind: stakeholder
        id: p{i}
        name: Stakeholder number {i} of the finance and platform council
        power: {5 if i < 14 else 1 + i % 5}
        interest: {5 if i < 14 else 1 + (i * 2) % 5}
        engagement: {{current: neutral, desired: supportive}}
        reviewed: 2026-11-01
        """
    for i in range(24)
}


def html(path: Path, out: Path, **options: object) -> Path:
    code = run_brief(
        path,
        output=out,
        template=None,
        check=False,
        today=TODAY,
        output_format="html",
        **options,  # type: ignore[arg-type]
    )
    assert code == 0
    return out


def pages(pdf: Path) -> int:
    try:
        import pypdf
    except ImportError:  # count the page objects Chromium writes, one per page
        return pdf.read_bytes().count(b"/Type /Page\n") + pdf.read_bytes().count(b"/Type /Page>")
    return len(pypdf.PdfReader(BytesIO(pdf.read_bytes())).pages)


@pytest.mark.slow
@pytest.mark.skipif(
    not MERMAID_DIR or not CHROMIUM.exists() or not shutil.which("node"),
    reason="set BPSTRAT_MERMAID_DIR to a folder with playwright-core installed "
    "(needs node and chromium)",
)
def test_every_html_brief_reads_in_a_real_chromium(root: Writer, tmp_path: Path) -> None:
    files = []
    for name in EXAMPLE_NAMES:
        for lang in LANGS:
            for audience in AUDIENCES:
                extra = {"audience": audience} if audience != "team" else {}
                out = tmp_path / f"{name}-{lang}-{audience}.html"
                files.append(html(EXAMPLES / name, out, lang=lang, **extra))
    files.append(html(root(HOSTILE), tmp_path / "hostile-en-team.html"))
    crowded = EXAMPLES.parent / "examples" / "pricing-platform"
    strategy = tmp_path / "crowded"
    shutil.copytree(crowded, strategy)
    for file, text in CROWDED.items():
        (strategy / file).parent.mkdir(parents=True, exist_ok=True)
        (strategy / file).write_text(inspect.cleandoc(text) + "\n", encoding="utf-8")
    files.append(html(strategy, tmp_path / "crowded-de-team.html", lang="de"))
    shots = tmp_path / "shots"
    shots.mkdir()
    result = subprocess.run(
        ["node", str(Path(__file__).parent / "html_render.mjs"), str(shots), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ},
    )
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(reports) == len(files)
    for report in reports:
        name = Path(report["file"]).stem
        assert report["overlaps"] == [] and report["clipped"] == [], name
        assert report["phoneWidth"] <= 375 and report["requests"] == [], name
        assert (shots / f"{name}.png").read_bytes().startswith(b"\x89PNG"), name
        if name.endswith("-executive"):
            assert report["charts"] >= 1, name  # the money, under the ask
        elif not name.startswith("hostile"):
            assert report["charts"] >= 4 and report["texts"] > 30, name
        printed = pages(shots / f"{name}.pdf")
        assert printed >= 1, name
        if name.endswith("-executive"):
            assert printed <= 2, f"{name}: {printed} A4 pages"
    crowded_report = next(r for r in reports if "crowded" in r["file"])
    assert crowded_report["texts"] > 24  # every stakeholder's name is drawn
