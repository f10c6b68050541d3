"""Where the packaged templates (brief, init files, skeletons) are on disk."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def packaged_templates() -> Path:
    """templates/ inside the installed package, or at the top of a source checkout."""
    inside = _PACKAGE / "templates"
    if inside.is_dir():
        return inside
    return _PACKAGE.parents[1] / "templates"
