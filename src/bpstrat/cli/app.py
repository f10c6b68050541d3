"""The command line: each command declares its flags and calls one function.

Heavy modules (the model, the rules, formatters, Jinja) are imported inside the commands
so `bpstrat --version` and `--help` start instantly.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from bpstrat import __version__
from bpstrat.cli.failures import exit_code_for, tolerant_streams
from bpstrat.cli.options import parse_today
from bpstrat.findings import LEVELS
from bpstrat.model.kinds import KINDS
from bpstrat.report.formats import AGENDA, CATALOG, DIFF, HISTORY, LINT, SCORE, Format, choices

app = typer.Typer(
    name="bpstrat",
    help="Keep the product strategy of a backend product as YAML in git: lint it, score "
    "conflicting consumer demands, render the strategy brief.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])


def exits(func: F) -> F:
    """Turn user errors into exit code 2 with a message, and bugs into exit code 3 with
    one line (the traceback with BPSTRAT_DEBUG=1): never a bare traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except (Exception, KeyboardInterrupt) as error:
            raise typer.Exit(exit_code_for(error)) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bpstrat {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Keep the product strategy of a backend product as YAML in git."""


def format_option(registry: Mapping[str, Format[object]]) -> Any:
    """A --format option whose choices come from a report registry."""

    def check(value: Optional[str]) -> Optional[str]:
        if value is not None and value not in registry:
            raise typer.BadParameter(f"{value!r} is not one of {choices(registry)}")
        return value

    listed = "; ".join(f"{f.name}: {f.summary}" for f in registry.values())
    option = typer.Option(
        "--format",
        "-f",
        help=f"{choices(registry)} ({listed}).",
        callback=check,
        autocompletion=lambda: list(registry),
    )
    return option


FailOn = enum.Enum(  # type: ignore[misc]  # members come from findings.LEVELS
    "FailOn", {level: level for level in LEVELS}, type=str
)


PathArg = Annotated[
    Path,
    typer.Argument(metavar="PATH", help="The strategy root, or any folder or file inside it."),
]
TodayOpt = Annotated[
    Optional[str],
    typer.Option("--today", help="The date to judge dates against (YYYY-MM-DD); default: today."),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Do not use or update the parse cache (also BPSTRAT_NO_CACHE=1)."
    ),
]


@app.command()
@exits
def lint(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(
            metavar="[PATH]...",
            help="The strategy root, a folder in it, or files inside it (default: the current "
            "folder). The whole root is always checked; when only files are named (as "
            "pre-commit passes them), only their findings are reported, bpstrat.yaml's only "
            "when it is named.",
        ),
    ] = None,
    format: Annotated[Optional[str], format_option(LINT)] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this level.")
    ] = FailOn("error"),
    today: TodayOpt = None,
    baseline: Annotated[
        Optional[Path],
        typer.Option("--baseline", help="Report only findings not recorded in this baseline file."),
    ] = None,
    write_baseline: Annotated[
        Optional[Path],
        typer.Option(
            "--write-baseline", help="Record the current findings in this file and exit 0."
        ),
    ] = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check the strategy files: syntax, fields, references and strategy practice."""
    from bpstrat.cli.lint import run_lint

    code = run_lint(
        paths or [Path(".")],
        format=format,
        fail_on=str(fail_on.value),
        today=parse_today(today),
        baseline=baseline,
        write_to=write_baseline,
        cache=not no_cache,
    )
    raise typer.Exit(code)


@app.command()
@exits
def score(
    path: PathArg = Path("."),
    format: Annotated[str, format_option(SCORE)] = "text",
    dimension: Annotated[
        Optional[str], typer.Option("--dimension", "-d", help="Show only this dimension.")
    ] = None,
    what_if: Annotated[
        Optional[list[str]],
        typer.Option(
            "--what-if",
            metavar="CONSUMER=FACTOR",
            help="Multiply a consumer's weight (repeatable) and show what changes.",
        ),
    ] = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Weigh consumers' conflicting demands: support, choice, conflict and robustness."""
    from bpstrat.cli.score import run_score

    raise typer.Exit(
        run_score(
            path,
            format=format,
            dimension=dimension,
            what_if=what_if or [],
            cache=not no_cache,
            today=parse_today(today),
        )
    )


@app.command()
@exits
def brief(
    path: PathArg = Path("."),
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write the brief to this file (atomically)."),
    ] = None,
    template: Annotated[
        Optional[Path], typer.Option("--template", help="Render with this Jinja template instead.")
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 if -o FILE differs from the brief; write nothing."),
    ] = False,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", help="Write in en, de or nl (default: brief.lang in bpstrat.yaml, else en)."
        ),
    ] = None,
    recipient: Annotated[
        Optional[str],
        typer.Option(
            "--for",
            metavar="consumer:ID|stakeholder:ID",
            help="Write the one-page letter to this consumer, or about this stakeholder.",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="markdown|html|pdf",
            help="markdown (default); html: one self-contained page with its charts; "
            'pdf: that page printed on A4 (needs pip install "bpstrat[pdf]"; -o FILE).',
        ),
    ] = "markdown",
    charts: Annotated[
        Optional[Path],
        typer.Option(
            "--charts",
            metavar="DIR",
            help="Write the charts as SVG files into DIR; the Markdown brief shows them.",
        ),
    ] = None,
    audience: Annotated[
        Optional[str],
        typer.Option(
            "--audience",
            metavar="executive|team",
            help="Who the brief is for: team (everything) or executive (two pages: the ask, "
            "the return, the decisions, the trend and the top risks; default: brief.audience "
            "in bpstrat.yaml, else team).",
        ),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            metavar="REV|last",
            help="Add what changed since this git revision; last: the commit that last "
            "changed -o FILE.",
        ),
    ] = None,
) -> None:
    """Render the strategy brief (stdout, or -o FILE), or a letter (--for): Markdown,
    HTML or PDF."""
    from bpstrat.cli.brief import run_brief

    code = run_brief(
        path,
        output=output,
        template=template,
        check=check,
        today=parse_today(today),
        cache=not no_cache,
        lang=lang,
        recipient=recipient,
        output_format=output_format,
        charts=charts,
        audience=audience,
        since=since,
    )
    raise typer.Exit(code)


