"""The format registries are the one list of each command's formats: the command line,
its help and every list of formats in README.md and docs/ agree with them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bpstrat.report.formats import LINT, REGISTRIES, choices

TOP = Path(__file__).resolve().parents[2]
PAGES = [TOP / "README.md", *sorted((TOP / "docs").glob("*.md"))]
# `bpstrat score [PATH] [--format text|json|markdown|csv]`: a usage line naming them all.
USAGE = re.compile(r"bpstrat ([a-z]+)\b[^\n`]*?--format ([a-z]+(?:\|[a-z]+)+)")
# Pages whose "## Formats" section lists one command's formats as `- \`name\``.
FORMAT_SECTIONS = {"scoring.md": "score"}


def usage_lines() -> list[tuple[str, str, list[str]]]:
    found = []
    for page in PAGES:
        for match in USAGE.finditer(page.read_text(encoding="utf-8")):
            found.append((page.name, match.group(1), match.group(2).split("|")))
    return found


def test_the_docs_name_formats_in_usage_lines() -> None:
    commands = {command for _, command, _ in usage_lines()}
    assert {"lint", "score"} <= commands


@pytest.mark.parametrize("page,command,names", usage_lines())
def test_every_usage_line_lists_the_registry(page: str, command: str, names: list[str]) -> None:
    assert command in REGISTRIES, f"{page}: `bpstrat {command}` has no --format"
    assert names == list(REGISTRIES[command]), f"{page}: bpstrat {command}"


@pytest.mark.parametrize("page,command", sorted(FORMAT_SECTIONS.items()))
def test_every_formats_section_lists_the_registry(page: str, command: str) -> None:
    text = (TOP / "docs" / page).read_text(encoding="utf-8")
    section = text.split("\n## Formats\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- `([a-z]+)`", section, re.M)
    assert listed == list(REGISTRIES[command])


def test_a_wrong_list_would_be_caught() -> None:
    line = "bpstrat lint [PATH] [--format text|json]"
    match = USAGE.search(line)
    assert match is not None and match.group(2).split("|") != list(LINT)


def test_choices_read_as_a_sentence() -> None:
    assert choices(LINT) == "text, json, sarif or github"
    every = [name for registry in REGISTRIES.values() for name in registry]
    assert all(re.fullmatch(r"[a-z]+", name) for name in every)


@pytest.mark.parametrize("command", sorted(REGISTRIES))
def test_every_format_loads_a_renderer(command: str) -> None:
    for fmt in REGISTRIES[command].values():
        assert callable(getattr(fmt.load(), "render", None))
