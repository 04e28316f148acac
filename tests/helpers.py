"""Check a text the way the command line would, for tests."""

from policylint.findings.engine import check_document
from policylint.findings.suppression import settle
from policylint.readers import read_bytes
from policylint.text.language import detect


def findings_for(text, pack, settings, rule=None, filename="policy.md", lang=None):
    document = detect(read_bytes(text.encode("utf-8"), filename), lang)
    chosen = pack.rule(rule) if rule else None
    if chosen is not None and chosen.kind.settles_suppressions:
        # unused-suppression judges the comments once every other rule has run, as
        # `check --warn-unused-suppressions` does; only its own findings are kept
        found = settle(document, check_document(document, pack, settings), [chosen], settings.message_language)
        return [f for f in found if f.rule == chosen.name]
    return check_document(document, pack, settings, [chosen] if chosen else None)


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


def pair_findings_for(source, translation, pack, settings, rule, lang=None):
    """Compare a translation with its source the way `policylint compare` does, with one rule;
    `lang` is the translation's language when given."""
    from policylint.compare.engine import compare_pair
    from policylint.text.analysis import analyse

    analysed = [analyse(detect(read_bytes(text.encode("utf-8"), name), forced))
                for text, name, forced in ((source, "source.md", None), (translation, "translation.md", lang))]
    return compare_pair(*analysed, pack, settings, [pack.rule(rule)])


def fires(pack, rule: str, text: str, language: str) -> bool:
    """Whether `rule` reports anything on `text` read as `language`, default settings."""
    from policylint.findings.engine import Settings

    return bool(findings_for(text, pack, Settings(), rule=rule, lang=language))


def case_ids(cases):
    """Test ids for (language, ...) cases: the language and the case's number."""
    return [f"{case[0]}-{index}" for index, case in enumerate(cases)]