@app.command()
@exits
def agenda(
    path: PathArg = Path("."),
    days: Annotated[
        int,
        typer.Option("--days", min=0, help="List what is due up to this many days after today."),
    ] = 30,
    format: Annotated[str, format_option(AGENDA)] = "text",
    today: TodayOpt = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write to this file (atomically) instead."),
    ] = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """List what is due: reviews, next steps, revisits, needed-by dates, measurements."""
    from bpstrat.cli.agenda import run_agenda

    raise typer.Exit(
        run_agenda(
            path,
            days=days,
            format=format,
            today=parse_today(today),
            output=output,
            cache=not no_cache,
        )
    )


@app.command()
@exits
def catalog(
    path: PathArg = Path("."),
    format: Annotated[str, format_option(CATALOG)] = "text",
) -> None:
    """List the service catalog's consumers of the product and the strategy's consumer
    each one is (catalog: in bpstrat.yaml)."""
    from bpstrat.cli.catalog import run_catalog

    raise typer.Exit(run_catalog(path, format=format))


@app.command()
@exits
def measure(
    goal: Annotated[str, typer.Argument(metavar="GOAL", help="The goal's id.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The measured value, e.g. 420.")],
    path: PathArg = Path("."),
    date: Annotated[
        Optional[str],
        typer.Option("--date", help="When it was measured (YYYY-MM-DD); default: today."),
    ] = None,
    today: TodayOpt = None,
) -> None:
    """Record a measured value of a goal's metric, keeping every comment."""
    from bpstrat.cli.measure import run_measure

    raise typer.Exit(run_measure(path, goal=goal, value=value, date=date, today=parse_today(today)))


SchemaKind = enum.Enum(  # type: ignore[misc]  # members come from the KINDS table
    "SchemaKind", {name: name for name in ("entity", "bpstrat", *KINDS)}, type=str
)


