"""Every field is described in the schema, and docs/format.md's field reference is
generated from the models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from bpstrat.cli.app import app
from bpstrat.model.kinds import KINDS
from bpstrat.model.reference_doc import BEGIN, END, generated_part, render_markdown
from bpstrat.model.schema import entity_schema, root_schema
from tests.helpers import EXAMPLES, run

FORMAT_MD = EXAMPLES.parent / "docs" / "format.md"


def properties(schema: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every (path, property) of every `properties` object in `schema`, $defs included."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found += [(f"{where}.{name}", prop) for name, prop in value.items()]
            found += properties(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            found += properties(value, f"{where}/{index}")
    return found


def test_schema_properties_are_described() -> None:
    everything = properties(entity_schema()) + properties(root_schema())
    missing = [path for path, prop in everything if not prop.get("description")]
    ratio = 1 - len(missing) / len(everything)
    assert len(everything) > 80
    assert ratio >= 0.9, f"{ratio:.0%} described; missing: {missing}"
    assert missing == []


def test_every_kind_and_the_config_have_a_description() -> None:
    everything = entity_schema()
    for kind in KINDS.values():
        assert everything["$defs"][kind.class_name]["description"]
    assert root_schema()["description"]
    assert all(schema.get("description") for schema in root_schema()["$defs"].values())


def test_docs_format_md_is_up_to_date() -> None:
    page = FORMAT_MD.read_text(encoding="utf-8")
    assert generated_part(page) == render_markdown(), (
        "run: bpstrat schema --markdown -o docs/format.md"
    )
    # the hand-written prose stays around it
    assert page.index("## The root and its files") < page.index(BEGIN)
    assert page.index(END) < page.index("## Exit codes") < page.index("## Score JSON")


def test_reference_has_a_section_and_a_row_per_field() -> None:
    text = render_markdown()
    assert text.startswith(BEGIN + "\n") and text.endswith(END + "\n")
    headings = re.findall(r"^### (.+)$", text, re.M)
    assert headings == ["bpstrat.yaml", *KINDS]
    assert "| `importance` | scale 1-5 | required | How much this consumer matters" in text
    assert "| `demands[].strength` | one of `must`, `should`, `could` | required |" in text
    assert "| `options[].cost` | scale 1-5 | default `3` |" in text
    assert "| `lint.coalition_threshold` | number from 0 to 1 | default `0.5` |" in text
    assert "| `choice` | list of ids, at least one | required |" in text
    assert "| `reviewed` | date | optional |" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    fields = [path for path, _ in properties(entity_schema()) + properties(root_schema())]
    assert len(rows) == len(fields)


def test_reference_is_the_same_every_time() -> None:
    assert render_markdown() == render_markdown()


def test_generated_examples_are_valid(tmp_path: Path) -> None:
    blocks = re.findall(r"^```yaml\n(.*?)^```$", render_markdown(), re.M | re.S)
    assert len(blocks) == 1 + len(KINDS)
    base = tmp_path / "strategy"
    base.mkdir()
    (base / "bpstrat.yaml").write_text(blocks[0], encoding="utf-8")
    for name, block in zip(KINDS, blocks[1:], strict=True):
        assert block.startswith(f"kind: {name}\n")
        (base / f"{name}.yaml").write_text(block, encoding="utf-8")
    findings = run(base).findings
    # the examples refer to ids they do not define (BP302); nothing else is wrong
    assert [f for f in findings if f.code != "BP302"] == []
    assert {f.path for f in findings} <= {f"{name}.yaml" for name in KINDS} | {"bpstrat.yaml"}


def test_schema_markdown_prints_the_reference() -> None:
    result = CliRunner().invoke(app, ["schema", "--markdown"])
    assert result.exit_code == 0
    assert result.stdout == render_markdown()


def test_schema_markdown_output_replaces_only_the_generated_part(tmp_path: Path) -> None:
    page = tmp_path / "format.md"
    page.write_text(f"# Intro\n\nprose\n\n{BEGIN}\nold\n{END}\n\n## After\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["schema", "--markdown", "-o", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert text == "# Intro\n\nprose\n\n" + render_markdown() + "\n## After\n"
    assert generated_part(text) == render_markdown()


def test_schema_markdown_output_to_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "reference.md"
    result = CliRunner().invoke(app, ["schema", "--markdown", "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == render_markdown()


def test_schema_markdown_never_overwrites_a_page_without_markers(tmp_path: Path) -> None:
    page = tmp_path / "notes.md"
    page.write_text("# My notes\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["schema", "--markdown", "-o", str(page)])
    assert result.exit_code == 2
    assert "no generated part" in result.output and "Traceback" not in result.output
    assert page.read_text(encoding="utf-8") == "# My notes\n"


def test_schema_markdown_output_that_cannot_be_read(tmp_path: Path) -> None:
    page = tmp_path / "binary.md"
    page.write_bytes(b"\xff\xfe\x00broken")
    result = CliRunner().invoke(app, ["schema", "--markdown", "-o", str(page)])
    assert result.exit_code == 2
    assert "cannot read" in result.output and "Traceback" not in result.output
    assert page.read_bytes() == b"\xff\xfe\x00broken"
