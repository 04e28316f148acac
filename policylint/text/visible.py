"""The text as a reader sees it: what rules match, with positions still in the original.

A word can be hidden from every rule while looking unchanged on the page: a zero-width space,
soft hyphen, word joiner, byte-order mark or direction mark inside it ("time\u200bly"), a
Cyrillic or Greek letter that looks like a Latin one ("reаsonable" with a Cyrillic а), or
full-width forms ("ｔｉｍｅｌｙ"). Before a document is analysed, each block is rebuilt here:

- invisible characters are removed, and the block's segments are split where one was, so every
  offset of the new text still maps to the source line and column of the same character;
- full-width forms become their ordinary letters, digits and signs (NFKC, one for one);
- in a word that mixes Latin, Greek and Cyrillic letters, the letters of the other scripts that
  look like letters of one script all become that script's letters (only when every one of them
  has such a twin, so "μg" or a Greek word beside a Latin acronym stay as they are);
- in an Arabic block, the Persian forms of yeh and kaf (ی, ک), which a Persian keyboard types
  and which look like Arabic ي and ك inside a word, become the Arabic letters.

Where this happens inside a word, it is recorded (`Hidden`): the `hidden-characters` rule
reports it. An invisible character between words, or between runs of different scripts (a
right-to-left mark between Arabic and a Latin name, as Arabic text legitimately has), is
removed for matching but not reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from policylint.model import Block, Document, Hidden, Segment
from policylint.text.languages import profile

# Soft hyphen, combining grapheme joiner, Arabic letter mark, Mongolian vowel separator,
# zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and overrides, word joiner and
# invisible operators, bidi isolates, variation selectors, zero-width no-break space
# (byte-order mark), and the tag characters that can spell a whole hidden text.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u180e"
    + "".join(map(chr, range(0x200B, 0x2010)))
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2060, 0x2065)))
    + "".join(map(chr, range(0x2066, 0x206A)))
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "\ufeff"
    + "".join(map(chr, range(0xE0000, 0xE0080)))
)
_FULL_WIDTH = "\uff01-\uff5e"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_CYRILLIC = "\u0400-\u052f"
_INVISIBLE_CLASS = "".join(sorted(INVISIBLE))
# Worth a closer look: an invisible or full-width character, or a Latin letter next to a Greek
# or Cyrillic one. Most blocks have none, and are returned as they are (`_suspect`).
_RARE = re.compile(f"[{_INVISIBLE_CLASS}{_FULL_WIDTH}]")
_MIXED = re.compile(f"[{_LATIN}][{_GREEK}{_CYRILLIC}]|[{_GREEK}{_CYRILLIC}][{_LATIN}]")
_WORD = re.compile(r"[^\W_]+")
# Persian letters an Arabic word can be typed with, and the Arabic letters they stand for
_ARABIC_LOOK_ALIKES = {"\u06cc": "\u064a", "\u06a9": "\u0643"}

# Letters of one script that look like letters of another, both cases.
_GREEK_AS_LATIN = dict(zip(
    "αονικρυχγΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aovikpuxyABEZHIKMNOPTYX",
))
_CYRILLIC_AS_LATIN = dict(zip(
    "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХУІЈЅԚԜ",
    "aeopcyxijshdqwlABEKMHOPCTXYIJSQW",
))


def _twins(source_as_latin: dict[str, str], target_as_latin: dict[str, str]) -> dict[str, str]:
    """Letters of one script to the letters of another that look like the same Latin letter."""
    latin_to_target = {latin: target for target, latin in target_as_latin.items()}
    return {source: latin_to_target[latin] for source, latin in source_as_latin.items() if latin in latin_to_target}


_LATIN_AS_LATIN = {letter: letter for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
# for each script, the letters of the two others that look like one of its letters
_LOOK_ALIKES = {
    "latin": {**_GREEK_AS_LATIN, **_CYRILLIC_AS_LATIN},
    "greek": {**_twins(_LATIN_AS_LATIN, _GREEK_AS_LATIN), **_twins(_CYRILLIC_AS_LATIN, _GREEK_AS_LATIN)},
    "cyrillic": {**_twins(_LATIN_AS_LATIN, _CYRILLIC_AS_LATIN), **_twins(_GREEK_AS_LATIN, _CYRILLIC_AS_LATIN)},
}
_SCRIPT_RANGES = (
    ("latin", re.compile(f"[{_LATIN}]")),
    ("greek", re.compile(f"[{_GREEK}]")),
    ("cyrillic", re.compile(f"[{_CYRILLIC}]")),
    ("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")),
)


def script(character: str) -> str:
    """latin, greek, cyrillic, arabic, digit or other: what decides whether two letters around
    an invisible character belong to one word."""
    if character.isdigit():
        return "digit"
    for name, pattern in _SCRIPT_RANGES:
        if pattern.match(character):
            return name
    return "other"


def visible_document(document: Document) -> tuple[Document, list[Hidden]]:
    """The document with every block as a reader sees it, and what was hidden inside words."""
    blocks, hidden = [], []
    for index, block in enumerate(document.blocks):
        seen, found = visible_block(block)
        blocks.append(seen)
        hidden += [item._replace(block=index) for item in found]
    if not hidden and all(new is old for new, old in zip(blocks, document.blocks)):
        return document, []
    return replace(document, blocks=blocks), hidden


def visible_block(block: Block) -> tuple[Block, list[Hidden]]:
    """The block as a reader sees it (segments keeping source positions), and the words that
    hid something, by their offsets in the new text (`Hidden.block` is left 0)."""
    text = block.text
    arabic = block.language is not None and profile(block.language).script == "arabic"
    if not _suspect(text, arabic):
        return block, []
    kept: list[str] = []
    origin: list[int] = []  # for each character kept, its offset in the original text
    flagged: list[tuple[int, str, str]] = []  # (offset in the new text, character, kind)
    for offset, character in enumerate(text):
        if character in INVISIBLE:
            if _inside_word(text, offset):
                flagged.append((len(kept), character, "invisible"))
            continue
        if "\uff01" <= character <= "\uff5e":
            ordinary = unicodedata.normalize("NFKC", character)
            if ordinary.isalnum():
                flagged.append((len(kept), character, "look-alike"))
            character = ordinary
        elif arabic and character in _ARABIC_LOOK_ALIKES:
            flagged.append((len(kept), character, "look-alike"))
            character = _ARABIC_LOOK_ALIKES[character]
        kept.append(character)
        origin.append(offset)
    new_text = "".join(kept)
    new_text, look_alikes = _unmixed(new_text)
    flagged += look_alikes
    hidden = _by_word(new_text, flagged)
    if len(new_text) == len(text):  # nothing removed: the segments still hold
        return block.with_text(new_text), hidden
    return block.with_text(new_text, _segments(block, origin)), hidden


def _suspect(text: str, arabic: bool) -> bool:
    """Whether the block may hide anything; the cheap tests first (ASCII text can only hide
    nothing: every character above is outside it)."""
    if text.isascii():
        return False
    if _RARE.search(text):
        return True
    return bool(_MIXED.search(text)) or (arabic and any(c in text for c in _ARABIC_LOOK_ALIKES))


def _inside_word(text: str, offset: int) -> bool:
    """Whether the invisible character at `offset` sits between two letters of one script (or
    two digits), skipping other invisible characters beside it."""
    before, after = offset - 1, offset + 1
    while before >= 0 and text[before] in INVISIBLE:
        before -= 1
    while after < len(text) and text[after] in INVISIBLE:
        after += 1
    if before < 0 or after >= len(text) or not (text[before].isalnum() and text[after].isalnum()):
        return False
    return script(text[before]) == script(text[after]) != "other"


def _unmixed(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Words mixing Latin, Greek and Cyrillic letters, in the one script all their letters can
    be read in; and where a look-alike letter stood."""
    flagged: list[tuple[int, str, str]] = []
    pieces: list[str] = []
    last = 0
    for word in _WORD.finditer(text):
        letters = word.group()
        scripts = {script(c) for c in letters if c.isalpha()}
        if len(scripts & {"latin", "greek", "cyrillic"}) < 2 or not scripts <= {"latin", "greek", "cyrillic"}:
            continue
        fixed = _in_one_script(letters)
        if fixed is None:
            continue
        pieces += [text[last:word.start()], fixed]
        last = word.end()
        flagged += [(word.start() + i, old, "look-alike") for i, (old, new) in enumerate(zip(letters, fixed)) if old != new]
    if not flagged:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), flagged


