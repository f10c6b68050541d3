"""The brief as an argument: plain-language risks, the team appendix, languages, letters
and diagrams that read.

Regenerate the golden files after an intended change with
BPSTRAT_UPDATE_GOLDEN=1 python -m pytest tests/brief/test_languages.py
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from bpstrat.brief.i18n import LANGUAGES, catalog_file, language
from bpstrat.brief.render import render_brief
from bpstrat.cli.app import app
from bpstrat.cli.brief import run_brief
from bpstrat.errors import UsageError
from bpstrat.lint.linter import lint
from bpstrat.source.packaged import packaged_templates
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY, Writer

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BPSTRAT_UPDATE_GOLDEN") == "1"
PACKAGE = Path(__file__).resolve().parents[2] / "src" / "bpstrat"
# The brief's code and the rules' plain wordings (`PLAIN` in lint/rules/, told in the
# brief's risks) hold the messages the brief writes.
CODE_WITH_MESSAGES = (PACKAGE / "brief", PACKAGE / "brief" / "charts", PACKAGE / "lint" / "rules")
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "Nn_": (1, 2)}

Message = str | tuple[str, ...]


@functools.cache
def messages() -> tuple[Message, ...]:
    """Every fixed string of the templates, of the sentences the brief's code writes and of
    the rules' plain wordings (read once: the files do not change while the tests run)."""
    found: dict[Message, None] = {}
    for template in sorted(packaged_templates().glob("*.j2")):
        options = {"trim_blocks": "true", "lstrip_blocks": "true"}
        for _, msg, _, _ in extract_from_file(
            "jinja2.ext:babel_extract", str(template), keywords=KEYWORDS, options=options
        ):
            found[msg] = None
    for module in sorted(m for folder in CODE_WITH_MESSAGES for m in folder.glob("*.py")):
        for _, msg, _, _ in extract_from_file("python", str(module), keywords=KEYWORDS):
            found[msg] = None
    return tuple(found)


def english(message: Message) -> list[str]:
    return [message] if isinstance(message, str) else list(message)


def check_golden(text: str, golden: Path) -> None:
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_there_are_messages_to_translate() -> None:
    found = messages()
    assert len(found) > 150
    assert "Executive summary" in found and "For the team" in found


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_every_message_has_a_translation(code: str) -> None:
    with catalog_file(code).open("rb") as po:
        catalog = read_po(po, locale=code)
    missing = []
    for message in messages():
        entry = catalog.get(message if isinstance(message, str) else message[0])
        strings = [] if entry is None else english(entry.string)
        if not strings or not all(s.strip() for s in strings):
            missing.append(message)
            continue
        placeholders = set(re.findall(r"%\(\w+\)", " ".join(english(message))))
        for s in strings:  # a translation keeps every value it is given (plural: num)
            assert set(re.findall(r"%\(\w+\)", s)) <= placeholders | {"%(num)"}, s
    assert not missing, f"{code}: untranslated {missing}"


def fragments(message: Message) -> list[str]:
    """The fixed English words of a message that a translation must not keep: phrases of
    two words or more, and single words where they stand alone (a heading, a cell)."""
    out = []
    for text in english(message):
        for part in re.split(r"%\(\w+\)[sd]", text):
            part = part.strip(" .,:;()")
            if len(part.split()) >= 2 or (len(part) >= 4 and message == part):
                out.append(part)
    return out


