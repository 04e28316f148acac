"""The README's set-up commands stay true: the sample exists and CI runs the test command."""

import re

from conftest import ROOT


def setup_commands():
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_two_commands():
    install_and_run, install_and_test = setup_commands()
    sample = re.search(r"(corpora/\S+)", install_and_run).group(1)
    assert (ROOT / sample).is_file()
    assert "policylint check" in install_and_run and "pytest" in install_and_test


def test_ci_runs_exactly_the_readme_test_command():
    """.ci/run may install prerequisites first (chromium); its last command is the README's."""
    _, install_and_test = setup_commands()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-2:] == ["rm -rf .venv", install_and_test]
