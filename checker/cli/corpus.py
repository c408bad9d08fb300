"""`checker corpus`: a day's feed clustered into stories, each story checked as compare
checks its sources, on the local engine or on Ray."""

from __future__ import annotations

import sys
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
    check_options,
    common_options,
    embed_options,
    limit_options,
    model_place_options,
    nli_options,
    output_option,
)
from checker.corpus import CorpusOptions
from checker.errors import ExitCode


def _default(field: str) -> Any:
    """A corpus option's default is its CorpusOptions field's: one source of truth."""
    return CorpusOptions.model_fields[field].default


@main.command(short_help="Find the stories in a feed and check each one.")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["rich", "json", "jsonl", "md", "html"]),
    default="rich",
    show_default=True,
    help="Table of stories, JSON, JSON lines (one story a line, streamed), Markdown or HTML.",
)
@output_option
@click.option(
    "--window-days",
    type=click.IntRange(0, 3660),
    default=_default("window_days"),
    show_default=True,
    help="Dated articles further apart than this are never compared when finding stories.",
)
@click.option(
    "--follow-up-days",
    type=click.IntRange(0, 3660),
    default=_default("follow_up_days"),
    show_default=True,
    help="Dated articles beyond the window but within this many days join a story as "
    "follow-ups when they share its central names (0: never).",
)
@click.option(
    "--desk-language",
    metavar="CODE",
    default=None,
    help="Title each story from its most central article in this language (en, ru, ar, …) "
    "where it has one.",
)
@click.option(
    "--story-similarity",
    type=click.FloatRange(0.0, 2.0, min_open=True),
    default=_default("story_similarity"),
    show_default=True,
    help="Least average similarity within a story (embeddings + shared names and figures).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default=_default("engine"),
    show_default=True,
    help="local: this process. ray: Ray Data on a local or existing Ray cluster "
    "(pip install 'checker[ray]').",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 4096),
    default=_default("workers"),
    show_default=True,
    help="Ray: actors in each model pool (each loads its model once; --threads CPUs each, or 1).",
)
@click.option(
    "--gpus-per-worker",
    type=click.FloatRange(0.0, 16.0),
    default=_default("gpus_per_worker"),
    show_default=True,
    help="Ray: GPUs each model actor holds (0.5 puts two actors on a GPU).",
)
@click.option(
    "--ray-address",
    metavar="HOST:PORT|ray://HOST:PORT|auto",
    default=None,
    help="Ray: join this running cluster; without it a local Ray runs for the command.",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let URLs read from a manifest reach loopback, private, link-local and multicast "
    "addresses (refused by default, after DNS and on every redirect; URLs typed as "
    "inputs may always).",
)
@click.option(
    "--allow-url-network",
    "allowed_url_networks",
    metavar="CIDR",
    multiple=True,
    help="A network manifest URLs may reach though not public (your CMS: 10.20.0.0/16); "
    "repeatable.",
)
@click.option(
    "--allow-paths-outside",
    is_flag=True,
    help="Let a manifest's paths name files outside the manifest's folder, of any suffix "
    "(refused by default: a manifest written by a scraper must not read your disk).",
)
@nli_options
@embed_options
@model_place_options
@limit_options
@check_options
@click.option("--no-fail", is_flag=True, help="Exit 0 even when contradictions are found.")
@common_options
def corpus(
    inputs: tuple[str, ...],
    fmt: str,
    output: Path | None,
    window_days: int,
    follow_up_days: int,
    desk_language: str | None,
    story_similarity: float,
    engine: str,
    workers: int,
    gpus_per_worker: float,
    ray_address: str | None,
    allow_private_urls: bool,
    allowed_url_networks: tuple[str, ...],
    allow_paths_outside: bool,
    no_fail: bool,
    quiet: bool,
    debug: bool,
    **options: Any,
) -> None:
    """Cluster articles (folders, files, URLs, JSONL manifests) into stories and check
    each story with 2+ sources exactly as `compare` would.

    A manifest line is {"path"|"url"|"text": ..., "name": ..., "date": "YYYY-MM-DD"}.
    --max-sources caps a story: a bigger one is split into parts by date. Exit status
    as for compare: 1 when any story has a contradiction; 2 when no article could be
    read; 3 also when the Ray engine cannot run what is asked.
    """

    def action() -> int:
        from checker.corpus import corpus as run_corpus
        from checker.report.corpus import (
            corpus_html,
            corpus_json,
            corpus_line,
            corpus_markdown,
            corpus_verdict,
            render_corpus,
            story_line,
        )

        settings = CorpusOptions(
            window_days=window_days,
            follow_up_days=follow_up_days,
            desk_language=desk_language,
            story_similarity=story_similarity,
            engine=engine,
            workers=workers,
            gpus_per_worker=gpus_per_worker,
            ray_address=ray_address,
            allow_private_urls=allow_private_urls,
            allowed_url_networks=allowed_url_networks,
            allow_paths_outside=allow_paths_outside,
        )
        lines: list[str] = []

        def streamed(story: Any) -> None:
            line = story_line(story)
            if output is None:
                click.echo(line)
                sys.stdout.flush()
            else:
                lines.append(line)

        report = run_corpus(
            inputs,
            _config(options),
            settings,
            progress=RichProgress(_stderr(), enabled=not quiet),
            on_story=streamed if fmt == "jsonl" else None,
        )
        if fmt != "rich" or output is not None:
            _warn(report.warnings)  # the terminal report lists them itself: once, not twice
        if fmt == "jsonl":
            if output is None:
                click.echo(corpus_line(report))
            else:
                _emit(output, "\n".join([*lines, corpus_line(report)]) + "\n")
        elif fmt in ("json", "md", "html"):
            render = {"json": corpus_json, "md": corpus_markdown, "html": corpus_html}[fmt]
            _emit(output, render(report))
        else:
            _emit(output, render=lambda c: render_corpus(report, c))
        _wrote(output, corpus_verdict(report), quiet)
        if report.summary.contradictions and not no_fail:
            return int(ExitCode.CONTRADICTIONS)
        return int(ExitCode.OK)

    _run(debug, action)
