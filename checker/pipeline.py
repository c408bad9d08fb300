"""The pipeline: ingest → clean → segment → embed/align → NLI → score → Report.

Usable without the CLI: `checker.compare([...])` returns a pydantic `Report`.
Models are passed in (for tests and for reuse across calls) or built lazily from
the config; nothing heavy is imported until a stage needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

import numpy as np

from checker.config import Config
from checker.errors import InputError
from checker.findings import (
    NO_NLI_WARNING,
    annotated,
    budget_warning,
    finding,
    glossed,
    nli_languages,
    ordered,
    with_copies,
)
from checker.gloss import Translator, all_present, translators_for, usable_translators
from checker.judge.nli import BatchedNli, NliModel, NoNli, make_nli
from checker.pair.candidates import (
    Candidate,
    Mirrors,
    mirror_links,
    mirrors_from_links,
    missing_halves,
    select_pairs,
    split_halves,
    spread_links,
    unmatched,
    with_mutual,
)
from checker.pair.embed import Embedder, embedder_for, gates_on_scale, pairing_warnings
from checker.pair.groups import group_sources, mirrors, summarise_contradictions
from checker.progress import Progress, Silent
from checker.schema import (
    AlignedPair,
    AlignedSentence,
    Alignment,
    PairFinding,
    Report,
    Sentence,
    Source,
    Summary,
    Verdict,
)
from checker.sources.load import Input, load_sources, source_warnings, with_provenance

__all__ = ["Input", "align", "compare", "load_sources", "source_warnings", "with_provenance"]


def _flat_sentences(sources: Sequence[Source]) -> list[Sentence]:
    return [s for src in sources for s in src.sentences]


def _require_two(sources: Sequence[Source]) -> None:
    if len(sources) < 2:
        raise InputError(f"need at least two sources to compare, got {len(sources)}")
    with_text = [s.name for s in sources if s.sentence_count > 0]
    if len(with_text) < 2:
        empty = ", ".join(s.name for s in sources if s.sentence_count == 0)
        raise InputError(
            f"nothing to compare: only {len(with_text)} source(s) have sentences "
            f"({empty} yielded none after cleaning)"
        )


def _comparable_sources(
    inputs: Iterable[Input] | None,
    sources: Sequence[Source] | None,
    config: Config,
    names: Mapping[str, str] | None,
    dates: Mapping[str, dt.date] | None,
    stdin: BinaryIO | None,
) -> Sequence[Source]:
    """The given sources, or the inputs read and segmented; at least two with sentences."""
    if sources is None:
        sources = load_sources(inputs or [], names=names, dates=dates, stdin=stdin, config=config)
    else:
        sources = [with_provenance(s) for s in sources]
    _require_two(sources)
    return sources


def _embedded(
    sources: Sequence[Source], embedder: Embedder, progress: Progress
) -> tuple[list[Sentence], np.ndarray]:
    """Every sentence and its embedding, computed once for the whole run."""
    sentences = _flat_sentences(sources)
    with progress.task("Embedding sentences", total=len(sentences)) as advance:
        vectors = embedder.encode([s.text for s in sentences])
        advance(len(sentences))
    return sentences, vectors


def align(
    inputs: Iterable[Input] | None = None,
    config: Config | None = None,
    *,
    sources: Sequence[Source] | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
    dates: Mapping[str, dt.date] | None = None,
    stdin: BinaryIO | None = None,
) -> Alignment:
    """Cross-source sentence pairs with their similarity; no NLI model needed."""
    config = config or Config()
    progress = progress or Silent()
    sources = _comparable_sources(inputs, sources, config, names, dates, stdin)
    embedder = embedder or embedder_for(config, (s.language for s in sources))
    sentences, vectors = _embedded(sources, embedder, progress)
    # No NLI here to confirm reprints, so every copy is paired on its own.
    plan = select_pairs(sentences, vectors, config.pairing())
    candidates = plan.pairs

    def side(s: Sentence) -> AlignedSentence:
        return AlignedSentence(source=s.source, index=s.index, text=s.text, language=s.language)

    # the closest pairs first: a reader scans from the top
    ranked = sorted(candidates, key=lambda c: (-c.similarity, c.i, c.j))
    pairs = [
        AlignedPair(a=side(sentences[c.i]), b=side(sentences[c.j]), similarity=c.similarity)
        for c in ranked
    ]
    return Alignment(
        sources=list(sources),
        pairs=pairs,
        models=[embedder.info()],
        warnings=source_warnings(sources)
        + pairing_warnings(sources, embedder.info().name)
        + budget_warning(plan.considered, len(candidates), plan.close_cut),
    )


def compare(
    inputs: Iterable[Input] | None = None,
    config: Config | None = None,
    *,
    sources: Sequence[Source] | None = None,
    embedder: Embedder | None = None,
    nli: NliModel | None = None,
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
    dates: Mapping[str, dt.date] | None = None,
    stdin: BinaryIO | None = None,
) -> Report:
    """Find contradictions and agreements between sources.

    `inputs` are paths, directories, '-' (stdin), URLs or `RawSource`s (text you hold
    in memory: `checker.text_source`); or pass already
    segmented `sources`. `embedder` and `nli` default to the models in `config`.
    `names` maps an input to a source name, `dates` a source name to its date.
    """
    config = config or Config()
    progress = progress or Silent()
    sources = _comparable_sources(inputs, sources, config, names, dates, stdin)
    models = _prepare_models(config, sources, embedder, nli, progress)
    config = gates_on_scale(config, models.embedder, {s.language or "und" for s in sources})
    sentences, vectors = _embedded(sources, models.embedder, progress)
    if models.owns_embedder and hasattr(models.embedder, "release"):
        models.embedder.release()  # embedded once: its weights need not stay
    judged = _judge(sentences, vectors, sources, models, config, progress)
    shown, date_problems = _details(judged.findings, models, config, progress)
    return _report(sources, sentences, judged, shown, date_problems, models, config)


@dataclass
class _Models:
    """The models one compare uses, resolved before any long work."""

    embedder: Embedder
    owns_embedder: bool
    nli: NliModel
    translators: dict[str, Translator]
    unglossed: list[str]
    gloss_warnings: list[str]

    @property
    def no_nli(self) -> bool:
        return isinstance(self.nli, NoNli)


def _prepare_models(
    config: Config,
    sources: Sequence[Source],
    embedder: Embedder | None,
    nli: NliModel | None,
    progress: Progress,
) -> _Models:
    """The embedder, the NLI model (found now, so a missing model fails before any
    long work; loaded now unless the NLI cache may answer every pair) and the
    translators --gloss needs, only those that translate into it."""
    nli_model: NliModel = nli or make_nli(config)
    if isinstance(nli_model, BatchedNli):
        with progress.task("Loading NLI model"):
            nli_model.prepare()
    translators, unglossed = translators_for(
        config, {x.language for s in sources for x in s.sentences}
    )
    gloss_warnings: list[str] = []
    if translators and config.gloss:
        with progress.task("Finding translation model(s) for --gloss"):
            all_present(translators)  # or one error naming every missing model
            translators, gloss_warnings = usable_translators(translators, config.gloss)
    return _Models(
        embedder=embedder or embedder_for(config, (s.language for s in sources)),
        owns_embedder=embedder is None,
        nli=nli_model,
        translators=translators,
        unglossed=unglossed,
        gloss_warnings=gloss_warnings,
    )


@dataclass
class _Judged:
    """Every judged pair (copies first, then the rest), in candidate order."""

    candidates: list[Candidate]
    findings: list[PairFinding]
    copies: Mirrors
    considered: int
    close_cut: int = 0
    reused: int = 0  # NLI results read back from the disk cache (judge/cache.py)


def _judge(
    sentences: list[Sentence],
    vectors: np.ndarray,
    sources: Sequence[Source],
    models: _Models,
    config: Config,
    progress: Progress,
) -> _Judged:
    """Possible copies first (NLI confirms which mirror), then every other pair, each
    confirmed claim once, within what is left of the budget."""
    options = config.pairing()
    reused = getattr(models.nli, "reused", 0)
    if models.no_nli:  # copies are known by entailment: without NLI none is confirmed
        options = replace(options, reprints=False)
    budget = options.budget(len(sentences), len(sources))
    source_dates = {s.name: s.date for s in sources}

    def judged(pairs: list[Candidate], what: str) -> list[PairFinding]:
        directed = [(sentences[c.i].text, sentences[c.j].text) for c in pairs]
        directed += [(b, a) for a, b in directed]
        with progress.task(what, total=len(directed)) as advance:
            scores = (
                models.nli.predict(directed, progress=advance) if directed else np.zeros((0, 3))
            )
        return [
            finding(
                c, scores[k], scores[len(pairs) + k], sentences, source_dates, config, models.no_nli
            )
            for k, c in enumerate(pairs)
        ]

    looks = mirror_links(sentences, vectors, replace(options, reprints=True))
    possible = spread_links(looks if options.reprints else [])
    in_copies = len({k for c in possible for k in (c.i, c.j)})
    links = possible[: options.link_budget(in_copies, budget)]
    link_findings = judged(links, "Checking possible reprints (NLI)")
    confirmed = [
        (c.i, c.j)
        for c, f in zip(links, link_findings, strict=True)
        if mirrors(
            f, min_similarity=config.reprint_similarity, entailment=config.agreement_threshold
        )
    ]
    copies = mirrors_from_links(sentences, confirmed, config.reprint_share) if links else Mirrors()
    plan = select_pairs(
        sentences,
        vectors,
        options,
        mirrors=copies if copies.groups else None,
        judged=[(c.i, c.j) for c in links],  # links over their share compete as pairs
        budget=budget - len(links),
    )
    halves = split_halves(sentences, vectors)
    room = max(0, budget - len(links) - len(plan.pairs))  # halves stay inside the budget
    pairs = plan.pairs + missing_halves(plan.pairs, halves, vectors)[:room]
    pairs = with_mutual(pairs, sentences, vectors, options, halves)
    findings = with_copies(
        link_findings + judged(pairs, "Checking pairs (NLI, both directions)"),
        sentences,
        copies,
    )
    reused = getattr(models.nli, "reused", 0) - reused
    return _Judged(
        links + pairs, findings, copies, len(links) + plan.considered, plan.close_cut, reused
    )


def _details(
    findings: list[PairFinding], models: _Models, config: Config, progress: Progress
) -> tuple[list[PairFinding], dict[str, str]]:
    """Dates and citations written in the sentences of shown findings, and glosses;
    which sources' dates could not be read."""
    date_problems: dict[str, str] = {}
    findings = [annotated(f, date_problems) for f in findings]
    if models.translators and config.gloss:
        findings = glossed(findings, models.translators, config.gloss, progress)
    return findings, date_problems


