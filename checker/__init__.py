"""checker: find contradictions and agreements between news articles, across languages.

    from checker import compare
    report = compare(["en.txt", "ru.txt", "ar.txt"])
    for finding in report.contradictions: ...

Importing this package is cheap: torch and transformers load only when a model runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Config", "Report", "align", "compare", "load_sources", "__version__"]

if TYPE_CHECKING:
    from checker.config import Config
    from checker.pipeline import align, compare, load_sources
    from checker.schema import Report


def __getattr__(name: str) -> Any:
    if name == "Config":
        from checker.config import Config

        return Config
    if name == "Report":
        from checker.schema import Report

        return Report
    if name in ("align", "compare", "load_sources"):
        from checker import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
