"""A document's score from 0 to 100: what the report shows, and the formula it states.

Missing a required element is what a reader of a policy notices first, so it weighs most;
each finding adds a little, capped per rule so that one habit repeated twenty times (say a
jargon word) does not outweigh a missing scope.
"""

from __future__ import annotations

from collections import Counter

# points lost when a rule with an `element` reports anything, by the rule's severity
MISSING_ELEMENT = {"error": 12, "warning": 6, "info": 2}
# points lost per finding, by severity, at most RULE_CAP per rule
PER_FINDING = {"error": 2, "warning": 1, "info": 1}
RULE_CAP = 8
FULL_MARKS = 100


def rule_penalty(rule, count: int) -> int:
    if not count:
        return 0
    missing = MISSING_ELEMENT[rule.severity] if rule.element else 0
    return missing + min(RULE_CAP, count * PER_FINDING[rule.severity])


def document_score(rules, findings) -> int:
    """The score of a document from its findings under the rules that ran."""
    counts = Counter(f.code for f in findings)
    return max(0, FULL_MARKS - sum(rule_penalty(rule, counts[rule.code]) for rule in rules))


def formula_parameters() -> dict[str, int]:
    """The weights, named as the score_formula label's placeholders."""
    return {
        **{f"missing_{severity}": points for severity, points in MISSING_ELEMENT.items()},
        **{f"each_{severity}": points for severity, points in PER_FINDING.items()},
        "rule_cap": RULE_CAP,
    }
