"""`policylint check corpora/` reports exactly the findings written beside each policy."""

from collections import Counter

import pytest
from corpora_expected import actual, documents, expected_path

from policylint.model import LANGUAGES

DOCUMENTS = documents()


@pytest.fixture(scope="module")
def found():
    return actual()


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_findings_match_expected(document, found):
    expected = expected_path(document).read_text(encoding="utf-8").splitlines()
    assert found.get(str(document), []) == expected


def test_every_language_has_compliant_and_failing_policies_in_both_formats():
    for language in LANGUAGES:
        names = [p for p in DOCUMENTS if p.parent.name == language]
        suffixes = Counter(p.suffix for p in names)
        assert suffixes[".md"] >= 1 and suffixes[".txt"] >= 1, language
        clean = [p for p in names if not expected_path(p).read_text().strip()]
        failing = [p for p in names if len(set(line.split()[2] for line in expected_path(p).read_text().splitlines())) >= 3]
        assert clean and len(failing) >= 2, language


def test_positions_point_at_the_quoted_words():
    """For every finding that quotes the document, the reported span is exactly those words."""
    from corpora_expected import SAMPLE_FOLDERS, TODAY
    from helpers import quoted_words

    from policylint.findings.engine import Settings
    from policylint.packs import load_pack
    from policylint.running.runner import run

    pack = load_pack()
    result = run(SAMPLE_FOLDERS, pack, Settings(today=TODAY, message_language="en"))
    checked = 0
    for finding in result.findings:
        quoted = quoted_words(finding, pack)
        if quoted is None:
            continue
        lines = open(finding.path, encoding="utf-8").read().split("\n")
        span = lines[finding.line - 1 : finding.end_line]
        span[-1] = span[-1][: finding.end_column - 1]
        span[0] = span[0][finding.column - 1 :]
        # a span may run over a line break, which the block's text joins with a space
        assert " ".join(" ".join(span).split()) == quoted, finding
        checked += 1
    assert checked > 50
