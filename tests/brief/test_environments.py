"""Jinja environments are shared where they can be: compiling the packaged templates is
most of a brief's cost, so roots without templates of their own share one environment."""

from __future__ import annotations

from pathlib import Path

from bpstrat.brief.render import make_environment


def test_roots_without_templates_share_the_packaged_environment(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert make_environment(one) is make_environment(two)


def test_a_root_with_templates_has_its_own_environment(tmp_path: Path) -> None:
    plain, own = tmp_path / "plain", tmp_path / "own"
    plain.mkdir()
    (own / "templates").mkdir(parents=True)
    other = tmp_path / "other"
    (other / "templates").mkdir(parents=True)
    assert make_environment(own) is not make_environment(plain)
    assert make_environment(own) is not make_environment(other)
