"""Where a finding is, said once for every output format.

A finding's `line` is a line of the file only for text formats (`position_kind` "line");
for Word and OpenDocument it is a paragraph number, for PDF a text line of a page (see
docs/ARCHITECTURE.md, "Positions"). `location()` turns a finding into a Location that says
which, so no format presents a paragraph or a page's line as a line of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def label(self) -> str:
        """Compact, for `path:LABEL:` in text output and the report: `12:5`, `paragraph 12:col 5`,
        `page 3:line 4:col 5`."""
        if self.kind == "paragraph":
            return f"paragraph {self.line}:col {self.column}"
        if self.kind == "page":
            return f"page {self.page}:line {self.line}:col {self.column}"
        return f"{self.line}:{self.column}"

    def phrase(self, language: str = BASE_LANGUAGE) -> str:
        """In words, in a message language, for formats whose position fields can only hold
        file lines (GitHub annotations, SARIF regions): `paragraph 12, column 5`,
        `page 3, line 4, column 5`."""
        templates = PHRASES.get(language, PHRASES[BASE_LANGUAGE])
        return templates[self.kind].format(line=self.line, column=self.column, page=self.page)

    def before(self, message: str, language: str = BASE_LANGUAGE) -> str:
        """The message, opened by where the finding is (`paragraph 12, column 5: message`)."""
        separator = PHRASES.get(language, PHRASES[BASE_LANGUAGE])["separator"]
        return f"{self.phrase(language)}{separator}{message}"


# How a position is said in each message language, and what separates it from the message.
PHRASES: dict[str, dict[str, str]] = {
    "en": {"line": "line {line}, column {column}", "paragraph": "paragraph {line}, column {column}",
           "page": "page {page}, line {line}, column {column}", "separator": ": "},
    "fr": {"line": "ligne {line}, colonne {column}", "paragraph": "paragraphe {line}, colonne {column}",
           "page": "page {page}, ligne {line}, colonne {column}", "separator": " : "},
    "es": {"line": "línea {line}, columna {column}", "paragraph": "párrafo {line}, columna {column}",
           "page": "página {page}, línea {line}, columna {column}", "separator": ": "},
    "el": {"line": "γραμμή {line}, στήλη {column}", "paragraph": "παράγραφος {line}, στήλη {column}",
           "page": "σελίδα {page}, γραμμή {line}, στήλη {column}", "separator": ": "},
    "ar": {"line": "السطر {line}، العمود {column}", "paragraph": "الفقرة {line}، العمود {column}",
           "page": "الصفحة {page}، السطر {line}، العمود {column}", "separator": ": "},
}


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
