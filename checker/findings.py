"""Turning judged pairs into report findings: verdicts with the rules, dates in reading
order, the copies a claim speaks for, dates and citations written in shown sentences,
glosses, and the order a reader sees them in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from checker.checks.facts import DateReadError, mentioned_dates
from checker.checks.provenance import attributions
from checker.checks.units import tells_tally
from checker.config import Config
from checker.gloss import Translator, gloss_texts
from checker.judge.nli import NliModel
from checker.judge.score import Rules, Side, judge, probs, rules
from checker.pair.candidates import Candidate, Mirrors
from checker.progress import Progress
from checker.schema import (
    AlignedSentence,
    FindingSide,
    Gloss,
    MentionedDate,
    PairFinding,
    Sentence,
    Verdict,
)


def budget_warning(considered: int, judged: int, close_cut: int) -> list[str]:
    """A warning when the budget cut pairs worth judging: candidates are admitted by rank,
    so the cut ones are the deepest; only a cut that reaches a sentence's best or
    second-best counterpart in another source is said."""
    if considered <= judged or close_cut == 0:
        return []
    return [
        f"pair budget reached: {considered - judged} of {considered} pairs not judged, "
        f"{close_cut} of them a top-2 counterpart (raise --max-pairs)"
    ]


# One short line (the details are in `--help` and docs/usage.md): what the run did not do.
NO_NLI_WARNING = "no NLI model ran (--nli-model none): only the number and people rules judged"


# Tallies that grow while an event unfolds: a later report's higher toll is news, not a
# contradiction of the earlier one.
_TALLIES = {"dead", "injured", "missing", "displaced", "arrested", "cases"}


def _tally(counts: str | None, a: Sentence, b: Sentence) -> bool:
    """A count of a tally: the dead, the injured, …, or people where both sentences
    tell of one ("384 people were killed")."""
    if counts in _TALLIES:
        return True
    return counts == "people" and all(tells_tally(s.text, s.language) for s in (a, b))


def _developing(
    found: Rules, a: Sentence, b: Sentence, date_a: dt.date | None, date_b: dt.date | None
) -> Rules:
    """Between independent reports dated apart, tallies that only rose ("at least 384
    dead" on Friday, "832 dead" on Sunday) are a development: a note, not a verdict. A
    later report with a lower toll stays a contradiction."""
    if not date_a or not date_b or date_a == date_b:
        return found
    deciding = [e for e in found.figures if e.decides]
    if not deciding or not all(
        e.a.counts == e.b.counts and _tally(e.a.counts, a, b) for e in deciding
    ):
        return found
    rose = [(e.a, e.b) if date_a < date_b else (e.b, e.a) for e in deciding]  # (earlier, later)
    if any(later.value < earlier.value for earlier, later in rose):
        return found
    days = abs((date_b - date_a).days)
    told = "; ".join(f"{earlier.text} → {later.text}" for earlier, later in rose)
    note = (
        f"the toll rose ({told}) between reports {days} day{'s' if days != 1 else ''} "
        "apart: a development, not a contradiction"
    )
    figures = [e.model_copy(update={"decides": False}) if e.decides else e for e in found.figures]
    conflicts = [c for c in found.conflicts if c[0] != "numbers"]
    return replace(found, conflicts=conflicts, notes=[*found.notes, note], figures=figures)


# Pairs that are neither a contradiction nor an agreement: not shown, not annotated.
UNJUDGED = (Verdict.UNRELATED, Verdict.NOT_JUDGED)


def finding(
    cand: Candidate,
    forward: np.ndarray,
    backward: np.ndarray,
    sentences: Sequence[Sentence],
    source_dates: Mapping[str, dt.date | None],
    config: Config,
    no_nli: bool = False,
) -> PairFinding:
    """One judged pair: the NLI verdict, the rules beside it (a verdict on evidence, a
    note otherwise), and dates in reading order."""
    ab, ba = probs(forward.tolist()), probs(backward.tolist())
    a, b = sentences[cand.i], sentences[cand.j]

    def checked(x: Sentence, y: Sentence) -> Rules:
        return rules(
            Side(x.text, x.language),
            Side(y.text, y.language),
            cand.similarity,
            cand.mutual,
            config,
            closest=cand.mutual or cand.rank == 1 or cand.copies,
            copies=cand.copies or cand.link,
        )

    found = checked(a, b)
    if not (cand.copies or cand.link):
        found = _developing(found, a, b, source_dates[a.source], source_dates[b.source])
    verdict = judge(
        ab,
        ba,
        found.conflicts,
        contradiction_threshold=config.contradiction_threshold,
        agreement_threshold=config.agreement_threshold,
    )
    reason = verdict.reason
    decided_by, confidence = verdict.decided_by, verdict.confidence
    verdict_seen = verdict.verdict
    if no_nli and decided_by == "nli":  # no model said "unrelated": nobody judged it
        decided_by, confidence, verdict_seen = "none", None, Verdict.NOT_JUDGED

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
            found = checked(b, a)  # reasons and figures worded in the new order
            reason = "; ".join(r for _, r in found.conflicts) or reason
        if first.date != second.date:
            timeline = f"{first.date} → {second.date}"
            if _same_speaker(sentences[cand.i], sentences[cand.j]):
                timeline += ": position changed?"
    notes = list(found.notes)
    if notes and first.date and second.date and first.date != second.date:
        days = abs((second.date - first.date).days)
        notes = [f"{n}; sources dated {days} day{'s' if days != 1 else ''} apart" for n in notes]
    if (
        verdict.decided_by == "nli"
        and verdict.verdict is Verdict.CONTRADICTION
        and not found.figures
        and found.agreeing
    ):
        agree = "; ".join(f"{p.a.text} vs {p.b.text}" for p in found.agreeing)
        notes.append(
            f"figures agree ({agree}): the model's contradiction is not about these figures"
        )
    return PairFinding(
        reason=reason,
        timeline=timeline,
        verdict=verdict_seen,
        confidence=None if confidence is None else round(confidence, 6),
        decided_by=decided_by,
        similarity=cand.similarity,
        best_match=cand.mutual,
        a=first,
        b=second,
        a_to_b=None if no_nli else ab,
        b_to_a=None if no_nli else ba,
        notes=notes,
        figures=found.figures,
    )


def _same_speaker(a: Sentence, b: Sentence) -> bool:
    """Both sentences attribute their claim to one speaker or outlet ("according to X",
    «как сообщает X»): only then is a later contradiction a change of position; two
    outlets disagreeing on different days is no accusation the data supports."""
    cited_a = {name.casefold() for name in attributions(a.text, a.language)}
    cited_b = {name.casefold() for name in attributions(b.text, b.language)}
    return bool(cited_a & cited_b)


def with_copies(
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


def nli_languages(nli_model: NliModel) -> list[str]:
    """The catalog's language list for the NLI model that ran (by its hub id or catalog
    name), if it is a catalog model; never the configured one's when another ran."""
    from checker.store.catalog import find

    entry = find(nli_model.info().name)
    return list(entry.languages) if entry is not None and entry.role == "nli" else []


