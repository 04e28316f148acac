import datetime as dt
from pathlib import Path

import pytest

from policylint.engine import Settings
from policylint.packs import load_pack

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
