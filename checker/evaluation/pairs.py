"""`checker eval pairs`: accuracy on labelled NLI pairs, judged as `compare` judges.

Pairs are judged exactly as `compare` judges a sentence pair: the same NLI model and
backend, both directions, the same verdict function (`judge.score.judge`, the rules
included). A verdict maps back to
an NLI label (agreement→entailment, unrelated→neutral) so that XNLI-style gold labels
can be scored. The metric code is pure and tested against hand-computed confusions.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from checker.config import Config
from checker.errors import ConfigError, InputError
from checker.judge.nli import NliModel, make_nli
from checker.judge.score import LABELS, Side, judge, probs, rules
from checker.pair.embed import Embedder, embedder_for
from checker.progress import Progress, Silent
from checker.schema import SCHEMA_VERSION, ModelInfo, Thresholds, Verdict

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - Python 3.10
    pass

VERDICT_LABEL = {
    Verdict.AGREEMENT: "entailment",
    Verdict.UNRELATED: "neutral",
    Verdict.CONTRADICTION: "contradiction",
}
# Numeric labels as in the XNLI / MNLI datasets on the hub.
_NUMERIC = {0: "entailment", 1: "neutral", 2: "contradiction"}
WORST = 10


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelledPair(_Model):
    id: str
    premise: str
    hypothesis: str
    label: str
    language: str | None = None


class ClassMetrics(_Model):
    label: str
    precision: float
    recall: float
    f1: float
    support: int


class PairError(_Model):
    id: str
    language: str | None
    premise: str
    hypothesis: str
    gold: str
    predicted: str
    confidence: float | None = Field(description="null when a rule, not the model, decided")
    decided_by: str = "nli"
    nli_predicted: str = Field(description="What the NLI model alone said.")
    reason: str | None = None


class NliOnly(_Model):
    """The same pairs judged by the NLI model alone, without the number/people rules:
    beside the full verdict, it shows what the rules add or cost."""

    accuracy: float
    contradiction_vs_rest: ClassMetrics
    confusion: list[list[int]]


class PrecisionCheck(_Model):
    """bf16 against fp32 on the same pairs and loaded model (`--compare-precision`)."""

    pairs: int
    label_agreement: float = Field(description="Share of pairs with the same verdict.")
    direction_agreement: float = Field(description="Share of directions with the same argmax.")
    max_abs_diff: float = Field(description="Largest |p_bf16 - p_fp32| over all probabilities.")
    mean_abs_diff: float
    fp32_seconds: float
    bf16_seconds: float
    speedup: float = Field(description="fp32 time / bf16 time on this machine.")


class CalibrationPoint(_Model):
    threshold: float
    precision: float
    recall: float
    f1: float
    flagged: int


class PairEvaluation(_Model):
    """What `checker eval pairs --format json` prints: every metric is of the verdict
    `compare` would give (NLI, then the number and people rules); `nli_only` is the
    model's verdict alone."""

    schema_version: str = SCHEMA_VERSION
    pairs: int
    accuracy: float
    per_class: list[ClassMetrics]
    contradiction_vs_rest: ClassMetrics
    labels: list[str] = Field(default_factory=lambda: list(LABELS))
    confusion: list[list[int]] = Field(description="confusion[gold][predicted], in `labels` order")
    per_language: dict[str, float] = Field(description="accuracy per language, where given")
    worst_errors: list[PairError]
    nli_only: NliOnly
    decided_by_rules: int = Field(description="Pairs whose verdict a rule decided, not NLI.")
    precision_check: PrecisionCheck | None = None
    calibration: list[CalibrationPoint] | None = None
    suggested_threshold: float | None = None
    thresholds: Thresholds
    models: list[ModelInfo]


def _label(raw: object, where: str) -> str:
    if isinstance(raw, int) and raw in _NUMERIC:
        return _NUMERIC[raw]
    text = str(raw).strip().lower()
    if text.isdigit() and int(text) in _NUMERIC:
        return _NUMERIC[int(text)]
    if text not in LABELS:
        raise InputError(f"{where}: label '{raw}' is not one of {', '.join(LABELS)}")
    return text


