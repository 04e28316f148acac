"""The commented starter configuration that `policylint init` writes."""

from __future__ import annotations

from pathlib import Path

FILENAME = ".policylint.yaml"

STARTER = """\
# policylint configuration. It applies to the policies in this folder and below it; the
# nearest .policylint.yaml (or [tool.policylint] in pyproject.toml) to a policy wins.
# Flags on the command line override what is set here. `policylint rules` lists the rules.

# Which rules run: a profile (core, customer-service), then select and ignore by rule name,
# code or code prefix ("PL1"), as in ruff.
profile: customer-service
# select: [PL1]
ignore: []

# Change a rule's severity (info, warning, error). A shorthand for `severity:` under `rules:`.
severity:
  # jargon: info

# Exit 1 when a finding has at least this severity (error, warning, info, never).
fail-on: warning

# Files and folders not to check (globs relative to this file; ** crosses folders).
exclude:
  - "drafts/**"

# Rules to ignore in some files only.
per-file-ignores:
  # "templates/**": [unfilled-placeholder]

# The language of some files, instead of detecting it (en, fr, es, el, ar).
language:
  # "policies/fr/**": fr

# The kind of document some files are, instead of recognising it: customer-service, complaints,
# returns, code-of-conduct, privacy, terms, other-policy or not-a-policy. Each kind is judged by
# its own rules (`policylint rules --kinds`); a file taken for no policy gets a notice only.
kind:
  # "legal/terms-*.md": terms

# Oldest acceptable revision date, in months: the stale-revision-date rule's max_age_months.
# A custom rule keeps its own maximum age.
max-revision-age: 12

# More words to report as jargon, per language, with a plainer word (or null): the jargon
# rule's extra_terms.
jargon:
  en:
    # "going forward": from now on
  fr: {}
  es: {}
  el: {}
  ar: {}

# Words your readers know, per language: never reported as jargon or as undefined acronyms.
accepted-terms:
  en: []
  fr: []
  es: []
  el: []
  ar: []

# Folders of your own rules, written like the built-in ones (relative to this file).
rules-dir: []

# Documents that are translations of one another, the source first (relative to this file),
# for `policylint report`'s parity table; files named policy.en.md / policy.fr.md or
# en/policy.md / fr/policy.md are recognised without it. `policylint compare` compares any
# files you name. A known local difference in contact details is accepted per rule:
# `translation-contact-differs: {accept: ["+30 210 123 4567"]}` under `rules:`.
translations: []

# Per rule (name, code or code prefix): its severity and any option its check kind declares
# (`policylint explain RULE` shows a rule's options). These win over the keys above; a
# flag on the command line wins over both.
rules:
  # stale-revision-date:
  #   max_age_months: 6
  # long-sentence:
  #   max_words: 35          # one number for every language, or per language: {en: 35, fr: 40}
  # jargon:
  #   severity: info
  #   acronyms: false
"""


def write(folder: Path, force: bool = False) -> Path:
    """Write the starter file into `folder`; FileExistsError unless `force`."""
    path = Path(folder) / FILENAME
    with open(path, "w" if force else "x", encoding="utf-8") as handle:
        handle.write(STARTER)
    return path
