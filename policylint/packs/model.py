"""The rule model: rules, profiles and a pack, and how a run chooses its rules from a pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policylint.checks import CHECK_KINDS, CheckKind
from policylint.messages import Text, TextError
from policylint.text.languages import BASE_LANGUAGE

DEFAULT_PROFILE = "customer-service"
BUILTIN = "built-in"
# configuration keys (and command-line flags) that set one option of the rules that take them:
# a check kind's `shorthands` reach all its rules, a rule file's `shorthands` that rule alone
SHORTHAND_KEYS = ("max-revision-age", "jargon", "accepted-terms")


class PackError(TextError):
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
    # short label of the policy element the rule looks for ("Scope"), per language; rules
    # without one are about wording rather than a missing part
    element: dict[str, str] = field(default_factory=dict)
    # the first sentence to complete under the element's heading, per language (an editor's
    # quick fix inserts both where the element is missing)
    skeleton: dict[str, str] = field(default_factory=dict)
    pack: str = BUILTIN  # the folder of a custom pack, or BUILTIN
    # configuration key -> the option it sets (the kind's `shorthands` and the file's own)
    shorthands: dict[str, str] = field(default_factory=dict)
    # the rule whose element this one judges (stale-revision-date judges the revision date):
    # when that rule finds its element missing, this rule's element is not applicable
    requires: str = ""
    # what reports and charts call a rule that names no element ("Long sentence"), per language
    label: dict[str, str] = field(default_factory=dict)

    # summary, rationale or fix -> language -> text: every language in a built-in rule, the
    # languages a custom rule gives (none when it gives English alone)
    translated: dict[str, dict[str, str]] = field(default_factory=dict)

    def prose(self, key: str, language: str) -> str:
        """The rule's summary, rationale or fix in a language, else in English."""
        return self.translated.get(key, {}).get(language) or getattr(self, key)

    def prose_language(self, key: str, language: str) -> str:
        """The language `prose(key, language)` is written in: `language` when the rule gives
        the text in it, else English (a custom rule's English-only text)."""
        return language if self.translated.get(key, {}).get(language) else BASE_LANGUAGE

    def title(self, language: str) -> str:
        """The rule's name for people in a language: its element, else its label, else its name."""
        return self.element.get(language) or self.label.get(language) or self.name

    @property
    def kind(self) -> CheckKind:
        return CHECK_KINDS[self.check]

    def covers(self, language: str | None) -> bool:
        """Whether the rule can judge text in this language (None: an unsupported one)."""
        return self.kind.neutral or language in self.languages

    def text(self, texts: dict[str, str], language: str) -> str:
        """A message in the wanted language, else English, else the first the rule gives."""
        return texts.get(language) or texts.get(BASE_LANGUAGE) or next(iter(texts.values()))


@dataclass(frozen=True)
class Profile:
    name: str
    summary: str
    selectors: tuple[str, ...]  # rule names, codes or code prefixes
    path: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of document (returns policy, privacy notice...): how to recognise it, per
    language, and the profile whose rules judge it (None: not a policy, no rule applies)."""

    name: str
    profile: str | None
    label: dict[str, str]  # what the kind is called, per language
    title_terms: dict[str, tuple[str, ...]]  # per language: words of a title naming this kind
    words: dict[str, tuple[str, ...]]  # per language: words the body of this kind uses
    path: str = ""
    # per language: verbs of reported speech ("said", "a déclaré"): a text whose sentences report
    # what someone said is an article about a document, not the document (not-a-policy only)
    reporting: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Pack:
    rules: list[Rule]
    language_data: dict[str, dict[str, Any]]
    profiles: dict[str, Profile] = field(default_factory=dict)
    kinds: dict[str, Kind] = field(default_factory=dict)
    # compiled vocabulary, filled by the engine: (rule code, key, language) -> Matcher
    matchers: dict = field(default_factory=dict, repr=False)
    # Pack.select's answers, by its arguments
    selections: dict = field(default_factory=dict, repr=False)

    def rule(self, name_or_code: str) -> Rule | None:
        wanted = name_or_code.strip().lower()
        return next((r for r in self.rules if wanted in (r.name, r.code.lower())), None)

    def vocabulary(self, rule: Rule, language: str, key: str):
        """A rule's own list for a language, else the language data's list of that name."""
        own = rule.languages.get(language, {})
        if key in own:
            return own[key]
        return self.language_data.get(language, {}).get(key, [])

    def months(self, language: str | None) -> dict:
        """A language's month names by number, as the date reader takes them ({} when unknown)."""
        return self.language_data.get(language or "", {}).get("months", {})

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: a rule name, a code, or a code prefix ("PL1"), as in ruff."""
        wanted = selector.strip().lower()
        return [r for r in self.rules if wanted == r.name or r.code.lower().startswith(wanted)]

    def profiles_of(self, rule: Rule) -> list[str]:
        return [p.name for p in self.profiles.values() if rule in self.select(p.name, custom=False)]

    def select(
        self,
        profile: str = DEFAULT_PROFILE,
        select: tuple[str, ...] | list[str] = (),
        ignore: tuple[str, ...] | list[str] = (),
        custom: bool = True,
    ) -> list[Rule]:
        """The rules a run uses.

        The profile chooses among the built-in rules; custom packs' rules and the pair rules
        (which only `compare` runs) are added to it.
        `select`, when given, replaces that set (as ruff's does); `ignore` removes from it.
        An unknown profile, rule name or code is an error, so a typo never disables a check.
        The answer is kept: a run asks the same question for every file.
        """
        key = (profile, tuple(select), tuple(ignore), custom)
        if key not in self.selections:
            self.selections[key] = self._select(profile, select, ignore, custom)
        return list(self.selections[key])

    def _select(self, profile, select, ignore, custom) -> list[Rule]:
        if profile not in self.profiles:
            raise PackError("pack_unknown_profile_choice", name=repr(profile), profiles=", ".join(sorted(self.profiles)))
        chosen = {r.code for s in self.profiles[profile].selectors for r in self._known(s, Text("pack_in_profile", name=profile))}
        # the translations of any kind of policy must agree: every profile has the pair rules
        # (only `compare` runs them)
        chosen |= {r.code for r in self.rules if r.kind.scope == "pair"}
        if custom:
            chosen |= {r.code for r in self.rules if r.pack != BUILTIN}
        if select:
            chosen = {r.code for s in select for r in self._known(s, "select")}
        for selector in ignore:
            chosen -= {r.code for r in self._known(selector, "ignore")}
        return [r for r in self.rules if r.code in chosen]

    def _known(self, selector: str, where: Text | str) -> list[Rule]:
        if selector.strip().lower() in ("all", "*"):
            return list(self.rules)
        rules = self.matching(selector)
        if not rules:
            from policylint.packs.loading import did_you_mean  # loading imports this module

            hint = did_you_mean(selector.strip().lower(), [r.name for r in self.rules] + [r.code for r in self.rules],
                                listing=False)
            raise PackError("option_problem", option=where, problem=Text("config_unknown_selector", selector=repr(selector),
                                                                          hint=hint))
        return rules


