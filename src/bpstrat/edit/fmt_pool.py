"""Format many files on every core: the round-trip reader costs milliseconds per file.

`format_texts` returns what `format_text` gives for each text, in order. Texts whose
format is proven without the round-trip reader (`format_quick`: canonical already, or
keys to move) are answered at once, in this process; the others go to
the formatter (the full format, by default). Large runs of those use a process pool
(each worker formats a chunk of texts and returns small results: the text, notes, a
refusal or a read error); small runs, one-core machines and `BPSTRAT_JOBS=1` stay in
one process, where a pool would only add its start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial

from bpstrat.edit.fmt import Formatted, format_full, format_quick
from bpstrat.source.roundtrip import RoundTripError

# Below this many files a pool's start-up costs more than it saves.
POOL_MIN_FILES = 200
MAX_WORKERS = 8


@dataclass(frozen=True)
class Unreadable:
    """A text the round-trip reader rejected (a RoundTripError, as a plain value)."""

    where: str
    message: str


Formatter = Callable[[str, bool], Formatted]


def format_one(
    item: tuple[str, bool], formatter: Formatter = format_full
) -> Formatted | Unreadable:
    """formatter(text, is_root_config) for one item, a RoundTripError as a value."""
    text, is_root_config = item
    try:
        return formatter(text, is_root_config)
    except RoundTripError as error:
        return Unreadable(error.where, error.message)


def workers(count: int) -> int:
    """How many processes to format `count` files with (1: no pool)."""
    wanted = os.environ.get("BPSTRAT_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        cores = int(wanted)
    else:
        affinity = getattr(os, "sched_getaffinity", None)
        cores = len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)
    if count < POOL_MIN_FILES:
        return 1
    return max(1, min(cores, MAX_WORKERS, count // (POOL_MIN_FILES // 2)))


def format_texts(
    items: list[tuple[str, bool]], formatter: Formatter = format_full
) -> list[Formatted | Unreadable]:
    """format_one for every item, in order: texts format_quick answers at once, the
    others on as many processes as pay off."""
    results: list[Formatted | Unreadable | None] = [
        format_quick(text, is_root_config) for text, is_root_config in items
    ]
    pending = [item for item, result in zip(items, results, strict=True) if result is None]
    formatted = iter(_format_all(pending, formatter))
    return [result if result is not None else next(formatted) for result in results]


def _format_all(
    items: list[tuple[str, bool]], formatter: Formatter
) -> list[Formatted | Unreadable]:
    count = workers(len(items))
    if count > 1:
        try:
            return _pooled(items, count, formatter)
        except (OSError, NotImplementedError, BrokenProcessPool):
            pass  # no pool on this system: format in this process
    return [format_one(item, formatter) for item in items]


def _pooled(
    items: list[tuple[str, bool]], count: int, formatter: Formatter
) -> list[Formatted | Unreadable]:
    # Forked workers start with everything already imported; elsewhere they import it.
    method = "fork" if sys.platform == "linux" else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(items) // (count * 4)))
    with ProcessPoolExecutor(count, mp_context=context) as pool:
        job = partial(format_one, formatter=formatter)
        return list(pool.map(job, items, chunksize=chunk))
