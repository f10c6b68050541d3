"""The entity kinds of a strategy: consumer, stakeholder, problem, goal, dimension, decision.

Field names and enums follow the file format (docs/format.md); every model forbids
unknown fields so typos surface as findings. Each field's description is what editors
show on hover and what the field reference in docs/format.md says.
"""

from typing import Annotated, Literal, Optional

from pydantic import Field, StrictBool

from bpstrat.model.types import (
    Amount,
    CatalogRef,
    Category,
    Confidence,
    Engagement,
    Influence,
    IsoDate,
    Number,
    PositiveAmount,
    Scale,
    Slug,
    Status,
    Strength,
    Strict,
    Text,
    empty_list,
)

_ID = "The id other files use to refer to this {kind}; unique among all {kind}s in the root."


class ConsumerStrategy(Strict):
    """Where the consumer itself is heading, as far as you know it."""

    summary: Annotated[
        Optional[Text],
        Field(
            description="The consumer's own strategy in a sentence or two: what it is building "
            "towards and what that means for us. Without a summary or sources the strategy "
            "counts as unknown [BP405].",
            examples=["Moving to server-side rendering and event-driven updates."],
        ),
    ] = None
    sources: list[Text] = Field(
        default_factory=empty_list,
        description="Where the strategy comes from: roadmaps, visions, wiki pages, notes of "
        "a conversation. Links or plain words.",
        examples=[["https://wiki.example.com/checkout/roadmap-2027"]],
    )
    reviewed: Annotated[
        Optional[IsoDate],
        Field(
            description="When the consumer's strategy was last checked; older than "
            "`lint.stale_after_days` is stale [BP421].",
            examples=["2026-10-01"],
        ),
    ] = None


class Demand(Strict):
    """One thing a consumer asks for: an option on a dimension, and how strongly."""

    dimension: Annotated[
        Slug,
        Field(description="The id of the dimension the demand is about.", examples=["interface"]),
    ]
    option: Annotated[
        Slug,
        Field(
            description="The id of the option the consumer wants; it must be one of that "
            "dimension's options [BP303].",
            examples=["rest-json"],
        ),
    ]
    strength: Annotated[
        Strength,
        Field(
            description="How strongly the consumer wants it (MoSCoW): must, should or could. "
            "Weighed by `scoring.strength` in bpstrat.yaml.",
            examples=["must"],
        ),
    ]
    confidence: Annotated[
        Confidence,
        Field(
            description="How sure we are that the consumer needs it, above 0 up to 1 (the "
            "default): a demand read in the consumer's written strategy is surer than a remark "
            "in a corridor. Its weight in scoring is multiplied by it.",
            examples=[0.7],
        ),
    ] = 1.0
    needed_by: Annotated[
        Optional[IsoDate],
        Field(
            description="The date the consumer needs it by; a date in the past is a risk [BP413].",
            examples=["2027-03-01"],
        ),
    ] = None
    problem: Annotated[
        Optional[Slug],
        Field(
            description="The id of the problem behind the demand. A demand is not a problem: "
            "say which problem it would solve [BP401].",
            examples=["stale-prices"],
        ),
    ] = None
    note: Annotated[
        Optional[str],
        Field(
            description="Free text about the demand.",
            examples=["Needed for the new checkout flow."],
        ),
    ] = None


