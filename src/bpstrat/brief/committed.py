"""The brief as it was written before: read back for `brief --check`, and the as-of date
it records (so checking a committed brief needs no --today and never goes out of date
because a day passed)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bpstrat.errors import UsageError

# The machine-readable date every brief and letter records, in any language; briefs
# written before it record the date only in their `| As of |` row.
_AS_OF = re.compile(r"^<!-- bpstrat: as-of (\d{4}-\d{2}-\d{2}) -->$", re.M)
_AS_OF_ROW = re.compile(r"^\| As of \| (\d{4}-\d{2}-\d{2}) \|$", re.M)


def read_committed(output: Path) -> str | None:
    """The text of the brief at `output`, or None when there is none yet."""
    if output.exists() and not output.is_file():
        # A FIFO or device would block or never end: compare with regular files only.
        raise UsageError(f"{output} is not a regular file; --check compares with a file")
    try:
        return output.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {output}: {error}") from None


def recorded_as_of(brief: str) -> dt.date | None:
    """The as-of date a rendered brief records, if it records one."""
    found = _AS_OF.search(brief) or _AS_OF_ROW.search(brief)
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None
