"""The console-script entry point: answers `--version` and `--help` before importing
anything heavy, and plain `lint` and `agenda` run without the command-line framework.

The cycle collector is paused from the start: importing builds many objects and no
garbage, and a collection would scan them all again. Plain `lint` keeps it paused until
its load of the strategy is done (bpstrat.model.load.freeze_after_load); every other
command resumes it before the command-line framework starts."""

from __future__ import annotations

import gc
import sys
import types


def main() -> None:
    gc.disable()
    without_pydantic_plugins()
    if sys.argv[1:] == ["--version"]:
        from bpstrat import __version__

        sys.stdout.write(f"bpstrat {__version__}\n")
        return
    if sys.argv[1:] == ["--help"]:
        import shutil

        from bpstrat.cli.help_text import HELP, WIDTH

        if shutil.get_terminal_size().columns >= WIDTH:  # what click would measure
            sys.stdout.write(HELP)
            return
    if sys.argv[1:2] == ["lint"]:
        from bpstrat.cli.quick_lint import parse, run

        request = parse(sys.argv[2:])
        if request is not None:
            from bpstrat.cli.failures import tolerant_streams

            tolerant_streams()
            sys.exit(run(request))
    if sys.argv[1:2] == ["agenda"]:
        from bpstrat.cli import quick_agenda

        plain = quick_agenda.parse(sys.argv[2:])
        if plain is not None:
            from bpstrat.cli.failures import tolerant_streams

            tolerant_streams()
            sys.exit(quick_agenda.run(plain))
    gc.enable()
    from bpstrat.cli.app import main as cli_main

    cli_main()


def without_pydantic_plugins() -> None:
    """Validate with pydantic alone, without third-party pydantic plugins.

    pydantic looks for plugins (observability hooks) in the metadata of every installed
    package the first time it builds a model; importing the package-metadata machinery
    alone costs a tenth of a lint of a small root. bpstrat validates its own files and
    has no use for them, so its console script answers that lookup with "none"."""
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # get_plugins() -> ()
    # Anything else a pydantic version asks of the module comes from the real one, so a
    # pydantic that uses more of it still works (only slower to start).
    setattr(loader, "__getattr__", _real_loader_attribute)  # noqa: B010  # module __getattr__
    sys.modules.setdefault("pydantic.plugin._loader", loader)


def _real_loader_attribute(name: str) -> object:
    if name.startswith("__"):
        raise AttributeError(name)  # module machinery asking, not pydantic
    import importlib.util
    import os

    import pydantic.plugin

    path = os.path.join(next(iter(pydantic.plugin.__path__)), "_loader.py")
    spec = importlib.util.spec_from_file_location("bpstrat._pydantic_plugin_loader", path)
    if spec is None or spec.loader is None:
        raise AttributeError(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    value: object = getattr(module, name)
    return value
