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
