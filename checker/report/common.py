"""Wording shared by the renderers."""

from __future__ import annotations

from checker.schema import ContradictionSummary, Report


def also_in(report: Report, summary: ContradictionSummary) -> str | None:
    """'also: wire-ru.txt#1 ↔ radio.txt#0, …' for the repeats of one contradiction."""
    rest = report.summary_findings(summary)[1:]
    if not rest:
        return None
    pairs = ", ".join(f"{f.a.source}#{f.a.index} ↔ {f.b.source}#{f.b.index}" for f in rest)
    return f"{' ↔ '.join(summary.between)}; same contradiction also in: {pairs}"
