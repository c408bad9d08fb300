import pytest

from checker.judge.score import decide, probs
from checker.schema import NliProbs, Verdict


def p(e: float, n: float, c: float) -> NliProbs:
    return NliProbs(entailment=e, neutral=n, contradiction=c)


@pytest.mark.parametrize(
    ("ab", "ba", "verdict", "confidence"),
    [
        (p(0.1, 0.1, 0.8), p(0.1, 0.8, 0.1), Verdict.CONTRADICTION, 0.8),  # one direction suffices
        (p(0.1, 0.8, 0.1), p(0.05, 0.3, 0.65), Verdict.CONTRADICTION, 0.65),
        (p(0.7, 0.2, 0.1), p(0.2, 0.7, 0.1), Verdict.AGREEMENT, 0.7),  # one-way entailment agrees
        (p(0.1, 0.8, 0.1), p(0.2, 0.7, 0.1), Verdict.UNRELATED, 0.8),
        (p(0.45, 0.1, 0.45), p(0.4, 0.2, 0.4), Verdict.UNRELATED, 0.55),  # nothing reaches 0.5
        (p(0.55, 0.0, 0.45), p(0.3, 0.1, 0.6), Verdict.CONTRADICTION, 0.6),
        # Either direction's contradiction decides, whatever the other direction entails:
        (p(0.7, 0.0, 0.3), p(0.3, 0.1, 0.6), Verdict.CONTRADICTION, 0.6),
        (p(0.05, 0.06, 0.89), p(0.9, 0.05, 0.05), Verdict.CONTRADICTION, 0.89),
        (p(0.9, 0.05, 0.05), p(0.05, 0.06, 0.89), Verdict.CONTRADICTION, 0.89),
        # ... but only where it is that direction's own reading, not below its entailment:
        (p(0.9, 0.05, 0.05), p(0.5, 0.0, 0.5), Verdict.CONTRADICTION, 0.5),
        (p(0.9, 0.05, 0.05), p(0.52, 0.0, 0.48), Verdict.AGREEMENT, 0.9),
    ],
)
def test_decide(ab: NliProbs, ba: NliProbs, verdict: Verdict, confidence: float) -> None:
    d = decide(ab, ba, contradiction_threshold=0.5, agreement_threshold=0.5)
    assert d.verdict is verdict
    assert d.confidence == pytest.approx(confidence)


def test_thresholds_move_the_verdict() -> None:
    ab, ba = p(0.1, 0.3, 0.6), p(0.1, 0.8, 0.1)
    strict = decide(ab, ba, contradiction_threshold=0.7, agreement_threshold=0.5)
    lenient = decide(ab, ba, contradiction_threshold=0.5, agreement_threshold=0.5)
    assert strict.verdict is Verdict.UNRELATED
    assert lenient.verdict is Verdict.CONTRADICTION


def test_probs_keeps_label_order_and_rounds() -> None:
    row = probs([0.123456789, 0.2, 0.676543211])
    assert (row.entailment, row.neutral, row.contradiction) == (0.123457, 0.2, 0.676543)


def test_decide_is_symmetric() -> None:
    """Swapping the sentences never changes the verdict."""
    rows = [p(0.05, 0.06, 0.89), p(0.9, 0.05, 0.05), p(0.3, 0.4, 0.3), p(0.1, 0.3, 0.6)]
    for ab in rows:
        for ba in rows:
            one = decide(ab, ba, contradiction_threshold=0.5, agreement_threshold=0.5)
            other = decide(ba, ab, contradiction_threshold=0.5, agreement_threshold=0.5)
            assert one == other
