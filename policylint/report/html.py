"""The audit as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched.

It opens in any browser and prints on A4 or Letter: the summary and the coverage matrix
first, then one section per document.
"""

from __future__ import annotations

import os
from html import escape

from policylint.formatters.location import location
from policylint.formatters.safe_text import printable_lines
from policylint.messages import Messages
from policylint.model import SEVERITIES
from policylint.report.audit import MISSING, NOT_APPLICABLE, PRESENT, Audit, DocumentAudit, score_band
from policylint.report.charts import bar_chart
from policylint.report.score import formula_parameters
from policylint.settings.plans import BY_KIND
from policylint.text.languages import is_right_to_left, profile

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#e68a00", "info": "#1565c0"}
RULE_COLOUR = "#5c6bc0"
LANGUAGE_COLOUR = "#00897b"
BAND_COLOURS = ("#c62828", "#e68a00", "#7cb342", "#2e7d32")  # score bands, lowest first
CELL_SYMBOLS = {PRESENT: "✓", MISSING: "✗", NOT_APPLICABLE: "–"}
SEVERITY_PLURALS = {"error": "errors", "warning": "warnings", "info": "infos"}
DOCUMENTS_OPEN = 20  # a report of more documents shows each one's details collapsed

STYLE = """
:root { --error: #c62828; --warning: #e68a00; --info: #1565c0; --ok: #2e7d32; --muted: #666; --line: #d9d9d9; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
       color: #1b1b1b; line-height: 1.45; max-width: 1120px; margin: 0 auto; padding: 24px; font-size: 15px; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin-top: 40px; border-bottom: 2px solid #333; padding-bottom: 4px; }
h3 { margin: 24px 0 8px; font-size: 18px; }
.document h3 { margin: 0 0 4px; display: inline; }
.document summary { cursor: pointer; }
.document summary .meta { margin: 4px 0 8px; }
h4 { margin: 16px 0 4px; font-size: 15px; }
.generated, .meta, .intro { color: var(--muted); }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 24px; padding: 0; list-style: none; }
a { color: #1a4f9c; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.stat .value { display: block; font-size: 28px; font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(470px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 6px; }
table { border-collapse: collapse; width: 100%; }
table.parity { table-layout: fixed; }
table.parity td { overflow-wrap: anywhere; vertical-align: top; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: start; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.matrix-scroll { overflow-x: auto; max-width: 100%; }  /* a wide matrix scrolls alone, not the page */
.matrix { width: auto; }
.matrix th.element { vertical-align: bottom; padding: 6px 2px; }
.matrix th.element span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; }
.matrix th.element small { display: block; color: var(--muted); font-weight: normal; }
.matrix td.cell { text-align: center; min-width: 30px; font-weight: 600; }
.matrix td.present { background: #e8f5e9; color: var(--ok); }
.matrix td.missing { background: #ffebee; color: var(--error); }
.matrix td.not_applicable { background: #f2f2f2; color: #999; }
.matrix td.doc { max-width: 260px; min-width: 120px; }
ul.whole-document { padding-inline-start: 20px; margin: 4px 0 8px; }
ul.whole-document li { margin: 2px 0; }
.score { font-weight: 700; text-align: center; white-space: nowrap; }
.band-0 { color: #c62828; } .band-1 { color: #b36b00; } .band-2 { color: #558b2f; } .band-3 { color: var(--ok); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 20px; padding: 0; list-style: none; color: var(--muted); }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; color: #fff; font-size: 12px; font-weight: 600; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.document { border-top: 1px solid var(--line); padding-top: 16px; margin-top: 24px; }
.fix { margin: 2px 0 6px; }
.findings td.position { white-space: nowrap; font-variant-numeric: tabular-nums; width: 7em; }
.findings td.excerpt { width: 38%; }
q.excerpt { quotes: none; background: #fff3cd; padding: 0 2px; overflow-wrap: anywhere; }
.not-checked { color: var(--error); font-weight: 600; }
code, bdi.path { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 14mm; }
/* the coverage matrix gets landscape pages of its own, so that every column prints */
@page matrix { size: A4 landscape; margin: 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  #documents { break-before: page; }
  #coverage { page: matrix; break-before: page; }
  .matrix-scroll { overflow: visible; }
  .matrix { width: 100%; font-size: 8pt; }
  .matrix td.doc { max-width: 55mm; min-width: 0; }
  .matrix th.element { padding: 4px 1px; }
  .matrix td.cell { min-width: 0; padding: 2px; }
  .charts { grid-template-columns: 1fr 1fr; }
  figure svg { max-width: 100%; height: auto; }
  .document h3, h4 { break-after: avoid; }
}
"""


