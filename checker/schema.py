"""The data contract: what `compare`, `align` and `read_sources` return.

These pydantic models are the JSON output too (`checker schema` prints their JSON
Schema), so every change here that a script could notice bumps `SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# 1.1: warnings, generated_at. 1.2: finding.reason and .timeline, finding sides'
# mentioned_dates, source.site. 1.3: groups (reprints/translations), contradiction_summaries,
# summary.distinct_contradictions, source.group/.cited, finding sides' cited and gloss,
# thresholds.reprint_* and .people_similarity, report.gloss_language. 2.0: pairing per
# source within a budget: thresholds.top_k removed (the global top-k is gone), thresholds
# .per_source/.margin/.max_pairs/.pairs_per_sentence, summary.pairs_considered and
# .pairs_over_budget, finding sides' copies (a reprint's claim judged once),
# thresholds.number_similarity; finding.decided_by, and finding/summary confidence null
# when a rule (not the model) decided.
# 3.0: rules beside NLI decide only on evidence: finding.notes (weaker evidence, never
# the verdict), finding.figures (the quantities behind a rule verdict or note),
# finding.best_match; a_to_b/b_to_a and summary.nli_calls null when no NLI model ran;
# summary.notes; thresholds.rule_similarity and .paraphrase_similarity.
# 4.1: summary.nli_reused (the NLI cache).
SCHEMA_VERSION = "4.1"


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
    group: str | None = Field(
        default=None, description="Id of the reprint/translation group (compare only)."
    )
    cited: list[str] = Field(
        default_factory=list,
        description="Who the source attributes its information to ('according to X', "
        "'citing Y', «по данным», «نقلا عن»), first mention first.",
    )
    language: str
    sentence_count: int
    sentences: list[Sentence] = Field(default_factory=list)
    dropped: list[DroppedLine] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list,
        description="What reading this source had to repair or guess (broken bytes, an "
        "encoding guessed without charset detection, dates that could not be read).",
    )


class Verdict(str, Enum):
    CONTRADICTION = "contradiction"
    AGREEMENT = "agreement"
    UNRELATED = "unrelated"
    # No model read the pair and no rule found a conflict (--nli-model none): nobody
    # judged it, which is not the model saying "unrelated".
    NOT_JUDGED = "not_judged"


class NliProbs(_Model):
    """Probabilities of one NLI direction (premise ⇒ hypothesis)."""

    entailment: float
    neutral: float
    contradiction: float


class MentionedDate(_Model):
    text: str = Field(description="The words in the sentence, e.g. '7 января'.")
    date: dt.date


class Gloss(_Model):
    language: str = Field(description="The language glossed into, e.g. 'en'.")
    text: str
    model: str = Field(description="The translation model that wrote it.")


class AlignedSentence(_Model):
    source: str
    index: int
    text: str
    language: str


class FindingSide(_Model):
    source: str
    index: int
    text: str
    language: str
    date: dt.date | None = None
    mentioned_dates: list[MentionedDate] = Field(
        default_factory=list, description="Dates written in the sentence (shown findings only)."
    )
    cited: list[str] = Field(
        default_factory=list, description="Who this sentence attributes its claim to."
    )
    gloss: Gloss | None = Field(
        default=None,
        description="Machine translation for readers of another language (--gloss); "
        "`text` above stays the original.",
    )
    copies: list[AlignedSentence] = Field(
        default_factory=list,
        description="The same claim in other sources (reprints or translations that NLI "
        "read as saying the same thing); judged once, through this sentence.",
    )


class FigureRead(_Model):
    """One figure as the number rule read it."""

    text: str = Field(description="The words, e.g. 'about 30 yards', '«125 млн фунтов»'.")
    value: float = Field(
        description="In the dimension's base unit: m, kg, °C, km/h, km², m³, s (durations), "
        "minutes after midnight (times), month×100+day (dates), the currency's own unit "
        "(money), the year (years), winner×100+loser (scores), else the count."
    )
    high: float | None = Field(default=None, description="Upper end of a range, or null.")
    dimension: str = Field(
        description="count, length, mass, temperature, money:GBP (any currency code), "
        "percent, points, magnitude, speed, area, volume, duration, time, date, year, score."
    )
    unit: str = Field(description="The unit as written ('yd', '%', 'GBP'); for counts the "
                      "counted word when one was read.")  # fmt: skip
    counts: str | None = Field(
        default=None,
        description="For counts: what is counted, comparable across languages (dead, "
        "injured, troops, people, votes, …); null when not read.",
    )
    qualifier: Literal["exact", "about", "min", "max"] = Field(
        description="about (around, около, نحو), min (more than, at least, свыше, أكثر من), "
        "max (up to, under, до, حتى), or exact."
    )


class FigureEvidence(_Model):
    """Two figures of one pair compared by the number rule."""

    a: FigureRead
    b: FigureRead
    basis: Literal["unit", "concept", "sole"] = Field(
        description="Why they are one thing: 'unit' (one dimension with units), 'concept' "
        "(counts of one named thing), 'sole' (the one count left unexplained on each side)."
    )
    outcome: Literal["conflict", "agree"]
    decides: bool = Field(
        description="True when this conflict made the rule verdict; false for a note."
    )


class PairFinding(_Model):
    """The NLI verdict on one cross-source sentence pair, both directions kept."""

    verdict: Verdict
    confidence: float | None = Field(
        description="The NLI model's probability behind the verdict, 0..1; null when a rule "
        "beside NLI decided it (see decided_by): no model produced a number for that."
    )
    decided_by: Literal["nli", "numbers", "people", "none"] = Field(
        default="nli",
        description="What made the verdict: the NLI model, or the number or people rule "
        "(then `reason` says why, and a_to_b/b_to_a keep what the model said); 'none' "
        "when no NLI model ran (--nli-model none) and no rule fired.",
    )
    similarity: float = Field(description="Cosine similarity that made this a pair.")
    best_match: bool = Field(
        default=False,
        description="Each sentence is the other's closest sentence in its source: a rule "
        "beside NLI decides only on such pairs (or pairs above thresholds.rule_similarity).",
    )
    a: FindingSide
    b: FindingSide
    a_to_b: NliProbs | None = Field(
        description="a as premise, b as hypothesis; null when no NLI model ran."
    )
    b_to_a: NliProbs | None = Field(
        description="b as premise, a as hypothesis; null when no NLI model ran."
    )
    notes: list[str] = Field(
        default_factory=list,
        description="Weaker findings of the rules beside NLI, shown with the pair but never "
        "changing its verdict or the exit code (figures that differ in sentences that are "
        "not each other's closest match; figures that agree where the model reads a "
        "contradiction).",
    )
    figures: list[FigureEvidence] = Field(
        default_factory=list, description="The figures behind a number verdict or note."
    )
    reason: str | None = Field(
        default=None, description="Why beyond NLI, e.g. 'numbers differ: 20,000 vs 5,000'."
    )
    timeline: str | None = Field(
        default=None,
        description="For a contradiction between differently dated sources: the dates, "
        "earlier first ('2025-10-30 → 2026-01-07'; a is then the earlier side), with "
        "': position changed?' only when both sentences attribute the claim to the same "
        "speaker or outlet.",
    )


class SourceGroup(_Model):
    """Sources that tell one story: reprints or translations, likely one origin."""

    id: str = Field(description="'G1', 'G2', …")
    sources: list[str]
    mirrored_claims: int = Field(
        description="Claims told by two or more members in near-identical words or translation."
    )
    cited: list[str] = Field(
        default_factory=list, description="Who the members attribute their information to."
    )


class ContradictionSummary(_Model):
    """One contradiction between two claims, however many reprints repeat it."""

    between: list[str] = Field(
        description="The two sides: a group id ('G1') or, for an ungrouped source, its name; "
        "for a contradiction inside one group, the two sources' names."
    )
    findings: list[int] = Field(
        description="Indices into `findings` of every pair that states this contradiction; "
        "the first comes first in `findings`."
    )
    confidence: float | None = Field(
        description="The highest model confidence among the findings; null when rules "
        "decided them all."
    )
    reasons: list[str] = Field(default_factory=list)


class ModelInfo(_Model):
    role: str = Field(description="'nli', 'embed' or 'translate'.")
    name: str = Field(description="Hub id, local path, or built-in name.")
    revision: str | None = None
    backend: str
    device: str | None = None
    precision: str | None = Field(
        default=None, description="Arithmetic an NLI model ran in: fp32, bf16 (or int8 ONNX)."
    )


class Thresholds(_Model):
    min_similarity: float = Field(description="Absolute similarity floor for a pair.")
    per_source: int = Field(description="Counterparts per sentence in each other source/group.")
    margin: float = Field(description="Later counterparts within this of the best one.")
    max_pairs: int | None = Field(description="NLI pair budget; null: pairs_per_sentence × n.")
    pairs_per_sentence: float
    contradiction: float
    agreement: float
    reprint_similarity: float
    reprint_share: float
    people_similarity: float
    number_similarity: float
    rule_similarity: float
    paraphrase_similarity: float


class Summary(_Model):
    sources: int
    sentences: int
    pairs_checked: int = Field(description="Sentence pairs judged by NLI.")
    pairs_considered: int = Field(
        description="Candidate pairs the pairing stage proposed (before the budget)."
    )
    pairs_over_budget: int = Field(
        description="Candidates not judged because the pair budget (--max-pairs) was reached."
    )
    nli_calls: int | None = Field(description="Null when no NLI model ran.")
    nli_reused: int | None = Field(
        default=None,
        description="Of nli_calls, the results read back from the NLI cache of earlier runs "
        "(judged, not run again); null when no NLI model ran.",
    )
    contradictions: int
    distinct_contradictions: int = Field(
        description="Contradictions counted once per pair of claims (reprints merged)."
    )
    agreements: int
    unrelated: int
    not_judged: int = Field(
        default=0,
        description="Pairs no model read and no rule found in conflict (--nli-model none).",
    )
    unmatched_sentences: int
    notes: int = Field(default=0, description="Findings that carry a note.")
    languages: list[str]
    consistent: bool = Field(
        description="True when no contradiction reaches the threshold. Without an NLI model "
        "it says only that the rules found no conflict (see not_judged)."
    )
    agreement_ratio: float | None = Field(
        description="agreements / (agreements + contradictions); null when both are 0 or "
        "when no NLI model ran (no agreement can be read without one)."
    )


class Report(_Model):
    """Everything `checker compare` found; `checker compare --format json` prints it."""

    schema_version: str = SCHEMA_VERSION
    sources: list[Source]
    findings: list[PairFinding] = Field(
        description="Contradictions, then agreements, then unrelated pairs. Within each: "
        "(with --timeline, contradictions by their sources' dates, then) the model's "
        "verdicts by confidence, highest first, then verdicts a rule decided (no model "
        "confidence) by similarity, highest first."
    )
    groups: list[SourceGroup] = Field(
        default_factory=list, description="Reprint/translation groups of two or more sources."
    )
    contradiction_summaries: list[ContradictionSummary] = Field(default_factory=list)
    gloss_language: str | None = Field(default=None, description="The --gloss target.")
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

    def summary_findings(self, summary: ContradictionSummary) -> list[PairFinding]:
        return [self.findings[k] for k in summary.findings]

    @property
    def agreements(self) -> list[PairFinding]:
        return [f for f in self.findings if f.verdict is Verdict.AGREEMENT]


class AlignedPair(_Model):
    a: AlignedSentence
    b: AlignedSentence
    similarity: float


class Alignment(_Model):
    """Cross-source sentence pairs: the pairing stage alone (`checker align`)."""

    schema_version: str = SCHEMA_VERSION
    sources: list[Source]
    pairs: list[AlignedPair] = Field(description="Closest first (similarity, highest first).")
    models: list[ModelInfo]
    warnings: list[str] = Field(default_factory=list)
