"""Turn NLI probabilities into verdicts: pure code, tested without any model.

A pair is contradictory when either direction says so: if A entails not-B, the two
sources cannot both be right, whichever sentence is taken as the premise. It agrees
when either direction entails (one sentence states the other, possibly with more
detail) and no contradiction reaches the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.schema import NliProbs, Verdict

LABELS = ("entailment", "neutral", "contradiction")
ENTAILMENT, NEUTRAL, CONTRADICTION = range(3)


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
