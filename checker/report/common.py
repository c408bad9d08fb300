"""Wording shared by the renderers."""

from __future__ import annotations

from checker.schema import ContradictionSummary, FindingSide, PairFinding, Report


def confidence_cell(finding: PairFinding) -> str:
    """The model's confidence, or which rule decided: never a number no model gave."""
    if finding.confidence is None:
        return f"rule: {finding.decided_by}"
    return f"{finding.confidence:.2f}"


def copies_line(side: FindingSide) -> str | None:
    """'same claim in: wire-ru.txt#3, wire-ar.txt#3' for a claim judged once through
    this sentence on behalf of its reprints/translations."""
    if not side.copies:
        return None
    return "same claim in: " + ", ".join(f"{c.source}#{c.index}" for c in side.copies)


def also_in(report: Report, summary: ContradictionSummary) -> str | None:
    """'also: wire-ru.txt#1 ↔ radio.txt#0, …' for the repeats of one contradiction."""
    rest = report.summary_findings(summary)[1:]
    if not rest:
        return None
    pairs = ", ".join(f"{f.a.source}#{f.a.index} ↔ {f.b.source}#{f.b.index}" for f in rest)
    return f"{' ↔ '.join(summary.between)}; same contradiction also in: {pairs}"


def group_pairs(report: Report) -> list[str]:
    """'G1 ↔ radio.txt: 3 contradictions (9 findings)', once per pair of sides, where a
    group is involved (without groups every side is one source and the table says it)."""
    if not report.groups:
        return []
    counts: dict[tuple[str, ...], list[int]] = {}
    for summary in report.contradiction_summaries:
        key = tuple(sorted(summary.between))
        entry = counts.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] += len(summary.findings)
    return [
        f"{' ↔ '.join(key)}: {n} contradiction(s)" + (f" ({k} findings)" if k != n else "")
        for key, (n, k) in counts.items()
    ]
