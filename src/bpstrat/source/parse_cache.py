"""A content-hash cache of parsed files, for warm runs of lint, score and brief.

Each entry is keyed on the exact text of a file, and the whole cache on the bpstrat
version and the source of the YAML reader, so it is never stale: an edited file has a
new key, a new bpstrat a new cache.

A cache must never be able to change a finding, so it is not kept in the repository (a
pull request could commit one) but in the user's cache folder: $XDG_CACHE_HOME/bpstrat
or ~/.cache/bpstrat (%LOCALAPPDATA%\\bpstrat\\Cache on Windows), one file per strategy
root. Every file is signed with a random per-user key kept beside it (readable by the
user only): a cache bpstrat did not write itself is ignored, whatever its content. It is
plain JSON (never pickle), read only from a regular file (never a FIFO or a link) of
bounded size, and each entry is checked as strictly as a parse (cache_entry.py); anything
unexpected is a miss and the file is parsed again.

Each entry is kept as its own JSON text inside the cache file and decoded only when its
file is read, into objects the strategy then owns alone: a warm run holds no second copy
of the parse, and an entry holds only what a cold parse keeps (the data and the
top-level positions; deeper ones are read again from the text when a finding asks).

`--no-cache` or BPSTRAT_NO_CACHE=1 switch it off; it is also off in CI (CI=true), where
every checkout is fresh.
"""

from __future__ import annotations

# hashlib, hmac and json load only when the cache is in use (not with --no-cache or in CI).
import contextlib
import os
import stat
from pathlib import Path

from bpstrat import __version__
from bpstrat.source import cache_entry, positions, yaml_errors, yaml_fast
from bpstrat.source.cache_entry import BadEntry, Parsed, decode, encode
from bpstrat.source.tree import read_regular
from bpstrat.source.yaml_fast import parse

__all__ = ["ParseCache", "Parsed", "cache_file", "cache_home", "disabled_by_environment"]

MAGIC = b"bpstrat-parse-cache 4\n"
MAX_CACHE_BYTES = 64 * 1024 * 1024
KEY_BYTES = 32


def disabled_by_environment() -> bool:
    """BPSTRAT_NO_CACHE=1, or a CI run: a fresh checkout would only pay to write it."""
    if os.environ.get("BPSTRAT_NO_CACHE", "").strip() not in ("", "0"):
        return True
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


def cache_home() -> Path | None:
    """The user's cache folder for bpstrat, or None when there is no usable one."""
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA", "")
        return Path(local) / "bpstrat" / "Cache" if os.path.isabs(local) else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "bpstrat"
    home = os.path.expanduser("~")
    return Path(home) / ".cache" / "bpstrat" if os.path.isabs(home) else None


def cache_file(root: Path) -> Path | None:
    """Where the cache of the strategy root `root` lives."""
    import hashlib

    home = cache_home()
    if home is None:
        return None
    name = os.path.realpath(root).encode("utf-8", "surrogateescape")
    return home / "parsed" / f"{hashlib.blake2b(name, digest_size=12).hexdigest()}.json"


def _stamp() -> str:
    """Changes whenever bpstrat, its YAML reader or the entry format changes."""
    import hashlib

    reader = b"".join(
        Path(str(module.__file__)).read_bytes()
        for module in (yaml_fast, yaml_errors, positions, cache_entry)
    )
    return f"{__version__}:{hashlib.blake2b(reader, digest_size=8).hexdigest()}"


def _sign(key: bytes, payload: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(payload, key=key, digest_size=32).hexdigest().encode("ascii")


class ParseCache:
    """Parsed documents by content hash; `parse` is the only way in."""

    def __init__(self, root: Path | None) -> None:
        self.path = cache_file(root) if root is not None else None
        self.stamp = _stamp() if self.path is not None else ""
        self.entries: dict[str, str] = {}  # content hash -> the entry's JSON text
        self.used: set[str] = set()
        self.dirty = False
        if self.path is not None:
            self.entries = self._read(self.path)

    def _key(self, create: bool) -> bytes | None:
        """The per-user signing key, made on first write; None when there is none."""
        assert self.path is not None
        key_path = self.path.parent.parent / "key"
        raw = read_regular(str(key_path), KEY_BYTES, follow=False)
        if isinstance(raw, bytes):
            return raw if len(raw) == KEY_BYTES else None
        if not create:
            return None
        key = os.urandom(KEY_BYTES)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            key_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(key_path, flags, 0o600)
        except OSError:
            return None
        with os.fdopen(fd, "wb") as out:
            out.write(key)
        return key

    def _read(self, path: Path) -> dict[str, str]:
        import hmac
        import json

        key = self._key(create=False)
        if key is None:
            return {}
        raw = read_regular(str(path), MAX_CACHE_BYTES, follow=False)
        if isinstance(raw, str) or len(raw) > MAX_CACHE_BYTES or not raw.startswith(MAGIC):
            return {}
        signature, _, payload = raw[len(MAGIC) :].partition(b"\n")
        if not hmac.compare_digest(signature, _sign(key, payload)):
            return {}
        try:
            data = json.loads(payload.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("stamp") != self.stamp:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if isinstance(v, str)}

    def parse(self, text: str) -> Parsed:
        return self.parse_marked(text)[0]

    def parse_marked(self, text: str) -> tuple[Parsed, bool]:
        """The parse, and whether its position tables are whole (a fresh parse) rather
        than the top-level ones a cache entry keeps."""
        if self.path is None:
            return parse(text), True
        import hashlib
        import json

        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        self.used.add(key)
        cached = self.entries.get(key)
        if cached is not None:
            with contextlib.suppress(BadEntry, ValueError, TypeError, RecursionError):
                return decode(json.loads(cached)), False
            # a damaged entry: parse again and replace it
        result = parse(text)
        try:
            self.entries[key] = json.dumps(encode(result), separators=(",", ":"))
        except (ValueError, TypeError, RecursionError):
            self.entries.pop(key, None)  # data JSON cannot hold as it is: not cached
        self.dirty = True
        return result, True

    def save(self) -> None:
        """Write the entries used in this run (others are dropped); never fails."""
        if self.path is None or not (self.dirty or set(self.entries) != self.used):
            return
        import json

        from bpstrat.source.atomic import write_atomic

        kept = {k: v for k, v in self.entries.items() if k in self.used}
        payload = json.dumps({"stamp": self.stamp, "entries": kept}, separators=(",", ":"))
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not stat.S_ISDIR(os.lstat(self.path.parent).st_mode):
                return
            key = self._key(create=True)
            if key is None:
                return
            signature = _sign(key, payload.encode("utf-8"))
            write_atomic(self.path, (MAGIC + signature + b"\n").decode("ascii") + payload)
