"""Check a text the way the command line would, for tests."""

from policylint.findings.engine import check_document
from policylint.text.language import detect
from policylint.readers import read_bytes


def findings_for(text, pack, settings, rule=None, filename="policy.md", lang=None):
    document = detect(read_bytes(text.encode("utf-8"), filename), lang)
    rules = [pack.rule(rule)] if rule else None
    return check_document(document, pack, settings, rules)


def quoted_words(finding, pack):
    """The document's words a finding's message quotes, or None when it quotes none.

    A message may quote an example of its own ("such as "Customer Service Policy""); that is
    not the document's text. Stale revision dates quote a date written in another form."""
    import re

    match = re.match(r'[^"]*"(.+?)"', finding.message)
    if not match or finding.rule == "stale-revision-date":
        return None
    if match.group(1) in pack.rule(finding.rule).message["en"]:
        return None
    return match.group(1)
