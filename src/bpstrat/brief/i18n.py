"""The languages of the brief: gettext catalogs and locale formats of dates and numbers.

Catalogs are the `.po` files in `brief/locale/<lang>/LC_MESSAGES/bpstrat.po`, read at run
time with Babel (no compile step, no network). English is the source language: its
messages are the msgids themselves. Only fixed text is translated: names, rationales and
everything else a user wrote are passed through as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

from bpstrat.errors import UsageError
from bpstrat.model.config import Language

LANGUAGES: tuple[str, ...] = get_args(Language)
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "bpstrat"

# English keeps ISO dates (unambiguous in international English); the others read as
# their readers write dates.
_DATE_FORMAT = {"en": "yyyy-MM-dd", "de": "long", "nl": "long"}


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it here."""
    return message


def catalog_file(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Lang:
    """One language: its translations and how it writes dates, numbers and lists."""

    code: str
    translations: gettext.NullTranslations

    def _(self, message: str, **values: object) -> str:
        """The translation of `message`, with `%(name)s` filled from `values`."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def n_(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The singular or plural translation for `count` (`%(num)d` is the count)."""
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": count, **values}

    def date(self, value: dt.date) -> str:
        return _date(self.code, value)

    def pct(self, value: float | None) -> str:
        """A share or ratio as a whole percentage ('61%', '61 %'); n/a when unknown."""
        if value is None:
            return self._("n/a")
        return _percent(self.code, value)

    def number(self, value: float, digits: int = 2) -> str:
        """A weight, support or factor: at most `digits` decimals, the locale's separators."""
        return _decimal(self.code, round(value, digits) + 0.0, digits)

    def quantity(self, value: float, unit: str | None, digits: int = 3) -> str:
        """A metric's value with its unit: '420 s'; a percent unit spaced as this language
        spaces its percentages ('99.5%', '99,5 %', '99,5%')."""
        number = self.number(value, digits)
        if not unit:
            return number
        if unit.strip() == "%":
            return _percent_spacing(self.code).replace("0", number, 1)
        return f"{number} {unit}"

    def money(self, amount: float, currency: str | None) -> str:
        """An amount as this language writes money in `currency` (an ISO 4217 code),
        the code where the locale puts its symbol: 'EUR 240,000', '240.000 EUR',
        'EUR 240.000'. Whole amounts without cents; without a currency, the number."""
        if currency is None:
            return self.number(amount, 2)
        return _money(self.code, round(amount, 2), currency)

    def join(self, names: Sequence[str]) -> str:
        """'A, B and C' in this language."""
        if len(names) <= 1:
            return "".join(names)
        return self._("%(items)s and %(last)s", items=", ".join(names[:-1]), last=names[-1])


# A brief formats the same few dates and numbers thousands of times, and Babel reads the
# locale again on every call: the locale is read once, each value formatted once.
@functools.cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@functools.lru_cache(maxsize=4096)
def _date(code: str, value: dt.date) -> str:
    return format_date(value, _DATE_FORMAT[code], locale=_locale(code))


# Babel computes with 28 significant digits and fails on larger numbers; a share or a
# progress that large comes from a degenerate metric and is shown as its bound.
_LARGEST = 1e20


def _within_bounds(value: float, write: Callable[[float], str]) -> str:
    bounded = max(-_LARGEST, min(_LARGEST, value))
    text = write(bounded)
    return text if bounded == value else (">" if value > 0 else "<") + text


@functools.lru_cache(maxsize=4096)
def _percent(code: str, value: float) -> str:
    return _unsigned_zero(
        _within_bounds(value, lambda v: format_percent(v, locale=_locale(code))),
        lambda: format_percent(0, locale=_locale(code)),
    )


@functools.lru_cache(maxsize=4096)
def _decimal(code: str, value: float, digits: int) -> str:
    pattern = "#,##0." + "#" * digits if digits else "#,##0"
    return _unsigned_zero(
        _within_bounds(value, lambda v: format_decimal(v, format=pattern, locale=_locale(code))),
        lambda: format_decimal(0, format=pattern, locale=_locale(code)),
    )


def _unsigned_zero(text: str, zero: Callable[[], str]) -> str:
    """A small negative value rounds to zero, which has no sign: '0%', never '-0%'."""
    if any(char in "123456789" for char in text):
        return text
    return zero()


@functools.cache
def _percent_spacing(code: str) -> str:
    """How this language writes a percentage, around the digit 0: '0%', '0\u00a0%'."""
    return format_percent(0, locale=_locale(code))


@functools.cache
def _money_patterns(code: str) -> tuple[str, str]:
    """The locale's currency pattern with the ISO code for its symbol, (whole, with cents).

    The code stands where the locale puts the symbol; where it would touch the digits (as
    in English, '¤#,##0.00'), a no-break space parts them, as CLDR's currency spacing
    does for a symbol made of letters.
    """
    pattern = _locale(code).currency_formats["standard"].pattern.split(";")[0]
    pattern = pattern.replace("¤", "¤¤")
    pattern = pattern.replace("¤¤#", "¤¤\u00a0#").replace("¤¤0", "¤¤\u00a00")
    pattern = pattern.replace("0¤¤", "0\u00a0¤¤")
    return pattern.replace(".00", ""), pattern


@functools.lru_cache(maxsize=4096)
def _money(code: str, amount: float, currency: str) -> str:
    whole, cents = _money_patterns(code)
    if amount == round(amount):
        return _within_bounds(
            amount,
            lambda v: format_currency(
                v, currency, format=whole, locale=_locale(code), currency_digits=False
            ),
        )
    return _within_bounds(
        amount, lambda v: format_currency(v, currency, format=cents, locale=_locale(code))
    )


@functools.cache
def language(code: str) -> Lang:
    """The language `code`; an unknown one is a usage error that lists the supported ones."""
    if code not in LANGUAGES:
        raise UsageError(
            f"unknown language {code!r}: the brief speaks {', '.join(LANGUAGES)} (--lang)"
        )
    if code == DEFAULT_LANGUAGE:
        return Lang(code, gettext.NullTranslations())
    with catalog_file(code).open("rb") as po:
        catalog = read_po(po, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Lang(code, gettext.GNUTranslations(buffer))