class Consumer(Strict):
    """A product or team that depends on the backend product."""

    kind: Annotated[Literal["consumer"], Field(description="Always `consumer` for this kind.")]
    id: Annotated[Slug, Field(description=_ID.format(kind="consumer"), examples=["checkout-web"])]
    name: Annotated[
        Text, Field(description="The consumer's name as people say it.", examples=["Checkout Web"])
    ]
    side: Annotated[
        Optional[Slug],
        Field(
            description="The flywheel side the consumer is on; one of `product.sides` when sides "
            "are declared [BP202]. Used for the served ratio per side [BP410].",
            examples=["client"],
        ),
    ] = None
    importance: Annotated[
        Scale,
        Field(
            description="How much this consumer matters, 1 (little) to 5 (most): its weight "
            "when demands are scored.",
            examples=[5],
        ),
    ]
    owner: Annotated[
        Optional[Slug],
        Field(
            description="The id of the stakeholder who owns the consumer.",
            examples=["lena-fischer"],
        ),
    ] = None
    catalog: Annotated[
        Optional[CatalogRef],
        Field(
            description="This consumer's entity in the service catalog, as a Backstage entity "
            "reference (`[kind:][namespace/]name`, namespace `default` when left out). "
            "Without it the consumer matches the catalog entity whose name is its id. It must "
            "name an entity that consumes one of `catalog.apis` [BP429].",
            examples=["system:default/checkout"],
        ),
    ] = None
    strategy: Annotated[
        Optional[ConsumerStrategy],
        Field(
            description="Where the consumer itself is heading; leaving it out counts as an "
            "unknown strategy [BP405]."
        ),
    ] = None
    demands: list[Demand] = Field(
        default_factory=empty_list,
        description="What the consumer asks of the product, one item per option it wants.",
    )


class EngagementLevels(Strict):
    """How engaged a stakeholder is now and how engaged we need them (PMBOK levels)."""

    current: Annotated[
        Engagement,
        Field(
            description="How engaged the stakeholder is today: unaware, resistant, neutral, "
            "supportive or leading. Supportive and leading count towards the coalition.",
            examples=["neutral"],
        ),
    ]
    desired: Annotated[
        Optional[Engagement],
        Field(
            description="How engaged we need the stakeholder to be, on the same levels.",
            examples=["supportive"],
        ),
    ] = None


class EngagementPlan(Strict):
    """How we engage the stakeholder."""

    channel: Annotated[
        Optional[Text],
        Field(description="How and how often we talk to them.", examples=["monthly 1:1"]),
    ] = None
    next_step: Annotated[
        Optional[Text],
        Field(
            description="The next concrete thing we will do with them; a powerful stakeholder "
            "below the desired engagement needs one [BP407].",
            examples=["Show the cost model for batch vs streaming."],
        ),
    ] = None
    due: Annotated[
        Optional[IsoDate],
        Field(
            description="When `next_step` should be done; a date in the past is a risk "
            "[BP427], and it is on the agenda.",
            examples=["2026-12-15"],
        ),
    ] = None


class Stakeholder(Strict):
    """A person or group whose support the strategy needs."""

    kind: Annotated[
        Literal["stakeholder"], Field(description="Always `stakeholder` for this kind.")
    ]
    id: Annotated[Slug, Field(description=_ID.format(kind="stakeholder"), examples=["cfo-mark"])]
    name: Annotated[
        Text, Field(description="The person's or group's name.", examples=["Mark Jansen"])
    ]
    role: Annotated[Optional[Text], Field(description="Their job or role.", examples=["CFO"])] = (
        None
    )
    faction: Annotated[
        Optional[Text],
        Field(description="The group or power base they belong to.", examples=["finance"]),
    ] = None
    power: Annotated[
        Scale,
        Field(
            description="How much they can help or block the strategy, 1 (little) to 5 (most). "
            "Their weight in the coalition share.",
            examples=[5],
        ),
    ]
    interest: Annotated[
        Scale,
        Field(
            description="How much the product affects them and how much they care, 1 (little) "
            "to 5 (most).",
            examples=[3],
        ),
    ]
    engagement: Annotated[
        Optional[EngagementLevels],
        Field(description="How engaged they are now and how engaged we need them."),
    ] = None
    concerns: list[Text] = Field(
        default_factory=empty_list,
        description="What worries them about the product or the strategy.",
        examples=[["cost of the migration"]],
    )
    plan: Annotated[Optional[EngagementPlan], Field(description="How we engage them.")] = None
    consumers: list[Slug] = Field(
        default_factory=empty_list,
        description="The ids of the consumers this stakeholder speaks for.",
        examples=[["checkout-web"]],
    )
    reviewed: Annotated[
        Optional[IsoDate],
        Field(
            description="When this analysis was last looked at; older than "
            "`lint.stale_after_days`, or missing, is stale [BP406].",
            examples=["2026-10-01"],
        ),
    ] = None


