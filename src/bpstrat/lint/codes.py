"""Every finding code bpstrat reports: its name, one-line summary and how to fix it.

One table, read by `bpstrat rules`, the SARIF rule list and the docs: the codes of the
reader, the validator and the reference checks are written here; the strategy rules'
codes come from the rule modules (their constants and docstrings), so the table is
complete as soon as it is imported.
"""

from __future__ import annotations

from typing import NamedTuple

from bpstrat.findings import Level
from bpstrat.lint.rules import RULES, explanation, summary
from bpstrat.lint.rules.base import Rule
from bpstrat.model.kinds import KINDS


class Code(NamedTuple):
    code: str
    name: str
    summary: str
    help: str

    @property
    def default_severity(self) -> Level:
        return "warning" if self.code.startswith("BP4") or self.code == "BP106" else "error"


_TABLE = [
    Code(
        "BP101",
        "yaml-syntax",
        "not valid YAML",
        "Fix the YAML at the position shown: indentation with spaces (never tabs), closed "
        "quotes and brackets, `key: value` with a space after the colon.",
    ),
    Code(
        "BP102",
        "duplicate-key",
        "duplicate key in a mapping",
        "A mapping names the same key twice and YAML keeps only one value. Keep one of them.",
    ),
    Code(
        "BP103",
        "not-an-entity",
        "document is not a mapping, or has no `kind`",
        "Every document in an entity file is a mapping with a `kind:` line, e.g. "
        "`kind: consumer`. Delete empty files.",
    ),
    Code(
        "BP104",
        "unknown-kind",
        "unknown `kind`",
        f"`kind` is one of {', '.join(KINDS)}.",
    ),
    Code(
        "BP105",
        "unreadable-file",
        "file cannot be read as UTF-8 text, or is too large",
        "Save the file as UTF-8 text, keep it under the size limit (split large files), "
        "and make sure it is a regular file and not a broken link.",
    ),
    Code(
        "BP106",
        "useless-suppression",
        "unused or expired suppression",
        "Remove the `# bpstrat: ignore[...]` comment, or fix the finding it was hiding.",
    ),
    Code(
        "BP201",
        "missing-field",
        "required field missing",
        "Add the field named in the message; `bpstrat schema` shows every field of a kind.",
    ),
    Code(
        "BP202",
        "invalid-value",
        "invalid value (type, enum, range, slug, date)",
        "Change the value to one the message lists: ids are lowercase slugs, dates are "
        "YYYY-MM-DD, scales are whole numbers from 1 to 5. A metric's target differs from "
        "its baseline, and a measurement is dated today or earlier.",
    ),
    Code(
        "BP203",
        "unknown-field",
        "unknown field",
        "Rename the field to the one suggested, or remove it.",
    ),
    Code(
        "BP301",
        "duplicate-id",
        "duplicate id within a kind",
        "Ids are unique within their kind across the whole strategy. Rename one of them.",
    ),
    Code(
        "BP302",
        "dangling-reference",
        "reference to an id that does not exist",
        "Point the reference at an existing id (the closest one is suggested) or create "
        "the missing entity with `bpstrat new`.",
    ),
    Code(
        "BP303",
        "unknown-option",
        "option not defined by the referenced dimension",
        "Use one of the dimension's option ids, or add the option to the dimension. An "
        "accommodation names an option its consumer demanded on the decision's dimension "
        "and the decision did not choose.",
    ),
]


def _rule_code(rule: Rule) -> Code:
    return Code(rule.CODE, rule.NAME, summary(rule), explanation(rule).split("\n\n")[0])


CODES: dict[str, Code] = {
    **{code.code: code for code in _TABLE},
    **{code: _rule_code(rule) for code, rule in RULES.items()},
}
