"""Which files and folders the .gitignore files of a walk leave out, as git (and ruff) do.

Each folder's .gitignore speaks of paths below that folder; the files of the folders from the
repository's top (the nearest folder holding .git, else the folder walked) down to a path are
read in that order, and the last pattern that matches decides (`!pattern` takes a path back).
A pattern ending in / matches folders only. Patterns are matched by settings/globs.py, the
matcher of the configuration's exclude."""

from __future__ import annotations

import os
from dataclasses import dataclass

from policylint.settings.globs import matches
from policylint.settings.repository import repository_top

IGNORE_FILE = ".gitignore"


@dataclass(frozen=True)
class IgnoreRule:
    pattern: str
    negated: bool
    folders_only: bool


def parse(text: str) -> tuple[IgnoreRule, ...]:
    """The rules of one .gitignore file, in order (blank lines and # comments skipped)."""
    rules = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = line[1:] if negated else line
        if pattern.startswith("\\"):  # \# and \! stand for the character itself
            pattern = pattern[1:]
        if pattern.strip("/"):
            rules.append(IgnoreRule(pattern, negated, pattern.endswith("/")))
    return tuple(rules)


class GitIgnore:
    """The .gitignore files of one walk, each read once."""

    def __init__(self, walked: str):
        walked = os.path.abspath(walked)
        self.top = repository_top(walked) or walked
        self._rules: dict[str, tuple[IgnoreRule, ...]] = {}

    def _rules_of(self, folder: str) -> tuple[IgnoreRule, ...]:
        if folder not in self._rules:
            try:
                with open(os.path.join(folder, IGNORE_FILE), encoding="utf-8", errors="replace") as handle:
                    self._rules[folder] = parse(handle.read())
            except OSError:  # none, or unreadable: nothing ignored by it
                self._rules[folder] = ()
        return self._rules[folder]

    def _folders_above(self, path: str) -> list[str]:
        """The folders from the top down to the one holding `path`."""
        folder = os.path.dirname(path)
        chain = []
        while True:
            chain.append(folder)
            if folder == self.top or os.path.dirname(folder) == folder:
                break
            folder = os.path.dirname(folder)
        return chain[::-1] if folder == self.top else [os.path.dirname(path)]

    def ignored(self, path: str, is_folder: bool) -> bool:
        path = os.path.abspath(path)
        verdict = False
        for folder in self._folders_above(path):
            relative = os.path.relpath(path, folder)
            for rule in self._rules_of(folder):
                if rule.folders_only and not is_folder:
                    continue
                if matches(rule.pattern, relative):
                    verdict = not rule.negated
        return verdict