@app.command()
@exits
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option(
            "--kind", help="entity (any kind, by its `kind`), bpstrat (bpstrat.yaml) or one kind."
        ),
    ] = SchemaKind("entity"),
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown",
            help="Print the field reference of bpstrat.yaml and every kind as Markdown instead; "
            "with -o, an existing file's generated part is replaced and the rest kept.",
        ),
    ] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the strategy files, for editors and CI."""
    from bpstrat.cli.schema import run_schema

    raise typer.Exit(run_schema(str(kind.value), output, markdown))


@app.command()
@exits
def fmt(
    path: PathArg = Path("."),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a file would change.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print what would change as a diff; write nothing.")
    ] = False,
) -> None:
    """Format the strategy files canonically, keeping every comment and value.

    A file is written only if it reads back to the same data and comments; a file fmt
    cannot rewrite safely is left as is, with the reason on stderr (exit 0).
    """
    from bpstrat.cli.fmt import run_fmt

    raise typer.Exit(run_fmt(path, check, diff))


@app.command()
@exits
def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="The folder to make a strategy root.")
    ] = Path("."),
    name: Annotated[Optional[str], typer.Option("--name", help="The product's name.")] = None,
    pre_commit: Annotated[
        bool, typer.Option("--pre-commit", help="Also write a .pre-commit-config.yaml.")
    ] = False,
    github_actions: Annotated[
        bool, typer.Option("--github-actions", help="Also write a GitHub Actions workflow.")
    ] = False,
    today: TodayOpt = None,
) -> None:
    """Start a strategy: bpstrat.yaml and one commented example of each kind."""
    from bpstrat.cli.init import run_init

    code = run_init(
        folder,
        name=name,
        pre_commit=pre_commit,
        github_actions=github_actions,
        today=parse_today(today),
    )
    raise typer.Exit(code)


@app.command()
@exits
def new(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"{', '.join(KINDS)}.")],
    id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[ID]",
            help="The new entity's id (a slug such as checkout-web); with --from-catalog, "
            "the catalog entity's name when left out.",
        ),
    ] = None,
    path: PathArg = Path("."),
    name: Annotated[Optional[str], typer.Option("--name", help="Its name or title.")] = None,
    today: TodayOpt = None,
    from_catalog: Annotated[
        Optional[str],
        typer.Option(
            "--from-catalog",
            metavar="REF",
            help="Write a consumer from this consumer product of the service catalog (e.g. "
            "system:default/checkout): id, name, `catalog:`, owner and description.",
        ),
    ] = None,
) -> None:
    """Add an entity file from a commented skeleton, in the kind's usual folder."""
    from bpstrat.cli.init import run_new

    raise typer.Exit(
        run_new(
            path,
            kind=kind,
            id_=id,
            name=name,
            today=parse_today(today),
            from_catalog=from_catalog,
        )
    )


@app.command()
@exits
def diff(
    base: Annotated[
        str, typer.Argument(metavar="BASE", help="The git revision to compare from (e.g. main).")
    ],
    head: Annotated[
        Optional[str],
        typer.Argument(
            metavar="HEAD", help="The revision to compare to; the working tree when left out."
        ),
    ] = None,
    path: Annotated[
        Optional[Path], typer.Argument(metavar="PATH", help="The strategy root or a folder in it.")
    ] = None,
    format: Annotated[str, format_option(DIFF)] = "text",
    today: TodayOpt = None,
    affected: Annotated[
        bool,
        typer.Option(
            "--affected",
            help="List only the consumers and stakeholders the change concerns, and why.",
        ),
    ] = False,
) -> None:
    """Compare the strategy at two git revisions: entities, choices, coalition, findings."""
    from bpstrat.cli.diff import run_diff

    code = run_diff(base, head, path, format=format, today=parse_today(today), affected=affected)
    raise typer.Exit(code)


@app.command()
@exits
def history(
    path: PathArg = Path("."),
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            metavar="REV|YYYY-MM-DD",
            help="Only commits after this revision, or committed on or after this date.",
        ),
    ] = None,
    until: Annotated[
        str,
        typer.Option("--until", metavar="REV", help="The last commit to read (default: HEAD)."),
    ] = "HEAD",
    format: Annotated[str, format_option(HISTORY)] = "text",
) -> None:
    """The strategy at every commit that changed it: coalition, choices, goals, findings."""
    from bpstrat.cli.history import run_history

    raise typer.Exit(run_history(path, since=since, until=until, format=format))


@app.command("rules")
@exits
def rules_(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print docs/rules.md instead.")
    ] = False,
) -> None:
    """List every finding code: name, default severity and summary."""
    from bpstrat.cli.rules import list_rules

    raise typer.Exit(list_rules(markdown))


@app.command()
@exits
def rule(
    code: Annotated[
        str, typer.Argument(metavar="CODE", help="A code such as BP406, or a rule name.")
    ],
) -> None:
    """Explain one finding code: what it checks, why, and failing and passing examples."""
    from bpstrat.cli.rules import show_rule

    raise typer.Exit(show_rule(code))


def main() -> None:
    """Console-script entry point."""
    from bpstrat.model.load import freeze_after_load

    freeze_after_load()  # this process runs one command and exits
    tolerant_streams()
    app(prog_name="bpstrat")
