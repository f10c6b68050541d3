"""bpstrat.yaml -> the effective configuration, salvaging every section that is valid.

A typo in `product` must not switch off `lint.ignore`: each section is validated on its
own, and an invalid one falls back to its defaults while its findings are reported.
"""

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Optional, TypeVar

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from bpstrat.findings import Issue
from bpstrat.model.types import (
    CatalogRef,
    Currency,
    Phase,
    Severity,
    Slug,
    Strict,
    Text,
    empty_dict,
    empty_list,
)
from bpstrat.model.validate import validate
from bpstrat.source.files import ROOT_FILE
from bpstrat.source.globs import MAX_GLOB_CHARS, MAX_GLOBS
from bpstrat.source.yaml_fast import Document


class Product(Strict):
    """The backend product the strategy is for."""

    id: Annotated[Slug, Field(description="The product's id.", examples=["pricing-platform"])]
    name: Annotated[
        Text,
        Field(description="The product's name as people say it.", examples=["Pricing Platform"]),
    ]
    vision: Annotated[
        Optional[Text],
        Field(
            description="Where the product is heading, in a sentence.",
            examples=["One price, computed once, served everywhere."],
        ),
    ] = None
    phase: Annotated[
        Optional[Phase],
        Field(
            description="The phase the product is in: buy-in (a sponsor funds it), problem (find "
            "the problem), minimum (an MVP for one goal), attention (make it known and easy to "
            "use) or handover (pass it on). Some rules apply in one phase only.",
            examples=["problem"],
        ),
    ] = None
    owner: Annotated[
        Optional[Slug],
        Field(
            description="The id of the stakeholder who owns the product.", examples=["ana-lopez"]
        ),
    ] = None
    sponsor: Annotated[
        Optional[Slug],
        Field(
            description="The id of the senior stakeholder who funds the product; needed in "
            "phase buy-in [BP414].",
            examples=["cfo-mark"],
        ),
    ] = None
    successor: Annotated[
        Optional[Slug],
        Field(
            description="The id of the stakeholder who takes the product over; needed in "
            "phase handover [BP416].",
            examples=["raj-patel"],
        ),
    ] = None
    sides: list[Slug] = Field(
        default_factory=empty_list,
        description="The flywheel sides, e.g. client and supply teams of a marketplace. "
        "When declared, each consumer's `side` must be one of them.",
        examples=[["client", "supply"]],
    )
    value_chain: list[Slug] = Field(
        default_factory=empty_list,
        description="The steps of the company's value chain, in order. When declared, each "
        "problem's `value_chain` must name one of them [BP302].",
        examples=[["discovery", "search", "checkout", "payment", "fulfilment"]],
    )
    currency: Annotated[
        Optional[Currency],
        Field(
            description="The ISO 4217 code (three capital letters) of the currency that goals' "
            "`cost` and `value` are in; the score and the brief show amounts in it.",
            examples=["EUR"],
        ),
    ] = None


class LintConfig(Strict):
    """How `bpstrat lint` judges the strategy."""

    ignore: list[str] = Field(
        default_factory=empty_list,
        description="Finding codes switched off for the whole strategy.",
        examples=[["BP405"]],
    )
    severity: dict[str, Severity] = Field(
        default_factory=empty_dict,
        description="A different severity per finding code: error, warning, info or off.",
        examples=[{"BP413": "error"}],
    )
    max_key_goals: Annotated[
        Annotated[int, Field(strict=True, ge=1, le=1000)],
        Field(
            description="The most key goals a strategy may have (at least one is needed) [BP404].",
            examples=[3],
        ),
    ] = 3
    stale_after_days: Annotated[
        Annotated[int, Field(strict=True, ge=1, le=36500)],
        Field(
            description="After how many days a stakeholder analysis [BP406], a key goal's newest "
            "measurement [BP418] or a consumer's strategy review [BP421] counts as stale.",
            examples=[90],
        ),
    ] = 90
    coalition_threshold: Annotated[
        Annotated[float, Field(strict=True, ge=0, le=1)],
        Field(
            description="The share of all stakeholder power, 0 to 1, that supportive and "
            "leading stakeholders must hold for a coalition [BP408].",
            examples=[0.5],
        ),
    ] = 0.5
    flywheel_tolerance: Annotated[
        Annotated[float, Field(strict=True, ge=0, le=1)],
        Field(
            description="The largest gap, 0 to 1, between the best and the worst served side "
            "before the flywheel counts as out of balance [BP410].",
            examples=[0.3],
        ),
    ] = 0.3
    track_tolerance: Annotated[
        Annotated[float, Field(strict=True, ge=0, le=1)],
        Field(
            description="How far, 0 to 1, a goal's progress may lag the expected progress and "
            "still be on track [BP417].",
            examples=[0.1],
        ),
    ] = 0.1
    max_payback_months: Annotated[
        Annotated[float, Field(strict=True, allow_inf_nan=False, gt=0, le=1200)],
        Field(
            description="The longest a key goal's cost may take to pay back, in months of its "
            "expected value [BP426].",
            examples=[36],
        ),
    ] = 36


