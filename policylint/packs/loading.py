"""Load and validate rule packs: rules/*.yaml, the vocabulary in rules/languages/ (the
language files' profile part is text/languages.py's) and profiles in rules/profiles/.

A custom pack is a folder of rule files (and optionally its own profiles/) written in the same
format; it shares the built-in language data. A mistake in any pack is reported as
"file: key: what is wrong", never as a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn, Sequence

from policylint.checks import CHECK_KINDS
from policylint.messages import Text
from policylint.model import LANGUAGES, SEVERITIES
from policylint.packs import templates
from policylint.packs.model import BUILTIN, SHORTHAND_KEYS, Kind, Pack, PackError, Profile, Rule
from policylint.packs.yaml_cache import load_yaml
from policylint.text.languages import BASE_LANGUAGE, LANGUAGE_PROFILE_KEYS, builtin_language_files, language_files

REQUIRED_KEYS = ("code", "name", "check", "severity", "summary", "rationale", "fix", "message", "languages", "examples")
# texts about a rule that may be given per language (`explain` shows them in the message language)
PROSE_KEYS = ("summary", "rationale", "fix")
OPTIONAL_KEYS = ("options", "shorthands", "messages", "source", "element", "label", "requires", "skeleton")
PROFILE_KEYS = ("name", "summary", "rules", "extends")
KIND_KEYS = ("name", "profile", "label", "detect")
_CODE = re.compile(r"^[A-Z]+[0-9]+$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
LANGUAGE_DATA_KEYS = {
    "numbers": "terms",
    "time_units": "terms",
    "frequencies": "terms",
    "targets": "terms",
    "revision_labels": "terms",
    "next_review_labels": "terms",
    "numbered_labels": "terms",
    "addressees": "terms",
    "months": "months",
    "subjects": "terms",  # the names a document gives itself, for required-section's subject and action
}



def default_rules_dir() -> Path:
    """rules/ inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent.parent  # the policylint package
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def load_pack(directory: Path | None = None, extra_dirs: tuple | list = ()) -> Pack:
    """The built-in pack (or `directory`), plus the rules and profiles of custom pack folders."""
    directory = Path(directory) if directory else default_rules_dir()
    if not directory.is_dir():
        raise PackError("config_no_rules_folder", folder=str(directory))
    files = builtin_language_files() if directory == default_rules_dir() else language_files(directory)
    language_data = {code: _language_data(*files[code]) for code in LANGUAGES if code in files}
    rules = [_rule(path, language_data) for path in sorted(directory.glob("*.yaml"))]
    profiles = _profiles(directory)
    for extra in extra_dirs:
        extra = Path(extra)
        if not extra.is_dir():
            raise PackError("config_no_rules_folder", folder=str(extra))
        found = sorted(extra.glob("*.yaml")) + sorted(extra.glob("*.yml"))
        if not found:
            raise PackError("pack_at", path=str(extra), problem=Text("pack_no_rule_files"))
        rules += [_rule(path, language_data, pack=str(extra)) for path in found]
        for name, profile in _profiles(extra).items():
            if name in profiles:
                _fail(profile.path, "name", Text("pack_defined_twice", what=Text("pack_word_profile"), name=repr(name),
                                                 other=str(profiles[name].path)))
            profiles[name] = profile
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise PackError("pack_at", path=rule.path, problem=Text("pack_already_used", key=repr(key), other=seen[key]))
            seen[key] = rule.path
    rules.sort(key=lambda r: r.code)
    names = {rule.name for rule in rules}
    for rule in rules:
        if rule.requires and (rule.requires not in names or rule.requires == rule.name):
            _fail(rule.path, "requires", Text("pack_requires_not_a_rule", name=repr(rule.requires),
                                              hint=did_you_mean(rule.requires, sorted(names), listing=False)))
    pack = Pack(rules=rules, language_data=language_data, profiles=profiles, kinds=_kinds(directory))
    for kind in pack.kinds.values():
        if kind.profile is not None and kind.profile not in profiles:
            _fail(kind.path, "profile", Text("pack_unknown_profile", name=repr(kind.profile)))
    for profile in profiles.values():
        for selector in profile.selectors:  # every selector names a rule
            if selector.strip().lower() not in ("all", "*") and not pack.matching(selector):
                _fail(profile.path, "rules", Text("config_unknown_selector", selector=repr(selector), hint=""))
    return pack


