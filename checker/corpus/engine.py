"""Where the heavy stages run: the Engine seam, and the local (one-process) engine.

An engine segments articles, embeds each article's sentences and judges NLI batches;
everything else (clustering, pairing, verdicts, reports) runs in the driver, the same
code for every engine. Both engines embed one article per call and run NLI in the
batches the driver forms, so their numbers agree to the bit, not only to rounding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from checker.config import Config
from checker.judge.nli import BatchedNli, NoNli, make_nli
from checker.pair.embed import Embedder, embedder_for
from checker.schema import ModelInfo, Source
from checker.sources.ingest import RawSource
from checker.sources.load import with_provenance
from checker.sources.segment import segment

Pair = tuple[str, str]


class Engine(Protocol):
    """The stages an engine runs; results come back in the order given."""

    def segment(
        self, raws: Sequence[RawSource], progress: Callable[[int], None] | None = None
    ) -> list[Source]: ...

    def embed(
        self, sources: Sequence[Source], progress: Callable[[int], None] | None = None
    ) -> list[np.ndarray]: ...

    def judge(
        self, batches: Sequence[Sequence[Pair]], progress: Callable[[int], None]
    ) -> list[np.ndarray]: ...

    def models(self) -> tuple[ModelInfo, ModelInfo | None]:
        """The embedder's and the NLI model's info (None for --nli-model none); loading
        the NLI model here makes a missing one fail before any long work."""
        ...

    def close(self) -> None: ...


def segment_article(raw: RawSource, config: Config) -> Source:
    """One article cleaned, split and tagged, as `compare` reads it."""
    return with_provenance(segment(raw, min_chars=config.min_sentence_chars))


def embed_article(embedder: Embedder, source: Source) -> np.ndarray:
    """One article's sentence vectors, in one call (as every engine does it)."""
    texts = [s.text for s in source.sentences]
    return embedder.encode(texts) if texts else np.zeros((0, 0), dtype=np.float32)


def judge_batch(nli: BatchedNli | NoNli, batch: Sequence[Pair]) -> np.ndarray:
    """One batch of distinct (premise, hypothesis) pairs: probabilities in LABELS order."""
    if isinstance(nli, NoNli):
        return nli.predict(list(batch))
    return nli.predict_batch(batch)


class LocalEngine:
    """One process, models loaded once: the default."""

    def __init__(self, config: Config, embedder: Embedder | None = None) -> None:
        self.config = config
        self._embedder = embedder
        self._nli: BatchedNli | NoNli | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = embedder_for(self.config)
        return self._embedder

    @property
    def nli(self) -> BatchedNli | NoNli:
        if self._nli is None:
            self._nli = make_nli(self.config)
        return self._nli

    def segment(
        self, raws: Sequence[RawSource], progress: Callable[[int], None] | None = None
    ) -> list[Source]:
        out = []
        for raw in raws:  # the bar moves with each article, not once at the end
            out.append(segment_article(raw, self.config))
            if progress is not None:
                progress(1)
        return out

    def embed(
        self, sources: Sequence[Source], progress: Callable[[int], None] | None = None
    ) -> list[np.ndarray]:
        out = []
        for source in sources:
            out.append(embed_article(self.embedder, source))
            if progress is not None:
                progress(1)
        return out

    def judge(
        self, batches: Sequence[Sequence[Pair]], progress: Callable[[int], None]
    ) -> list[np.ndarray]:
        out = []
        for batch in batches:
            out.append(judge_batch(self.nli, batch))
            progress(len(batch))
        return out

    def models(self) -> tuple[ModelInfo, ModelInfo | None]:
        nli = self.nli
        if isinstance(nli, NoNli):
            return self.embedder.info(), None
        nli.load()
        return self.embedder.info(), nli.info()

    def close(self) -> None:
        release = getattr(self._embedder, "release", None)
        if release is not None:
            release()
