"""The rules beside NLI on real news nobody here wrote (bench/rules_real.py on the NTREX
half in ../shared/data): the figures the docs state are held here. Skipped without the
data (a clean clone, CI)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex"


@pytest.mark.slow
@pytest.mark.skipif(not (NTREX / "docs").is_dir(), reason="../shared/data/ntrex not present")
def test_rules_on_real_news_hold_their_figures(bench_json: Callable[..., Any]) -> None:
    figures = bench_json("rules_real.py", "--ntrex", str(NTREX))
    for language in ("ru", "ar"):
        row = figures[language]
        assert row["sentences"] > 1900
        assert row["per_1000"] <= 2.0, row  # false rule flags on translations
        assert row["flags_people"] == 0, row
        assert row["recall"]["digits"] >= 0.95, row
        assert row["recall"]["words"] >= 0.80, row
        assert row["recall"]["people"] >= 0.70, row
        assert row["planted"]["digits"] > 150 and row["planted"]["people"] > 25
    assert figures["same_events"]["flags"] == 0, figures["same_events"]
