"""Which documents are translations of one another, among those a report audits: named by
language (`policy.en.md` / `policy.fr.docx`, or `en/policy.md` / `fr/policy.md`), or listed
together under a configuration's `translations:`. The source of a set is the document its
configuration lists first, else the one in the base language, else the first by path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE


@dataclass(frozen=True)
class TranslationSet:
    source: str
    translations: tuple[str, ...]


def translation_sets(paths: list[str], listed: Callable[[str], tuple[tuple[str, ...], ...]]) -> list[TranslationSet]:
    """The translation sets among `paths` (as given), in the order of their first document.
    `listed(path)` gives the sets the path's configuration lists (absolute paths)."""
    by_key: dict[tuple, list[str]] = {}
    configured: dict[str, tuple[str, ...]] = {}  # a path to the set its configuration lists it in
    for path in paths:
        absolute = str(Path(path).resolve())
        listed_set = next((group for group in listed(path) if absolute in group), None)
        if listed_set is not None:
            configured[path] = listed_set
            by_key.setdefault(("listed", listed_set), []).append(path)
            continue
        key = _language_key(path)
        if key is not None:
            by_key.setdefault(key, []).append(path)
    sets = []
    for key, members in by_key.items():
        if len(members) < 2:
            continue
        if key[0] == "listed":
            order = key[1]
            members = sorted(members, key=lambda p: order.index(str(Path(p).resolve())))
            source = members[0]
        else:
            source = next((p for p in members if _language_of(p) == BASE_LANGUAGE), members[0])
        sets.append(TranslationSet(source, tuple(p for p in members if p != source)))
    return sets


def _language_key(path: str) -> tuple | None:
    """What a document's translations share in their paths: the name without its language
    part (`policy` of `policy.fr.md`) or the folder above the language folder (`en/`)."""
    language = _language_of(path)
    if language is None:
        return None
    parts = Path(path)
    pieces = parts.name.split(".")
    if len(pieces) >= 3 and pieces[-2].lower() == language:
        return ("name", str(parts.parent), ".".join(pieces[:-2]))
    return ("folder", str(parts.parent.parent), pieces[0])


def _language_of(path: str) -> str | None:
    """The language a path names: `policy.fr.md` or `fr/policy.md`; None when it names none."""
    parts = Path(path)
    pieces = parts.name.split(".")
    if len(pieces) >= 3 and pieces[-2].lower() in LANGUAGES:
        return pieces[-2].lower()
    return parts.parent.name.lower() if parts.parent.name.lower() in LANGUAGES else None
