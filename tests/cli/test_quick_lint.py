"""Plain `bpstrat lint` runs without Typer and answers exactly as the Typer command does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bpstrat.cli.quick_lint import parse

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLE = str(REPO / "examples" / "pricing-platform")


def test_plain_invocations_are_answered_directly() -> None:
    request = parse([EXAMPLE, "--format", "json", "--today", "2026-11-20", "--no-cache"])
    assert request is not None
    assert (request.paths, request.format, request.cache) == ([Path(EXAMPLE)], "json", False)
    assert request.today is not None and request.today.isoformat() == "2026-11-20"
    request = parse(["-f", "sarif", "--fail-on", "warning"])
    assert request is not None and request.paths == [] and request.fail_on == "warning"
    request = parse(["a.yaml", "b.yaml", "--no-cache"])
    assert request is not None and request.paths == [Path("a.yaml"), Path("b.yaml")]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--format=json"],
        ["--format", "yaml"],
        ["--fail-on", "fatal"],
        ["--today", "tomorrow"],
        ["--today"],
        ["--baseline", "b.json"],
        ["--", "a"],
        [""],
        ["--unknown"],
    ],
)
def test_everything_else_goes_through_typer(args: list[str]) -> None:
    assert parse(args) is None


def run(entry: str, args: list[str], cwd: Path) -> tuple[int, str, str, bool]:
    """Exit code, stdout, stderr and whether Typer was imported."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write(f\"\\ntyper={'typer' in sys.modules}\"))\n"
        f"sys.argv = ['bpstrat', *{args!r}]\n"
        f"from {entry} import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "BPSTRAT_NO_CACHE": "1", "NO_COLOR": "1"},
    )
    stderr, _, typer = done.stderr.rpartition("\ntyper=")
    return done.returncode, done.stdout, stderr, typer == "True"


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["lint", EXAMPLE, "--today", "2026-11-20"],
        ["lint", EXAMPLE, "--today", "2030-01-01", "--fail-on", "info"],
        ["lint", EXAMPLE, "-f", "json", "--today", "2026-11-20"],
        ["lint", EXAMPLE, "--format", "sarif", "--today", "2026-11-20", "--no-cache"],
        ["lint", "does-not-exist", "--today", "2026-11-20"],
        ["lint", "--today", "2026-11-20"],
        [
            "lint",
            f"{EXAMPLE}/consumers",
            f"{EXAMPLE}/bpstrat.yaml",
            "/tmp/not-in-a-root.yaml",
            "--today",
            "2030-01-01",
        ],
    ],
)
def test_direct_lint_answers_as_typer_does(args: list[str], tmp_path: Path) -> None:
    code, out, err, typer = run("bpstrat.entry", args, tmp_path)
    assert not typer
    assert run("bpstrat.cli.app", args, tmp_path) == (code, out, err, True)
    assert code in (0, 1, 2)
    assert "Traceback" not in err


@pytest.mark.slow
def test_console_script_skips_the_pydantic_plugin_lookup(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['bpstrat', 'lint', {EXAMPLE!r}, '--today', '2026-11-20']\n"
        "from bpstrat.entry import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('METADATA', 'importlib.metadata' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "BPSTRAT_NO_CACHE": "1"},
    )
    assert done.returncode in (0, 1)
    assert "METADATA False" in done.stderr
