"""The package's shape: layers that only import downwards, one table per list, and
command-line behaviour that every command shares (exit codes, formats, kinds)."""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpstrat.cli.app import app
from bpstrat.lint.codes import CODES
from bpstrat.lint.rules import RULES
from bpstrat.model.kinds import KINDS
from bpstrat.report.formats import DIFF, LINT, SCORE
from tests.helpers import EXAMPLES

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "bpstrat"

# Lower numbers are lower layers; a module may import its own layer and those below.
LAYERS = {
    "bpstrat": 0,
    "bpstrat.errors": 0,
    "bpstrat.findings": 0,
    "bpstrat.source": 1,
    "bpstrat.model": 2,
    "bpstrat.score": 3,
    "bpstrat.catalog": 3,
    "bpstrat.lint": 4,
    "bpstrat.agenda": 5,
    "bpstrat.brief": 5,
    "bpstrat.diff": 5,
    "bpstrat.history": 5,
    "bpstrat.edit": 5,
    "bpstrat.report": 6,
    "bpstrat.cli": 7,
    "bpstrat.entry": 8,
    "bpstrat.__main__": 8,
}


def layer(module: str) -> int:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        found = LAYERS.get(".".join(parts[:n]))
        if found is not None:
            return found
    raise AssertionError(f"{module} belongs to no layer: add its folder to LAYERS")


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        out.append((name.removesuffix(".__init__"), path))
    return out