def _in_one_script(word: str) -> str | None:
    """The word with every letter outside its main script replaced by its twin in that script;
    None when some letter has no twin (the mix is real, not a disguise)."""
    counts: dict[str, int] = {}
    for character in word:
        if character.isalpha():
            counts[script(character)] = counts.get(script(character), 0) + 1
    # the script with most letters first; Latin first among equals (most policies' acronyms)
    for main in sorted(counts, key=lambda name: (-counts[name], name != "latin")):
        twins = _LOOK_ALIKES[main]
        if all(script(c) == main or c in twins for c in word if c.isalpha()):
            return "".join(c if not c.isalpha() or script(c) == main else twins[c] for c in word)
    return None


def _by_word(text: str, flagged: list[tuple[int, str, str]]) -> list[Hidden]:
    """One record per word that hid something: its span in the new text and the first
    character that was hidden in it."""
    hidden: dict[tuple[int, int], Hidden] = {}
    for offset, character, kind in sorted(flagged, key=lambda item: item[0]):
        start, end = _word_around(text, offset)
        if (start, end) not in hidden:
            hidden[(start, end)] = Hidden(0, start, end, character, kind)
    return list(hidden.values())


def _word_around(text: str, offset: int) -> tuple[int, int]:
    """The run of letters and digits at `offset` (where a removed character stood: the run
    that now joins across it)."""
    start = end = offset
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _segments(block: Block, origin: list[int]) -> tuple[Segment, ...]:
    """Segments for the new text: a new one wherever characters were removed before it, or
    where the original had one, each placed where its first character stood in the source."""
    starts = {segment.offset for segment in block.segments}
    segments = []
    for offset, source in enumerate(origin):
        if offset == 0 or source != origin[offset - 1] + 1 or source in starts:
            line, column, page = block.locate(source)
            segments.append(Segment(offset, line, column, page))
    return tuple(segments) or block.segments
