"""Renderers for `checker models list|info`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Group
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


def model_table(rows: Sequence[ModelStatus]) -> Group:
    """The catalog, one model to two lines: the name a user types with its role, licence,
    size and files here, then the model id and revision indented under it. Nothing is
    folded: at 80 columns a table cell would cut a 57-character hub id in two."""
    names = [r.name + (" (default)" if r.default else "") for r in rows]
    cells = [
        [r.role, r.licence, _size(r.backends[0].size_mb if r.backends else 0), _present(r)]
        for r in rows
    ]
    heads = ["name", "role", "licence", "size", "here"]
    widths = [max([len(heads[0]), *map(len, names)])]
    widths += [max([len(heads[k + 1]), *(len(c[k]) for c in cells)]) for k in range(4)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out: list[Text] = [Text("Model catalog", style="bold"), Text(line(heads), style="bold")]
    for row, name, cell in zip(rows, names, cells, strict=True):
        out.append(Text(line([name, *cell])))
        out.append(Text(f"  {row.model} @ {_revision(row)}", style="dim"))
    if rows:
        out.append(Text(f"Hugging Face cache: {rows[0].cache}", style="dim"))
    return Group(*out)


def _revision(row: ModelStatus) -> str:
    if not row.pinned:
        return f"{row.revision} (unpinned)"
    if row.model.startswith("bundled"):
        return row.revision.split("==")[-1]  # the package version
    return row.revision[:12]


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
