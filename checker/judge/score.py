"""Turn NLI probabilities and the rules beside NLI into verdicts: pure code, tested
without any model.

A pair is contradictory when either direction says so: if A entails not-B, the two
sources cannot both be right, whichever sentence is taken as the premise. That holds
even when the other direction reads entailment: a model that reads "A entails B" one
way and "B contradicts A" the other is confused, and a fact-checker would rather read
the pair than miss it. A pair agrees when either direction entails and neither
direction contradicts.

The figure and people rules speak only on evidence (see `rules`): a rule verdict
overrules the model, since NLI models are known to read "20,000 troops" and "5,000
troops" as entailment; weaker evidence becomes a note on the pair, shown but never
changing the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.checks.anchors import shared_name
from checker.checks.beside import beside_conflict
from checker.checks.figures import FigureCheck, FigurePair, bare, compare_figures, describe
from checker.checks.measure import TEMPORAL, Quantity
from checker.checks.people import role_conflict
from checker.checks.quantities import quantities
from checker.checks.timeforms import weekdays
from checker.config import Config
from checker.judge.labels import CONTRADICTION, ENTAILMENT, LABELS, NEUTRAL  # noqa: F401 (re-exported)
from checker.schema import FigureEvidence, FigureRead, NliProbs, Verdict


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    confidence: float


def _says_contradiction(p: NliProbs, threshold: float) -> bool:
    return p.contradiction >= threshold and p.contradiction >= p.entailment


def decide(
    a_to_b: NliProbs,
    b_to_a: NliProbs,
    *,
    contradiction_threshold: float,
    agreement_threshold: float,
) -> Decision:
    """Verdict and confidence for one pair from both directions' probabilities: a
    contradiction when either direction reads contradiction (at or above the threshold,
    and above that direction's entailment), else an agreement when either reads
    entailment, else unrelated."""
    said = [
        p.contradiction for p in (a_to_b, b_to_a) if _says_contradiction(p, contradiction_threshold)
    ]
    if said:
        return Decision(Verdict.CONTRADICTION, max(said))
    entailment = max(a_to_b.entailment, b_to_a.entailment)
    if entailment >= agreement_threshold:
        return Decision(Verdict.AGREEMENT, entailment)
    contradiction = max(a_to_b.contradiction, b_to_a.contradiction)
    return Decision(Verdict.UNRELATED, 1.0 - max(contradiction, entailment))


def probs(row: list[float] | tuple[float, ...]) -> NliProbs:
    """NliProbs from a row in LABELS order, rounded so JSON output is stable."""
    e, n, c = (round(float(x), 6) for x in row)
    return NliProbs(entailment=e, neutral=n, contradiction=c)


@dataclass(frozen=True)
class Side:
    """One sentence as the rules read it."""

    text: str
    language: str | None = None


@dataclass(frozen=True)
class Rules:
    """What the rules beside NLI found on one pair.

    `conflicts` are (rule, reason) with evidence enough for a verdict; `notes` are
    weaker findings shown beside the verdict; `figures` the quantities behind both;
    `agreeing` the figures found to agree (said when the model reads a contradiction
    that the figures do not explain)."""

    conflicts: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figures: list[FigureEvidence] = field(default_factory=list)
    agreeing: list[FigurePair] = field(default_factory=list)


def strong_pair(
    similarity: float, mutual: bool, closest: bool, config: Config, copies: bool = True
) -> bool:
    """Sentences close enough for a rule to decide: the closest match of one another (at
    least one way: a translator who splits a sentence in two leaves the pair closest one
    way only), at `number_similarity` between copies of one story (a translation, a
    reprint) and at `rule_similarity` between independent reports."""
    floor = config.number_similarity if copies else config.rule_similarity
    return (mutual or closest) and similarity >= floor


def _read(q: Quantity) -> FigureRead:
    return FigureRead(
        text=q.text,
        value=round(q.low, 6),
        high=None if q.high is None else round(q.upper, 6),
        dimension=q.dimension,
        unit=q.unit,
        counts=q.concept,
        qualifier=q.qualifier,
    )


def _evidence(pair: FigurePair, outcome: str, decides: bool) -> FigureEvidence:
    return FigureEvidence(
        a=_read(pair.a),
        b=_read(pair.b),
        basis=pair.basis,
        outcome=outcome,
        decides=decides,
    )


def _other_facts(check: FigureCheck, a: str, b: str) -> bool:
    """Figures left unexplained on both sides, or a year, date, time or score left
    unexplained on either: the two sentences tell of other times or other facts ("four
    points ahead" now, "a five-point lead" in the 1997 match). One side's extra detail
    ("about 6,000 soldiers from eight countries") is no such sign."""
    rest = check.unexplained
    if any(q.dimension in TEMPORAL for q in rest):
        return True
    sides = {id(q) for q in check.left_a}
    return any(id(q) in sides for q in rest) and any(id(q) not in sides for q in rest)


def _same_kind(pair: FigurePair) -> bool:
    """Two figures a reader would compare in a note: one dimension and, for counts, one
    named thing ("more than 5.5 million" against «семь лет» is no such pair)."""
    a, b = pair.a, pair.b
    if bare(a) or bare(b) or a.dimension != b.dimension:
        return False
    return a.dimension != "count" or (a.concept is not None and a.concept == b.concept)


def rules(
    a: Side,
    b: Side,
    similarity: float,
    mutual: bool,
    config: Config,
    closest: bool | None = None,
    copies: bool = True,
) -> Rules:
    """Run the figure and people rules on one pair. A rule decides (a conflict) only
    when the pair is strong (`strong_pair`) and what is compared is one thing;
    otherwise a figure or name mismatch in a pair about the same subject is a note."""
    out = Rules()
    closest = mutual if closest is None else closest
    strong = strong_pair(similarity, mutual, closest, config, copies)
    weak_why = (
        "not each other's closest sentences"
        if not closest
        else f"independent reports, similarity below {config.rule_similarity:.2f}"
    )
    if config.number_check and similarity >= config.number_similarity:
        check = compare_figures(
            quantities(a.text, a.language or "und"),
            quantities(b.text, b.language or "und"),
            independent=not copies,
        )
        # Between independent reports, two sentences that also state other figures may
        # tell other facts ("four points ahead" now, "a five-point lead" in 1997); a
        # translation or reprint says the same thing whatever its reader misses.
        other_facts = not copies and _other_facts(check, a.text, b.text)
        # Two days of the week, none shared: two facts, even in copies, whose pairing
        # matched a Friday's figure with a Saturday's («سبعة أشخاص» يوم الجمعة, «шестеро» в суботу)
        if check.conflicts and not other_facts:
            days_a, days_b = weekdays(a.text), weekdays(b.text)
            other_facts = bool(days_a and days_b and not days_a & days_b)
        # Between independent reports a figure conflict needs one event shown by more
        # than loose similarity: a name both write, a figure both state
        # (checks/anchors.py), or a near-paraphrase.
        # Each other's closest sentences that count one named thing ("about 20,000
        # troops" and «около 5 тысяч военнослужащих») are anchored by what they count.
        counted = mutual and any(p.basis == "concept" for p in check.conflicts)
        unanchored = (
            not copies
            and not counted
            and similarity < config.paraphrase_similarity
            and not check.agreements
            and not shared_name(a.text, b.text)
        )
        if check.conflicts and other_facts:
            weak_why = "the sentences state other figures too"
        elif check.conflicts and unanchored:
            weak_why = "no name or figure shows one event"
        # A bare number ("on 15") says nothing of what it counts: between independent
        # reports it is compared only in near-paraphrases.
        decisive = [
            p
            for p in check.conflicts
            if strong
            and not other_facts
            and not unanchored
            and (
                copies or not (bare(p.a) or bare(p.b)) or similarity >= config.paraphrase_similarity
            )
        ]
        if check.conflicts and not decisive and strong and not other_facts and not unanchored:
            weak_why = "a figure with nothing said of what it counts"
        if decisive:
            out.conflicts.append(
                ("numbers", "figures differ: " + "; ".join(describe(p) for p in decisive))
            )
        elif closest and (alike := [p for p in check.conflicts if _same_kind(p)]):
            out.notes.append(
                "figures differ: "
                + "; ".join(describe(p) for p in alike)
                + f" ({weak_why}: a note, not a verdict)"
            )
        out.figures.extend(_evidence(p, "conflict", bool(decisive)) for p in check.conflicts)
        out.agreeing.extend(check.agreements)
    # Many people hold a role at once (senators, ministers, coaches): between
    # independent reports only near-paraphrases name "the" holder of one.
    people_floor = config.number_similarity if copies else config.people_similarity
    if config.people_check and similarity >= people_floor:
        reason = role_conflict(a.text, b.text, a.language, b.language)
        if not reason and copies and strong:  # one sentence twice: one person in one place
            reason = beside_conflict(a.text, b.text, a.language, b.language)
        if reason:
            if strong:
                out.conflicts.append(("people", reason))
            elif closest:
                out.notes.append(f"{reason} ({weak_why}: a note, not a verdict)")
    return out


@dataclass(frozen=True)
class Judgement:
    """The verdict on one pair, as every command reports it.

    `decided_by` says what made the verdict: the NLI model, or a rule beside it that
    found the two sentences cannot both be right ("numbers", "people"). `confidence` is
    the model's probability behind the verdict, and None when a rule overruled the
    model: no model produced a number for that. `nli` is what the model alone said.
    """

    verdict: Verdict
    confidence: float | None
    decided_by: str
    nli: Decision
    reason: str | None


def judge(
    a_to_b: NliProbs,
    b_to_a: NliProbs,
    rules: list[tuple[str, str]],
    *,
    contradiction_threshold: float,
    agreement_threshold: float,
) -> Judgement:
    """NLI first, then the rule checks: a rule conflict makes a contradiction whatever
    the model said. `rules` is `(rule, reason)` for each rule that decided."""
    nli = decide(
        a_to_b,
        b_to_a,
        contradiction_threshold=contradiction_threshold,
        agreement_threshold=agreement_threshold,
    )
    reason = "; ".join(r for _, r in rules) or None
    if not rules or nli.verdict is Verdict.CONTRADICTION:
        return Judgement(nli.verdict, nli.confidence, "nli", nli, reason)
    return Judgement(Verdict.CONTRADICTION, None, rules[0][0], nli, reason)
