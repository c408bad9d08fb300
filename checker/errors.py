"""Error classes and the exit codes a script can gate on.

Every error the CLI can show is a `CheckerError`: it carries its exit code and a
one-line message meant for a person, so the CLI never needs to print a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes; documented in the README and tested one by one."""

    OK = 0  # no contradiction above the threshold
    CONTRADICTIONS = 1  # contradictions found (a pre-publication check fails)
    USAGE = 2  # bad options or unusable input
    MODEL_UNAVAILABLE = 3  # a model (or the Ray engine) could not be found, fetched or used
    INTERNAL = 4  # a bug in checker; the message says to rerun with --debug
    INTERRUPTED = 130  # Ctrl-C


class CheckerError(Exception):
    """Base class: a one-line message and the exit code that goes with it."""

    exit_code: ExitCode = ExitCode.USAGE


class InputError(CheckerError):
    """A source cannot be read or yields nothing usable."""

    exit_code = ExitCode.USAGE


class ConfigError(CheckerError):
    """Options that contradict each other or are out of range."""

    exit_code = ExitCode.USAGE


class ModelUnavailableError(CheckerError):
    """A model is not present locally and cannot be fetched."""

    exit_code = ExitCode.MODEL_UNAVAILABLE


class ModelError(CheckerError):
    """A model was found but cannot be used (wrong labels, corrupt files, ...)."""

    exit_code = ExitCode.MODEL_UNAVAILABLE


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its class name if it has none): library
    errors can run to pages, and checker reports one line."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class EngineError(CheckerError):
    """The engine asked for cannot run: its package is missing or its cluster is out of reach."""

    exit_code = ExitCode.MODEL_UNAVAILABLE
