"""The catalog's consumer products, and which consumers of the strategy they are.

A consuming entity is any catalog entity whose `spec.consumesApis` names one of
`catalog.apis`; its consumer product is its `spec.system` when it has one, else the
entity itself. A strategy consumer matches a product when its `catalog` reference is the
product's reference, or, without `catalog`, when its id is the product's name (case
aside).

Everything is indexed once (entities by reference, consuming entities by product,
products by reference and by name) and every question is a lookup, so the cost is linear
in the entities, references and consumers; the one "did you mean" suggester is built once,
when the first name is not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bpstrat.catalog.read import CatalogEntity, CatalogRead, read_catalog
from bpstrat.catalog.refs import DEFAULT_NAMESPACE, Ref, parse_ref
from bpstrat.model.entities import Consumer
from bpstrat.model.strategy import Strategy
from bpstrat.model.suggest import Suggester

NO_CATALOG = (
    "bpstrat.yaml names no catalog; add `catalog: {backstage: [PATH], apis: [API]}` "
    "with the folder of the Backstage descriptor files and the product's own API entities"
)

SUGGEST_BASE = 1_000_000
SUGGEST_PER_NAME = 64
"""The "did you mean" lookups of one catalog compare at most SUGGEST_BASE plus
SUGGEST_PER_NAME pairs per name they choose from: the first typos all get their
suggestion, and thousands of them among thousands of products still cost linear time."""


def suggester(choices: Iterable[str]) -> Suggester:
    """A "did you mean" for catalog names, its work bounded linearly in their number."""
    names = list(choices)
    return Suggester(names, pairs=SUGGEST_BASE + SUGGEST_PER_NAME * len(names))


# Kinds tried, in order, for a `consumer.catalog` that names none.
_KINDLESS = ("system", "component")


@dataclass(frozen=True)
class Product:
    """A consumer product of the catalog: a system, or an entity without one."""

    ref: Ref
    name: str  # metadata.name as written (the reference's name when not in the catalog)
    title: str  # metadata.title, else the name
    description: str | None
    owner: Ref | None  # spec.owner, default kind group
    entities: tuple[Ref, ...]  # its entities that consume the product's APIs
    apis: tuple[Ref, ...]  # which of catalog.apis they consume
    declared: CatalogEntity | None  # the product's own entity, when the catalog holds it
    consumers: tuple[str, ...] = ()  # ids of the strategy consumers that match it

    @property
    def consumer(self) -> str | None:
        return self.consumers[0] if self.consumers else None


@dataclass(frozen=True)
class Mismatch:
    """Why a consumer's `catalog` reference matches no consumer product (BP429)."""

    consumer: str
    ref: Ref | None  # what the reference resolved to (None: not in the catalog at all)
    written: str
    in_catalog: bool  # the entity is in the catalog but consumes none of the APIs
    suggestion: Ref | None = None  # the consumer product it was probably meant to name


@dataclass
class Catalog:
    """The catalog as bpstrat sees it: the product's APIs, its consumer products, how
    they match the strategy's consumers, and what could not be read."""

    apis: list[Ref]
    products: list[Product]
    read: CatalogRead
    entities: dict[Ref, CatalogEntity]
    mismatches: list[Mismatch] = field(default_factory=list)
    part_of: dict[Ref, Ref] = field(default_factory=dict)  # consuming entity -> product
    wrong_part: dict[Ref, list[tuple[str, Ref]]] = field(default_factory=dict)
    _named: dict[tuple[str, str], list[Ref]] = field(default_factory=dict, repr=False)
    _choices: dict[str, Ref] = field(default_factory=dict, repr=False)
    _suggester: Suggester | None = field(default=None, repr=False)

    by_ref: dict[Ref, Product] = field(default_factory=dict)

    def product(self, ref: Ref) -> Product | None:
        return self.by_ref.get(ref)

    def find(self, written: str) -> Ref | None:
        """The entity or product a `consumer.catalog` names: its kind when written, else
        a system, then a component, then any kind of that namespace and name."""
        given = parse_ref(written, None, DEFAULT_NAMESPACE)
        if given is not None:
            return given
        bare = parse_ref(written, "system", DEFAULT_NAMESPACE)
        if bare is None:
            return None
        known = self._named.get((bare.namespace, bare.name), [])
        for kind in _KINDLESS:
            ref = Ref(kind, bare.namespace, bare.name)
            if ref in known:
                return ref
        return min(known) if known else bare

    def closest(self, ref: Ref) -> Ref | None:
        """The consumer product whose name is closest to `ref`'s (the kind and namespace
        every reference shares would make any two look alike); one suggester for every
        lookup."""
        if self._suggester is None:
            self._suggester = suggester(self._choices)
        found = self._suggester.closest(ref.name)
        return self._choices[found] if found is not None else None


