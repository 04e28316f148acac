"""The plain data that flows between the stages."""

import dataclasses

import pytest
from conftest import CORPORA

from policylint.model import LANGUAGES
from policylint.readers import read_bytes
from policylint.text.language import detect


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_block_rebuilt_in_another_language_keeps_everything_else(language):
    path = CORPORA / language / "good-service-standards.md"
    document = read_bytes(path.read_bytes(), str(path))
    for block in document.blocks:
        for other in (*LANGUAGES, None):
            rebuilt = block.with_language(other)
            assert rebuilt == dataclasses.replace(block, language=other)  # every field, a new one too
            assert rebuilt.language == other
            assert [rebuilt.locate(i) for i in range(len(block.text))] == [block.locate(i) for i in range(len(block.text))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_detection_rebuilds_each_block_with_its_language(language):
    path = CORPORA / language / "good-complaints.txt"
    document = read_bytes(path.read_bytes(), str(path))
    detected = detect(document)
    assert detected.language == language
    assert [b.with_language(None) for b in detected.blocks] == document.blocks
    assert {b.language for b in detected.blocks} >= {language}