class Problem(Strict):
    """A problem in the value chain that the product can solve."""

    kind: Annotated[Literal["problem"], Field(description="Always `problem` for this kind.")]
    id: Annotated[Slug, Field(description=_ID.format(kind="problem"), examples=["stale-prices"])]
    title: Annotated[
        Text,
        Field(
            description="The problem in one line, as a fact rather than a wish.",
            examples=["Prices shown at checkout are up to 15 minutes old"],
        ),
    ]
    statement: Annotated[
        Optional[str],
        Field(
            description="The problem in more words: who suffers, how, and what it costs.",
            examples=["Longer text."],
        ),
    ] = None
    value_chain: Annotated[
        Optional[Text],
        Field(
            description="The step of the company's value chain where the problem hurts; one of "
            "`product.value_chain` when that is declared [BP302].",
            examples=["checkout"],
        ),
    ] = None
    impact: Annotated[
        Optional[Scale],
        Field(description="How much solving it is worth, 1 (little) to 5 (most).", examples=[4]),
    ] = None
    evidence: list[Text] = Field(
        default_factory=empty_list,
        description="Facts that show the problem is real: numbers, incidents, quotes.",
        examples=[["2.1% of bookings fail on price change"]],
    )
    consumers: list[Slug] = Field(
        default_factory=empty_list,
        description="The ids of the consumers who feel the problem.",
        examples=[["checkout-web"]],
    )


class Measurement(Strict):
    """One dated actual value of a metric."""

    date: Annotated[
        IsoDate,
        Field(
            description="When the value was measured; a date after today is invalid [BP202] "
            "and left out of the figures.",
            examples=["2026-11-15"],
        ),
    ]
    value: Annotated[
        Number, Field(description="The measured value, in the metric's unit.", examples=[420])
    ]


class Metric(Strict):
    """How a goal is measured: from a baseline to a target by a date."""

    name: Annotated[
        Optional[Text],
        Field(
            description="What is measured. A goal's metric needs a name, baseline, target and "
            "by date [BP402].",
            examples=["p95 price age at checkout"],
        ),
    ] = None
    unit: Annotated[
        Optional[Text],
        Field(description="The unit of the baseline and target values.", examples=["s"]),
    ] = None
    baseline: Annotated[
        Optional[Number],
        Field(description="The value today, where the goal starts.", examples=[900]),
    ] = None
    target: Annotated[
        Optional[Number], Field(description="The value the goal aims for.", examples=[60])
    ] = None
    by: Annotated[
        Optional[IsoDate],
        Field(description="The date the target should be reached.", examples=["2027-06-30"]),
    ] = None
    influence: Annotated[
        Optional[Influence],
        Field(
            description="Can the team move the metric itself (direct), with a partner (shared), "
            "or hardly at all (indirect) [BP403]?",
            examples=["direct"],
        ),
    ] = None
    since: Annotated[
        Optional[IsoDate],
        Field(
            description="When the trajectory from baseline to target starts; without it, the "
            "date of the earliest measurement.",
            examples=["2026-07-01"],
        ),
    ] = None
    measurements: list[Measurement] = Field(
        default_factory=empty_list,
        description="Dated actual values: the goal's progress, expected progress and status "
        "follow from the newest one [BP417, BP418, BP419].",
        examples=[[{"date": "2026-09-30", "value": 610}, {"date": "2026-11-15", "value": 420}]],
    )


class Cost(Strict):
    """The one-off investment a goal needs."""

    amount: Annotated[
        PositiveAmount,
        Field(
            description="What reaching the goal costs, once, in `product.currency`; more than 0.",
            examples=[240000],
        ),
    ]
    basis: Annotated[
        Optional[Text],
        Field(
            description="How the amount was estimated, so that others can check it.",
            examples=["4 engineers for 6 months"],
        ),
    ] = None


