"""Editors and schema validators check every document init and new write, by its kind."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from bpstrat.edit.scaffold import init, new
from bpstrat.model.schema import entity_schema
from bpstrat.source.yaml_fast import parse

TODAY = dt.date(2026, 11, 20)
BAD_DATE = """\
kind: decision
id: interface-2027
dimension: interface
choice: [rest-json]
status: accepted
date: 1 Nov 2026
"""


def errors(document: dict[str, object]) -> list[str]:
    validator = jsonschema.Draft202012Validator(entity_schema())
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def test_a_decision_with_a_bad_date_reports_the_date_only() -> None:
    found = errors(yaml.safe_load(BAD_DATE))
    assert len(found) == 1 and found[0].startswith("date: "), found
    text = " ".join(found)
    assert "Additional properties" not in text and "was expected" not in text


def test_a_stakeholder_with_power_9_reports_power_only() -> None:
    found = errors({"kind": "stakeholder", "id": "a", "name": "A", "power": 9, "interest": 3})
    assert found == ["power: 9 is greater than the maximum of 5"]


def test_an_unknown_kind_reports_the_kinds() -> None:
    found = errors({"kind": "consumr", "id": "a"})
    assert len(found) == 1 and "consumer" in found[0] and found[0].startswith("kind: ")


def test_every_file_init_and_new_write_is_one_document_with_the_modeline(
    tmp_path: Path,
) -> None:
    root = tmp_path / "s"
    init(root, "Demo", TODAY, False, False)
    for kind in ("consumer", "stakeholder", "problem", "goal", "dimension", "decision"):
        new(root, kind, f"new-{kind}", None, TODAY)
    files = [p for p in root.rglob("*.yaml") if p.name != "bpstrat.yaml"]
    assert len(files) >= 12
    schema = entity_schema()
    for path in files:
        text = path.read_text()
        assert text.startswith("# yaml-language-server: $schema="), path
        assert "\n---" not in text, path
        documents, error = parse(text)  # dates stay text, as editors see them
        assert error is None and len(documents) == 1
        document = documents[0].data
        jsonschema.Draft202012Validator(schema).validate(document)
        modeline = text.splitlines()[0].split("=", 1)[1]
        assert (path.parent / modeline).resolve() == root / ".bpstrat/entity.schema.json"
    assert (root / "stakeholders/product-owner.yaml").is_file()
    assert (root / "stakeholders/sponsor.yaml").is_file()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="needs check-jsonschema")
def test_check_jsonschema_reports_the_date_of_a_decision(tmp_path: Path) -> None:
    init(tmp_path / "s", "Demo", TODAY, False, False)
    decision = tmp_path / "bad.yaml"
    decision.write_text(BAD_DATE)
    result = subprocess.run(
        [
            "check-jsonschema",
            "--schemafile",
            str(tmp_path / "s/.bpstrat/entity.schema.json"),
            str(decision),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "$.date" in result.stdout, result.stdout
    assert "was expected" not in result.stdout
    assert "Additional properties" not in result.stdout
    good = subprocess.run(
        [
            "check-jsonschema",
            "--schemafile",
            str(tmp_path / "s/.bpstrat/entity.schema.json"),
            *map(str, (tmp_path / "s").rglob("*/*.yaml")),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert good.returncode == 0, good.stdout


def test_the_schema_file_init_writes_is_the_by_kind_schema(tmp_path: Path) -> None:
    init(tmp_path / "s", "Demo", TODAY, False, False)
    written = json.loads((tmp_path / "s/.bpstrat/entity.schema.json").read_text())
    assert [b["if"]["patternProperties"]["^kind$"]["const"] for b in written["allOf"]]


_LSP_CLIENT = """
import json, pathlib, subprocess, sys
server, path = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
p = subprocess.Popen(["node", server, "--stdio"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\\r\\n\\r\\n" % len(body) + body)
    p.stdin.flush()
def read():
    headers = {}
    while True:
        line = p.stdout.readline().decode().strip()
        if not line:
            break
        key, value = line.split(":", 1)
        headers[key.lower()] = value.strip()
    return json.loads(p.stdout.read(int(headers["content-length"])))
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}}})
while read().get("id") != 1:
    pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {
    "settings": {"yaml": {"validate": True, "schemaStore": {"enable": False}}}}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": path.read_text()}}})
while True:
    m = read()
    if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["diagnostics"]:
        print(json.dumps([[d["range"]["start"]["line"] + 1, d["message"]]
                          for d in m["params"]["diagnostics"]]))
        break
    if "id" in m and "method" in m:
        items = m.get("params", {}).get("items", [])
        result = [None] * len(items) if m["method"] == "workspace/configuration" else None
        send({"jsonrpc": "2.0", "id": m["id"], "result": result})
p.kill()
"""


def _language_server() -> Path | None:
    modules = os.environ.get("BPSTRAT_NODE_MODULES")
    if not modules or shutil.which("node") is None:
        return None
    server = Path(modules) / "yaml-language-server" / "bin" / "yaml-language-server"
    return server if server.is_file() else None


def diagnostics(tmp_path: Path, file: Path) -> list[list[object]]:
    server = _language_server()
    if server is None:
        pytest.skip("needs node and BPSTRAT_NODE_MODULES with yaml-language-server")
    client = tmp_path / "lsp_client.py"
    client.write_text(_LSP_CLIENT)
    result = subprocess.run(
        [sys.executable, str(client), str(server), str(file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: list[list[object]] = json.loads(result.stdout)
    return found


@pytest.mark.slow
def test_yaml_language_server_reports_the_date_of_a_decision_init_made(tmp_path: Path) -> None:
    root = tmp_path / "s"
    init(root, "Demo", TODAY, False, False)
    decision = root / "decisions" / "interface.yaml"
    text = decision.read_text()
    decision.write_text(re.sub(r"(?m)^date: .*$", "date: 1 Nov 2026", text))
    found = diagnostics(tmp_path, decision)
    assert [message for _, message in found] == ["must be a date written YYYY-MM-DD"]


@pytest.mark.slow
def test_yaml_language_server_validates_each_stakeholder_file_init_made(
    tmp_path: Path,
) -> None:
    root = tmp_path / "s"
    init(root, "Demo", TODAY, False, False)
    sponsor = root / "stakeholders" / "sponsor.yaml"  # the second one, once a 2nd document
    sponsor.write_text(sponsor.read_text().replace("power: 5", "power: 9"))
    found = diagnostics(tmp_path, sponsor)
    assert len(found) == 1 and "5" in str(found[0][1])
