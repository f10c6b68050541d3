"""The console script answers pydantic's plugin lookup itself, and stays correct if a
pydantic version asks more of that module."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_a_name_the_stand_in_lacks_comes_from_the_real_module() -> None:
    code = (
        "import bpstrat.entry as e; e.without_pydantic_plugins(); "
        "from pydantic.plugin._loader import get_plugins, PYDANTIC_ENTRY_POINT_GROUP; "
        "import pydantic\n"
        "class M(pydantic.BaseModel):\n    x: int\n"
        "print(list(get_plugins()), PYDANTIC_ENTRY_POINT_GROUP, M(x=1).x)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["[]", "pydantic", "1"]
