"""--help in sections, wrapped at spaces: the layout of every checker command's help.

click lists a command's options as one list and breaks words at hyphens; compare has
45 options and a 57-character default model id. Options are placed in sections where
they are declared (`options._options(..., section=...)`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import click

# The attribute that names an option's --help section, and the sections in their order;
# a command's own options come first, under "Options".
SECTION = "help_section"
SECTIONS = (
    "Options",
    "NLI model",
    "Pairing",
    "Rules",
    "Checking and output",
    "Limits",
    "Where models live",
    "General",
)


class _Formatter(click.HelpFormatter):
    """click's help layout, wrapped at spaces only: click breaks words at hyphens,
    which cut model ids and option names in two ("…-xnli- / multilingual"). A word
    wider than the help column moves left rather than past the edge. `terms` sets one
    term column for every section of a command."""

    terms: int | None = None

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        widest = self.terms or max((len(term) for term, _ in rows), default=0)
        first = min(widest, col_max) + col_spacing
        column = self.current_indent + first
        wrap = textwrap.TextWrapper(
            max(self.width - column - 2, 10), break_on_hyphens=False, break_long_words=False
        )
        for term, text in rows:
            self.write(" " * self.current_indent + term)
            lines = wrap.wrap(text)
            if not lines:
                self.write("\n")
                continue
            if len(term) > first - col_spacing:
                self.write("\n" + " " * column)
            else:
                self.write(" " * (first - len(term)))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * min(column, max(0, self.width - len(line))) + line + "\n")


class _Context(click.Context):
    formatter_class = _Formatter


class SectionedCommand(click.Command):
    """A command whose --help lists its options in sections, not as one long list."""

    context_class = _Context

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows: dict[str, list[tuple[str, str]]] = {name: [] for name in SECTIONS}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                section = getattr(param, SECTION, "General" if param.name == "help" else None)
                rows[section or "Options"].append(record)
        if isinstance(formatter, _Formatter):
            formatter.terms = max(len(term) for records in rows.values() for term, _ in records)
        for name, records in rows.items():
            if records:
                with formatter.section(name):
                    formatter.write_dl(records)


class SectionedGroup(click.Group):
    """The `checker` group: its commands, and its subgroups', list options in sections."""

    command_class = SectionedCommand
    context_class = _Context
    group_class = type  # subgroups are SectionedGroups too
