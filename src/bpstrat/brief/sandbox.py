"""A Jinja sandbox with bounds: a template from a pull request cannot hang or exhaust memory.

SandboxedEnvironment already keeps a template away from files and Python internals. A
template can still loop for hours, build a gigabyte string or recurse without end;
`BoundedEnvironment` caps `range`, `lipsum`, format widths, repetition, integer sizes and
the sizes filters pad to, and `render_bounded` stops a render past a size or time budget.
A single C-level call (`str.format`, `join`, `replace`, `str()` of a list holding one
large list many times, a comparison) cannot be interrupted once it runs, so each is
checked before it runs, in time linear in its input (text_size.py); Python-level work
(loops over long lists, filters) is stopped by a CPU-time alarm. A dict built in one
call (`dict(pairs)`, `dict.fromkeys`, `update`, `namespace(pairs)`, a `{...}` literal) or
a view's `isdisjoint` first counts its keys with equal hashes (source/equal_hashes.py): numbers
can be chosen to share one hash, and each such pair is a comparison inside the call; so
does the compiler for the template's constants, which Python's `compile` keeps in a dict.
Templates compile within the same bounds as they render (Jinja computes constant
expressions while it compiles).
Each limit raises `TemplateLimitError`, reported with the template line as a usage error.
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
import time
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, Sequence
from contextlib import contextmanager
from functools import update_wrapper
from types import FrameType
from typing import Any

from jinja2 import Template, nodes
from jinja2.compiler import CodeGenerator, Frame, operators, optimizeconst
from jinja2.environment import Environment
from jinja2.optimizer import Optimizer
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import Namespace, generate_lorem_ipsum
from markupsafe import Markup

from bpstrat.brief.text_size import repeated_size, text_size
from bpstrat.source.equal_hashes import equal_hash_cost

MAX_RANGE = 100_000  # items one `range()` may yield
MAX_SIZE = 10_000_000  # characters of one built value or of the whole output
MAX_WIDTH = 10_000  # a width, precision or padding a format or filter may ask for
MAX_EXPONENT = 10_000  # `**` exponent limit: 10**10**9 would compute for hours
TIME_BUDGET = 10.0  # seconds one render may take
MAX_INT_BITS = 100_000  # bits of an integer `*` or `**` may build (about 30,000 digits)
MAX_PARAGRAPHS = 100  # `lipsum(n)`
MAX_WORDS = 1_000  # `lipsum(n, html, min, max)`: words per paragraph
MAX_EQUAL_HASHES = 1_000_000  # comparisons of keys with one hash a call that fills a dict may make

_LONG_NUMBER = re.compile("[0-9]{" + str(len(str(MAX_WIDTH))) + ",}")  # 5+ digits
_DIGITS = re.compile("[0-9]+")
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
# Filters that turn their value into text, sort or compare it: checked by text_size first.
_WHOLE_VALUE_FILTERS = (
    "join",
    "replace",
    "string",
    "tojson",
    "pprint",
    "escape",
    "e",
    "forceescape",
    "urlencode",
    "format",
    "sort",
    "unique",
    "min",
    "max",
    "dictsort",
    "groupby",
    "sum",
    "trim",
    "upper",
    "lower",
    "title",
    "capitalize",
    "wordcount",
    "striptags",
    "urlize",
    "xmlattr",
)
# Methods of lists, tuples and dicts that compare their argument with every item.
_CONTAINERS = (list, tuple, dict, set, frozenset)
_COMPARING = frozenset(["count", "index", "remove", "__contains__"])
# str methods whose result can outgrow their input, and how large it is at least.
_STR_GROWTH: dict[str, Callable[..., int]] = {
    "center": lambda s, width=0, *_: max(len(s), _int(width)),
    "ljust": lambda s, width=0, *_: max(len(s), _int(width)),
    "rjust": lambda s, width=0, *_: max(len(s), _int(width)),
    "zfill": lambda s, width=0, *_: max(len(s), _int(width)),
    "expandtabs": lambda s, tabsize=8, *_: len(s) + s.count("\t") * max(_int(tabsize), 0),
    "replace": lambda s, old="", new="", count=-1, *_: _replaced(s, old, new, count),
    "join": lambda s, items=(), *_: _joined(s, items),
    "translate": lambda s, table=None, *_: _translated(s, table),
}

# Calls that put many keys into a dict (or look many up) in one C call.
_DICT_VIEWS = (KeysView, ItemsView)
_KEYED_METHODS = frozenset(["update", "fromkeys"])

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


def _check_text(value: object) -> None:
    """Refuse a value whose text (or whose walk, to compare or sort it) is too large."""
    if isinstance(value, str):
        return  # its size was checked when it was built
    if text_size(value, MAX_SIZE) > MAX_SIZE:
        raise TemplateLimitError(
            f"a value of more than {MAX_SIZE} characters as text (a list holding a large "
            "value many times?)"
        )


def _check_growth(size: int, what: str) -> None:
    if size > MAX_SIZE:
        raise TemplateLimitError(f"{what} would build more than {MAX_SIZE} characters or items")


def _check_keys(keys: Iterable[object], holding: Iterable[object] = ()) -> None:
    if equal_hash_cost(keys, MAX_EQUAL_HASHES, holding, _text_weight) > MAX_EQUAL_HASHES:
        raise TemplateLimitError(
            f"keys with equal hashes would cost a dict more than {MAX_EQUAL_HASHES} "
            "comparisons (numbers chosen to collide?)"
        )


def _text_weight(key: object) -> int:
    """What comparing `key` with an unequal key of the same hash costs: its size."""
    return text_size(key, MAX_SIZE)


def _pair_keys(pairs: Sequence[object]) -> Iterator[object]:
    """The keys `dict(pairs)` takes: the first item of each pair (a malformed pair is left
    to the call, which says what is wrong with it)."""
    for pair in pairs:
        if isinstance(pair, (list, tuple, str)) and len(pair) == 2:
            yield pair[0]


def _keyed_args(
    owner: object, args: tuple[object, ...], kwargs: Mapping[str, object], fromkeys: bool
) -> tuple[object, ...]:
    """The arguments of a call that fills a dict (`dict`, `namespace`, `update`,
    `fromkeys`, `isdisjoint`), an iterable among them read once into a list, after the
    keys it would hold with the keys `owner` holds already are counted."""
    held = owner if isinstance(owner, (dict, KeysView, ItemsView)) else ()
    if not args:
        _check_keys(kwargs, held)
        return args
    first = args[0]
    if isinstance(first, Mapping) and not fromkeys:
        _check_keys([*first, *kwargs], held)
        return args
    if not isinstance(first, Iterable):
        return args  # the call says what is wrong
    items = list(first)
    keys = items if fromkeys or isinstance(owner, _DICT_VIEWS) else list(_pair_keys(items))
    _check_keys([*keys, *kwargs], held)
    return (items, *args[1:])


def _fills_a_dict(obj: object, owner: object, name: str) -> bool:
    if obj is dict or obj is Namespace:
        return True
    if name in _KEYED_METHODS and (isinstance(owner, dict) or owner is dict):
        return True
    return name == "isdisjoint" and isinstance(owner, _DICT_VIEWS)


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _replaced(text: str, old: object, new: object, count: object) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def _joined(separator: str, items: object) -> int:
    if not isinstance(items, (list, tuple)):
        return 0  # anything else is iterated in Python (stopped by the clock), not sized
    return len(separator) * max(len(items) - 1, 0) + sum(
        text_size(item, MAX_SIZE) for item in items
    )


def _translated(text: str, table: object) -> int:
    if not isinstance(table, Mapping):
        return len(text)
    longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
    return len(text) * longest


def _check_percent(text: object, values: object) -> None:
    """`text % values`: widths, `*` widths and the size of what it writes."""
    _check_format(text)
    if not isinstance(text, str):
        return
    args: Sequence[object]
    if isinstance(values, tuple):
        args = values
    elif isinstance(values, Mapping):
        args = list(values.values())
    else:
        args = (values,)
    if "*" in text:
        for value in args:
            _check_number(value, "a format width")
    specs = text.count("%")
    if not specs:
        return
    widest = min(10 ** max(map(len, _DIGITS.findall(text)), default=0), MAX_WIDTH)
    sizes = [text_size(value, MAX_SIZE) for value in args]
    each = sum(sizes) if isinstance(values, tuple) else specs * max(sizes, default=0)
    _check_growth(len(text) + specs * widest + each, "this % format")


def _check_ints(operator_: str, left: object, right: object) -> None:
    if not (isinstance(left, int) and isinstance(right, int)):
        return
    if operator_ == "*":
        bits = left.bit_length() + right.bit_length()
    elif right > 0:
        bits = left.bit_length() * right
    else:
        return
    if bits > MAX_INT_BITS:
        raise TemplateLimitError(f"a number of more than {MAX_INT_BITS} bits")


def _sized_translation(function: Callable[..., object]) -> Callable[..., object]:
    def translated(*args: object, **variables: object) -> object:
        for text in args:
            if isinstance(text, str):
                _check_percent(text, variables)
        return function(*args, **variables)

    return translated


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """`lipsum()` with at most MAX_PARAGRAPHS paragraphs of at most MAX_WORDS words."""
    if not all(isinstance(v, int) for v in (n, min, max)):
        raise TypeError("lipsum() takes whole numbers")
    if n > MAX_PARAGRAPHS or min > MAX_WORDS or max > MAX_WORDS:
        raise TemplateLimitError(
            f"lipsum() of more than {MAX_PARAGRAPHS} paragraphs or {MAX_WORDS} words"
        )
    return generate_lorem_ipsum(n, html, min, max)


_VIEW_FIELDS: dict[type, frozenset[str]] = {}


def _view_fields(cls: type) -> frozenset[str]:
    """The data fields of a view the brief builds (brief/context.py), else nothing."""
    found = _VIEW_FIELDS.get(cls)
    if found is None:
        ours = cls.__module__.startswith("bpstrat.brief.") and dataclasses.is_dataclass(cls)
        found = frozenset(f.name for f in dataclasses.fields(cls)) if ours else frozenset()
        _VIEW_FIELDS[cls] = found
    return found


class _BoundedFields:
    """`str.format` one field at a time: the spec as it is once nested fields are filled
    in (`{:{w}}`), the time budget and the size written so far are checked per field."""

    written = 0

    def format_field(self, value: object, format_spec: str) -> str:
        env = getattr(self, "_env", None)
        if isinstance(env, BoundedEnvironment):
            env.check_time()
        _check_format(format_spec)
        _check_growth(self.written + text_size(value, MAX_SIZE), "this format")
        result: str = super().format_field(value, format_spec)  # type: ignore[misc]
        self.written += len(result)
        _check_growth(self.written, "this format")
        return result


class BoundedFormatter(_BoundedFields, SandboxedFormatter):
    pass


class BoundedEscapeFormatter(_BoundedFields, SandboxedEscapeFormatter):
    pass


def _scalars(value: object, depth: int = 0) -> Iterator[object]:
    """The numbers and other scalars of a constant, also those inside its lists."""
    if isinstance(value, (list, tuple, set, frozenset)) and depth < 100:
        for item in value:
            yield from _scalars(item, depth + 1)
    elif isinstance(value, dict) and depth < 100:
        for pair in value.items():
            yield from _scalars(pair, depth + 1)
    elif not isinstance(value, str):  # the hash of text is random per process
        yield value


def _holds_a_dict(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Dict) or node.find(nodes.Dict) is not None


class _BoundedOptimizer(Optimizer):
    """Jinja's constant folding, except of an expression holding a `{...}` literal: that
    dict is built when the template runs, by `BoundedEnvironment.keyed_dict`, not while
    it compiles (outside the time budget)."""

    def generic_visit(self, node: nodes.Node, *args: object, **kwargs: object) -> nodes.Node:
        if isinstance(node, nodes.Expr) and _holds_a_dict(node):
            return super(Optimizer, self).generic_visit(node, *args, **kwargs)
        return super().generic_visit(node, *args, **kwargs)


class BoundedCodeGenerator(CodeGenerator):
    """Compiled templates check the operands of comparisons (`==`, `in`, `<`) and of `~`
    before Python compares or joins them in one C call, and build `{...}` literals
    through `keyed_dict`."""

    def __init__(
        self,
        environment: Environment,
        name: str | None,
        filename: str | None,
        stream: object = None,
        defer_init: bool = False,
        optimized: bool = True,
    ) -> None:
        super().__init__(environment, name, filename, stream, defer_init, optimized)  # type: ignore[arg-type]
        if self.optimizer is not None:
            self.optimizer = _BoundedOptimizer(environment)
        self.constants: list[object] = []

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        super().visit_Template(node, frame)
        # Python's compiler keeps each constant of the code once, in a dict.
        _check_keys(self.constants)

    def visit_Const(self, node: nodes.Const, frame: Frame) -> None:
        self.constants.extend(_scalars(node.as_const(frame.eval_ctx)))
        super().visit_Const(node, frame)

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if _holds_a_dict(node):
            raise nodes.Impossible()  # built when the template runs, by keyed_dict
        return super()._output_child_to_const(node, frame, finalize)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.keyed_dict((")
        for item in node.items:
            self.write("(")
            self.visit(item.key, frame)
            self.write(", ")
            self.visit(item.value, frame)
            self.write("), ")
        self.write("))")

    @optimizeconst
    def visit_Compare(self, node: nodes.Compare, frame: Frame) -> None:
        self.write("(environment.checked(")
        self.visit(node.expr, frame)
        self.write(")")
        for operand in node.ops:
            self.write(f" {operators[operand.op]} environment.checked(")
            self.visit(operand.expr, frame)
            self.write(")")
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"{func_name}(environment.checked_all((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")))")


class BoundedEnvironment(SandboxedEnvironment):
    """SandboxedEnvironment with bounded range, repetition, powers, formats and filters."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])
    code_generator_class = BoundedCodeGenerator

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.deadline = time.monotonic() + TIME_BUDGET
        self.finalize = self.checked  # every `{{ value }}` before it becomes text
        self.globals["range"] = self._range
        self.globals["lipsum"] = _lipsum
        for name in _SIZED_FILTERS:
            if name in self.filters:
                self.filters[name] = self._sized(name, self.filters[name])
        for name in _WHOLE_VALUE_FILTERS:
            if name in self.filters:
                self.filters[name] = self._whole(name, self.filters[name])

    def bound_translations(self) -> None:
        """After install_gettext_translations: `_()` and its kin format their message
        with `%` and the given variables in one call; size that first."""
        for name in ("gettext", "ngettext", "pgettext", "npgettext"):
            function = self.globals.get(name)
            if callable(function):
                self.globals[name] = _passing_like(function, _sized_translation(function))

    @staticmethod
    def checked(value: object) -> object:
        """`value`, once its text is known to be within the bounds."""
        _check_text(value)
        return value

    @staticmethod
    def keyed_dict(pairs: tuple[tuple[object, object], ...]) -> dict[object, object]:
        """A `{...}` literal's dict, once its keys with equal hashes are counted."""
        _check_keys(key for key, _value in pairs)
        return dict(pairs)

    @staticmethod
    def checked_all(values: tuple[object, ...]) -> tuple[object, ...]:
        total = 0
        for value in values:
            total += text_size(value, MAX_SIZE)
            _check_growth(total, "joining these values with ~")
        return values

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

        return _passing_like(function, bounded)

    def _whole(self, name: str, function: Callable[..., object]) -> Callable[..., object]:
        """The filter, after the text of its value and arguments is checked (the first
        argument is the context when the filter asks for one)."""
        passes = getattr(function, "jinja_pass_arg", None) is not None

        def whole(*args: object, **kwargs: object) -> object:
            for value in (*args[1 if passes else 0 :], *kwargs.values()):
                _check_text(value)
            if name == "join" and len(args) > 1:
                items = args[1] if isinstance(args[1], (list, tuple)) else None
                separator = args[2] if len(args) > 2 else kwargs.get("d", "")
                if items is not None and isinstance(separator, str):
                    _check_growth(_joined(separator, items), "this join")
            if name == "replace" and len(args) > 3 and isinstance(args[1], str):
                count = args[4] if len(args) > 4 else kwargs.get("count", -1)
                _check_growth(_replaced(args[1], args[2], args[3], count), "this replace")
            return function(*args, **kwargs)

        return _passing_like(function, whole)

    def call_binop(self, context: Context, operator_: str, left: object, right: object) -> object:
        if operator_ == "*":
            for sized, count in ((left, right), (right, left)):
                if (
                    isinstance(sized, (str, list, tuple))
                    and isinstance(count, int)
                    and repeated_size(sized, count, MAX_SIZE) > MAX_SIZE
                ):
                    raise TemplateLimitError(
                        f"repeating a value to more than {MAX_SIZE} characters or items"
                    )
            _check_ints(operator_, left, right)
        elif operator_ == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise TemplateLimitError(f"an exponent above {MAX_EXPONENT}")
            _check_ints(operator_, left, right)
        elif operator_ == "%":
            _check_percent(left, right)
        elif operator_ == "+":
            for value in (left, right):
                if isinstance(value, (list, tuple)):
                    _check_text(value)
        result: object = super().call_binop(context, operator_, left, right)
        _check_size(result)
        return result

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        """The fields of the brief's own views are data (checked once per view type);
        everything else goes through the sandbox's checks."""
        return attr in _view_fields(type(obj)) or super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: object) -> Callable[..., str] | None:
        """`'{:09}'.format(...)` and `format_map` through a formatter that checks each
        field's width (also one taken from a value, `{:{w}}`), the time and the size
        written; the format string itself is read once (no pattern that can backtrack)."""
        name = getattr(value, "__name__", None)
        text: object = getattr(value, "__self__", None)
        if name not in ("format", "format_map") or not isinstance(text, str):
            return None
        _check_format(text)
        format_map = name == "format_map"
        str_type = type(text)
        own = text

        def wrapper(*args: object, **kwargs: object) -> str:
            formatter: SandboxedFormatter
            if isinstance(own, Markup):
                formatter = BoundedEscapeFormatter(self, escape=own.escape)
            else:
                formatter = BoundedFormatter(self)
            fields: Mapping[str, object] = kwargs
            if format_map:
                if kwargs or len(args) != 1 or not isinstance(args[0], Mapping):
                    raise TypeError("format_map() takes exactly one mapping")
                fields, args = args[0], ()
            return str_type(formatter.vformat(own, args, fields))

        return update_wrapper(wrapper, value)  # type: ignore[arg-type]

    def call(
        __self,
        __context: Context,
        __obj: object,
        *args: object,
        **kwargs: object,
    ) -> object:
        __self.check_time()
        owner = getattr(__obj, "__self__", None)
        growth = _STR_GROWTH.get(getattr(__obj, "__name__", ""))
        if isinstance(owner, str) and growth is not None and not callable(owner):
            try:
                size = growth(owner, *args, **kwargs)
            except TypeError:
                size = 0  # the call itself says what is wrong with its arguments
            _check_growth(size, f"str.{__obj.__name__}()")  # type: ignore[attr-defined]
        elif _fills_a_dict(__obj, owner, getattr(__obj, "__name__", "")):
            args = _keyed_args(owner, args, kwargs, getattr(__obj, "__name__", "") == "fromkeys")
        elif isinstance(owner, _CONTAINERS) and getattr(__obj, "__name__", "") in _COMPARING:
            for value in (owner, *args):
                _check_text(value)  # `.count(x)` compares x with every item, in C
        result: object = super().call(__context, __obj, *args, **kwargs)
        _check_size(result)
        return result


