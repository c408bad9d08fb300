"""`checker eval pairs|docs`: accuracy on labelled pairs and on planted contradictions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from checker.cli.common import RichProgress, _config, _emit, _run, _stderr, main
from checker.cli.options import (
    _format_option,
    common_options,
    embed_options,
    model_place_options,
    nli_options,
    output_option,
    rule_options,
)
from checker.errors import ConfigError, ExitCode


@main.group("eval", short_help="Measure accuracy on labelled pairs or on documents.")
def eval_group() -> None:
    """Measure accuracy on labelled pairs or on documents with known contradictions."""


@eval_group.command("pairs")
@click.argument("file", type=click.Path(path_type=Path))
@_format_option
@output_option
@nli_options
@rule_options
@model_place_options
@click.option("--calibrate", is_flag=True, help="Suggest the threshold that maximises F1.")
@click.option(
    "--compare-precision",
    is_flag=True,
    help="Also run the pairs in fp32 and bf16 on the loaded model and report how often "
    "their verdicts agree and the largest probability difference (torch backend).",
)
@click.option(
    "--plot",
    type=click.Path(path_type=Path),
    default=None,
    help="With --calibrate: write the precision/recall curve as a PNG.",
)
@common_options
def eval_pairs(
    file: Path,
    fmt: str,
    output: Path | None,
    calibrate: bool,
    compare_precision: bool,
    plot: Path | None,
    quiet: bool,
    debug: bool,
    **options: Any,
) -> None:
    """Score FILE (JSONL premise/hypothesis/label, or XNLI TSV) with the compare rule."""

    def action() -> int:
        from checker.evaluation import evaluate_pairs, read_pairs
        from checker.report.evaluation import plot_calibration, render_pair_evaluation

        if plot is not None and not calibrate:
            raise ConfigError("--plot needs --calibrate")
        config = _config(options)
        if compare_precision and config.backend == "auto":
            config = config.model_copy(update={"backend": "torch"})  # bf16 is a torch mode
        result = evaluate_pairs(
            read_pairs(file),
            config,
            calibrate=calibrate,
            compare_precision=compare_precision,
            progress=RichProgress(_stderr(), enabled=not quiet),
        )
        if plot is not None:
            plot_calibration(result, plot)
        if fmt == "json":
            _emit(output, result.model_dump_json(indent=2))
        else:
            _emit(output, render=lambda c: render_pair_evaluation(result, c))
        return int(ExitCode.OK)

    _run(debug, action)


@eval_group.command("docs")
@click.argument("manifest", type=click.Path(path_type=Path))
@_format_option
@output_option
@nli_options
@rule_options
@embed_options
@model_place_options
@common_options
def eval_docs(
    manifest: Path, fmt: str, output: Path | None, quiet: bool, debug: bool, **options: Any
) -> None:
    """Run compare on MANIFEST's sources and check the contradictions it lists."""

    def action() -> int:
        from checker.evaluation import evaluate_docs, read_manifest
        from checker.pipeline import compare as run_compare
        from checker.report.evaluation import render_doc_evaluation

        spec, paths = read_manifest(manifest)
        report = run_compare(
            paths, _config(options), progress=RichProgress(_stderr(), enabled=not quiet)
        )
        result = evaluate_docs(report, spec)
        if fmt == "json":
            _emit(output, result.model_dump_json(indent=2))
        else:
            _emit(output, render=lambda c: render_doc_evaluation(result, c))
        return int(ExitCode.OK)

    _run(debug, action)
