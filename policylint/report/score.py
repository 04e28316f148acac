"""A document's score from 0 to 100: what the report shows, and the formula it states.

Most of the score is the share of the required elements a document has, so that two flawed
documents differ by how much of a policy each one is: a template with one element out of
twelve scores far below a policy missing one. The rest is the wording: each finding of a rule
without an element (jargon, a long sentence) costs a little, capped per rule so that one
habit repeated twenty times does not outweigh a missing element.
"""

from __future__ import annotations

from collections import Counter

FULL_MARKS = 100
ELEMENTS_SHARE = 75  # points for the required elements, shared by their weights
WORDING_SHARE = FULL_MARKS - ELEMENTS_SHARE  # points for the wording, lost finding by finding
# an element's weight in its share, by its rule's severity: an error's element counts most
ELEMENT_WEIGHT = {"error": 3, "warning": 2, "info": 1}
# points of the wording share lost per finding, by severity, at most RULE_CAP per rule
PER_FINDING = {"error": 3, "warning": 2, "info": 1}
RULE_CAP = 6


def document_score(rules, findings) -> int:
    """The score of a document from its findings under the rules that ran on it."""
    counts = Counter(f.code for f in findings)
    elements = [rule for rule in rules if rule.element]
    total = sum(ELEMENT_WEIGHT[rule.severity] for rule in elements)
    present = sum(ELEMENT_WEIGHT[rule.severity] for rule in elements if not counts[rule.code])
    element_points = ELEMENTS_SHARE * present / total if total else ELEMENTS_SHARE
    lost = sum(min(RULE_CAP, counts[rule.code] * PER_FINDING[rule.severity]) for rule in rules if not rule.element)
    return round(element_points + max(0, WORDING_SHARE - lost))


def formula_parameters() -> dict[str, int]:
    """The weights, named as the score_formula label's placeholders."""
    return {
        "elements_share": ELEMENTS_SHARE,
        "wording_share": WORDING_SHARE,
        **{f"weight_{severity}": weight for severity, weight in ELEMENT_WEIGHT.items()},
        **{f"each_{severity}": points for severity, points in PER_FINDING.items()},
        "rule_cap": RULE_CAP,
    }
