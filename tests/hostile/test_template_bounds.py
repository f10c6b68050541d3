"""A template from a pull request cannot outrun the time budget inside one C-level call.

Each construct the sandbox allows that could build a huge value in one call (a format, a
join, a replace, `str()` of a list that holds one large list many times, a comparison,
big integers, `lipsum`) is refused before the call, and a Python-level loop that reads
no clock is stopped by the CPU-time alarm. The fast tests check each refusal with the size
limit and the sizes a thousandth as large; the slow ones check them at the real sizes, and
run the worst of them in a real process with the real budget.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bpstrat.brief.render import render_brief
from bpstrat.brief.text_size import text_size
from bpstrat.errors import UsageError
from bpstrat.source.equal_hashes import equal_hash_cost
from tests.helpers import TODAY, Writer

BIG = '{% set big = "x" * 9000000 %}'
SHARED = '{% set b = ["x"] * 9000000 %}{% set c = [b, b, b] %}'
HASH_ZERO = 2**61 - 1  # every multiple of it hashes to 0
COLLIDING = (  # no number of six digits: the small run would scale it down
    "{% set z = 2 ** 61 - 1 %}{% set l = [] %}{% for i in range(1, 2000) %}"
    "{% set _ = l.append(i * z) %}{% endfor %}"
)
PAIRS = "{% set p = [] %}{% for k in l %}{% set _ = p.append((k, 1)) %}{% endfor %}"

CONSTRUCTS = [
    # str.format: the format string is read once, each field's spec checked once filled in
    ('{{ ("{" ~ ":" * 9000000).format() }}', "unmatched"),
    ('{{ ("{:" ~ ":" * 9000000 ~ "}").format(1) }}', "Invalid format specifier"),
    ("{{ '{:{w}}'.format(1, w=10**9) }}", "width"),
    ("{{ '{0:{1}}'.format_map({'0': 1}) }}", "IndexError"),
    ("{{ '{a:{w}}'.format_map({'a': 1, 'w': 99999}) }}", "width"),
    (BIG + '{{ ("{0}" * 1000).format(big) }}', "this format"),
    # printf-style formats
    ("{{ '%*d' % (10**9, 1) }}", "format width"),
    (BIG + "{{ '%s%s' % (big, big) }}", "this % format"),
    (BIG + "{{ '%(a)s%(a)s' % {'a': big} }}", "this % format"),
    # lipsum and range
    ("{{ lipsum(1000000) }}", "lipsum"),
    ("{{ lipsum(1, false, 5, 10**9) }}", "lipsum"),
    ("{% for i in range(10**100) %}{% endfor %}", "OverflowError"),
    ("{% for i in range(0, 10**9, 2) %}{% endfor %}", "range"),
    # repetition, also of a list holding a large value
    ('{{ ["x" * 9000000] * 1000 }}', "repeating"),
    ("{{ [[0] * 9000000] * 1000 }}", "repeating"),
    # join and replace, as filters and as methods
    ('{{ (["x" * 6000000] * 2)|join }}', "as text"),
    ('{{ (["x"] * 3000)|join("y" * 5000) }}', "join"),
    ('{{ ("y" * 5000).join(["x"] * 3000) }}', "str.join()"),
    (BIG + '{{ big|replace("", "y" * 1000) }}', "replace"),
    (BIG + '{{ big|replace("x", "yy") }}', "replace"),
    (BIG + '{{ big.replace("", "y") }}', "str.replace()"),
    # padding and tabs as methods
    ("{{ 'x'.center(10**9) }}", "str.center()"),
    ("{{ 'x'.ljust(10**9) }}", "str.ljust()"),
    ("{{ 'x'.zfill(10**9) }}", "str.zfill()"),
    ("{{ ('\t' * 100000).expandtabs(10000) }}", "str.expandtabs()"),
    ("{{ ('a' * 1000000).translate({97: 'x' * 1000}) }}", "str.translate()"),
    # integers
    ("{{ (10 ** 9000) ** 9000 }}", "bits"),
    ("{% set x = 10 ** 9000 %}{{ x * x * x * x }}", "bits"),
    # one large list held many times: printed, joined with ~, compared, sorted, joined
    (SHARED + "{{ c }}", "as text"),
    (SHARED + "{{ c ~ '' }}", "joining these values with ~"),
    (SHARED + "{{ c == [b, b, b] }}", "as text"),
    (SHARED + "{{ 'x' in c }}", "as text"),
    (SHARED + "{{ [c, c]|sort }}", "as text"),
    (SHARED + "{{ c|join }}", "as text"),
    (SHARED + "{{ c|tojson }}", "as text"),
    (SHARED + "{{ c|string }}", "as text"),
    (SHARED + "{{ (c + c)|length }}", "as text"),
    (SHARED + "{{ '{}'.format(c) }}", "this format"),
    (SHARED + "{{ '%s' % (c,) }}", "this % format"),
    (SHARED + "{{ [c, c].count(c) }}", "as text"),
    (SHARED + "{{ [c, c].index(c) }}", "as text"),
    # translations format their message with % in one call
    (BIG + '{{ _("%(a)s%(a)s", a=big) }}', "this % format"),
    (BIG + '{{ gettext("%(a)s" ~ "%(a)s", a=big) }}', "this % format"),
    (BIG + '{{ ngettext("%(a)s%(a)s", "%(a)s%(a)s", 2, a=big) }}', "this % format"),
    (BIG + "{% trans b=big %}{{ b }}{{ b }}{% endtrans %}", "this % format"),
    # numbers chosen to share one hash: each pair is a comparison inside one dict call
    (COLLIDING + "{{ dict.fromkeys(l)|length }}", "equal hashes"),
    (COLLIDING + "{{ {}.fromkeys(l)|length }}", "equal hashes"),
    (COLLIDING + PAIRS + "{{ dict(p)|length }}", "equal hashes"),
    (COLLIDING + PAIRS + "{% set d = {} %}{% set _ = d.update(p) %}", "equal hashes"),
    (COLLIDING + PAIRS + "{% set n = namespace(p) %}", "equal hashes"),
    (COLLIDING + PAIRS + "{{ dict(p[:1]).items().isdisjoint(p) }}", "equal hashes"),
    (COLLIDING + "{{ dict.fromkeys(l[:1]).keys().isdisjoint(l) }}", "equal hashes"),
    # ... also in a literal
    (
        "{% set z = 2 ** 61 - 1 %}{% set d = {"
        + ", ".join(f"{i} * z: 1" for i in range(1, 2000))
        + "} %}",
        "equal",
    ),
    # blocks nested past what Python compiles
    ("{% if true %}" * 200 + "{% endif %}" * 200, "nest too deeply"),
    ("{% for i in [1] %}" * 25 + "{% endfor %}" * 25, "nest too deeply"),
]


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A construct that is no longer refused fails here instead of hanging."""

    def fail(_signum: int, _frame: object) -> None:
        raise TimeoutError("blocked for 60 s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    "scale", [pytest.param(1000, id="small"), pytest.param(1, id="real", marks=pytest.mark.slow)]
)
@pytest.mark.parametrize(("template", "words"), CONSTRUCTS)
def test_each_construct_is_refused_before_its_call(
    root: Writer, monkeypatch: pytest.MonkeyPatch, template: str, words: str, scale: int
) -> None:
    """[real]: the sandbox's size limit and the sizes above (9,000,000 items take tens of
    milliseconds to build); [small]: the limit and every size from 100,000 up a thousandth
    as large, the same refusals."""
    from bpstrat.brief import sandbox

    monkeypatch.setattr(sandbox, "MAX_SIZE", sandbox.MAX_SIZE // scale)
    template = re.sub("[0-9]{6,}", lambda size: str(int(size[0]) // scale), template)
    base = root({"templates/brief.md.j2": "# Brief\n" + template + "\n"})
    with pytest.raises(UsageError, match=words) as caught:
        render_brief(base, None, TODAY)
    assert "brief.md.j2" in str(caught.value)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ '{:>6}|{a:03}'.format('x', a=7) }}", "     x|007"),
        ("{{ '{:{w}}'.format(1, w=3) }}|{{ '{a}'.format_map({'a': 2}) }}", "  1|2"),
        ("{{ '%*d|%(n)s' % (3, 1) if false else '%*d' % (3, 1) }}", "  1"),
        ("{{ ['a', 'b']|join(', ') }}|{{ 'aXa'|replace('X', '-') }}", "a, b|a-a"),
        ("{{ '-'.join(['a', 'b']) }}|{{ 'ab'.replace('a', 'c') }}", "a-b|cb"),
        ("{{ 'x'.center(5) }}|{{ 'ab'.translate({97: 'z'}) }}", "  x  |zb"),
        ("{{ [1, 2] == [1, 2] }}|{{ 1 in [1] }}|{{ [[1]] * 2 }}", "True|True|[[1], [1]]"),
        ("{{ 2 ** 64 }}|{{ 10 ** 20 * 10 ** 20 }}", f"{2**64}|{10**40}"),
        ("{{ lipsum(2, false, 5, 6)|wordcount > 0 }}", "True"),
        (
            "{{ dict([(1, 2)]) }}|{{ dict.fromkeys([0] * 100000)|length }}|{{ {1: 2} }}",
            "{1: 2}|1|{1: 2}",
        ),
        (
            "{% set d = {'a': 1} %}{% set _ = d.update(b=2) %}{{ d }}|{{ namespace(a=1).a }}",
            "{'a': 1, 'b': 2}|1",
        ),
        (
            "{{ {'a': {'b': 1}}.a.b }}|{{ dict.fromkeys(range(3)).keys().isdisjoint([5]) }}",
            "1|True",
        ),
    ],
)
def test_ordinary_uses_still_work(root: Writer, template: str, expected: str) -> None:
    base = root({"templates/brief.md.j2": template + "\n"})
    assert render_brief(base, None, TODAY) == expected + "\n"


