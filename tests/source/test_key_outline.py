"""The outline of a file that does not parse: where its `key:` lines are."""

from __future__ import annotations

from bpstrat.source.key_outline import outline_positions
from bpstrat.source.positions import Pos

BROKEN = """\
# a comment: with a colon
product:
  id: demo
  vision: >
    text with a colon: inside
  sides: [client, supply]   # flywheel
  owner:
lint:
  max_key_goals 3
  stale_after_days: 90
"http://x": quoted keys are not read
- item: not a key of a mapping
"""


def test_keys_are_found_by_indentation() -> None:
    positions = outline_positions(BROKEN)
    assert positions.key(("product", "sides")) == Pos(6, 3)
    assert positions.value(("product", "sides")) == Pos(6, 10)
    assert positions.key(("product", "id")) == Pos(3, 3)
    assert positions.key(("lint", "stale_after_days")) == Pos(10, 3)
    assert positions.has_key(("product", "owner"))


def test_lines_that_are_no_key_add_nothing() -> None:
    positions = outline_positions(BROKEN)
    assert not positions.has_key(("lint", "max_key_goals"))
    assert not positions.has_key(("lint", "max_key_goals 3"))
    assert not positions.has_key(('"http://x"',))
    assert not positions.has_key(("item",))
    assert not positions.has_key(("#",))
    # a block scalar's text is no key unless it is written as one
    assert not positions.has_key(("product", "text with a colon"))


def test_an_empty_or_keyless_text_has_no_keys() -> None:
    for text in ("", "\n\n", "[unclosed\n", "a" * 10_000):
        assert outline_positions(text).key(("product", "sides")) == Pos(1, 1)
