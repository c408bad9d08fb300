"""`checker.verify(draft, sources)`: what the sources say of each sentence of a draft.

The stages are compare's (reading, cleaning, the embedder, the NLI model, the number and
people rules, the verdict rule); what differs is the question asked. compare asks every
source about every other; verify asks each source about each draft sentence only, the
source as premise and the draft sentence as hypothesis, so the NLI work grows with the
draft, and a disagreement between two wires the draft never repeats does not fail it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from checker.config import Config
from checker.draft.evidence import WIDTHS, Candidate, Stretch, candidates, retold, stretches
from checker.draft.schema import (
    DraftSentence,
    Evidence,
    SentenceVerdict,
    VerifyReport,
    VerifySummary,
)
from checker.errors import InputError
from checker.judge.nli import BatchedNli, NliModel, NoNli, make_nli
from checker.judge.score import Side, judge, probs, rules
from checker.pair.embed import Embedder, embedder_for, pairing_warnings
from checker.progress import Progress, Silent
from checker.schema import Sentence, Source, Verdict
from checker.sources.load import Input, load_sources, source_warnings

# The closest source stretch must be at least this similar for a sentence to count as
# having a counterpart when no NLI model reads the pair. On NTREX (bench/verify.py), a
# sentence's own translation falls below 0.40 for 1.6% of sentences, a sentence of
# another article of the same day for 99.5%.
DEFAULT_EVIDENCE_SIMILARITY = 0.40
DEFAULT_PER_SOURCE = 2  # single sentences per source and draft sentence, besides windows

NO_NLI_VERIFY_WARNING = (
    "no NLI model ran (--nli-model none): no sentence can be called supported, and only "
    "the number and people rules can call one contradicted; sentences with a close source "
    "counterpart are 'unverified', those without one 'not in the sources'"
)


class VerifyOptions(BaseModel):
    """What verify judges beyond compare's settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    per_source: int = Field(default=DEFAULT_PER_SOURCE, ge=1, le=50)
    windows: bool = True
    # windows only where no single sentence of their source decided (`_judged`)
    staged: bool = True
    evidence_similarity: float = Field(default=DEFAULT_EVIDENCE_SIMILARITY, ge=0.0, le=1.0)
    also_sources: bool = False


