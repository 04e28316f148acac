"""One editor buffer to findings, the way `policylint check` does it: the nearest
configuration file decides the plan (settings.plans.Workspace), the buffer's text (not the
file on disk) goes through running.one_file, inline suppression included. Nothing is written.

Packs, analysers and tokenizers stay loaded between checks (the Workspace keeps its packs;
the text modules keep theirs per process), so a re-check costs the document's analysis only.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from policylint.messages import Text, TextError
from policylint.model import Finding
from policylint.packs import PackError, Rule
from policylint.readers import MAX_FILE_BYTES, InputError, Reader, reader_for
from policylint.running.one_file import DocumentSummary, Plan, check_source
from policylint.settings.config import ConfigError
from policylint.settings.plans import Options, Workspace

# the editor's language ids policylint reads, with the suffix of their reader, for a buffer
# whose name says nothing (an untitled one) or something else
LANGUAGE_ID_SUFFIXES = {"markdown": ".md", "plaintext": ".txt", "html": ".html"}
CONFIG_NAMES = (".policylint.yaml", ".policylint.yml", "pyproject.toml")


@dataclass
class CheckedBuffer:
    """What came of checking one version of a buffer."""

    path: str  # the path the buffer stands for (its configuration is found from there)
    text: str
    version: int | None
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    error: Text | None = None  # the buffer could not be checked: why (worded by diagnostics)
    config_error: Text | str | None = None  # the configuration could not be used: why
    plan: Plan | None = None
    reader_path: str | None = None  # the name whose suffix chose the reader
    summary: DocumentSummary | None = None  # what `check` says of the document besides findings
    language: str | None = None  # the document's detected (or configured) language


def uri_path(uri: str) -> str:
    """The file system path of a file: URI, else a name made from the URI (untitled buffers)."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return unquote(parsed.path) or uri


def reader_path(path: str, language_id: str | None) -> str | None:
    """A name whose suffix picks the reader for a text buffer: the file's own when it is a text
    format policylint reads, else the suffix of the editor's language id; None: not ours."""
    try:
        reader: Reader | None = reader_for(path)
    except InputError:
        reader = None
    if reader is not None and not reader.binary:
        return path
    suffix = LANGUAGE_ID_SUFFIXES.get(language_id or "")
    return path + suffix if suffix else None


class BufferChecker:
    """Checks buffers under one Workspace, kept warm; forget() after a configuration changes."""

    def __init__(self, message_language: str, root: str | None = None):
        self.message_language = message_language
        self.root = root or os.getcwd()
        self.workspace = self._new_workspace()

    def _new_workspace(self) -> Workspace:
        return Workspace(Options(today=dt.date.today(), message_language=self.message_language), cwd=self.root)

    def forget(self) -> None:
        """Read configuration files and rule packs afresh on the next check."""
        self.workspace = self._new_workspace()

    def check(self, path: str, text: str, version: int | None, language_id: str | None) -> CheckedBuffer:
        """The buffer's findings, or the one reason it could not be checked; never raises."""
        try:
            return self._check(path, text, version, language_id)
        except Exception as error:  # a bug must not end the session: the writer sees it, once, on the document
            checked = CheckedBuffer(path, text, version)
            checked.error = Text("internal_error", error=f"{type(error).__name__}: {error}")
            return checked

    def _check(self, path: str, text: str, version: int | None, language_id: str | None) -> CheckedBuffer:
        checked = CheckedBuffer(path, text, version)
        named = reader_path(path, language_id)
        if named is None:  # not a format policylint reads as text: nothing to say about it
            return checked
        data = text.encode("utf-8", "replace")  # a lone surrogate: one "?", columns kept
        if len(data) > MAX_FILE_BYTES:
            checked.error = Text("lsp_too_large", size=f"{len(data) / 1048576:.1f}", mib=MAX_FILE_BYTES // 1048576)
            return checked
        try:
            plan = self.workspace.plan_for(str(Path(path).absolute()))
        except (ConfigError, PackError) as error:
            checked.config_error = error.text if isinstance(error, TextError) else str(error)
            self.forget()  # a corrected file is read again on the next check
            return checked
        if plan is None:  # excluded by the configuration
            return checked
        result = check_source(data, named, path, plan, cache=None)
        checked.plan = plan
        checked.reader_path = named
        checked.findings = result.findings
        checked.notices = result.notices
        checked.error = result.error
        checked.summary = result.summary
        checked.language = result.summary.language if result.summary else None
        return checked

    def rule(self, checked: CheckedBuffer, code: str) -> Rule | None:
        return checked.plan.pack.rule(code) if checked.plan else None
