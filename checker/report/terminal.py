"""Rich terminal views. Plain text when stdout is not a terminal (rich decides)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.report.common import (
    NOTES_TITLE,
    also_in,
    confidence_cell,
    copies_line,
    counts_line,
    group_pairs,
    headline,
    noted,
    plural,
    reason_of,
    scores_line,
)
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


def _why(f: PairFinding, repeats: str | None = None) -> Text:
    text = Text()
    lines: list[tuple[str, str]] = []
    if reason := reason_of(f):
        lines.append((reason, "bold yellow"))
    lines += [(note, "yellow") for note in f.notes]
    if f.timeline:
        lines.append((f.timeline, "bold magenta"))
    lines.append((scores_line(f), ""))
    if repeats:
        lines.append((repeats, "cyan"))
    for k, (line, style) in enumerate(lines):
        text.append(("\n" if k else "") + line, style=style)
    return text


def _finding_panel(
    n: int, f: PairFinding, style: str, repeats: str | None = None, label: str = ""
) -> Panel:
    """One finding, stacked: A, then B, then why. Side-by-side columns cut sentences
    short in a narrow terminal; stacked, every sentence is shown whole at any width."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row("A", _side(f.a))
    grid.add_row("B", _side(f.b))
    grid.add_row("why", _why(f, repeats))
    title = Text(f"{label}{n} · {confidence_cell(f)}", style=f"bold {style}")
    return Panel(grid, title=title, title_align="left", border_style=style, expand=True)


def _findings(title: str, findings: Sequence[PairFinding], style: str, label: str = "") -> Group:
    panels = [_finding_panel(n, f, style, label=label) for n, f in enumerate(findings, 1)]
    return Group(Text(title, style=f"bold {style}"), *panels)


def _contradictions(report: Report) -> Group:
    """One panel per contradiction between two claims; reprints' repeats named beneath."""
    panels = [
        _finding_panel(n, report.findings[c.findings[0]], "red", also_in(report, c))
        for n, c in enumerate(report.contradiction_summaries, 1)
    ]
    return Group(Text("Contradictions", style="bold red"), *panels)


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
    said, tone = headline(report)
    verdict = Text(said, {"good": "bold green", "bad": "bold red"}.get(tone, "bold yellow"))
    counts = Text(f"{counts_line(report)}; languages: {', '.join(s.languages) or '-'}")
    for line in group_pairs(report):
        lines.add_row("", line)
    return Panel(Group(verdict, counts, lines), title="checker report", expand=True)


def render_report(report: Report, console: Console, *, show_agreements: bool = False) -> None:
    console.print(_summary(report))
    if report.contradiction_summaries:
        console.print(_contradictions(report))
    agreements = report.agreements
    if agreements and show_agreements:
        console.print(_findings("Agreements", agreements, "green"))
    elif agreements:
        n = len(agreements)
        console.print(
            f"{n} {plural(n, 'agreement')} between sources (--show-agreements to list them)."
        )
    if notes := noted(report):
        console.print(_findings(NOTES_TITLE, notes, "yellow", label="note "))
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
    if len(report.contradiction_summaries) + len(noted(report)) > _LONG:
        # a long report scrolls its summary away: the verdict again at the end
        said, tone = headline(report)
        style = {"good": "bold green", "bad": "bold red"}.get(tone, "bold yellow")
        console.print(Text(said, style=style))


# Panels past which a report repeats its verdict at the end.
_LONG = 5


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
    n = len(alignment.pairs)
    paired_by = ", ".join(m.name for m in alignment.models if m.role == "embed")
    console.print(
        f"{n} {plural(n, 'pair')} across {len(alignment.sources)} sources, closest first "
        f"(paired by {paired_by})."
    )


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
