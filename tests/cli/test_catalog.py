"""`bpstrat catalog` and `bpstrat new consumer --from-catalog` on a Backstage catalog."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from bpstrat.lint.linter import lint
from tests.catalog.descriptors import CONFIG, write_root
from tests.helpers import TODAY, bpstrat


def test_catalog_json_is_the_documented_shape(tmp_path: Path) -> None:
    root = write_root(tmp_path, checkout="system:default/checkout", **{"rate-sync": None})
    result = bpstrat("catalog", root, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "version": 1,
        "apis": ["api:default/pricing-api", "api:pricing/price-events"],
        "products": [
            {
                "ref": "component:default/loyalty-app",
                "title": "Loyalty App",
                "owner": "group:default/team-loyalty",
                "entities": ["component:default/loyalty-app"],
                "apis": ["api:default/pricing-api"],
                "consumer": None,
            },
            {
                "ref": "component:partners/rate-sync",
                "title": "rate-sync",
                "owner": "group:partners/partner-team",
                "entities": ["component:partners/rate-sync"],
                "apis": ["api:pricing/price-events"],
                "consumer": "rate-sync",
            },
            {
                "ref": "system:default/checkout",
                "title": "Checkout",
                "owner": "group:default/team-checkout",
                "entities": ["component:default/checkout-web", "component:default/checkout-worker"],
                "apis": ["api:default/pricing-api", "api:pricing/price-events"],
                "consumer": "checkout",
            },
        ],
    }


def test_catalog_text_says_who_is_missing_and_what_was_not_read(tmp_path: Path) -> None:
    root = write_root(tmp_path, checkout="system:default/checkout", gone="gone")
    result = bpstrat("catalog", root)
    assert result.returncode == 0
    out = result.stdout
    assert "system:default/checkout  Checkout (group:default/team-checkout)\n" in out
    assert "  through component:default/checkout-web, component:default/checkout-worker\n" in out
    assert "  consumer: checkout\n" in out
    assert (
        "  consumer: none (BP428); add it: bpstrat new consumer --from-catalog "
        "component:default/loyalty-app\n"
    ) in out
    assert "3 consumer products: 1 in the strategy, 2 not\n" in out
    assert "  gone: system:default/gone, not in the catalog\n" in out


def test_catalog_text_says_what_was_not_read(tmp_path: Path) -> None:
    config = CONFIG.replace("[../catalog]", "[../catalog, ../nowhere]")
    root = write_root(tmp_path, config, checkout="system:default/checkout", gone="gone")
    out = bpstrat("catalog", root).stdout
    assert "bpstrat.yaml (catalog.backstage[1]): `../nowhere` not found" in out
    assert "gone" not in out  # its entity may be in what could not be read


def test_without_a_catalog_it_is_a_usage_error(tmp_path: Path) -> None:
    root = write_root(tmp_path, "product: {id: p, name: P}\n")
    for args in (("catalog", root), ("new", "consumer", root, "--from-catalog", "checkout")):
        result = bpstrat(*args)
        assert result.returncode == 2
        assert "bpstrat.yaml names no catalog" in result.stderr


def test_new_consumer_from_the_catalog_lints_clean(tmp_path: Path) -> None:
    root = write_root(tmp_path, checkout="system:default/checkout", **{"rate-sync": None})
    result = bpstrat("new", "consumer", root, "--from-catalog", "Component:Default/Loyalty-App")
    assert result.returncode == 0, result.stderr
    written = root / "consumers" / "loyalty-app.yaml"
    text = written.read_text()
    assert (
        "# From the service catalog: component:default/loyalty-app, owned by\n"
        "# group:default/team-loyalty.\n"
        "# Points for every booking\n"
        "catalog: component:default/loyalty-app\n"
    ) in text
    data = yaml.safe_load(text)
    assert (data["id"], data["name"], data["catalog"]) == (
        "loyalty-app",
        "Loyalty App",
        "component:default/loyalty-app",
    )
    findings = lint(root, TODAY).findings
    assert [f for f in findings if f.severity == "error"] == []
    assert not [f for f in findings if f.code in ("BP428", "BP429", "BP430")]


def test_new_from_the_catalog_keeps_catalog_text_in_comments(tmp_path: Path) -> None:
    root = write_root(tmp_path)
    hostile = (
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: evil\n"
        '  title: "Evil\\nimportance: 5"\n'
        '  description: "line\\nimportance: 5\\u001b[2J\\u202e"\n'
        "spec: {type: service, owner: x, consumesApis: [pricing-api]}\n"
    )
    (tmp_path / "catalog" / "evil.yaml").write_text(hostile)
    result = bpstrat("new", "consumer", root, "--from-catalog", "evil", "--today", "2026-11-20")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((root / "consumers" / "evil.yaml").read_text())
    assert data["importance"] == 3 and data["name"] == "Evil importance: 5"
    assert "\x1b" not in (root / "consumers" / "evil.yaml").read_text()


def test_new_from_the_catalog_says_what_to_name_instead(tmp_path: Path) -> None:
    root = write_root(tmp_path, checkout="system:default/checkout")
    cases = {
        "checkout-web": "component:default/checkout-web is a part of system:default/checkout",
        "system:default/chekout": "did you mean system:default/checkout?",
        "system:checkout": "consumer 'checkout' already is system:default/checkout",
        "analytics": "component:default/analytics consumes none of `catalog.apis`",
        "not a ref": "is not an entity reference",
    }
    for ref, message in cases.items():
        result = bpstrat("new", "consumer", root, "--from-catalog", ref)
        assert result.returncode == 2 and message in result.stderr, (ref, result.stderr)
    result = bpstrat("new", "goal", root, "--from-catalog", "checkout")
    assert result.returncode == 2 and "writes a consumer" in result.stderr
    result = bpstrat("new", "consumer", cwd=root)
    assert result.returncode == 2 and "give the new entity's ID" in result.stderr


def test_new_consumer_takes_a_side_when_the_product_has_sides(tmp_path: Path) -> None:
    config = CONFIG.replace("name: Pricing Platform}", "name: Pricing Platform, sides: [web, b2b]}")
    root = write_root(tmp_path, config)
    result = bpstrat("new", "consumer", root, "--from-catalog", "system:default/checkout")
    assert result.returncode == 0, result.stderr
    text = (root / "consumers" / "checkout.yaml").read_text()
    assert "\nside: web                       # which one: web, b2b\n" in text
    assert [f for f in lint(root, TODAY).findings if f.severity == "error"] == []
