"""Renderers for `checker verify`: the draft itself, each sentence marked with its
verdict, the evidence under each flagged sentence. Terminal, Markdown, one HTML file
(evidence opens under a sentence; right-to-left sources shown so), JSON."""

from __future__ import annotations

import html

from rich.columns import Columns
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.draft.run import distinct, where
from checker.draft.schema import DraftSentence, Evidence, SentenceVerdict, VerifyReport
from checker.report.document import RTL_LANGUAGES, html_page, md_text, report_html_body
from checker.report.terminal import render_report

MARK = {
    SentenceVerdict.CONTRADICTED: ("✗", "contradicted", "bold red"),
    SentenceVerdict.NOT_IN_SOURCES: ("?", "not in the sources", "bold yellow"),
    SentenceVerdict.SUPPORTED: ("✓", "supported", "green"),
    SentenceVerdict.UNVERIFIED: ("·", "unverified", "cyan"),
    SentenceVerdict.NOT_A_CLAIM: ("–", "not a claim", "dim"),
}
FLAGGED = (SentenceVerdict.CONTRADICTED, SentenceVerdict.NOT_IN_SOURCES)


def summary_line(report: VerifyReport) -> str:
    """'18 sentences: 1 contradicted, 12 supported, 2 not in the sources, …'."""
    s = report.summary
    parts = [f"{s.contradicted} contradicted"]
    if s.nli_calls is not None:
        parts.append(f"{s.supported} supported")
    parts.append(f"{s.not_in_sources} not in the sources")
    if s.unverified:
        parts.append(f"{s.unverified} unverified (no NLI model)")
    if s.not_a_claim:
        parts.append(f"{s.not_a_claim} not a claim")
    rules_only = "rules only: " if s.nli_calls is None else ""
    return f"{rules_only}{s.sentences} sentences: " + ", ".join(parts)


def _tone(report: VerifyReport) -> str:
    """bad: a sentence contradicted; partial: something the sources do not support, or
    no NLI model read the draft (never shown as a pass); good otherwise."""
    s = report.summary
    if not s.passed:
        return "bad"
    return "partial" if s.not_in_sources or s.unverified or s.nli_calls is None else "good"


def _shown_evidence(line: DraftSentence) -> list[Evidence]:
    """What a reader needs under a sentence: what contradicts it (and what supports it
    beside that), or for a sentence not in the sources its two closest stretches."""
    if line.verdict is SentenceVerdict.CONTRADICTED:
        return distinct([e for e in line.evidence if e.verdict in ("contradicts", "supports")])[:4]
    if line.verdict is SentenceVerdict.NOT_IN_SOURCES:
        return distinct(sorted(line.evidence, key=lambda e: -e.similarity))[:2]
    return []


def _evidence_facts(e: Evidence) -> str:
    scores = (
        f"source ⇒ draft: c {e.nli.contradiction:.2f} e {e.nli.entailment:.2f} "
        f"n {e.nli.neutral:.2f}"
        if e.nli
        else "no NLI model ran"
    )
    return f"{e.verdict}; {scores}; sim {e.similarity:.2f}"


def render_verify(report: VerifyReport, console: Console) -> None:
    """The draft, sentence by sentence with its mark; evidence under each flagged one;
    the summary first and last."""
    tone = _tone(report)
    style = {"bad": "bold red", "good": "bold green"}.get(tone, "bold yellow")
    mark = {"bad": "✗ ", "good": "✓ "}.get(tone, "")
    head = Text(mark + summary_line(report), style=style)
    sources = ", ".join(f"{x.name} ({x.language})" for x in report.sources)
    console.print(
        Panel(
            Group(head, Text(f"draft: {report.draft.name} · sources: {sources}", style="dim")),
            title="checker verify",
        )
    )
    # the marks' legend; an entry is never broken across lines
    console.print(Columns([Text(f"{s} {label}", style=c) for s, label, c in MARK.values()]))
    for line in report.sentences:
        symbol, label, colour = MARK[line.verdict]
        body: list[Text | Padding] = [
            Text(line.text, style=colour if line.verdict in FLAGGED else "")
        ]
        if line.verdict in FLAGGED:
            body.append(Text(f"{label}: {line.why}", style=colour))
            for e in _shown_evidence(line):
                block = Text(f"{where(e)} · {e.language}\n", style="bold cyan")
                block.append(e.text)
                if e.reason:
                    block.append(f"\n{e.reason}", style="bold yellow")
                for note in e.notes:
                    block.append(f"\n{note}", style="yellow")
                block.append(f"\n{_evidence_facts(e)}", style="dim")
                body.append(Padding(block, (0, 0, 0, 2)))
        elif line.verdict is SentenceVerdict.SUPPORTED:
            body.append(Text(line.why, style="dim"))
        # a hanging indent: every line of a sentence and its evidence under the mark
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, width=1)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(Text(symbol, style=colour), Group(*body))
        console.print(grid)
    if report.sources_report is not None:
        console.print(Text("\nSources against each other (--also-sources)", style="bold"))
        render_report(report.sources_report, console)
    console.print(head)  # warnings go to stderr, as compare's do


