"""A Jinja sandbox with bounds: a template from a pull request cannot hang or exhaust memory.

SandboxedEnvironment already keeps a template away from files and Python internals. A
template can still loop for hours, build a gigabyte string or recurse without end;
`BoundedEnvironment` caps `range`, format widths, repetition and the sizes filters pad
to, and `render_bounded` stops a render past a size or time budget. Each limit raises
`TemplateLimitError`, reported with the template line as a usage error.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from jinja2 import Template
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

MAX_RANGE = 100_000  # items one `range()` may yield
MAX_SIZE = 10_000_000  # characters of one built value or of the whole output
MAX_WIDTH = 10_000  # a width, precision or padding a format or filter may ask for
MAX_EXPONENT = 10_000  # `**` exponent limit: 10**10**9 would compute for hours
TIME_BUDGET = 10.0  # seconds one render may take

_LONG_NUMBER = re.compile("[0-9]{" + str(len(str(MAX_WIDTH))) + ",}")  # 5+ digits
_NESTED_SPEC = re.compile(r"\{[^{}]*:[^{}]*\{")  # `{:{width}}`
_SIZED_FILTERS = (
    "center",
    "indent",
    "wordwrap",
    "truncate",
    "batch",
    "slice",
    "format",
    "join",
    "replace",
)
MEMORY_HEADROOM = 2 * 1024**3  # bytes a render may add to the process's address space


class TemplateLimitError(Exception):
    """A template went past one of the sandbox's bounds."""


def _check_format(text: object) -> None:
    if isinstance(text, str) and any(
        int(digits) > MAX_WIDTH for digits in _LONG_NUMBER.findall(text)
    ):
        raise TemplateLimitError(
            f"a format width or precision above {MAX_WIDTH} is not allowed in a template"
        )


def _check_number(value: object, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise TemplateLimitError(f"{what} {value} is above the template limit of {MAX_WIDTH}")


def _check_size(value: object) -> None:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_SIZE:
        raise TemplateLimitError(f"a value of more than {MAX_SIZE} characters or items")


_VIEW_FIELDS: dict[type, frozenset[str]] = {}


def _view_fields(cls: type) -> frozenset[str]:
    """The data fields of a view the brief builds (brief/context.py), else nothing."""
    found = _VIEW_FIELDS.get(cls)
    if found is None:
        ours = cls.__module__.startswith("bpstrat.brief.") and dataclasses.is_dataclass(cls)
        found = frozenset(f.name for f in dataclasses.fields(cls)) if ours else frozenset()
        _VIEW_FIELDS[cls] = found
    return found


class BoundedEnvironment(SandboxedEnvironment):
    """SandboxedEnvironment with bounded range, repetition, powers, formats and filters."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.deadline = time.monotonic() + TIME_BUDGET
        self.globals["range"] = self._range
        for name in _SIZED_FILTERS:
            if name in self.filters:
                self.filters[name] = self._sized(name, self.filters[name])

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"the template ran past its {TIME_BUDGET:g} s time budget")

    def _range(self, *args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateLimitError(f"range() of more than {MAX_RANGE} items")
        for number in numbers:
            self.check_time()
            yield number

    def _sized(self, name: str, function: Callable[..., object]) -> Callable[..., object]:
        def bounded(*args: object, **kwargs: object) -> object:
            for value in (*args[1:], *kwargs.values()):
                _check_number(value, f"|{name} size")
            if name == "format" and args:
                _check_format(args[0])
            result = function(*args, **kwargs)
            _check_size(result)
            return result

        passed: object = getattr(function, "jinja_pass_arg", None)
        if passed is not None:
            bounded.jinja_pass_arg = passed  # type: ignore[attr-defined]  # Jinja reads it
        return bounded

    def call_binop(self, context: Context, operator_: str, left: object, right: object) -> object:
        if operator_ == "*":
            for sized, count in ((left, right), (right, left)):
                if (
                    isinstance(sized, (str, list, tuple))
                    and isinstance(count, int)
                    and len(sized) * count > MAX_SIZE
                ):
                    raise TemplateLimitError(
                        f"repeating a value to more than {MAX_SIZE} characters or items"
                    )
        elif operator_ == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise TemplateLimitError(f"an exponent above {MAX_EXPONENT}")
        elif operator_ == "%":
            _check_format(left)
        result: object = super().call_binop(context, operator_, left, right)
        _check_size(result)
        return result

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        """The fields of the brief's own views are data (checked once per view type);
        everything else goes through the sandbox's checks."""
        return attr in _view_fields(type(obj)) or super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: object) -> Callable[..., str] | None:
        """`'{:09}'.format(...)` and `format_map`: refuse huge or computed widths first."""
        if getattr(value, "__name__", None) not in ("format", "format_map"):
            return None  # what the sandbox itself checks first: not a str.format method
        text: object = getattr(value, "__self__", None)
        _check_format(text)
        if isinstance(text, str) and _NESTED_SPEC.search(text):
            raise TemplateLimitError("a format width taken from a value is not allowed")
        return super().wrap_str_format(value)

    def call(
        __self,
        __context: Context,
        __obj: object,
        *args: object,
        **kwargs: object,
    ) -> object:
        __self.check_time()
        result: object = super().call(__context, __obj, *args, **kwargs)
        _check_size(result)
        return result


def render_bounded(env: BoundedEnvironment, template: Template, context: dict[str, object]) -> str:
    """Render `template`, stopping past MAX_SIZE characters of output, the time budget or
    MEMORY_HEADROOM more memory (values built with `~` are checked only by the last)."""
    env.deadline = time.monotonic() + TIME_BUDGET
    chunks: list[str] = []
    parts: list[str] = []  # joined into a chunk every few thousand: a large brief is
    size = 0  # made of a million small pieces, each an object of its own
    with memory_cap(MEMORY_HEADROOM):
        for count, part in enumerate(template.generate(**context), start=1):
            size += len(part)
            if size > MAX_SIZE:
                raise TemplateLimitError(f"the brief grew past {MAX_SIZE} characters")
            parts.append(part)
            if not count % 4096:  # the clock is read often enough, not for every piece
                env.check_time()
                chunks.append("".join(parts))
                parts.clear()
    chunks.append("".join(parts))
    return "".join(chunks)


@contextmanager
def memory_cap(headroom: int) -> Iterator[None]:
    """Let the process grow by at most `headroom` bytes of address space meanwhile: past it,
    allocation raises MemoryError (POSIX systems that report their size; elsewhere no cap)."""
    current = _address_space()
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        current = None
    if current is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = current + headroom
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield  # a stricter limit is already in force
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int | None:
    """The process's virtual memory size in bytes, where /proc tells it."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


__all__ = ["BoundedEnvironment", "TemplateLimitError", "render_bounded"]
