"""Driving the real `policylint lsp` process, as an editor would, for the language server tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from policylint.lsp.client import Client

ROOT = Path(__file__).resolve().parent.parent


def server_command() -> list[str]:
    return [sys.executable, "-m", "policylint", "lsp"]


def server_env() -> dict[str, str]:
    """This checkout's code, the tests' cache folder, and no locale deciding the messages."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        env.pop(variable, None)
    return env


def start(root: Path, options: dict | None = None) -> Client:
    client = Client(server_command(), cwd=str(root), env=server_env())
    client.initialize(str(root), options)
    return client


def apply_edits(text: str, edits: list[dict]) -> str:
    """The text after an editor applies LSP text edits (positions in UTF-16 code units)."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        before = sum(len(line) + 1 for line in lines[: position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units, characters = 0, 0
        for letter in line:
            if units >= position["character"]:
                break
            units += 2 if ord(letter) > 0xFFFF else 1
            characters += 1
        return before + characters

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: dict, uri: str) -> list[dict]:
    return action["edit"]["changes"][uri]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
