"""Between policylint's positions (1-based line, 1-based column in characters) and the Language
Server Protocol's (0-based line, 0-based character in UTF-16 code units, as the editor's
buffer counts them): a letter outside the Basic Multilingual Plane (an emoji) is one
character for policylint and two units for the editor."""

from __future__ import annotations

import re

# the line ends the protocol recognises; policylint's readers count lines the same way
_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The buffer's lines without their ends (a final line end leaves an empty last line)."""
    return _LINE_END.split(text)


def utf16_length(text: str) -> int:
    """Code units `text` takes in UTF-16: two for each character above U+FFFF."""
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


class LineIndex:
    """A buffer's lines, to convert columns both ways."""

    def __init__(self, text: str):
        self.lines = split_lines(text)

    def line_text(self, line: int) -> str:
        """0-based line's text, or "" past the end."""
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def to_lsp(self, line: int, column: int) -> tuple[int, int]:
        """policylint's (line, column), both 1-based, column in characters -> LSP (line, character)."""
        zero_line = max(line - 1, 0)
        text = self.line_text(zero_line)
        return zero_line, utf16_length(text[: max(column - 1, 0)])

    def to_characters(self, line: int, character: int) -> int:
        """LSP (line, UTF-16 character) -> 0-based character offset in that line."""
        text = self.line_text(line)
        units = 0
        for offset, letter in enumerate(text):
            if units >= character:
                return offset
            units += 2 if ord(letter) > 0xFFFF else 1
        return len(text)

    def end(self) -> tuple[int, int]:
        """LSP position of the buffer's end."""
        last = len(self.lines) - 1
        return last, utf16_length(self.lines[last])
