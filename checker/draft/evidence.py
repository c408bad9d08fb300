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
    if similarity.size == 0:
        return [[] for _ in range(similarity.shape[0])]
    groups: dict[tuple[int, int], np.ndarray] = {}
    for key in {(u.source, u.end - u.start) for u in units}:
        groups[key] = np.array(
            [k for k, u in enumerate(units) if (u.source, u.end - u.start) == key], dtype=np.int64
        )
    # the draft sentence each single source sentence is closest to (for `mutual`)
    best_draft = np.argmax(similarity, axis=0)
    out: list[list[Candidate]] = []
    for row in range(similarity.shape[0]):
        found: list[Candidate] = []
        for source in range(sources):
            for (k, width), members in sorted(groups.items()):
                if k != source:
                    continue
                take = per_source if width == 1 else per_width
                sims = similarity[row, members]
                order = np.argsort(-sims, kind="stable")[:take]
                for rank, pos in enumerate(order):
                    unit = int(members[pos])
                    closest = width == 1 and rank == 0
                    found.append(
                        Candidate(
                            sentence=row,
                            stretch=unit,
                            similarity=round(float(sims[pos]), 6),
                            closest=closest,
                            mutual=closest and int(best_draft[unit]) == row,
                        )
                    )
        out.append(found)
    return out
