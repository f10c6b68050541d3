"""Entity references and consumer products, on descriptor files as Backstage writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.catalog.read import read_catalog
from bpstrat.catalog.refs import Ref, parse_ref
from bpstrat.catalog.resolve import Catalog, resolve
from tests.catalog.descriptors import write_catalog


@pytest.mark.parametrize(
    ("text", "kind", "namespace", "expected"),
    [
        ("pricing-api", "api", "default", "api:default/pricing-api"),
        ("internal/streetlights", "api", "external-systems", "api:internal/streetlights"),
        ("hello-world", "api", "external-systems", "api:external-systems/hello-world"),
        ("group:pet-managers", "group", "default", "group:default/pet-managers"),
        ("API:Default/Pricing-API", "api", "default", "api:default/pricing-api"),
        ("System:Checkout", "system", "shop", "system:shop/checkout"),
        ("a/b:c", "api", "default", "api:a/b:c"),  # the `/` comes first: `b:c` is the name
        ({"kind": "Group", "name": "pet-managers"}, "group", "ns", "group:ns/pet-managers"),
    ],
)
def test_references_take_their_context_defaults(
    text: object, kind: str, namespace: str, expected: str
) -> None:
    assert str(parse_ref(text, kind, namespace)) == expected


@pytest.mark.parametrize("text", ["", ":name", "kind:/name", "ns/", 7, None, ["a"], "x" * 300])
def test_what_is_no_reference(text: object) -> None:
    assert parse_ref(text, "api") is None


def catalog_of(tmp_path: Path, consumers: list[tuple[str, str | None]]) -> Catalog:
    folder = write_catalog(tmp_path / "catalog")
    read = read_catalog(tmp_path, [str(folder)])
    return resolve(read, ["pricing-api", "api:pricing/price-events"], consumers)


def test_products_group_components_by_system(tmp_path: Path) -> None:
    catalog = catalog_of(tmp_path, [])
    assert [str(p.ref) for p in catalog.products] == [
        "component:default/loyalty-app",
        "component:partners/rate-sync",
        "system:default/checkout",
    ]
    checkout = catalog.product(Ref("system", "default", "checkout"))
    assert checkout is not None
    assert checkout.title == "Checkout"
    assert str(checkout.owner) == "group:default/team-checkout"
    assert [str(r) for r in checkout.entities] == [
        "component:default/checkout-web",
        "component:default/checkout-worker",
    ]
    assert [str(r) for r in checkout.apis] == [
        "api:default/pricing-api",
        "api:pricing/price-events",
    ]


def test_a_component_without_a_system_is_its_own_product(tmp_path: Path) -> None:
    loyalty = catalog_of(tmp_path, []).product(Ref("component", "default", "loyalty-app"))
    assert loyalty is not None
    assert (loyalty.title, loyalty.name) == ("Loyalty App", "Loyalty-App")
    assert str(loyalty.owner) == "group:default/team-loyalty"
    # `pricing-api` in namespace partners is api:partners/pricing-api, not ours
    rate_sync = catalog_of(tmp_path / "p", []).product(Ref("component", "partners", "rate-sync"))
    assert rate_sync is not None and [str(r) for r in rate_sync.apis] == [
        "api:pricing/price-events"
    ]


def test_consumers_match_by_reference_or_by_name(tmp_path: Path) -> None:
    catalog = catalog_of(
        tmp_path,
        [
            ("checkout", "System:Default/Checkout"),
            ("loyalty-app", None),  # by name, case aside
            ("rate-sync", None),  # its name, in another namespace: still a match
            ("billing", "system:default/billing"),
            ("analytics", "component:analytics"),
        ],
    )
    assert {str(p.ref): p.consumer for p in catalog.products} == {
        "component:default/loyalty-app": "loyalty-app",
        "component:partners/rate-sync": "rate-sync",
        "system:default/checkout": "checkout",
    }
    by_consumer = {m.consumer: m for m in catalog.mismatches}
    assert set(by_consumer) == {"billing", "analytics"}
    assert not by_consumer["billing"].in_catalog
    assert by_consumer["analytics"].in_catalog  # it is there, and consumes another API


def test_a_kindless_reference_finds_the_system_first(tmp_path: Path) -> None:
    catalog = catalog_of(tmp_path, [("checkout", "checkout"), ("web", "checkout-web")])
    assert catalog.product(Ref("system", "default", "checkout")).consumer == "checkout"  # type: ignore[union-attr]
    # a component of the system: BP428 on the system names it
    assert catalog.wrong_part[Ref("system", "default", "checkout")] == [
        ("web", Ref("component", "default", "checkout-web"))
    ]
    assert catalog.mismatches == []


def test_a_typo_is_suggested_from_the_products(tmp_path: Path) -> None:
    catalog = catalog_of(tmp_path, [("checkout", "system:default/chekout")])
    assert catalog.mismatches[0].suggestion == Ref("system", "default", "checkout")