@functools.cache
def _read(path: Path) -> tuple[tuple[str, ...], frozenset[str]]:
    """What a module imports (absolute module names, in order) and the names of everything
    it calls (`x.read_text()` -> read_text) or imports: one parse of each module serves
    every check below."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: list[str] = []
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                names.add(func.attr)
            elif isinstance(func, ast.Name):
                names.add(func.id)
        elif isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.level == 0:
                modules.append(node.module)
            names.add(node.module.split(".")[0])
            names.update(alias.name for alias in node.names)
    return tuple(modules), frozenset(names)


def imported(path: Path) -> list[str]:
    return [name for name in _read(path)[0] if name == "bpstrat" or name.startswith("bpstrat.")]


def test_no_import_runs_up_the_layers() -> None:
    wrong = [
        f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})"
        for name, path in modules()
        for target in imported(path)
        if layer(target) > layer(name)
    ]
    assert wrong == []


def test_every_module_sits_in_a_layer_folder() -> None:
    flat = [name for name, path in modules() if name.count(".") == 1 and path.name != "__init__.py"]
    assert sorted(flat) == [
        "bpstrat.__main__",
        "bpstrat.entry",
        "bpstrat.errors",
        "bpstrat.findings",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["init", "new"])
def test_init_and_new_load_neither_jinja_nor_the_linter(command: str) -> None:
    code = (
        "import sys, bpstrat.cli.init; "
        "bad = [m for m in sys.modules if m == 'jinja2' or m.startswith('bpstrat.lint')]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_the_code_table_is_complete_on_import() -> None:
    code = "from bpstrat.lint.codes import CODES; print(len(CODES))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == len(CODES)
    assert set(RULES) <= set(CODES)


runner = CliRunner()


def test_format_choices_come_from_the_report_registries() -> None:
    for command, registry in (("lint", LINT), ("score", SCORE)):
        result = runner.invoke(app, [command, str(EXAMPLES / "customer-data"), "-f", "nope"])
        assert result.exit_code == 2
        assert all(name in result.output for name in registry)
    result = runner.invoke(app, ["diff", "--help"], env={"COLUMNS": "200"})
    assert all(name in result.output for name in DIFF)


def test_kind_lists_come_from_the_kinds_table() -> None:
    help_text = runner.invoke(app, ["new", "--help"], env={"COLUMNS": "200"}).output
    assert all(kind in help_text for kind in KINDS)
    for kind in KINDS:
        result = runner.invoke(app, ["schema", "--kind", kind])
        assert result.exit_code == 0 and f'"bpstrat {kind}"' in result.output


def test_an_internal_error_exits_3_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import bpstrat.cli.lint

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(bpstrat.cli.lint, "run_lint", broken)
    monkeypatch.delenv("BPSTRAT_DEBUG", raising=False)
    result = runner.invoke(app, ["lint", str(EXAMPLES / "customer-data")])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "a bug in bpstrat" in lines[0] and "BPSTRAT_DEBUG=1" in lines[0]
    assert "Traceback" not in result.stderr

    monkeypatch.setenv("BPSTRAT_DEBUG", "1")
    result = runner.invoke(app, ["lint", str(EXAMPLES / "customer-data")])
    assert result.exit_code == 3
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr


def test_bad_input_stays_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lint", str(tmp_path)])
    assert result.exit_code == 2 and "no bpstrat.yaml" in result.stderr


def test_today_is_shown_by_the_commands_that_use_it() -> None:
    example = str(EXAMPLES / "customer-data")
    text = runner.invoke(app, ["lint", example, "--today", "2026-11-20"]).output
    assert "as of 2026-11-20" in text.splitlines()[-1]
    data = runner.invoke(app, ["lint", example, "-f", "json", "--today", "2026-11-20"]).output
    assert '"today": "2026-11-20"' in data
    brief = runner.invoke(app, ["brief", example, "--today", "2026-11-21"]).output
    assert "| As of | 2026-11-21 |" in brief


# What reads files, runs processes or reads the clock, by the name it is called by.
FILE_ACCESS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "iterdir",
    "glob",
    "rglob",
    "scandir",
    "listdir",
    "walk",
    "stat",
    "lstat",
}
PROCESSES = {"subprocess", "run_git", "Popen", "system", "popen"}
CLOCK = {"today", "now", "utcnow", "time", "monotonic", "perf_counter"}


def _calls(path: Path) -> frozenset[str]:
    """The names of everything a module calls (`x.read_text()` -> read_text) or imports."""
    return _read(path)[1]


def _package_modules(folder: str) -> list[tuple[str, Path]]:
    return [(name, path) for name, path in modules() if name.startswith(f"bpstrat.{folder}.")]


# os.open(os.devnull): a command silences a closed pipe; it reads no file.
ALLOWED = {"bpstrat.cli.failures": {"open"}}


def test_no_command_module_reads_files_or_calls_git_itself() -> None:
    wrong = {}
    for name, path in _package_modules("cli"):
        found = (_calls(path) & (FILE_ACCESS | PROCESSES)) - ALLOWED.get(name, set())
        if found:
            wrong[name] = sorted(found)
    assert wrong == {}


def test_the_score_layer_has_no_clock_and_no_file_access() -> None:
    wrong = {
        name: sorted(_calls(path) & (FILE_ACCESS | PROCESSES | CLOCK | {"load_strategy"}))
        for name, path in _package_modules("score")
        if _calls(path) & (FILE_ACCESS | PROCESSES | CLOCK | {"load_strategy"})
    }
    assert wrong == {}


def test_the_clock_is_read_in_one_place() -> None:
    readers = sorted(
        name
        for name, path in modules()
        if "today" in _calls(path) and "date.today()" in path.read_text(encoding="utf-8")
    )
    assert readers == ["bpstrat.cli.options"]


def test_the_checks_above_see_what_they_look_for(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import subprocess, datetime as dt\n"
        "def f(p):\n    return p.read_text(), dt.date.today(), subprocess.run(['git'])\n",
        encoding="utf-8",
    )
    assert {"read_text", "today", "subprocess", "run"} <= _calls(probe)


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [["lint", str(EXAMPLES / "customer-data")], ["brief", str(EXAMPLES / "customer-data")]],
)
def test_lint_and_the_markdown_brief_load_no_chart_html_or_pdf_code(argv: list[str]) -> None:
    """Charts, markdown-it and WeasyPrint are imported only by the formats that use them."""
    code = (
        "import sys, contextlib, io\n"
        "from bpstrat.entry import main\n"
        f"sys.argv = ['bpstrat', *{argv!r}, '--today', '2026-11-20']\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()\n"
        "names = ('bpstrat.brief.charts', 'bpstrat.brief.html', 'markdown_it', 'weasyprint')\n"
        "print(sorted(m for m in sys.modules if m.startswith(names)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
