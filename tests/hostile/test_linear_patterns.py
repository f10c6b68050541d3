"""Every regular expression of bpstrat on its worst input: each case would take seconds
to minutes if its pattern backtracked (a quadratic pattern on 200,000 characters does
some 10^10 steps), and asserts what the pattern must find. Globs: tests/source/test_globs.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bpstrat.brief import committed, html, markdown, mermaid, render, sandbox, since
from bpstrat.brief.charts import svg
from bpstrat.catalog import read
from bpstrat.edit import fmt_quick, fmt_scan
from bpstrat.history import timeline
from bpstrat.lint import suppress
from bpstrat.lint.suppress import find_suppressions
from bpstrat.model import load, reference_doc, types, validate
from bpstrat.report import lint_text
from bpstrat.source import cache_entry, git_tree, positions, visible, yaml_errors, yaml_fast
from bpstrat.source.files import SourceFile

BIG = 200_000


def _suppressions(text: str) -> list[tuple[int, frozenset[str], str | None]]:
    source = SourceFile(Path("."), "x.yaml", text)
    return [(s.line, s.codes, s.reason) for s in find_suppressions(source)]


CASES: list[tuple[str, Callable[[], object], object]] = [
    # the id/kind fallback of a file that does not parse
    (
        "load._RAW_FIELD, spaces",
        lambda: load._raw_fields("id: a" + " " * BIG + "b"),
        {"id": "a" + " " * BIG + "b"},
    ),
    ("load._RAW_FIELD, no colon", lambda: load._raw_fields("id" + " " * BIG + "b\n" * 3), {}),
    ("load._RAW_FIELD, tabs and #", lambda: load._raw_fields("kind:" + "\t " * BIG + "#x"), {}),
    ("load._SEPARATOR", lambda: len(load._SEPARATOR.split("---" + "-" * BIG + "\n--- x")), 2),
    ("load._COMMA_DIGITS", lambda: load._COMMA_DIGITS.search(("," + " " * 50 + "x") * 4000), None),
    ("load.THREE_DIGITS", lambda: load.THREE_DIGITS.match("1" * BIG) is not None, False),
    # the comma-number hint on the error's line
    ("yaml_errors._FLOW_PARTS, brackets", lambda: yaml_errors._flow_number("[" * BIG), False),
    ("yaml_errors._FLOW_PARTS, digits", lambda: yaml_errors._flow_number("[" + "1," * BIG), False),
    (
        "yaml_errors._FLOW_PARTS, found",
        lambda: yaml_errors._flow_number("x: [2,000 carriers"),
        True,
    ),
    ("yaml_errors._FLOW_PARTS, closed", lambda: yaml_errors._flow_number("[a] 2,000"), False),
    # where a syntax error's key, glued key or missing colon is
    ("yaml_errors.KEY_LINE, spaces", lambda: yaml_errors.KEY_LINE.match(" " * BIG + "x"), None),
    ("yaml_errors.KEY_LINE, dashes", lambda: yaml_errors.KEY_LINE.match("- " * BIG + "x"), None),
    (
        "yaml_errors.KEY_LINE, name and spaces",
        lambda: yaml_errors.KEY_LINE.match("a" * BIG + " " * BIG + "x"),
        None,
    ),
    (
        "yaml_errors.KEY_LINE, found",
        lambda: yaml_errors.KEY_LINE.match("  - - " + "a" * BIG + "  : x").group(3),
        "a" * BIG,
    ),
    ("yaml_errors.GLUED, dashes", lambda: yaml_errors.GLUED.match("- " * BIG + "a"), None),
    ("yaml_errors.GLUED, spaced", lambda: yaml_errors.GLUED.match("a" * BIG + ": x"), None),
    ("yaml_errors.GLUED, found", lambda: yaml_errors.GLUED.match("a" * BIG + ":3").end(), BIG + 1),
    (
        "yaml_errors.NO_COLON, spaces and #",
        lambda: yaml_errors.NO_COLON.match(" " * BIG + "a" + " " * BIG + "#"),
        None,
    ),
    ("yaml_errors.NO_COLON, dashes", lambda: yaml_errors.NO_COLON.match("- " * BIG), None),
    # suppression comments
    ("suppress._COMMENT, unclosed", lambda: _suppressions("# bpstrat: ignore[" * 20_000), []),
    ("suppress._COMMENT, spaces", lambda: _suppressions("#" + " " * BIG + "bpstrat:"), []),
    (
        "suppress._TAIL, until",
        lambda: _suppressions("# bpstrat: ignore[BP401] until " + "x" * BIG)[0][1],
        frozenset({"BP401"}),
    ),
    (
        "suppress._TAIL, reason",
        lambda: _suppressions("# bpstrat: ignore[BP401] --" + " -" * BIG)[0][0],
        1,
    ),
    ("suppress._CODE", lambda: suppress._CODE.match("BP" + "1" * BIG), None),
    # reference documentation and validation
    ("reference_doc._PLAIN", lambda: reference_doc._PLAIN.match("a" + "b:" * BIG + "#"), None),
    (
        "reference_doc._FLOW_INDICATORS",
        lambda: reference_doc._FLOW_INDICATORS.search("a" * BIG),
        None,
    ),
    ("reference_doc._ISO_DATE", lambda: reference_doc._ISO_DATE.match("1" * BIG), None),
    (
        "validate.NUMERIC",
        lambda: validate.NUMERIC.fullmatch(" " * BIG + "1" + " " * BIG + "x"),
        None,
    ),
    (
        "validate.DECIMAL_COMMA, spaces and digits",
        lambda: validate.DECIMAL_COMMA.fullmatch(" " * BIG + "1" * BIG + "x"),
        None,
    ),
    (
        "validate.DECIMAL_COMMA, dots",
        lambda: validate.DECIMAL_COMMA.fullmatch("1." * BIG + ",1"),
        None,
    ),
    (
        "validate.DECIMAL_COMMA, found",
        lambda: validate.DECIMAL_COMMA.fullmatch("1" * BIG + ",5").group(2),
        "1" * BIG,
    ),
    ("validate.THOUSANDS", lambda: validate.THOUSANDS.fullmatch("1,00" * BIG), None),
    (
        "validate.THOUSANDS, found",
        lambda: validate.THOUSANDS.fullmatch("1" + ",000" * BIG) is not None,
        True,
    ),
    ("types._SLUG", lambda: types._SLUG.match("a" * BIG + "\n"), None),
    ("types.NOT_SLUG", lambda: len(types.NOT_SLUG.sub("-", "a" + "!" * BIG + "b")), 3),
    ("types._ISO_DATE", lambda: types._ISO_DATE.match("1" * BIG), None),
    ("types._CURRENCY", lambda: types._CURRENCY.match("E" * BIG), None),
    ("types._NOT_LETTERS", lambda: types._NOT_LETTERS.sub("", "e" + "1 " * BIG + "ur"), "eur"),
    # the fast reader's scalars and line breaks
    ("yaml_fast._INT10", lambda: yaml_fast._INT10.match("1" * BIG + "x"), None),
    ("yaml_fast._INT8", lambda: yaml_fast._INT8.match("0o" + "7" * BIG + "x"), None),
    ("yaml_fast._INT16", lambda: yaml_fast._INT16.match("0x" + "f" * BIG + "x"), None),
    ("yaml_fast._FLOAT", lambda: yaml_fast._FLOAT.match("1" * BIG + "." + "1" * BIG + "e"), None),
    ("yaml_fast._INF", lambda: yaml_fast._INF.match("." + "i" * BIG), None),
    ("yaml_fast._NAN", lambda: yaml_fast._NAN.match("." + "n" * BIG), None),
    ("yaml_fast._NULL", lambda: yaml_fast._NULL.match("n" * BIG), None),
    ("yaml_fast._LIBYAML_BREAK", lambda: len(yaml_fast._LIBYAML_BREAK.findall("\r" * BIG)), BIG),
    ("yaml_fast._REAL_BREAK", lambda: len(yaml_fast._REAL_BREAK.findall("\r\n" * BIG)), BIG),
    ("yaml_fast._YAML11_BREAKS", lambda: yaml_fast._YAML11_BREAKS.search("a" * BIG), None),
    # fmt's proof and scanner
    ("fmt_scan._NULL", lambda: fmt_scan._NULL.match("N" * BIG), None),
    ("fmt_scan._BREAK", lambda: len(fmt_scan._BREAK.findall("\u2028" * BIG)), BIG),
    ("fmt_quick.ENTRY", lambda: fmt_quick.ENTRY.fullmatch("a" * BIG + ":"), None),
    (
        "fmt_quick.ENTRY, value",
        lambda: fmt_quick.ENTRY.fullmatch("a: " + " " * BIG) is not None,
        True,
    ),
    ("fmt_quick._AFTER", lambda: fmt_quick._AFTER.fullmatch(" " * BIG + "x"), None),
    ("fmt_quick._COMMENT_ONLY", lambda: fmt_quick._COMMENT_ONLY.fullmatch(" " * BIG + "x"), None),
    ("fmt_quick._SINGLE", lambda: fmt_quick._SINGLE.fullmatch("'" + "''" * BIG), None),
    ("fmt_quick._DOUBLE", lambda: fmt_quick._DOUBLE.match('"' + "a" * BIG), None),
    ("fmt_quick._FLOW_PLAIN", lambda: len(fmt_quick._FLOW_PLAIN.match("a" * BIG + ",")[0]), BIG),
    ("fmt_quick._FLOAT", lambda: fmt_quick._FLOAT.fullmatch("1" * BIG + ".1x"), None),
    ("fmt_quick._DATE", lambda: fmt_quick._DATE.fullmatch("1" * BIG), None),
    ("fmt_quick._NUMBERISH", lambda: fmt_quick._NUMBERISH.match("a" * BIG), None),
    ("fmt_quick._SURELY_TEXT", lambda: fmt_quick._SURELY_TEXT.search("1" * BIG), None),
    (
        "fmt_quick._SURELY_TEXT, words",
        lambda: fmt_quick._SURELY_TEXT.search("1" + " 1" * BIG) is not None,
        True,
    ),
    # output
    ("visible._CONTROL", lambda: visible._CONTROL.search("a" * BIG), None),
    ("visible._JSON_CONTROL", lambda: visible._JSON_CONTROL.search("\n\t" * BIG), None),
    ("positions._LINE_END", lambda: len(positions._LINE_END.findall("\r" * BIG)), BIG),
    (
        "lint_text._NEEDS_TERMINAL_LIBRARY",
        lambda: lint_text._NEEDS_TERMINAL_LIBRARY.search("a" * BIG),
        None,
    ),
    ("mermaid._UNSAFE", lambda: mermaid._UNSAFE.search("a" * BIG), None),
    ("markdown._CODE_SPAN", lambda: markdown._CODE_SPAN.search("`" + "a" * BIG), None),
    ("markdown._MARKUP", lambda: len(markdown._MARKUP.sub(r"\\\1", "*" * BIG)), 2 * BIG),
    (
        "markdown._SPACES",
        lambda: markdown._SPACES.sub(" ", " \u00a0\t" * BIG).count("\u00a0"),
        BIG,
    ),
    (
        "markdown._ENTITY_START, no semicolon",
        lambda: markdown._ENTITY_START.search(("&#" + "a" * 31) * (BIG // 33)),
        None,
    ),
    (
        "markdown._ENTITY_START, long name",
        lambda: markdown._ENTITY_START.search("&" + "a" * BIG + ";"),
        None,
    ),
    ("render.BLANK_LINES", lambda: len(render.BLANK_LINES.sub("\n\n", "\n\na" * BIG)), 3 * BIG),
    ("sandbox._LONG_NUMBER", lambda: sandbox._LONG_NUMBER.search("1234 " * BIG), None),
    ("sandbox._DIGITS", lambda: len(sandbox._DIGITS.findall("1%" * BIG)), BIG),
    ("html._ANCHOR", lambda: html._ANCHOR.fullmatch('<a id="' + "a-" * BIG), None),
    ("html._AS_OF", lambda: html._AS_OF.search("<!-- bpstrat: as-of " * 20_000), None),
    (
        "html._EMPTY_HEAD",
        lambda: html._EMPTY_HEAD.search("<thead>\n<tr>\n" + "<th></th>\n" * BIG),
        None,
    ),
    ("html._TAG", lambda: len(html._TAG.sub("", "<" * BIG + "x>")), BIG - 1),
    ("html._CHART_PARAGRAPH", lambda: html._CHART_PARAGRAPH.search("<p>\x00" + "a" * BIG), None),
    ("html._CHART_INLINE", lambda: len(html._CHART_INLINE.sub("", "\x00" + "a" * BIG)), BIG + 1),
    ("svg._XML_FORBIDDEN", lambda: len(svg._XML_FORBIDDEN.sub("", "\uffff" * BIG)), 0),
    ("svg._XML_UNSAFE", lambda: len(svg._XML_UNSAFE.sub("", "<&" * BIG)), 0),
    ("committed._AS_OF", lambda: committed._AS_OF.search("<!-- bpstrat: as-of " * 20_000), None),
    ("committed._AS_OF_ROW", lambda: committed._AS_OF_ROW.search("| As of | " * 20_000), None),
    # the service catalog: entity references, Location targets, names of broken files
    ("types._CATALOG_REF, runs", lambda: types._CATALOG_REF.match("a-" * BIG), None),
    ("types._CATALOG_REF, kind", lambda: types._CATALOG_REF.match("a" * BIG + "!"), None),
    ("types._CATALOG_REF, namespace", lambda: types._CATALOG_REF.match("a/" + "a-" * BIG), None),
    ("types._CATALOG_REF, dots", lambda: types._CATALOG_REF.match("a." * BIG + "/"), None),
    ("types._CATALOG_REF, found", lambda: types.is_catalog_ref("System:Default/Check.out"), True),
    ("read._URL", lambda: read._URL.match("a" * BIG), None),
    ("read._URL, found", lambda: read._URL.match("https://x") is not None, True),
    (
        "read._RAW_NAME, no colon",
        lambda: list(read._RAW_NAME.finditer(("\n" + " " * 50 + "nam") * 4000)),
        [],
    ),
    (
        "read._RAW_NAME, long value",
        lambda: [len(m[1]) for m in read._RAW_NAME.finditer("name:" + " " * BIG + "'" + "a" * BIG)],
        [BIG],
    ),
    # git and the cache
    ("git_tree._SHA", lambda: git_tree._SHA.match("a" * BIG), None),
    ("timeline._DATE", lambda: timeline._DATE.match("2026-" * BIG), None),
    (
        "since._SINCE",
        lambda: since._SINCE.search("<!-- bpstrat: since " * 20_000 + "a" * BIG),
        None,
    ),
    (
        "since._SINCE, found",
        lambda: since.recorded_since("x\n<!-- bpstrat: since " + "a" * 40 + " -->\n"),
        "a" * 40,
    ),
    ("timeline._DATE, found", lambda: timeline._DATE.match("2026-10-01") is not None, True),
    ("cache_entry._CODE", lambda: cache_entry._CODE.match("BP" + "1" * BIG), None),
]


@pytest.mark.parametrize(
    ("call", "expected"), [(c, e) for _, c, e in CASES], ids=[name for name, _, _ in CASES]
)
def test_pattern_on_its_worst_input(call: Callable[[], object], expected: object) -> None:
    assert call() == expected


def test_every_pattern_of_the_package_has_a_case() -> None:
    """A new module-level pattern needs its worst case here (inline patterns are named
    constants for that reason)."""
    src = Path(__file__).resolve().parents[2] / "src" / "bpstrat"
    compiled = re.compile(r"^([A-Z_][A-Z0-9_]*) = re\.compile\(", re.MULTILINE)
    names = {
        f"{path.stem}.{name}"
        for path in src.rglob("*.py")
        for name in compiled.findall(path.read_text(encoding="utf-8"))
    }
    covered = {name.split(",")[0] for name, _, _ in CASES}
    assert names - covered == set()
    inline = re.compile(r"\bre\.(?:search|match|fullmatch|sub|findall|finditer|split)\(")
    # inline patterns run only on bpstrat's own templates (scaffold) and, as fixed words,
    # on pydantic's messages (validate)
    assert sorted(
        path.name for path in src.rglob("*.py") if inline.search(path.read_text(encoding="utf-8"))
    ) == ["scaffold.py", "validate.py"]
