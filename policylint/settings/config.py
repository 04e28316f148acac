"""Configuration files: `.policylint.yaml` (or `.yml`), or `[tool.policylint]` in pyproject.toml.

A file is found by walking up from each checked file; the nearest one applies to it, alone
(settings are not merged across folders, as in ruff). The walk stops at the repository's top
(a folder holding `.git`), and, as git's safe.directory does, passes over a file owned by
another user than the one running policylint (or root): a configuration can silence every
finding or add rules, so only its owner's word counts. Globs in it are relative to its folder.
Every key and value is checked here, and a mistake is reported as "FILE:LINE: KEY: problem".
Rule selectors (names, codes, prefixes) and the profile are checked against the rule pack
when the configuration is used (plans.py), with the same file, line and key; so are the
`rules:` entries' options, against the check kinds of the rules they name.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from policylint.bounded_yaml import YAMLLimitError, check_limits
from policylint.messages import Text, TextError
from policylint.model import LANGUAGES, SEVERITIES

CONFIG_NAMES = (".policylint.yaml", ".policylint.yml")
PYPROJECT = "pyproject.toml"
FAIL_ON = (*SEVERITIES, "never")


class ConfigError(TextError):
    """A configuration file that cannot be used: the message (a catalogue entry) names the
    file, line and key."""


@dataclass(frozen=True)
class Config:
    """One configuration file's settings, validated; empty fields leave the defaults."""

    path: str = ""  # the file it came from; "" when no file applies
    root: str = ""  # the folder its globs and rule folders are relative to
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    severity: tuple[tuple[str, str], ...] = ()  # (selector, severity), in the file's order
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    language: tuple[tuple[str, str], ...] = ()  # (glob, language)
    kind: tuple[tuple[str, str], ...] = ()  # (glob, document kind); "**" for `kind: NAME`
    max_revision_age: int | None = None
    jargon: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...] = ()  # (language, (term, alternative))
    accepted_terms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, terms)
    rules_dirs: tuple[str, ...] = ()  # absolute folders of custom rule packs
    # documents that are translations of one another (absolute paths), the source first
    translations: tuple[tuple[str, ...], ...] = ()
    # `rules:` (selector, {"severity": ..., option: value}), in the file's order; options are
    # checked against the rules' check kinds when the pack is known (plans.py). Not hashed:
    # option values are lists and mappings, and the other fields tell configurations apart.
    rules: tuple[tuple[str, dict[str, Any]], ...] = field(default=(), hash=False)
    # line of each key in the file ("severity.jargon" -> 7), for messages about selectors
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    def error(self, key: str, problem: Text | str) -> ConfigError:
        return _error(self.path, dict(self.lines), key, problem)


def _error(path, lines: dict[str, int], key: str, problem: Text | str) -> ConfigError:
    """"FILE:LINE: KEY: problem", at the key's own line, else its parent's."""
    where = key
    while where not in lines and "." in where:
        where = where.rsplit(".", 1)[0]
    return ConfigError("config_at_key", path=str(path), line=lines.get(where, 1), key=key, problem=problem)


# ---- finding the file ---------------------------------------------------------------------


def find(directory: Path, passed_over: dict[Path, int] | None = None) -> Path | None:
    """The nearest configuration file at or above `directory`, up to the repository's top,
    that the current user or root owns. Files owned by someone else are added to
    `passed_over` (path -> owner's uid), for the caller to say so."""
    for folder in (directory, *directory.parents):
        candidates = [folder / name for name in CONFIG_NAMES]
        candidates.append(folder / PYPROJECT)
        for candidate in candidates:
            if not candidate.is_file() or (candidate.name == PYPROJECT and not _has_tool_table(candidate)):
                continue
            owner = foreign_owner(candidate)
            if owner is None:
                return candidate
            if passed_over is not None:
                passed_over[candidate] = owner
        if (folder / ".git").exists():  # a directory, or a file in a worktree or submodule
            return None
    return None


def foreign_owner(path: Path) -> int | None:
    """The uid owning `path` when it is neither the current user nor root, else None."""
    if not hasattr(os, "getuid"):  # Windows: no uids to compare
        return None
    try:
        owner = path.stat().st_uid
    except OSError:
        return None
    return None if owner in (0, os.getuid()) else owner


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*policylint\s*[.\]]", text, re.M) is not None


# ---- reading it ---------------------------------------------------------------------------


