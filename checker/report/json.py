"""JSON renderers: the pydantic models are the format."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.schema import Alignment, Report, Source


def report_json(report: Report) -> str:
    return report.model_dump_json(indent=2)


def alignment_json(alignment: Alignment) -> str:
    return alignment.model_dump_json(indent=2)


def sentences_json(sources: Sequence[Source], *, show_dropped: bool = False) -> str:
    """`[{"source", "date", "language", "sentences": [{"text", "language"}], ...}]`."""
    items = []
    for src in sources:
        item: dict[str, object] = {
            "source": src.name,
            "origin": src.origin,
            "date": src.date.isoformat() if src.date else None,
            "language": src.language,
            "sentences": [{"text": s.text, "language": s.language} for s in src.sentences],
        }
        if show_dropped:
            item["dropped"] = [d.model_dump() for d in src.dropped]
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)
