"""Make docs/report-sample.png: the top of `policylint report corpora/` as Chromium shows it.

Run from anywhere, with policylint installed and Debian's chromium present:
    python docs/make_screenshot.py
Revision ages are measured from a fixed day, so the picture changes only when the rules or
the report do.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import screenshot  # noqa: E402  (tests/chromium.py: the same flags the tests use)

OUTPUT = ROOT / "docs" / "report-sample.png"
TODAY = "2026-11-22"
WIDTH, HEIGHT = 1200, 1800


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="policylint-screenshot-") as folder:
        page = Path(folder) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "policylint", "report", "corpora", "-o", str(page),
             "--today", TODAY, "--message-lang", "en"],
            cwd=ROOT, check=True,
        )
        screenshot(page, OUTPUT, WIDTH, HEIGHT)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
