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


def project_with(config: str, environment, tmp_path):
    """A fresh repository whose .pre-commit-config.yaml is `config`, hooks installed; returns
    it and `commit(name, content)`."""
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=environment, check=True,
                   capture_output=True)

    def commit(name, content):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(content, encoding="utf-8")
        subprocess.run(["git", "add", name, ".pre-commit-config.yaml"], cwd=project, check=True)
        return subprocess.run(["git", "commit", "-m", f"add {name}"], cwd=project, env=environment,
                              capture_output=True, text=True)

    return project, commit


def blocks_then_allows(project, commit):
    """A bad policy in policies/ is refused; a two-line README, a draft and a good policy pass."""
    bad = commit("policies/bad.md", BAD)
    assert bad.returncode != 0, bad.stdout + bad.stderr
    assert "policies/bad.md:3:30: PL107 error" in bad.stdout + bad.stderr
    subprocess.run(["git", "rm", "-q", "--cached", "policies/bad.md"], cwd=project, check=True)
    (project / "policies" / "bad.md").unlink()

    for name, content in (("README.md", "# Team notes\n\nSee [X].\n"), ("policies/good.md", GOOD)):
        good = commit(name, content)
        assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"policylint\.+Passed", good.stdout + good.stderr)  # the good policy was checked
    assert git("log", "--format=%s", cwd=project).splitlines() == ["add policies/good.md", "add README.md"]


def test_the_repository_recipe_blocks_a_bad_policy_and_allows_a_good_one(hook_repository, environment, tmp_path):
    hooks, rev = hook_repository
    example = blocks("pre-commit", "yaml")[0]  # the documented recipe, pointed at the snapshot
    assert re.search(r"rev: [0-9a-f]{40}\b", example)  # a commit hash, not a tag that may not exist
    config = re.sub(r"repo: \S+", f"repo: {hooks}", re.sub(r"rev: \S+", f"rev: {rev}", example))
    project, commit = project_with(config, environment, tmp_path)
    blocks_then_allows(project, commit)


def test_the_local_recipe_works_as_pasted(environment, tmp_path):
    example = blocks("pre-commit", "yaml")[1]
    assert "repo: local" in example
    # policylint installed where the user commits from: here, this checkout on the PATH
    env = {**environment, "PATH": os.path.dirname(sys.executable) + os.pathsep + environment["PATH"],
           "PYTHONPATH": str(ROOT)}
    project, commit = project_with(example, env, tmp_path)
    blocks_then_allows(project, commit)
    draft = commit("policies/drafts/wip.md", BAD)  # exclude: drafts are not checked
    assert draft.returncode == 0, draft.stdout + draft.stderr