def verify_json(report: VerifyReport) -> str:
    return report.model_dump_json(indent=2)


def verify_markdown(report: VerifyReport) -> str:
    """The draft as a list, each sentence marked; evidence under the flagged ones."""
    s = report.summary
    lines = [
        "# checker verify",
        "",
        f"**{summary_line(report)}.**" if not s.passed else f"{summary_line(report)}.",
        "",
        f"Draft: {md_text(report.draft.name)} ({report.draft.language}). Sources: "
        + ", ".join(f"{md_text(x.name)} ({x.language})" for x in report.sources)
        + ".",
        "",
        "## The draft",
        "",
    ]
    for line in report.sentences:
        symbol, label, _ = MARK[line.verdict]
        lines.append(f"- {symbol} **{label}**: {md_text(line.text)}")
        if line.verdict in FLAGGED or line.verdict is SentenceVerdict.SUPPORTED:
            lines.append(f"  - _{md_text(line.why)}_")
        for e in _shown_evidence(line):
            why = "; ".join(x for x in (e.reason, *e.notes, _evidence_facts(e)) if x)
            lines.append(
                f"  - {md_text(where(e))} ({e.language}): {md_text(e.text)} — {md_text(why)}"
            )
    if report.sources_report is not None:
        from checker.report.document import report_markdown

        lines += ["", report_markdown(report.sources_report, "Sources against each other", 2)]
    if report.warnings:
        lines += ["", "## Warnings", ""] + [f"- {md_text(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


_VERIFY_CSS = """<style>
.draft p{margin:.2rem 0}.s{border-radius:.2rem;padding:0 .15rem}
.contradicted>summary .t{background:#fde2e1;color:#8a1111}
.not_in_sources>summary .t{background:#fff3c4;color:#6b4e00}
.supported>summary .t{background:#e3f6e5}.unverified>summary .t{background:#e6f1fb}
.not_a_claim>summary .t{color:#666}
details.s{margin:.25rem 0}details.s>summary{cursor:pointer;list-style-position:outside}
.label{font-size:.75rem;font-weight:700;text-transform:uppercase;margin-inline-start:.4rem}
.ev{margin:.3rem 0 .6rem 1.5rem;padding:.4rem .6rem;border-inline-start:3px solid #ccc;
font-size:.92rem}.ev .meta{color:#555;font-size:.8rem}
</style>"""


def _evidence_html(e: Evidence) -> str:
    direction = "rtl" if e.language in RTL_LANGUAGES else "ltr"
    extra = "".join(
        f'<div class="reason">{html.escape(x)}</div>' for x in ([e.reason] if e.reason else [])
    ) + "".join(f'<div class="note">{html.escape(n)}</div>' for n in e.notes)
    return (
        f'<div class="ev"><span class="meta" dir="ltr">{html.escape(where(e))} · {e.language} · '
        f"{html.escape(_evidence_facts(e))}</span>"
        f'<div dir="{direction}" lang="{html.escape(e.language)}">{html.escape(e.text)}</div>'
        f"{extra}</div>"
    )


def verify_html(report: VerifyReport) -> str:
    """One page: the draft with each sentence highlighted by verdict; a sentence opens
    to show why and its evidence (flagged ones open already)."""
    klass = _tone(report)
    direction = "rtl" if report.draft.language in RTL_LANGUAGES else "ltr"
    body = [
        _VERIFY_CSS,
        "<h1>checker verify</h1>",
        f'<p class="verdict {klass}">{html.escape(summary_line(report))}</p>',
        f"<p>Draft: {html.escape(report.draft.name)} ({report.draft.language}). Sources: "
        + html.escape(", ".join(f"{x.name} ({x.language})" for x in report.sources))
        + ".</p>",
        f'<div class="draft" dir="{direction}" lang="{html.escape(report.draft.language)}">',
    ]
    for line in report.sentences:
        _, label, _ = MARK[line.verdict]
        evidence = (
            _shown_evidence(line) or [e for e in line.evidence if e.verdict == "supports"][:3]
        )
        opened = " open" if line.verdict in FLAGGED else ""
        body.append(
            f'<details class="s {line.verdict.value}"{opened}><summary>'
            f'<span class="t">{html.escape(line.text)}</span>'
            f'<span class="label">{html.escape(label)}</span></summary>'
            f'<div class="why" dir="ltr">{html.escape(line.why)}</div>'
            + "".join(_evidence_html(e) for e in evidence)
            + "</details>"
        )
    body.append("</div>")
    if report.sources_report is not None:
        body += report_html_body(report.sources_report, "Sources against each other", 2)
    if report.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings)
        body.append(f"<h2>Warnings</h2><ul>{items}</ul>")
    return html_page("checker verify", body)
