"""`checker eval docs`: recall of the contradictions a manifest plants in documents."""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import Field

from checker.errors import InputError, first_line
from checker.evaluation.pairs import _Model
from checker.schema import SCHEMA_VERSION, ModelInfo, Report, Verdict

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ExpectedPair(_Model):
    a: str
    b: str


class DocsManifest(_Model):
    """`checker eval docs` input: sources and the contradictions that must (not) be found."""

    sources: list[str]
    contradiction: list[ExpectedPair] = Field(default_factory=list)
    not_flagged: list[ExpectedPair] = Field(default_factory=list)


class ExpectedResult(_Model):
    a: str
    b: str
    status: str = Field(description="found | judged <verdict> | not judged | not paired")
    confidence: float | None = None
    rank: int | None = Field(default=None, description="1-based rank among contradictions")


class DocEvaluation(_Model):
    """What `checker eval docs --format json` prints."""

    schema_version: str = SCHEMA_VERSION
    expected: list[ExpectedResult]
    recall: float | None
    false_flags: list[ExpectedResult]
    unexpected_contradictions: int
    summary: dict[str, int]
    models: list[ModelInfo]


def read_manifest(path: Path) -> tuple[DocsManifest, list[Path]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        manifest = DocsManifest.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except Exception as exc:
        raise InputError(f"{path}: not a valid eval manifest ({first_line(exc)})") from None
    return manifest, [(path.parent / s) for s in manifest.sources]


def _match(report: Report, pair: ExpectedPair) -> tuple[str, float | None, int | None]:
    contradictions = report.contradictions
    for finding in report.findings:
        # a side's copies (reprints judged once through it) carry its claim too
        first = [finding.a.text, *(c.text for c in finding.a.copies)]
        second = [finding.b.text, *(c.text for c in finding.b.copies)]

        def has(text: str, side: list[str]) -> bool:
            return any(text in t for t in side)

        if (has(pair.a, first) and has(pair.b, second)) or (
            has(pair.a, second) and has(pair.b, first)
        ):
            if finding.verdict is Verdict.CONTRADICTION:
                return "found", finding.confidence, contradictions.index(finding) + 1
            if finding.verdict is Verdict.NOT_JUDGED:
                return "not judged", None, None
            return f"judged {finding.verdict.value}", finding.confidence, None
    return "not paired", None, None


def evaluate_docs(report: Report, manifest: DocsManifest) -> DocEvaluation:
    """Recall of the expected contradictions, false flags, and where each one ranks."""
    expected = [
        ExpectedResult(a=p.a, b=p.b, status=s, confidence=c, rank=r)
        for p in manifest.contradiction
        for s, c, r in [_match(report, p)]
    ]
    flags = [
        ExpectedResult(a=p.a, b=p.b, status=s, confidence=c, rank=r)
        for p in manifest.not_flagged
        for s, c, r in [_match(report, p)]
        if s == "found"
    ]
    found_ranks = {e.rank for e in expected if e.rank is not None}
    unexpected = len(report.contradictions) - len(found_ranks) - len(flags)
    return DocEvaluation(
        expected=expected,
        recall=round(sum(e.status == "found" for e in expected) / len(expected), 6)
        if expected
        else None,
        false_flags=flags,
        unexpected_contradictions=max(0, unexpected),
        summary={
            "contradictions": report.summary.contradictions,
            "pairs_checked": report.summary.pairs_checked,
        },
        models=report.models,
    )
