"""What every NLI backend shares: the model protocol, batching by length, a memo of
judged pairs, label mapping and lazy loading. torch and onnxruntime backends build on it."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import numpy as np

from checker.errors import ConfigError
from checker.judge.cache import NliCache
from checker.judge.labels import LABELS
from checker.schema import ModelInfo
from checker.store.hub import local_fingerprint, resolve_model_dir

_LOADED = [0]  # NLI models loaded from disk in this process


def models_loaded() -> int:
    """How many NLI models this process has loaded: a worker that says 1 after every
    round loaded its model once."""
    return _LOADED[0]


class NliModel(Protocol):
    """Maps (premise, hypothesis) pairs to probabilities in `score.LABELS` order."""

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray: ...

    def info(self) -> ModelInfo: ...


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' warnings and 'Loading weights' bars while we load, then
    restore the caller's settings (library users may want them)."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def pick_device(requested: str) -> str:
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise ConfigError("--device cuda was asked for but no CUDA device is available")
    if requested == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise ConfigError("--device mps was asked for but MPS is not available")
    return requested


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_MEMO_LIMIT = 200_000  # judged pairs kept per model (3 floats each)


class _Scaled:
    """Progress for the distinct pairs a model runs, counted in the caller's pairs (a
    repeated pair is done when its first copy is)."""

    def __init__(self, progress: Callable[[int], None], asked: int, run: int) -> None:
        self.progress, self.asked, self.run, self.done = progress, asked, run, 0

    def __call__(self, n: int) -> None:
        before = self.done * self.asked // max(1, self.run)
        self.done += n
        self.progress(self.done * self.asked // max(1, self.run) - before)


def sorted_batches(lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Index batches, longest first, so each batch is padded only to its own longest pair."""
    order = np.argsort(-np.asarray(lengths), kind="stable")
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


class BatchedNli(ABC):
    """What every backend shares: deduplication, label mapping, counting, lazy loading."""

    backend = "none"

    def __init__(
        self,
        name: str,
        *,
        revision: str | None = None,
        cache_dir: Path | None = None,
        offline: bool = False,
        batch_size: int = 16,
        max_length: int = 512,
        threads: int | None = None,
        hint_name: str | None = None,
        patterns: list[str] | None = None,
        precision: str = "fp32",
        bf16_verified: bool = False,
        disk_cache: bool = False,
    ) -> None:
        self.name = name
        self.revision = revision
        self.cache_dir = cache_dir
        self.offline = offline
        self.batch_size = batch_size
        self.max_length = max_length
        self.threads = threads
        self.hint_name = hint_name
        self.patterns = patterns
        self.calls = 0  # pairs actually run through the model (after deduplication)
        self.requested_precision = precision
        self.bf16_verified = bf16_verified
        self.precision = "fp32"  # what runs, once loaded
        # Every (premise, hypothesis) judged by this model, so identical pairs (reprints
        # repeat sentences word for word) run once per process, across calls too.
        self._memo: dict[tuple[str, str], np.ndarray] = {}
        # ... and across runs, on disk (judge/cache.py): the pairs read back count here
        self.disk_cache = disk_cache
        self.reused = 0
        self.model_path: Path | None = None  # the folder the weights were read from
        self._disk: NliCache | None = None
        self._indices: list[int | None] = []
        self._loaded = False
        self._device = "cpu"

    def load(self) -> None:
        """Resolve, load and check the model once; later calls do nothing."""
        if not self._loaded:
            self._load()
            self._loaded = True
            _LOADED[0] += 1

    def prepare(self) -> None:
        """Before any long work: find the model (a missing one fails now) and load it,
        unless what it runs at is known without loading (`_identity`) and the NLI cache
        may answer every pair (a re-run then loads nothing)."""
        self.load()

    @abstractmethod
    def _load(self) -> None:
        """Find the files and build the model, tokenizer and `_indices`."""

    @abstractmethod
    def _run(
        self, pairs: list[tuple[str, str]], progress: Callable[[int], None] | None
    ) -> np.ndarray:
        """Probabilities in LABELS order for distinct pairs."""

    def _model_dir(self, backend: str) -> Path:
        self.model_path = resolve_model_dir(
            self.name,
            revision=self.revision,
            cache_dir=self.cache_dir,
            offline=self.offline,
            role="NLI model",
            option="--nli-model",
            backend=backend,
            patterns=self.patterns,
            hint_name=self.hint_name,
        )
        return self.model_path

    def _identity(self) -> tuple[str, str]:
        """(precision, device) the model runs at: loading it tells (torch picks both)."""
        self.load()
        return self.precision, self._device

    def _stored(self) -> NliCache | None:
        """The disk cache for this model as it runs, or None."""
        if not self.disk_cache:
            return None
        if self._disk is None:
            self.precision, self._device = self._identity()
            where = self.model_path or Path(self.name)
            parts = [self.name, self.revision or "", self.backend, self.precision, self._device,
                     str(self.max_length), str(where), *local_fingerprint(str(where))]  # fmt: skip
            self._disk = NliCache("\0".join(parts))
        return self._disk

    def _judge(
        self, todo: list[tuple[str, str]], progress: Callable[[int], None] | None
    ) -> np.ndarray:
        """Rows for distinct pairs: those on disk read back, the rest run and stored."""
        disk = self._stored()
        found = disk.get(todo) if disk is not None else {}
        if found:
            self.reused += len(found)
            if progress is not None:
                progress(len(found))
        rest = [pair for pair in todo if pair not in found]
        if rest:
            self.load()  # not before: a re-run read whole from disk loads no model
            rows = self._run(rest, progress)
            if disk is not None:
                disk.put(rest, rows)
            found.update(zip(rest, np.asarray(rows, dtype=np.float64), strict=True))
        return np.stack([found[pair] for pair in todo]) if todo else np.zeros((0, len(LABELS)))

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Probabilities (n, 3) in LABELS order for each (premise, hypothesis)."""
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)
        if not pairs:
            return out
        known = sum(pair in self._memo for pair in pairs)
        todo = list(dict.fromkeys(pair for pair in pairs if pair not in self._memo))
        if known and progress is not None:
            progress(known)  # judged before: done at once
        if todo:
            if len(self._memo) + len(todo) > _MEMO_LIMIT:
                self._memo.clear()  # bounded: a long-lived process must not grow forever
            scaled = None if progress is None else _Scaled(progress, len(pairs) - known, len(todo))
            for pair, row in zip(todo, self._judge(todo, scaled), strict=True):
                self._memo[pair] = row
        return np.stack([self._memo[pair] for pair in pairs])

    def predict_batch(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Distinct pairs run as given, past the memo: a caller that forms its own
        batches (the corpus engines) gets the same numbers wherever the batch runs."""
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float64)
        return np.asarray(self._judge(list(pairs), None), dtype=np.float64)

    def _reorder(self, probs: np.ndarray) -> np.ndarray:
        """Model label order -> LABELS order."""
        result = np.zeros((probs.shape[0], len(LABELS)), dtype=np.float64)
        for canonical, model_index in enumerate(self._indices):
            if model_index is not None:
                result[:, canonical] = probs[:, model_index]
        return result

    def info(self) -> ModelInfo:
        return ModelInfo(
            role="nli",
            name=self.name,
            revision=self.revision,
            backend=self.backend,
            device=self._device if self._loaded or self._disk else None,
            precision=self.precision if self._loaded or self._disk else None,
        )
