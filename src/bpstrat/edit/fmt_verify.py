"""The checks around a format: read the input with the fast reader, compare the output.

fmt writes a file only when its formatted text reads back (with the same fast reader lint
uses) to exactly the same data, value types included, and holds exactly the same comments.
"""

from __future__ import annotations

import math
from collections import Counter

from bpstrat.edit.fmt_scan import Scan, scan
from bpstrat.findings import Path
from bpstrat.source.roundtrip import RoundTripError
from bpstrat.source.yaml_fast import Document, parse

MAX_EXPANDED_NODES = 10_000  # aliases may expand a file up to this many nodes in total


def read_checked(text: str) -> list[Document]:
    """The documents of `text`; RoundTripError for what lint reports as invalid YAML."""
    documents, error = parse(text)
    if error is not None:
        raise RoundTripError(f"{error.pos.line}:{error.pos.column}", error.message)
    for document in documents:
        for problem in document.problems:
            if problem.code == "BP102":
                line, column = problem.mark or (1, 1)
                raise RoundTripError(f"{line}:{column}", problem.message)
    return documents


def alias_refusal(documents: list[Document]) -> str | None:
    """Refuse aliases that expand the file beyond MAX_EXPANDED_NODES nodes."""
    total = 0
    stack: list[object] = [document.data for document in documents]
    while stack:
        value = stack.pop()
        total += 1
        if total > MAX_EXPANDED_NODES:
            return (
                f"its aliases (*name) expand it to more than {MAX_EXPANDED_NODES} values; "
                "fmt leaves such files as they are: write the data out instead"
            )
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return None


def compare(before: str, documents: list[Document], layout: Scan, after: str) -> str | None:
    """Why `after` is not a faithful rewrite of `before`, or None when it is."""
    read_back, error = parse(after)
    if error is not None:
        return f"the formatted text would not read back ({error.message})"
    if len(read_back) != len(documents):
        return (
            f"the formatted text would hold {len(read_back)} documents instead of {len(documents)}"
        )
    for number, (old, new) in enumerate(zip(documents, read_back, strict=True), start=1):
        where = data_difference(old.data, new.data)
        if where is not None:
            place = ".".join(str(part) for part in where) or "the document"
            return f"formatting would change the data at {place} (document {number})"
    read_layout = scan(after)
    return _scalar_difference(layout, read_layout) or _comment_difference(layout, read_layout)


def _scalar_difference(old: Scan, new: Scan) -> str | None:
    """Every value keeps the text it was written with (`1e16` is not rewritten)."""
    after = Counter((style, text) for _, style, text in new.scalars)
    before = Counter((style, text) for _, style, text in old.scalars)
    for line, style, text in old.scalars:
        if before[(style, text)] > after[(style, text)]:
            return f"formatting would rewrite the value on line {line} ({_cut(text)})"
    return None


def _comment_difference(old: Scan, new: Scan) -> str | None:
    before = Counter(text for _, text in old.comments)
    after = Counter(text for _, text in new.comments)
    for line, text in old.comments:
        if before[text] > after[text]:
            return f"formatting would lose the comment on line {line} ({_cut(text)})"
    for _line, text in new.comments:
        if after[text] > before[text]:
            return f"formatting would add a comment ({_cut(text)})"
    return None


def _cut(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def data_difference(old: object, new: object, path: Path = ()) -> Path | None:
    """The first path where two values differ (types count: 1, 1.0 and true differ)."""
    if type(old) is not type(new):
        return path
    if isinstance(old, dict) and isinstance(new, dict):
        if list(old) != list(new) and set(old) != set(new):
            return path
        for key, value in old.items():
            if key not in new:
                return path
            found = data_difference(value, new[key], (*path, str(key)))
            if found is not None:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return path
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            found = data_difference(a, b, (*path, index))
            if found is not None:
                return found
        return None
    if isinstance(old, float) and isinstance(new, float) and math.isnan(old) and math.isnan(new):
        return None
    return None if old == new else path
