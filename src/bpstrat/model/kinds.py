"""The entity kinds, in one table: every list of kinds (CLI choices, schema, scaffold
folders, messages, tests) is read from here.

The table holds no pydantic model, so the command line can list kinds without building
the models; `Kind.model` imports them when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pydantic import BaseModel

    from bpstrat.model.entities import Entity


class Kind(NamedTuple):
    name: str
    class_name: str  # the model in model/entities.py
    folder: str  # where `bpstrat new` puts files of this kind
    summary: str

    @property
    def model(self) -> type[Entity]:
        from bpstrat.model.entities import MODELS

        return MODELS[self.class_name]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("consumer", "Consumer", "consumers", "a product or team that depends on ours"),
        Kind("stakeholder", "Stakeholder", "stakeholders", "a person whose support we need"),
        Kind("problem", "Problem", "problems", "a problem in the value chain we can solve"),
        Kind("goal", "Goal", "goals", "what the product will achieve, measured"),
        Kind("dimension", "Dimension", "dimensions", "an axis on which demands conflict"),
        Kind("decision", "Decision", "decisions", "how a conflict on a dimension was settled"),
    )
}


def kind_of(model: type[BaseModel]) -> str:
    """The `kind` a model describes (`Consumer` -> 'consumer')."""
    return _KIND_OF_CLASS[model.__name__]


_KIND_OF_CLASS = {kind.class_name: kind.name for kind in KINDS.values()}