def _profiles(directory: Path) -> dict[str, Profile]:
    """Profiles in DIR/profiles/*.yaml; `extends` adds another profile's selectors first."""
    raw: dict[str, tuple[Path, dict]] = {}
    for path in sorted((directory / "profiles").glob("*.yaml")):
        data = _mapping(path, required=(), optional=PROFILE_KEYS)
        for key in ("name", "summary"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                _fail(path, key, Text("expected_text"))
        _check_shape(path, "rules", data.get("rules") or [], "terms")
        if data["name"] in raw:
            _fail(path, "name", Text("pack_defined_twice", what=Text("pack_word_profile"), name=repr(data["name"]),
                                     other=str(raw[data["name"]][0])))
        raw[data["name"]] = (path, data)

    def selectors(name: str, chain: tuple) -> tuple[str, ...]:
        path, data = raw[name]
        parent = data.get("extends")
        inherited: tuple[str, ...] = ()
        if parent is not None:
            if parent not in raw:
                _fail(path, "extends", Text("pack_unknown_profile", name=repr(parent)))
            if parent in chain:
                _fail(path, "extends", Text("pack_extends_loop"))
            inherited = selectors(parent, chain + (parent,))
        return inherited + tuple(data.get("rules") or ())

    return {
        name: Profile(name, data["summary"].strip(), selectors(name, (name,)), str(path))
        for name, (path, data) in raw.items()
    }


def _mapping(path: Path, required: tuple, optional: tuple) -> dict:
    """A YAML file holding one mapping, with every required key and no unknown one."""
    data = load_yaml(path)
    known = (*required, *optional)
    if not isinstance(data, dict):
        raise PackError("pack_at", path=str(path), problem=Text("pack_expected_keys", keys=", ".join(known)))
    for key in required:
        if key not in data:
            _fail(path, key, Text("pack_missing"))
    for key in data:
        if key not in known:
            _fail(path, key, Text("config_unknown_key", hint=Text("expected_one_of_after", choices=", ".join(known))))
    return data


def _language_data(path: Path, data: dict) -> dict[str, Any]:
    """A language file's data: its profile part is text.languages' to check, the rest is the
    vocabulary rules share."""
    for key, value in data.items():
        if key in LANGUAGE_PROFILE_KEYS:
            continue
        shape = LANGUAGE_DATA_KEYS.get(key)
        if shape is None:
            known = ", ".join((*LANGUAGE_PROFILE_KEYS, *LANGUAGE_DATA_KEYS))
            _fail(path, key, Text("config_unknown_key", hint=Text("expected_one_of_after", choices=known)))
        _check_shape(path, key, value, shape)
    return data


def _check_shape(path, key: str, value: Any, shape: str) -> None:
    if shape == "terms":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            _fail(path, key, Text("expected_strings"))
    elif shape == "mapping":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in value.items()
        ):
            _fail(path, key, Text("pack_expected_alternatives"))
    elif shape == "months":
        if not isinstance(value, dict) or sorted(value) != list(range(1, 13)):
            _fail(path, key, Text("pack_expected_months"))
        for month, names in value.items():
            _check_shape(path, f"{key}.{month}", names, "terms")


def _check_pair_examples(path, key: str, value: Any) -> None:
    """A pair rule's examples: each a source and a translation (in the example's language)."""
    if not isinstance(value, list) or not value or not all(
        isinstance(v, dict) and sorted(v) == ["source", "translation"]
        and all(isinstance(text, str) and text.strip() for text in v.values()) for v in value
    ):
        _fail(path, key, Text("pack_expected_pair_examples"))


def _per_language_text(path, key: str, value: Any, languages=LANGUAGES) -> dict[str, str]:
    if not isinstance(value, dict):
        _fail(path, key, Text("pack_expected_texts", languages=", ".join(languages)))
    for language in languages:
        if not isinstance(value.get(language), str) or not value[language].strip():
            _fail(path, f"{key}.{language}", Text("pack_missing_text"))
    return value


def _check_templates(path, key: str, texts: dict, fields) -> None:
    """Each language's message is a template naming only the fields its check fills in."""
    for language, template in texts.items():
        if isinstance(template, str) and (wrong := templates.problem(template, frozenset(fields))):
            _fail(path, f"{key}.{language}", wrong)


