"""The top-level `bpstrat --help`, rendered ahead of time so it prints instantly.

Rendering it live means importing typer and building every command from its signature;
the text is the same every time for terminals of 80 columns and more (click caps help
at 80). A test checks that HELP matches what typer renders, so it cannot go stale:
regenerate with
`BPSTRAT_UPDATE_GOLDEN=1 python -m pytest tests/cli/test_app.py`.
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
  brief    Render the strategy brief (stdout, or -o FILE), or a letter...
  agenda   List what is due: reviews, next steps, revisits, needed-by...
  measure  Record a measured value of a goal's metric, keeping every...
  schema   Print the JSON Schema (draft 2020-12) of the strategy files,...
  fmt      Format the strategy files canonically, keeping every comment...
  init     Start a strategy: bpstrat.yaml and one commented example of...
  new      Add an entity file from a commented skeleton, in the kind's...
  diff     Compare the strategy at two git revisions: entities, choices,...
  rules    List every finding code: name, default severity and summary.
  rule     Explain one finding code: what it checks, why, and failing and...
"""