def load_catalog(strategy: Strategy) -> Catalog | None:
    """The strategy's catalog, or None when bpstrat.yaml names none (or the strategy was
    read from a git revision, whose catalog files are not on disk)."""
    config = strategy.config.catalog
    if config is None or not strategy.on_disk:
        return None
    read = read_catalog(Path(strategy.root), config.backstage)
    consumers = [(r.entity.id, r.entity.catalog) for r in strategy.records(Consumer)]
    return resolve(read, config.apis, consumers)


def resolve(
    read: CatalogRead, apis: Iterable[str], consumers: Iterable[tuple[str, str | None]]
) -> Catalog:
    """Index the entities, find the consumer products and match `consumers` (id and
    `catalog` reference) to them."""
    wanted = {ref for ref in (parse_ref(a, "api", DEFAULT_NAMESPACE) for a in apis) if ref}
    entities: dict[Ref, CatalogEntity] = {}
    for entity in read.entities:
        entities.setdefault(entity.ref, entity)
    members: dict[Ref, dict[Ref, None]] = {}
    consumed: dict[Ref, set[Ref]] = {}
    part_of: dict[Ref, Ref] = {}
    for entity in entities.values():
        used = [ref for ref in entity.consumes if ref in wanted]
        if not used:
            continue
        product = entity.system or entity.ref
        members.setdefault(product, {})[entity.ref] = None
        consumed.setdefault(product, set()).update(used)
        part_of[entity.ref] = product
    named: dict[tuple[str, str], list[Ref]] = {}
    for ref in (*entities, *members):
        named.setdefault((ref.namespace, ref.name), []).append(ref)
    catalog = Catalog(sorted(wanted), [], read, entities, part_of=part_of, _named=named)
    for ref in sorted(members, reverse=True):  # the first of a name in order wins
        catalog._choices[ref.name] = ref
    matched: dict[Ref, list[str]] = {}
    by_name: dict[str, list[Ref]] = {}
    for ref in members:
        declared = entities.get(ref)
        by_name.setdefault((declared.name if declared else ref.name).lower(), []).append(ref)
    unsure = read.unsure
    for consumer_id, written in consumers:
        if written is None:
            for named_ref in by_name.get(consumer_id.lower(), ()):
                matched.setdefault(named_ref, []).append(consumer_id)
            continue
        target = catalog.find(written)
        if target is not None and target in members:
            matched.setdefault(target, []).append(consumer_id)
        elif target is not None and target in part_of:
            # a part of a consumer product: BP428 on the product says which to name
            catalog.wrong_part.setdefault(part_of[target], []).append((consumer_id, target))
        elif target is not None and target in entities:
            catalog.mismatches.append(Mismatch(consumer_id, target, written, in_catalog=True))
        elif read.complete and (target is None or target.name not in unsure):
            # (else the part of the catalog that may hold it could not be read: BP430)
            suggestion = catalog.closest(target) if target is not None else None
            catalog.mismatches.append(
                Mismatch(consumer_id, target, written, in_catalog=False, suggestion=suggestion)
            )
    products = []
    for ref in sorted(members):
        declared = entities.get(ref)
        products.append(
            Product(
                ref=ref,
                name=declared.name if declared else ref.name,
                title=(declared.title or declared.name) if declared else ref.name,
                description=declared.description if declared else None,
                owner=declared.owner if declared else None,
                entities=tuple(sorted(members[ref])),
                apis=tuple(sorted(consumed[ref])),
                declared=declared,
                consumers=tuple(sorted(set(matched.get(ref, ())))),
            )
        )
    catalog.products = products
    catalog.by_ref = {product.ref: product for product in products}
    return catalog