def glossed(
    findings: list[PairFinding],
    translators: dict[str, Translator],
    target: str,
    progress: Progress,
) -> list[PairFinding]:
    """Shown findings with a translation of each side not already in `target`."""
    shown = [f for f in findings if f.verdict not in UNJUDGED]
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
        f if f.verdict in UNJUDGED else f.model_copy(update={"a": glossed(f.a), "b": glossed(f.b)})
        for f in findings
    ]


def annotated(finding: PairFinding, problems: dict[str, str]) -> PairFinding:
    """Dates written in, and attributions of, the sentences of a shown finding
    (contradictions and agreements). A sentence whose dates cannot be read is noted
    in `problems` by source, for the report's warnings: unknown is not "no dates"."""
    if finding.verdict in UNJUDGED:
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


def ordered(findings: Sequence[PairFinding], timeline: bool) -> list[PairFinding]:
    """Contradictions, then agreements, then unrelated pairs; within each (with
    --timeline, contradictions by their sources' dates, then) the model's verdicts by
    confidence, then those a rule decided (no model confidence) by similarity."""
    rank = {Verdict.CONTRADICTION: 0, Verdict.AGREEMENT: 1, Verdict.UNRELATED: 2,
            Verdict.NOT_JUDGED: 3}  # fmt: skip
    far = dt.date.max
    return sorted(
        findings,
        key=lambda f: (
            rank[f.verdict],
            *(
                ((f.a.date or far), (f.b.date or far))
                if timeline and f.verdict is Verdict.CONTRADICTION
                else (far, far)
            ),
            f.confidence is None,
            -(f.confidence or 0.0),
            -f.similarity,
            f.a.source,
            f.a.index,
            f.b.source,
            f.b.index,
        ),
    )
