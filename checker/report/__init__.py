"""Renderers: they turn a Report, Alignment or source list into text, and do nothing else."""

from checker.report.document import report_html, report_markdown
from checker.report.json import alignment_json, report_json, sentences_json
from checker.report.models import model_panel, model_table, models_json
from checker.report.terminal import render_alignment, render_report, render_sentences

__all__ = [
    "alignment_json",
    "model_panel",
    "model_table",
    "models_json",
    "render_alignment",
    "render_report",
    "render_sentences",
    "report_html",
    "report_markdown",
    "report_json",
    "sentences_json",
]
