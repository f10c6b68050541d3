"""One small history, built once with the git CLI and read by every history test."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.history.gitrepo import FILES, Repo, base_strategy


@dataclass(frozen=True)
class Story:
    repo: Repo
    commits: dict[str, str]  # name -> commit hash

    @property
    def root(self) -> Path:
        return self.repo.top / "strategy"


@pytest.fixture(scope="session")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    """main: start (no decision) -> readme (outside the root) -> win Raj -> measure ->
    merge of a branch that adds the decisions -> bpstrat.yaml removed -> restored."""
    repo = Repo(tmp_path_factory.mktemp("history") / "repo")
    base_strategy(repo)
    (repo.top / "strategy" / "decisions.yaml").unlink()
    c: dict[str, str] = {}
    c["start"] = repo.commit("Start the strategy", "2026-09-01T09:00:00+02:00")
    repo.write({"README.md": "About the strategy\n"}, under="")
    c["readme"] = repo.commit("Say what the folder is", "2026-09-05T10:00:00+00:00")
    repo.edit(
        "strategy/people.yaml", "engagement: {current: neutral", "engagement: {current: supportive"
    )
    # 23:30 at UTC-5 is the next day in UTC: the point's date is the UTC one.
    c["win"] = repo.commit("Win over Raj\n\nHe saw the cost model.", "2026-09-10T23:30:00-05:00")
    repo.git("branch", "decide")
    repo.edit("strategy/goal.yaml", "value: 610", "value: 600")
    c["measure"] = repo.commit("Measure the price age", "2026-10-01T08:00:00+00:00")
    repo.git("checkout", "-q", "decide")
    repo.write({"decisions.yaml": FILES["decisions.yaml"]})
    c["decide"] = repo.commit("Record the decisions", "2026-10-20T08:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge the decisions",
        "decide",
        date="2026-10-21T08:00:00+00:00",
    )
    c["merge"] = repo.git("rev-parse", "HEAD")
    config = (repo.top / "strategy" / "bpstrat.yaml").read_text()
    (repo.top / "strategy" / "bpstrat.yaml").unlink()
    c["unrooted"] = repo.commit("Remove the configuration by mistake", "2026-11-01T08:00:00+00:00")
    (repo.top / "strategy" / "bpstrat.yaml").write_text(config)
    repo.write(
        {
            "dana.yaml": """\
            kind: stakeholder
            id: dana-cho
            name: Dana Cho
            faction: sales
            power: 4
            interest: 2
            engagement: {current: resistant, desired: neutral}
            reviewed: 2026-11-01
            """
        }
    )
    c["restore"] = repo.commit("Restore the configuration, add Dana", "2026-11-10T08:00:00+00:00")
    return Story(repo, c)
