"""Wording shared by the renderers."""

from __future__ import annotations

from checker.schema import ContradictionSummary, FindingSide, PairFinding, Report, Verdict


def confidence_cell(finding: PairFinding) -> str:
    """The model's confidence, or which rule decided: never a number no model gave, and
    "not judged" where nothing did (--nli-model none)."""
    if finding.decided_by == "none":
        return "not judged"
    if finding.confidence is None:
        return f"rule: {finding.decided_by}"
    return f"{finding.confidence:.2f}"


def scores_line(finding: PairFinding) -> str:
    """Both directions' NLI scores and the similarity on one line; "—" for scores no
    model produced (--nli-model none)."""
    sim = f"sim {finding.similarity:.2f}" + (" (best match)" if finding.best_match else "")
    ab, ba = finding.a_to_b, finding.b_to_a
    if ab is None or ba is None:
        return f"A⇒B —  B⇒A — (no NLI model ran); {sim}"
    return (
        f"A⇒B c {ab.contradiction:.2f} e {ab.entailment:.2f}; "
        f"B⇒A c {ba.contradiction:.2f} e {ba.entailment:.2f}; {sim}"
    )


def nli_calls(report: Report) -> str:
    """'12 NLI calls', or that no NLI model ran."""
    calls = report.summary.nli_calls
    return "no NLI model" if calls is None else f"{calls} NLI calls"


def headline(report: Report) -> tuple[str, str]:
    """The verdict line and its tone ("good", "bad" or "partial"). Without an NLI model
    no pass is claimed: the rules ran, the pairs were not judged, and no threshold is
    shown that nothing used."""
    s = report.summary
    merged = (
        f", {s.distinct_contradictions} once reprints are merged"
        if s.distinct_contradictions != s.contradictions
        else ""
    )
    unjudged = f"{s.not_judged} {plural(s.not_judged, 'pair')} not judged"
    if s.nli_calls is None:
        if s.contradictions:
            found = f"{s.contradictions} figure or people {plural(s.contradictions, 'conflict')}"
            return f"✗ rules only: {found}{merged}; {unjudged}", "bad"
        return f"rules only: no figure or people conflict; {unjudged}", "partial"
    if s.consistent:
        return f"✓ no contradiction at or above {report.thresholds.contradiction:.2f}", "good"
    return f"✗ {s.contradictions} {plural(s.contradictions, 'contradiction')} found{merged}", "bad"


def counts_line(report: Report) -> str:
    """'31 pairs checked (62 NLI calls): 7 contradictions, 17 agreements, 7 unrelated',
    or without a model how many pairs the rules alone could not judge."""
    s = report.summary
    head = f"{s.pairs_checked} {plural(s.pairs_checked, 'pair')} checked ({nli_calls(report)})"
    if s.nli_calls is None:
        return (
            f"{s.pairs_checked} {plural(s.pairs_checked, 'pair')} read by the rules alone (no "
            f"NLI model): {s.contradictions} {plural(s.contradictions, 'conflict')}, "
            f"{s.not_judged} not judged"
        )
    return (
        f"{head}: {s.contradictions} {plural(s.contradictions, 'contradiction')}, "
        f"{s.agreements} {plural(s.agreements, 'agreement')}, {s.unrelated} unrelated"
    )


def plural(n: int, word: str) -> str:
    """'1 pair', '2 pairs': the word as the count wants it."""
    return word if n == 1 else word + "s"


def reason_of(finding: PairFinding) -> str | None:
    """Why a finding is what it is, in words: the rule's reason, or for a verdict the
    model alone made, that the model read the two sentences so."""
    if finding.reason:
        return finding.reason
    if finding.decided_by == "nli" and finding.verdict is Verdict.CONTRADICTION:
        return "the model reads these sentences as contradicting each other"
    return None


NOTES_TITLE = "Notes: figures or names worth a look (they do not change any verdict)"


def noted(report: Report) -> list[PairFinding]:
    """Pairs that are not contradictions but carry a note of the rules beside NLI."""
    return [f for f in report.findings if f.notes and f.verdict is not Verdict.CONTRADICTION]


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
