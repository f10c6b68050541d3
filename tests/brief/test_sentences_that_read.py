"""The brief reads as a reader expects: no broken sentence when every unserved demand is
accommodated, compromises drawn and tabled as compromises, proposed decisions told, numbers
without '-0%' or shares adding to 101%, no '&amp;' in the text, figures explained only
where they are shown, problems with their statements and evidence, and German and Dutch
words a native reader uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bpstrat.brief.i18n import LANGUAGES, catalog_file, language
from bpstrat.brief.mermaid import label
from bpstrat.brief.render import render_brief
from bpstrat.brief.rounding import whole_percents
from bpstrat.brief.summary import summary_lines
from bpstrat.brief.views import CoalitionView, RiskView
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY, Writer

NBSP = "\u00a0"

DIMENSION = """\
    kind: dimension
    id: api
    name: API style
    options:
      - {id: rest, name: REST}
      - {id: grpc, name: gRPC}
      - {id: soap, name: SOAP}
    """


def consumer(id_: str, name: str, importance: int, *demands: tuple[str, str]) -> str:
    lines = [f"kind: consumer\nid: {id_}\nname: {name}\nimportance: {importance}\ndemands:"]
    lines += [f"  - {{dimension: api, option: {o}, strength: {s}}}" for o, s in demands]
    return "\n".join(lines) + "\n"


# Web gets REST; Batch Jobs and Carrier EDI are met by a compromise: nobody is unserved.
ACCOMMODATED = {
    "api.yaml": DIMENSION,
    "web.yaml": consumer("web", "Web Shop", 5, ("rest", "must")),
    "batch.yaml": consumer("batch", "Batch Jobs", 3, ("grpc", "must")),
    "edi.yaml": consumer("edi", "Carrier EDI", 2, ("soap", "should")),
    "decision.yaml": """\
        kind: decision
        id: api-2026
        dimension: api
        choice: [rest]
        status: accepted
        date: 2026-10-01
        accommodations:
          - {consumer: batch, option: grpc, via: a gRPC gateway}
          - {consumer: edi, option: soap, via: a SOAP adapter}
        """,
}


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "nobody is left without: Batch Jobs and Carrier EDI are met by a compromise"),
        ("de", "niemand geht leer aus: Batch Jobs und Carrier EDI werden per Kompromiss"),
        ("nl", "niemand blijft met lege handen: Batch Jobs en Carrier EDI worden via een"),
    ],
)
def test_no_one_pays_when_every_unserved_demand_is_accommodated(
    root: Writer, code: str, words: str
) -> None:
    text = render_brief(root(ACCOMMODATED), None, TODAY, lang=code)
    assert words in text
    # no sentence names an empty list of those who pay
    assert not re.search(r"(by|von|van) \(", text)
    assert "paid by (" not in text


def test_a_compromise_is_drawn_as_one_and_unchosen_options_dotted(root: Writer) -> None:
    files = {**ACCOMMODATED, "decision.yaml": ACCOMMODATED["decision.yaml"].split("  - {co")[0]}
    files["decision.yaml"] += "  - {consumer: batch, option: grpc, via: a gRPC gateway}\n"
    text = render_brief(root(files), None, TODAY)
    chart = text.split("```mermaid\nflowchart LR")[1].split("```")[0]
    assert '-->|"must"|' in chart  # served: a solid arrow
    assert '-.->|"must · accommodated"|' in chart  # met by a compromise, and says so
    assert '-.-x|"should"|' in chart  # not served: a dotted line ending in a cross
    assert re.findall(r"^  (D\d) (---|-\.-) P$", chart, re.M) == [
        ("D1", "---"),
        ("D2", "-.-"),
        ("D3", "-.-"),
    ]
    assert "dotted line ending in a cross: not served" in text


def test_the_demand_table_says_accommodated_not_unserved(root: Writer) -> None:
    # 14 demands: too many to draw, so the brief tables them
    files = dict(ACCOMMODATED)
    for i in range(11):
        files[f"c{i}.yaml"] = consumer(f"c{i}", f"Consumer {i}", 1, ("rest", "could"))
    text = render_brief(root(files), None, TODAY)
    matrix = text.split("too many to draw as a diagram")[1].split("\n## ")[0]
    assert "| Batch Jobs | gRPC (must, accommodated) |" in matrix
    assert "| Carrier EDI | SOAP (should, accommodated) |" in matrix
    assert "| Consumer 0 | REST (could) |" in matrix
    assert "not served" not in matrix


PROPOSED = {
    "api.yaml": DIMENSION,
    "web.yaml": consumer("web", "Web Shop", 5, ("rest", "must")),
    "batch.yaml": consumer("batch", "Batch Jobs", 3, ("grpc", "must")),
    "edi.yaml": consumer("edi", "Carrier EDI", 2, ("soap", "should")),
    "decision.yaml": """\
        kind: decision
        id: api-proposal
        dimension: api
        choice: [rest]
        status: proposed
        date: 2026-11-01
        decided_by: ana
        rationale: REST serves the most weight.
        accommodations:
          - {consumer: edi, option: soap, via: a SOAP adapter}
        """,
}


def test_a_proposed_decision_is_an_open_ask_in_the_brief(root: Writer) -> None:
    text = render_brief(root(PROPOSED), None, TODAY)
    ask = (
        "Decision api-proposal proposes REST on API style; it is not accepted yet. It would "
        "leave Batch Jobs unserved. It would meet Carrier EDI by a compromise. To decide: Ana."
    )
    summary = text.split("## Executive summary")[1].split("\n## ")[0]
    assert ask in summary
    section = text.split("### API style")[1].split("\n## ")[0]
    assert f"- Proposed: {ask} Why: REST serves the most weight." in section


@pytest.mark.parametrize(
    ("recipient", "words"),
    [
        (
            "consumer:batch",
            "Proposed, not accepted yet: decision api-proposal would offer REST, which leaves "
            "this unserved.",
        ),
        (
            "consumer:web",
            "Proposed, not accepted yet: decision api-proposal would offer REST, which gives "
            "you this.",
        ),
        (
            "consumer:edi",
            "Proposed, not accepted yet: decision api-proposal would offer REST and meet you "
            "by a compromise.",
        ),
        ("stakeholder:ana", "## Decisions waiting for them\n\n- Decision api-proposal proposes"),
    ],
)
def test_a_proposed_decision_is_told_in_letters(root: Writer, recipient: str, words: str) -> None:
    assert words in render_brief(root(PROPOSED), None, TODAY, recipient=recipient)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_small_negative_number_has_no_sign(code: str) -> None:
    lang = language(code)
    assert lang.pct(-0.001).replace(NBSP, "") == "0%"
    assert lang.pct(-0.004).replace(NBSP, "") == "0%"
    assert lang.pct(-0.006).replace(NBSP, "") == "-1%"
    assert lang.number(-0.0001) == "0"
    assert lang.number(-0.004, 2) == "0"


def test_progress_a_hair_behind_the_baseline_is_zero_not_minus_zero(root: Writer) -> None:
    goal = """\
        kind: goal
        id: fast
        title: Fast answers
        key: true
        metric:
          name: p95 latency
          unit: ms
          baseline: 1000
          target: 100
          by: 2027-06-30
          influence: direct
          measurements:
            - {date: 2026-10-01, value: 1000.5}
            - {date: 2026-11-01, value: 1000.5}
        """
    text = render_brief(root({"goal.yaml": goal}), None, TODAY)
    assert "| 0% |" in text
    assert "-0%" not in text


def test_an_ampersand_is_text_not_an_entity(root: Writer) -> None:
    files = {"web.yaml": "kind: consumer\nid: web\nname: R&D Tools <beta> &amp;\nimportance: 3\n"}
    text = render_brief(root(files), None, TODAY)
    assert "R&D Tools &lt;beta&gt; &amp;amp;" in text  # a literal '&amp;' stays literal
    assert "R&amp;D" not in text


def test_shares_are_rounded_to_add_up_to_a_hundred() -> None:
    assert whole_percents([1 / 3, 1 / 3, 1 / 3]) == [34, 33, 33]
    # one by one 37% + 35% + 27% = 99%
    assert whole_percents([19 / 51, 18 / 51, 14 / 51]) == [37, 35, 28]
    assert whole_percents([0.5, 0.5]) == [50, 50]
    assert whole_percents([0.0, 0.0]) == [0, 0]
    assert whole_percents([]) == []


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_each_dimensions_shares_add_up_to_a_hundred(name: str) -> None:
    text = render_brief(EXAMPLES / name, None, TODAY)
    tables = re.findall(r"\| Option \|.*\n\| --- .*\n((?:\|.*\n)+)", text)
    assert len(tables) == 2
    for table in tables:
        shares = [int(row.split(" | ")[2].rstrip("%")) for row in table.splitlines()]
        assert sum(shares) == 100, table


def _risks(count: int) -> list[RiskView]:
    return [RiskView(f"Risk {i}.", "", "", "warning", "BP409") for i in range(count)]


@pytest.mark.parametrize(
    ("code", "count", "line"),
    [
        ("en", 1, "1 open risk:"),
        ("en", 3, "3 open risks:"),
        ("en", 5, "5 open risks; the 3 with the most at stake:"),
        ("de", 3, "3 offene Risiken:"),
        ("de", 4, "4 offene Risiken; die 3, bei denen am meisten auf dem Spiel steht:"),
        ("nl", 2, "2 open risico’s:"),
    ],
)
def test_the_top_risks_are_announced_only_when_there_are_more(
    code: str, count: int, line: str
) -> None:
    coalition = CoalitionView("0%", "50%", 0, 0, False)
    lines = summary_lines(language(code), None, [], [], coalition, _risks(count))
    assert lines[-1] == line


def test_a_flip_beyond_the_importance_scale_is_said_in_words(root: Writer) -> None:
    files = {
        "api.yaml": DIMENSION,
        "web.yaml": consumer("web", "Web Shop", 5, ("rest", "must")),
        "app.yaml": consumer("app", "Mobile App", 5, ("rest", "must")),
        "batch.yaml": consumer("batch", "Batch Jobs", 3, ("grpc", "must")),
    }
    text = render_brief(root(files), None, TODAY)
    assert (
        "; gRPC would win only if Batch Jobs counted 3.33 times as much as now, more than the "
        "top importance of 5 allows: the choice is safe from any one consumer's weight."
    ) in text
    assert "3.334x" not in text and "3.333x" not in text
    de = render_brief(root(files), None, TODAY, lang="de")
    assert "mehr als das höchste Gewicht von 5 zulässt" in de


def test_how_to_read_explains_only_the_figures_shown(root: Writer) -> None:
    customer = render_brief(EXAMPLES / "customer-data", None, TODAY)
    assert "**Served ratio**" not in customer  # no sides
    assert "**Flip**" not in customer  # every dimension is decided
    assert "**Support**" in customer and "**Margin**" in customer
    pricing = render_brief(EXAMPLES / "pricing-platform", None, TODAY)
    assert "**Served ratio**" in pricing and "**Flip**" in pricing
    empty = render_brief(root({}, with_ana=False), None, TODAY)
    assert "How to read this brief" not in empty


def test_a_long_title_is_cut_where_a_word_ends() -> None:
    title = "Partner rate changes take up to six hours to reach the marketplace"
    assert label(title) == "Partner rate changes take up to six hours to…"
    assert label("x" * 60) == "x" * 47 + "…"  # one word: cut, there is no other place


def test_problems_show_their_statement_and_evidence() -> None:
    text = render_brief(EXAMPLES / "pricing-platform", None, TODAY)
    assert (
        "- **Partner rate changes take up to six hours to reach the marketplace**: Rate files "
        "are imported by a nightly job with manual retries.\n"
        "  - Evidence: Partners report overbookings at outdated rates every week."
    ) in text
    assert "  - Evidence: 2.1% of bookings fail on price change; 31% of support tickets" in text


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "on track, from a single measurement"),
        ("de", "im Plan, nach nur einer Messung"),
        ("nl", "op koers, op basis van één meting"),
    ],
)
def test_progress_on_one_measurement_says_so(root: Writer, code: str, words: str) -> None:
    goal = """\
        kind: goal
        id: fast
        title: Fast answers
        key: true
        metric:
          name: p95 latency
          unit: ms
          baseline: 1000
          target: 100
          by: 2027-06-30
          influence: direct
          since: 2026-07-01
          measurements:
            - {date: 2026-11-01, value: 500}
        """
    text = render_brief(root({"goal.yaml": goal}), None, TODAY, lang=code)
    summary, rest = text.split("\n## ", 2)[1:3]
    assert words in summary and words in rest


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize(
    ("code", "avoided"),
    [
        ("de", ["Konsument", "ahnungslos", "Vorsprung"]),
        ("nl", ["onbediend", "Stand van"]),
    ],
)
def test_words_a_native_reader_uses(name: str, code: str, avoided: list[str]) -> None:
    text = render_brief(EXAMPLES / name, None, TODAY, lang=code)
    assert [word for word in avoided if word in text] == []
    assert ("Abnehmer" if code == "de" else "Peildatum") in text


def test_unaware_in_german_is_not_clueless(root: Writer) -> None:
    person = (
        "kind: stakeholder\nid: bo\nname: Bo\npower: 2\ninterest: 2\n"
        "engagement: {current: unaware, desired: neutral}\n"
    )
    text = render_brief(
        root({"bo.yaml": person}), None, TODAY, lang="de", recipient="stakeholder:bo"
    )
    assert "nicht informiert" in text and "ahnungslos" not in text


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_one_percent_spacing_per_language(name: str, code: str) -> None:
    text = render_brief(EXAMPLES / name, None, TODAY, lang=code)
    text = text.split("\n## Für das Team")[0].split("\n## Voor het team")[0]
    text = text.split("\n## For the team")[0]
    for problem in ("2.1% of bookings", "31% of support", "8% of top-10", "12% of portal"):
        text = text.replace(problem, "")  # the team's own evidence, as written
    for problem in ("1.9% of invoices", "8.3% duplicate"):
        text = text.replace(problem, "")
    spaced = re.findall(r"\d(\s?)%", text)
    assert spaced, "no percentage"
    expected = {"en": "", "de": NBSP, "nl": ""}[code]
    assert set(spaced) == {expected}


def test_a_percent_unit_is_written_as_percentages_are(tmp_path: Path) -> None:
    for code, expected in (("en", "99.5%"), ("de", f"99,5{NBSP}%"), ("nl", "99,5%")):
        assert language(code).quantity(99.5, "%") == expected
        assert language(code).quantity(420, "s") == ("420 s")


@pytest.mark.parametrize(
    ("code", "avoided"),
    [("de", ["Konsument", "ahnungslos", "Vorsprung"]), ("nl", ["onbediend", "Stand van"])],
)
def test_no_catalog_message_uses_the_words_readers_stumble_on(
    code: str, avoided: list[str]
) -> None:
    text = catalog_file(code).read_text(encoding="utf-8")
    strings = "\n".join(line for line in text.splitlines() if not line.startswith("msgid"))
    assert [word for word in avoided if word in strings] == []