def leaks(part: str, text: str) -> bool:
    if " " in part:
        return part in text
    return re.search(rf"(^|\| |#+ |\*\*){re.escape(part)}( \||\*\*|:|$)", text, re.M) is not None


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("code", ["de", "nl"])
def test_translated_brief_contains_no_english_fixed_string(name: str, code: str) -> None:
    text = render_brief(EXAMPLES / name, None, TODAY, lang=code)
    text = (
        text.split("\n## ")[0]
        + "".join(  # the team appendix quotes lint as it speaks
            "\n## " + part
            for part in text.split("\n## ")[1:]
            if not part.startswith("Für das Team") and not part.startswith("Voor het team")
        )
    )
    with catalog_file(code).open("rb") as po:
        catalog = read_po(po, locale=code)
    english_text = render_brief(EXAMPLES / name, None, TODAY)
    # the problems' evidence and the goals' estimates are what the team wrote, in the
    # language it wrote them
    strategy = lint(EXAMPLES / name, TODAY).strategy
    written = [e for p in strategy.problems for e in p.evidence] + [
        m.basis for g in strategy.goals for m in (g.cost, g.value) if m is not None and m.basis
    ]
    for words in written:
        text = text.replace(words, "")
    left = []
    for message in messages():
        entry = catalog.get(message if isinstance(message, str) else message[0])
        translated = " ".join(english(entry.string)) if entry else ""
        for part in fragments(message):
            if leaks(part, english_text) and leaks(part, text) and part not in translated:
                left.append(part)
    assert not left, f"English left in the {code} brief: {left}"
    assert text != english_text


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("code", ["de", "nl"])
def test_golden_translated_brief(name: str, code: str) -> None:
    check_golden(
        render_brief(EXAMPLES / name, None, TODAY, lang=code), GOLDEN / f"{name}.{code}.md"
    )


def test_user_content_is_never_translated() -> None:
    de = render_brief(EXAMPLES / "pricing-platform", None, TODAY, lang="de")
    assert "| Stand | 20. November 2026 |" in de
    assert "Synchronous price API (muss)" in de  # the option's name as written
    assert "Client teams carry most of the weight" in de  # a rationale stays as written
    assert "23\u00a0%" in de  # German percentages
    nl = render_brief(EXAMPLES / "pricing-platform", None, TODAY, lang="nl")
    assert "| Peildatum | 20 november 2026 |" in nl


def test_lang_defaults_to_the_setting_in_bpstrat_yaml(root: Writer) -> None:
    config = "product: {id: demo, name: Demo Platform, owner: ana}\nbrief: {lang: nl}\n"
    base = root({}, config=config)
    assert render_brief(base, None, TODAY).startswith("# Demo Platform: productstrategie")
    assert render_brief(base, None, TODAY, lang="en").startswith(
        "# Demo Platform: product strategy"
    )


def test_unknown_language_is_a_usage_error_listing_the_supported(root: Writer) -> None:
    result = CliRunner().invoke(app, ["brief", str(root({})), "--lang", "fr"])
    assert result.exit_code == 2
    assert "unknown language 'fr'" in result.output and "en, de, nl" in result.output


def test_check_without_today_reads_the_date_in_any_language(tmp_path: Path) -> None:
    out = tmp_path / "BRIEF.de.md"
    example = EXAMPLES / "customer-data"
    earlier = TODAY.replace(day=1)
    assert run_brief(example, output=out, template=None, check=False, today=earlier, lang="de") == 0
    assert "<!-- bpstrat: as-of 2026-11-01 -->" in out.read_text(encoding="utf-8")
    assert run_brief(example, output=out, template=None, check=True, today=None, lang="de") == 0
    assert run_brief(example, output=out, template=None, check=True, today=None, lang="nl") == 1


RISKY = {
    "web.yaml": """\
        kind: consumer
        id: web
        name: Web Shop
        importance: 5
        demands:
          - {dimension: api, option: rest, strength: must}
          - {dimension: api, option: grpc, strength: could}
        """,
    "batch.yaml": """\
        kind: consumer
        id: batch
        name: Batch Jobs
        importance: 2
        demands:
          - {dimension: api, option: grpc, strength: must}
        """,
    "edi.yaml": """\
        kind: consumer
        id: edi
        name: Carrier EDI
        importance: 4
        strategy: {summary: "Moving to files."}
        demands:
          - {dimension: api, option: soap, strength: must}
        """,
    "api.yaml": """\
        kind: dimension
        id: api
        name: Interface
        options: [{id: rest, name: REST}, {id: grpc, name: gRPC}, {id: soap, name: SOAP}]
        """,
    "cfo.yaml": """\
        kind: stakeholder
        id: cfo
        name: Carla
        power: 5
        interest: 3
        engagement: {current: resistant, desired: supportive}
        reviewed: 2026-11-01
        """,
}


