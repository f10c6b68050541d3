"""BP428-BP430 on a strategy beside a catalog written as Backstage documents it."""

from __future__ import annotations

from pathlib import Path

from bpstrat.lint.linter import lint
from tests.catalog.descriptors import CONFIG, write_root
from tests.helpers import TODAY


def found(root: Path, *codes: str) -> list[tuple[str, str, int, int, str | None]]:
    wanted = codes or ("BP428", "BP429", "BP430", "BP202")
    return [
        (f.code, f.path, f.line, f.column, f.entity)
        for f in lint(root, TODAY).findings
        if f.code in wanted
    ]


def test_forgotten_products_and_unknown_references(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        checkout="system:default/checkout",
        billing="system:default/billing",
        analytics="component:default/analytics",
    )
    assert found(root) == [
        ("BP428", "bpstrat.yaml", 2, 1, "component:default/loyalty-app"),
        ("BP428", "bpstrat.yaml", 2, 1, "component:partners/rate-sync"),
        ("BP429", "consumers/analytics.yaml", 5, 1, "consumer:analytics"),
        ("BP429", "consumers/billing.yaml", 5, 1, "consumer:billing"),
    ]


def test_every_product_matched_lints_clean(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        checkout="System:Checkout",
        **{"loyalty-app": None, "sync": "component:partners/rate-sync"},
    )
    assert found(root) == []


def test_the_messages_say_what_to_do(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        web="component:default/checkout-web",
        loyalty="component:default/loyalty-ap",
        **{"rate-synk": None},
    )
    messages = {
        (f.code, f.entity): f.message
        for f in lint(root, TODAY).findings
        if f.code in ("BP428", "BP429")
    }
    checkout = messages[("BP428", "system:default/checkout")]
    assert "'Checkout' (system:default/checkout, owned by group:default/team-checkout)" in checkout
    assert "consumer 'web' names component:default/checkout-web, a part of it" in checkout
    assert "set `catalog: system:default/checkout` there" in checkout
    typo = messages[("BP429", "consumer:loyalty")]
    assert "did you mean `component:default/loyalty-app`?" in typo
    assert (
        "consumer 'loyalty' names a reference"
        in messages[("BP428", "component:default/loyalty-app")]
    )
    sync = messages[("BP428", "component:partners/rate-sync")]
    assert "did you mean consumer 'rate-synk'?" in sync


def test_without_a_catalog_only_the_syntax_is_checked(tmp_path: Path) -> None:
    config = "product: {id: pricing-platform, name: Pricing Platform}\n"
    root = write_root(tmp_path, config, good="system:default/nowhere", bad="system:default/a b")
    assert found(root) == [("BP202", "consumers/bad.yaml", 5, 1, "consumer:bad")]


def test_a_bad_api_reference_leaves_the_others(tmp_path: Path) -> None:
    config = CONFIG.replace("apis: [pricing-api,", "apis: ['pricing api',")
    root = write_root(tmp_path, config, checkout="system:default/checkout")
    codes = found(root)
    assert ("BP202", "bpstrat.yaml", 4, 10, None) in codes
    # api:pricing/price-events still counts: checkout-worker and rate-sync consume it
    assert ("BP428", "bpstrat.yaml", 2, 1, "component:partners/rate-sync") in codes
    assert not any(code == "BP429" for code, *_ in codes)


def test_descriptor_files_inside_the_root_are_not_strategy_files(tmp_path: Path) -> None:
    root = write_root(tmp_path, CONFIG.replace("../catalog", "catalog"))
    (tmp_path / "catalog").rename(root / "catalog")
    for other in ("deploy.yaml", "empty.yaml"):  # not Backstage's: the strategy's to judge
        (root / "catalog" / other).unlink()
    codes = {f.code for f in lint(root, TODAY).findings}
    assert codes.isdisjoint({"BP101", "BP103", "BP104", "BP429"}), codes
    assert "BP428" in codes


def test_an_unreadable_catalog_is_one_finding(tmp_path: Path) -> None:
    root = write_root(tmp_path, checkout="system:default/checkout", billing="billing")
    (tmp_path / "catalog").rename(tmp_path / "moved")
    assert found(root) == [("BP430", "bpstrat.yaml", 3, 15, None)]


def test_a_broken_file_leaves_its_names_unknown(tmp_path: Path) -> None:
    root = write_root(tmp_path, checkout="system:default/checkout", loyalty="loyalty-app")
    loyalty = tmp_path / "catalog" / "teams" / "loyalty.yml"
    loyalty.write_text(loyalty.read_text().replace("title: Loyalty App", "title: [Loyalty"))
    codes = found(root)
    assert ("BP430", "../catalog/teams/loyalty.yml", 1, 1, None) in codes
    assert not any(code == "BP429" for code, *_ in codes)  # loyalty-app may be in it
