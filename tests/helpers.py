"""Check a text the way the command line would, for tests."""

from policylint.engine import check_document
from policylint.language import detect
from policylint.readers import read_bytes


def findings_for(text, pack, settings, rule=None, filename="policy.md", lang=None):
    document = detect(read_bytes(text.encode("utf-8"), filename), lang)
    rules = [pack.rule(rule)] if rule else None
    return check_document(document, pack, settings, rules)
