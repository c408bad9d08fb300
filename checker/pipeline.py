"""The pipeline: ingest → clean → segment → embed/align → NLI → score → Report.

Usable without the CLI: `checker.compare([...])` returns a pydantic `Report`.
Models are passed in (for tests and for reuse across calls) or built lazily from
the config; nothing heavy is imported until a stage needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import numpy as np

from checker.checks.facts import DateReadError, mentioned_dates
from checker.checks.provenance import attributions, cited_by
from checker.config import Config
from checker.errors import InputError
from checker.gloss import Translator, gloss_texts, translators_for, usable_translators
from checker.judge.nli import BatchedNli, NliModel, NoNli, make_nli
from checker.judge.score import judge, probs, rule_conflicts
from checker.pair.candidates import (
    Candidate,
    Mirrors,
    mirror_links,
    mirrors_from_links,
    select_pairs,
    unmatched,
)
from checker.pair.embed import Embedder, embedder_for
from checker.pair.groups import group_sources, mirrors, summarise_contradictions
from checker.progress import Progress, Silent
from checker.schema import (
    AlignedPair,
    AlignedSentence,
    Alignment,
    FindingSide,
    Gloss,
    MentionedDate,
    PairFinding,
    Report,
    Sentence,
    Source,
    Summary,
    Verdict,
)
from checker.sources.ingest import (
    RawSource,
    read_sources,
    too_many_sources,
)
from checker.sources.segment import segment

Input = str | Path | RawSource


def load_sources(
    inputs: Iterable[Input],
    *,
    names: Mapping[str, str] | None = None,
    dates: Mapping[str, dt.date] | None = None,
    stdin: BinaryIO | None = None,
    config: Config | None = None,
) -> list[Source]:
    """Read, clean and segment every input.

    A `str` or `Path` is always a file, a directory, '-' (stdin) or an http(s) URL, never
    the text itself: a mistyped path is an error, not an article. Pass text as a
    `RawSource` (`checker.text_source(text, name=...)`). The limits in `config`
    (sources, megabytes and sentences per source) are enforced here."""
    config = config or Config()
    max_bytes = int(config.max_source_mb * 1_000_000)
    raws: list[RawSource] = []
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, RawSource):
            if len(item.text.encode("utf-8")) > max_bytes:
                raise InputError(f"{item.name}: over the per-source limit")
            raws.append(item)
        else:
            paths.append(str(item))
    if paths:
        raws.extend(
            read_sources(
                paths,
                names=names,
                dates=dates,
                stdin=stdin,
                max_bytes=max_bytes,
                max_sources=config.max_sources,
                url_timeout=config.url_timeout,
            )
        )
    if len(raws) > config.max_sources:
        raise too_many_sources(len(raws), config.max_sources)
    sources = [with_provenance(segment(raw, min_chars=config.min_sentence_chars)) for raw in raws]
    for src in sources:
        if src.sentence_count > config.max_sentences:
            raise InputError(
                f"{src.origin}: {src.sentence_count} sentences is over the per-source limit of "
                f"{config.max_sentences} (raise it with --max-sentences)"
            )
    return sources


def with_provenance(source: Source) -> Source:
    """The source with the names it attributes its information to."""
    cited = cited_by((x.text, x.language) for x in source.sentences)
    return source if cited == source.cited else source.model_copy(update={"cited": cited})


def source_warnings(sources: Sequence[Source], nli_languages: Sequence[str] = ()) -> list[str]:
    """What a reader must know about the input: nothing is dropped silently."""
    warnings = [f"{s.name}: {w}" for s in sources for w in s.warnings]
    warnings += [
        f"{s.name}: no sentences after cleaning (empty, whitespace or boilerplate only)"
        for s in sources
        if s.sentence_count == 0
    ]
    first_with: dict[tuple[str, ...], str] = {}
    for s in sources:
        key = tuple(x.text for x in s.sentences)
        if key and key in first_with:
            warnings.append(f"{s.name}: same text as {first_with[key]} (a reprint?)")
        first_with.setdefault(key, s.name)
    if nli_languages:
        used = sorted({x.language for s in sources for x in s.sentences} - {"und"})
        missing = [lang for lang in used if lang not in nli_languages]
        if missing:
            warnings.append(
                f"language(s) {', '.join(missing)} not among the NLI model's trained languages; "
                "verdicts on them are less reliable"
            )
    return warnings


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


def _budget_warning(considered: int, judged: int) -> list[str]:
    if considered <= judged:
        return []
    return [
        f"pair budget reached: {considered - judged} of {considered} candidate pairs were not "
        f"judged, the least promising first (raise --max-pairs to judge them)"
    ]


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
    embedder = embedder or embedder_for(config)
    sentences, vectors = _embedded(sources, embedder, progress)
    # No NLI here to confirm reprints, so every copy is paired on its own.
    plan = select_pairs(sentences, vectors, config.pairing())
    candidates = plan.pairs

    def side(s: Sentence) -> AlignedSentence:
        return AlignedSentence(source=s.source, index=s.index, text=s.text, language=s.language)

    pairs = [
        AlignedPair(a=side(sentences[c.i]), b=side(sentences[c.j]), similarity=c.similarity)
        for c in candidates
    ]
    return Alignment(
        sources=list(sources),
        pairs=pairs,
        models=[embedder.info()],
        warnings=source_warnings(sources) + _budget_warning(plan.considered, len(candidates)),
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
    owned = embedder is None  # built here: released once the sentences are embedded
    embedder = embedder or embedder_for(config)
    nli_model: NliModel = nli or make_nli(config)
    no_nli = isinstance(nli_model, NoNli)
    if isinstance(nli_model, BatchedNli):
        with progress.task("Loading NLI model"):
            nli_model.load()  # fail on a missing model before any long work
    translators, unglossed = translators_for(
        config, {x.language for s in sources for x in s.sentences}
    )
    gloss_warnings: list[str] = []
    if translators and config.gloss:
        with progress.task("Finding translation model(s) for --gloss"):
            for translator in dict.fromkeys(translators.values()):
                translator.resolve()  # fail on a missing model before any long work
            translators, gloss_warnings = usable_translators(translators, config.gloss)
    sentences, vectors = _embedded(sources, embedder, progress)
    if owned and hasattr(embedder, "release"):
        embedder.release()
    options = config.pairing()
    if no_nli:  # mirrored copies are known by entailment: without NLI none is confirmed
        options = replace(options, reprints=False)
    budget = options.budget(len(sentences))
    source_dates = {s.name: s.date for s in sources}

    def judged(pairs: list[Candidate], what: str) -> list[PairFinding]:
        directed = [(sentences[c.i].text, sentences[c.j].text) for c in pairs]
        directed += [(b, a) for a, b in directed]
        with progress.task(what, total=len(directed)) as advance:
            scores = nli_model.predict(directed, progress=advance) if directed else np.zeros((0, 3))
        return [
            _finding(c, scores[k], scores[len(pairs) + k], sentences, source_dates, config, no_nli)
            for k, c in enumerate(pairs)
        ]

    # 1. Possible copies (reprints, translations) first: NLI confirms which mirror.
    possible = mirror_links(sentences, vectors, options)
    links = possible[:budget]
    link_findings = judged(links, "Checking possible reprints (NLI)")
    confirmed = [
        (c.i, c.j)
        for c, f in zip(links, link_findings, strict=True)
        if mirrors(
            f, min_similarity=config.reprint_similarity, entailment=config.agreement_threshold
        )
    ]
    copies = mirrors_from_links(sentences, confirmed, config.reprint_share) if links else Mirrors()
    # 2. Everything else, each confirmed claim once, within what is left of the budget.
    plan = select_pairs(
        sentences,
        vectors,
        options,
        mirrors=copies if copies.groups else None,
        judged=[(c.i, c.j) for c in possible],  # proposed once: judged, or over budget
        budget=budget - len(links),
    )
    candidates = links + plan.pairs
    findings_by_candidate = _with_copies(
        link_findings + judged(plan.pairs, "Checking pairs (NLI, both directions)"),
        sentences,
        copies,
    )
    considered = len(possible) + plan.considered
    date_problems: dict[str, str] = {}
    findings_by_candidate = [_annotated(f, date_problems) for f in findings_by_candidate]
    if translators and config.gloss:
        findings_by_candidate = _glossed(findings_by_candidate, translators, config.gloss, progress)
    rank = {Verdict.CONTRADICTION: 0, Verdict.AGREEMENT: 1, Verdict.UNRELATED: 2}
    far = dt.date.max
    findings = sorted(
        findings_by_candidate,
        key=lambda f: (
            rank[f.verdict],
            *(  # --timeline: contradictions in the order their sources were published
                ((f.a.date or far), (f.b.date or far))
                if config.timeline and f.verdict is Verdict.CONTRADICTION
                else (far, far)
            ),
            # the model's own verdicts by its confidence, then those a rule decided
            # (no model confidence: never ranked as one) by similarity
            f.confidence is None,
            -(f.confidence or 0.0),
            -f.similarity,
            f.a.source,
            f.a.index,
            f.b.source,
            f.b.index,
        ),
    )
    # Told by one source only: no other source confirms or contradicts the sentence.
    supported = [
        c
        for c, f in zip(candidates, findings_by_candidate, strict=True)
        if no_nli or f.verdict is not Verdict.UNRELATED  # without NLI: any counterpart
    ]
    lonely = unmatched(sentences, supported, copies)
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
    summary = Summary(
        sources=len(sources),
        sentences=len(sentences),
        pairs_checked=len(candidates),
        pairs_considered=considered,
        pairs_over_budget=considered - len(candidates),
        nli_calls=2 * len(candidates),
        contradictions=contradictions,
        distinct_contradictions=len(summaries),
        agreements=agreements,
        unrelated=counts[Verdict.UNRELATED],
        unmatched_sentences=len(lonely),
        languages=sorted({s.language for s in sentences}),
        consistent=contradictions == 0,
        agreement_ratio=(
            round(agreements / (agreements + contradictions), 6)
            if agreements + contradictions
            else None
        ),
    )
    return Report(
        sources=list(sources),
        findings=findings,
        groups=groups,
        contradiction_summaries=summaries,
        unmatched=lonely,
        summary=summary,
        thresholds=config.thresholds(),
        models=[embedder.info()]
        + ([] if no_nli else [nli_model.info()])
        + [t.info() for t in dict.fromkeys(translators.values())],
        gloss_language=config.gloss,
        warnings=source_warnings(sources, _nli_languages(nli_model))
        + _budget_warning(considered, len(candidates))
        + ([NO_NLI_WARNING] if no_nli else [])
        + gloss_warnings
        + [
            f"--gloss {config.gloss}: no translation model in the catalog for {lang}; its "
            "sentences are not glossed (pass --gloss-model NAME|PATH)"
            for lang in unglossed
        ],
        generated_at=(
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            if config.timestamp
            else None
        ),
    )


NO_NLI_WARNING = (
    "no NLI model ran (--nli-model none): pairs were judged only by the number and "
    "people-in-role checks, so contradictions and agreements that need the sentences read "
    "(negation, conditions and refusals, paraphrase) are not reported, agreements are not "
    "counted, and reprint/translation groups are not formed"
)


def _finding(
    cand: Candidate,
    forward: np.ndarray,
    backward: np.ndarray,
    sentences: Sequence[Sentence],
    source_dates: Mapping[str, dt.date | None],
    config: Config,
    no_nli: bool = False,
) -> PairFinding:
    """One judged pair: the NLI verdict, the rule checks, and dates in reading order."""
    ab, ba = probs(forward.tolist()), probs(backward.tolist())
    a, b = sentences[cand.i], sentences[cand.j]
    verdict = judge(
        ab,
        ba,
        rule_conflicts(a.text, b.text, cand.similarity, config, (a.language, b.language)),
        contradiction_threshold=config.contradiction_threshold,
        agreement_threshold=config.agreement_threshold,
    )
    reason = verdict.reason
    decided_by, confidence = verdict.decided_by, verdict.confidence
    if no_nli and decided_by == "nli":  # no model said "unrelated": nobody judged it
        decided_by, confidence = "none", None

    def side(s: Sentence) -> FindingSide:
        return FindingSide(
            source=s.source,
            index=s.index,
            text=s.text,
            language=s.language,
            date=source_dates[s.source],
        )

    first, second = side(sentences[cand.i]), side(sentences[cand.j])
    timeline = None
    if verdict.verdict is Verdict.CONTRADICTION and first.date and second.date:
        if second.date < first.date:  # the earlier statement first
            first, second, ab, ba = second, first, ba, ab
            if reason:  # worded in the new order: "earlier vs later"
                reason = "; ".join(
                    r
                    for _, r in rule_conflicts(
                        b.text, a.text, cand.similarity, config, (b.language, a.language)
                    )
                )
        if first.date != second.date:
            timeline = f"{first.date} → {second.date}"
            if _same_speaker(sentences[cand.i], sentences[cand.j]):
                timeline += ": position changed?"
    return PairFinding(
        reason=reason,
        timeline=timeline,
        verdict=verdict.verdict,
        confidence=None if confidence is None else round(confidence, 6),
        decided_by=decided_by,
        similarity=cand.similarity,
        a=first,
        b=second,
        a_to_b=ab,
        b_to_a=ba,
    )


def _same_speaker(a: Sentence, b: Sentence) -> bool:
    """Both sentences attribute their claim to one speaker or outlet ("according to X",
    «как сообщает X»): only then is a later contradiction a change of position; two
    outlets disagreeing on different days is no accusation the data supports."""
    cited_a = {name.casefold() for name in attributions(a.text, a.language)}
    cited_b = {name.casefold() for name in attributions(b.text, b.language)}
    return bool(cited_a & cited_b)


def _with_copies(
    findings: list[PairFinding], sentences: Sequence[Sentence], copies: Mirrors
) -> list[PairFinding]:
    """Each side names the confirmed copies (reprints, translations) of its claim, so
    a contradiction judged once is reported with every source that carries it; a copy
    judged against the same sentence in a finding of its own is not named twice."""
    if not copies.claims:
        return findings
    flat = {(s.source, s.index): k for k, s in enumerate(sentences)}
    judged = {(flat[(f.a.source, f.a.index)], flat[(f.b.source, f.b.index)]) for f in findings}
    judged |= {(b, a) for a, b in judged}

    def named(side: FindingSide, other: FindingSide) -> FindingSide:
        me, them = flat[(side.source, side.index)], flat[(other.source, other.index)]
        extra = [c for c in copies.copies(me) if c != them and (c, them) not in judged]
        if not extra:
            return side
        refs = [
            AlignedSentence(
                source=sentences[c].source,
                index=sentences[c].index,
                text=sentences[c].text,
                language=sentences[c].language,
            )
            for c in extra
        ]
        return side.model_copy(update={"copies": refs})

    return [f.model_copy(update={"a": named(f.a, f.b), "b": named(f.b, f.a)}) for f in findings]


def _nli_languages(nli_model: NliModel) -> list[str]:
    """The catalog's language list for the NLI model that ran (by its hub id or catalog
    name), if it is a catalog model; never the configured one's when another ran."""
    from checker.store.catalog import find

    entry = find(nli_model.info().name)
    return list(entry.languages) if entry is not None and entry.role == "nli" else []