def _report(
    sources: Sequence[Source],
    sentences: list[Sentence],
    judged: _Judged,
    by_candidate: list[PairFinding],
    date_problems: dict[str, str],
    models: _Models,
    config: Config,
) -> Report:
    """Ordered findings, reprint groups and per-claim summaries, one-source claims,
    counts and every warning, as one Report."""
    findings = ordered(by_candidate, config.timeline)
    # Told by one source only: no other source confirms or contradicts the sentence.
    supported = [
        c
        for c, f in zip(judged.candidates, by_candidate, strict=True)
        if models.no_nli or f.verdict is not Verdict.UNRELATED  # without NLI: any counterpart
    ]
    lonely = unmatched(sentences, supported, judged.copies)
    groups, claim_of = group_sources(
        sources,
        findings,
        min_similarity=config.reprint_similarity,
        entailment=config.agreement_threshold,
        min_share=config.reprint_share,
    )
    summaries = summarise_contradictions(findings, groups, claim_of)
    group_of = {name: g.id for g in groups for name in g.sources}
    sources = [
        s.model_copy(
            update={
                "group": group_of.get(s.name),
                "warnings": s.warnings
                + ([date_problems[s.name]] if s.name in date_problems else []),
            }
        )
        for s in sources
    ]
    counts = {v: sum(f.verdict is v for f in findings) for v in Verdict}
    contradictions, agreements = counts[Verdict.CONTRADICTION], counts[Verdict.AGREEMENT]
    checked = len(judged.candidates)
    summary = Summary(
        sources=len(sources),
        sentences=len(sentences),
        pairs_checked=checked,
        pairs_considered=judged.considered,
        pairs_over_budget=judged.considered - checked,
        nli_calls=None if models.no_nli else 2 * checked,
        nli_reused=None if models.no_nli else judged.reused,
        contradictions=contradictions,
        distinct_contradictions=len(summaries),
        agreements=agreements,
        unrelated=counts[Verdict.UNRELATED],
        not_judged=counts[Verdict.NOT_JUDGED],
        unmatched_sentences=len(lonely),
        notes=sum(bool(f.notes) for f in findings),
        languages=sorted({s.language for s in sentences}),
        consistent=contradictions == 0,
        agreement_ratio=(
            round(agreements / (agreements + contradictions), 6)
            if agreements + contradictions and not models.no_nli
            else None
        ),
    )
    translators = list(dict.fromkeys(models.translators.values()))
    return Report(
        sources=list(sources),
        findings=findings,
        groups=groups,
        contradiction_summaries=summaries,
        unmatched=lonely,
        summary=summary,
        thresholds=config.thresholds(),
        models=[models.embedder.info()]
        + ([] if models.no_nli else [models.nli.info()])
        + [t.info() for t in translators],
        gloss_language=config.gloss,
        warnings=source_warnings(sources, nli_languages(models.nli))
        + pairing_warnings(sources, models.embedder.info().name)
        # without a model no pair is judged beyond the rules: no budget to raise
        + ([] if models.no_nli else budget_warning(judged.considered, checked, judged.close_cut))
        + ([NO_NLI_WARNING] if models.no_nli else [])
        + models.gloss_warnings
        + [
            f"--gloss {config.gloss}: no translation model in the catalog for {lang}; its "
            "sentences are not glossed (pass --gloss-model NAME|PATH)"
            for lang in models.unglossed
        ],
        generated_at=(
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            if config.timestamp
            else None
        ),
    )
