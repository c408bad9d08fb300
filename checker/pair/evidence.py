"""Evidence beside the embedding for choosing candidates: the names and figures two
sentences share.

Why: a contradiction keeps its premise's names, numbers and rare words while it negates
or changes the fact, and the embedding ranks it lower for the change ("The Brazilian
team won 3-1" against «Бразильская команда проиграла 1:3»). Sharing a rare name or
figure with a sentence of another source is evidence of talking about the same thing,
whatever the embedding says. Names are read across scripts by their consonant skeleton
(checks/names.py: "Holm" = «Хольм» = «هولم»), with one edit allowed from four consonants
on, as the people and story rules read them; figures by their digits.

A shared item weighs its rarity in the text at hand (log(n / df) over the n sentences,
scaled to at most 1), so a story's protagonist, named in every sentence, adds little,
and an item only two sentences share adds the most; one held by more than n^0.75
sentences (under a quarter of the weight) adds nothing, which also keeps the work near
linear. The bonus is sparse: only pairs that share something get one.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from checker.checks.anchors import name_skeletons

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# a figure as written, its thousands grouped or not («20 000», "20,000", «20.000»)
_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
_GROUPING = re.compile(r"[,.\u00a0\u202f ](?=\d{3}(?!\d))")

Bonus = dict[int, dict[int, float]]  # row → {column: bonus}


def keys(text: str) -> frozenset[str]:
    """The items of a sentence that another sentence can share: figures by their digits
    (thousands ungrouped; a lone 0 or 1 says nothing), names by skeleton and, from four
    consonants on, by each skeleton less one letter (two skeletons one edit apart share
    one of those)."""
    out: set[str] = set()
    for raw in _FIGURE.findall(text.translate(_DIGITS)):
        figure = _GROUPING.sub("", raw)
        if figure not in ("0", "1"):
            out.add("d" + figure)
    for name in name_skeletons(text):
        out.add("n" + name)
        if len(name) >= 4:  # itself too: one letter more on the other side
            out.add("n~" + name)
            out.update("n~" + name[:k] + name[k + 1 :] for k in range(len(name)))
    return frozenset(out)


def shared(texts: Sequence[str], blocks: np.ndarray, weight: float) -> Bonus:
    """`weight` × the rarest item each pair of texts from different blocks shares,
    rarity log(n / df) / log(n) over the texts; pairs that share nothing are absent."""
    n = len(texts)
    if weight <= 0 or n < 3:
        return {}
    found = [keys(t) for t in texts]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, items in enumerate(found):
        for item in items:
            holders[item].append(i)
    scale = weight / math.log(n)
    common = n**0.75  # an item this common weighs under a quarter: not worth its n² pairs
    out: Bonus = defaultdict(dict)
    seen: set[tuple[int, ...]] = set()
    for members in holders.values():
        if len(members) < 2 or len(members) > common or tuple(members) in seen:
            continue  # nobody to share with, too common to tell, or one name's variants
        seen.add(tuple(members))
        value = scale * math.log(n / len(members))
        for i in members:
            row = out[i]
            for j in members:
                if blocks[i] != blocks[j] and row.get(j, 0.0) < value:
                    row[j] = value
    return dict(out)


def dense(bonus: Bonus, rows: np.ndarray, columns: int) -> np.ndarray:
    """The bonus of `rows` against every column, as a matrix to add to their scores."""
    out = np.zeros((len(rows), columns))
    for r, i in enumerate(rows.tolist()):
        for j, value in bonus.get(i, {}).items():
            out[r, j] = value
    return out
