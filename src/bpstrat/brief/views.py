"""The typed values a brief template sees: one view per thing the brief shows.

Views hold text already in the brief's language and numbers already formatted; the
builders beside this module make them, and the template only arranges and escapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class ProductView:
    id: str
    name: str
    vision: str | None
    phase: str | None
    phase_text: str | None
    owner: str | None
    sponsor: str | None
    successor: str | None
    sides: list[str]


@dataclass(frozen=True, slots=True)
class DemandView:
    dimension: str
    dimension_name: str
    option: str
    option_name: str
    strength: str
    served: bool
    needed_by: str | None
    problem: str | None
    strength_text: str = ""
    problem_title: str | None = None
    accommodation: str | None = None  # how the consumer is accommodated where not served


@dataclass(frozen=True, slots=True)
class ConsumerView:
    id: str
    name: str
    side: str | None
    importance: int
    owner: str | None
    strategy: str | None
    sources: list[str]
    demands: list[DemandView]


@dataclass(frozen=True, slots=True)
class OptionView:
    id: str
    name: str
    support: float
    share: str
    chosen: bool
    consumers: str


@dataclass(frozen=True, slots=True)
class DecisionView:
    id: str
    date: str
    rationale: str | None
    decided_by: str | None = None
    consulted: list[str] = field(default_factory=list)
    revisit: str | None = None
    supersedes: str | None = None


@dataclass(frozen=True, slots=True)
class ProposalView:
    """A decision proposed and not accepted yet: an open ask, and who it would leave
    unserved."""

    id: str
    dimension: str  # the dimension's name
    date: str
    choice: list[str]  # the proposed options' names
    rationale: str | None
    decided_by: str | None  # who is asked to decide
    consulted: list[str]
    unserved: list[str]  # consumers it would leave without any option they asked for
    accommodated: list[str]  # consumers it would meet by a compromise
    text: str  # the ask in one sentence, in the brief's language
    decided_by_id: str | None = None
    consulted_ids: list[str] = field(default_factory=list)
    met: list[tuple[str, str]] = field(default_factory=list)  # (consumer, option) names it eases


@dataclass(frozen=True, slots=True)
class AccommodationView:
    """An unchosen demand still met in part: who, which option, how, until when."""

    consumer: str
    option: str
    via: str
    until: str | None


@dataclass(frozen=True, slots=True)
class DimensionView:
    id: str
    name: str
    choose: int
    total: float
    options: list[OptionView]
    chosen: list[str]
    decision: DecisionView | None
    conflict: bool
    intensity: str
    intensity_value: float
    margin: str
    sentence: str
    unserved: list[str]
    offered: str = ""
    accommodations: list[AccommodationView] = field(default_factory=list)
    uncertain: str | None = None  # what of the choice rests on uncertain demand
    proposals: list[ProposalView] = field(default_factory=list)
    flip: bool = False  # the sentence names a consumer whose weight would change the choice

    @property
    def accommodated(self) -> list[str]:
        """The accommodated consumers' names."""
        return [a.consumer for a in self.accommodations]


@dataclass(frozen=True, slots=True)
class SideView:
    id: str
    demanded: float
    served: float
    served_ratio: str


@dataclass(frozen=True, slots=True)
class StakeholderView:
    id: str
    name: str
    role: str | None
    faction: str | None
    power: int
    interest: int
    quadrant: str
    current: str | None
    desired: str | None
    gap: bool
    next_step: str | None
    concerns: list[str]
    reviewed: str | None
    consumers: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FactionView:
    id: str
    power: int
    supportive_power: int
    share: str


