"""Fakes behind the pipeline's Protocols, for logic tests where the model is not the point."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from checker.schema import ModelInfo

_NEGATION = re.compile(r"(?<!\w)(?:not|never|no|не|нет|никогда|لن|لا|لم)(?!\w)", re.IGNORECASE)
_NUMBER = re.compile(r"(\d[\d,. ]*\d|\d)\s*(тысяч\w*|тыс\.|ألف|thousand)?", re.IGNORECASE)


def numbers(text: str) -> set[int]:
    out = set()
    for digits, scale in _NUMBER.findall(text):
        value = int(re.sub(r"\D", "", digits))
        out.add(value * 1000 if scale else value)
    return out


class RuleNli:
    """Contradiction when exactly one side negates, or both carry different numbers;
    entailment when both carry the same number; neutral otherwise. Counts its pairs."""

    def __init__(self) -> None:
        self.calls = 0

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        rows = []
        for premise, hypothesis in pairs:
            negated = bool(_NEGATION.search(premise)) != bool(_NEGATION.search(hypothesis))
            np_, nh = numbers(premise), numbers(hypothesis)
            clash = bool(np_ and nh and not (np_ & nh))
            if negated or clash:
                rows.append([0.05, 0.05, 0.9])
            elif np_ & nh:
                rows.append([0.9, 0.05, 0.05])
            else:
                rows.append([0.1, 0.8, 0.1])
        self.calls += len(pairs)
        if progress is not None:
            progress(len(pairs))
        return np.array(rows, dtype=np.float64).reshape(len(pairs), 3)

    def info(self) -> ModelInfo:
        return ModelInfo(role="nli", name="rule-fake", backend="fake")


@functools.cache
def _usem() -> Any:
    from checker.pair.embed import UsemEmbedder

    return UsemEmbedder()


class MirrorNli(RuleNli):
    """RuleNli, plus entailment both ways for sentences that embed close together (what a
    real NLI model says of a translation or a copy), and its rule contradictions only
    between sentences about the same thing (similarity >= 0.5: a real model does not
    call "parliament has not voted" a contradiction of an unrelated headline). For the
    reprint-grouping logic, where the model is not the point."""

    def __init__(self, min_similarity: float = 0.6) -> None:
        super().__init__()
        self.embedder = _usem()  # one model per process: loading it took 1.5 s each time
        self.min_similarity = min_similarity

    def predict(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        rows = super().predict(pairs, progress)
        if not len(pairs):
            return rows
        premises = self.embedder.encode([p for p, _ in pairs])
        hypotheses = self.embedder.encode([h for _, h in pairs])
        similarity = (premises * hypotheses).sum(axis=1)
        neutral = rows[:, 1] > 0.5
        rows[(similarity >= self.min_similarity) & neutral] = [0.9, 0.05, 0.05]
        rows[(similarity < 0.5) & (rows[:, 2] > 0.5)] = [0.1, 0.8, 0.1]
        return rows