class YearlyValue(Strict):
    """What a goal is worth per year once it is reached."""

    amount: Annotated[
        Amount,
        Field(
            description="What the goal returns per year once reached, in `product.currency`; "
            "0 or more.",
            examples=[900000],
        ),
    ]
    basis: Annotated[
        Optional[Text],
        Field(
            description="Where the amount comes from: the loss it ends, the revenue it brings.",
            examples=["2.1% of bookings lost at checkout on a price change"],
        ),
    ] = None


class Goal(Strict):
    """What the product will achieve: an outcome, measured by a metric."""

    kind: Annotated[Literal["goal"], Field(description="Always `goal` for this kind.")]
    id: Annotated[Slug, Field(description=_ID.format(kind="goal"), examples=["fresh-prices"])]
    title: Annotated[
        Text,
        Field(
            description="The outcome in one line.",
            examples=["Prices at checkout are never older than 60 seconds"],
        ),
    ]
    key: Annotated[
        StrictBool,
        Field(
            description="true for one of the few key goals the strategy is built on; false for "
            "a suggestion. There should be 1 to `lint.max_key_goals` key goals [BP404].",
            examples=[True],
        ),
    ] = False
    category: Annotated[
        Optional[Category],
        Field(
            description="What kind of goal: a capability to build, data to capture, or ways of "
            "working with consumers.",
            examples=["capability"],
        ),
    ] = None
    problems: list[Slug] = Field(
        default_factory=empty_list,
        description="The ids of the problems the goal addresses; a goal without one is "
        "reported [BP412].",
        examples=[["stale-prices"]],
    )
    consumers: list[Slug] = Field(
        default_factory=empty_list,
        description="The ids of the consumers the goal serves.",
        examples=[["checkout-web"]],
    )
    metric: Annotated[
        Optional[Metric],
        Field(
            description="How the goal is measured; a goal without a complete metric is "
            "reported [BP402]."
        ),
    ] = None
    cost: Annotated[
        Optional[Cost],
        Field(
            description="The one-off investment needed to reach the goal. In phase buy-in a "
            "key goal without one is reported [BP425]; a key goal whose cost does not pay back "
            "within `lint.max_payback_months` is too [BP426]."
        ),
    ] = None
    value: Annotated[
        Optional[YearlyValue],
        Field(description="What the goal is worth per year once reached."),
    ] = None
    confidence: Annotated[
        Confidence,
        Field(
            description="How sure we are of the value, above 0 up to 1 (the default): the "
            "expected value per year is the value times this.",
            examples=[0.6],
        ),
    ] = 1.0


class Option(Strict):
    """One way the product could go on a dimension."""

    id: Annotated[
        Slug,
        Field(
            description="The id demands and decisions use; unique within the dimension.",
            examples=["rest-json"],
        ),
    ]
    name: Annotated[
        Optional[Text],
        Field(
            description="The option's name as people say it; the id is shown when it is missing.",
            examples=["REST/JSON"],
        ),
    ] = None
    cost: Annotated[
        Scale,
        Field(
            description="What offering the option costs, 1 (cheap) to 5 (expensive); breaks "
            "ties between options with the same support.",
            examples=[2],
        ),
    ] = 3

    @property
    def label(self) -> str:
        return self.name or self.id


class Dimension(Strict):
    """An axis on which consumers' demands can conflict, with the options on it."""

    kind: Annotated[Literal["dimension"], Field(description="Always `dimension` for this kind.")]
    id: Annotated[Slug, Field(description=_ID.format(kind="dimension"), examples=["interface"])]
    name: Annotated[Text, Field(description="The dimension's name.", examples=["Interface style"])]
    choose: Annotated[
        Annotated[int, Field(strict=True, ge=1)],
        Field(
            description="How many options the product will offer on this dimension; at most the "
            "number of options [BP202]. Demands for more options than this are a conflict.",
            examples=[1],
        ),
    ] = 1
    options: Annotated[
        Annotated[list[Option], Field(min_length=1)],
        Field(
            description="The options consumers can demand, at least one; ids unique within the "
            "dimension.",
            examples=[
                [
                    {"id": "rest-json", "name": "REST/JSON", "cost": 2},
                    {"id": "soap-xml", "name": "SOAP/XML", "cost": 3},
                    {"id": "ftp-csv", "name": "FTP/CSV batch", "cost": 1},
                ]
            ],
        ),
    ]


