"""The pieces the report is built from: score, progress bar, excerpts, the summaries the runner returns."""

from __future__ import annotations

import io

import pytest
from helpers import findings_for

from policylint.findings.engine import EXCERPT_LIMIT
from policylint.messages import Messages
from policylint.report.score import ELEMENTS_SHARE, PER_FINDING, RULE_CAP, WORDING_SHARE, document_score
from policylint.running.one_file import DocumentSummary
from policylint.running.progress import ProgressBar
from policylint.running.runner import run

# --- score -------------------------------------------------------------------------------

class FakeRule:
    def __init__(self, code, severity, element=True):
        self.code, self.severity = code, severity
        self.element = {"en": code} if element else {}


class FakeFinding:
    def __init__(self, code):
        self.code = code


def test_score_starts_at_full_marks():
    assert document_score([FakeRule("A", "error")], []) == 100


def test_the_score_is_mostly_the_share_of_elements_present():
    elements = [FakeRule(f"E{i}", "error") for i in range(12)]
    template = document_score(elements, [FakeFinding(f"E{i}") for i in range(11)])  # one element of twelve
    nearly = document_score(elements, [FakeFinding("E0")])  # misses one
    assert template == round(ELEMENTS_SHARE / 12) + WORDING_SHARE
    assert nearly == round(ELEMENTS_SHARE * 11 / 12) + WORDING_SHARE
    assert 0 < template < 50 < nearly < 100


def test_an_errors_element_weighs_more_than_a_warnings():
    error, warning = FakeRule("A", "error"), FakeRule("B", "warning")
    assert document_score([error, warning], [FakeFinding("A")]) < document_score([error, warning], [FakeFinding("B")])


def test_wording_findings_weigh_less_than_a_missing_element_and_are_capped():
    element, wording = FakeRule("A", "warning"), FakeRule("B", "warning", element=False)
    one = document_score([element, wording], [FakeFinding("B")])
    assert one == 100 - PER_FINDING["warning"]
    many = document_score([element, wording], [FakeFinding("B")] * 50)
    assert many == 100 - RULE_CAP
    assert many > document_score([element, wording], [FakeFinding("A")])


def test_score_ignores_rules_that_did_not_run_and_stays_in_range():
    rules = [FakeRule(f"R{i}", "error") for i in range(20)] + [FakeRule(f"W{i}", "info", element=False) for i in range(9)]
    assert document_score(rules, [FakeFinding(r.code) for r in rules] * 10) == 0
    assert document_score(rules[:1], [FakeFinding("R5")]) == 100


# --- progress bar --------------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_silent_when_standard_error_is_not_a_terminal():
    stream = io.StringIO()
    with ProgressBar(3, stream=stream) as bar:
        for name in "abc":
            bar.advance(name)
    assert stream.getvalue() == "" and bar.done == 3


def test_progress_draws_on_a_terminal_and_erases_itself():
    stream = Terminal()
    with ProgressBar(2, stream=stream) as bar:
        bar.advance("first.md")
        bar.advance("second.md")
    drawn = stream.getvalue()
    assert "\r[" + "#" * 12 + "-" * 12 + "] 1/2 first.md\r[" + "#" * 24 + "] 2/2 second.md" in drawn
    assert drawn.endswith("\r" + " " * len("[" + "#" * 24 + "] 2/2 second.md") + "\r")


def test_progress_line_fits_the_terminal():
    bar = ProgressBar(40, stream=io.StringIO())
    bar.done = 10
    line = bar.line("policies/a/very/long/folder/name/policy.md", columns=50)
    assert line.startswith("[" + "#" * 6 + "-" * 18 + "] 10/40 ") and len(line) == 49
    assert line.endswith("policy.md") and "…" in line


# --- excerpts and the summaries the runner returns---------------------------------------------------

def test_a_finding_carries_its_excerpt(pack, settings):
    text = "# Policy\n\nWe will answer emails within [X] hours at [Company Name].\n"
    placeholders_found = [f for f in findings_for(text, pack, settings, "unfilled-placeholder")]
    assert [f.excerpt for f in placeholders_found] == ["[X]", "[Company Name]"]
    scope = findings_for(text, pack, settings, "missing-scope")[0]
    assert scope.excerpt == ""  # a finding about the whole document: its title is not what is wrong


def test_long_excerpts_are_cut_to_one_line(pack, settings):
    sentence = "We answer calls from the branches, the call centres and the online shop, " * 4
    text = "We\nanswer " + sentence + "every day.\n"
    finding = findings_for(text, pack, settings, "long-sentence")[0]
    assert finding.line == 1 and finding.end_line == 2
    assert finding.excerpt.startswith("We answer We answer calls")
    assert len(finding.excerpt) == EXCERPT_LIMIT and finding.excerpt.endswith("…") and "\n" not in finding.excerpt


@pytest.mark.parametrize("jobs, use_cache", [(1, False), (2, False), (1, True)])
def test_the_runner_returns_each_files_facts_from_a_worker_or_the_cache(tmp_path, pack, settings, jobs, use_cache):
    (tmp_path / "a.md").write_text("# Policy\n\nWe reply within 2 days.\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"")
    (tmp_path / "c.md").write_text("Η πολιτική μας\n\nΑπαντάμε σε δύο ημέρες.\n", encoding="utf-8")
    for _ in range(2):  # the second run is answered from the cache when it is on
        result = run([str(tmp_path)], pack, settings, jobs=jobs, use_cache=use_cache)
        summary = [(f.path.rsplit("/", 1)[1], f.summary) for f in result.files]
        assert summary == [("a.md", DocumentSummary("en", "Policy", "other-policy", 'title: "policy"')), ("b.md", None),
                         ("c.md", DocumentSummary("el", "Η πολιτική μας", "other-policy", 'title: "πολιτική"'))]
        assert result.files[0].rules == tuple(pack.rules) and result.files_checked == 2


def test_the_readme_states_the_score_formula_the_report_states():
    from conftest import ROOT

    from policylint.report.score import formula_parameters

    readme = " ".join((ROOT / "docs" / "usage.md").read_text(encoding="utf-8").split())
    assert Messages("en")("score_formula", **formula_parameters()) in readme


def test_every_rule_has_a_name_for_people_in_every_language():
    """Charts and findings tables name rules by element or label, never by the English
    identifier (long-sentence), in every language."""
    from policylint.model import LANGUAGES
    from policylint.packs import load_pack

    for rule in load_pack().rules:
        for language in LANGUAGES:
            assert rule.title(language) != rule.name, (rule.code, language)
    assert {load_pack().rule("long-sentence").title(language) for language in LANGUAGES} == {
        "Long sentence", "Phrase trop longue", "Oración demasiado larga", "Μακροσκελής πρόταση", "جملة طويلة"}
