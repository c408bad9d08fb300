"""What every `checker` command shares: progress on stderr, one-line errors and exit
codes, the options declared once, and one Config from a command's options.

The cli package is the only place that imports click.
"""

from __future__ import annotations

import datetime as dt
import io
import os
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
from checker.cli.helpformat import SectionedGroup
from checker.config import Config
from checker.errors import CheckerError, ConfigError, ExitCode
from checker.output import write_atomic

F = TypeVar("F", bound=Callable[..., Any])


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


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
    except BrokenPipeError:
        # stdout was closed (`| head`): the reader has what it wanted; end quietly,
        # and keep Python from failing again when it flushes stdout on the way out
        _silence_stdout()
        code = int(ExitCode.OK)
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:
            traceback.print_exc()
        err.print(
            f"checker: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            markup=False,
        )
        code = int(ExitCode.INTERNAL)
    sys.exit(code)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


# Config fields whose CLI option has another name.
_OPTION_OF_FIELD = {
    "contradiction_threshold": "--threshold",
    "embed_cache": "--no-embed-cache",
    "nli_cache": "--no-nli-cache",
}


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
    from checker.sources.ingest import parse_date

    return {k: parse_date(v, f"--date {k}") for k, v in _key_values(values, "--date").items()}


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


def _wrote(output: Path | None, verdict: str, quiet: bool = False) -> None:
    """With -o, one line on stderr: what was written and the verdict (not with -q)."""
    if output is not None and not quiet:
        _stderr().print(f"checker: wrote {output}: {verdict}", markup=False, soft_wrap=True)


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        # wrapped at spaces to the terminal's width (soft wrap would let it cut words)
        _stderr().print(f"checker: warning: {warning}", markup=False, soft_wrap=False)


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
    "no_nli_cache": "nli_cache",
    "no_number_check": "number_check",
    "no_people_check": "people_check",
}


@click.group(cls=SectionedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Find contradictions and agreements between articles, across languages."""
