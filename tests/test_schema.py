"""The JSON Schema agrees with lint on what is valid (checked with check-jsonschema)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bpstrat.model.schema import entity_schema, render, root_schema
from conftest import EXAMPLES, Writer, run

CHECKER = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
    "check-jsonschema")
needs_checker = pytest.mark.skipif(CHECKER is None, reason="check-jsonschema is not installed")


def schema_accepts(schema: dict[str, object], file: Path, tmp_path: Path) -> bool:
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema))
    assert CHECKER is not None
    result = subprocess.run([CHECKER, "--schemafile", str(schema_file), str(file)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode == 0


def test_schema_shape() -> None:
    schema = entity_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {branch["then"]["$ref"] for branch in schema["allOf"]} == {
        f"#/$defs/{name}" for name in ("Consumer", "Stakeholder", "Problem", "Goal",
                                       "Dimension", "Decision")}
    assert root_schema()["required"] == ["product"]
    assert json.loads(render("goal"))["properties"]["kind"]["const"] == "goal"


SINGLE_DOCUMENT_FILES = sorted(p for p in EXAMPLES.rglob("*.yaml")
                               if p.name != "bpstrat.yaml" and "drafts" not in p.parts
                               and "\n---" not in p.read_text())


@needs_checker
@pytest.mark.parametrize("path", SINGLE_DOCUMENT_FILES[:8], ids=lambda p: p.name)
def test_examples_are_valid_for_the_schema(path: Path, tmp_path: Path) -> None:
    assert schema_accepts(entity_schema(), path, tmp_path)


@needs_checker
@pytest.mark.parametrize("example", ["pricing-platform", "customer-data"])
def test_example_config_is_valid_for_the_schema(example: str, tmp_path: Path) -> None:
    assert schema_accepts(root_schema(), EXAMPLES / example / "bpstrat.yaml", tmp_path)


STAKEHOLDER = "kind: stakeholder\nid: a\nname: A\npower: 3\ninterest: 3\n"
CASES = [
    STAKEHOLDER,                                         # valid
    STAKEHOLDER + "reviewed: 2026-01-31\n",              # valid date
    STAKEHOLDER.replace("id: a", "id: 2027"),            # a number as id: text
    STAKEHOLDER + "foo: 1\n",                            # unknown field
    STAKEHOLDER.replace("power: 3", "power: 9"),         # out of range
    STAKEHOLDER.replace("power: 3", "power: '3'"),       # quoted number
    STAKEHOLDER + "reviewed: 2026-13-45\n",              # not a date
    STAKEHOLDER + "reviewed: yesterday\n",               # not a date
    STAKEHOLDER.replace("id: a", "id: Not A Slug"),      # bad slug
    STAKEHOLDER.replace("name: A\n", ""),                # missing field
    STAKEHOLDER + "engagement: {current: happy}\n",      # bad enum
    "kind: goal\nid: g\ntitle: G\nkey: yes\n",           # YAML 1.2: `yes` is text
    "kind: goal\nid: g\ntitle: G\nkey: true\n",
    "kind: dimension\nid: d\nname: D\noptions: []\n",    # empty options
    "kind: nonsense\nid: x\n",
]


@needs_checker
@pytest.mark.parametrize("text", CASES)
def test_schema_and_lint_agree(root: Writer, tmp_path: Path, text: str) -> None:
    base = root({"x.yaml": text}, with_ana=False)
    lint_ok = not any(f.path == "x.yaml" and f.code[:3] in ("BP1", "BP2")
                      for f in run(base).findings)
    assert schema_accepts(entity_schema(), base / "x.yaml", tmp_path) is lint_ok
