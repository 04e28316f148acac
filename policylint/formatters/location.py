"""Where a finding is, said once for every output format.

A finding's `line` is a line of the file only for text formats (`position_kind` "line");
for Word and OpenDocument it is a paragraph number, for PDF a text line of a page (see
docs/ARCHITECTURE.md, "Positions"). `location()` turns a finding into a Location that says
which, so no format presents a paragraph or a page's line as a line of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from policylint.messages import Messages
from policylint.model import Finding
from policylint.text.languages import BASE_LANGUAGE


@dataclass(frozen=True)
class Location:
    kind: str  # "line", "paragraph" or "page" (model.POSITION_KINDS)
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    page: int | None = None
    end_page: int | None = None

    @property
    def in_file_lines(self) -> bool:
        """Whether line and column are the file's own, as editors and line-based formats count."""
        return self.kind == "line"

    def label(self, language: str = BASE_LANGUAGE) -> str:
        """Compact, for `path:LABEL:` in text output and the report: `12:5`, `paragraph 12:col 5`,
        `page 3:line 4:col 5` (the words in the message language)."""
        if self.kind == "line":
            return f"{self.line}:{self.column}"
        return Messages(language)(f"position_label_{self.kind}", line=self.line, column=self.column, page=self.page)

    def phrase(self, language: str = BASE_LANGUAGE) -> str:
        """In words, in a message language, for formats whose position fields can only hold
        file lines (GitHub annotations, SARIF regions): `paragraph 12, column 5`,
        `page 3, line 4, column 5`."""
        return Messages(language)(f"position_{self.kind}", line=self.line, column=self.column, page=self.page)

    def before(self, message: str, language: str = BASE_LANGUAGE) -> str:
        """The message, opened by where the finding is (`paragraph 12, column 5: message`)."""
        return Messages(language)("position_before", position=self.phrase(language), message=message)


def location(finding: Finding) -> Location:
    return Location(
        kind=finding.position_kind,
        line=finding.line,
        column=finding.column,
        end_line=finding.end_line,
        end_column=finding.end_column,
        page=finding.page,
        end_page=finding.end_page,
    )
