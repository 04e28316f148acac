"""What the installed code is, cheaply: for naming cache entries without importing anything.

Importing `importlib.metadata` alone would be a large share of what a re-check takes, so
versions and fingerprints are read from the files themselves.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from policylint import readers

# The libraries whose behaviour decides findings besides the readers' parsers (which the
# reader registry declares): tokenizer rules, language detection, stemming, rule-pack reading.
ANALYSIS_LIBRARIES = ("spacy", "langdetect", "Stemmer", "yaml")
_VERSION = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.M)
PACKAGE = Path(__file__).resolve().parent.parent  # the policylint package


@lru_cache(maxsize=None)
def spacy_version() -> str:
    """The installed spaCy's version, read from spacy/about.py without importing spaCy."""
    spec = find_spec("spacy")
    assert spec is not None and spec.origin is not None  # spaCy is a dependency, installed as files
    about = Path(spec.origin).with_name("about.py")
    found = _VERSION.search(about.read_text(encoding="utf-8"))
    return found.group(1) if found else "unknown"


def result_libraries() -> tuple[str, ...]:
    """Every library whose version can change a finding: the analysis's and every reader's."""
    return tuple(dict.fromkeys(ANALYSIS_LIBRARIES + readers.parser_libraries()))


def library_identity(name: str) -> str:
    """Where a library is installed and the size and time of its entry module, which any
    reinstall or upgrade rewrites; `missing` when it is not installed."""
    spec = find_spec(name)
    origin = spec.origin if spec else None
    if origin and os.path.exists(origin):
        stat = os.stat(origin)
        return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"
    return "missing"


@lru_cache(maxsize=None)
def source_fingerprint() -> str:
    """policylint's own modules, hashed by content (an editable install changes without a new
    version number): what another machine must run to give the same findings."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """Changes whenever policylint's code, Python's version (the standard library parses HTML
    and runs the regular expressions) or one of the result_libraries() changes.

    policylint's own modules by source_fingerprint; each library by library_identity.
    """
    digest = hashlib.sha256(source_fingerprint().encode())
    digest.update(f"python:{sys.version}\0".encode())
    for name in result_libraries():
        digest.update(f"{name}:{library_identity(name)}\0".encode())
    return digest.hexdigest()
