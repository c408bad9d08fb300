from pathlib import Path

import numpy as np
import pytest

from checker import pairing as align_module
from checker.embed import UsemEmbedder, load_embedder
from checker.pairing import top_k_pairs, unmatched
from checker.schema import Sentence


def sent(source: str, index: int, text: str = "x") -> Sentence:
    return Sentence(source=source, index=index, text=text, language="en")


@pytest.fixture(scope="module")
def usem() -> UsemEmbedder:
    return UsemEmbedder()


def test_usem_pairs_translation_not_unrelated(usem: UsemEmbedder) -> None:
    """The real built-in embedder, offline: ru pairs with its en translation."""
    sentences = [
        sent("ru", 0, "Численность сил составит около двадцати тысяч военнослужащих."),
        sent("en", 0, "Police detained a man who stole a bicycle near the market."),
        sent("en", 1, "The force will number about twenty thousand troops."),
        sent("ar", 0, "ستبلغ قوام القوة نحو عشرين ألف جندي."),
    ]
    vectors = usem.encode([s.text for s in sentences])
    assert vectors.shape == (4, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    pairs = top_k_pairs(sentences, vectors, top_k=1, min_similarity=0.3)
    linked = {(p.i, p.j) for p in pairs}
    assert (0, 2) in linked and (2, 3) in linked
    assert not any(1 in (p.i, p.j) for p in pairs)
    sims = vectors @ vectors.T
    assert sims[0, 2] > 0.6 and sims[0, 1] < 0.3


def test_bound_and_cross_source_only() -> None:
    rng = np.random.default_rng(0)
    n, k = 60, 3
    sentences = [sent(f"s{i % 4}", i) for i in range(n)]
    vectors = rng.normal(size=(n, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    pairs = top_k_pairs(sentences, vectors, top_k=k, min_similarity=-1.0)
    assert len(pairs) <= k * n  # grows with n, not n²
    assert len(pairs) >= n * k // 2
    assert all(sentences[p.i].source != sentences[p.j].source for p in pairs)
    assert len({(p.i, p.j) for p in pairs}) == len(pairs) and all(p.i < p.j for p in pairs)
    assert [p.similarity for p in pairs] == sorted((p.similarity for p in pairs), reverse=True)


def test_min_similarity_cuts_and_unmatched() -> None:
    vectors = np.array([[1, 0], [0.8, 0.6], [0, 1], [-1, 0]], dtype=np.float32)
    sentences = [sent("a", 0), sent("b", 0), sent("b", 1), sent("c", 0)]
    pairs = top_k_pairs(sentences, vectors, top_k=3, min_similarity=0.5)
    assert {(p.i, p.j) for p in pairs} == {(0, 1)}
    assert [s.source for s in unmatched(sentences, pairs)] == ["b", "c"]


def test_blocks_give_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1)
    sentences = [sent(f"s{i % 3}", i) for i in range(50)]
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    whole = top_k_pairs(sentences, vectors, top_k=2, min_similarity=0.0)
    monkeypatch.setattr(align_module, "_BLOCK_ROWS", 7)
    assert top_k_pairs(sentences, vectors, top_k=2, min_similarity=0.0) == whole


def test_sentence_transformers_embedder_by_path(st_embedder: Path) -> None:
    embedder = load_embedder(str(st_embedder))
    vectors = embedder.encode(["Arvania will join.", "Арвания не будет участвовать."])
    assert vectors.shape == (2, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.info().backend == "sentence-transformers"
