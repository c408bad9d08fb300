"""Sources that copy each other (reprints, translations): possible copies found by
embeddings, the links NLI confirms them by, the groups and claims they form, and whether
a pair's sentences are each other's closest match."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from checker.pair.basics import _BLOCK_ROWS, Candidate, PairingOptions, check_rows, source_index
from checker.schema import Sentence


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
    source_ids = source_index(sentences)
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


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest chain of (row, column) pairs rising in both (patience sorting):
    the sentences two sources tell in the same order."""
    pairs = sorted(pairs)
    tails: list[int] = []  # index into pairs of the chain end, per chain length
    before: list[int] = []
    for k, (_, col) in enumerate(pairs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if pairs[tails[mid]][1] < col:
                lo = mid + 1
            else:
                hi = mid
        before.append(tails[lo - 1] if lo else -1)
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    chain: set[tuple[int, int]] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        chain.add(pairs[k])
        k = before[k]
    return chain


def mirror_links(
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    options: PairingOptions,
    in_order: float | None = None,
) -> list[Candidate]:
    """Possible copies, to be confirmed by NLI before pairing relies on them.

    Between two sources, sentences that are each other's best match above
    `mirror_similarity` are possible copies; where they cover `mirror_share` of the
    shorter source, the sources may mirror each other and every such match inside the
    possible group is returned (every pair of copies, not a star around one of them, so
    one odd source cannot hide that the others agree). With `in_order`, best matches
    above it that run in the same order in two sources in two languages are possible
    copies too.
    Embeddings cannot tell a translation from a near-paraphrase with another number, so
    nothing is merged until NLI reads the copies as entailing each other both ways.
    """
    if not options.reprints or not sentences:
        return []
    check_rows(sentences, embeddings)
    source_ids = source_index(sentences)
    rows = [np.flatnonzero(source_ids == sid) for sid in range(int(source_ids.max()) + 1)]
    floor = options.mirror_similarity
    if in_order is not None:
        floor = min(in_order, floor)
    languages = [
        Counter(sentences[int(k)].language for k in members).most_common(1)[0][0]
        if len(members)
        else None
        for members in rows
    ]
    matches: list[tuple[int, int]] = []
    for a in range(len(rows)):
        for b in range(a + 1, len(rows)):
            sims = embeddings[rows[a]] @ embeddings[rows[b]].T
            best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
            found = [
                (r, int(c)) for r, c in enumerate(best_b) if best_a[c] == r and sims[r, c] >= floor
            ]
            # order counts between two languages only: a copy in one language embeds far
            # above the floor, and a rewrite in order is another outlet's report
            translated = languages[a] != languages[b]
            ordered = _in_order(found) if in_order is not None and translated else set()
            matches += [
                (int(rows[a][r]), int(rows[b][c]))
                for r, c in found
                if sims[r, c] >= options.mirror_similarity or (r, c) in ordered
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
    return Mirrors(block=[int(x) for x in source_index(sentences)])


def best_counterparts(
    sentences: Sequence[Sentence], embeddings: np.ndarray
) -> dict[tuple[int, int], int]:
    """(sentence, other source id) → that source's sentence closest to it."""
    check_rows(sentences, embeddings)
    ids = source_index(sentences)
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


def split_halves(
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    best: dict[tuple[int, int], int] | None = None,
) -> set[tuple[int, int]]:
    """Pairs (i < j) where a translator split one sentence in two (or merged two): j and
    its neighbour together embed closer to i than either alone, and the two sit where
    i sits, between sentences that are closest (one way at least) before and after. Both
    halves are i's copies. Background inserted in a reprint is no half: it does not
    bring its neighbour closer to i (the neighbour alone is the copy)."""
    if len(sentences) < 4:
        return set()
    if best is None:
        best = best_counterparts(sentences, embeddings)
    ids = source_index(sentences)
    n = len(sentences)

    def closest(x: int, y: int) -> bool:  # one way, as a copied neighbour is in with_mutual
        return best.get((x, int(ids[y]))) == y or best.get((y, int(ids[x]))) == x

    def anchored(x: int, y: int, step: int) -> bool:  # the sentences past x and y copied
        nx, ny = x + step, y + step
        inside = 0 <= nx < n and 0 <= ny < n and ids[nx] == ids[x] and ids[ny] == ids[y]
        return inside and closest(nx, ny)

    out: set[tuple[int, int]] = set()
    for (i, sid), j in best.items():
        for k in (j - 1, j + 1):
            if not (0 <= k < n and ids[k] == sid):
                continue
            lo, hi = min(j, k), max(j, k)
            if not (anchored(i, lo, -1) and anchored(i, hi, 1)):
                continue
            # embeddings are unit vectors (the Embedder protocol): the pair's mean, rescaled
            merged = embeddings[j] + embeddings[k]
            merged /= max(float(np.linalg.norm(merged)), 1e-12)
            alone = max(float(embeddings[i] @ embeddings[j]), float(embeddings[i] @ embeddings[k]))
            if float(embeddings[i] @ merged) > alone + SPLIT_GAIN:
                out.update({(min(i, j), max(i, j)), (min(i, k), max(i, k))})
    return out


# How much closer two neighbours must embed together than the closer alone to be one
# sentence split in two: any gain. On NTREX fold A (bench/rules_real.py) 0.02 and 0 gave
# the same catches and no false flag; a loosely embedded split gains less than 0.01.
SPLIT_GAIN = 0.0


def missing_halves(
    pairs: Sequence[Candidate], halves: set[tuple[int, int]], embeddings: np.ndarray
) -> list[Candidate]:
    """The split halves (`split_halves`) that pairing left out: a translation's second
    half is often closest to no sentence at all, so the figure it carries was never
    compared."""
    have = {(c.i, c.j) for c in pairs}
    return [
        Candidate(i, j, float(embeddings[i] @ embeddings[j]), rank=2)
        for i, j in sorted(halves - have)
    ]


def with_mutual(
    pairs: Sequence[Candidate],
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    options: PairingOptions,
    halves: set[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """The pairs, each marked whether its sentences are each other's closest match and
    whether the pair is one claim copied (a translation, a reprint): each other's
    closest sentences in sources that look like copies of each other (most sentences
    mutual best matches above `mirror_similarity`, or in order between two languages,
    as `mirror_links` finds them, unconfirmed), with a neighbour
    that is copied too. Embeddings alone are not that evidence: a reprint's added
    background has a closest sentence in the original, but no run of copied sentences
    around it, and is judged as an independent report."""
    if not pairs:
        return []
    best = best_counterparts(sentences, embeddings)
    ids = source_index(sentences)
    looks = mirror_links(
        sentences, embeddings, replace(options, reprints=True), options.order_similarity
    )
    block = mirrors_from_links(sentences, [(c.i, c.j) for c in looks], options.mirror_share).block
    if halves is None:
        halves = split_halves(sentences, embeddings, best)

    def mutual(i: int, j: int) -> bool:
        return best.get((i, int(ids[j]))) == j and best.get((j, int(ids[i]))) == i

    def closest(i: int, j: int) -> bool:  # one way: a translator may split a sentence
        return best.get((i, int(ids[j]))) == j or best.get((j, int(ids[i]))) == i

    def in_run(i: int, j: int, linked: Callable[[int, int], bool]) -> bool:
        """A neighbour of i and one of j (a sentence's slack for a split) are linked."""
        n = len(sentences)
        for step in (-1, 1):
            for far in (step, 2 * step):
                ni, nj = i + step, j + far
                if 0 <= ni < n and 0 <= nj < n and ids[ni] == ids[i] and ids[nj] == ids[j]:
                    if linked(ni, nj):
                        return True
        return False

    def sandwiched(i: int, j: int) -> bool:
        """The sentences before i and j are each other's closest, and those after: in a
        translation the one between is the same sentence, however loosely embedded (a
        translator merges and splits). An inserted sentence has no place between two
        copied ones in the other source, so background added to a reprint stays out."""
        n = len(sentences)
        if not (0 < i < n - 1 and 0 < j < n - 1):
            return False
        if len({ids[i - 1], ids[i], ids[i + 1]}) > 1 or len({ids[j - 1], ids[j], ids[j + 1]}) > 1:
            return False
        return mutual(i - 1, j - 1) and mutual(i + 1, j + 1)

    sizes = np.bincount(ids)
    out = []
    for c in pairs:
        # each other's closest, with a neighbour closest too in sources that look like
        # copies, or each other's closest too elsewhere (a translation embedded less
        # closely: ru–ar); two sources of one sentence each are the pair meant, as a
        # labelled pair is
        both = mutual(c.i, c.j)
        neighbour = closest if block[c.i] == block[c.j] else mutual
        copied = (
            (both and in_run(c.i, c.j, neighbour))
            or (block[c.i] == block[c.j] and sandwiched(c.i, c.j))
            or (block[c.i] == block[c.j] and (c.i, c.j) in halves)
            or bool(sizes[ids[c.i]] == 1 and sizes[ids[c.j]] == 1)
        )
        out.append(replace(c, mutual=both, copies=copied))
    return out
