"""Candidate evidence for each draft sentence: stretches of 1-3 consecutive sentences of
each source, ranked by similarity.

Why stretches: a draft sentence often joins facts its source tells in two neighbouring
sentences ("2,000 soldiers will go. Parliament approved it on Monday."), and a
translator may split one sentence in two; a window holds both halves. Why per source:
every source gets its say, so a contradiction in a wire story is not crowded out by
close paraphrases in its translations. The number of candidates is fixed per draft
sentence and source, so NLI work grows linearly with the draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from checker.schema import Source

WIDTHS = (2, 3)  # window widths besides single sentences


@dataclass(frozen=True)
class Stretch:
    """Sentences start..end-1 of one source, as one premise."""

    source: int  # index into the sources
    start: int
    end: int
    text: str
    language: str

    @property
    def single(self) -> bool:
        return self.end - self.start == 1


def stretches(sources: Sequence[Source], widths: Sequence[int] = WIDTHS) -> list[Stretch]:
    """Every sentence of every source, then its windows of `widths` sentences."""
    out: list[Stretch] = []
    for k, source in enumerate(sources):
        sentences = source.sentences
        for width in (1, *widths):
            for start in range(0, len(sentences) - width + 1):
                part = sentences[start : start + width]
                language = part[0].language
                out.append(
                    Stretch(k, start, start + width, " ".join(s.text for s in part), language)
                )
    return out


@dataclass(frozen=True)
class Candidate:
    sentence: int  # draft sentence index
    stretch: int  # index into the stretches
    similarity: float
    closest: bool  # the source's closest single sentence to this draft sentence
    mutual: bool  # ... and this draft sentence is that sentence's closest in the draft


def candidates(
    similarity: np.ndarray,
    units: Sequence[Stretch],
    sources: int,
    *,
    per_source: int,
    per_width: int = 1,
) -> list[list[Candidate]]:
    """For each draft sentence (rows of `similarity`, draft × stretches): in each
    source, its `per_source` most similar single sentences and its `per_width` most
    similar windows of each width; no similarity floor (a contradiction may sit far
    from its premise in embedding space)."""
    out: list[list[Candidate]] = [[] for _ in range(similarity.shape[0])]
    if similarity.size == 0:
        return out
    # the draft sentence each source stretch is closest to (for `mutual`)
    best_draft = np.argmax(similarity, axis=0)
    source_of = np.array([u.source for u in units])
    width_of = np.array([u.end - u.start for u in units])
    for source in range(sources):
        for width in sorted(set(width_of[source_of == source].tolist())):
            members = np.flatnonzero((source_of == source) & (width_of == width))
            take = per_source if width == 1 else per_width
            # every draft sentence's closest `take` of this group at once
            ranked = np.argsort(-similarity[:, members], axis=1, kind="stable")[:, :take]
            for row, order in enumerate(ranked):
                for rank, pos in enumerate(order):
                    unit = int(members[pos])
                    closest = width == 1 and rank == 0
                    out[row].append(
                        Candidate(
                            sentence=row,
                            stretch=unit,
                            similarity=round(float(similarity[row, unit]), 6),
                            closest=closest,
                            mutual=closest and int(best_draft[unit]) == row,
                        )
                    )
    return out


def retold(found: Sequence[Sequence[Candidate]], units: Sequence[Stretch]) -> set[tuple[int, int]]:
    """(draft sentence, stretch) pairs where the draft retells the source there: each
    other's closest sentences (draft and source), whose neighbours in the draft and the
    source are each other's closest too (one sentence's slack for a split or a merge).
    A draft copies its sources in runs; background it adds about
    other events has no such run around it, and is judged as an independent report,
    never as a copy (bench/verify.py measures both)."""
    closest: dict[tuple[int, int], int] = {}  # (draft sentence, source) → its sentence
    for row in found:
        for c in row:
            unit = units[c.stretch]
            if c.mutual and unit.single:
                closest[(c.sentence, unit.source)] = unit.start
    out: set[tuple[int, int]] = set()
    for row in found:
        for c in row:
            unit = units[c.stretch]
            if not (c.mutual and unit.single):
                continue
            for step in (-1, 1):
                near = closest.get((c.sentence + step, unit.source))
                if near is not None and near in (unit.start + step, unit.start + 2 * step):
                    out.add((c.sentence, c.stretch))
                    break
    return out
