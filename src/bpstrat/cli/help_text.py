"""The top-level `bpstrat --help`, rendered ahead of time so it prints instantly.

Rendering it live means importing typer and building every command from its signature;
the text is the same every time for terminals of 80 columns and more (click caps help
at 80). A test checks that HELP matches what typer renders, so it cannot go stale:
regenerate with `python -m bpstrat.cli.help_text`.
"""

from __future__ import annotations

WIDTH = 80

HELP = """\
Usage: bpstrat [OPTIONS] COMMAND [ARGS]...

  Keep the product strategy of a backend product as YAML in git: lint it,
  score conflicting consumer demands, render the strategy brief.

Options:
  --version             Print the version and exit.
  --install-completion  Install completion for the current shell.
  --show-completion     Show completion for the current shell, to copy it or
                        customize the installation.
  --help                Show this message and exit.

Commands:
  lint     Check the strategy files: syntax, fields, references and...
  score    Weigh consumers' conflicting demands: support, choice,...
  brief    Render the Markdown strategy brief (stdout, or -o FILE), or a...
  measure  Record a measured value of a goal's metric, keeping every...
  schema   Print the JSON Schema (draft 2020-12) of the strategy files,...
  fmt      Format the strategy files canonically, keeping every comment...
  init     Start a strategy: bpstrat.yaml and one commented example of...
  new      Add an entity file from a commented skeleton, in the kind's...
  diff     Compare the strategy at two git revisions: entities, choices,...
  rules    List every finding code: name, default severity and summary.
  rule     Explain one finding code: what it checks, why, and failing and...
"""


def render_live() -> str:
    """What typer prints for `bpstrat --help` in a terminal of WIDTH columns."""
    import os
    import subprocess
    import sys

    code = "import sys; sys.argv = ['bpstrat', '--help']; from bpstrat.cli.app import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(WIDTH)},
        check=True,
    )
    return result.stdout


def regenerate() -> None:
    """Rewrite HELP in this file from typer's live rendering."""
    from pathlib import Path

    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    start = text.index('HELP = """\\\n') + len('HELP = """\\\n')
    end = text.index('"""', start)
    path.write_text(text[:start] + render_live() + text[end:], encoding="utf-8")


if __name__ == "__main__":
    regenerate()
