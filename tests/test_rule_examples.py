"""Every rule's own examples, in every language, behave as the rule file says."""

import pytest
from helpers import findings_for, pair_findings_for

from policylint.model import LANGUAGES
from policylint.packs import load_pack

# Rule examples are judged against a fixed day, so "stale" examples stay stale.
EXAMPLE_DAY = "2026-06-30"
CASES = [
    (rule.name, language, verdict, index, text)
    for rule in load_pack().rules
    for language in LANGUAGES
    for verdict in ("pass", "fail")
    for index, text in enumerate(rule.examples[language][verdict])
]


@pytest.fixture(scope="module")
def example_settings():
    import datetime as dt

    from policylint.findings.engine import Settings

    return Settings(today=dt.date.fromisoformat(EXAMPLE_DAY), message_language="en")


@pytest.mark.parametrize("rule, language, verdict, index, text", CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}{c[3]}" for c in CASES])
def test_example(pack, example_settings, rule, language, verdict, index, text):
    if pack.rule(rule).kind.scope == "pair":  # a source and its translation, in `language`
        findings = pair_findings_for(text["source"], text["translation"], pack, example_settings, rule, language)
    else:
        findings = findings_for(text, pack, example_settings, rule=rule, lang=language)
    if verdict == "fail":
        assert findings, f"expected {rule} to fire on: {text!r}"
        assert {f.language for f in findings} <= {language}
    else:
        assert not findings, f"expected no {rule} finding on: {text!r}, got {[f.message for f in findings]}"