def render(audit: Audit, language: str) -> str:
    labels = Messages(language)
    _SHOWN_FROM[0] = audited_folder(audit)
    direction = "rtl" if is_right_to_left(language) else "ltr"
    title = labels("report_title")
    body = "\n".join([
        _header(audit, labels),
        _summary(audit, labels),
        _coverage(audit, labels),
        _formula(labels),
        _parity(audit, labels),
        _documents(audit, labels, language),
        f'<footer>policylint {escape(audit.version)}</footer>',
    ])
    # html.escape leaves control characters, which a terminal showing the report would obey
    return printable_lines(
        f'<!DOCTYPE html>\n<html lang="{language}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="policylint {escape(audit.version)}">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _header(audit: Audit, labels: Messages) -> str:
    profile_name = labels("profile_by_kind") if audit.profile == BY_KIND else audit.profile
    generated = labels("generated", version=audit.version, profile=profile_name, date=audit.today)
    sections = [("summary", "summary"), ("coverage", "coverage"), ("score", "score_formula_title"),
                *([("parity", "parity")] if audit.parity else []), ("documents", "details")]
    links = "".join(f'<li><a href="#{anchor}">{escape(labels(key))}</a></li>' for anchor, key in sections)
    return (
        f'<header><h1>{escape(labels("report_title"))}</h1><p class="generated">{escape(generated)}</p>'
        f'<nav aria-label="{escape(labels("contents"))}"><ol>{links}</ol></nav></header>'
    )


def _summary(audit: Audit, labels: Messages) -> str:
    average = audit.average_score()
    stats = [
        ("documents-checked", labels("documents_checked"), len(audit.checked)),
        ("documents-not-checked", labels("documents_not_checked"), len(audit.documents) - len(audit.checked)),
        ("findings", labels("findings"), len(audit.findings)),
        ("average-score", labels("average_score"), "–" if average is None else average),
    ]
    cards = "".join(
        f'<div class="stat" id="stat-{key}"><span class="value">{value}</span>{escape(label)}</div>'
        for key, label, value in stats
    )
    languages = ", ".join(f"{labels.language_name(code)} ({count})" for code, count in audit.language_counts())
    charts = [
        (labels("findings_by_severity"),
         [(labels(SEVERITY_PLURALS[s]), n, SEVERITY_COLOURS[s]) for s, n in audit.severity_counts()]),
        (labels("findings_by_rule"),
         [(f"{rule.code} {_element_or_name(rule, labels)}", n, RULE_COLOUR) for rule, n in audit.rule_counts()]),
        (labels("languages_found"),
         [(labels.language_name(code), n, LANGUAGE_COLOUR) for code, n in audit.language_counts()]),
        (labels("documents_by_score"),
         [(f"{low}–{high}" if low != high else str(low), n, colour)
          for ((low, high), n), colour in zip(audit.score_bands(), BAND_COLOURS)]),
    ]
    figures = "".join(
        f"<figure><figcaption>{escape(caption)}</figcaption>{bar_chart(caption, rows)}</figure>"
        for caption, rows in charts
    )
    return (
        f'<section id="summary"><h2>{escape(labels("summary"))}</h2><div class="stats">{cards}</div>'
        f'<p><strong>{escape(labels("languages_found"))}:</strong> {escape(languages or "–")}</p>'
        f'<div class="charts">{figures}</div>{_needs_work(audit, labels)}</section>'
    )


def _needs_work(audit: Audit, labels: Messages) -> str:
    heading = f'<h3 id="needs-work">{escape(labels("needs_work_first"))}</h3>'
    documents = audit.needs_work_first()
    if not documents:
        return heading + f'<p>{escape(labels("nothing_needs_work"))}</p>'
    rows = "".join(
        f'<tr><td class="score band-{score_band(d.score)}">{d.score}</td><td>{_document_link(d)}</td>'
        f'<td>{_severity_badges(d, labels)}</td>'
        f'<td>{escape(", ".join(_element_or_name(r, labels) for r in d.missing(audit.elements)))}</td></tr>'
        for d in documents
    )
    head = "".join(f"<th>{escape(labels(k))}</th>" for k in ("score", "document", "findings", "missing_elements"))
    return heading + f'<table class="needs-work"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _coverage(audit: Audit, labels: Messages) -> str:
    columns = "".join(
        f'<th class="element" scope="col" title="{escape(rule.code)} {escape(rule.name)}">'
        f"<span>{escape(rule.element[labels.language])}<small>{escape(rule.code)}</small></span></th>"
        for rule in audit.elements
    )
    rows = []
    for document in audit.documents:
        cells = "".join(_cell(document, rule.code, labels) for rule in audit.elements)
        score = "–" if document.score is None else document.score
        band = "" if document.score is None else f" band-{score_band(document.score)}"
        rows.append(
            f'<tr><td class="doc">{_document_link(document)}</td>'
            f"<td>{escape(labels.language_name(document.language) if document.checked else '–')}</td>"
            f'{cells}<td class="score{band}">{score}</td></tr>'
        )
    legend = "".join(
        f"<li>{CELL_SYMBOLS[state]} {escape(labels(key))}</li>"
        for state, key in ((PRESENT, "present"), (MISSING, "missing"), (NOT_APPLICABLE, "not_applicable_explained"))
    )
    return (
        f'<section id="coverage"><h2>{escape(labels("coverage"))}</h2>'
        f'<p class="intro">{escape(labels("coverage_intro"))}</p><ul class="legend">{legend}</ul>'
        f'<div class="matrix-scroll"><table class="matrix"><thead><tr><th scope="col">{escape(labels("document"))}</th>'
        f'<th scope="col">{escape(labels("language"))}</th>{columns}'
        f'<th scope="col">{escape(labels("score"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def _cell(document: DocumentAudit, code: str, labels: Messages) -> str:
    cell = document.cells[code]
    key = "not_applicable" if cell.state == NOT_APPLICABLE else cell.state
    tooltip = labels(key) + (f": {cell.note}" if cell.note else "")
    count = f" {cell.count}" if cell.count > 1 else ""
    return (
        f'<td class="cell {cell.state}" data-state="{cell.state}" data-rule="{escape(code)}" '
        f'title="{escape(tooltip)}">{CELL_SYMBOLS[cell.state]}{count}</td>'
    )


def _formula(labels: Messages) -> str:
    return (
        f'<section id="score"><h2>{escape(labels("score_formula_title"))}</h2>'
        f'<p class="formula">{escape(labels("score_formula", **formula_parameters()))}</p></section>'
    )


def _parity(audit: Audit, labels: Messages) -> str:
    """Which translations agree with their source, and what differs where they do not."""
    if not audit.parity:
        return ""
    rows = []
    for pair in audit.parity:
        if pair.agrees:
            verdict = f'<td class="agrees">{CELL_SYMBOLS[PRESENT]} {escape(labels("translation_agrees"))}</td>'
        else:
            items = "".join(
                f"<li><code>{escape(location(f).label(labels.language))}</code> {escape(f.code)} {escape(f.message)}</li>"
                for f in pair.findings
            )
            differs = labels.count("translation_differs", len(pair.findings))
            verdict = f'<td class="differs">{CELL_SYMBOLS[MISSING]} {escape(differs)}<ul>{items}</ul></td>'
        rows.append(f'<tr><td><bdi class="path">{escape(pair.source)}</bdi></td>'
                    f'<td><bdi class="path">{escape(pair.translation)}</bdi></td>{verdict}</tr>')
    head = "".join(f'<th scope="col">{escape(labels(key))}</th>' for key in ("source", "translation", "parity_verdict"))
    return (
        f'<section id="parity"><h2>{escape(labels("parity"))}</h2>'
        f'<p class="intro">{escape(labels("parity_intro"))}</p>'
        f'<table class="parity"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def _documents(audit: Audit, labels: Messages, language: str) -> str:
    # a browser lays out thousands of documents' findings slowly: past a few, each opens on demand
    opened = " open" if len(audit.documents) <= DOCUMENTS_OPEN else ""
    articles = [_document(audit, document, labels, language, opened) for document in audit.documents]
    return f'<section id="documents"><h2>{escape(labels("details"))}</h2>{"".join(articles)}</section>'


def _document(audit: Audit, document: DocumentAudit, labels: Messages, language: str, opened: str) -> str:
    heading = f'<h3>{_path(document.path)}</h3>'
    parts = [f'<article class="document" id="doc-{document.number}">']
    if not document.checked:
        parts.append(f'{heading}<p class="not-checked">{escape(labels("not_checked", reason=document.reason))}</p></article>')
        return "".join(parts)
    meta = [
        f'{escape(labels("title"))}: {_text(document.title, document.language)}',
        f'{escape(labels("language"))}: {escape(labels.language_name(document.language))}',
        f'{escape(labels("kind"))}: <span title="{escape(_kind_reason(document, labels))}">'
        f'{escape(audit.kind_label(document.kind, language))}</span>' if document.kind else "",
        f'{escape(labels("score"))}: <strong class="score band-{score_band(document.score)}">{document.score}</strong>',
        _severity_badges(document, labels),
    ]
    parts.append(f'<details{opened}><summary>{heading}<p class="meta">{" · ".join(m for m in meta if m)}</p></summary>')
    notes = ([labels("unsupported_language")] if document.language is None else []) + document.notices
    if notes:
        items = "".join(f"<li>{escape(note)}</li>" for note in notes)
        parts.append(f'<div class="notes"><strong>{escape(labels("notes"))}:</strong><ul>{items}</ul></div>')
    groups = audit.grouped(document)
    if not groups:
        parts.append(f'<p class="clean">{escape(labels("no_findings"))}</p>')
    whole = [(rule, f) for rule, findings in groups for f in findings if not f.excerpt]
    if whole:  # one compact list: each such finding is one line, not a one-row table
        items = "".join(
            f'<li data-rule="{escape(rule.name)}"><span class="badge {rule.severity}">{escape(labels(rule.severity))}</span> '
            f"<code>{escape(rule.code)}</code> <strong>{escape(_element_or_name(rule, labels))}</strong>: "
            f"{escape(f.message)} <code>[{escape(rule.name)}]</code></li>"
            for rule, f in whole
        )
        parts.append(f'<section class="whole-document"><h4>{escape(labels("about_whole_document"))}</h4>'
                     f'<ul class="whole-document">{items}</ul></section>')
    groups = [(rule, [f for f in findings if f.excerpt]) for rule, findings in groups]
    head = "".join(f"<th>{escape(labels(k))}</th>" for k in ("position", "excerpt", "what_to_do"))
    for rule, findings in [(rule, findings) for rule, findings in groups if findings]:
        # the rule's fix advice in the report's language; a custom rule may give it in English alone,
        # and then the browser is told so
        fix, written_in = rule.prose("fix", language), rule.prose_language("fix", language)
        fix_lang = "" if written_in == language else f' lang="{written_in}" dir="{profile(written_in).direction}"'
        rows = "".join(
            f'<tr><td class="position"><bdi>{escape(location(f).label(language))}</bdi></td>'
            f'<td class="excerpt">{_excerpt(f, labels)}</td>'
            f"<td>{escape(f.message)}</td></tr>"
            for f in findings
        )
        parts.append(
            f'<section class="rule-group" data-rule="{escape(rule.name)}">'
            f'<h4><span class="badge {rule.severity}">{escape(labels(rule.severity))}</span> '
            f"<code>{escape(rule.code)}</code> {escape(_element_or_name(rule, labels))} "
            f'<code>[{escape(rule.name)}]</code> ({len(findings)})</h4>'
            f'<p class="fix"><strong>{escape(labels("how_to_fix"))}:</strong> <span{fix_lang}>{escape(fix)}</span></p>'
            f'<table class="findings"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>'
        )
    parts.append("</details></article>")
    return "".join(parts)


def _excerpt(finding, labels) -> str:
    """The flagged words (findings about the whole document are listed apart)."""
    return _text(finding.excerpt, finding.language, "excerpt")


def _text(text: str, language: str | None, css_class: str = "") -> str:
    """Words quoted from a document, in its language and direction (Arabic right-to-left)."""
    direction = "rtl" if is_right_to_left(language) else "auto"
    lang = f' lang="{language}"' if language else ""
    klass = f' class="{css_class}"' if css_class else ""
    return f'<q{klass}{lang} dir="{direction}">{escape(text)}</q>'


def _document_link(document: DocumentAudit) -> str:
    return f'<a href="#doc-{document.number}">{_path(document.path)}</a>'


# the folder the report's paths are shown from (audited_folder), set by render
_SHOWN_FROM: list[str] = [""]


def audited_folder(audit: Audit) -> str:
    """The folder every document of the audit lies in (the deepest such), which paths are
    shown from: /home/ana/audits/acme/fr/policy.md is fr/policy.md in an audit of acme/."""
    folders = [os.path.dirname(os.path.abspath(d.path)) for d in audit.documents]
    try:
        return os.path.commonpath(folders) if folders else ""
    except ValueError:  # paths on different drives
        return ""


def _path(path: str) -> str:
    """A document's path relative to the audited folder, breakable after each separator
    (never mid-word); the whole path as given is its tooltip."""
    base = _SHOWN_FROM[0]
    shown = os.path.relpath(os.path.abspath(path), base) if base else path
    pieces = "/<wbr>".join(escape(piece) for piece in shown.replace(os.sep, "/").split("/"))
    return f'<bdi class="path" title="{escape(path)}">{pieces}</bdi>'


def _severity_badges(document: DocumentAudit, labels: Messages) -> str:
    counts = document.severity_counts()
    return " ".join(
        f'<span class="badge {s}" title="{escape(labels(SEVERITY_PLURALS[s]))}">{counts[s]}</span>'
        for s in reversed(SEVERITIES) if counts[s]
    )


def _element_or_name(rule, labels: Messages) -> str:
    return rule.title(labels.language)


def _kind_reason(document, labels: Messages) -> str:
    """Why the document's kind was chosen, in the report's language."""
    return labels.kind_reason(document.kind_reason) if document.kind_reason else ""
