"""The real pre-commit tool, with this checkout as its hook repository, blocks a commit of a
bad policy and lets a good one through.

Slow by nature (marked `slow`): pre-commit pip-installs this checkout and its dependencies
into an environment of its own, as it would for any user. Run only these with `-m slow`,
or skip them with `-m "not slow"`; CI runs them.
"""

import datetime as dt
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from readme_blocks import blocks

pytestmark = pytest.mark.slow

# a complete policy, reviewed today, so that it stays good whatever the date of the run
GOOD = (ROOT / "corpora" / "en" / "good-service-standards.md").read_text(encoding="utf-8").replace(
    "Last reviewed: 14 September 2026", f"Last reviewed: {dt.date.today():%d %B %Y}"
)
BAD = "# Policy\n\nWe will answer emails within [X] hours at [Company Name].\n"
SKIP = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache", "*.egg-info", "build", "dist")


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory):
    """This checkout as it is now (uncommitted edits included), committed in a fresh repository."""
    copy = tmp_path_factory.mktemp("hooks") / "policylint"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    # an identity of its own: a clean CI machine may have none configured
    git("-c", "user.name=Test", "-c", "user.email=t@example.com", "commit", "-q", "-m", "snapshot", cwd=copy)
    return copy, git("rev-parse", "HEAD", cwd=copy)


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.com"}
    env.pop("GITHUB_ACTIONS", None)
    return env


def test_hook_blocks_a_bad_policy_and_allows_a_good_one(hook_repository, environment, tmp_path):
    hooks, rev = hook_repository
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", cwd=project)
    example, = blocks("pre-commit", "yaml")  # the README's example, pointed at the snapshot
    config = re.sub(r"repo: \S+", f"repo: {hooks}", re.sub(r"rev: \S+", f"rev: {rev}", example))
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=environment, check=True,
                   capture_output=True)

    def commit(name, content):
        (project / name).write_text(content, encoding="utf-8")
        subprocess.run(["git", "add", name, ".pre-commit-config.yaml"], cwd=project, check=True)
        return subprocess.run(["git", "commit", "-m", f"add {name}"], cwd=project, env=environment,
                              capture_output=True, text=True)

    bad = commit("bad.md", BAD)
    assert bad.returncode != 0, bad.stdout + bad.stderr
    assert "bad.md:3:30: PL107 error" in bad.stdout + bad.stderr
    subprocess.run(["git", "rm", "-q", "--cached", "bad.md"], cwd=project, check=True)
    (project / "bad.md").unlink()

    good = commit("good.md", GOOD)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"policylint\.+Passed", good.stdout + good.stderr)
    assert git("log", "--format=%s", cwd=project) == "add good.md"
