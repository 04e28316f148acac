"""Rules described for people: the `rules` listing and `explain`, built from the pack's data."""

from __future__ import annotations

import textwrap

from policylint.messages import Messages
from policylint.model import LANGUAGES
from policylint.packs import Pack, Rule
from policylint.text.languages import BASE_LANGUAGE

SAMPLE_TERMS = 8  # terms shown per vocabulary list; the YAML file holds the rest
WIDTH = 100


def covered_languages(pack: Pack, rule: Rule) -> list[str]:
    """Languages the rule can judge: it has vocabulary there, or needs none."""
    if rule.kind.neutral:
        return list(LANGUAGES)
    listed = [lang for lang in LANGUAGES if rule.covers(lang)]
    if not rule.kind.vocabulary:  # a kind without words is set per language by its options
        per_language = [v for v in rule.options.values() if isinstance(v, dict)]
        return [lang for lang in listed if any(lang in v for v in per_language)] if per_language else listed
    return [lang for lang in listed if any(pack.vocabulary(rule, lang, key) for key in rule.kind.vocabulary)]


def rule_records(pack: Pack, active: set[str], language: str = BASE_LANGUAGE) -> list[dict]:
    """One record per rule, its summary in `language` where the rule gives it; the table and
    the JSON listing are both built from these."""
    return [
        {
            "code": rule.code,
            "name": rule.name,
            "severity": rule.severity,
            "profiles": pack.profiles_of(rule) or ["custom"],
            "languages": covered_languages(pack, rule),
            "enabled": rule.code in active,
            "summary": rule.prose("summary", language),
            "pack": rule.pack,
        }
        for rule in pack.rules
    ]


def rules_table(pack: Pack, active: set[str], say: Messages | None = None) -> str:
    """`policylint rules`: one row per rule, its headings, words and summaries in the language of `say`."""
    say = say or Messages()
    records = rule_records(pack, active, say.language)
    header = tuple(say("rules_columns").split("|"))
    rows = [
        (
            r["code"],
            r["name"] + ("" if r["enabled"] else " " + say("rules_off")),
            say.severity(r["severity"]),
            ",".join(r["profiles"]),
            ",".join(r["languages"]),
            r["summary"],
        )
        for r in records
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1] for row in [header, *rows]]
    enabled = sum(r["enabled"] for r in records)
    lines.append(say.count("rules_footer", len(records), enabled=enabled))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def kind_records(pack: Pack, language: str) -> list[dict]:
    """Each document kind: its name, what it is called in `language`, its profile and the
    rules that profile runs (none for text that is not a policy)."""
    return [
        {
            "name": name,
            "label": kind.label.get(language) or kind.label[BASE_LANGUAGE],
            "profile": kind.profile,
            "rules": [rule.name for rule in pack.select(kind.profile)] if kind.profile else [],
        }
        for name, kind in pack.kinds.items()
    ]


def kinds_table(pack: Pack, language: str) -> str:
    """`policylint rules --kinds`: the kinds policylint recognises and what each is judged on."""
    lines = []
    for record in kind_records(pack, language):
        lines.append(f"{record['name']}: {record['label']}")
        judged = ", ".join(record["rules"]) if record["rules"] else Messages(language)("kinds_no_rule")
        lines.append(f"  {judged}")
    lines.append(Messages(language).count("kinds_footer", len(pack.kinds)))
    return "\n".join(lines) + "\n"


def explanation(rule: Rule, language: str = BASE_LANGUAGE) -> dict[str, str]:
    """What `explain` and an editor's hover say of a rule, each on one line, in `language` where
    the rule gives it: why it matters, what it looks for, how to fix it."""
    return {"why": " ".join(rule.prose("rationale", language).split()),
            "what": Messages(language)(rule.kind.looks_for_key),
            "fix": " ".join(rule.prose("fix", language).split())}


def explain_rule(pack: Pack, rule: Rule, languages=LANGUAGES, words: Messages | None = None) -> str:
    """The rule described for a person, its headings in the message language of `words`."""
    say = words or Messages()
    profiles = ", ".join(pack.profiles_of(rule)) or say("explain_custom_pack", pack=rule.pack)
    language = say.language
    out = [f"{rule.code} {rule.name}: {rule.prose('summary', language)}",
           say("explain_severity", severity=say.severity(rule.severity), profiles=profiles), ""]
    parts = explanation(rule, language)
    out += _section(say("explain_why"), parts["why"])
    out += _section(say("explain_looks_for"), parts["what"])
    for language in languages:
        lists = [(key, pack.vocabulary(rule, language, key)) for key in rule.kind.vocabulary]
        lists = [(key, terms) for key, terms in lists if terms]
        if lists:
            out.append(f"  {say.language_name(language)}:")
            for key, terms in lists:
                shown = list(terms)[:SAMPLE_TERMS]
                more = say("explain_more_terms", count=len(terms) - len(shown)) if len(terms) > len(shown) else ""
                out.append(textwrap.fill(f"{key}: " + "; ".join(shown) + more, WIDTH,
                                         initial_indent="    ", subsequent_indent="      "))
    options = {k: v for k, v in rule.options.items()}
    if options:
        out.append(f"  {say('explain_options')} " + "; ".join(f"{k} = {v}" for k, v in options.items()))
    out.append("")
    out += _section(say("explain_fix"), parts["fix"])
    out.append(say("explain_examples"))
    verdicts = {"pass": say("explain_passes"), "fail": say("explain_fails")}
    label_width = max(len(label) for label in verdicts.values())
    for language in [lang for lang in languages if lang in rule.examples]:
        pair = rule.examples[language]
        out.append(f"  {say.language_name(language)}:")
        for verdict, label in verdicts.items():
            text = " ".join(example_text(pair[verdict][0]).split())
            out.append(textwrap.fill(f"{label.ljust(label_width)} {text}", WIDTH, initial_indent="    ",
                                     subsequent_indent=" " * (label_width + 5)))
    return "\n".join(out) + "\n"


def example_text(example: str | dict[str, str]) -> str:
    """An example as one text: a pair rule's example is its source, then its translation."""
    if isinstance(example, dict):
        return f"{example['source']} → {example['translation']}"
    return example


def _section(title: str, text: str) -> list[str]:
    return [title, textwrap.fill(" ".join(text.split()), WIDTH, initial_indent="  ", subsequent_indent="  "), ""]
