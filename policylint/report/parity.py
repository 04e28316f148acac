"""The report's parity table: the translation sets among the audited documents
(compare.translation_sets), each translation compared with its source as `compare` does."""

from __future__ import annotations

from policylint.compare.run import compare_files
from policylint.compare.translation_sets import translation_sets
from policylint.report.audit import Parity
from policylint.running.runner import Result
from policylint.settings.plans import Workspace


def parity(result: Result, workspace: Workspace) -> list[Parity]:
    """Each translation of each set found among the checked documents, against its source."""
    checked = [file.path for file in result.files if file.summary is not None]
    pairs = []
    for found in translation_sets(checked, lambda path: workspace.config_for(path).translations):
        compared, _ = compare_files(found.source, list(found.translations), workspace)
        for translation in found.translations:
            findings = tuple(f for f in compared.findings if f.path == translation)
            pairs.append(Parity(found.source, translation, findings))
    return pairs
