"""Where a rule's page is, for the link a diagnostic carries (codeDescription): the generated
docs/rules/CODE-name.md of a built-in rule (inside the package when installed, in the checkout
otherwise; tools/rule_pages.py writes them), the rule's own YAML file for a custom rule."""

from __future__ import annotations

from pathlib import Path

from policylint.packs import Rule
from policylint.packs.model import BUILTIN

PACKAGE = Path(__file__).resolve().parent.parent
PAGE_FOLDERS = (PACKAGE / "docs" / "rules", PACKAGE.parent / "docs" / "rules")


def page_name(rule: Rule) -> str:
    return f"{rule.code}-{rule.name}.md"


def rule_page(rule: Rule, base_url: str | None = None) -> str | None:
    """A URI for the rule's page: under `base_url` when the editor was given one, else a file."""
    if rule.pack == BUILTIN:
        if base_url:
            return base_url.rstrip("/") + "/" + page_name(rule)
        for folder in PAGE_FOLDERS:
            page = folder / page_name(rule)
            if page.is_file():
                return page.as_uri()
        return None
    return Path(rule.path).resolve().as_uri() if rule.path else None