def verify(
    draft: Input,
    sources: Iterable[Input],
    config: Config | None = None,
    options: VerifyOptions | None = None,
    *,
    embedder: Embedder | None = None,
    nli: NliModel | None = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> VerifyReport:
    """Check a draft (a path, '-', a URL or a `text_source`) against its sources (paths,
    folders, URLs or `text_source`s): each draft sentence comes back contradicted,
    supported, not in the sources, unverified (no NLI model) or not a claim."""
    config = config or Config()
    options = options or VerifyOptions()
    progress = progress or Silent()
    text, material, dropped = _read(draft, list(sources), config, stdin)
    nli_model: NliModel = nli or make_nli(config)
    no_nli = isinstance(nli_model, NoNli)
    if isinstance(nli_model, BatchedNli):
        with progress.task("Loading NLI model"):
            nli_model.prepare()
    owned = embedder is None
    embedder = embedder or embedder_for(config)
    units = stretches(material, WIDTHS if options.windows else ())
    with progress.task("Embedding sentences", total=len(text.sentences) + len(units)) as advance:
        vectors = embedder.encode([s.text for s in text.sentences] + [u.text for u in units])
        advance(len(text.sentences) + len(units))
    embed_info = embedder.info()
    if owned and hasattr(embedder, "release"):
        embedder.release()
    draft_vectors, unit_vectors = vectors[: len(text.sentences)], vectors[len(text.sentences) :]
    similarity = (
        draft_vectors @ unit_vectors.T if len(units) else np.zeros((len(text.sentences), 0))
    )
    claims = [not _is_question(s.text) for s in text.sentences]
    found = candidates(similarity, units, len(material), per_source=options.per_source)
    found = [c if claim else [] for c, claim in zip(found, claims, strict=True)]
    reused = getattr(nli_model, "reused", 0)
    judged = _judged(
        found, units, text.sentences, material, nli_model, no_nli, config, progress,
        staged=options.staged,
    )  # fmt: skip
    reused = getattr(nli_model, "reused", 0) - reused  # read back from the NLI cache
    lines = [
        _sentence(s, claim, evidence, similarity[s.index] if len(units) else None, no_nli, options)
        for s, claim, evidence in zip(text.sentences, claims, judged, strict=True)
    ]
    if not no_nli:
        for line, evidence in zip(lines, judged, strict=True):
            line.nli_calls = dict(Counter(e.source for e in evidence))
    sources_report = None
    if options.also_sources and len([s for s in material if s.sentence_count]) >= 2:
        from checker.pipeline import compare

        sources_report = compare(sources=material, config=config, nli=nli_model, progress=progress)
    pairs = sum(len(e) for e in judged)
    counts = {v: sum(line.verdict is v for line in lines) for v in SentenceVerdict}
    summary = VerifySummary(
        sentences=len(lines),
        contradicted=counts[SentenceVerdict.CONTRADICTED],
        supported=counts[SentenceVerdict.SUPPORTED],
        not_in_sources=counts[SentenceVerdict.NOT_IN_SOURCES],
        unverified=counts[SentenceVerdict.UNVERIFIED],
        not_a_claim=counts[SentenceVerdict.NOT_A_CLAIM],
        sources=len(material),
        evidence_judged=pairs,
        nli_calls=None if no_nli else pairs,
        nli_reused=None if no_nli else reused,
        windows_skipped=None if no_nli else sum(len(c) for c in found) - pairs,
        passed=counts[SentenceVerdict.CONTRADICTED] == 0,
    )
    return VerifyReport(
        draft=text,
        sources=material,
        sentences=lines,
        summary=summary,
        settings={
            "contradiction_threshold": config.contradiction_threshold,
            "support_threshold": config.agreement_threshold,
            "evidence_similarity": options.evidence_similarity,
            "per_source": options.per_source,
            "windows": options.windows,
            "staged": options.staged,
            "number_similarity": config.number_similarity,
        },
        models=[embed_info] + ([] if no_nli else [nli_model.info()]),
        warnings=dropped
        + source_warnings([text, *material])
        + pairing_warnings([text, *material], embed_info.name)
        + ([NO_NLI_VERIFY_WARNING] if no_nli else []),
        sources_report=sources_report,
        generated_at=(
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            if config.timestamp
            else None
        ),
    )


def _same_input(a: Input, b: Input) -> bool:
    """One input given twice: the same URL, '-', or the same file by any path."""
    if isinstance(a, (str, Path)) and isinstance(b, (str, Path)):
        return _same_origin(str(a), str(b))
    return a is b


def _read(
    draft: Input, inputs: list[Input], config: Config, stdin: BinaryIO | None
) -> tuple[Source, list[Source], list[str]]:
    """The draft and the sources, read as compare reads them; one line for bad input.
    A draft found again inside a source folder is left out of the sources, with a
    warning; a draft named again as a source is an error."""
    if not inputs:
        raise InputError("no sources to verify the draft against (give one or more after it)")
    for item in inputs:
        if _same_input(draft, item):
            raise InputError(f"the draft {draft} is also given as a source")
    (text,) = load_sources([draft], stdin=stdin, config=config)
    if text.sentence_count == 0:
        raise InputError(f"the draft {text.name} has no sentences after cleaning")
    material = load_sources(inputs, stdin=stdin, config=config)
    dropped = []
    if text.origin not in ("-", "<text>"):
        again = [s for s in material if _same_origin(s.origin, text.origin)]
        if again:
            material = [s for s in material if s not in again]
            dropped = [f"{again[0].name} is the draft itself: left out of the sources"]
    if not any(s.sentence_count for s in material):
        raise InputError("no source has sentences after cleaning: nothing to verify against")
    return text, material, dropped


def _same_origin(a: str, b: str) -> bool:
    """Two origins (a path, a URL, '-') name one input."""
    if (
        "-" in (a, b)
        or a.startswith(("http://", "https://"))
        or b.startswith(("http://", "https://"))
    ):
        return a == b
    return Path(a).resolve() == Path(b).resolve()


def _is_question(text: str) -> bool:
    """A question asks, it does not claim (also in Arabic, ؟)."""
    return text.rstrip(" \"'»”’)").endswith(("?", "؟"))


def _judged(
    found: list[list[Candidate]],
    units: Sequence[Stretch],
    draft: Sequence[Sentence],
    material: Sequence[Source],
    nli: NliModel,
    no_nli: bool,
    config: Config,
    progress: Progress,
    *,
    staged: bool = True,
) -> list[list[Evidence]]:
    """Every candidate judged: NLI with the source stretch as premise, then the rules on
    single sentences (a window states more than one fact: its figures are not one
    sentence's), then the verdict rule compare uses.

    Staged: single sentences first; a source's 2-3 sentence windows only for draft
    sentences none of that source's single sentences decided (supports or contradicts).
    A window is there for a fact told over two sentences or split by a translator; where
    one sentence already says it, the window (2-3 times as long, so 2-3 times the NLI
    cost) adds work, not a verdict. Verdicts can still differ from judging every window
    (`--all-windows`): on NTREX with the MirrorNli stand-in, every difference was a
    window of the draft's own translation read as a contradiction (bench/verify_speed.py,
    docs/measuring.md)."""
    flat = [c for row in found for c in row]
    in_run = retold(found, units)

    def judge_all(todo: list[Candidate], title: str) -> dict[Candidate, Evidence]:
        pairs = [(units[c.stretch].text, draft[c.sentence].text) for c in todo]
        with progress.task(title, total=len(pairs)) as step:
            scores = nli.predict(pairs, progress=step) if pairs else np.zeros((0, 3))
        return {
            c: _evidence(c, scores[k], units, draft, material, no_nli, config, in_run)
            for k, c in enumerate(todo)
        }

    singles = [c for c in flat if units[c.stretch].single]
    windows = [c for c in flat if not units[c.stretch].single]
    judged = judge_all(singles, "Checking the draft against its sources (NLI)")
    if staged and not no_nli:  # without a model a window costs nothing: all are shown
        decided = {
            (c.sentence, units[c.stretch].source)
            for c, e in judged.items()
            if e.verdict in ("contradicts", "supports")
        }
        windows = [c for c in windows if (c.sentence, units[c.stretch].source) not in decided]
    judged |= judge_all(windows, "Checking windows no single sentence decided (NLI)")
    out: list[list[Evidence]] = [[] for _ in found]
    for c in flat:  # in candidate order, as before staging
        if c in judged:
            out[c.sentence].append(judged[c])
    return out


def _evidence(
    c: Candidate,
    scores: np.ndarray,
    units: Sequence[Stretch],
    draft: Sequence[Sentence],
    material: Sequence[Source],
    no_nli: bool,
    config: Config,
    in_run: set[tuple[int, int]],
) -> Evidence:
    """One candidate's evidence from its NLI row: the rules on a single sentence, then
    the verdict rule."""
    unit, sentence = units[c.stretch], draft[c.sentence]
    p = probs(scores.tolist())
    found_rules = (
        rules(
            Side(unit.text, unit.language),
            Side(sentence.text, sentence.language),
            c.similarity,
            c.mutual,
            config,
            closest=c.closest,
            # a draft sentence is no copy of the source sentence nearest to it (it
            # may tell background the sources do not cover: "in 2004 … 230,000")
            # unless the draft retells the source there, in a run of sentences
            copies=(c.sentence, c.stretch) in in_run,
        )
        if unit.single
        else None
    )
    verdict = judge(
        p,
        p,
        found_rules.conflicts if found_rules else [],
        contradiction_threshold=config.contradiction_threshold,
        agreement_threshold=config.agreement_threshold,
    )
    said = {
        Verdict.CONTRADICTION: "contradicts",
        Verdict.AGREEMENT: "supports",
        Verdict.UNRELATED: "neutral",
    }[verdict.verdict]
    decided_by = verdict.decided_by
    if no_nli and decided_by == "nli":
        said, decided_by = "unjudged", "none"
    return Evidence(
        source=material[unit.source].name,
        start=unit.start,
        end=unit.end,
        text=unit.text,
        language=unit.language,
        similarity=c.similarity,
        closest=c.closest,
        verdict=said,
        decided_by=decided_by,
        nli=None if no_nli else p,
        reason=verdict.reason,
        notes=list(found_rules.notes) if found_rules else [],
        figures=list(found_rules.figures) if found_rules else [],
    )


def distinct(evidence: list[Evidence]) -> list[Evidence]:
    """One stretch per stretch of text, in order: a window that holds a sentence already
    kept from the same source says nothing new."""
    kept: list[Evidence] = []
    for e in evidence:
        if not any(k.source == e.source and k.start < e.end and e.start < k.end for k in kept):
            kept.append(e)
    return kept


def where(e: Evidence) -> str:
    """'tass-ru.txt#3' or 'tass-ru.txt#3-4' (sentence numbers from 0, as in compare)."""
    span = f"{e.start}" if e.end - e.start == 1 else f"{e.start}-{e.end - 1}"
    return f"{e.source}#{span}"


def _sentence(
    sentence: Sentence,
    claim: bool,
    evidence: list[Evidence],
    row: np.ndarray | None,
    no_nli: bool,
    options: VerifyOptions,
) -> DraftSentence:
    """One draft sentence's verdict: contradicted when any source contradicts it (a
    source that also supports it does not cancel that: the reader must look), else
    supported when any source entails it, else not in the sources (no counterpart, or
    only neutral ones); without an NLI model, 'unverified' where a close counterpart
    exists."""
    best = round(float(row.max()), 6) if row is not None and row.size else None
    if not claim:
        return DraftSentence(
            index=sentence.index,
            text=sentence.text,
            language=sentence.language,
            verdict=SentenceVerdict.NOT_A_CLAIM,
            why="a question: it claims nothing to check",
            best_similarity=best,
        )

    # a rule's reason and single sentences first: the most specific evidence leads
    def specific(e: Evidence) -> tuple[bool, int, float]:
        return (e.reason is None, e.end - e.start, -e.similarity)

    against = sorted((e for e in evidence if e.verdict == "contradicts"), key=specific)
    support = sorted((e for e in evidence if e.verdict == "supports"), key=specific)
    rest = sorted(
        (e for e in evidence if e.verdict not in ("contradicts", "supports")),
        key=lambda e: -e.similarity,
    )
    ordered = against + support + rest
    close = [e for e in evidence if e.similarity >= options.evidence_similarity]
    if against:
        first = against[0]
        because = first.reason or (
            f"the model reads a contradiction ({first.nli.contradiction:.2f})" if first.nli else ""
        )
        verdict, why = SentenceVerdict.CONTRADICTED, f"{where(first)}: {because}"
        if support:
            why += f"; yet {', '.join(where(e) for e in distinct(support)[:3])} support it"
    elif support:
        verdict = SentenceVerdict.SUPPORTED
        why = "supported by " + ", ".join(where(e) for e in distinct(support)[:4])
    elif no_nli and close:
        top = max(close, key=lambda e: e.similarity)
        verdict = SentenceVerdict.UNVERIFIED
        why = (
            f"closest source text {where(top)} at similarity {top.similarity:.2f}; no NLI "
            "model read it"
        )
    else:
        verdict = SentenceVerdict.NOT_IN_SOURCES
        if not evidence:
            why = "no source text to compare it with"
        elif close:
            why = "no source supports or contradicts it (the closest say something else)"
        else:
            why = f"no source says anything close (best similarity {best:.2f})"
    return DraftSentence(
        index=sentence.index,
        text=sentence.text,
        language=sentence.language,
        verdict=verdict,
        why=why,
        best_similarity=best,
        evidence=ordered,
    )
