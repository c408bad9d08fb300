"""Shareable reports: Markdown and a single self-contained HTML file (no external assets).

Both show the summary, the sources with their dates, every contradiction with both
sentences side by side and the reasons, the agreements, and the sentences told by one
source only. Right-to-left scripts (Arabic, Hebrew, Persian, Urdu) are marked dir="rtl".
"""

from __future__ import annotations

import html

from checker.report.common import (
    NOTES_TITLE,
    also_in,
    confidence_cell,
    copies_line,
    counts_line,
    group_pairs,
    headline,
    noted,
    reason_of,
    scores_line,
)
from checker.schema import FindingSide, PairFinding, Report

RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"}


def md_text(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def _side_md(side: FindingSide) -> str:
    date = f", {side.date}" if side.date else ""
    dates = "".join(f" _[{md_text(m.text)} = {m.date}]_" for m in side.mentioned_dates)
    gloss = f"<br>_{side.gloss.language}: {md_text(side.gloss.text)}_" if side.gloss else ""
    cited = f"<br>cites: {md_text(', '.join(side.cited))}" if side.cited else ""
    copies = f"<br>{md_text(line)}" if (line := copies_line(side)) else ""
    return (
        f"**{md_text(side.source)}** ({side.language}{date}): {md_text(side.text)}"
        f"{dates}{gloss}{cited}{copies}"
    )


def _shown(report: Report) -> list[tuple[str, list[tuple[PairFinding, str | None]]]]:
    """The finding tables: contradictions once per pair of claims (with their repeats in
    reprints named), then agreements."""
    contradictions = [
        (report.findings[c.findings[0]], also_in(report, c)) for c in report.contradiction_summaries
    ]
    return [
        ("Contradictions", contradictions),
        ("Agreements", [(f, None) for f in report.agreements]),
        (NOTES_TITLE, [(f, None) for f in noted(report)]),
    ]


def _groups_lines(report: Report) -> list[str]:
    return [
        f"{g.id}: {', '.join(g.sources)} tell one story ({g.mirrored_claims} claims in matching "
        f"words or translation), likely one origin"
        + (f"; they cite {', '.join(g.cited)}" if g.cited else "")
        for g in report.groups
    ] + group_pairs(report)


def report_markdown(report: Report, title: str = "checker report", level: int = 1) -> str:
    """The report in Markdown; `level` is its title's heading level (a corpus report
    nests one per story)."""
    h, sub = "#" * level, "#" * (level + 1)
    s = report.summary
    said, tone = headline(report)
    said = said.removeprefix("✓ ").removeprefix("✗ ")
    verdict = (
        f"**{said[:1].upper()}{said[1:]}.**" if tone == "bad" else f"{said[:1].upper()}{said[1:]}."
    )
    lines = [
        f"{h} {title}",
        "",
        verdict,
        "",
        f"{counts_line(report)}. Languages: {', '.join(s.languages) or '-'}.",
        "",
        "| source | language | date | sentences | group | cites |",
        "|---|---|---|---|---|---|",
    ]
    for src in report.sources:
        lines.append(
            f"| {md_text(src.name)} | {src.language} | {src.date or ''} | {src.sentence_count} "
            f"| {src.group or ''} | {md_text(', '.join(src.cited))} |"
        )
    if report.groups:
        lines += ["", f"{sub} Sources that tell one story", ""]
        lines += [f"- {md_text(x)}" for x in _groups_lines(report)]
    for name, findings in _shown(report):
        if not findings:
            continue
        lines += ["", f"{sub} {name}", "", "| # | conf. | A | B | why |", "|---|---|---|---|---|"]
        for n, (f, repeats) in enumerate(findings, 1):
            parts = (reason_of(f), *f.notes, f.timeline, scores_line(f), repeats)
            why = "; ".join(x for x in parts if x)
            sides = f"{_side_md(f.a)} | {_side_md(f.b)}"
            lines.append(f"| {n} | {confidence_cell(f)} | {sides} | {md_text(why)} |")
    if report.unmatched:
        lines += ["", f"{sub} Told by one source only", ""]
        for u in report.unmatched:
            lines.append(f"- **{md_text(u.source)}** ({u.language}): {md_text(u.text)}")
    if report.warnings:
        lines += ["", f"{sub} Warnings", ""] + [f"- {md_text(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Naskh Arabic",sans-serif;
margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
.verdict{font-weight:700;padding:.5rem .8rem;border-radius:.3rem}
.bad{background:#fde2e1;color:#8a1111}.good{background:#e3f6e5;color:#155d27}.partial{background:#fff4d6;color:#6b4e00}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3;text-align:start}
.pair td.text{width:38%}.meta{color:#555;font-size:.85rem;display:block;margin-bottom:.2rem}
.why{font-size:.85rem;color:#444}.reason{color:#8a5a00;font-weight:600}
.note{color:#7a5c00;font-size:.85rem}
td.why-cell{overflow-wrap:normal}.gloss{color:#1d5e2c;font-style:italic;margin-top:.3rem}
.repeats{font-size:.85rem;color:#14587a;margin-top:.3rem;overflow-wrap:anywhere}
col.n{width:3rem}col.conf{width:4.5rem}col.why{width:17rem}
"""


def _cell(side: FindingSide) -> str:
    direction = "rtl" if side.language in RTL_LANGUAGES else "ltr"
    date = f" · {side.date}" if side.date else ""
    meta = html.escape(f"{side.source} · {side.language}{date}")
    gloss = (
        f'<div class="gloss" dir="{"rtl" if side.gloss.language in RTL_LANGUAGES else "ltr"}" '
        f'lang="{html.escape(side.gloss.language)}">{html.escape(side.gloss.text)}</div>'
        if side.gloss
        else ""
    )
    cited = (
        f'<span class="meta" dir="auto">cites: {html.escape(", ".join(side.cited))}</span>'
        if side.cited
        else ""
    )
    if line := copies_line(side):
        cited += f'<span class="meta copies" dir="ltr">{html.escape(line)}</span>'

    return (
        f'<td class="text"><span class="meta" dir="ltr">{meta}</span>'
        f'<div dir="{direction}" lang="{html.escape(side.language)}">'
        f"{html.escape(side.text)}</div>{gloss}{cited}"
        + "".join(
            f'<span class="meta" dir="ltr">{html.escape(m.text)} = {m.date}</span>'
            for m in side.mentioned_dates
        )
        + "</td>"
    )


def _findings_html(
    title: str, findings: list[tuple[PairFinding, str | None]], heading: str = "h2"
) -> str:
    rows = []
    for n, (f, repeats) in enumerate(findings, 1):
        why = (
            "".join(
                f'<div class="reason">{html.escape(x)}</div>'
                for x in (reason_of(f), f.timeline)
                if x
            )
            + "".join(f'<div class="note">{html.escape(x)}</div>' for x in f.notes)
            + f'<div class="why">{html.escape(scores_line(f))}</div>'
            + (f'<div class="repeats">{html.escape(repeats)}</div>' if repeats else "")
        )
        rows.append(
            f'<tr class="pair"><td>{n}</td><td>{html.escape(confidence_cell(f))}</td>'
            f"{_cell(f.a)}{_cell(f.b)}"
            f'<td class="why-cell">{why}</td></tr>'
        )
    return (
        f"<{heading}>{html.escape(title)}</{heading}><table><colgroup><col class=n>"
        "<col class=conf><col><col><col class=why></colgroup>"
        f"<tr><th>#</th><th>conf.</th><th>A</th><th>B</th><th>why</th></tr>{''.join(rows)}</table>"
    )


def report_html(report: Report) -> str:
    return html_page("checker report", report_html_body(report))


def html_page(title: str, body: list[str]) -> str:
    """One self-contained page: the shared style, then `body`."""
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="en"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
                *body,
                "</body></html>",
            ]
        )
        + "\n"
    )


def report_html_body(report: Report, title: str = "checker report", level: int = 1) -> list[str]:
    """The report's HTML without the page around it (the corpus page holds many)."""
    h, sub = f"h{level}", f"h{level + 1}"
    s = report.summary
    said, tone = headline(report)
    said = said.removeprefix("✓ ").removeprefix("✗ ")
    verdict = f'<p class="verdict {tone}">{html.escape(said[:1].upper() + said[1:])}</p>'
    sources = "".join(
        f"<tr><td>{html.escape(src.name)}</td><td>{src.language}</td>"
        f"<td>{src.date or ''}</td><td>{src.sentence_count}</td><td>{src.group or ''}</td>"
        f'<td dir="auto">{html.escape(", ".join(src.cited))}</td></tr>'
        for src in report.sources
    )
    parts = [
        f"<{h}>{html.escape(title)}</{h}>",
        verdict,
        f"<p>{html.escape(counts_line(report))}. Languages: "
        f"{html.escape(', '.join(s.languages) or '-')}.</p>",
        "<table><tr><th>source</th><th>language</th><th>date</th><th>sentences</th>"
        f"<th>group</th><th>cites</th></tr>{sources}</table>",
    ]
    if report.groups:
        items = "".join(f'<li dir="auto">{html.escape(x)}</li>' for x in _groups_lines(report))
        parts.append(f"<{sub}>Sources that tell one story</{sub}><ul>{items}</ul>")
    for name, findings in _shown(report):
        if findings:
            parts.append(_findings_html(name, findings, sub))
    if report.unmatched:
        items = "".join(
            f'<li><b>{html.escape(u.source)}</b>: <span dir="'
            f'{"rtl" if u.language in RTL_LANGUAGES else "ltr"}">{html.escape(u.text)}</span></li>'
            for u in report.unmatched
        )
        parts.append(f"<{sub}>Told by one source only</{sub}><ul>{items}</ul>")
    if report.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings)
        parts.append(f"<{sub}>Warnings</{sub}><ul>{items}</ul>")
    return parts
