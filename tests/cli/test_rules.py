"""`bpstrat rules` and `bpstrat rule CODE`: the listing and one rule explained."""

from __future__ import annotations

import pytest

from bpstrat.cli.rules import list_rules, show_rule
from bpstrat.errors import UsageError
from bpstrat.lint.rules import RULES


def test_rules_and_rule_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert list_rules(False) == 0
    listing = capsys.readouterr().out
    assert all(code in listing for code in RULES)
    assert show_rule("bp406") == 0
    text = capsys.readouterr().out
    assert text.startswith("BP406 stale-stakeholder (warning by default)")
    assert "Failing example" in text and "lint.stale_after_days" in text
    assert show_rule("no-coalition") == 0 and "BP408" in capsys.readouterr().out
    with pytest.raises(UsageError, match="did you mean BP409"):
        show_rule("BP499")
