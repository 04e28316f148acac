"""Headless Chromium for the report's browser test and for docs/make_screenshot.py.

Debian's `chromium` (installed by .ci/run) with a fresh profile and everything that would
reach the network turned off; --dump-dom and --screenshot are all the report needs.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT = 120


def find_chromium() -> str | None:
    return next((path for path in map(shutil.which, NAMES) if path), None)


def run_chromium(page: Path, *arguments: str) -> str:
    """Run Chromium on a local page with extra arguments; its standard output."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="policylint-chromium-") as profile:
        completed = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *arguments, Path(page).resolve().as_uri()],
            capture_output=True, text=True, timeout=TIMEOUT, check=True,
        )
    return completed.stdout


def dump_dom(page: Path) -> str:
    """The page's DOM after Chromium has laid it out, serialised."""
    return run_chromium(page, "--dump-dom")


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 1600) -> None:
    run_chromium(page, f"--screenshot={Path(png).resolve()}", f"--window-size={width},{height}")


def print_to_pdf(page: Path, pdf: Path) -> None:
    """The page printed as Chromium prints it (its @page rules: sizes, named landscape pages)."""
    run_chromium(page, f"--print-to-pdf={Path(pdf).resolve()}", "--no-pdf-header-footer")
