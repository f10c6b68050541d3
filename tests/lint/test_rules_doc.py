"""docs/rules.md is generated from the rules: the committed file is what they render."""

from __future__ import annotations

from bpstrat.lint.rules_doc import render_markdown
from tests.helpers import EXAMPLES


def test_docs_rules_md_is_up_to_date() -> None:
    committed = (EXAMPLES.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_markdown(), "run: bpstrat rules --markdown > docs/rules.md"
