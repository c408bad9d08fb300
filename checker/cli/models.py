"""`checker models …`: the catalog, what is on this machine, downloads and ONNX export."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from checker.cli.common import RichProgress, _run, _stderr, main
from checker.cli.options import (
    F,
    backend_option,
    cache_dir_option,
    debug_option,
    offline_option,
    quiet_option,
)
from checker.errors import ExitCode


@main.group(short_help="The model catalog: what is here, and getting models.")
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
        from checker.report import model_table, models_json
        from checker.store.modelstore import statuses

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
        from checker.report import model_panel
        from checker.store.modelstore import lookup, status

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
        from checker.store.modelstore import model_path

        click.echo(str(model_path(name, backend=backend, revision=revision, cache_dir=cache_dir)))
        return int(ExitCode.OK)

    _run(debug, action)


@models.command("download")
@click.argument("names", nargs=-1, required=True)
@backend_option
@_revision_option
@cache_dir_option
@click.option(
    "--no-onnx",
    is_flag=True,
    help="With the torch files, do not also make the fp32 ONNX file (--backend auto runs it).",
)
@quiet_option
@debug_option
def models_download(
    names: tuple[str, ...],
    backend: str,
    revision: str | None,
    cache_dir: Path | None,
    no_onnx: bool,
    quiet: bool,
    debug: bool,
) -> None:
    """Fetch the pinned revision of each model, only the files BACKEND needs; for an NLI
    model's torch files, also its fp32 ONNX file (exported here, or the hub's), which
    the default --backend auto runs."""

    def action() -> int:
        from checker.store.modelstore import download_model, onnx_fp32

        RichProgress(_stderr(), enabled=not quiet)  # sets the hub's own bars on or off
        for name in names:
            path = download_model(name, backend=backend, revision=revision, cache_dir=cache_dir)
            if path is None:
                click.echo(f"{name}: ships inside its Python package, nothing to download")
                continue
            click.echo(f"{name}: {path}")
            if backend == "torch" and not no_onnx:
                line = onnx_fp32(name, revision=revision, cache_dir=cache_dir)
                if line:
                    click.echo(f"{name}: {line}")
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
        from checker.store.modelstore import export_model

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
