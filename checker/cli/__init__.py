"""The `checker` command: parse options, build one Config, call the core, render, exit.

Errors become one line on stderr and an exit code from `ExitCode`; `--debug` shows the
traceback instead. One module per command group; the shared options live in `common`.
"""

from checker.cli import cache, compare, corpus, evaluate, models, verify  # noqa: F401 (registers)
from checker.cli.common import RichProgress, _config, _option_name, main

__all__ = ["RichProgress", "_config", "_option_name", "main"]
