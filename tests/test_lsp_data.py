"""The data and pieces behind the language server's quick fixes, without a server: section
skeletons and weak-obligation alternatives in the rule files, the rule-file checks of them,
and UTF-16 columns."""

from __future__ import annotations

import pytest
from conftest import ROOT

from policylint.lsp.positions import LineIndex, utf16_length
from policylint.model import LANGUAGES
from policylint.packs import PackError, load_pack
from policylint.text.analysis import tokenize
from policylint.text.matcher import Matcher

PRIVACY = ROOT / "examples" / "privacy-pack"


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def test_every_required_section_rule_has_a_skeleton_in_every_language(pack):
    required = [rule for rule in pack.rules if rule.check == "required-section"]
    assert required
    for rule in required:
        assert set(rule.skeleton) == set(LANGUAGES), rule.code
        assert all(text.strip().endswith("…") for text in rule.skeleton.values()), rule.code


def test_a_skeleton_needs_an_element_and_every_covered_language(tmp_path):
    text = (PRIVACY / "PRIV01-missing-data-controller.yaml").read_text(encoding="utf-8")
    (tmp_path / "PRIV01.yaml").write_text(text + "skeleton:\n  en: 'Acme is …'\n  fr: 'Acme est …'\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"PRIV01.yaml: skeleton: needs an element"):
        load_pack(extra_dirs=(str(tmp_path),))
    text += "element:\n  en: Who we are\n  fr: Qui sommes-nous\n  es: Quiénes somos\n  el: Ποιοι είμαστε\n  ar: من نحن\n"
    (tmp_path / "PRIV01.yaml").write_text(text + "skeleton:\n  en: 'Acme is …'\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"PRIV01.yaml: skeleton.fr: missing text"):
        load_pack(extra_dirs=(str(tmp_path),))
    (tmp_path / "PRIV01.yaml").write_text(text + "skeleton:\n  en: 'Acme is …'\n  fr: 'Acme est …'\n", encoding="utf-8")
    assert load_pack(extra_dirs=(str(tmp_path),)).rule("PRIV01").skeleton["fr"] == "Acme est …"


def test_weak_obligation_alternatives_are_for_its_own_modals(pack):
    rule = pack.rule("weak-obligation")
    for language in LANGUAGES:
        alternatives = pack.vocabulary(rule, language, "alternatives")
        assert alternatives, language
        modals = set(pack.vocabulary(rule, language, "modals"))
        assert set(alternatives) <= modals, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flagged_modal_of_each_fail_example_has_an_alternative(pack, language):
    """What the quick fix does: the rule's matcher finds the modal's entry in the flagged text."""
    rule = pack.rule("weak-obligation")
    alternatives = pack.vocabulary(rule, language, "alternatives")
    example = rule.examples[language]["fail"][0]
    matcher = Matcher(list(alternatives), lambda text: tokenize(text, language))
    found = matcher.find(tokenize(example, language))
    assert found and alternatives[found[0].term]


def test_columns_in_utf16_code_units():
    lines = LineIndex("# Τίτλος\nعربي 😀 word\r\nlast")
    assert lines.lines == ["# Τίτλος", "عربي 😀 word", "last"]
    assert lines.to_lsp(2, 8) == (1, 8)  # the emoji counts two units
    assert lines.to_characters(1, 8) == 7
    assert lines.end() == (2, 4)
    assert utf16_length("𝒜") == 2


def test_a_bug_in_a_check_is_one_problem_not_a_crash(monkeypatch, tmp_path):
    from policylint.lsp import checking

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(checking, "check_source", broken)
    checked = checking.BufferChecker(LANGUAGES[0], str(tmp_path)).check(str(tmp_path / "p.md"), "# T\n", 1, "markdown")
    assert str(checked.error) == "internal error, please report it: KeyError: 'boom'" and not checked.findings