def _rule(path: Path, language_data: dict, pack: str = BUILTIN) -> Rule:
    data = _mapping(path, required=REQUIRED_KEYS, optional=OPTIONAL_KEYS)
    kind = CHECK_KINDS.get(data["check"]) if isinstance(data["check"], str) else None  # a list is no name
    if kind is None:
        _fail(path, "check", Text("pack_unknown_check", name=repr(data["check"]), kinds=", ".join(sorted(CHECK_KINDS))))
    if data["severity"] not in SEVERITIES:
        _fail(path, "severity", Text("expected_one_of", choices=", ".join(SEVERITIES)))
    translated = _prose(path, data, every_language=pack == BUILTIN)
    for key in ("code", "name", "summary", "rationale", "fix"):
        if not isinstance(data[key], str) or not data[key].strip():
            _fail(path, key, Text("pack_expected_prose"))
    if not _CODE.match(data["code"]):
        _fail(path, "code", Text("pack_expected_code"))
    if not _NAME.match(data["name"]):
        _fail(path, "name", Text("pack_expected_name", example="missing-scope"))
    languages = data["languages"]
    if not isinstance(languages, dict):
        _fail(path, "languages", Text("pack_expected_vocabulary"))
    unknown = [key for key in languages if key not in LANGUAGES]
    if unknown:
        _fail(path, f"languages.{unknown[0]}", Text("pack_unknown_language", languages=", ".join(LANGUAGES)))
    # The built-in pack covers all five languages; a custom rule covers the languages it lists.
    covered = LANGUAGES if pack == BUILTIN else tuple(lang for lang in LANGUAGES if lang in languages)
    if not covered:
        _fail(path, "languages", Text("pack_needs_a_language", languages=", ".join(LANGUAGES)))
    for language in covered:
        vocabulary = languages.get(language)
        if vocabulary is None:
            languages[language] = vocabulary = {}
        if not isinstance(vocabulary, dict):
            _fail(path, f"languages.{language}", Text("pack_expected_vocabulary_lists"))
        for key, value in vocabulary.items():
            shape = kind.vocabulary.get(key)
            if shape is None:
                _fail(path, f"languages.{language}.{key}", Text("pack_unknown_vocabulary", check=data["check"]))
            _check_shape(path, f"languages.{language}.{key}", value, shape)
    message = _per_language_text(path, "message", data["message"], covered)
    _check_templates(path, "message", message, kind.fields["message"])
    messages = data.get("messages") or {}
    if not isinstance(messages, dict):
        _fail(path, "messages", Text("pack_expected_messages"))
    for name in kind.messages:
        if name not in messages:
            _fail(path, f"messages.{name}", Text("pack_missing_message", check=data["check"]))
        _per_language_text(path, f"messages.{name}", messages[name], covered)
        _check_templates(path, f"messages.{name}", messages[name], kind.fields[name])
    given = validate_options(kind, data.get("options") or {},
                             lambda key, problem: _fail(path, join_key("options", key), problem))
    options = merged_options(kind, dict(kind.options), given)
    shorthands = {**kind.shorthands, **_shorthands(path, kind, data.get("shorthands") or {})}
    languages = vocabulary_with_options(
        kind, languages, options, lambda language, key: language_data.get(language, {}).get(key, [])
    )
    examples = data["examples"]
    for language in covered:
        pair = examples.get(language) if isinstance(examples, dict) else None
        if not isinstance(pair, dict):
            _fail(path, f"examples.{language}", Text("pack_expected_examples"))
        for verdict in ("pass", "fail"):
            if kind.scope == "pair":
                _check_pair_examples(path, f"examples.{language}.{verdict}", pair.get(verdict))
            else:
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
        element=_per_language_text(path, "element", data["element"]) if "element" in data else {},
        skeleton=_skeleton(path, data, covered),
        pack=pack,
        shorthands=shorthands,
        requires=_requires(path, data.get("requires", "")),
        translated=translated,
        label=_per_language_text(path, "label", data["label"]) if "label" in data else {},
    )


def _prose(path: Path, data: dict, every_language: bool) -> dict[str, dict[str, str]]:
    """A rule's summary, rationale and fix as language -> text, each text on one line; `data`
    keeps the English ones. A custom rule may give English alone (a string) or a text per
    language with English among them; a built-in rule gives every language, so that whoever
    reads policylint in their language reads its rules in it too."""
    required = LANGUAGES if every_language else (BASE_LANGUAGE,)
    translated = {}
    for key in PROSE_KEYS:
        if not isinstance(data[key], dict):
            if every_language:
                _fail(path, key, Text("pack_expected_texts", languages=", ".join(required)))
            continue
        texts = _per_language_text(path, key, data[key], required)
        unknown = [language for language in texts if language not in LANGUAGES]
        if unknown:
            _fail(path, f"{key}.{unknown[0]}", Text("pack_unknown_language", languages=", ".join(LANGUAGES)))
        translated[key] = {language: " ".join(text.split()) for language, text in texts.items()}
        data[key] = texts[BASE_LANGUAGE]
    return translated


