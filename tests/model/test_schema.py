"""The JSON Schema agrees with lint on what is valid.

Files are checked in this process as check-jsonschema checks them: YAML 1.2 read with
ruamel's safe loader, dates kept as text, draft 2020-12 with format checking. One slow test
runs the real check-jsonschema command over the same files and must reach the same verdicts.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML, SafeConstructor, YAMLError

from bpstrat.model.schema import entity_schema, render, root_schema
from tests.helpers import EXAMPLES, Writer, run

CHECKER = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
    "check-jsonschema"
)


def load_like_check_jsonschema(file: Path) -> Any:
    """The file's data as check-jsonschema reads it (its parsers/yaml.py)."""

    class Constructor(SafeConstructor):  # a class of our own: ruamel's tables are global
        pass

    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = Constructor
    constructors = yaml.constructor.yaml_constructors
    constructors["tag:yaml.org,2002:timestamp"] = constructors["tag:yaml.org,2002:str"]
    return yaml.load(file.read_bytes())


@functools.cache
def validator(schema_json: str) -> Draft202012Validator:
    schema = json.loads(schema_json)
    Draft202012Validator.check_schema(schema)  # a broken schema is an error, not a "no"
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_accepts(schema: dict[str, object], file: Path) -> bool:
    try:
        data = load_like_check_jsonschema(file)
    except YAMLError:
        return False
    return validator(json.dumps(schema, sort_keys=True)).is_valid(data)


def test_schema_shape() -> None:
    schema = entity_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {branch["then"]["$ref"] for branch in schema["allOf"]} == {
        f"#/$defs/{name}"
        for name in ("Consumer", "Stakeholder", "Problem", "Goal", "Dimension", "Decision")
    }
    assert root_schema()["required"] == ["product"]
    assert json.loads(render("goal"))["properties"]["kind"]["const"] == "goal"


@pytest.mark.parametrize("schema", [entity_schema(), root_schema()], ids=["entity", "bpstrat"])
def test_schemas_are_valid_draft_2020_12(schema: dict[str, object]) -> None:
    Draft202012Validator.check_schema(schema)


SINGLE_DOCUMENT_FILES = sorted(
    p
    for p in EXAMPLES.rglob("*.yaml")
    if p.name != "bpstrat.yaml"
    and not {"drafts", "catalog"} & set(p.relative_to(EXAMPLES).parts)  # catalog: Backstage's
    and "\n---" not in p.read_text()
)
CONFIGS = [EXAMPLES / name / "bpstrat.yaml" for name in ("pricing-platform", "customer-data")]


def test_there_are_example_files_to_check() -> None:
    assert len(SINGLE_DOCUMENT_FILES) >= 8


@pytest.mark.parametrize(
    "path", SINGLE_DOCUMENT_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix()
)
def test_examples_are_valid_for_the_schema(path: Path) -> None:
    assert schema_accepts(entity_schema(), path)


@pytest.mark.parametrize("example", ["pricing-platform", "customer-data"])
def test_example_config_is_valid_for_the_schema(example: str) -> None:
    assert schema_accepts(root_schema(), EXAMPLES / example / "bpstrat.yaml")


STAKEHOLDER = "kind: stakeholder\nid: a\nname: A\npower: 3\ninterest: 3\n"
CASES = [
    STAKEHOLDER,  # valid
    STAKEHOLDER + "reviewed: 2026-01-31\n",  # valid date
    STAKEHOLDER.replace("id: a", "id: 2027"),  # a number as id: text
    STAKEHOLDER + "foo: 1\n",  # unknown field
    STAKEHOLDER.replace("power: 3", "power: 9"),  # out of range
    STAKEHOLDER.replace("power: 3", "power: '3'"),  # quoted number
    STAKEHOLDER + "reviewed: 2026-13-45\n",  # not a date
    STAKEHOLDER + "reviewed: yesterday\n",  # not a date
    STAKEHOLDER.replace("id: a", "id: Not A Slug"),  # bad slug
    STAKEHOLDER.replace("name: A\n", ""),  # missing field
    STAKEHOLDER + "engagement: {current: happy}\n",  # bad enum
    "kind: goal\nid: g\ntitle: G\nkey: yes\n",  # YAML 1.2: `yes` is text
    "kind: goal\nid: g\ntitle: G\nkey: true\n",
    "kind: dimension\nid: d\nname: D\noptions: []\n",  # empty options
    "kind: nonsense\nid: x\n",
    # money, confidence and a dated next step
    "kind: goal\nid: g\ntitle: G\ncost: {amount: 240000, basis: b}\nvalue: {amount: 0}\n"
    "confidence: 0.6\n",
    "kind: goal\nid: g\ntitle: G\ncost: {amount: 0}\n",  # a cost must be above 0
    "kind: goal\nid: g\ntitle: G\nvalue: {amount: -1}\n",  # a value is 0 or more
    "kind: goal\nid: g\ntitle: G\ncost: {basis: b}\n",  # a cost without its amount
    "kind: goal\nid: g\ntitle: G\nconfidence: 0\n",  # above 0
    "kind: goal\nid: g\ntitle: G\nconfidence: 1.5\n",  # at most 1
    "kind: consumer\nid: c\nname: C\nimportance: 3\n"
    "demands: [{dimension: d, option: o, strength: must, confidence: 1.01}]\n",
    STAKEHOLDER + "plan: {next_step: Call, due: 2026-12-15}\n",
    STAKEHOLDER + "plan: {next_step: Call, due: soon}\n",  # not a date
]


def lint_accepts(root: Writer, text: str) -> tuple[Path, bool]:
    base = root({"x.yaml": text}, with_ana=False)
    return base / "x.yaml", not any(
        f.path == "x.yaml" and f.code[:3] in ("BP1", "BP2") for f in run(base).findings
    )


@pytest.mark.parametrize("text", CASES)
def test_schema_and_lint_agree(root: Writer, text: str) -> None:
    file, lint_ok = lint_accepts(root, text)
    assert schema_accepts(entity_schema(), file) is lint_ok


def check_jsonschema(
    schema: dict[str, object], files: list[Path], tmp_path: Path
) -> dict[Path, bool]:
    """The real check-jsonschema's verdict on each file, in one run."""
    assert CHECKER is not None
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema))
    result = subprocess.run(
        [CHECKER, "--output-format", "json", "--schemafile", str(schema_file), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    report = json.loads(result.stdout)
    failed = {
        Path(e["filename"]) for e in report.get("errors", []) + report.get("parse_errors", [])
    }
    return {file: file not in failed for file in files}


@pytest.mark.slow
@pytest.mark.skipif(CHECKER is None, reason="check-jsonschema is not installed")
def test_the_real_check_jsonschema_agrees(tmp_path: Path) -> None:
    """The in-process check above is check-jsonschema's: same files, same verdicts."""
    cases = []
    for index, text in enumerate(CASES):
        (tmp_path / "cases").mkdir(exist_ok=True)
        cases.append(tmp_path / "cases" / f"{index}.yaml")
        cases[-1].write_text(text)
    entity_files = [*SINGLE_DOCUMENT_FILES, *cases]
    real = check_jsonschema(entity_schema(), entity_files, tmp_path)
    assert real == {file: schema_accepts(entity_schema(), file) for file in entity_files}
    assert all(real[file] for file in SINGLE_DOCUMENT_FILES)
    assert set(real[file] for file in cases) == {True, False}
    real_configs = check_jsonschema(root_schema(), CONFIGS, tmp_path)
    assert real_configs == {file: True for file in CONFIGS}