Weight = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1_000_000)]
"""A strength weight: finite, 0 to a million, so sums of weights stay exact enough."""


class StrengthWeights(Strict):
    """The weight of each demand strength in scoring."""

    must: Annotated[Weight, Field(description="The weight of a `must` demand.", examples=[3])] = 3.0
    should: Annotated[
        Weight, Field(description="The weight of a `should` demand.", examples=[2])
    ] = 2.0
    could: Annotated[Weight, Field(description="The weight of a `could` demand.", examples=[1])] = (
        1.0
    )


class ScoringConfig(Strict):
    """How `bpstrat score` weighs demands."""

    strength: StrengthWeights = Field(
        default_factory=lambda: StrengthWeights(),
        description="The weight of each demand strength: an option's support is the sum "
        "of consumer importance times this weight over its demands.",
        examples=[{"must": 3, "should": 2, "could": 1}],
    )
    accommodation: Annotated[
        Annotated[float, Field(strict=True, ge=0, le=1)],
        Field(
            description="The served fraction, 0 to 1, of a demand that an active accommodation "
            "of the deciding decision meets.",
            examples=[0.5],
        ),
    ] = 0.5


Language = Literal["en", "de", "nl"]
Audience = Literal["executive", "team"]
"""The languages the brief is written in."""


class BriefConfig(Strict):
    """How `bpstrat brief` writes the brief."""

    lang: Annotated[
        Optional[Language],
        Field(
            description="The language of the brief and the letters: en (English, the default), "
            "de (German) or nl (Dutch). `--lang` overrides it. Only fixed text is translated; "
            "names and everything else you wrote stay as they are.",
            examples=["de"],
        ),
    ] = None
    audience: Annotated[
        Optional[Audience],
        Field(
            description="Who the brief is for: team (the default: everything, with the "
            "stakeholder map, the scoring and the findings) or executive (at most two pages "
            "for the sponsor and the CFO: the ask and its return, the decisions and who pays "
            "for them, the open asks, the key goals' trend and the top three risks, without "
            "the politics). `--audience` overrides it; letters are the same for both.",
            examples=["executive"],
        ),
    ] = None


Glob = Annotated[Text, Field(max_length=MAX_GLOB_CHARS)]

MAX_CATALOG_PATHS = 1000
CatalogPath = Annotated[Text, Field(max_length=4096)]


class CatalogConfig(Strict):
    """Where the service catalog is and which of its APIs are the product's own."""

    backstage: list[CatalogPath] = Field(
        min_length=1,
        max_length=MAX_CATALOG_PATHS,
        description="Files or folders of Backstage descriptor files (`catalog-info.yaml`), "
        "relative to the root. Folders are searched recursively for `*.yaml` and `*.yml`; "
        "`kind: Location` entities' relative targets are followed. Every path must stay "
        "inside the git work tree that holds the root [BP430].",
        examples=[["../catalog"]],
    )
    apis: list[CatalogRef] = Field(
        min_length=1,
        max_length=MAX_CATALOG_PATHS,
        description="The product's own API entities in the catalog, as entity references "
        "(default kind `api`, default namespace `default`). Every entity whose "
        "`spec.consumesApis` names one of them is a consumer [BP428].",
        examples=[["pricing-api", "api:pricing/price-events"]],
    )


