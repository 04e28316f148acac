"""The documentation's fenced examples, by section, so tests run exactly what users copy."""

import re

from conftest import ROOT

# the README, then the reference pages it sends readers to
DOCUMENTS = ("README.md", "docs/usage.md", "docs/configuration.md", "docs/recipes.md", "docs/reference.md")


def section_text(section: str) -> str:
    """The text under a `## section` heading, in whichever page holds it."""
    for name in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        found = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
        if found:
            return found.group(1)
    raise LookupError(f"no section {section!r} in {', '.join(DOCUMENTS)}")


def blocks(section: str, language: str) -> list[str]:
    """Fenced blocks of one language under a `## section` heading."""
    return re.findall(rf"^```{language}\n(.*?)^```", section_text(section), re.S | re.M)
