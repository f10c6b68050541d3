"""`bpstrat brief`: render the strategy brief to stdout or a file, or check a file;
as Markdown (with its charts as SVG files beside it, `--charts DIR`), HTML or PDF."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import sys
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from bpstrat.brief.committed import read_committed, recorded_as_of
from bpstrat.brief.render import Document, render_document
from bpstrat.brief.since import LAST, Baseline, last_change, read_baseline, recorded_since
from bpstrat.cli.options import resolve_today
from bpstrat.errors import UsageError
from bpstrat.source.atomic import write_output
from bpstrat.source.files import find_root

FORMATS = ("markdown", "html", "pdf")


def run_brief(
    path: Path,
    *,
    output: Path | None,
    template: Path | None,
    check: bool,
    today: dt.date | None,
    cache: bool = False,
    lang: str | None = None,
    recipient: str | None = None,
    output_format: str = "markdown",
    charts: Path | None = None,
    audience: str | None = None,
    since: str | None = None,
) -> int:
    """`today` is --today; without it a check uses the date the brief records, so a
    committed brief goes out of date only when its inputs change. `since` (a revision,
    or `last`: the commit that last changed -o FILE; a check takes the commit the brief
    records) adds what changed since that commit."""
    if output_format not in FORMATS:
        raise UsageError(f"--format {output_format!r}: write one of {', '.join(FORMATS)}")
    if check and output is None:
        raise UsageError("--check needs -o FILE: the brief to compare with")
    if charts is not None and output_format != "markdown":
        raise UsageError(
            f"--charts DIR writes the charts of the Markdown brief; the {output_format} "
            "brief carries its charts inside"
        )
    if output_format == "pdf" and (output is None or check):
        raise UsageError("--format pdf needs -o FILE (and compares nothing: no --check)")
    current = read_committed(output) if check and output is not None else None
    as_of = resolve_today(today, recorded_as_of(current) if current else None)
    baseline = _baseline(path, since, output, current if check else None)
    document = render_document(
        path,
        template,
        as_of,
        cache,
        lang,
        recipient,
        output_format="markdown" if output_format == "markdown" else "html",
        chart_links=_chart_links(output_format, charts, output),
        audience=audience,
        since=baseline,
    )
    if output_format == "pdf":
        from bpstrat.brief.html import to_html
        from bpstrat.brief.pdf import html_to_pdf

        assert output is not None
        write_output(output, html_to_pdf(to_html(document)))
        return 0
    text = _text(document, output_format)
    files = _chart_files(document, charts)
    if output is None:
        _write_files(files)
        sys.stdout.write(text)
        return 0
    if check:
        fix = _fix(path, output, template, lang, recipient, output_format, charts, audience)
        if since is not None:
            fix += f" --since {shlex.quote(since)}"
        stale = [str(f) for f, content in [(output, text), *files] if read_committed(f) != content]
        if current is None:
            sys.stderr.write(f"{output} does not exist; run {fix}\n")
            return 1
        if stale:
            sys.stderr.write(f"{', '.join(stale)} out of date; run {fix}\n")
            return 1
        return 0
    _write_files(files)
    write_output(output, text)
    return 0


def _baseline(
    path: Path, since: str | None, output: Path | None, committed: str | None
) -> Baseline | None:
    """The strategy at the commit `--since` names; None without --since."""
    if since is None:
        return None
    revision = since
    if since == LAST:
        if output is None:
            raise UsageError("--since last needs -o FILE: the brief whose last commit it takes")
        recorded = recorded_since(committed) if committed is not None else None
        revision = recorded or last_change(output)
    return read_baseline(find_root(path), revision)


def _text(document: Document, output_format: str) -> str:
    if output_format == "html":
        from bpstrat.brief.html import to_html  # markdown-it only for HTML

        return to_html(document)
    return document.text


def _chart_links(
    output_format: str, charts: Path | None, output: Path | None
) -> Callable[[str], str] | None:
    """How the Markdown links each chart: inline for HTML and PDF; with --charts DIR, the
    SVG file's path from the folder of the brief (or from here, on stdout)."""
    if output_format != "markdown":
        from bpstrat.brief.html import chart_link

        return chart_link
    if charts is None:
        return None
    base = output.parent if output is not None else Path(".")
    folder = Path(os.path.relpath(charts.absolute(), base.absolute())).as_posix()

    def link(name: str) -> str:
        return urllib.parse.quote(f"{folder}/{name}.svg")

    return link


def _chart_files(document: Document, charts: Path | None) -> list[tuple[Path, str]]:
    if charts is None:
        return []
    return [(charts / f"{chart.name}.svg", chart.svg + "\n") for chart in document.charts]


def _write_files(files: list[tuple[Path, str]]) -> None:
    for file, content in files:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(f"cannot make {file.parent}: {error.strerror or error}") from None
        write_output(file, content)


def _fix(
    path: Path,
    output: Path,
    template: Path | None,
    lang: str | None,
    recipient: str | None,
    output_format: str = "markdown",
    charts: Path | None = None,
    audience: str | None = None,
) -> str:
    """The command that rewrites the brief, as it can be run from here."""
    words = ["bpstrat", "brief", str(path), "-o", str(output)]
    if output_format != "markdown":
        words += ["--format", output_format]
    if charts is not None:
        words += ["--charts", str(charts)]
    if template is not None:
        words += ["--template", str(template)]
    if lang is not None:
        words += ["--lang", lang]
    if recipient is not None:
        words += ["--for", recipient]
    if audience is not None:
        words += ["--audience", audience]
    return " ".join(shlex.quote(word) for word in words)