class RootConfig(Strict):
    """The contents of bpstrat.yaml: the product, the files to leave out, lint and scoring."""

    product: Annotated[
        Product,
        Field(
            description="The backend product: its id, name, vision, phase and the people around it."
        ),
    ]
    exclude: list[Glob] = Field(
        default_factory=empty_list,
        max_length=MAX_GLOBS,
        description="Globs of files below the root that are not entity files, relative to "
        "the root. `*` and `?` match within one name, `**` spans folders; a pattern without "
        "`/` matches at any depth; a pattern matching a folder excludes all below it. At "
        f"most {MAX_GLOBS:,} globs of at most {MAX_GLOB_CHARS} characters each.",
        examples=[["drafts/**"]],
    )
    lint: LintConfig = Field(
        default_factory=lambda: LintConfig(),
        description="Settings of `bpstrat lint`: codes to ignore, severities, and the limits "
        "the strategy rules use.",
    )
    scoring: ScoringConfig = Field(
        default_factory=lambda: ScoringConfig(),
        description="Settings of `bpstrat score`: the weight of each demand strength and "
        "the served fraction of an accommodation.",
    )
    brief: BriefConfig = Field(
        default_factory=lambda: BriefConfig(),
        description="Settings of `bpstrat brief`: the language it is written in and who it is for.",
    )
    catalog: Annotated[
        Optional[CatalogConfig],
        Field(
            description="The Backstage software catalog that lists who consumes the product's "
            "APIs; lint then reports consumers the strategy has forgotten [BP428] and "
            "consumers the catalog does not know [BP429]. See docs/catalog.md."
        ),
    ] = None


S = TypeVar("S", bound=BaseModel)
_GLOB: TypeAdapter[str] = TypeAdapter(Glob)
_CATALOG_PATH: TypeAdapter[str] = TypeAdapter(CatalogPath)
_CATALOG_REF: TypeAdapter[str] = TypeAdapter(CatalogRef)


@dataclass
class Config:
    """What bpstrat.yaml says, with defaults for whatever it could not say validly."""

    product: Product | None = None
    exclude: list[str] = field(default_factory=list)
    lint: LintConfig = field(default_factory=LintConfig)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    brief: BriefConfig = field(default_factory=BriefConfig)
    catalog: CatalogConfig | None = None


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
        # an invalid glob is dropped from the model: keep the valid ones
        config = Config(model.product, _valid_globs(data.get("exclude")), model.lint, model.scoring)
        config.brief = model.brief
        config.catalog = model.catalog
        return config, issues
    config = Config(
        product=_section(Product, data.get("product")),
        lint=_section(LintConfig, data.get("lint")) or LintConfig(),
        scoring=_section(ScoringConfig, data.get("scoring")) or ScoringConfig(),
        brief=_section(BriefConfig, data.get("brief")) or BriefConfig(),
    )
    config.exclude = _valid_globs(data.get("exclude"))
    config.catalog = _valid_catalog(data.get("catalog"))
    return config, issues


def _valid_catalog(value: object) -> CatalogConfig | None:
    """The valid paths and APIs of a `catalog:` that is not valid as a whole (each bad
    item is a finding): a typo in one API does not switch the catalog off."""
    if not isinstance(value, dict):
        return None
    kept: dict[str, list[str]] = {}
    for key, adapter in (("backstage", _CATALOG_PATH), ("apis", _CATALOG_REF)):
        items = value.get(key)
        kept[key] = []
        for item in items[:MAX_CATALOG_PATHS] if isinstance(items, list) else ():
            try:
                kept[key].append(adapter.validate_python(item))
            except ValidationError:
                continue
    try:
        return CatalogConfig(backstage=kept["backstage"], apis=kept["apis"])
    except ValidationError:
        return None


def _valid_globs(value: object) -> list[str]:
    """The globs of an `exclude:` that is not valid as a whole (each bad one is a finding):
    the valid ones still leave their files out."""
    globs: list[str] = []
    for item in value[:MAX_GLOBS] if isinstance(value, list) else ():
        try:
            globs.append(_GLOB.validate_python(item))
        except ValidationError:
            continue
    return globs


def _section(model: type[S], value: object) -> S | None:
    if value is None:
        return None
    try:
        return model.model_validate(value)
    except ValidationError:
        return None