def test_summary_argues_without_codes_and_the_appendix_has_them(root: Writer) -> None:
    text = render_brief(root(RISKY), None, TODAY)
    summary = text.split("## Executive summary")[1].split("\n## ")[0]
    assert not re.search(r"BP\d{3}|\.ya?ml|`", summary), summary
    assert "3 open risks" not in summary or "the 3 with the most at stake" in summary
    ranked = re.findall(r"^  \d\. (.+)$", summary, re.M)
    assert len(ranked) == 3
    # Severity, then what is at stake: the powerful resistant CFO and the weight-5
    # consumer come before the weight-2 consumers' unknown strategies.
    assert "Carla" in ranked[0] or "Web Shop" in ranked[0]
    assert all("Next step:" in line for line in ranked)
    body = text.split("## For the team")[0]
    assert not re.search(r"BP\d{3}", body)
    appendix = text.split("## For the team")[1]
    assert re.search(r"BP401 `web\.yaml:\d+`", appendix)
    assert "BP407" in appendix
    # The summary's count is the count of the risks section it summarises.
    risks = text.split("## Open risks")[1].split("## For the team")[0]
    count = int(re.search(r"- (\d+) open risks", summary).group(1))  # type: ignore[union-attr]
    assert count == len(re.findall(r"^- ", risks, re.M))


def test_not_served_is_ordered_by_weight_and_choices_read_as_sentences(root: Writer) -> None:
    text = render_brief(root(RISKY), None, TODAY)
    assert "Not served: Carrier EDI and Batch Jobs." in text  # by weight (4, 2), not by name
    assert "We offer REST; this dimension allows one option." in text
    assert "(1 offered)" not in text
    assert "| gRPC | 11 | 29% |  | Web Shop and Batch Jobs |" in text


def test_a_crowded_flowchart_becomes_a_matrix(root: Writer) -> None:
    files = {"api.yaml": RISKY["api.yaml"]}
    for i in range(7):
        files[f"c{i}.yaml"] = f"""\
            kind: consumer
            id: c{i}
            name: Consumer {i}
            importance: 3
            demands:
              - {{dimension: api, option: rest, strength: must}}
              - {{dimension: api, option: soap, strength: could}}
            """
    text = render_brief(root(files), None, TODAY)
    assert "flowchart" not in text
    assert "| Consumer | Interface |" in text
    assert "| Consumer 0 | REST (must); SOAP (could, not served) |" in text


def test_shared_points_on_the_chart_are_named_in_a_note() -> None:
    text = render_brief(EXAMPLES / "pricing-platform", None, TODAY)
    chart = text.split("\nquadrantChart")[1].split("```")[0]
    points = re.findall(r"\[(0\.\d\d, 0\.\d\d)\]", chart)
    assert len(points) == len(set(points)) == 7
    # the two share power 3 and interest 5: stacked, one label's height apart
    assert '"Ana Lopez": [0.90, 0.65]' in chart and '"Lena Fischer": [0.90, 0.60]' in chart
    assert "their points are set slightly apart: Ana Lopez and Lena Fischer." in text


def test_consumer_letter() -> None:
    text = render_brief(
        EXAMPLES / "pricing-platform", None, TODAY, recipient="consumer:hotel-connector"
    )
    check_golden(text, GOLDEN / "pricing-platform.letter-consumer.md")
    assert "**Interface style: SOAP/XML** (should)" in text
    assert (
        "Not offered; instead: SOAP/XML translated at the connector's edge, funded from the "
        "integration budget, until 2027-12-31. Settled by:"
    ) in text
    assert "Settled by: Decision interface-2027 of 2026-11-01." in text
    assert "Talk to: Ana Lopez" in text
    assert "Partner rate changes are live within one hour" in text
    assert "Status: off track." in text


def test_stakeholder_letter_in_german() -> None:
    text = render_brief(
        EXAMPLES / "pricing-platform", None, TODAY, lang="de", recipient="stakeholder:cfo-mark"
    )
    check_golden(text, GOLDEN / "pricing-platform.letter-stakeholder.de.md")
    assert text.startswith("# Mark Jansen und Pricing Platform\n")
    assert "- Haltung: heute neutral; Ziel: unterstützend." in text
    assert "Show the cost model" in text  # the next step as written


