"""Per-file plans: which configuration governs a file, and what it means for checking it.

The command line's options are laid over the configuration file's: a flag given wins,
`--select` replaces the file's selection (and its ignores), `--ignore` adds to the file's
ignores, `--rules-dir` adds folders. Packs are loaded once per set of rule folders and
customised once per configuration file.

A rule's severity and options are settled in layers, each later one winning: the kind's
defaults, the rule file's `options`, the configuration's shorthand keys (`severity`,
`max-revision-age`, `jargon`, `accepted-terms`), its `rules:` entries, then the command line's
`--max-revision-age`. A shorthand sets the option named by the rule that takes it (the rule
file's `shorthands`, or its check kind's), so it never reaches a rule that does not ask for it:
a custom revision-date rule keeps its own `max_age_months`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from policylint.messages import Messages, Text
from policylint.model import SEVERITIES
from policylint.packs import DEFAULT_PROFILE, Pack, Rule, load_pack
from policylint.packs.loading import did_you_mean, join_key, validate_options
from policylint.running.runner import STDIN, Plan, Problem
from policylint.settings import config as configuration
from policylint.settings.config import Config, ConfigError
from policylint.settings.globs import matches, matches_any
from policylint.settings.pack_overrides import customise
from policylint.settings.run_settings import Settings
from policylint.text.languages import BASE_LANGUAGE

DEFAULT_FAIL_ON = "warning"
# what the report names as its profile when each document's kind chose its rules
BY_KIND = "by document kind"


@dataclass(frozen=True)
class Options:
    """What the command line said; None (or empty) leaves the configuration's value."""

    today: dt.date
    message_language: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    rules_dirs: tuple[str, ...] = ()
    language: str | None = None
    kind: str | None = None  # the document kind to assume; None: recognise each file's
    max_revision_age: int | None = None
    fail_on: str | None = None
    config_file: str | None = None
    isolated: bool = False
    exclude: tuple[str, ...] = ()  # --exclude globs, added to the configuration's exclude


