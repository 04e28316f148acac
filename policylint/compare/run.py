"""From the paths `compare` is given to a Result the formatters render: each document read and
analysed as `check` reads it (its own configuration's language setting), the pair rules the
translation's plan selects (its configuration's select, ignore and per-file ignores), and a
problem line for a file that cannot be read."""

from __future__ import annotations

from policylint.compare.engine import compare_pair
from policylint.messages import Messages
from policylint.model import Analysis
from policylint.packs import Rule
from policylint.readers import InputError, read_file
from policylint.running.runner import Problem, Result
from policylint.settings.plans import Workspace
from policylint.text.analysis import analyse
from policylint.text.language import detect
from policylint.text.languages import BASE_LANGUAGE


def compare_files(source: str, translations: list[str], workspace: Workspace) -> tuple[Result, dict[str, Rule]]:
    """The differences between the source and each translation, and the rules that ran (by code)."""
    result = Result()
    used: dict[str, Rule] = {}
    source_analysis = _analysed(source, workspace, result)
    for translation in translations:
        analysis = _analysed(translation, workspace, result)
        plan = workspace.plan_for(translation)
        if source_analysis is None or analysis is None or plan is None:
            continue
        planned = plan.rules if plan.rules is not None else plan.pack.rules
        rules = [rule for rule in planned if rule.kind.scope == "pair"]
        used.update((rule.code, rule) for rule in rules)
        result.findings += compare_pair(source_analysis, analysis, plan.pack, plan.settings, rules)
    return result, dict(sorted(used.items()))


def _analysed(path: str, workspace: Workspace, result: Result) -> Analysis | None:
    """The document analysed, or None with one problem line naming the file."""
    plan = workspace.plan_for(path)
    say = Messages(workspace.options.message_language or BASE_LANGUAGE)  # no document language yet
    if plan is None:
        result.problems.append(Problem(path, say("compare_excluded"), "error"))
        return None
    try:
        document = read_file(path)
    except InputError as error:
        result.problems.append(Problem(path, say.text(error), "error"))
        return None
    document.path = path
    result.files_checked += 1
    document = detect(document, plan.language)
    # notices in the messages' language: the run's, else the document's own
    worded = Messages(plan.settings.message_language or document.language or BASE_LANGUAGE)
    result.problems.extend(Problem(path, worded.text(notice), "notice") for notice in document.notices)
    return analyse(document)
