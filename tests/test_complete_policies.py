"""Issue 14's target: a complete policy of each kind gets no warning.

For every document kind with a profile and every language, corpora/LANG/ holds a complete
sample of that kind; it must be recognised as that kind and get no finding of severity warning
or error. And each kind's profile must ask for at least what a policy of that kind must hold
(the "must" elements of the kinds' design), so that "no warning" means "complete"."""

from __future__ import annotations

import pytest
from corpora_expected import CORPORA, TODAY

from policylint.model import LANGUAGES
from policylint.packs import load_pack

# the complete sample of each kind, in each language's folder
SAMPLES = {
    "customer-service": "good-service-standards.md",
    "complaints": "good-complaints.txt",
    "returns": "good-returns.md",
    "code-of-conduct": "good-code-of-conduct.md",
    "privacy": "good-privacy.md",
    "terms": "good-terms.md",
    "other-policy": "good-other-policy.md",
}

# element -> the rule that reports it missing (measurable standards: the rule on vague ones)
ELEMENT_RULES = {
    "title": "missing-title",
    "revision date": "missing-revision-date",
    "scope": "missing-scope",
    "purpose": "missing-purpose",
    "measurable standards": "unmeasurable-standard",
    "procedures": "missing-procedures",
    "complaint procedure": "missing-complaint-procedure",
    "escalation": "missing-escalation",
    "contact": "missing-contact",
    "rights": "missing-rights",
    "performance monitoring": "missing-performance-measures",
    "enforcement": "missing-enforcement",
    "review cycle": "missing-review-cycle",
}

# What each kind must hold. A returns policy's "reader's rights" is the legal withdrawal right
# "where it applies" (distance sales only), so no profile can ask every returns policy for it;
# its return window and refund method are asked for by their own rules.
MUST = {
    "customer-service": ["title", "revision date", "scope", "measurable standards", "procedures",
                         "complaint procedure", "escalation", "contact", "performance monitoring",
                         "enforcement", "review cycle"],
    "complaints": ["title", "revision date", "scope", "measurable standards", "procedures",
                   "complaint procedure", "escalation", "contact", "review cycle"],
    "returns": ["title", "revision date", "scope", "measurable standards", "procedures", "contact"],
    "code-of-conduct": ["title", "scope", "procedures", "complaint procedure", "contact", "enforcement"],
    "privacy": ["title", "revision date", "purpose", "measurable standards", "complaint procedure",
                "contact", "rights"],
    "terms": ["title", "revision date", "scope", "contact"],
    "other-policy": ["title", "revision date", "scope"],
}
RETURNS_OWN = ["missing-return-window", "missing-refund-method"]
# A rule has one severity for every kind: missing-purpose is information because a
# customer-service policy only should state its purpose, though a privacy notice must.
# Left for a per-profile severity; listed so that no other "must" element slips to information.
INFORMATION_ONLY = {("privacy", "missing-purpose")}


@pytest.fixture(scope="module")
def checked():
    """Every sample checked as `policylint check` does by default: path -> (kind, findings)."""
    from policylint.running.runner import run
    from policylint.settings.plans import Options, Workspace

    paths = [str(CORPORA / language / name) for language in LANGUAGES for name in SAMPLES.values()]
    workspace = Workspace(Options(today=TODAY, message_language="en", isolated=True))
    result = run(paths, None, None, plan_for=workspace.plan_for)
    assert not result.problems, result.problems
    kinds = {file.path: file.summary.kind if file.summary else None for file in result.files}
    return {path: (kinds.get(path), [f for f in result.findings if f.path == path]) for path in paths}


def test_every_kind_with_a_profile_has_a_sample():
    pack = load_pack()
    assert {name for name, kind in pack.kinds.items() if kind.profile} == set(SAMPLES)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_complete_policy_is_recognised_and_gets_no_warning(kind, language, checked):
    found_kind, findings = checked[str(CORPORA / language / SAMPLES[kind])]
    assert found_kind == kind
    assert [f"{f.line}: {f.rule} {f.message}" for f in findings if f.severity in ("warning", "error")] == []


@pytest.mark.parametrize("kind", sorted(MUST))
def test_the_profile_asks_for_every_element_the_kind_must_hold(kind):
    pack = load_pack()
    asked = {rule.name: rule for rule in pack.select(pack.kinds[kind].profile)}
    wanted = [ELEMENT_RULES[element] for element in MUST[kind]] + (RETURNS_OWN if kind == "returns" else [])
    assert [rule for rule in wanted if rule not in asked] == []
    # a missing "must" element is a warning or an error, never mere information
    assert [rule for rule in wanted if asked[rule].severity not in ("warning", "error")
            and (kind, rule) not in INFORMATION_ONLY] == []