def _requires(path, value) -> str:
    """A rule's `requires`: the name of the rule whose element it judges."""
    if not isinstance(value, str) or (value and not _NAME.match(value)):
        _fail(path, "requires", Text("pack_expected_requires"))
    return value


def _skeleton(path: Path, data: dict, covered: Sequence[str]) -> dict[str, str]:
    """The first sentence of the section an editor inserts under the rule's `element` heading,
    per language: only a rule naming an element can have one."""
    if "skeleton" not in data:
        return {}
    if "element" not in data:
        _fail(path, "skeleton", Text("pack_skeleton_needs_element"))
    return _per_language_text(path, "skeleton", data["skeleton"], covered)


def _kinds(directory: Path) -> dict[str, Kind]:
    """Document kinds in DIR/kinds/*.yaml: a label and, per language, title terms and words."""
    kinds: dict[str, Kind] = {}
    for path in sorted((directory / "kinds").glob("*.yaml")):
        data = _mapping(path, required=KIND_KEYS, optional=())
        if not isinstance(data["name"], str) or not _NAME.match(data["name"]):
            _fail(path, "name", Text("pack_expected_name", example="returns"))
        if data["name"] in kinds:
            _fail(path, "name", Text("pack_defined_twice", what=Text("pack_word_kind"), name=repr(data["name"]),
                                     other=str(kinds[data["name"]].path)))
        if data["profile"] is not None and not isinstance(data["profile"], str):
            _fail(path, "profile", Text("pack_expected_profile_name"))
        # a kind may name and describe only some languages: it is recognised in those
        label = data["label"]
        if not isinstance(label, dict) or BASE_LANGUAGE not in label:
            _fail(path, "label", Text("pack_expected_label", base=BASE_LANGUAGE))
        label = _per_language_text(path, "label", label, tuple(lang for lang in LANGUAGES if lang in label))
        detect = data["detect"]
        if not isinstance(detect, dict):
            _fail(path, "detect", Text("pack_expected_detect"))
        titles, words, reporting = {}, {}, {}
        for language, entry in detect.items():
            if language not in LANGUAGES:
                _fail(path, f"detect.{language}", Text("pack_unknown_language", languages=", ".join(LANGUAGES)))
            if not isinstance(entry, dict) or not {"title", "words"} <= set(entry) <= {"title", "words", "reporting"}:
                _fail(path, f"detect.{language}", Text("pack_expected_detect_keys"))
            for key in entry:
                _check_shape(path, f"detect.{language}.{key}", entry[key], "terms")
            titles[language], words[language] = tuple(entry["title"]), tuple(entry["words"])
            reporting[language] = tuple(entry.get("reporting", ()))
        kinds[data["name"]] = Kind(data["name"], data["profile"], label, titles, words, str(path), reporting)
    return kinds


def join_key(*parts) -> str:
    """"rules.jargon.extra_terms" from its parts, leaving out empty ones."""
    return ".".join(str(part) for part in parts if part != "")


def _fail(path, key: str, problem: Text | str) -> NoReturn:
    """`FILE: KEY: problem`, the problem a catalogue entry (a template's is already worded)."""
    raise PackError("pack_at_key", path=str(path), key=key, problem=problem)


def _shorthands(path, kind, given) -> dict[str, str]:
    """A rule file's `shorthands`: configuration key -> one of its kind's options."""
    if not isinstance(given, dict):
        _fail(path, "shorthands", Text("pack_expected_shorthands"))
    for key, option in given.items():
        if key not in SHORTHAND_KEYS:
            _fail(path, f"shorthands.{key}", Text("pack_not_a_shorthand", hint=did_you_mean(key, SHORTHAND_KEYS)))
        if option not in kind.options:
            _fail(path, f"shorthands.{key}", Text("pack_not_an_option", option=repr(option), kind=kind.name,
                                                  hint=did_you_mean(option, kind.options)))
    return dict(given)


