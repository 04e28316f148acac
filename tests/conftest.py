import atexit
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests never read or write the user's cache: one fresh cache folder per test session.
_CACHE = tempfile.mkdtemp(prefix="policylint-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["POLICYLINT_CACHE_DIR"] = _CACHE

# imported after POLICYLINT_CACHE_DIR is set, so that nothing policylint does at import time sees the user's cache
from policylint.findings.engine import Settings  # noqa: E402
from policylint.packs import load_pack  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
# Revision ages in tests are measured from a fixed day, so results never drift with the calendar.
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def pack():
    return load_pack()


@pytest.fixture(scope="session")
def settings():
    return Settings(today=TODAY, message_language="en")
