"""Templates from a strategy root (or a --template folder) are read like entity files.

A template the root provides, and every file it reaches with `{% include %}`,
`{% import %}` or `{% extends %}`, is opened only after its real path is checked: it must
be inside the folder it belongs to (the strategy root for `templates/`), a regular file,
at most MAX_TEMPLATE_BYTES, and UTF-8. A link to `/proc/self/environ` or to a file outside
is refused with `TemplateRefused`, never read, so its content cannot reach the brief.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path

from bpstrat.source.tree import MAX_FILE_BYTES, OUTSIDE, inside, read_regular

MAX_TEMPLATE_BYTES = MAX_FILE_BYTES


class TemplateRefused(Exception):
    """A template file that may not be read: outside its folder, not regular, too large."""


class CheckedLoader(BaseLoader):
    """Templates below `folder` whose real path is inside `real_root`.

    `shown` is how the folder is named in messages (`templates` for the root's own)."""

    def __init__(self, folder: str, real_root: str, shown: str) -> None:
        self.folder = folder
        self.real_root = real_root
        self.shown = shown

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses `..` and separators
        filename = os.path.join(self.folder, *pieces)
        if not os.path.lexists(filename):
            raise TemplateNotFound(template)
        shown = "/".join((self.shown, *pieces))
        try:
            real = os.path.realpath(filename)
        except (OSError, ValueError) as error:
            raise TemplateRefused(f"template {shown}: cannot be read ({error})") from None
        if not inside(real, self.real_root):
            raise TemplateRefused(f"template {shown}: {OUTSIDE}")
        raw = read_regular(real, MAX_TEMPLATE_BYTES)
        if isinstance(raw, str):
            raise TemplateRefused(f"template {shown}: {raw}")
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise TemplateRefused(
                f"template {shown}: larger than {MAX_TEMPLATE_BYTES // 1024} KiB; not read"
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise TemplateRefused(
                f"template {shown}: not UTF-8 text (byte {raw[error.start]:#04x}); save it as UTF-8"
            ) from None
        mtime = _mtime(real)

        def uptodate() -> bool:
            return _mtime(real) == mtime and os.path.realpath(filename) == real

        return text, real, uptodate


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except (OSError, ValueError):
        return None


__all__ = ["MAX_TEMPLATE_BYTES", "CheckedLoader", "TemplateRefused"]
