"""Turn NLI probabilities into verdicts: pure code, tested without any model.

A pair is contradictory when either direction says so: if A entails not-B, the two
sources cannot both be right, whichever sentence is taken as the premise. It agrees
when either direction entails (one sentence states the other, possibly with more
detail) and no contradiction reaches the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.checks.facts import number_conflict
from checker.checks.people import role_conflict
from checker.config import Config
from checker.judge.labels import CONTRADICTION, ENTAILMENT, LABELS, NEUTRAL  # noqa: F401 (re-exported)
from checker.schema import NliProbs, Verdict


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    confidence: float


def decide(
    a_to_b: NliProbs,
    b_to_a: NliProbs,
    *,
    contradiction_threshold: float,
    agreement_threshold: float,
) -> Decision:
    """Verdict and confidence for one pair from both directions' probabilities."""
    contradiction = max(a_to_b.contradiction, b_to_a.contradiction)
    entailment = max(a_to_b.entailment, b_to_a.entailment)
    if contradiction >= contradiction_threshold and contradiction >= entailment:
        return Decision(Verdict.CONTRADICTION, contradiction)
    if entailment >= agreement_threshold:
        return Decision(Verdict.AGREEMENT, entailment)
    return Decision(Verdict.UNRELATED, 1.0 - max(contradiction, entailment))


def probs(row: list[float] | tuple[float, ...]) -> NliProbs:
    """NliProbs from a row in LABELS order, rounded so JSON output is stable."""
    e, n, c = (round(float(x), 6) for x in row)
    return NliProbs(entailment=e, neutral=n, contradiction=c)


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


def rule_conflicts(
    a: str,
    b: str,
    similarity: float,
    config: Config,
    languages: tuple[str | None, str | None] = (None, None),
) -> list[tuple[str, str]]:
    """(rule, reason) for each rule beside NLI that finds two sentences cannot both be
    right. Each rule runs only on pairs similar enough to be about the same thing."""
    found = []
    if config.number_check and similarity >= config.number_similarity:
        if reason := number_conflict(a, b):
            found.append(("numbers", reason))
    if config.people_check and similarity >= config.people_similarity:
        if reason := role_conflict(a, b, *languages):
            found.append(("people", reason))
    return found


def judge(
    a_to_b: NliProbs,
    b_to_a: NliProbs,
    rules: list[tuple[str, str]],
    *,
    contradiction_threshold: float,
    agreement_threshold: float,
) -> Judgement:
    """NLI first, then the rule checks: a rule conflict makes a contradiction whatever
    the model said. `rules` is `(rule, reason)` for each rule that fired."""
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
