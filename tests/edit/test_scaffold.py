"""`bpstrat init` and `bpstrat new`: commented files that lint clean, never overwriting."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bpstrat.edit.scaffold import init, new
from bpstrat.errors import UsageError
from bpstrat.lint.linter import lint
from bpstrat.model.kinds import KINDS
from tests.helpers import TODAY


def test_init_lints_clean_and_writes_modelines(tmp_path: Path) -> None:
    written = init(tmp_path, "Pricing Platform", TODAY, pre_commit=True, github_actions=True)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {
        "bpstrat.yaml",
        ".pre-commit-config.yaml",
        ".github/workflows/strategy.yml",
        ".bpstrat/entity.schema.json",
        "consumers/example-consumer.yaml",
    } <= names
    result = lint(tmp_path, TODAY)
    assert result.findings == []
    assert result.strategy.entity_count == 7
    assert result.strategy.config.product is not None
    assert result.strategy.config.product.id == "pricing-platform"
    consumer = (tmp_path / "consumers" / "example-consumer.yaml").read_text()
    assert consumer.startswith("# yaml-language-server: $schema=../.bpstrat/entity.schema.json\n")
    assert (
        (tmp_path / "bpstrat.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=.bpstrat/bpstrat.model.schema.json\n")
    )


def test_init_stays_clean_a_month_later(tmp_path: Path) -> None:
    init(tmp_path, "X", TODAY, False, False)
    assert lint(tmp_path, TODAY + dt.timedelta(days=30)).findings == []


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "bpstrat.yaml").write_text("# mine\n")
    refused = re.escape("refusing to overwrite existing files: bpstrat.yaml")
    with pytest.raises(UsageError, match=refused):
        init(tmp_path, "X", TODAY, False, False)
    assert (tmp_path / "bpstrat.yaml").read_text() == "# mine\n"
    assert not (tmp_path / "consumers").exists()


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_writes_a_valid_skeleton(tmp_path: Path, kind: str) -> None:
    init(tmp_path, "X", TODAY, False, False)
    target = new(tmp_path, kind, "brand-new", "Brand: New", TODAY)
    assert target.parent.name.startswith(kind[:4]) and target.name == "brand-new.yaml"
    result = lint(tmp_path, TODAY)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == []
    assert result.strategy.exists(kind, "brand-new")
    assert target.read_text().startswith("# yaml-language-server: $schema=../.bpstrat/")


def test_new_refuses_existing_ids_and_bad_input(tmp_path: Path) -> None:
    init(tmp_path, "X", TODAY, False, False)
    exists = re.escape("already exists at consumers/example-consumer.yaml:4")
    with pytest.raises(UsageError, match=exists):
        new(tmp_path, "consumer", "example-consumer", None, TODAY)
    with pytest.raises(UsageError, match="not a valid id; try 'checkout-web'"):
        new(tmp_path, "consumer", "Checkout Web", None, TODAY)
    with pytest.raises(UsageError, match="unknown kind"):
        new(tmp_path, "customer", "x", None, TODAY)


def test_new_outside_a_root(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="bpstrat init"):
        new(tmp_path, "goal", "g", None, TODAY)


def test_init_excludes_yaml_that_was_already_there(tmp_path: Path) -> None:
    (tmp_path / "k8s").mkdir()
    (tmp_path / "k8s" / "deploy.yaml").write_text("apiVersion: v1\n")
    (tmp_path / "docker-compose.yml").write_text("services: {}\n")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yml").write_text("on: push\n")
    init(tmp_path, "X", TODAY, False, False)
    config = (tmp_path / "bpstrat.yaml").read_text()
    assert 'exclude:\n  - "docker-compose.yml"\n  - "k8s"\n' in config
    assert lint(tmp_path, TODAY).findings == []


def test_new_decision_needs_a_dimension(tmp_path: Path) -> None:
    init(tmp_path, "X", TODAY, False, False)
    for path in (tmp_path / "dimensions").iterdir():
        path.unlink()
    for path in (tmp_path / "decisions").iterdir():
        path.unlink()
    with pytest.raises(UsageError, match="bpstrat new dimension"):
        new(tmp_path, "decision", "d", None, TODAY)
