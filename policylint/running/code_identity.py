"""What the installed code is, cheaply: for naming cache entries without importing anything.

Importing `importlib.metadata` alone would be a large share of what a re-check takes, so
versions and fingerprints are read from the files themselves.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path

# The libraries whose behaviour decides findings: tokenizer rules, language detection,
# stemming, Markdown parsing, rule-pack reading.
RESULT_LIBRARIES = ("spacy", "langdetect", "Stemmer", "markdown_it", "yaml")
_VERSION = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.M)
PACKAGE = Path(__file__).resolve().parent.parent  # the policylint package


@lru_cache(maxsize=None)
def spacy_version() -> str:
    """The installed spaCy's version, read from spacy/about.py without importing spaCy."""
    spec = importlib.util.find_spec("spacy")
    about = Path(spec.origin).with_name("about.py")
    found = _VERSION.search(about.read_text(encoding="utf-8"))
    return found.group(1) if found else "unknown"


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """Changes whenever policylint's code or one of the libraries in RESULT_LIBRARIES changes.

    policylint's own modules are hashed by content (an editable install changes without a
    new version number); each library by the location, size and time of its entry module,
    which any reinstall or upgrade rewrites.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in RESULT_LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        if origin and os.path.exists(origin):
            stat = os.stat(origin)
            digest.update(f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
        else:
            digest.update(f"{name}:missing\0".encode())
    return digest.hexdigest()
