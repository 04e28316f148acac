"""Rule messages are templates: "{term}" is filled in by the check kind. A rule pack may come
from anyone, so a template is data, never Python's format language: only `{name}` for a field
the check kind fills in, and `{{` / `}}` for braces. No attribute access (`{term.__class__}`
prints internals), no indexing, no format specs (`{term:>400000000}` prints 800 MB), no
conversions. Templates are checked when the pack is loaded; filling one in is a plain
substitution whose output is the template plus the values.
"""

from __future__ import annotations

import re

from policylint.messages import Text

# a field, an escaped brace, or a lone brace (always a mistake)
_PART = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
MAX_TEMPLATE = 2000  # characters: a message is a sentence or two


def problem(template: str, fields: frozenset[str]) -> Text | None:
    """What is wrong with a template whose check kind fills in `fields`, or None."""
    if len(template) > MAX_TEMPLATE:
        return Text("pack_template_too_long", limit=MAX_TEMPLATE)
    for part in _PART.finditer(template):
        text = part.group(0)
        if text in ("{{", "}}"):
            continue
        if part.group(1) is None:
            return Text("pack_template_unmatched", brace=repr(text), doubled=text * 2)
        name = part.group(1)
        if not _NAME.match(name):
            return Text("pack_template_plain_field", field=text, example="{term}")
        if name not in fields:
            offered = ", ".join(f"{{{f}}}" for f in sorted(fields)) or Text("option_none")
            return Text("pack_template_unknown_field", field=text, offered=offered)
    return None


def fill(template: str, values: dict) -> str:
    """The template with its fields replaced by the values (unknown ones left as written)."""
    if "{" not in template and "}" not in template:
        return template

    def replace(part: re.Match) -> str:
        text = part.group(0)
        if text in ("{{", "}}"):
            return text[0]
        name = part.group(1)
        return str(values[name]) if name in values else text

    return _PART.sub(replace, template)
