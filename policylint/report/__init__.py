"""`policylint report`: an audit of a folder of policies, for people (HTML) and spreadsheets.

audit.py builds the data once; html.py, tables.py render it, in words from the message
catalogue (policylint/messages); score.py the 0-100 score and its stated formula.
"""

from policylint.report import html, tables
from policylint.report.audit import build_audit

# format -> render(audit, language) -> text
RENDERERS = {"html": html.render, "csv": tables.render_csv, "json": tables.render_json}

__all__ = ["RENDERERS", "build_audit"]
