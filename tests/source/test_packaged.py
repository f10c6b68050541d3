"""The templates ship inside the wheel: an installed bpstrat renders outside the source;
and the wheel marks the package as typed (PEP 561 `py.typed`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES


@pytest.mark.slow  # builds and installs a wheel
def test_installed_wheel_finds_its_templates(tmp_path: Path) -> None:
    """Templates ship inside the wheel: an installed bpstrat renders outside the source."""
    top = EXAMPLES.parent
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(top)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    target = tmp_path / "site"
    [wheel] = list(wheels.glob("*.whl"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (target / "bpstrat" / "templates" / "brief.md.j2").is_file()
    assert (target / "bpstrat" / "py.typed").is_file()
    [record] = list(target.glob("bpstrat-*.dist-info/RECORD"))
    assert "bpstrat/py.typed," in record.read_text()
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from bpstrat.source.packaged import packaged_templates as p; print(p())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert result.stdout.strip() == str(target / "bpstrat" / "templates")
    brief = subprocess.run(
        [
            sys.executable,
            "-m",
            "bpstrat",
            "brief",
            str(EXAMPLES / "customer-data"),
            "--today",
            "2026-11-20",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert brief.returncode == 0, brief.stderr
    assert brief.stdout == (EXAMPLES / "customer-data" / "BRIEF.md").read_text()
