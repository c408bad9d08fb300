"""Rich terminal views. Plain text when stdout is not a terminal (rich decides)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.report.common import also_in, confidence_cell, copies_line, group_pairs
from checker.schema import (
    Alignment,
    FindingSide,
    PairFinding,
    Report,
    Source,
)


def _side(side: FindingSide) -> Text:
    meta = f"{side.source} · {side.language}" + (f" · {side.date}" if side.date else "")
    text = Text(meta, style="bold cyan")
    text.append("\n")
    text.append(side.text)
    if side.gloss:
        text.append(f"\n{side.gloss.language}: {side.gloss.text}", style="italic green")
    if side.cited:
        text.append(f"\ncites: {', '.join(side.cited)}", style="dim")
    if copies := copies_line(side):
        text.append(f"\n{copies}", style="dim")
    if side.mentioned_dates:
        dates = ", ".join(f"{m.text} = {m.date}" for m in side.mentioned_dates)
        text.append(f"\ndates: {dates}", style="magenta")
    return text


def _scores(f: PairFinding) -> Text:
    text = Text(
        f"A⇒B  c {f.a_to_b.contradiction:.2f}  e {f.a_to_b.entailment:.2f}\n"
        f"B⇒A  c {f.b_to_a.contradiction:.2f}  e {f.b_to_a.entailment:.2f}\n"
        f"sim  {f.similarity:.2f}"
    )
    if f.reason:
        text.append(f"\n{f.reason}", style="bold yellow")
    if f.timeline:
        text.append(f"\n{f.timeline}", style="bold magenta")
    return text


def _table(title: str, style: str) -> Table:
    table = Table(title=title, title_style=f"bold {style}", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("conf.", justify="right", no_wrap=True)
    table.add_column("A", ratio=1)
    table.add_column("B", ratio=1)
    table.add_column("scores", max_width=44)
    return table


def _findings_table(title: str, findings: Sequence[PairFinding], style: str) -> Table:
    table = _table(title, style)
    for n, f in enumerate(findings, 1):
        table.add_row(str(n), confidence_cell(f), _side(f.a), _side(f.b), _scores(f))
    return table


def _contradictions_table(report: Report) -> Table:
    """One row per contradiction between two claims; reprints' repeats named beneath."""
    table = _table("Contradictions", "red")
    for n, summary in enumerate(report.contradiction_summaries, 1):
        f = report.findings[summary.findings[0]]
        scores = _scores(f)
        repeats = also_in(report, summary)
        if repeats:
            scores.append(f"\n{repeats}", style="cyan")
        table.add_row(str(n), confidence_cell(f), _side(f.a), _side(f.b), scores)
    return table


def _summary(report: Report) -> Panel:
    s = report.summary
    lines = Table.grid(padding=(0, 2))
    lines.add_column(style="bold")
    lines.add_column()
    for src in report.sources:
        date = f", {src.date}" if src.date else ""
        group = f", {src.group}" if src.group else ""
        cites = f"; cites {', '.join(src.cited)}" if src.cited else ""
        lines.add_row(
            src.name, f"{src.language}{date}, {src.sentence_count} sentences{group}{cites}"
        )
    for g in report.groups:
        lines.add_row(
            g.id,
            f"{', '.join(g.sources)} tell one story ({g.mirrored_claims} claims in matching "
            "words or translation): likely one origin",
        )
    verdict = (
        Text(f"✓ no contradiction at or above {report.thresholds.contradiction:.2f}", "bold green")
        if s.consistent
        else Text(
            f"✗ {s.contradictions} contradiction(s) found"
            + (
                f", {s.distinct_contradictions} once reprints are merged"
                if s.distinct_contradictions != s.contradictions
                else ""
            ),
            "bold red",
        )
    )
    counts = Text(
        f"{s.pairs_checked} pairs checked ({s.nli_calls} NLI calls), "
        f"{s.contradictions} contradictions, {s.agreements} agreements, "
        f"{s.unrelated} unrelated; languages: {', '.join(s.languages) or '-'}"
    )
    for line in group_pairs(report):
        lines.add_row("", line)
    return Panel(Group(verdict, counts, lines), title="checker report", expand=True)


def render_report(report: Report, console: Console, *, show_agreements: bool = False) -> None:
    console.print(_summary(report))
    if report.contradiction_summaries:
        console.print(_contradictions_table(report))
    agreements = report.agreements
    if agreements and show_agreements:
        console.print(_findings_table("Agreements", agreements, "green"))
    elif agreements:
        console.print(
            f"{len(agreements)} agreement(s) between sources (--show-agreements to list them)."
        )
    if report.unmatched:
        table = Table(
            title="Told by one source only (no other source agrees or disagrees)",
            title_justify="left",
            expand=True,
        )
        table.add_column("source", no_wrap=True, style="cyan")
        table.add_column("sentence", ratio=1)
        for s in sorted(report.unmatched, key=lambda s: (s.source, s.index)):
            table.add_row(f"{s.source} · {s.language}", s.text)
        console.print(table)
    models = "; ".join(
        f"{m.role}: {m.name}" + (f"@{_short(m.revision)}" if m.revision else "") + f" [{m.backend}]"
        for m in report.models
    )
    console.print(Text(f"models: {models}", style="dim"))


def _short(revision: str) -> str:
    """Commit hashes shortened as git does; package pins like 'pkg==1.2' kept whole."""
    return revision[:12] if re.fullmatch(r"[0-9a-f]{40}", revision) else revision


def render_alignment(alignment: Alignment, console: Console) -> None:
    table = Table(title="Cross-source sentence pairs", show_lines=True, expand=True)
    table.add_column("sim", justify="right", no_wrap=True)
    table.add_column("A", ratio=1)
    table.add_column("B", ratio=1)
    for p in alignment.pairs:
        a = Text(f"{p.a.source} · {p.a.language}\n", style="bold cyan").append(p.a.text, style="")
        b = Text(f"{p.b.source} · {p.b.language}\n", style="bold cyan").append(p.b.text, style="")
        table.add_row(f"{p.similarity:.2f}", a, b)
    if alignment.pairs:
        console.print(table)
    console.print(f"{len(alignment.pairs)} pair(s) across {len(alignment.sources)} sources.")


def render_sentences(
    sources: Sequence[Source], console: Console, *, show_dropped: bool = False
) -> None:
    for src in sources:
        title = f"{src.name} · {src.language}" + (f" · {src.date}" if src.date else "")
        table = Table(title=title, title_justify="left", expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("lang", no_wrap=True)
        table.add_column("sentence", ratio=1)
        for s in src.sentences:
            table.add_row(str(s.index), s.language, s.text)
        console.print(table)
        if not src.sentences:
            console.print(Text(f"{src.name}: no sentences after cleaning", style="bold yellow"))
        if show_dropped and src.dropped:
            dropped = Table(title=f"{src.name}: dropped", title_justify="left", expand=True)
            dropped.add_column("reason", no_wrap=True, style="yellow")
            dropped.add_column("line", ratio=1, style="dim")
            for d in src.dropped:
                dropped.add_row(d.reason, d.text)
            console.print(dropped)
        elif src.dropped:
            console.print(f"{len(src.dropped)} line(s) dropped (--show-dropped to list them).")
