"""`policylint lsp`: the Language Server Protocol over standard input and output (pygls).

Each open Markdown, plain text or HTML buffer is checked on open and, debounced, after its
changes; only the newest version's diagnostics are published (a check of a version the editor
has already replaced is dropped), so an editor typing faster than checks finish gets the
latest text checked, never a queue. Checks run one at a time on a worker thread, so hovers and
code actions are answered while a check runs.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.server import LanguageServer

from policylint import __version__
from policylint.lsp.actions import FIX_ALL, code_actions
from policylint.lsp.checking import CONFIG_NAMES, BufferChecker, CheckedBuffer, uri_path
from policylint.lsp.diagnostics import diagnostics
from policylint.lsp.hover import hover
from policylint.messages import Messages
from policylint.model import LANGUAGES

DEBOUNCE_SECONDS = 0.15  # after a change, wait this long for the next one before checking


class PolicyServer(LanguageServer):
    def __init__(self, message_language: str, fixed: bool = False):
        super().__init__("policylint", __version__)
        self.message_language = message_language
        self.language_fixed = fixed  # --message-lang was given: the editor's option does not change it
        self.rules_url: str | None = None
        self.checker: BufferChecker | None = None
        self.checked: dict[str, CheckedBuffer] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.shown_problems: set[str] = set()  # configuration problems already shown in a window
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policylint-check")

    def configure(self, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        language = str(options.get("messageLanguage") or "")
        if language in LANGUAGES and not self.language_fixed:
            self.message_language = language
        rules_url = options.get("rulesUrl")
        self.rules_url = rules_url if isinstance(rules_url, str) and rules_url else None
        root = uri_path(params.root_uri) if params.root_uri else None
        self.checker = BufferChecker(self.message_language, root if root and os.path.isdir(root) else None)

    def schedule(self, uri: str, delay: float) -> None:
        """Check the buffer after `delay`, replacing a check of it not started yet."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        version = document.version
        checker = self.checker or BufferChecker(self.message_language)
        self.checker = checker
        loop = asyncio.get_running_loop()
        checked = await loop.run_in_executor(
            self.executor, checker.check, uri_path(uri), document.source, version, document.language_id)
        current = self.workspace.get_text_document(uri)
        if uri not in self.open_uris or current.version != version:
            return  # the editor has moved on (or closed it): the newer version's check publishes
        self.checked[uri] = checked
        self.publish_diagnostics(uri, diagnostics(checked, self.message_language, self.rules_url), version)
        problem = Messages(self.message_language).text(checked.config_error) if checked.config_error else None
        if problem and problem not in self.shown_problems:
            self.shown_problems.add(problem)
            self.show_message(problem, types.MessageType.Error)

    @property
    def open_uris(self) -> set[str]:
        return set(self.workspace.text_documents)


def build(message_language: str, fixed: bool = False) -> PolicyServer:
    server = PolicyServer(message_language, fixed)

    @server.feature(types.INITIALIZE)
    def initialize(ls: PolicyServer, params: types.InitializeParams) -> None:
        ls.configure(params)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PolicyServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PolicyServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PolicyServer, params: types.DidSaveTextDocumentParams) -> None:
        if os.path.basename(uri_path(params.text_document.uri)) in CONFIG_NAMES:
            _configuration_changed(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_changed(ls: PolicyServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(os.path.basename(uri_path(change.uri)) in CONFIG_NAMES for change in params.changes):
            _configuration_changed(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PolicyServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.checked.pop(uri, None)
        ls.publish_diagnostics(uri, [])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: PolicyServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.checked.get(params.text_document.uri)
        return hover(checked, params.position, ls.message_language) if checked else None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def on_code_action(ls: PolicyServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        checked = ls.checked.get(params.text_document.uri)
        if checked is None:
            return []
        # no message language (DOCUMENT_LANGUAGE): the titles speak the document's, as its findings do
        actions = code_actions(checked, params.range, params.text_document.uri, ls.message_language or checked.language or "")
        wanted = params.context.only
        if wanted:
            actions = [a for a in actions if any(str(a.kind).startswith(str(kind)) for kind in wanted)]
        return actions

    return server


def _configuration_changed(ls: PolicyServer) -> None:
    """A configuration file changed: read configuration and packs afresh, check every buffer."""
    if ls.checker is not None:
        ls.checker.forget()
    ls.shown_problems.clear()
    for uri in ls.open_uris:
        ls.schedule(uri, 0)


def serve(message_language: str, fixed: bool = False) -> None:
    build(message_language, fixed).start_io()
