"""The value types of the strategy files: ids, dates, text, scales and the fixed words.

Types are strict where YAML could silently mean something else (a quoted "5" is not a
score, a number is not a date); each carries the JSON Schema that says what lint accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

if TYPE_CHECKING:
    from typing_extensions import Self

# `(?!\n)$`: the end of the text in JSON Schema's regex dialect and in Python's, where a
# bare `$` would also match before a trailing newline.
SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*(?!\n)$"
_SLUG = re.compile(SLUG_PATTERN)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
NOT_SLUG = re.compile(r"[^a-z0-9._-]+")


# Defaults for list and dict fields. Plain functions, not `list` and `dict`: pydantic reads
# each default factory's signature, and a builtin's is slow to read.
def empty_list() -> list[Any]:
    return []


def empty_dict() -> dict[Any, Any]:
    return {}


def _iso_date(value: object) -> object:
    """Accept `YYYY-MM-DD` text (or a date) only: no timestamps, no other formats."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"{value!r} is not a real date ({error})") from None
    raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lowercase letters, digits, '.', '_' and '-', "
            f"starting with a letter or digit (e.g. {suggest_slug(value)!r})"
        )
    return value


def is_slug(value: str) -> bool:
    """True when `value` is a whole valid id: no trailing newline or anything else."""
    return _SLUG.fullmatch(value) is not None


def suggest_slug(value: str) -> str:
    """A slug close to `value`, for messages."""
    slug = NOT_SLUG.sub("-", value.lower()).strip("-._")
    return slug or "my-id"


