"""Renderers for `checker eval pairs|docs`, and the optional precision/recall plot."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.errors import ConfigError
from checker.evaluation import DocEvaluation, PairEvaluation


def render_pair_evaluation(result: PairEvaluation, console: Console) -> None:
    vs, alone = result.contradiction_vs_rest, result.nli_only
    console.print(
        Text(f"{result.pairs} pairs  accuracy {result.accuracy:.3f}  ", style="bold").append(
            f"contradiction vs rest: P {vs.precision:.3f} R {vs.recall:.3f} F1 {vs.f1:.3f}"
        )
    )
    nv = alone.contradiction_vs_rest
    console.print(
        f"NLI alone (without the number and people rules): accuracy {alone.accuracy:.3f}  "
        f"contradiction vs rest: P {nv.precision:.3f} R {nv.recall:.3f} F1 {nv.f1:.3f}; "
        f"{result.decided_by_rules} verdict(s) decided by a rule"
    )
    if (check := result.precision_check) is not None:
        console.print(
            f"bf16 vs fp32 on {check.pairs} pairs: verdicts agree {check.label_agreement:.3f}, "
            f"directions {check.direction_agreement:.3f}; max |Δp| {check.max_abs_diff:.4f} "
            f"(mean {check.mean_abs_diff:.4f}); bf16 {check.speedup:.2f}× fp32 here"
        )
        console.print(
            "If these are real labelled pairs and the real model, and the verdicts agree on "
            "nearly all of them, record `bf16_verified = true` in the model's manifest "
            "(models/NAME.toml): --precision auto then uses bf16 on bf16 hardware."
        )
    per_class = Table(title="Per class", title_justify="left")
    for column in ("label", "precision", "recall", "F1", "support"):
        per_class.add_column(column, justify="right" if column != "label" else "left")
    for m in result.per_class:
        per_class.add_row(
            m.label, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.support)
        )
    console.print(per_class)
    matrix = Table(title="Confusion (rows: gold, columns: predicted)", title_justify="left")
    matrix.add_column("gold \\ predicted")
    for label in result.labels:
        matrix.add_column(label, justify="right")
    for label, row in zip(result.labels, result.confusion, strict=True):
        matrix.add_row(label, *map(str, row))
    console.print(matrix)
    if result.per_language:
        console.print(
            "accuracy per language: "
            + ", ".join(f"{k} {v:.3f}" for k, v in result.per_language.items())
        )
    if result.calibration:
        curve = Table(
            title="Contradiction threshold (precision/recall curve)", title_justify="left"
        )
        for column in ("threshold", "precision", "recall", "F1", "flagged"):
            curve.add_column(column, justify="right")
        for p in result.calibration:
            style = "bold green" if result.suggested_threshold == p.threshold else ""
            curve.add_row(
                f"{p.threshold:.2f}",
                f"{p.precision:.3f}",
                f"{p.recall:.3f}",
                f"{p.f1:.3f}",
                str(p.flagged),
                style=style,
            )
        console.print(curve)
        if result.suggested_threshold is not None:
            console.print(
                f"suggested --threshold {result.suggested_threshold:.3f} "
                "(maximises contradiction F1 on this data)"
            )
    if result.worst_errors:
        worst = Table(
            title="Most confident errors", title_justify="left", show_lines=True, expand=True
        )
        for column in ("id", "gold", "predicted", "NLI alone", "conf."):
            worst.add_column(column, no_wrap=True)
        worst.add_column("premise / hypothesis", ratio=1)
        for e in result.worst_errors:
            conf = f"rule: {e.decided_by}" if e.confidence is None else f"{e.confidence:.2f}"
            why = f"\n{e.reason}" if e.reason else ""
            worst.add_row(
                e.id,
                e.gold,
                e.predicted,
                e.nli_predicted,
                conf,
                f"{e.premise}\n{e.hypothesis}{why}",
            )
        console.print(worst)


def render_doc_evaluation(result: DocEvaluation, console: Console) -> None:
    recall = "n/a" if result.recall is None else f"{result.recall:.3f}"
    console.print(
        Text(f"expected contradictions found: {recall}  ", style="bold").append(
            f"false flags: {len(result.false_flags)}  "
            f"other contradictions: {result.unexpected_contradictions}"
        )
    )
    table = Table(title="Expected contradictions", title_justify="left", expand=True)
    table.add_column("a", ratio=1)
    table.add_column("b", ratio=1)
    for column in ("status", "conf.", "rank"):
        table.add_column(column, no_wrap=True)
    for e in result.expected:
        style = "green" if e.status == "found" else "red"
        table.add_row(
            e.a,
            e.b,
            Text(e.status, style=style),
            "" if e.confidence is None else f"{e.confidence:.2f}",
            "" if e.rank is None else str(e.rank),
        )
    console.print(table)
    for e in result.false_flags:
        conf = "rule" if e.confidence is None else f"{e.confidence:.2f}"
        console.print(Text(f"false flag: {e.a} <> {e.b} ({conf})", style="red"))


def plot_calibration(result: PairEvaluation, path: Path) -> None:
    """Precision and recall against the threshold, as a PNG (needs matplotlib)."""
    if not result.calibration:
        raise ConfigError("--plot needs --calibrate")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ConfigError("--plot needs matplotlib: pip install 'checker[plot]'") from exc
    xs = [p.threshold for p in result.calibration]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    ax.plot(xs, [p.precision for p in result.calibration], label="precision", marker="o")
    ax.plot(xs, [p.recall for p in result.calibration], label="recall", marker="o")
    ax.plot(xs, [p.f1 for p in result.calibration], label="F1", linestyle="--")
    if result.suggested_threshold is not None:
        ax.axvline(
            result.suggested_threshold,
            color="grey",
            linewidth=1,
            label=f"suggested {result.suggested_threshold:.2f}",
        )
    ax.set_xlabel("contradiction threshold")
    ax.set_ylim(0, 1.02)
    ax.set_title(f"Contradiction vs rest ({result.pairs} pairs)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
