"""Load and validate rule packs: rules/*.yaml plus per-language data in rules/languages/.

A mistake in a pack is reported as "file: key: what is wrong", never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policylint.checks import CHECK_KINDS
from policylint.model import LANGUAGES, SEVERITIES

REQUIRED_KEYS = ("code", "name", "check", "severity", "summary", "rationale", "fix", "message", "languages", "examples")
OPTIONAL_KEYS = ("options", "messages", "source")
LANGUAGE_DATA_KEYS = {
    "numbers": "terms",
    "time_units": "terms",
    "frequencies": "terms",
    "targets": "terms",
    "revision_labels": "terms",
    "months": "months",
}


class PackError(Exception):
    """A rule pack that cannot be used; the message names the file, the key and the problem."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    check: str
    severity: str
    summary: str
    rationale: str
    fix: str
    message: dict[str, str]
    languages: dict[str, dict[str, Any]]
    examples: dict[str, dict[str, list[str]]]
    options: dict[str, Any] = field(default_factory=dict)
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = ""
    path: str = ""

    @property
    def kind(self):
        return CHECK_KINDS[self.check]


@dataclass
class Pack:
    rules: list[Rule]
    language_data: dict[str, dict[str, Any]]
    # compiled vocabulary, filled by the engine: (rule code, key, language) -> Matcher
    matchers: dict = field(default_factory=dict, repr=False)

    def rule(self, name_or_code: str) -> Rule | None:
        wanted = name_or_code.strip().lower()
        return next((r for r in self.rules if wanted in (r.name, r.code.lower())), None)

    def vocabulary(self, rule: Rule, language: str, key: str):
        """A rule's own list for a language, else the language data's list of that name."""
        own = rule.languages.get(language, {})
        if key in own:
            return own[key]
        return self.language_data.get(language, {}).get(key, [])


def default_rules_dir() -> Path:
    """rules/ inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def load_pack(directory: Path | None = None) -> Pack:
    directory = Path(directory) if directory else default_rules_dir()
    if not directory.is_dir():
        raise PackError(f"{directory}: rule pack folder not found")
    language_data = {}
    for language in LANGUAGES:
        path = directory / "languages" / f"{language}.yaml"
        if path.exists():
            language_data[language] = _language_data(path, language)
    rules = [_rule(path) for path in sorted(directory.glob("*.yaml"))]
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise PackError(f"{rule.path}: {key!r} is already used by {seen[key]}")
            seen[key] = rule.path
    rules.sort(key=lambda r: r.code)
    return Pack(rules=rules, language_data=language_data)


# libyaml's parser when PyYAML has it: the same documents, read about ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise PackError(f"{path}: not valid YAML{where}: {getattr(error, 'problem', error)}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{path}: cannot read: {error}") from None


def _language_data(path: Path, language: str) -> dict[str, Any]:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise PackError(f"{path}: expected a mapping of language data")
    for key, value in data.items():
        if key == "language":
            if value != language:
                raise PackError(f"{path}: language: expected {language!r}, found {value!r}")
            continue
        shape = LANGUAGE_DATA_KEYS.get(key)
        if shape is None:
            raise PackError(f"{path}: {key}: unknown key; expected one of {', '.join(LANGUAGE_DATA_KEYS)}")
        _check_shape(path, key, value, shape)
    return data


def _check_shape(path, key: str, value: Any, shape: str) -> None:
    if shape == "terms":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise PackError(f"{path}: {key}: expected a list of non-empty strings")
    elif shape == "mapping":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in value.items()
        ):
            raise PackError(f"{path}: {key}: expected a mapping of term to plainer alternative (or null)")
    elif shape == "months":
        if not isinstance(value, dict) or sorted(value) != list(range(1, 13)):
            raise PackError(f"{path}: {key}: expected month numbers 1 to 12 as keys")
        for month, names in value.items():
            _check_shape(path, f"{key}.{month}", names, "terms")


def _per_language_text(path, key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise PackError(f"{path}: {key}: expected a text for each language ({', '.join(LANGUAGES)})")
    for language in LANGUAGES:
        if not isinstance(value.get(language), str) or not value[language].strip():
            raise PackError(f"{path}: {key}.{language}: missing text")
    return value


def _rule(path: Path) -> Rule:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise PackError(f"{path}: expected a mapping with the keys {', '.join(REQUIRED_KEYS)}")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise PackError(f"{path}: {key}: missing")
    for key in data:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            raise PackError(f"{path}: {key}: unknown key")
    kind = CHECK_KINDS.get(data["check"])
    if kind is None:
        raise PackError(f"{path}: check: unknown check kind {data['check']!r}; expected one of {', '.join(sorted(CHECK_KINDS))}")
    if data["severity"] not in SEVERITIES:
        raise PackError(f"{path}: severity: expected one of {', '.join(SEVERITIES)}")
    for key in ("code", "name", "summary", "rationale", "fix"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise PackError(f"{path}: {key}: expected a non-empty string")
    message = _per_language_text(path, "message", data["message"])
    messages = data.get("messages") or {}
    for name in kind.MESSAGES:
        if name not in messages:
            raise PackError(f"{path}: messages.{name}: missing (the {data['check']} check needs it)")
        _per_language_text(path, f"messages.{name}", messages[name])
    options = dict(kind.OPTIONS)
    for key, value in (data.get("options") or {}).items():
        if key not in kind.OPTIONS:
            raise PackError(f"{path}: options.{key}: unknown option for {data['check']}")
        if not isinstance(value, type(kind.OPTIONS[key])):
            raise PackError(f"{path}: options.{key}: expected {type(kind.OPTIONS[key]).__name__}")
        options[key] = value
    languages = data["languages"]
    if not isinstance(languages, dict):
        raise PackError(f"{path}: languages: expected a mapping of language to vocabulary")
    for language in LANGUAGES:
        vocabulary = languages.get(language)
        if vocabulary is None:
            languages[language] = vocabulary = {}
        if not isinstance(vocabulary, dict):
            raise PackError(f"{path}: languages.{language}: expected a mapping of vocabulary lists")
        for key, value in vocabulary.items():
            shape = kind.VOCABULARY.get(key)
            if shape is None:
                raise PackError(f"{path}: languages.{language}.{key}: unknown key for {data['check']}")
            _check_shape(path, f"languages.{language}.{key}", value, shape)
    examples = data["examples"]
    for language in LANGUAGES:
        pair = examples.get(language) if isinstance(examples, dict) else None
        if not isinstance(pair, dict):
            raise PackError(f"{path}: examples.{language}: expected pass and fail examples")
        for verdict in ("pass", "fail"):
            _check_shape(path, f"examples.{language}.{verdict}", pair.get(verdict), "terms")
    return Rule(
        code=data["code"],
        name=data["name"],
        check=data["check"],
        severity=data["severity"],
        summary=data["summary"].strip(),
        rationale=data["rationale"].strip(),
        fix=data["fix"].strip(),
        message=message,
        languages=languages,
        examples=examples,
        options=options,
        messages=messages,
        source=str(data.get("source", "")),
        path=str(path),
    )
