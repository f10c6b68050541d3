"""Problems found by trying bpstrat as a new user and as an attacker, each reproduced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bpstrat.brief.mermaid import label
from bpstrat.cli.options import parse_what_if
from bpstrat.errors import UsageError
from tests.helpers import EXAMPLES, Writer, bpstrat


def test_mermaid_labels_carry_no_control_or_bidi_characters() -> None:
    assert label("A\x1bcB") == "A cB"
    assert label("Spon\x1bcsor\u202e\x07") == "Spon csor"
    assert label("Zoë\u2028Müller") == "Zoë Müller"


def test_the_brief_prints_no_escape_sequence(root: Writer) -> None:
    base = root(
        {
            "c.yaml": 'kind: consumer\nid: a\nname: "A\\ecB"\nimportance: 3\n',
            "s.yaml": 'kind: stakeholder\nid: s\nname: "Spon\\ecsor\\u202e\\a"\n'
            "power: 4\ninterest: 4\n",
        }
    )
    out = bpstrat("brief", base, "--today", "2026-11-20").stdout
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "{% for i in range(40) %}{% set s.v = s.v ~ s.v %}{% endfor %}{{ s.v|length }}",
        "{% for i in range(30) %}{% set s.v = [s.v, s.v]|join %}{% endfor %}{{ s.v|length }}",
    ],
)
def test_a_template_cannot_build_a_huge_value(tmp_path: Path, body: str) -> None:
    base = tmp_path / "root"
    shutil.copytree(EXAMPLES / "customer-data", base)
    (base / "templates").mkdir()
    (base / "templates" / "brief.md.j2").write_text('{% set s = namespace(v="x") %}' + body)
    result = bpstrat("brief", base, "--today", "2026-11-20")
    assert result.returncode == 2
    assert "template stopped at" in result.stderr


def test_a_demand_the_decision_leaves_unoffered_is_not_called_offered(root: Writer) -> None:
    base = root(
        {
            "dim.yaml": "kind: dimension\nid: api\nname: API\n"
            "options: [{id: rest-json}, {id: soap-xml}]\n",
            "dec.yaml": "kind: decision\nid: api-2027\ndimension: api\nchoice: [rest-json]\n"
            "status: accepted\ndate: 2026-11-01\n",
            "billing.yaml": "kind: consumer\nid: billing\nname: Billing\nimportance: 3\n"
            "demands: [{dimension: api, option: soap-xml, strength: must}]\n",
        }
    )
    score = bpstrat("score", base).stdout
    assert "every demanded option is offered" not in score
    assert "no two consumers conflict, but 100% of it is not offered" in " ".join(score.split())
    brief = bpstrat("brief", base, "--today", "2026-11-20").stdout
    assert "every demanded option is offered" not in brief
    assert "the price is paid by Billing" in brief


def test_a_duplicate_id_is_named_in_what_the_score_left_out(root: Writer) -> None:
    consumer = "kind: consumer\nid: web\nname: {name}\nimportance: 3\n"
    base = root({"a.yaml": consumer.format(name="Web"), "b.yaml": consumer.format(name="Dup")})
    result = bpstrat("score", base)
    assert "consumer:web (b.yaml): left out, its id is used at a.yaml:2" in result.stderr


def test_a_decision_dated_in_the_future_is_an_invalid_value(root: Writer) -> None:
    base = root(
        {
            "dim.yaml": "kind: dimension\nid: api\nname: API\noptions: [{id: rest-json}]\n",
            "dec.yaml": "kind: decision\nid: api-2027\ndimension: api\nchoice: [rest-json]\n"
            "status: accepted\ndate: 2062-01-01\n",
        }
    )
    result = bpstrat("lint", base, "--today", "2026-11-20", "-f", "json")
    assert '"code": "BP202"' in result.stdout and "after today (2026-11-20)" in result.stdout


def test_what_if_naming_a_consumer_twice_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="twice"):
        parse_what_if(["billing=2", "billing=3"])


def test_new_prints_the_path_it_created_relative_to_here(root: Writer) -> None:
    base = root({})
    result = bpstrat("new", "consumer", "billing", base, "--today", "2026-11-20", cwd=base)
    assert result.stdout == "created consumers/billing.yaml\n"


def test_a_consumer_letter_says_when_mistakes_hide_part_of_it(tmp_path: Path) -> None:
    base = tmp_path / "root"
    shutil.copytree(EXAMPLES / "pricing-platform", base)
    hotel = base / "consumers" / "hotel-connector.yaml"
    hotel.write_text(hotel.read_text().replace("strength: should", "strength: shuld"))
    letter = bpstrat(
        "brief", base, "--today", "2026-11-20", "--for", "consumer:hotel-connector"
    ).stdout
    assert "Note: 1 mistake in what we wrote down about you is still to be fixed" in letter
    clean = bpstrat(
        "brief",
        EXAMPLES / "pricing-platform",
        "--today",
        "2026-11-20",
        "--for",
        "consumer:hotel-connector",
    ).stdout
    assert "mistake" not in clean
