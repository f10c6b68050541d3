"""Catalog file or path that cannot be read as a descriptor file: fix or remove it.

Every path in `catalog.backstage`, and every file found in its folders or through a
`kind: Location` target, must be a YAML file of at most 1 MiB inside the git work tree
that holds the strategy root (inside the root when it is in none). A path that is not
found, leaves the repository (`/etc`, `~`, `../..` beyond it, a symbolic link out), is
too large or is not valid YAML is reported and not read: a pull request that edits
bpstrat.yaml cannot make CI read the runner's files. URL targets of a Location are
never fetched and are not reported; a Location loop is not an error.

The finding points at the `catalog.backstage` item naming the path, or, for a file found
in a folder or through a Location, at that file's line 1.

Failing example:

```yaml
product: {id: pricing-platform, name: Pricing Platform}
catalog: {backstage: [no-such-catalog], apis: [pricing-api]}
```

Passing example:

```yaml
product: {id: pricing-platform, name: Pricing Platform}
catalog: {backstage: [example.yaml], apis: [pricing-api]}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: pricing-api}
spec: {type: openapi, lifecycle: production, owner: team-pricing, definition: openapi.yaml}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain

CODE = "BP430"
NAME = "catalog-unreadable"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "product",
    risk=N_("Parts of the service catalog could not be read."),
    consequence=N_("Consumers listed there may be missing from the strategy unnoticed."),
    next_step=N_("The team fixes the catalog paths listed for the team at the end."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    catalog = ctx.catalog
    if catalog is not None:
        yield from catalog.read.issues
