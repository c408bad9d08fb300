"""The data contract: what `compare`, `align` and `read_sources` return.

These pydantic models are the JSON output too (`checker schema` prints their JSON
Schema), so every change here that a script could notice bumps `SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

# 1.1: warnings, generated_at. 1.2: finding.reason and .timeline, finding sides'
# mentioned_dates, source.site.
SCHEMA_VERSION = "1.2"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sentence(_Model):
    """One sentence of one source, after cleaning and segmentation."""

    source: str
    index: int = Field(description="Position of the sentence in its source, from 0.")
    text: str
    language: str = Field(description="ISO 639-1 code where known, else 'und'.")


class DroppedLine(_Model):
    """A line the cleaner removed, and why (shown by `checker sentences --show-dropped`)."""

    text: str
    reason: str


class Source(_Model):
    """One input document and what checker read from it."""

    name: str
    origin: str = Field(description="Path, '-' for stdin, or '<text>' for a string.")
    date: dt.date | None = None
    title: str | None = None
    site: str | None = Field(default=None, description="Site name, for web pages.")
    language: str
    sentence_count: int
    sentences: list[Sentence] = Field(default_factory=list)
    dropped: list[DroppedLine] = Field(default_factory=list)


class Verdict(str, Enum):
    CONTRADICTION = "contradiction"
    AGREEMENT = "agreement"
    UNRELATED = "unrelated"


class NliProbs(_Model):
    """Probabilities of one NLI direction (premise ⇒ hypothesis)."""

    entailment: float
    neutral: float
    contradiction: float


class MentionedDate(_Model):
    text: str = Field(description="The words in the sentence, e.g. '7 января'.")
    date: dt.date


class FindingSide(_Model):
    source: str
    index: int
    text: str
    language: str
    date: dt.date | None = None
    mentioned_dates: list[MentionedDate] = Field(
        default_factory=list, description="Dates written in the sentence (shown findings only)."
    )


class PairFinding(_Model):
    """The NLI verdict on one cross-source sentence pair, both directions kept."""

    verdict: Verdict
    confidence: float = Field(description="Probability behind the verdict, 0..1.")
    similarity: float = Field(description="Cosine similarity that made this a pair.")
    a: FindingSide
    b: FindingSide
    a_to_b: NliProbs = Field(description="a as premise, b as hypothesis.")
    b_to_a: NliProbs = Field(description="b as premise, a as hypothesis.")
    reason: str | None = Field(
        default=None, description="Why beyond NLI, e.g. 'numbers differ: 20,000 vs 5,000'."
    )
    timeline: str | None = Field(
        default=None,
        description="For a contradiction between differently dated sources: "
        "'2025-10-30 → 2026-01-07: position changed?' (a is then the earlier side).",
    )


class ModelInfo(_Model):
    role: str = Field(description="'nli' or 'embed'.")
    name: str = Field(description="Hub id, local path, or built-in name.")
    revision: str | None = None
    backend: str
    device: str | None = None


class Thresholds(_Model):
    min_similarity: float
    top_k: int
    contradiction: float
    agreement: float


class Summary(_Model):
    sources: int
    sentences: int
    pairs_checked: int
    nli_calls: int
    contradictions: int
    agreements: int
    unrelated: int
    unmatched_sentences: int
    languages: list[str]
    consistent: bool = Field(description="True when no contradiction reaches the threshold.")
    agreement_ratio: float | None = Field(
        description="agreements / (agreements + contradictions); null when both are 0."
    )


class Report(_Model):
    """Everything `checker compare` found; `checker compare --format json` prints it."""

    schema_version: str = SCHEMA_VERSION
    sources: list[Source]
    findings: list[PairFinding]
    unmatched: list[Sentence] = Field(
        description="Sentences told by one source only: no other source agrees with or "
        "contradicts them (no pair above the similarity cut, or only pairs judged unrelated)."
    )
    summary: Summary
    thresholds: Thresholds
    models: list[ModelInfo]
    warnings: list[str] = Field(
        default_factory=list,
        description="Sources with no sentences, identical texts, languages the model lacks.",
    )
    generated_at: str | None = Field(
        default=None,
        description="UTC time of the run; only with --timestamp (else reports "
        "are byte-identical for identical inputs).",
    )

    @property
    def contradictions(self) -> list[PairFinding]:
        return [f for f in self.findings if f.verdict is Verdict.CONTRADICTION]

    @property
    def agreements(self) -> list[PairFinding]:
        return [f for f in self.findings if f.verdict is Verdict.AGREEMENT]


class AlignedSentence(_Model):
    source: str
    index: int
    text: str
    language: str


class AlignedPair(_Model):
    a: AlignedSentence
    b: AlignedSentence
    similarity: float


class Alignment(_Model):
    """Cross-source sentence pairs: the pairing stage alone (`checker align`)."""

    schema_version: str = SCHEMA_VERSION
    sources: list[Source]
    pairs: list[AlignedPair]
    models: list[ModelInfo]
    warnings: list[str] = Field(default_factory=list)
