"""The README's fenced examples, by section, so tests run exactly what users copy."""

import re

from conftest import ROOT


def blocks(section: str, language: str) -> list[str]:
    """Fenced blocks of one language under a `## section` heading of README.md."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", text, re.S | re.M).group(1)
    return re.findall(rf"^```{language}\n(.*?)^```", body, re.S | re.M)
