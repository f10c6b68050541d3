"""Backstage descriptor files written as Backstage's descriptor-format reference writes
them, and a strategy root beside them that points at them."""

from __future__ import annotations

from pathlib import Path

APIS = """\
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: pricing-api
  description: Prices for every product, computed once
spec:
  type: openapi
  lifecycle: production
  owner: team-pricing
  definition: |
    openapi: "3.0.0"
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: price-events
  namespace: pricing
spec:
  type: asyncapi
  lifecycle: production
  owner: team-pricing
  definition: asyncapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-checkout
spec:
  type: team
  children: []
"""

CHECKOUT = """\
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: checkout
  title: Checkout
  description: Everything between the basket and the payment
spec:
  owner: team-checkout
  domain: commerce
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-web
  description: The checkout pages
spec:
  type: website
  lifecycle: production
  owner: team-checkout
  system: checkout
  consumesApis:
    - pricing-api
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-worker
spec:
  type: service
  lifecycle: production
  owner: group:team-checkout
  system: checkout
  consumesApis:
    - pricing/price-events
"""

LOYALTY = """\
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Loyalty-App
  title: Loyalty App
  description: Points for every booking
spec:
  type: website
  lifecycle: experimental
  owner: Group:Default/Team-Loyalty
  consumesApis: [API:Default/Pricing-API]
"""

PARTNERS = """\
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: rate-sync
  namespace: partners
spec:
  type: service
  lifecycle: production
  owner: partner-team
  consumesApis:
    - api:pricing/price-events
    - pricing-api
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: analytics
spec:
  type: service
  lifecycle: production
  owner: team-data
  consumesApis: [reporting-api]
"""

NOT_ENTITIES = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-web
spec:
  replicas: 3
"""

CONFIG = """\
product: {id: pricing-platform, name: Pricing Platform}
catalog:
  backstage: [../catalog]
  apis: [pricing-api, api:pricing/price-events]
"""


def consumer(id_: str, catalog: str | None = None) -> str:
    line = f"catalog: {catalog}\n" if catalog else ""
    return (
        f"kind: consumer\nid: {id_}\nname: {id_.title()}\nimportance: 3\n{line}"
        "strategy: {summary: Known.}\n"
    )


def write_catalog(folder: Path) -> Path:
    """The catalog folder: one file per team, a multi-document file, files that are not
    catalog entities."""
    (folder / "teams").mkdir(parents=True)
    (folder / "apis.yaml").write_text(APIS)
    (folder / "teams" / "checkout.yaml").write_text(CHECKOUT)
    (folder / "teams" / "loyalty.yml").write_text(LOYALTY)
    (folder / "teams" / "partners.yaml").write_text(PARTNERS)
    (folder / "deploy.yaml").write_text(NOT_ENTITIES)
    (folder / "README.md").write_text("apiVersion: backstage.io/v1alpha1\n")
    (folder / "empty.yaml").write_text("")
    return folder


def write_root(base: Path, config: str = CONFIG, **consumers: str | None) -> Path:
    """A git work tree `base` holding `strategy/` (the root) and `catalog/` beside it."""
    (base / ".git").mkdir(parents=True)
    write_catalog(base / "catalog")
    root = base / "strategy"
    (root / "consumers").mkdir(parents=True)
    (root / "bpstrat.yaml").write_text(config)
    for id_, ref in consumers.items():
        (root / "consumers" / f"{id_}.yaml").write_text(consumer(id_, ref))
    return root
