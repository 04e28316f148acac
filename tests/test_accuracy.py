"""The accuracy on real policies (corpora/real/, hand-labelled) never falls below the figures
committed in benchmarks/accuracy.json: a change that makes a rule less right fails here."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_accuracy_does_not_fall_below_the_committed_figures():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "accuracy.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr


def test_a_document_is_complete_only_when_its_labels_say_nothing_is_missing():
    """The benchmark's "complete documents": every element the kind's profile asks for, no
    labelled phrase, a revision date within the limit when the profile asks for one."""
    import datetime as dt
    from pathlib import Path

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from accuracy import TODAY, Labelled, is_complete

    wanted = {"missing-title", "missing-scope", "missing-contact", "missing-revision-date", "stale-revision-date"}
    labels = {"elements": {"title": "yes", "scope": "yes", "contact": "yes", "purpose": "no"},
              "revision_date": TODAY - dt.timedelta(days=30), "phrases": {"jargon": []}}

    def document(kind="terms", **changes):
        return Labelled(Path("x.md"), "x", "en", kind, "tune", {**labels, **changes})

    assert is_complete(document(), wanted)  # purpose is not asked for
    assert not is_complete(document(elements={**labels["elements"], "scope": "arguable"}), wanted)
    assert not is_complete(document(phrases={"jargon": ["synergy"]}), wanted)
    assert not is_complete(document(revision_date=TODAY - dt.timedelta(days=400)), wanted)
    assert not is_complete(document(revision_date=None), wanted)
    assert is_complete(document(revision_date=None), wanted - {"missing-revision-date", "stale-revision-date"})
    assert not is_complete(document(kind="not-a-policy"), set())
