"""`checker compare`, `align`, `sentences` and `schema`: the pipeline's commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from checker.cli.common import (
    RichProgress,
    _config,
    _dates,
    _emit,
    _key_values,
    _run,
    _stderr,
    _warn,
    _wrote,
    main,
)
from checker.cli.options import (
    _format_option,
    check_options,
    common_options,
    embed_options,
    input_options,
    limit_options,
    model_place_options,
    nli_options,
    output_option,
)
from checker.errors import ExitCode


@main.command(short_help="Find contradictions between sources (files, folders, URLs, '-').")
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["rich", "json", "md", "html"]),
    default="rich",
    show_default=True,
    help="Terminal report, JSON, Markdown, or one self-contained HTML file.",
)
@output_option
@nli_options
@embed_options
@model_place_options
@limit_options
@check_options
@click.option("--show-agreements", is_flag=True, help="List agreements, not only count them.")
@click.option("--no-fail", is_flag=True, help="Exit 0 even when contradictions are found.")
@common_options
def compare(
    inputs: tuple[str, ...],
    names: tuple[str, ...],
    dates: tuple[str, ...],
    fmt: str,
    output: Path | None,
    show_agreements: bool,
    no_fail: bool,
    quiet: bool,
    debug: bool,
    **options: Any,
) -> None:
    """Compare sources (files, directories, '-' for stdin) and report contradictions.

    Exit status: 0 no contradiction, 1 contradictions found, 2 usage or input error,
    3 model unavailable.
    """

    def action() -> int:
        from checker.pipeline import compare as run_compare
        from checker.report import render_report, report_html, report_json, report_markdown
        from checker.report.common import headline

        report = run_compare(
            inputs,
            _config(options),
            progress=RichProgress(_stderr(), enabled=not quiet),
            names=_key_values(names, "--name"),
            dates=_dates(dates),
        )
        _warn(report.warnings)
        if fmt in ("json", "md", "html"):
            render = {"json": report_json, "md": report_markdown, "html": report_html}[fmt]
            _emit(output, render(report))
        else:
            _emit(
                output, render=lambda c: render_report(report, c, show_agreements=show_agreements)
            )
        _wrote(output, headline(report)[0].removeprefix("✓ ").removeprefix("✗ "), quiet)
        if report.summary.contradictions and not no_fail:
            return int(ExitCode.CONTRADICTIONS)
        return int(ExitCode.OK)

    _run(debug, action)


@main.command(short_help="Cross-source sentence pairs and their similarity (no NLI).")
@input_options
@_format_option
@output_option
@embed_options
@model_place_options
@limit_options
@common_options
def align(
    inputs: tuple[str, ...],
    names: tuple[str, ...],
    dates: tuple[str, ...],
    fmt: str,
    output: Path | None,
    quiet: bool,
    debug: bool,
    **options: Any,
) -> None:
    """Print cross-source sentence pairs and their similarity (no NLI model needed)."""

    def action() -> int:
        from checker.pipeline import align as run_align
        from checker.report import alignment_json, render_alignment

        result = run_align(
            inputs,
            _config(options),
            progress=RichProgress(_stderr(), enabled=not quiet),
            names=_key_values(names, "--name"),
            dates=_dates(dates),
        )
        _warn(result.warnings)
        if fmt == "json":
            _emit(output, alignment_json(result))
        else:
            _emit(output, render=lambda c: render_alignment(result, c))
        return int(ExitCode.OK)

    _run(debug, action)


@main.command(short_help="What checker reads from each source after cleaning.")
@input_options
@_format_option
@output_option
@limit_options
@click.option("--show-dropped", is_flag=True, help="Also list the lines removed as boilerplate.")
@common_options
def sentences(
    inputs: tuple[str, ...],
    names: tuple[str, ...],
    dates: tuple[str, ...],
    fmt: str,
    output: Path | None,
    show_dropped: bool,
    quiet: bool,
    debug: bool,
    **options: Any,
) -> None:
    """Show what checker reads from each source after cleaning and segmentation."""

    def action() -> int:
        from checker.pipeline import load_sources, source_warnings
        from checker.report import render_sentences, sentences_json

        sources = load_sources(
            inputs,
            names=_key_values(names, "--name"),
            dates=_dates(dates),
            config=_config(options),
        )
        _warn(source_warnings(sources))
        if fmt == "json":
            _emit(output, sentences_json(sources, show_dropped=show_dropped))
        else:
            _emit(output, render=lambda c: render_sentences(sources, c, show_dropped=show_dropped))
        return int(ExitCode.OK)

    _run(debug, action)


SCHEMA_KINDS = ("report", "corpus", "verify", "alignment", "pair-eval", "doc-eval", "models")


@main.command(short_help="Print the JSON Schema of a report (compare, corpus, verify, …).")
@click.option(
    "--kind",
    type=click.Choice(SCHEMA_KINDS),
    default="report",
    show_default=True,
    help="Which JSON document to describe.",
)
def schema(kind: str) -> None:
    """Print the JSON Schema of `compare --format json` (or of another JSON output)."""
    from pydantic import TypeAdapter

    from checker.corpus.schema import CorpusReport
    from checker.draft.schema import VerifyReport
    from checker.evaluation import DocEvaluation, PairEvaluation
    from checker.schema import Alignment, Report
    from checker.store.modelstore import ModelStatus

    models: dict[str, Any] = {
        "report": Report,
        "corpus": CorpusReport,
        "verify": VerifyReport,
        "alignment": Alignment,
        "pair-eval": PairEvaluation,
        "doc-eval": DocEvaluation,
        "models": list[ModelStatus],
    }
    document = TypeAdapter(models[kind]).json_schema()
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