class Accommodation(Strict):
    """An unchosen demand that the decision still meets, in part."""

    consumer: Annotated[
        Slug,
        Field(
            description="The id of the consumer accommodated; it must demand `option` on the "
            "decision's dimension [BP303].",
            examples=["billing"],
        ),
    ]
    option: Annotated[
        Slug,
        Field(
            description="The unchosen option the consumer demanded [BP303].",
            examples=["nightly-batch"],
        ),
    ]
    via: Annotated[
        Text,
        Field(
            description="How the demand is met instead.",
            examples=["a nightly file generated from the event stream"],
        ),
    ]
    until: Annotated[
        Optional[IsoDate],
        Field(
            description="When the accommodation ends; it is active up to and including this "
            "date [BP422].",
            examples=["2027-12-31"],
        ),
    ] = None


class Decision(Strict):
    """How a conflict on a dimension was settled."""

    kind: Annotated[Literal["decision"], Field(description="Always `decision` for this kind.")]
    id: Annotated[Slug, Field(description=_ID.format(kind="decision"), examples=["interface-2027"])]
    dimension: Annotated[
        Slug,
        Field(description="The id of the dimension the decision settles.", examples=["interface"]),
    ]
    choice: Annotated[
        Annotated[list[Slug], Field(min_length=1)],
        Field(
            description="The ids of the chosen options, at least one and at most the "
            "dimension's `choose`.",
            examples=[["rest-json"]],
        ),
    ]
    status: Annotated[
        Status,
        Field(
            description="proposed, accepted or superseded. Only accepted decisions set the "
            "dimension's chosen options.",
            examples=["accepted"],
        ),
    ]
    date: Annotated[
        IsoDate,
        Field(
            description="When the decision was made; the newest accepted decision on a dimension "
            "that no other decision supersedes wins.",
            examples=["2026-11-01"],
        ),
    ]
    rationale: Annotated[
        Optional[str],
        Field(
            description="Why this choice: the reasons and the trade-offs.", examples=["Free text."]
        ),
    ] = None
    decided_by: Annotated[
        Optional[Slug],
        Field(
            description="The id of the stakeholder who made the decision.",
            examples=["irene-kowalski"],
        ),
    ] = None
    consulted: list[Slug] = Field(
        default_factory=empty_list,
        description="The ids of the stakeholders consulted before deciding.",
        examples=[["raj-patel", "tom-berg"]],
    )
    supersedes: Annotated[
        Optional[Slug],
        Field(
            description="The id of the decision on the same dimension that this one replaces; "
            "that decision never sets the chosen options again and should have status "
            "`superseded` [BP424].",
            examples=["integration-style-2026"],
        ),
    ] = None
    revisit: Annotated[
        Optional[IsoDate],
        Field(
            description="The date by which to look at the decision again [BP422].",
            examples=["2027-06-30"],
        ),
    ] = None
    accommodations: list[Accommodation] = Field(
        default_factory=empty_list,
        description="Unchosen demands the decision still meets, in part: an adapter, a "
        "transition period, a translated format until a date. An active accommodation "
        "serves its demand at `scoring.accommodation`.",
        examples=[
            [
                {
                    "consumer": "billing",
                    "option": "nightly-batch",
                    "via": "a nightly file generated from the event stream",
                    "until": "2027-12-31",
                }
            ]
        ],
    )


Entity = Consumer | Stakeholder | Problem | Goal | Dimension | Decision
MODELS: dict[str, type[Entity]] = {
    model.__name__: model for model in (Consumer, Stakeholder, Problem, Goal, Dimension, Decision)
}