def load(path: Path) -> Config:
    """Read and validate one configuration file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config_not_found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError("config_cannot_read", path=str(path), reason=str(error)) from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        data, lines = _toml(path, text)
    else:
        data, lines = _yaml(path, text)
    return _validate(path, data, lines)


def _yaml(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    import yaml  # here: most runs have no YAML configuration, and the parser costs start-up time

    try:
        check_limits(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except YAMLLimitError as error:
        raise ConfigError("config_at_line", path=str(path), line=error.line, problem=error.text) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ConfigError("config_at_line", path=str(path), line=line,
                          problem=Text("config_bad_yaml", reason=str(getattr(error, "problem", None) or error))) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError("config_at_line", path=str(path), line=1, problem=Text("config_expected_settings"))
    lines: dict[str, int] = {}

    def walk(mapping_node, prefix: str, depth: int):
        for key_node, value_node in mapping_node.value:
            key = f"{prefix}{key_node.value}"
            lines[key] = key_node.start_mark.line + 1
            if depth < 2 and isinstance(value_node, yaml.MappingNode):
                walk(value_node, key + ".", depth + 1)

    if isinstance(node, yaml.MappingNode):
        walk(node, "", 0)
    return data, lines


def _toml(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    # imported when a pyproject.toml is read, not by every run
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("config_at_line", path=str(path), line=_toml_error_line(text, str(error)),
                          problem=Text("config_bad_toml", reason=str(error))) from None
    data = document.get("tool", {}).get("policylint", {})
    if not isinstance(data, dict):
        raise ConfigError("config_at_key", path=str(path), line=1, key="tool.policylint", problem=Text("config_expected_table"))
    return data, _toml_lines(text, data)


def _toml_error_line(text: str, message: str) -> int:
    """The line a TOML mistake is on. The parser names where it noticed it; at the start of a
    line (an array or table left unclosed, a value missing) that is the line after the
    mistake, so the mistake is on the last line before it that holds something."""
    found = re.search(r"line (\d+), column (\d+)", message)
    if not found:
        return len(text.splitlines()) if "end of document" in message else 1
    line, column = int(found.group(1)), int(found.group(2))
    if column > 1:
        return line
    lines = text.splitlines()
    before = line - 1
    while before > 0 and not lines[before - 1].split("#")[0].strip():
        before -= 1
    return before or line


def _toml_lines(text: str, data: dict) -> dict[str, int]:
    """Where each key stands: tomllib keeps no positions, so find them in the text."""
    source = text.splitlines()
    header = next((i for i, s in enumerate(source) if re.match(r"\s*\[\s*tool\s*\.\s*policylint\s*[.\]]", s)), 0)
    lines: dict[str, int] = {}

    def find_key(name: str, start: int) -> int:
        quoted = re.escape(name)
        # "name =", "[tool.policylint.name]" or, for a nested table, "[tool.policylint.rules.name]"
        pattern = re.compile(rf"""^\s*(?:\[\s*tool\s*\.\s*policylint\s*\.\s*(?:[^\]=]*\.\s*)?)?["']?{quoted}["']?\s*[=\]]""")
        for index in range(start, len(source)):
            if pattern.match(source[index]) or re.search(rf"""[{{,]\s*["']?{quoted}["']?\s*=""", source[index]):
                return index
        return start

    def walk(mapping: dict, prefix: str, start: int) -> None:
        for key, value in mapping.items():
            at = find_key(str(key), start)
            lines[f"{prefix}{key}"] = at + 1
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.", at)

    walk(data, "", header)
    return lines


# ---- checking it --------------------------------------------------------------------------


def _validate(path: Path, data: dict, lines: dict[str, int]) -> Config:
    def fail(key: str, problem: Text | str) -> NoReturn:
        raise _error(path, lines, key, problem)

    values: dict[str, Any] = {}
    for key, value in data.items():
        handler = _KEYS.get(key)
        if handler is None:
            # "fail_on" for "fail-on", or a typo such as "selct"
            close = [k for k in _KEYS if k.replace("-", "_") == str(key).replace("-", "_")]
            import difflib  # only a mistake needs it

            close = close or difflib.get_close_matches(str(key), list(_KEYS), n=1, cutoff=0.8)
            hint = (Text("did_you_mean", names=repr(close[0])) if close
                    else Text("expected_one_of_after", choices=", ".join(_KEYS)))
            fail(str(key), Text("config_unknown_key", hint=hint))
        if value is None:  # "key:" with nothing after it (all commented out) leaves the default
            continue
        attribute, check = handler
        values[attribute] = check(value, key, fail, path.parent)
    return Config(path=str(path), root=str(path.parent.resolve()), lines=tuple(sorted(lines.items())), **values)


def _strings(value, key, fail, base=None) -> tuple[str, ...]:
    if isinstance(value, str):  # "PL104" alone, or "PL104, PL105"
        value = [v for v in re.split(r"[\s,]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        fail(key, Text("expected_strings"))
    return tuple(v.strip() for v in value)


def _one_of(choices):
    def check(value, key, fail, base=None):
        if value not in choices:
            fail(key, Text("expected_choice", choices=", ".join(choices), value=repr(value)))
        return value

    return check


def _text(value, key, fail, base=None) -> str:
    if not isinstance(value, str) or not value.strip():
        fail(key, Text("expected_text"))
    return value.strip()


def _months(value, key, fail, base=None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        fail(key, Text("expected_months", value=repr(value)))
    return value


def _mapping(value, key, fail, what: Text) -> dict:
    if not isinstance(value, dict):
        fail(key, Text("expected_mapping", what=what))
    return value


def _severities(value, key, fail, base=None):
    pairs = []
    for selector, severity in _mapping(value, key, fail, Text("mapping_rule_severity")).items():
        if severity not in SEVERITIES:
            fail(f"{key}.{selector}", Text("expected_choice", choices=", ".join(SEVERITIES), value=repr(severity)))
        pairs.append((str(selector), severity))
    return tuple(pairs)


def _per_file_ignores(value, key, fail, base=None):
    return tuple(
        (str(glob), _strings(selectors, f"{key}.{glob}", fail))
        for glob, selectors in _mapping(value, key, fail, Text("mapping_glob_rules")).items()
    )


def _languages_by_glob(value, key, fail, base=None):
    return tuple(
        (str(glob), _one_of(LANGUAGES)(language, f"{key}.{glob}", fail))
        for glob, language in _mapping(value, key, fail, Text("mapping_glob_language")).items()
    )


def _kinds_by_glob(value, key, fail, base=None):
    """`kind: returns` for every file, or a mapping of glob to kind; the names are checked
    against the rule pack's kinds when the configuration is used (settings/plans.py)."""
    if isinstance(value, str):
        return (("**", _text(value, key, fail)),)
    return tuple(
        (str(glob), _text(kind, f"{key}.{glob}", fail))
        for glob, kind in _mapping(value, key, fail, Text("mapping_glob_kind")).items()
    )


def _per_language(value, key, fail) -> dict:
    mapping = _mapping(value, key, fail, Text("mapping_language_terms", languages=", ".join(LANGUAGES)))
    for language in mapping:
        if language not in LANGUAGES:
            fail(f"{key}.{language}", Text("config_unknown_language", languages=", ".join(LANGUAGES)))
    return mapping


def _jargon(value, key, fail, base=None):
    result = []
    for language, terms in _per_language(value, key, fail).items():
        where = f"{key}.{language}"
        if terms is None:
            continue
        if isinstance(terms, list):  # terms without a plainer alternative
            terms = {term: None for term in _strings(terms, where, fail)}
        if not isinstance(terms, dict) or not all(
            isinstance(t, str) and t.strip() and (a is None or isinstance(a, str)) for t, a in terms.items()
        ):
            fail(where, Text("config_expected_jargon"))
        result.append((language, tuple((t.strip(), a) for t, a in terms.items())))
    return tuple(result)


def _accepted(value, key, fail, base=None):
    return tuple(
        (language, _strings(terms, f"{key}.{language}", fail))
        for language, terms in _per_language(value, key, fail).items()
        if terms is not None
    )


def _rule_entries(value, key, fail, base=None):
    entries = []
    for selector, entry in _mapping(value, key, fail, Text("mapping_rule_entry")).items():
        where = f"{key}.{selector}"
        if entry is None:
            continue
        if not isinstance(entry, dict):
            fail(where, Text("config_expected_rule_entry"))
        if "severity" in entry and entry["severity"] not in SEVERITIES:
            fail(f"{where}.severity", Text("expected_choice", choices=", ".join(SEVERITIES), value=repr(entry["severity"])))
        entries.append((str(selector), {str(name): option for name, option in entry.items()}))
    return tuple(entries)


def _translation_sets(value, key, fail, base: Path):
    """`translations: [[policy.md, politique.md], ...]`: each set's source first."""
    if not isinstance(value, list):
        fail(key, Text("config_expected_translation_sets"))
    sets = []
    for number, group in enumerate(value):
        files = _strings(group, f"{key}.{number}", fail)
        if len(files) < 2:
            fail(f"{key}.{number}", Text("config_expected_two_files"))
        sets.append(tuple(str((base / name).resolve()) for name in files))
    return tuple(sets)


def _folders(value, key, fail, base: Path):
    return tuple(str((base / folder).resolve()) for folder in _strings(value, key, fail))


# key in the file -> (Config attribute, checker)
_KEYS = {
    "profile": ("profile", _text),
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "severity": ("severity", _severities),
    "fail-on": ("fail_on", _one_of(FAIL_ON)),
    "exclude": ("exclude", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "language": ("language", _languages_by_glob),
    "kind": ("kind", _kinds_by_glob),
    "max-revision-age": ("max_revision_age", _months),
    "jargon": ("jargon", _jargon),
    "accepted-terms": ("accepted_terms", _accepted),
    "rules-dir": ("rules_dirs", _folders),
    "rules": ("rules", _rule_entries),
    "translations": ("translations", _translation_sets),
}
KEYS = tuple(_KEYS)
