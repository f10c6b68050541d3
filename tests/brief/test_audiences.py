"""Two audiences: the team's full brief, and the executive brief for the people who decide
(the ask and its return, the open asks, the decisions and who pays, the key goals' trend
and the top risks, on two pages, with no politics, no scoring vocabulary and no codes).

Regenerate the golden files after an intended change with
BPSTRAT_UPDATE_GOLDEN=1 python -m pytest tests/brief/test_audiences.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpstrat.brief.i18n import LANGUAGES, language
from bpstrat.brief.plain_units import plain_quantity
from bpstrat.brief.render import render_brief
from bpstrat.cli.app import app
from bpstrat.cli.brief import run_brief
from bpstrat.errors import UsageError
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY, Writer

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BPSTRAT_UPDATE_GOLDEN") == "1"
MAX_WORDS = 700  # two printed A4 pages

# Words that would embarrass the sender: engagement levels, power, and the scoring's
# vocabulary, in each language as the team's brief says them.
JARGON = {
    "en": [
        "unaware", "resistant", "neutral", "supportive", "leading", "power", "support",
        "margin", "intensity", "weighted", "stakeholder", "coalition", "engagement",
    ],
    "de": [
        "nicht informiert", "ablehnend", "neutral", "unterstützend", "treibend", "Einfluss",
        "Rückhalt", "Abstand", "intensität", "gewichtete", "Stakeholder", "Koalition",
    ],
    "nl": [
        "onwetend", "afwijzend", "neutraal", "steunend", "trekkend", "macht", "steun",
        "marge", "intensiteit", "gewogen vraag", "belanghebbende", "coalitie",
    ],
}  # fmt: skip


def executive(name: str, code: str) -> str:
    return render_brief(EXAMPLES / name, None, TODAY, lang=code, audience="executive")


@pytest.fixture(scope="module")
def briefs() -> dict[tuple[str, str], str]:
    return {(name, code): executive(name, code) for name in EXAMPLE_NAMES for code in LANGUAGES}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_golden_executive_brief(briefs: dict[tuple[str, str], str], name: str, code: str) -> None:
    text = briefs[(name, code)]
    golden = GOLDEN / f"{name}.executive.{code}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_executive_brief_fits_two_pages_and_embarrasses_nobody(name: str, code: str) -> None:
    text = (GOLDEN / f"{name}.executive.{code}.md").read_text(encoding="utf-8")
    assert len(text.split()) <= MAX_WORDS
    assert not re.search(r"\bBP\d{3}\b", text)
    said = [word for word in JARGON[code] if word.lower() in text.lower()]
    assert said == []
    assert "`" not in text and ".yaml" not in text  # no code, no file


def test_the_executive_brief_says_the_ask_its_return_and_the_open_asks() -> None:
    text = executive("pricing-platform", "en")
    assert re.findall(r"^## (.+)$", text, re.M) == [
        "What we ask for and what it returns",
        "What we ask you to decide",
        "Decisions and who pays for them",
        "Key goals and their trend",
        "Top risks",
    ]
    assert (
        "We ask for EUR\u00a0660,000 to reach the key goals. Once reached, they are worth "
        "EUR\u00a01,150,000 a year; weighed by how sure we are of that, EUR\u00a0640,000 a "
        "year. At that rate the investment pays back in 12 months."
    ) in text
    assert "| 50 months (longer than the 36 months we allow) |" in text
    assert (
        "- Decision price-delivery-2027 proposes Synchronous price API and Price change "
        "events on Price delivery; it is not accepted yet. It would meet Hotel Connector by "
        "a compromise. To decide: Irene Kowalski (CTO)."
    ) in text
    assert (
        "Who pays: Search Ranking, which gets none of what it asked for here. Met by a "
        "compromise: Airline Connector: SOAP/XML translated"
    ) in text
    assert (
        "From 15 minutes to 7 minutes so far (2026-11-15); the target is 1 minute by "
        "2027-06-30. On track: 57% of the way, where the plan expects 38%."
    ) in text
    assert len(re.findall(r"^\d\. ", text, re.M)) == 3
    # the stakeholder risk (Raj Patel may turn against it) stays in the team's brief
    assert "Raj Patel" not in text
    assert "turn against" in render_brief(EXAMPLES / "pricing-platform", None, TODAY)


def test_units_in_words() -> None:
    text = executive("customer-data", "en")
    assert "From 3 days to 24 hours so far (2026-11-10); the target is 5 minutes" in text
    en, de, nl = (language(code) for code in ("en", "de", "nl"))
    assert plain_quantity(en, 86_400, "s") == "24 hours"
    assert plain_quantity(en, 5, "s") == "5 seconds"
    assert plain_quantity(en, 4_320, "min") == "3 days"
    assert plain_quantity(en, 1, "h") == "1 hour"
    assert plain_quantity(en, 1_500, "ms") == "1.5 seconds"
    assert plain_quantity(en, 0, "s") == "0 seconds"
    assert plain_quantity(en, 99.5, "%") == "99.5%"
    assert plain_quantity(en, 7, None) == "7"
    assert plain_quantity(en, 12, "price clients") == "12 price clients"
    assert plain_quantity(de, 5.5, "h") == "5,5 Stunden"
    assert plain_quantity(nl, 2, "d") == "2 dagen"


def test_without_money_the_executive_brief_says_what_the_investment_buys(
    root: Writer,
) -> None:
    goal = """\
        kind: goal
        id: fast
        title: Fast answers
        key: true
        metric:
          name: p95 latency
          unit: ms
          baseline: 2000
          target: 200
          by: 2027-06-30
          influence: direct
        """
    text = render_brief(root({"goal.yaml": goal}), None, TODAY, audience="executive")
    assert "## What the investment buys" in text
    assert "- Fast answers: p95 latency from 2 seconds to 200 milliseconds by 2027-06-30" in text
    assert "Not measured yet: from 2 seconds to 200 milliseconds by 2027-06-30." in text
    assert "## What we ask for" not in text


def test_the_audience_is_set_in_bpstrat_yaml_and_overridden_by_the_flag(root: Writer) -> None:
    config = "product: {id: demo, name: Demo Platform, owner: ana}\nbrief: {audience: executive}\n"
    base = root({}, config=config)
    assert render_brief(base, None, TODAY).startswith(
        "# Demo Platform: what we ask for and what it returns"
    )
    assert render_brief(base, None, TODAY, audience="team").startswith(
        "# Demo Platform: product strategy"
    )


def test_the_team_brief_is_the_default_and_says_what_it_costs() -> None:
    team = render_brief(EXAMPLES / "pricing-platform", None, TODAY, audience="team")
    assert team == (EXAMPLES / "pricing-platform" / "BRIEF.md").read_text(encoding="utf-8")
    money = team.split("## What it costs and returns\n")[1].split("\n## ")[0]
    assert "| Consumers use one supported price client instead of building their own |" in money
    assert "| EUR\u00a060,000 | EUR\u00a0140,000 | 80% | EUR\u00a0112,000 | 6 months |" in money
    assert "- **Prices at checkout are never older than 60 seconds**: cost: 4 engineers" in money


@pytest.mark.parametrize(
    "recipient", ["consumer:hotel-connector", "stakeholder:raj-patel", "stakeholder:cto-irene"]
)
def test_letters_are_the_same_for_both_audiences(recipient: str) -> None:
    team, board = (
        render_brief(EXAMPLES / "pricing-platform", None, TODAY, recipient=recipient, audience=a)
        for a in ("team", "executive")
    )
    assert team == board


def test_the_decider_is_told_of_the_proposed_decision() -> None:
    text = render_brief(
        EXAMPLES / "pricing-platform", None, TODAY, recipient="stakeholder:cto-irene"
    )
    assert "## Decisions waiting for them\n\n- Decision price-delivery-2027 proposes" in text


def test_an_unknown_audience_is_a_usage_error(root: Writer) -> None:
    with pytest.raises(UsageError, match=r"unknown audience 'board'.*executive or team"):
        render_brief(root({}), None, TODAY, audience="board")
    result = CliRunner().invoke(app, ["brief", str(root({})), "--audience", "board"])
    assert result.exit_code == 2
    assert "unknown audience 'board'" in result.output


def test_check_names_the_audience_in_its_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "BRIEF.exec.md"
    example = EXAMPLES / "customer-data"
    assert (
        run_brief(example, output=out, template=None, check=True, today=TODAY, audience="executive")
        == 1
    )
    assert "--audience executive" in capsys.readouterr().err
    run_brief(example, output=out, template=None, check=False, today=TODAY, audience="executive")
    assert (
        run_brief(example, output=out, template=None, check=True, today=None, audience="executive")
        == 0
    )
