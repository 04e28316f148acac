"""docs/rules/ (the pages diagnostics link to) is what tools/rule_pages.py writes from the rules."""

import subprocess
import sys

from conftest import ROOT


def test_rule_pages_are_up_to_date():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "rule_pages.py"), "--check"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