@pytest.mark.parametrize(
    ("recipient", "words"),
    [
        ("consumer:hotel-conector", "did you mean consumer:hotel-connector?"),
        ("stakeholder:nobody", "no stakeholder 'nobody'"),
        ("goal:x", "write consumer:ID or stakeholder:ID"),
        ("consumer:", "write consumer:ID or stakeholder:ID"),
    ],
)
def test_unknown_recipient_is_a_usage_error(recipient: str, words: str) -> None:
    with pytest.raises(UsageError, match=re.escape(words)):
        render_brief(EXAMPLES / "pricing-platform", None, TODAY, recipient=recipient)


def test_unknown_recipient_exits_2() -> None:
    result = CliRunner().invoke(
        app, ["brief", str(EXAMPLES / "pricing-platform"), "--for", "consumer:mobile"]
    )
    assert result.exit_code == 2
    assert "did you mean consumer:mobile-app?" in result.output


def test_letter_template_is_overridable_and_sandboxed(root: Writer) -> None:
    base = root({"web.yaml": RISKY["web.yaml"], "api.yaml": RISKY["api.yaml"]})
    (base / "templates").mkdir()
    (base / "templates" / "letter-consumer.md.j2").write_text(
        '{% extends "bpstrat/letter-consumer.md.j2" %}{% block contact %}Ring us.{% endblock %}\n'
    )
    text = render_brief(base, None, TODAY, recipient="consumer:web")
    assert text.startswith("# Demo Platform for Web Shop\n")
    assert text.rstrip().endswith("Ring us.")
    (base / "templates" / "letter-consumer.md.j2").write_text("{{ consumer.__class__.__mro__ }}\n")
    with pytest.raises(UsageError, match="template error"):
        render_brief(base, None, TODAY, recipient="consumer:web")


def test_letter_names_are_escaped(root: Writer) -> None:
    files = {
        "web.yaml": RISKY["web.yaml"].replace("Web Shop", '"<b>Web</b> | *x*"'),
        "api.yaml": RISKY["api.yaml"],
    }
    text = render_brief(root(files), None, TODAY, recipient="consumer:web")
    assert "<b>" not in text and "&lt;b&gt;Web&lt;/b&gt; \\| \\*x\\*" in text


def test_letter_check(tmp_path: Path) -> None:
    out = tmp_path / "letter.md"
    example = EXAMPLES / "pricing-platform"
    who = "consumer:checkout-web"
    assert (
        run_brief(example, output=out, template=None, check=False, today=TODAY, recipient=who) == 0
    )
    assert run_brief(example, output=out, template=None, check=True, today=None, recipient=who) == 0
    assert run_brief(example, output=out, template=None, check=True, today=None) == 1


MERMAID_DIR = os.environ.get("BPSTRAT_MERMAID_DIR")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow
@pytest.mark.skipif(
    not MERMAID_DIR or not CHROMIUM.exists() or not shutil.which("node"),
    reason="set BPSTRAT_MERMAID_DIR to a folder with mermaid@11 and "
    "playwright-core installed (needs node and chromium)",
)
def test_translated_diagrams_render_in_a_real_mermaid(tmp_path: Path) -> None:
    briefs = [GOLDEN / f"{name}.{code}.md" for name in EXAMPLE_NAMES for code in ("de", "nl")]
    expected = sum(b.read_text(encoding="utf-8").count("```mermaid") for b in briefs)
    assert expected >= 4
    result = subprocess.run(
        ["node", str(Path(__file__).parent / "mermaid_render.mjs"), *map(str, briefs)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count('"ok":true') == expected


@pytest.mark.parametrize("code", LANGUAGES)
def test_numbers_past_babels_precision_are_shown_at_their_bound(code: str) -> None:
    words = language(code)
    assert words.pct(2e176).startswith(">") and words.pct(-1e30).startswith("<")
    assert words.number(1e300).startswith(">") and words.number(-1e26).startswith("<")
    assert not words.pct(0.5).startswith((">", "<")) and words.number(2) == "2"
