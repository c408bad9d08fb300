"""Shareable reports: Markdown and a single self-contained HTML file (no external assets).

Both show the summary, the sources with their dates, every contradiction with both
sentences side by side and the reasons, the agreements, and the sentences told by one
source only. Right-to-left scripts (Arabic, Hebrew, Persian, Urdu) are marked dir="rtl".
"""

from __future__ import annotations

import html

from checker.schema import FindingSide, PairFinding, Report

RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"}


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _side_md(side: FindingSide) -> str:
    date = f", {side.date}" if side.date else ""
    dates = "".join(f" _[{_md(m.text)} = {m.date}]_" for m in side.mentioned_dates)
    return f"**{_md(side.source)}** ({side.language}{date}): {_md(side.text)}{dates}"


def _scores(f: PairFinding) -> str:
    return (
        f"A⇒B c {f.a_to_b.contradiction:.2f} e {f.a_to_b.entailment:.2f}; "
        f"B⇒A c {f.b_to_a.contradiction:.2f} e {f.b_to_a.entailment:.2f}; sim {f.similarity:.2f}"
    )


def report_markdown(report: Report) -> str:
    s = report.summary
    verdict = (
        f"No contradiction at or above {report.thresholds.contradiction:.2f}."
        if s.consistent
        else f"**{s.contradictions} contradiction(s) found.**"
    )
    lines = [
        "# checker report",
        "",
        verdict,
        "",
        f"{s.pairs_checked} pairs checked ({s.nli_calls} NLI calls): {s.contradictions} "
        f"contradictions, {s.agreements} agreements, {s.unrelated} unrelated. "
        f"Languages: {', '.join(s.languages) or '-'}.",
        "",
        "| source | language | date | sentences |",
        "|---|---|---|---|",
    ]
    for src in report.sources:
        lines.append(
            f"| {_md(src.name)} | {src.language} | {src.date or ''} | {src.sentence_count} |"
        )
    for title, findings in (
        ("Contradictions", report.contradictions),
        ("Agreements", report.agreements),
    ):
        if not findings:
            continue
        lines += ["", f"## {title}", "", "| # | conf. | A | B | why |", "|---|---|---|---|---|"]
        for n, f in enumerate(findings, 1):
            why = "; ".join(x for x in (f.reason, f.timeline, _scores(f)) if x)
            lines.append(
                f"| {n} | {f.confidence:.2f} | {_side_md(f.a)} | {_side_md(f.b)} | {_md(why)} |"
            )
    if report.unmatched:
        lines += ["", "## Told by one source only", ""]
        for u in report.unmatched:
            lines.append(f"- **{_md(u.source)}** ({u.language}): {_md(u.text)}")
    if report.warnings:
        lines += ["", "## Warnings", ""] + [f"- {_md(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Naskh Arabic",sans-serif;
margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
.verdict{font-weight:700;padding:.5rem .8rem;border-radius:.3rem}
.bad{background:#fde2e1;color:#8a1111}.good{background:#e3f6e5;color:#155d27}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3;text-align:start}
.pair td.text{width:38%}.meta{color:#555;font-size:.85rem;display:block;margin-bottom:.2rem}
.why{font-size:.85rem;color:#444}.reason{color:#8a5a00;font-weight:600}
td.why-cell{overflow-wrap:normal}
col.n{width:3rem}col.conf{width:4.5rem}col.why{width:17rem}
"""


def _cell(side: FindingSide) -> str:
    direction = "rtl" if side.language in RTL_LANGUAGES else "ltr"
    date = f" · {side.date}" if side.date else ""
    meta = html.escape(f"{side.source} · {side.language}{date}")
    return (
        f'<td class="text"><span class="meta" dir="ltr">{meta}</span>'
        f'<div dir="{direction}" lang="{html.escape(side.language)}">'
        f"{html.escape(side.text)}</div>"
        + "".join(
            f'<span class="meta" dir="ltr">{html.escape(m.text)} = {m.date}</span>'
            for m in side.mentioned_dates
        )
        + "</td>"
    )


def _findings_html(title: str, findings: list[PairFinding]) -> str:
    rows = []
    for n, f in enumerate(findings, 1):
        why = (
            "".join(
                f'<div class="reason">{html.escape(x)}</div>' for x in (f.reason, f.timeline) if x
            )
            + f'<div class="why">{html.escape(_scores(f))}</div>'
        )
        rows.append(
            f'<tr class="pair"><td>{n}</td><td>{f.confidence:.2f}</td>{_cell(f.a)}{_cell(f.b)}'
            f'<td class="why-cell">{why}</td></tr>'
        )
    return (
        f"<h2>{html.escape(title)}</h2><table><colgroup><col class=n><col class=conf><col>"
        "<col><col class=why></colgroup><tr><th>#</th><th>conf.</th><th>A</th><th>B</th>"
        f"<th>why</th></tr>{''.join(rows)}</table>"
    )


def report_html(report: Report) -> str:
    s = report.summary
    verdict = (
        f'<p class="verdict good">No contradiction at or above '
        f"{report.thresholds.contradiction:.2f}</p>"
        if s.consistent
        else f'<p class="verdict bad">{s.contradictions} contradiction(s) found</p>'
    )
    sources = "".join(
        f"<tr><td>{html.escape(src.name)}</td><td>{src.language}</td>"
        f"<td>{src.date or ''}</td><td>{src.sentence_count}</td></tr>"
        for src in report.sources
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>checker report</title><style>{_CSS}</style></head><body>",
        "<h1>checker report</h1>",
        verdict,
        f"<p>{s.pairs_checked} pairs checked ({s.nli_calls} NLI calls): {s.contradictions} "
        f"contradictions, {s.agreements} agreements, {s.unrelated} unrelated. Languages: "
        f"{html.escape(', '.join(s.languages) or '-')}.</p>",
        "<table><tr><th>source</th><th>language</th><th>date</th><th>sentences</th></tr>"
        f"{sources}</table>",
    ]
    if report.contradictions:
        parts.append(_findings_html("Contradictions", report.contradictions))
    if report.agreements:
        parts.append(_findings_html("Agreements", report.agreements))
    if report.unmatched:
        items = "".join(
            f'<li><b>{html.escape(u.source)}</b>: <span dir="'
            f'{"rtl" if u.language in RTL_LANGUAGES else "ltr"}">{html.escape(u.text)}</span></li>'
            for u in report.unmatched
        )
        parts.append(f"<h2>Told by one source only</h2><ul>{items}</ul>")
    if report.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings)
        parts.append(f"<h2>Warnings</h2><ul>{items}</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