def render_bounded(
    env: BoundedEnvironment, template: Template | str, context: dict[str, object]
) -> str:
    """Render `template` (or the template of that name, compiled within the same bounds:
    Jinja computes constant expressions while it compiles), stopping past MAX_SIZE
    characters of output, the time budget or MEMORY_HEADROOM more memory (values built
    with `~` are checked only by the last)."""
    env.deadline = time.monotonic() + TIME_BUDGET
    chunks: list[str] = []
    parts: list[str] = []  # joined into a chunk every few thousand: a large brief is
    size = 0  # made of a million small pieces, each an object of its own
    with memory_cap(MEMORY_HEADROOM), cpu_alarm(TIME_BUDGET):
        if isinstance(template, str):
            template = env.get_template(template)
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


# Seconds of CPU time between two readings of the clock by the template's alarm.
ALARM_TICK = 0.02


@contextmanager
def cpu_alarm(seconds: float) -> Iterator[None]:
    """Raise TemplateLimitError in this thread once `seconds` have passed on the clock while
    the template kept the processor busy: a Python-level loop the template runs (over a long
    list, inside a filter) stops even where it reads no clock. A CPU-time timer ticks every
    few hundredths of a second of work and each tick reads the clock, so a busy machine,
    which gives the process less CPU, cannot stretch the budget. Only in the main thread of
    a POSIX system."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return

    deadline = time.monotonic() + seconds
    tick = min(seconds, ALARM_TICK)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        if time.monotonic() >= deadline:
            raise TemplateLimitError(f"the template ran past its {TIME_BUDGET:g} s time budget")

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, tick, tick)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def _passing_like(
    function: Callable[..., object], wrapper: Callable[..., object]
) -> Callable[..., object]:
    """`wrapper`, marked to receive what Jinja passes `function` (context, environment)."""
    passed: object = getattr(function, "jinja_pass_arg", None)
    if passed is not None:
        wrapper.jinja_pass_arg = passed  # type: ignore[attr-defined]  # Jinja reads it
    return wrapper


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
