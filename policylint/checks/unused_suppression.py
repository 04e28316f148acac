"""Suppression comments (policylint-disable and the others) that suppressed no finding: a stale
comment would silently hide the next real problem at its place. It reports only with
--warn-unused-suppressions, and judges documents in any language (the comments are the same in
all of them).
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind

# Whether a comment suppressed anything is known only once every other rule has run and the
# comments are applied, so the engine does not run this kind (check=None): suppression.settle
# makes its findings. message: a comment for every rule; messages.named: one naming rules.
KIND = CheckKind(
    name="unused-suppression",
    description=__doc__ or "",
    fields={"message": ("directive",), "named": ("directive", "rules")},
    check=None,
    messages=("named",),
    neutral=True,
)
