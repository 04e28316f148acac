"""One file from bytes to findings, through the result cache: the unit of work of a run,
done in the main process or in a worker alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from policylint.engine import Settings, check_document
from policylint.language import detect
from policylint.model import Finding
from policylint.packs import Pack
from policylint.readers import InputError, read_bytes, read_raw
from policylint.result_cache import ResultCache


@dataclass
class FileCheck:
    """What came of one file: its findings and notices, or why it could not be checked."""

    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    error: str | None = None


def load(source: str | bytes) -> bytes:
    """The bytes to check: `source` itself, or the file it names (raises InputError)."""
    return source if isinstance(source, bytes) else read_raw(source)


def cached(data: bytes, reader_path: str, shown: str, cache: ResultCache | None) -> FileCheck | None:
    hit = cache.get(cache.key(data, reader_path), shown) if cache else None
    return FileCheck(hit.findings, hit.notices) if hit else None


def check_source(
    source: str | bytes,
    reader_path: str,
    shown: str,
    pack: Pack,
    settings: Settings,
    language: str | None,
    cache: ResultCache | None,
) -> FileCheck:
    """Check a file (or given bytes) read by the reader of `reader_path`, shown as `shown`."""
    try:
        data = load(source)
        hit = cached(data, reader_path, shown, cache)
        if hit:
            return hit
        document = read_bytes(data, reader_path)
    except InputError as error:
        return FileCheck(error=str(error))
    document.path = shown
    try:
        document = detect(document, language)
        findings = check_document(document, pack, settings)
    except Exception as error:  # a bug must not hide the other files' findings
        return FileCheck(error=f"internal error, please report it: {type(error).__name__}: {error}")
    if cache:
        cache.put(cache.key(data, reader_path), findings, document.notices)
    return FileCheck(findings, list(document.notices))