@dataclass(frozen=True, slots=True)
class CoalitionView:
    share: str
    threshold: str
    supportive_power: int
    total_power: int
    standing: bool
    factions: list[FactionView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Where a key goal stands: its newest measurement against the line to its target."""

    id: str
    title: str
    latest: str | None
    target: str
    by: str
    progress: str
    expected: str
    status: str  # the contract's word: on-track, off-track, overdue, achieved, no-data
    status_text: str  # the same in the brief's language
    bar: str
    measurements: int = 0  # how many measurements, up to today, the progress rests on


@dataclass(frozen=True, slots=True)
class StepView:
    step: str
    problems: list[str]


@dataclass(frozen=True, slots=True)
class ProblemView:
    id: str
    title: str
    value_chain: str | None
    impact: int | None
    goals: list[str]
    consumers: list[str]
    evidence: list[str]
    statement: str | None = None  # the longer text, ending as a sentence


@dataclass(frozen=True, slots=True)
class MetricView:
    name: str | None
    unit: str | None
    baseline: str | None
    target: str | None
    by: str | None
    influence: str | None
    target_text: str | None = None  # the target with its unit, as the language writes it


@dataclass(frozen=True, slots=True)
class GoalView:
    id: str
    title: str
    key: bool
    category: str | None
    problems: list[str]
    metric: MetricView | None
    status: str | None = None  # on track / at risk ..., once goals carry measurements
    consumers: list[str] = field(default_factory=list)  # ids of the consumers it concerns


@dataclass(frozen=True, slots=True)
class GoalMoneyView:
    """What one goal costs and returns, written as money; the raw amounts beside, for
    charts."""

    id: str
    title: str
    key: bool
    cost: str | None  # one-off, None where the goal does not say
    value: str | None  # a year once reached
    confidence: str  # how sure we are of the value, as a percentage
    expected: str  # the value weighed by the confidence, a year
    payback: str | None  # '5 months'; None without a cost or an expected value
    pays_back: bool  # within lint.max_payback_months
    cost_amount: float | None = None
    value_amount: float | None = None
    expected_amount: float = 0.0
    confidence_value: float = 1.0
    payback_months: float | None = None
    cost_basis: str | None = None
    value_basis: str | None = None


@dataclass(frozen=True, slots=True)
class InvestmentView:
    """What the strategy asks for and returns: totals over the key goals, and each goal
    with a cost or a value (key goals first)."""

    currency: str | None
    ask: str
    value: str
    expected: str
    payback: str | None
    sentence: str  # the ask and the return in plain words
    goals: list[GoalMoneyView]
    ask_amount: float = 0.0
    value_amount: float = 0.0
    expected_amount: float = 0.0
    payback_months: float | None = None
    max_payback: str = ""  # lint.max_payback_months, in words


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """One conflict as a sponsor reads it: what was chosen, and who pays for it."""

    dimension: str
    decided: bool
    chosen: list[str]
    unserved: list[str]
    accommodations: list[AccommodationView]
    text: str  # in plain words, no figures of the scoring


@dataclass(frozen=True, slots=True)
class TrendView:
    """A key goal as a sponsor reads it: where it started, where it is, where it goes."""

    id: str
    title: str
    status: str | None  # the contract's word; None without a complete metric
    text: str  # in plain words and units
    measurements: int = 0


@dataclass(frozen=True, slots=True)
class RiskView:
    """A risk in plain language: no codes, no paths."""

    text: str
    consequence: str
    next_step: str
    severity: str
    code: str


@dataclass(frozen=True, slots=True)
class FindingView:
    """A lint finding as the team reads it: code, message and file:line."""

    code: str
    message: str
    where: str
    severity: str


@dataclass(frozen=True, slots=True)
class Counts:
    errors: int
    warnings: int


@dataclass(frozen=True, slots=True)
class MatrixRow:
    consumer: str
    cells: list[str]


@dataclass(frozen=True, slots=True)
class DemandMatrix:
    """Consumers x dimensions, for when a flowchart would be a tangle."""

    dimensions: list[str]
    rows: list[MatrixRow]


@dataclass(frozen=True, slots=True)
class ChartLink:
    """A chart as the Markdown brief embeds it: `![alt](src)`."""

    src: str
    alt: str  # the chart's text alternative


@dataclass(frozen=True, slots=True)
class ChartLinks:
    """The charts a brief embeds, by where it shows them; empty unless asked for
    (`--format html`, `--format pdf`, `--charts DIR`)."""

    progress: list[ChartLink] = field(default_factory=list)  # one per key goal
    demand: ChartLink | None = None
    money: ChartLink | None = None
    value_chain: ChartLink | None = None
    stakeholders: ChartLink | None = None


class TemplateView:
    """A view a template renders: each dataclass field is a template variable."""

    __slots__ = ()  # views are many in a large brief: none keeps a per-object dict

    def variables(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class BriefContext(TemplateView):
    """What a brief template sees: each field is a template variable."""

    today: str
    product: ProductView
    consumers: list[ConsumerView]
    dimensions: list[DimensionView]
    sides: list[SideView]
    flywheel_imbalance: float | None
    flywheel_tolerance: float
    flywheel_leaning: bool
    stakeholders: list[StakeholderView]
    coalition: CoalitionView
    problems: list[ProblemView]
    key_goals: list[GoalView]
    suggested_goals: list[GoalView]
    risks: list[RiskView]
    counts: Counts
    demand_flowchart: str | None
    stakeholder_chart: str | None
    summary: list[str]
    lang: str = "en"
    as_of: str = ""
    top_risks: list[RiskView] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)
    imbalance: str | None = None
    tolerance: str = ""
    demand_matrix: DemandMatrix | None = None
    stakeholder_chart_note: str | None = None
    progress: list[ProgressView] = field(default_factory=list)
    value_chain: list[StepView] = field(default_factory=list)
    value_chain_chart: str | None = None
    proposals: list[ProposalView] = field(default_factory=list)
    charts: ChartLinks = field(default_factory=ChartLinks)
    format: str = "markdown"  # what the Markdown becomes: markdown, or html (HTML and PDF)
    investment: InvestmentView | None = None  # None: no goal has a cost or a value
    buys: list[str] = field(default_factory=list)  # what the key goals deliver, in words
    choices: list[ChoiceView] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)  # what we ask the reader to decide
    trends: list[TrendView] = field(default_factory=list)
    executive_risks: list[RiskView] = field(default_factory=list)  # no politics, no codes
    audience: str = "team"
    since: TemplateView | None = None  # what changed since a commit (brief --since)
