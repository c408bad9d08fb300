"""Pair sentences across sources by embedding similarity: top-k, never all pairs.

Each sentence keeps its k nearest sentences from *other* sources above a similarity
cut. The union of those links, as unordered pairs, is at most k × n pairs, so the NLI
work grows with the number of sentences, not with their product. Similarities are
computed in row blocks so memory stays bounded for long documents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from checker.schema import Sentence

_BLOCK_ROWS = 1024


@dataclass(frozen=True)
class Candidate:
    """An unordered cross-source pair, i < j indexing the flat sentence list."""

    i: int
    j: int
    similarity: float


def top_k_pairs(
    sentences: list[Sentence],
    embeddings: np.ndarray,
    *,
    top_k: int,
    min_similarity: float,
) -> list[Candidate]:
    """Cross-source candidate pairs, best first, each unordered pair once."""
    n = len(sentences)
    if n == 0:
        return []
    if embeddings.shape[0] != n:
        raise ValueError(f"{embeddings.shape[0]} embeddings for {n} sentences")
    source_ids = _source_ids(sentences)
    best: dict[tuple[int, int], float] = {}
    for start in range(0, n, _BLOCK_ROWS):
        stop = min(n, start + _BLOCK_ROWS)
        sims = embeddings[start:stop] @ embeddings.T
        same = source_ids[start:stop, None] == source_ids[None, :]
        sims = np.where(same, -np.inf, sims)
        k = min(top_k, n)
        nearest = (
            np.argpartition(-sims, k - 1, axis=1)[:, :k]
            if k < n
            else np.tile(np.arange(n), (stop - start, 1))
        )
        for row, cols in enumerate(nearest):
            i = start + row
            for j in cols:
                sim = float(sims[row, j])
                if not np.isfinite(sim) or sim < min_similarity:
                    continue
                key = (i, int(j)) if i < j else (int(j), i)
                best[key] = sim
    pairs = [Candidate(i, j, round(s, 6)) for (i, j), s in best.items()]
    pairs.sort(key=lambda c: (-c.similarity, c.i, c.j))
    return pairs


def _source_ids(sentences: list[Sentence]) -> np.ndarray:
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(s.source, len(ids)) for s in sentences], dtype=np.int64)


def unmatched(sentences: list[Sentence], pairs: list[Candidate]) -> list[Sentence]:
    """Sentences that no pair touches: told by one source only."""
    touched = {c.i for c in pairs} | {c.j for c in pairs}
    return [s for k, s in enumerate(sentences) if k not in touched]