def _glossed(
    findings: list[PairFinding],
    translators: dict[str, Translator],
    target: str,
    progress: Progress,
) -> list[PairFinding]:
    """Shown findings with a translation of each side not already in `target`."""
    shown = [f for f in findings if f.verdict is not Verdict.UNRELATED]
    items = {(side.language, side.text) for f in shown for side in (f.a, f.b)}
    with progress.task(f"Translating into {target} (--gloss)", total=len(items)) as advance:
        glosses = gloss_texts(translators, sorted(items), target)
        advance(len(items))

    def glossed(side: FindingSide) -> FindingSide:
        text = glosses.get((side.language, side.text))
        if text is None:
            return side
        model = translators[side.language].name
        return side.model_copy(update={"gloss": Gloss(language=target, text=text, model=model)})

    return [
        f
        if f.verdict is Verdict.UNRELATED
        else f.model_copy(update={"a": glossed(f.a), "b": glossed(f.b)})
        for f in findings
    ]


def _annotated(finding: PairFinding, problems: dict[str, str]) -> PairFinding:
    """Dates written in, and attributions of, the sentences of a shown finding
    (contradictions and agreements). A sentence whose dates cannot be read is noted
    in `problems` by source, for the report's warnings: unknown is not "no dates"."""
    if finding.verdict is Verdict.UNRELATED:
        return finding

    def annotate(side: FindingSide) -> FindingSide:
        try:
            found = mentioned_dates(side.text, side.language, side.date)
        except DateReadError as exc:
            problems.setdefault(side.source, f"dates in its sentences could not be read ({exc})")
            found = []
        return side.model_copy(
            update={
                "mentioned_dates": [MentionedDate(text=w, date=d) for w, d in found],
                "cited": attributions(side.text, side.language),
            }
        )

    return finding.model_copy(update={"a": annotate(finding.a), "b": annotate(finding.b)})
