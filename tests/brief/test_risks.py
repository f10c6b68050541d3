"""Each rule's plain wording (`PLAIN` in its module) as the brief's risks, in every language.

A rule the linter can report without a wording, or with a message a catalog lacks, would
reach the reader as "N further points weaken the strategy": these tests fail instead.
The wording of the whole brief is compared in the golden files (test_golden.py,
test_languages.py).
"""

from __future__ import annotations

import functools
import re
import types
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bpstrat.brief.i18n import LANGUAGES, catalog_file, language
from bpstrat.brief.risks import plain_risks
from bpstrat.lint.codes import CODES
from bpstrat.lint.rules import RULES
from bpstrat.lint.rules.plain import ABOUT, N_, Plain
from tests.helpers import examples, run_all, write_example

# The values the brief fills into the wording of each kind of finding (`%(num)d` is a
# counted risk's count).
FILLED = {
    **{about: {"items"} for about in ("consumers", "stakeholders", "goals", "problems")},
    "decisions": {"items"},
    "demands": {"items"},
    "dated-demands": {"items"},
    "catalog-products": {"items"},
    "key-goals": {"items", "num"},
    "coalition": {"share", "threshold", "items"},
    "conflicts": {"items"},
    "sides": {"side", "other", "served", "best"},
    "product": set(),
}


@functools.cache
def catalog(code: str) -> Catalog:
    with catalog_file(code).open("rb") as po:
        return read_po(po, locale=code)


def forms(message: str | tuple[str, ...]) -> list[str]:
    """A message's singular and plural forms (a catalog's plural is a tuple, like Counted)."""
    return list(message) if isinstance(message, tuple) else [message]


def missing_wording(rule: object, code: str) -> list[str]:
    """What `rule` lacks to be told in language `code`: its `PLAIN`, a message, or the
    translation of a message (English is the source language: its messages are the ids)."""
    plain = getattr(rule, "PLAIN", None)
    if not isinstance(plain, Plain):
        return [f"{getattr(rule, 'CODE', rule)} declares no PLAIN = Plain(...)"]
    missing = []
    for message in plain.messages():
        if not all(text.strip() for text in forms(message)):
            missing.append(f"an empty message in {plain}")
        elif code != "en":
            entry = catalog(code).get(forms(message)[0])
            if entry is None or forms(entry.id) != forms(message):
                missing.append(f"no {code} translation of {message!r}")
            elif not all(text.strip() for text in forms(entry.string)):
                missing.append(f"an empty {code} translation of {message!r}")
    return missing


def test_every_code_the_linter_reports_from_bp400_on_is_a_rule() -> None:
    assert {code for code in CODES if code >= "BP400"} == set(RULES)
    assert set(FILLED) == set(ABOUT)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_its_plain_wording_in_every_language(code: str, lang: str) -> None:
    assert missing_wording(RULES[code], lang) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_wording_uses_only_the_values_the_brief_fills_in(code: str) -> None:
    plain = RULES[code].PLAIN
    for message in plain.messages():
        used = set(re.findall(r"%\((\w+)\)", " ".join(forms(message))))
        assert used <= FILLED[plain.about], (message, plain.about)


def test_a_rule_without_a_wording_or_a_translation_fails() -> None:
    bare = types.SimpleNamespace(CODE="BP499")
    assert missing_wording(bare, "en") == ["BP499 declares no PLAIN = Plain(...)"]
    new = types.SimpleNamespace(
        CODE="BP499",
        PLAIN=Plain(
            "goals",
            risk=N_("These goals are new: %(items)s."),
            consequence=N_("Nobody has translated this."),
            next_step=N_(""),
        ),
    )
    assert missing_wording(new, "en") == [f"an empty message in {new.PLAIN}"]
    for lang in ("de", "nl"):
        found = missing_wording(new, lang)
        assert f"no {lang} translation of 'These goals are new: %(items)s.'" in found
        assert f"no {lang} translation of 'Nobody has translated this.'" in found


@pytest.mark.parametrize("code", sorted(RULES))
def test_a_rules_failing_example_is_told_in_its_own_words(tmp_path: Path, code: str) -> None:
    result = run_all(write_example(tmp_path, examples(RULES[code])["failing"]))
    for lang in LANGUAGES:
        words = language(lang)
        risks = {
            r.code: r for r in plain_risks(result.strategy, result.score, result.findings, words)
        }
        risk = risks[code]
        said = f"{risk.text} {risk.consequence} {risk.next_step}"
        assert "%(" not in said and "further point" not in said, said
        plain = RULES[code].PLAIN
        wordings = [plain.wording] if plain.none is None else [plain.wording, plain.none]
        assert any(words._(wording.consequence) in said for wording in wordings), said
