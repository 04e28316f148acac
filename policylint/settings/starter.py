"""The commented starter configuration that `policylint init` writes: its keys and values are
the configuration's (the same in every language), its comments the message catalogue's
(`starter_*`), in the language asked for."""

from __future__ import annotations

from pathlib import Path

from policylint.messages import Messages
from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE

FILENAME = ".policylint.yaml"


def _sections() -> tuple[tuple[str, str], ...]:
    """(the comment's catalogue key, the settings under it); every key of the configuration
    appears, and the per-language keys name every language."""
    return (
        ("starter_intro", ""),
        ("starter_profile", "profile: customer-service\n# select: [PL1]\nignore: []\n"),
        ("starter_severity", "severity:\n  # jargon: info\n"),
        ("starter_fail_on", "fail-on: warning\n"),
        ("starter_exclude", 'exclude:\n  - "drafts/**"\n'),
        ("starter_per_file_ignores", 'per-file-ignores:\n  # "templates/**": [unfilled-placeholder]\n'),
        ("starter_language", 'language:\n  # "policies/fr/**": fr\n'),
        ("starter_kind", 'kind:\n  # "legal/terms-*.md": terms\n'),
        ("starter_max_revision_age", "max-revision-age: 12\n"),
        ("starter_jargon", "jargon:\n" + "".join(
            f'  {code}:\n    # "going forward": from now on\n' if code == BASE_LANGUAGE else f"  {code}: {{}}\n"
            for code in LANGUAGES)),
        ("starter_accepted_terms", "accepted-terms:\n" + "".join(f"  {code}: []\n" for code in LANGUAGES)),
        ("starter_rules_dir", "rules-dir: []\n"),
        ("starter_translations", "translations: []\n"),
        ("starter_rules", "rules:\n  # stale-revision-date:\n  #   max_age_months: 6\n  # long-sentence:\n"
                          "  #   max_words: 35\n  # jargon:\n  #   severity: info\n  #   acronyms: false\n"),
    )


def text(say: Messages | None = None) -> str:
    """The starter file, its comments in the language of `say` (default: the base language)."""
    say = say or Messages()
    sections = []
    for key, settings in _sections():
        comment = "".join(f"# {line}".rstrip() + "\n" for line in say(key).splitlines())
        sections.append(comment + settings)
    return "\n".join(sections)


def write(folder: Path, force: bool = False, say: Messages | None = None) -> Path:
    """Write the starter file into `folder`, commented in the language of `say`;
    FileExistsError unless `force`."""
    path = Path(folder) / FILENAME
    with open(path, "w" if force else "x", encoding="utf-8") as handle:
        handle.write(text(say))
    return path
