"""Templates from a pull request are read like entity files: a template of the root's
`templates/` (the brief, the letters, and whatever they include, import or extend) whose
real path leaves the root, or that is not a regular file, or is too large, is refused
with exit 2 and never read, so a link to `/proc/self/environ` cannot print CI secrets."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpstrat.brief.render import render_brief
from bpstrat.brief.template_files import MAX_TEMPLATE_BYTES
from bpstrat.cli.app import app
from bpstrat.errors import UsageError
from bpstrat.source.tree import NOT_REGULAR, OUTSIDE
from tests.helpers import TODAY, Writer

SECRET = "hunter2-template-7d2e"
LEAK = "{{ 'leaked:' }}" + SECRET + "\n"  # a template that would print the secret


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the strategy root, holding a template that prints the secret."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "brief.md.j2").write_text(LEAK)
    (folder / "part.j2").write_text(LEAK)
    (folder / "letter-stakeholder.md.j2").write_text(LEAK)
    return folder


def refused(base: Path, *extra: str) -> str:
    """The output of `brief` (with `extra`) on `base`, which must be a usage error."""
    code, output = invoke("brief", str(base), "--today", "2026-11-20", *extra)
    assert code == 2, output
    assert SECRET not in output and "leaked" not in output
    return output


@pytest.mark.parametrize("absolute", [False, True])
def test_a_linked_brief_template_is_refused_by_brief_and_check(
    root: Writer, outside: Path, absolute: bool
) -> None:
    base = root({})
    (base / "templates").mkdir()
    target = outside / "brief.md.j2"
    (base / "templates" / "brief.md.j2").symlink_to(
        target if absolute else Path("../..") / "elsewhere" / "brief.md.j2"
    )
    assert f"template templates/brief.md.j2: {OUTSIDE}" in refused(base)
    committed = base / "BRIEF.md"
    committed.write_text("# old\n")
    assert OUTSIDE in refused(base, "--check", "-o", str(committed))
    assert committed.read_text() == "# old\n"


def test_a_linked_letter_template_is_refused(root: Writer, outside: Path) -> None:
    base = root({})
    (base / "templates").mkdir()
    (base / "templates" / "letter-stakeholder.md.j2").symlink_to(
        outside / "letter-stakeholder.md.j2"
    )
    output = refused(base, "--for", "stakeholder:ana")
    assert f"template templates/letter-stakeholder.md.j2: {OUTSIDE}" in output
    assert render_brief(base, None, TODAY).startswith("# Demo Platform")  # the brief is not


def test_a_linked_templates_folder_is_refused(root: Writer, outside: Path) -> None:
    base = root({})
    (base / "templates").symlink_to(outside)
    assert OUTSIDE in refused(base)
    assert OUTSIDE in refused(base, "--for", "stakeholder:ana")


@pytest.mark.parametrize(
    "statement",
    [
        "{% include 'part.j2' %}",
        "{% import 'part.j2' as part %}",
        "{% from 'part.j2' import nothing %}",
        "{% extends 'part.j2' %}",
        "{% include ['missing.j2', 'part.j2'] %}",
    ],
)
def test_a_template_reaching_a_link_is_refused(root: Writer, outside: Path, statement: str) -> None:
    base = root({"templates/brief.md.j2": "# Mine\n" + statement + "\n"})
    (base / "templates" / "part.j2").symlink_to(outside / "part.j2")
    with pytest.raises(UsageError, match=f"template templates/part.j2: {OUTSIDE}") as caught:
        render_brief(base, None, TODAY)
    assert SECRET not in str(caught.value)


def test_a_template_linked_to_the_environment_is_refused(
    root: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc on this system")
    monkeypatch.setenv("BPSTRAT_TEST_SECRET", SECRET)
    base = root({"templates/brief.md.j2": "{{ 'x' }}{% include 'env.j2' %}\n"})
    (base / "templates" / "env.j2").symlink_to("/proc/self/environ")
    (base / "templates" / "letter-stakeholder.md.j2").symlink_to("/proc/self/environ")
    assert f"template templates/env.j2: {OUTSIDE}" in refused(base)
    assert OUTSIDE in refused(base, "--for", "stakeholder:ana")


def test_a_template_folder_given_with_template_keeps_its_includes_inside(
    root: Writer, outside: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "brief.j2").write_text("# Mine\n{% include 'part.j2' %}\n")
    (mine / "part.j2").symlink_to(outside / "part.j2")
    with pytest.raises(UsageError, match=OUTSIDE):
        render_brief(root({}), mine / "brief.j2", TODAY)
    (mine / "linked.j2").symlink_to(outside / "brief.md.j2")
    with pytest.raises(UsageError, match=OUTSIDE):
        render_brief(root({}), mine / "linked.j2", TODAY)


def test_links_inside_the_root_keep_working(root: Writer) -> None:
    base = root(
        {
            "shared/brief.j2": "# Linked\n{% include 'part.j2' %}\n",
            "shared/part.j2": "part {{ product.name }}\n",
        }
    )
    (base / "templates").mkdir()
    (base / "templates" / "brief.md.j2").symlink_to("../shared/brief.j2")
    (base / "templates" / "part.j2").symlink_to(base / "shared" / "part.j2")
    assert render_brief(base, None, TODAY) == "# Linked\npart Demo Platform\n"


def test_a_fifo_or_folder_as_template_is_not_read(root: Writer) -> None:
    base = root({"templates/brief.md.j2": "{% include 'pipe.j2' %}\n"})
    os.mkfifo(base / "templates" / "pipe.j2")  # opening it to read would block
    with pytest.raises(UsageError, match=re.escape(f"template templates/pipe.j2: {NOT_REGULAR}")):
        render_brief(base, None, TODAY)
    (base / "templates" / "pipe.j2").unlink()
    (base / "templates" / "pipe.j2").mkdir()
    with pytest.raises(UsageError, match=re.escape(NOT_REGULAR)):
        render_brief(base, None, TODAY)


def test_a_large_or_binary_template_is_refused(root: Writer) -> None:
    base = root({"templates/brief.md.j2": "x" * (MAX_TEMPLATE_BYTES + 1)})
    with pytest.raises(UsageError, match=r"template templates/brief\.md\.j2: larger than"):
        render_brief(base, None, TODAY)
    (base / "templates" / "brief.md.j2").write_bytes(b"# \xff\n")
    with pytest.raises(UsageError, match="not UTF-8"):
        render_brief(base, None, TODAY)


def test_a_broken_link_is_refused_not_replaced_by_the_default(root: Writer) -> None:
    base = root({})
    (base / "templates").mkdir()
    (base / "templates" / "brief.md.j2").symlink_to("nowhere.j2")
    assert "broken symbolic link" in refused(base)
