"""bpstrat.yaml -> the effective configuration, salvaging every section that is valid.

A typo in `product` must not switch off `lint.ignore`: each section is validated on its
own, and an invalid one falls back to its defaults while its findings are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Optional, TypeVar

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from bpstrat.findings import Issue
from bpstrat.model.types import Phase, Severity, Slug, Strict, Text
from bpstrat.model.validate import validate
from bpstrat.source.files import ROOT_FILE
from bpstrat.source.yaml_fast import Document


class Product(Strict):
    id: Slug
    name: Text
    vision: Optional[Text] = None
    phase: Optional[Phase] = None
    owner: Optional[Slug] = None
    sponsor: Optional[Slug] = None
    successor: Optional[Slug] = None
    sides: list[Slug] = Field(default_factory=list)


class LintConfig(Strict):
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    max_key_goals: Annotated[int, Field(strict=True, ge=1)] = 3
    stale_after_days: Annotated[int, Field(strict=True, ge=1)] = 90
    coalition_threshold: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.5
    flywheel_tolerance: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.3


class StrengthWeights(Strict):
    must: Annotated[float, Field(strict=True, ge=0)] = 3.0
    should: Annotated[float, Field(strict=True, ge=0)] = 2.0
    could: Annotated[float, Field(strict=True, ge=0)] = 1.0


class ScoringConfig(Strict):
    strength: StrengthWeights = Field(default_factory=StrengthWeights)


class RootConfig(Strict):
    """The contents of bpstrat.yaml."""

    product: Product
    exclude: list[Text] = Field(default_factory=list)
    lint: LintConfig = Field(default_factory=LintConfig)
    scoring: ScoringConfig = Field(default_factory=ScoringConfig)


S = TypeVar("S", bound=BaseModel)
_EXCLUDE: TypeAdapter[list[str]] = TypeAdapter(list[Text])


@dataclass
class Config:
    """What bpstrat.yaml says, with defaults for whatever it could not say validly."""

    product: Product | None = None
    exclude: list[str] = field(default_factory=list)
    lint: LintConfig = field(default_factory=LintConfig)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)


def read_config(document: Document | None) -> tuple[Config, list[Issue]]:
    """Validate the first document of bpstrat.yaml; return the config and its issues."""
    if document is None or not isinstance(document.data, dict):
        mark = (document.start.line, document.start.column) if document is not None else (1, 1)
        message = "bpstrat.yaml must be a mapping with a `product:` section (id, name, vision, ...)"
        return Config(), [Issue("BP103", message, ROOT_FILE, mark=mark)]
    data: dict[str, Any] = document.data
    model, issues = validate(RootConfig, data)
    issues = [issue.located(ROOT_FILE) for issue in issues]
    if isinstance(model, RootConfig):
        return Config(model.product, list(model.exclude), model.lint, model.scoring), issues
    config = Config(
        product=_section(Product, data.get("product")),
        lint=_section(LintConfig, data.get("lint")) or LintConfig(),
        scoring=_section(ScoringConfig, data.get("scoring")) or ScoringConfig(),
    )
    try:
        config.exclude = _EXCLUDE.validate_python(data.get("exclude") or [])
    except ValidationError:
        pass
    return config, issues


def _section(model: type[S], value: object) -> S | None:
    if value is None:
        return None
    try:
        return model.model_validate(value)
    except ValidationError:
        return None