# ---- options: one validation for rule files and for the configuration's `rules:` ----------


def did_you_mean(word, known, listing: bool = True) -> Text | str:
    """" (did you mean 'x'?)" for a close known word, else "; expected one of ..." (when
    `listing` and there is something to list) or "": a catalogue entry, worded where it is shown."""
    known = [str(k) for k in known]
    close = closest(word, known)
    if close:
        return Text("did_you_mean", names=repr(close))
    return Text("expected_one_of_after", choices=", ".join(known)) if known and listing else ""


def closest(word, known) -> str | None:
    """The known word closest to a misspelt one, if one is close enough (- and _ alike)."""
    import difflib  # only a mistake needs it

    known = [str(k) for k in known]
    close = difflib.get_close_matches(str(word).replace("-", "_"), known, n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(str(word), known, n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(str(word).lower(), known, n=1, cutoff=0.6)
    return close[0] if close else None


def validate_options(kind, given, fail, also_known=()) -> dict:
    """`given` options of a rule of `kind`, checked against what the kind declares and
    normalised (a per-language option given one value gets it for every language).

    `fail(key, problem)` reports a mistake and does not return; rule files and configuration
    files each say where. `also_known` are other keys the caller accepts beside the options
    (for the "did you mean" of a misspelt one)."""
    if not isinstance(given, dict):
        fail("", Text("option_expected_mapping", kind=kind.name, options=", ".join(kind.options) or Text("option_none")))
    result = {}
    for key, value in given.items():
        if key not in kind.options:
            fail(key, Text("option_unknown", kind=kind.name, hint=did_you_mean(key, [*kind.options, *also_known])))
        default = kind.options[key]
        if isinstance(default, dict):
            result[key] = _per_language_option(key, value, kind.option_shapes.get(key), fail)
            continue
        problem = _value_problem(value, default, kind.option_choices.get(key))
        if problem:
            fail(key, problem)
        result[key] = value
    return result


def _value_problem(value, default, allowed) -> Text | None:
    """What is wrong with an option's value, judged by its default's type and its choices."""
    if isinstance(default, bool) or isinstance(value, bool):
        if type(value) is not type(default):
            return Text("option_expected_type", type=type(default).__name__, value=repr(value))
    elif isinstance(default, int):
        if not isinstance(value, int) or value < 1:
            return Text("option_expected_whole_number", value=repr(value))
    elif isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return Text("option_expected_strings", value=repr(value))
    elif not isinstance(value, type(default)):
        return Text("option_expected_type", type=type(default).__name__, value=repr(value))
    if allowed is not None:
        wrong = [v for v in (value if isinstance(value, list) else [value]) if v not in allowed]
        if wrong:
            return Text("option_not_allowed", value=repr(wrong[0]), allowed=", ".join(allowed),
                        hint=did_you_mean(wrong[0], allowed, listing=False))
    return None


def _per_language_option(key, value, shape, fail) -> dict:
    """A per-language option: {language: value}, or one value for every language. A value is a
    whole number, or (when the kind names a vocabulary shape for it) a vocabulary list."""
    value = dict(value) if isinstance(value, dict) else dict.fromkeys(LANGUAGES, value)
    for language, each in value.items():
        where = f"{key}.{language}"
        if language not in LANGUAGES:
            fail(where, Text("pack_unknown_language", languages=", ".join(LANGUAGES)))
        if shape is None:
            problem = _value_problem(each, 1, None)
            if problem:
                fail(where, problem)
        else:
            if shape == "mapping" and isinstance(each, list):  # terms without a plainer word
                each = value[language] = dict.fromkeys(each)
            try:
                _check_shape("", where, each, shape)
            except PackError as error:  # FILE: KEY: problem, said here at the option's own key
                fail(where, error.text.params["problem"])
    return value


def merged_options(kind, current: dict, given: dict) -> dict:
    """`given` (validated) laid over `current`: a per-language option keeps the languages
    `given` does not name."""
    options = dict(current)
    for key, value in given.items():
        options[key] = {**options.get(key, {}), **value} if isinstance(kind.options[key], dict) else value
    return options


def vocabulary_with_options(kind, languages: dict, options: dict, lookup) -> dict:
    """The rule's vocabulary as its options change it (a kind may declare how, for example
    extra terms); `lookup(language, key)` gives a shared list the rule does not hold itself."""
    change = kind.vocabulary_with_options
    return change(languages, options, lookup) if change else languages
