"""A small Language Server Protocol client over pipes: JSON-RPC framing (Content-Length
headers) to a server process, requests answered by id, notifications kept in arrival order.
The tests and benchmarks/run.py drive `policylint lsp` with it as an editor would."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class ServerClosed(Exception):
    pass


class Client:
    def __init__(self, command: list[str], cwd: str | None = None, env: dict | None = None):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=cwd, env=env)
        self._next_id = 0
        self._answers: dict[int, Any] = {}
        self._notifications: queue.Queue = queue.Queue()  # filled by the reading thread
        self.received: list[dict] = []  # notifications (and server requests) in arrival order
        self._taken: set[int] = set()
        self._ended = False
        self._answered = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # ---- framing ----------------------------------------------------------------------------

    def _send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = None
            while True:
                line = stdout.readline()
                if not line:
                    with self._answered:
                        self._answered.notify_all()
                    self._notifications.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            message = json.loads(stdout.read(length or 0))
            if "id" in message and "method" in message:  # a request from the server: accept it
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                self._notifications.put(message)
            elif "id" in message:
                with self._answered:
                    self._answers[message["id"]] = message
                    self._answered.notify_all()
            else:
                self._notifications.put(message)

    # ---- messages ---------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self._next_id += 1
        number = self._next_id
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._answered:
            while number not in self._answers:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise ServerClosed(f"no answer to {method}")
                self._answered.wait(left)
        answer = self._answers.pop(number)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def next_notification(self, method: str, timeout: float = 30, where=None) -> dict:
        """The first notification of `method` (whose params satisfy `where`) not taken yet, in
        arrival order; other notifications stay for later calls."""
        deadline = time.monotonic() + timeout
        index = 0
        while True:
            while index < len(self.received):
                message = self.received[index]
                if index not in self._taken and message.get("method") == method and (where is None or where(message["params"])):
                    self._taken.add(index)
                    return message["params"]
                index += 1
            if self._ended:
                raise ServerClosed(f"server ended before {method}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {method} notification")
            try:
                message = self._notifications.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                self._ended = True
            else:
                self.received.append(message)

    def notifications(self, method: str) -> list[dict]:
        """The params of every notification of `method` received so far (taken or not)."""
        while not self._notifications.empty():
            message = self._notifications.get_nowait()
            if message is None:
                self._ended = True
            else:
                self.received.append(message)
        return [m["params"] for m in self.received if m.get("method") == method]

    # ---- what an editor does ----------------------------------------------------------------

    def initialize(self, root: str, options: dict | None = None) -> dict:
        result = self.request("initialize", {
            "processId": None, "rootUri": Path(root).as_uri(), "capabilities": {},
            "initializationOptions": options or {},
        })
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language_id: str = "markdown", version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language_id, "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30) -> list[dict]:
        """The next diagnostics published for `uri` (for `version`, when given)."""
        params = self.next_notification(
            "textDocument/publishDiagnostics", timeout,
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version))
        return params["diagnostics"]

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (ServerClosed, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream:
                stream.close()
