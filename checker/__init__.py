"""checker: find contradictions and agreements between news articles, across languages.

    from checker import compare, text_source
    report = compare(["en.txt", "ru.txt", "ar.txt"])
    for finding in report.contradictions: ...
    report = compare(["en.txt", text_source("Текст статьи…", name="wire-ru")])
    checked = verify("draft.md", ["wire-ru.txt", "statement-ar.html"])  # a draft, per sentence

A str is always a path, directory, '-' or URL; text itself goes in as `text_source`.

Importing this package is cheap: torch and transformers load only when a model runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = [
    "Config",
    "RawSource",
    "Report",
    "align",
    "compare",
    "load_sources",
    "text_source",
    "verify",
    "__version__",
]

if TYPE_CHECKING:
    from checker.config import Config
    from checker.draft import verify
    from checker.pipeline import align, compare, load_sources
    from checker.schema import Report
    from checker.sources.ingest import RawSource, text_source


def __getattr__(name: str) -> Any:
    if name == "Config":
        from checker.config import Config

        return Config
    if name == "Report":
        from checker.schema import Report

        return Report
    if name in ("RawSource", "text_source"):
        from checker.sources import ingest

        return getattr(ingest, name)
    if name == "verify":
        from checker.draft import verify

        return verify
    if name in ("align", "compare", "load_sources"):
        from checker import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