class Workspace:
    def __init__(self, options: Options, cwd: str | None = None):
        if options.isolated and options.config_file:
            raise ConfigError("config_and_isolated")
        self.options = options
        self.cwd = Path(cwd or os.getcwd()).resolve()
        self._explicit = configuration.load(Path(options.config_file)) if options.config_file else None
        self._found: dict[Path, Config] = {}
        self._folders: dict[str, Path] = {}  # a path's folder as given -> resolved
        self._loaded: dict[Path, Config] = {}
        self._packs: dict[tuple, Pack] = {}
        self._customised: dict[Config, Pack] = {}
        self._plans: dict[tuple, Plan] = {}  # see plan_for
        self.rules_used: dict[str, Rule] = {}  # every rule some file was checked with, by code
        self.passed_over: dict[Path, int] = {}  # configuration files of other owners, not read
        self.profiles_used: dict[str, None] = {}  # the profiles files were checked with, in order

    # ---- which configuration --------------------------------------------------------------

    def config_for(self, path: str) -> Config:
        """The configuration governing a file: --config, else the nearest file, else defaults."""
        if self.options.isolated:
            return Config()
        if self._explicit is not None:
            return self._explicit
        directory = self._folder(path if path != STDIN else "stdin")
        if directory not in self._found:
            found = configuration.find(directory, self.passed_over)
            if found is None:
                self._found[directory] = Config()
            else:
                if found not in self._loaded:
                    self._loaded[found] = configuration.load(found)
                self._found[directory] = self._loaded[found]
        return self._found[directory]

    @property
    def problems(self) -> list[Problem]:
        """A notice for each configuration file passed over because another user owns it."""
        return [
            Problem(str(path), Messages(self.options.message_language or BASE_LANGUAGE)("config_of_another_owner", owner=owner),
                    "notice")
            for path, owner in self.passed_over.items()
        ]

    def _folder(self, path: str) -> Path:
        """The resolved folder a file is in, resolved once per folder."""
        given = os.path.dirname(path)
        if given not in self._folders:
            self._folders[given] = (self.cwd / given).resolve()
        return self._folders[given]

    def fails(self, finding) -> bool:
        """Whether a finding reaches --fail-on, else its own file's configured fail-on."""
        threshold = self.options.fail_on or self.config_for(finding.path).fail_on or DEFAULT_FAIL_ON
        return threshold != "never" and SEVERITIES.index(finding.severity) >= SEVERITIES.index(threshold)

    # ---- what it means for one file -------------------------------------------------------

    def plan_for(self, path: str) -> Plan | None:
        """How to check `path`, or None when the configuration excludes it. Files whose
        configuration's globs say the same of them share one Plan, made once (a re-check of
        thousands of files would otherwise spend more on planning than on the cache)."""
        config = self.config_for(path)
        relative = self._relative(path, config)
        if matches_any((*config.exclude, *self.options.exclude), relative):
            return None
        pack = self._pack(config)
        kind, kind_source = self._kind(pack, config, relative)
        language = self.options.language or next((lang for glob, lang in config.language if matches(glob, relative)), None)
        # the one other way the path counts: which per-file ignores apply to it
        ignored = tuple(matches(glob, relative) for glob, _ in config.per_file_ignores)
        key = (config, id(pack), kind, kind_source, language, ignored)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(config, pack, relative, kind, kind_source, language)
        return plan

    def _plan(self, config: Config, pack: Pack, relative: str, kind: str | None, kind_source: str,
              language: str | None) -> Plan:
        options = self.options
        named_profile = options.profile or config.profile
        by_kind = None
        if named_profile is not None:  # a profile chosen by name judges every kind of policy
            rules = self._rules(pack, config, relative)
        elif kind is not None:  # a kind chosen by name: its profile's rules
            profile = pack.kinds[kind].profile
            rules = self._rules(pack, config, relative, profile) if profile else []
        else:  # each file's recognised kind picks its profile's rules
            rules = self._rules(pack, config, relative, record=not pack.kinds)
            by_kind = tuple(
                (name, tuple(self._rules(pack, config, relative, k.profile, record=False) if k.profile else ()))
                for name, k in pack.kinds.items()
            )
            if pack.kinds:
                self.profiles_used[BY_KIND] = None
        settings = Settings(today=options.today, message_language=options.message_language, config=config)
        plan = Plan(pack, tuple(rules), settings, language, kind, kind_source, by_kind)
        self.rules_used.update((r.code, r) for r in plan.every_rule())
        return plan

    def kind_labels(self) -> dict[str, dict[str, str]]:
        """What each document kind of the packs used is called, per language (for the report)."""
        return {name: dict(kind.label) for pack in self._packs.values() for name, kind in pack.kinds.items()}

    def _kind(self, pack: Pack, config: Config, relative: str) -> tuple[str | None, str]:
        """The kind the user names for a file (--kind, else the configuration's `kind:`), and
        where it was named; an unknown kind is an error with the kinds there are."""
        known = sorted(pack.kinds)
        if self.options.kind is not None:
            if self.options.kind not in pack.kinds:
                raise ConfigError("option_problem", option="--kind", problem=Text(
                    "config_unknown_kind", kind=repr(self.options.kind), hint=did_you_mean(self.options.kind, known)))
            return self.options.kind, "option"
        for glob, kind in config.kind:
            if kind not in pack.kinds:
                key = "kind" if glob == "**" and len(config.kind) == 1 else f"kind.{glob}"
                raise config.error(key, Text("config_unknown_kind", kind=repr(kind), hint=did_you_mean(kind, known)))
            if matches(glob, relative):
                return kind, "configuration"
        return None, ""

    def _relative(self, path: str, config: Config) -> str:
        """The path relative to the configuration's folder, which its globs are written for."""
        # what Path.relative_to would say, in string operations: this runs once per file
        given = os.path.join(self.cwd, path)
        if os.path.islink(given):
            absolute = str(Path(given).resolve())
        else:  # the same, without resolving the folder again for each of its files
            absolute = os.path.join(self._folder(path), os.path.basename(path))
        root = str(Path(config.root)) if config.root else str(self.cwd)
        inside = root if root.endswith(os.sep) else root + os.sep
        if absolute.startswith(inside):
            return absolute[len(inside):].replace(os.sep, "/")
        return "." if absolute == root else Path(path).as_posix()

    def _pack(self, config: Config) -> Pack:
        folders = tuple(dict.fromkeys(config.rules_dirs + self.options.rules_dirs))
        for folder in config.rules_dirs:  # name the file that asked for a folder that is not there
            if not os.path.isdir(folder):
                raise config.error("rules-dir", Text("config_no_rules_folder", folder=folder))
        if folders not in self._packs:
            self._packs[folders] = load_pack(extra_dirs=folders)
        if config not in self._customised:
            base = self._packs[folders]
            self._customised[config] = customise(base, self._overrides(base, config))
        return self._customised[config]

    def _overrides(self, pack: Pack, config: Config) -> list[tuple[str, dict]]:
        """The configuration's and the command line's changes to rules, as (rule code, entry),
        in the order of the layers (module docstring)."""
        overrides: list[tuple[str, dict]] = []
        for selector, level in config.severity:
            key = f"severity.{selector}"
            overrides += [(rule.code, {"severity": level}) for rule in self._known(pack, config, key, [selector])]
        overrides += self._shorthands(pack, {
            "max-revision-age": config.max_revision_age,
            "jargon": {language: dict(terms) for language, terms in config.jargon},
            "accepted-terms": {language: list(terms) for language, terms in config.accepted_terms},
        }, config.error)
        for selector, entry in config.rules:
            where = f"rules.{selector}"
            given = {name: value for name, value in entry.items() if name != "severity"}
            severity = {"severity": entry["severity"]} if "severity" in entry else {}
            for rule in self._known(pack, config, where, [selector]):
                options = validate_options(rule.kind, given, _raise(config.error, where), ("severity",))
                overrides.append((rule.code, {**severity, **options}))
        flags = {"max-revision-age": self.options.max_revision_age}
        overrides += self._shorthands(pack, flags,
                                      lambda key, problem: ConfigError("option_problem", option=f"--{key}", problem=problem))
        return overrides

    @staticmethod
    def _shorthands(pack: Pack, values: dict, error) -> list[tuple[str, dict]]:
        """Shorthand values (None or empty: not given) as entries for the rules that take them."""
        overrides = []
        for rule in pack.rules:
            for key, option in rule.shorthands.items():
                if values.get(key):
                    given = validate_options(rule.kind, {option: values[key]}, _as_shorthand(error, key))
                    overrides.append((rule.code, given))
        return overrides

    def _rules(self, pack: Pack, config: Config, relative: str, profile: str | None = None,
               record: bool = True) -> list[Rule]:
        """The rules for a file: `profile` (else the named or default one), then the selection,
        ignores and per-file ignores; `record` counts the profile among those the run used."""
        options = self.options
        profile = profile or options.profile or config.profile or DEFAULT_PROFILE
        if options.profile is None and config.profile and config.profile not in pack.profiles:
            raise config.error("profile", Text("config_unknown_profile", profile=repr(config.profile),
                                               profiles=", ".join(sorted(pack.profiles))))
        if record:
            self.profiles_used[profile] = None
        self._known(pack, config, "select", config.select)
        self._known(pack, config, "ignore", config.ignore)
        ignore = list(options.ignore)
        select = options.select
        if select is None:  # the file's selection stands, and the command line's ignores add to it
            select, ignore = config.select, list(config.ignore) + ignore
        for glob, selectors in config.per_file_ignores:
            self._known(pack, config, f"per-file-ignores.{glob}", selectors)
            if matches(glob, relative):
                ignore += selectors
        return pack.select(profile, select, ignore)

    @staticmethod
    def _known(pack: Pack, config: Config, key: str, selectors) -> list[Rule]:
        """The rules the configuration's selectors name; a selector that names none is an error."""
        named: list[Rule] = []
        for selector in selectors:
            if selector.strip().lower() in ("all", "*"):
                named += pack.rules
                continue
            rules = pack.matching(selector)
            if not rules:
                hint = did_you_mean(selector, [name for r in pack.rules for name in (r.name, r.code)], listing=False)
                raise config.error(key, Text("config_unknown_selector", selector=repr(selector), hint=hint))
            named += rules
        return named


def _as_shorthand(error, key: str):
    """A `fail(key, problem)` that names the shorthand key ("jargon.en") instead of the option it
    sets ("extra_terms.en")."""

    def fail(option_key, problem):
        raise error(join_key(key, option_key.partition(".")[2]), problem)

    return fail


def _raise(error, prefix: str):
    """A `fail(key, problem)` for validate_options that raises `error(prefix.key, problem)`."""

    def fail(key, problem):
        raise error(join_key(prefix, key), problem)

    return fail
