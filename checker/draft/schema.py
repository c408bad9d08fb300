"""The verify document: each draft sentence with its verdict and the evidence behind it.

Versioned on its own (`checker schema --kind verify`): a draft check is read by
publishing pipelines that should not break when the compare report changes.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.schema import FigureEvidence, ModelInfo, NliProbs, Report, Source

# 2.1: summary.nli_reused (the NLI cache); 2.2: staged judging (sentences[].nli_calls,
# summary.windows_skipped)
VERIFY_SCHEMA_VERSION = "2.2"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SentenceVerdict(str, Enum):
    CONTRADICTED = "contradicted"
    SUPPORTED = "supported"
    NOT_IN_SOURCES = "not_in_sources"
    UNVERIFIED = "unverified"
    NOT_A_CLAIM = "not_a_claim"


class Evidence(_Model):
    """One stretch of a source (1-3 consecutive sentences) judged against a draft
    sentence, the source as premise."""

    source: str
    start: int = Field(description="Index of its first sentence in the source, from 0.")
    end: int = Field(description="Index after its last sentence (start + 1 for one sentence).")
    text: str
    language: str
    similarity: float = Field(description="Cosine similarity to the draft sentence.")
    closest: bool = Field(
        description="The source's closest single sentence to the draft sentence (the rules "
        "decide only on such pairs)."
    )
    verdict: Literal["contradicts", "supports", "neutral", "unjudged"] = Field(
        description="What this evidence says of the draft sentence: 'unjudged' when no "
        "NLI model ran and no rule fired."
    )
    decided_by: Literal["nli", "numbers", "people", "none"]
    nli: NliProbs | None = Field(
        description="Source ⇒ draft sentence probabilities; null when no NLI model ran."
    )
    reason: str | None = Field(default=None, description="The rule's reason, when one decided.")
    notes: list[str] = Field(
        default_factory=list, description="Figures or names worth a look (no verdict change)."
    )
    figures: list[FigureEvidence] = Field(default_factory=list)


class DraftSentence(_Model):
    index: int
    text: str
    language: str
    verdict: SentenceVerdict
    why: str = Field(description="One line a reader can act on.")
    best_similarity: float | None = Field(
        description="Similarity of the closest source stretch; null for no source text."
    )
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="What decided the verdict first (contradicting, then supporting), then "
        "the other candidates by similarity.",
    )
    nli_calls: dict[str, int] = Field(
        default_factory=dict,
        description="NLI calls made for this sentence, per source: its closest single "
        "sentences, plus windows of 2-3 sentences where none of them decided; empty when no "
        "NLI model ran.",
    )


class VerifySummary(_Model):
    sentences: int
    contradicted: int
    supported: int
    not_in_sources: int
    unverified: int = Field(description="Close counterpart found, no NLI model to read it.")
    not_a_claim: int
    sources: int
    evidence_judged: int = Field(description="(source stretch, draft sentence) pairs judged.")
    nli_calls: int | None = Field(description="Null when no NLI model ran.")
    nli_reused: int | None = Field(
        default=None,
        description="Of the judged pairs, those read back from the NLI cache of earlier runs "
        "(an edited draft's unchanged sentences); null when no NLI model ran.",
    )
    windows_skipped: int | None = Field(
        default=None,
        description="Windows of 2-3 source sentences not judged, because a single sentence "
        "of the same source already supported or contradicted the draft sentence; null when "
        "no NLI model ran.",
    )
    passed: bool = Field(description="No draft sentence contradicted.")


class VerifyReport(_Model):
    """`checker verify DRAFT SOURCE…`: what the sources say of each draft sentence."""

    schema_version: str = VERIFY_SCHEMA_VERSION
    draft: Source
    sources: list[Source]
    sentences: list[DraftSentence]
    summary: VerifySummary
    settings: dict[str, float | int | bool | str] = Field(
        description="The thresholds and limits that made these verdicts."
    )
    models: list[ModelInfo]
    warnings: list[str] = Field(default_factory=list)
    sources_report: Report | None = Field(
        default=None, description="Source against source (`--also-sources`), else null."
    )
    generated_at: str | None = None

    def flagged(self) -> list[DraftSentence]:
        """Contradicted sentences, then those not in the sources."""
        order = (SentenceVerdict.CONTRADICTED, SentenceVerdict.NOT_IN_SOURCES)
        return [s for v in order for s in self.sentences if s.verdict is v]