def read_pairs(path: Path) -> list[LabelledPair]:
    """JSONL (`premise`, `hypothesis`, `label`, optional `id`, `language`) or the XNLI
    TSV layout (`language`, `gold_label`, `sentence1`, `sentence2`)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    text = path.read_text(encoding="utf-8-sig")
    first = text.lstrip()[:1]
    pairs = _read_jsonl(text, path) if first in ("{", "") else _read_xnli_tsv(text, path)
    if not pairs:
        raise InputError(f"{path}: no labelled pairs")
    return pairs


def _read_jsonl(text: str, path: Path) -> list[LabelledPair]:
    pairs = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not {"premise", "hypothesis", "label"} <= row.keys():
            raise InputError(f"{where}: needs premise, hypothesis and label")
        pairs.append(
            LabelledPair(
                id=str(row.get("id", n)),
                premise=str(row["premise"]),
                hypothesis=str(row["hypothesis"]),
                label=_label(row["label"], where),
                language=row.get("language") or row.get("lang"),
            )
        )
    return pairs


def _read_xnli_tsv(text: str, path: Path) -> list[LabelledPair]:
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    needed = {"language", "gold_label", "sentence1", "sentence2"}
    if not needed <= set(reader.fieldnames or []):
        raise InputError(
            f"{path}: neither JSONL nor XNLI TSV (columns {', '.join(sorted(needed))})"
        )
    pairs = []
    for n, row in enumerate(reader, 2):
        pairs.append(
            LabelledPair(
                id=row.get("pairID") or str(n),
                premise=row["sentence1"],
                hypothesis=row["sentence2"],
                label=_label(row["gold_label"], f"{path}:{n}"),
                language=row["language"],
            )
        )
    return pairs


def _contradiction_vs_rest(gold_c: np.ndarray, predicted: Sequence[str]) -> ClassMetrics:
    pred_c = np.array([p == "contradiction" for p in predicted])
    tp = int((gold_c & pred_c).sum())
    return _prf(tp, int(pred_c.sum()) - tp, int(gold_c.sum()) - tp, "contradiction")


def confusion_matrix(gold: Sequence[str], predicted: Sequence[str]) -> list[list[int]]:
    index = {label: i for i, label in enumerate(LABELS)}
    matrix = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def _prf(tp: int, fp: int, fn: int, label: str) -> ClassMetrics:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassMetrics(
        label=label,
        precision=round(precision, 6),
        recall=round(recall, 6),
        f1=round(f1, 6),
        support=tp + fn,
    )


def class_metrics(matrix: list[list[int]]) -> list[ClassMetrics]:
    out = []
    for i, label in enumerate(LABELS):
        tp = matrix[i][i]
        fp = sum(matrix[g][i] for g in range(len(LABELS))) - tp
        fn = sum(matrix[i]) - tp
        out.append(_prf(tp, fp, fn, label))
    return out


def calibration_curve(
    scores: np.ndarray, entail: np.ndarray, gold_contra: np.ndarray, grid: Sequence[float]
) -> tuple[list[CalibrationPoint], float | None]:
    """Contradiction precision/recall/F1 at each threshold of the verdict rule, and the
    threshold (over every distinct score) that maximises F1."""

    def point(t: float) -> CalibrationPoint:
        flagged = (scores >= t) & (scores >= entail)
        tp = int((flagged & gold_contra).sum())
        m = _prf(tp, int(flagged.sum()) - tp, int(gold_contra.sum()) - tp, "contradiction")
        return CalibrationPoint(
            threshold=round(t, 6),
            precision=m.precision,
            recall=m.recall,
            f1=m.f1,
            flagged=int(flagged.sum()),
        )

    curve = [point(t) for t in grid]
    candidates = sorted({float(s) for s in scores if s > 0})
    if not candidates or not gold_contra.any():
        return curve, None
    best = max((point(t) for t in candidates), key=lambda p: (p.f1, p.threshold))
    return curve, best.threshold if best.f1 > 0 else None


def precision_check(
    model: NliModel, texts: Sequence[tuple[str, str]], config: Config, progress: Progress
) -> PrecisionCheck:
    """Run the pairs (both directions) in fp32 and in bf16 on one loaded torch model and
    compare: what a user with real weights needs before marking bf16 verified."""
    import time

    from checker.judge.nli import TransformersNli

    if not isinstance(model, TransformersNli):
        raise ConfigError("--compare-precision needs --backend torch (bf16 is a torch mode)")
    directed = list(texts) + [(b, a) for a, b in texts]
    runs: dict[str, tuple[np.ndarray, float]] = {}
    for precision in ("fp32", "bf16"):
        with progress.task(f"Checking pairs in {precision}"):
            started = time.perf_counter()
            probs_ = model.run_as(precision, directed)
            runs[precision] = (probs_, time.perf_counter() - started)
    (p32, t32), (p16, t16) = runs["fp32"], runs["bf16"]
    half = len(texts)

    def verdicts(rows: np.ndarray) -> list[Verdict]:
        return [
            judge(
                probs(rows[k].tolist()),
                probs(rows[half + k].tolist()),
                [],
                contradiction_threshold=config.contradiction_threshold,
                agreement_threshold=config.agreement_threshold,
            ).verdict
            for k in range(half)
        ]

    diff = np.abs(p32 - p16)
    return PrecisionCheck(
        pairs=half,
        label_agreement=round(
            float(np.mean([a == b for a, b in zip(verdicts(p32), verdicts(p16), strict=True)])), 6
        ),
        direction_agreement=round(float((p32.argmax(1) == p16.argmax(1)).mean()), 6),
        max_abs_diff=round(float(diff.max()), 6),
        mean_abs_diff=round(float(diff.mean()), 6),
        fp32_seconds=round(t32, 3),
        bf16_seconds=round(t16, 3),
        speedup=round(t32 / max(t16, 1e-9), 3),
    )


def nli_scores(
    nli: NliModel, pairs: Sequence[tuple[str, str]], progress: Progress
) -> tuple[np.ndarray, np.ndarray]:
    """Both directions for each pair: arrays (n, 3) of a⇒b and b⇒a probabilities."""
    directed = list(pairs) + [(b, a) for a, b in pairs]
    with progress.task("Checking pairs (NLI, both directions)", total=len(directed)) as advance:
        scores = nli.predict(directed, progress=advance)
    return scores[: len(pairs)], scores[len(pairs) :]


def evaluate_pairs(
    pairs: Sequence[LabelledPair],
    config: Config | None = None,
    *,
    nli: NliModel | None = None,
    embedder: Embedder | None = None,
    calibrate: bool = False,
    compare_precision: bool = False,
    progress: Progress | None = None,
) -> PairEvaluation:
    """Score labelled pairs exactly as `compare` judges a pair (`checker.judge.score.judge`:
    NLI, then the number and people rules, which need the pair's embedding similarity),
    and the NLI-only verdict beside it."""
    config = config or Config()
    progress = progress or Silent()
    model = nli or make_nli(config)
    texts = [(p.premise, p.hypothesis) for p in pairs]
    ab, ba = nli_scores(model, texts, progress)
    vectors = (embedder or embedder_for(config)).encode([t for pair in texts for t in pair])
    similarities = (vectors[0::2] * vectors[1::2]).sum(axis=1)
    judgements = [
        judge(
            probs(row_ab.tolist()),
            probs(row_ba.tolist()),
            # A labelled pair is the pair meant: each sentence the other's counterpart.
            rules(Side(premise), Side(hypothesis), float(sim), True, config).conflicts,
            contradiction_threshold=config.contradiction_threshold,
            agreement_threshold=config.agreement_threshold,
        )
        for row_ab, row_ba, (premise, hypothesis), sim in zip(
            ab, ba, texts, similarities, strict=True
        )
    ]
    predicted = [VERDICT_LABEL[j.verdict] for j in judgements]
    nli_predicted = [VERDICT_LABEL[j.nli.verdict] for j in judgements]
    gold = [p.label for p in pairs]
    matrix = confusion_matrix(gold, predicted)
    correct = [g == p for g, p in zip(gold, predicted, strict=True)]
    per_language: dict[str, list[bool]] = {}
    for pair, ok in zip(pairs, correct, strict=True):
        if pair.language:
            per_language.setdefault(pair.language, []).append(ok)
    gold_c = np.array([g == "contradiction" for g in gold])
    vs_rest = _contradiction_vs_rest(gold_c, predicted)
    errors = sorted(
        (
            PairError(
                id=p.id,
                language=p.language,
                premise=p.premise,
                hypothesis=p.hypothesis,
                gold=g,
                predicted=q,
                confidence=None if j.confidence is None else round(j.confidence, 6),
                decided_by=j.decided_by,
                nli_predicted=VERDICT_LABEL[j.nli.verdict],
                reason=j.reason,
            )
            for p, g, q, j in zip(pairs, gold, predicted, judgements, strict=True)
            if g != q
        ),
        key=lambda e: (e.confidence is None, -(e.confidence or 0.0), e.id),
    )[:WORST]
    curve, suggested = None, None
    if calibrate:
        contra = np.maximum(ab[:, 2], ba[:, 2])
        entail = np.maximum(ab[:, 0], ba[:, 0])
        curve, suggested = calibration_curve(
            contra, entail, gold_c, [round(0.05 * i, 2) for i in range(1, 20)]
        )
    check = None
    if compare_precision:
        check = precision_check(model, texts, config, progress)
    return PairEvaluation(
        precision_check=check,
        pairs=len(pairs),
        accuracy=round(sum(correct) / len(pairs), 6),
        per_class=class_metrics(matrix),
        contradiction_vs_rest=vs_rest,
        confusion=matrix,
        per_language={k: round(sum(v) / len(v), 6) for k, v in sorted(per_language.items())},
        worst_errors=errors,
        nli_only=NliOnly(
            accuracy=round(
                sum(g == q for g, q in zip(gold, nli_predicted, strict=True)) / len(pairs), 6
            ),
            contradiction_vs_rest=_contradiction_vs_rest(gold_c, nli_predicted),
            confusion=confusion_matrix(gold, nli_predicted),
        ),
        decided_by_rules=sum(j.decided_by != "nli" for j in judgements),
        calibration=curve,
        suggested_threshold=suggested,
        thresholds=config.thresholds(),
        models=[model.info()],
    )
