"""The canonical form of a file that moving, re-indenting and splitting lines can give,
without the round-trip reader: long flow lists written as block lists (fmt_unflow), keys
put in the format's order and blocks indented by 2 (fmt_layout). A result counts only when
the quick proof (fmt_quick) shows it is canonical, so a second format leaves it as it is,
and it reads back to the same data and comments.
"""

from __future__ import annotations

from collections import Counter

from bpstrat.edit.fmt_layout import relayout
from bpstrat.edit.fmt_quick import canonical_documents, is_canonical
from bpstrat.edit.fmt_unflow import unflowed
from bpstrat.edit.fmt_verify import data_difference
from bpstrat.source.yaml_fast import Document


def moved_lines(text: str, documents: list[Document], is_root_config: bool = False) -> str | None:
    """The canonical form of `text` (with `\\n` line breaks, read as `documents`) when it
    only needs keys moved or blocks re-indented; None otherwise.

    The result holds the same lines (indentation and list dashes aside), so no comment or
    value text is lost or added, and reads back to the same data: that is checked here,
    without scanning either text again.
    """
    out = relayout(text, is_root_config)
    if out is None:
        return None
    read_back = canonical_documents(out, is_root_config)
    if read_back is None or len(read_back) != len(documents):
        return None
    if _contents(out) != _contents(text):
        return None
    for old, new in zip(documents, read_back, strict=True):
        if data_difference(old.data, new.data) is not None:
            return None
    return out


def _contents(text: str) -> Counter[str]:
    """Each line without its indentation and list dashes."""
    counts: Counter[str] = Counter()
    for line in text.split("\n"):
        content = line.lstrip(" ")
        while content.startswith("- "):
            content = content[2:].lstrip(" ")
        counts[content] += 1
    return counts


def rewrite_lines(text: str, is_root_config: bool = False) -> str | None:
    """The canonical form of `text` (with `\\n` line breaks) when splitting long flow
    lists, moving keys and re-indenting gives it; None when it does not or nothing would change. The
    caller checks that it reads back to the same data and comments."""
    unflown = unflowed(text)
    current = text if unflown is None else unflown
    reordered = relayout(current, is_root_config)
    result = current if reordered is None else reordered
    if result == text or not is_canonical(result, is_root_config):
        return None
    return result