def _number_as_text(value: object) -> object:
    """`id: 2027` or `name: 2027` is text the author wrote, not a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


# The JSON Schema of each type says what lint accepts, for editors and schema validators.
_DATE_SCHEMA = {
    "type": "string",
    "format": "date",
    "pattern": r"^\d{4}-\d{2}-\d{2}$",
    # yaml-language-server shows this instead of the pattern; validators ignore it.
    "patternErrorMessage": "must be a date written YYYY-MM-DD",
}
_SLUG_SCHEMA = {
    "anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, {"type": "integer", "minimum": 0}]
}
_TEXT_SCHEMA = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]}

IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), WithJsonSchema(_DATE_SCHEMA)]
Slug = Annotated[
    str,
    Field(strict=True),
    BeforeValidator(_number_as_text),
    AfterValidator(_slug),
    WithJsonSchema(_SLUG_SCHEMA),
]
Text = Annotated[
    str,
    Field(strict=True, min_length=1),
    BeforeValidator(_number_as_text),
    WithJsonSchema(_TEXT_SCHEMA),
]
Scale = Annotated[int, Field(strict=True, ge=1, le=5)]
NUMBER_LIMIT = 10**12
"""Largest magnitude of a measured number: far above any real metric, far below overflow."""
Number = Annotated[
    float, Field(strict=True, allow_inf_nan=False, ge=-NUMBER_LIMIT, le=NUMBER_LIMIT)
]

AMOUNT_LIMIT = 10**15
"""Largest amount of money: above any real budget in any currency (a quadrillion), far
below where sums over many goals lose their cents or Babel its precision."""
Amount = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=AMOUNT_LIMIT)]
"""An amount of money in `product.currency`: finite, 0 or more."""
PositiveAmount = Annotated[float, Field(strict=True, allow_inf_nan=False, gt=0, le=AMOUNT_LIMIT)]
"""An amount of money in `product.currency`: finite, more than 0."""
Confidence = Annotated[float, Field(strict=True, allow_inf_nan=False, gt=0, le=1)]
"""How sure we are, above 0 and at most 1 (sure)."""

CURRENCY_PATTERN = r"^[A-Z]{3}(?!\n)$"
_CURRENCY = re.compile(r"\A[A-Z]{3}\Z")
_NOT_LETTERS = re.compile(r"[^A-Za-z]+")


def _currency(value: str) -> str:
    if not _CURRENCY.match(value):
        letters = _NOT_LETTERS.sub("", value).upper()
        hint = f" (e.g. {letters!r})" if len(letters) == 3 else " (e.g. 'EUR', 'USD', 'GBP')"
        raise ValueError(
            f"{value!r} is not an ISO 4217 currency code: write its three capital letters{hint}"
        )
    return value


Currency = Annotated[
    str,
    Field(strict=True),
    AfterValidator(_currency),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": CURRENCY_PATTERN,
            "patternErrorMessage": "must be an ISO 4217 currency code: three capital letters",
        }
    ),
]
"""An ISO 4217 currency code: three capital letters (EUR, USD, CHF)."""

MAX_REF_CHARS = 253
"""Longer text is not a catalog reference (Backstage caps each part at 63 characters)."""
# A Backstage entity reference, `[kind:][namespace/]name`, by Backstage's default rules
# for each part (kind: a letter, then letters and digits; namespace: letters and digits in
# runs joined by `-`; name: letters and digits in runs joined by one of `-_.`). Each
# repeated run is followed by a character it cannot hold, so the pattern never tries a
# text two ways (linear; tests/hostile holds its worst case).
CATALOG_REF_PATTERN = (
    r"^(?:[A-Za-z][A-Za-z0-9]*:)?(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/)?"
    r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*(?!\n)$"
)
_CATALOG_REF = re.compile(CATALOG_REF_PATTERN)


def is_catalog_ref(text: str) -> bool:
    """True when `text` is a Backstage entity reference in the default syntax."""
    return len(text) <= MAX_REF_CHARS and _CATALOG_REF.match(text) is not None


def _catalog_ref(value: str) -> str:
    if not is_catalog_ref(value):
        raise ValueError(
            f"{value!r} is not a catalog entity reference: write `[kind:][namespace/]name` "
            "as in Backstage, e.g. 'system:default/checkout' or 'checkout-web'"
        )
    return value


CatalogRef = Annotated[
    str,
    Field(strict=True),
    AfterValidator(_catalog_ref),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": MAX_REF_CHARS,
            "pattern": CATALOG_REF_PATTERN,
            "patternErrorMessage": "must be a catalog entity reference: [kind:][namespace/]name",
        }
    ),
]
"""A Backstage entity reference such as `system:default/checkout` (any case)."""

Phase = Literal["buy-in", "problem", "minimum", "attention", "handover"]
Strength = Literal["must", "should", "could"]
Engagement = Literal["unaware", "resistant", "neutral", "supportive", "leading"]
Category = Literal["capability", "data", "ways-of-working"]
Influence = Literal["direct", "shared", "indirect"]
Status = Literal["proposed", "accepted", "superseded"]
Severity = Literal["error", "warning", "info", "off"]

ENGAGEMENT_LEVELS: tuple[str, ...] = get_args(Engagement)

MEANINGS: dict[tuple[str, ...], dict[str, str]] = {
    get_args(Strength): {
        "must": "the consumer cannot do without it",
        "should": "it needs it, but can live without it for a while",
        "could": "it would like it",
    },
    get_args(Influence): {
        "direct": "the team moves the metric itself",
        "shared": "the team moves it with a partner",
        "indirect": "the team can hardly move it",
    },
    get_args(Status): {
        "proposed": "under discussion",
        "accepted": "decided",
        "superseded": "replaced by a later decision",
    },
    get_args(Engagement): {
        "unaware": "does not know of it",
        "resistant": "works against it",
        "neutral": "neither for nor against it",
        "supportive": "for it",
        "leading": "drives it",
    },
}
"""What each value of a small set means, for the message that lists them."""


# The sets of field names models were given, one frozen copy of each (see Strict).
_GIVEN: dict[frozenset[str], frozenset[str]] = {}


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        """Models given the same fields share one frozen set of their names: pydantic
        keeps a set per model, the largest part of a small model's memory (a frozen
        model never adds to it)."""
        given = frozenset(self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", _GIVEN.setdefault(given, given))

    # A copy gets a set of its own again: `model_copy(update=...)` adds to it.
    def __copy__(self) -> Self:
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copied = super().__deepcopy__(memo)
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        return copied
