"""Renderers for `checker models list|info`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.store.modelstore import ModelStatus


def _size(mb: int | None) -> str:
    if mb is None:
        return "export"
    return f"{mb / 1000:.1f} GB" if mb >= 1000 else f"{mb} MB"


def _present(row: ModelStatus) -> str:
    """'yes' for a model its package ships, else the backends whose files are here."""
    if row.model.startswith("bundled") and any(b.present for b in row.backends):
        return "yes"
    here = [b.backend for b in row.backends if b.present]
    here += [f"{b.backend} DAMAGED" for b in row.backends if b.damaged]
    return ", ".join(here) if here else "-"


def model_table(rows: Sequence[ModelStatus]) -> Table:
    """The catalog; the name a user types is never broken (it heads its cell, the model
    id and revision fold under it), so the table fits 80 columns."""
    table = Table(title="Model catalog", title_justify="left", expand=True)
    longest = max((len(r.name) + (10 if r.default else 0) for r in rows), default=10)
    table.add_column("name · model @ revision", min_width=longest, ratio=1, overflow="fold")
    for column in ("role", "licence", "size", "here"):
        table.add_column(column, no_wrap=True)
    for row in rows:
        if not row.pinned:
            revision = f"{row.revision} (unpinned)"
        elif row.model.startswith("bundled"):
            revision = row.revision.split("==")[-1]  # the package version
        else:
            revision = row.revision[:12]
        cell = Text(row.name + (" (default)" if row.default else ""), style="bold")
        cell.append(f"\n{row.model} @ {revision}", style="dim")
        first = row.backends[0] if row.backends else None
        table.add_row(
            cell, row.role, row.licence, _size(first.size_mb if first else 0), _present(row)
        )
    table.caption = f"Hugging Face cache: {rows[0].cache}" if rows else None
    return table


def model_panel(row: ModelStatus) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("model", row.model)
    grid.add_row("revision", row.revision + ("" if row.pinned else " (unpinned)"))
    grid.add_row("role", row.role + (", default" if row.default else ""))
    grid.add_row("licence", row.licence)
    if row.labels:
        grid.add_row("labels", ", ".join(f"{i}: {label}" for i, label in enumerate(row.labels)))
    grid.add_row("languages", ", ".join(row.languages))
    if row.targets:
        grid.add_row("translates into", ", ".join(row.targets))
    if row.quality:
        grid.add_row("quality", row.quality)
    if row.notes:
        grid.add_row("notes", row.notes)
    for b in row.backends:
        where = b.damaged or (b.path if b.present else "not here")
        grid.add_row(f"{b.backend} ({_size(b.size_mb)})", where)
    return Panel(grid, title=f"{row.name}: {row.description}", title_align="left")


def models_json(rows: Sequence[ModelStatus]) -> str:
    return json.dumps([r.model_dump() for r in rows], ensure_ascii=False, indent=2)
