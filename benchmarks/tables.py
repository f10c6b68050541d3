"""Printing the benchmarks' tables: aligned columns, or Markdown with --markdown."""

from __future__ import annotations


def print_table(
    title: str, header: tuple[str, ...], rows: list[tuple[str, ...]], markdown: bool
) -> None:
    print(f"\n{'### ' if markdown else ''}{title}\n", flush=True)
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("| " + " | ".join("---" for _ in header) + " |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)), flush=True)
