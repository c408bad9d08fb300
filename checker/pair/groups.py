"""Reprints and translations: group sources that tell one story, and count each
contradiction once per group pair.

Two sentences *mirror* each other when they embed close together and the NLI model
reads entailment in both directions (a translation or a copy, not a summary, which
entails one way only). Two sources belong to one group when at least `min_share` of
the shorter one's sentences, and at least two, mirror sentences of the other; groups
are the connected components of that relation. Mirrored sentences inside a group form
one *claim*, so "X contradicts the wire story" is one summary, not one finding per
reprint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checker.pair.candidates import Key, group_by_links
from checker.schema import ContradictionSummary, PairFinding, Source, SourceGroup, Verdict


def mirrors(finding: PairFinding, *, min_similarity: float, entailment: float) -> bool:
    """True when the two sentences read as copies or translations of each other."""
    return (
        finding.reason is None
        and finding.similarity >= min_similarity
        and finding.a_to_b is not None
        and finding.b_to_a is not None
        and finding.a_to_b.entailment >= entailment
        and finding.b_to_a.entailment >= entailment
    )


def group_sources(
    sources: Sequence[Source],
    findings: Sequence[PairFinding],
    *,
    min_similarity: float,
    entailment: float,
    min_share: float,
) -> tuple[list[SourceGroup], dict[Key, object]]:
    """The groups of two or more sources, and each sentence's claim id (mirrored
    sentences inside one group share it; every other sentence is its own claim)."""
    links = [
        ((f.a.source, f.a.index), (f.b.source, f.b.index))
        for f in findings
        if mirrors(f, min_similarity=min_similarity, entailment=entailment)
    ]
    multi, claims = group_by_links({s.name: s.sentence_count for s in sources}, links, min_share)
    by_source = {s.name: s for s in sources}
    groups = []
    for n, names in enumerate(multi, 1):
        spanning = defaultdict(set)
        for name in names:
            for sentence in by_source[name].sentences:
                spanning[claims.find((name, sentence.index))].add(name)
        groups.append(
            SourceGroup(
                id=f"G{n}",
                sources=names,
                mirrored_claims=sum(len(v) > 1 for v in spanning.values()),
                cited=list(dict.fromkeys(c for name in names for c in by_source[name].cited)),
            )
        )
    claim_of = {
        (s.name, x.index): claims.find((s.name, x.index)) for s in sources for x in s.sentences
    }
    return groups, claim_of


def summarise_contradictions(
    findings: Sequence[PairFinding], groups: Sequence[SourceGroup], claim_of: dict[Key, object]
) -> list[ContradictionSummary]:
    """One summary per pair of contradicting claims, in the order of `findings`."""
    label = {name: g.id for g in groups for name in g.sources}
    order: dict[frozenset[object], list[int]] = {}
    for n, f in enumerate(findings):
        if f.verdict is not Verdict.CONTRADICTION:
            continue
        key = frozenset(
            (claim_of.get((f.a.source, f.a.index)), claim_of.get((f.b.source, f.b.index)))
        )
        order.setdefault(key, []).append(n)
    out = []
    for indices in order.values():
        first = findings[indices[0]]
        reasons = list(dict.fromkeys(findings[k].reason for k in indices if findings[k].reason))
        ga, gb = label.get(first.a.source), label.get(first.b.source)
        if ga is not None and ga == gb:  # an edit inside one story: name the two sources
            between = [first.a.source, first.b.source]
        else:
            between = [ga or first.a.source, gb or first.b.source]
        out.append(
            ContradictionSummary(
                between=between,
                findings=indices,
                confidence=max(
                    (c for k in indices if (c := findings[k].confidence) is not None),
                    default=None,
                ),
                reasons=reasons,
            )
        )
    return out