def test_a_loop_that_reads_no_clock_is_stopped_by_the_cpu_alarm(
    root: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bpstrat.brief import sandbox

    monkeypatch.setattr(sandbox, "TIME_BUDGET", 0.1)
    loop = (
        '{% set l = ["x"] * 100000 %}'
        "{% for a in l %}{% for b in l %}{% set c = a %}{% endfor %}{% endfor %}"
    )
    base = root({"templates/brief.md.j2": "# Brief\n\n" + loop + "\n"})
    with pytest.raises(UsageError, match=r"brief.md.j2:3: the template ran past its 0.1 s"):
        render_brief(base, None, TODAY)


def test_constant_expressions_are_computed_within_the_time_budget(
    root: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja computes a filter of constants while it compiles the template: that work
    is bounded by the same budget as the render."""
    from bpstrat.brief import sandbox

    monkeypatch.setattr(sandbox, "TIME_BUDGET", 0.3)
    base = root({"templates/brief.md.j2": '{{ "' + "x" * 400000 + '"|wordwrap(1)|length }}\n'})
    with pytest.raises(UsageError, match=r"ran past its 0.3 s"):
        render_brief(base, None, TODAY)


@pytest.mark.parametrize(
    "template",
    [
        "{% set d = {" + ", ".join(f"{i * HASH_ZERO}: 1" for i in range(1, 2000)) + "} %}",
        "{{ {" + ", ".join(f"{i * HASH_ZERO}: 1" for i in range(1, 2000)) + "}|length }}",
        "{% set l = [" + ", ".join(f"{i * HASH_ZERO}" for i in range(1, 2000)) + "] %}",
    ],
)
def test_constants_with_one_hash_are_refused_before_python_compiles_them(
    root: Writer, template: str
) -> None:
    base = root({"templates/brief.md.j2": template + "\n"})
    with pytest.raises(UsageError, match="equal hashes"):
        render_brief(base, None, TODAY)


def test_equal_hash_cost_counts_only_unequal_keys_with_one_hash() -> None:
    assert equal_hash_cost([HASH_ZERO * i for i in range(1, 101)], 10**9) == 100 * 99 // 2
    assert equal_hash_cost([0] * 10000 + list(range(10000)), 10**9) == 0
    assert equal_hash_cost([HASH_ZERO * i for i in range(1, 10**6)], 1000) == 1001  # stops
    # a dict holding 100 such keys: one more is compared with each of them
    assert equal_hash_cost([HASH_ZERO * 1000], 10**9, [HASH_ZERO * i for i in range(100)]) == 100


def test_the_cpu_alarm_is_put_back_after_a_render(root: Writer) -> None:
    base = root({"templates/brief.md.j2": "ok\n"})
    assert render_brief(base, None, TODAY) == "ok\n"
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGVTALRM) in (signal.SIG_DFL, None)


def test_text_size_counts_shared_values_without_walking_them_twice() -> None:
    inner = ["ab"] * 1000
    assert text_size(inner, 10**9) == 2 + 1000 * 4
    outer = [inner] * 1000
    assert text_size(outer, 10**9) == 2 + 1000 * (text_size(inner, 10**9) + 2)
    deep: list[object] = []
    for _ in range(60):  # 2**60 items as text, 60 distinct lists
        deep = [deep, deep]
    assert text_size(deep, 10**7) > 10**7
    looped: list[object] = []
    looped.append(looped)
    assert text_size(looped, 100) > 100  # a list inside itself is never walked forever


@pytest.mark.slow
def test_the_worst_constructs_stop_within_the_budget_in_a_real_process(tmp_path: Path) -> None:
    worst = [
        CONSTRUCTS[0][0],  # the quadratic check of nested specs
        "{{ lipsum(1000000) }}",
        SHARED + "{{ c }}",
        SHARED + "{{ c == [b, b, b] }}",
        '{% set l = ["x"] * 100000 %}{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}',
    ]
    for index, template in enumerate(worst):
        base = tmp_path / str(index)
        (base / "templates").mkdir(parents=True)
        (base / "bpstrat.yaml").write_text("product:\n  id: demo\n  name: Demo\n  owner: ana\n")
        (base / "templates" / "brief.md.j2").write_text(template + "\n")
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "bpstrat", "brief", str(base), "--today", "2026-11-20"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        elapsed = time.monotonic() - started
        assert result.returncode == 2, (template, result.stderr)
        assert "brief.md.j2" in result.stderr
        assert elapsed < 30, (template, elapsed)  # the 10 s budget, with room for a busy CI


def test_the_alarm_keeps_to_the_clock_when_the_process_gets_little_cpu() -> None:
    """On a busy machine the process gets a share of a core: the budget is still seconds
    on the clock. Here the work uses a fifth of the time (the rest sleeps, as a process
    waiting for the processor would); the CPU alone would reach 0.3 s only after 1.5 s."""
    from bpstrat.brief import sandbox

    started = time.monotonic()
    with pytest.raises(sandbox.TemplateLimitError), sandbox.cpu_alarm(0.3):
        while time.monotonic() - started < 5:
            busy_until = time.monotonic() + 0.01
            while time.monotonic() < busy_until:
                pass
            time.sleep(0.04)
    assert time.monotonic() - started < 1.2
