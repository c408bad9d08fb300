"""Measuring accuracy: labelled pairs (`checker eval pairs`) and documents with
planted contradictions (`checker eval docs`)."""

from checker.evaluation.docs import (
    DocEvaluation,
    DocsManifest,
    ExpectedPair,
    ExpectedResult,
    evaluate_docs,
    read_manifest,
)
from checker.evaluation.pairs import (
    ClassMetrics,
    LabelledPair,
    NliOnly,
    PairError,
    PairEvaluation,
    PrecisionCheck,
    calibration_curve,
    class_metrics,
    confusion_matrix,
    evaluate_pairs,
    nli_scores,
    precision_check,
    read_pairs,
)

__all__ = [
    "ClassMetrics",
    "DocEvaluation",
    "DocsManifest",
    "ExpectedPair",
    "ExpectedResult",
    "LabelledPair",
    "NliOnly",
    "PairError",
    "PairEvaluation",
    "PrecisionCheck",
    "calibration_curve",
    "class_metrics",
    "confusion_matrix",
    "evaluate_docs",
    "evaluate_pairs",
    "nli_scores",
    "precision_check",
    "read_manifest",
    "read_pairs",
]
