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
    """Both folds (A: documents 0 mod 4, where rules were chosen; B: 2 mod 4), every
    language pair of a document's files."""
    figures = bench_json("rules_real.py", "--ntrex", str(NTREX))
    for fold in ("A", "B"):
        pairs = figures["folds"][fold]
        assert set(pairs) == {"en-ru", "en-ar", "ru-ar"}
        for pair, row in pairs.items():
            assert row["sentences"] > 900, (fold, pair)
            # false rule flags on translations (translation errors read by hand apart)
            assert row["false_per_1000"] <= 1.0, (fold, pair, row)
            assert row["flags_people"] == 0, (fold, pair, row)
            assert row["notes_per_1000"] <= 10, (fold, pair, row)  # notes a reader wants
            assert row["recall"]["digits"] >= 0.80, (fold, pair, row)
            assert row["recall"]["figures"] >= 0.80, (fold, pair, row)  # every kind of figure
        ru_ar = pairs["ru-ar"]["recall"]  # two translations: copies found by their place too
        assert min(ru_ar["digits"], ru_ar["figures"]) >= (0.95 if fold == "A" else 0.85), ru_ar
        assert ru_ar["people_local"] >= (0.90 if fold == "A" else 0.60), ru_ar
        for pair in ("en-ru", "en-ar"):
            row = pairs[pair]
            floor = 0.95 if fold == "A" else 0.90  # B reports: the independent half is lower
            assert row["recall"]["digits"] >= floor and row["recall"]["figures"] >= floor, row
            # B en–ar lost one plant (0.792 -> 0.771) after the 2026-12-08 changes, not
            # read (docs/measuring.md): the floor follows what B reports, it is not a target
            assert row["recall"]["words"] >= (0.93 if fold == "A" else 0.75), row
            assert row["recall"]["people"] >= (0.85 if fold == "A" else 0.78), row
            assert row["recall"]["people_local"] >= (0.90 if fold == "A" else 0.55), row
            assert row["planted"]["figures"] > 90 and row["planted"]["people"] > 12
        bundles = figures["unrelated_bundles"][fold]
        assert bundles["bundles"] >= 6 and bundles["contradictions"] == 0, bundles
    assert figures["same_events"]["flags"] == 0, figures["same_events"]
