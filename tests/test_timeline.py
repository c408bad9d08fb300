import datetime as dt
import io
from pathlib import Path

from fakes import RuleNli
from rich.console import Console

import checker
from checker.config import Config
from checker.report import render_report
from checker.schema import Verdict


def test_contradictions_between_dates_are_ordered_and_marked(samples: list[Path]) -> None:
    report = checker.compare(samples, nli=RuleNli())
    numbers = next(
        f
        for f in report.contradictions
        if "20,000" in f.a.text + f.b.text and "5 тысяч" in f.a.text + f.b.text
    )
    assert (numbers.a.source, numbers.b.source) == ("en.txt", "ru.txt")  # 03-02 before 03-05
    assert numbers.timeline == "2026-03-02 → 2026-03-05: position changed?"
    for f in report.contradictions:
        assert f.a.date is not None and f.b.date is not None and f.a.date <= f.b.date
        assert (f.timeline is None) == (f.a.date == f.b.date)
    assert all(
        f.timeline is None for f in report.findings if f.verdict is not Verdict.CONTRADICTION
    )


def test_same_day_sources_get_no_timeline(samples: list[Path]) -> None:
    day = dt.date(2026, 3, 1)
    report = checker.compare(samples, nli=RuleNli(), dates={p.name: day for p in samples})
    assert report.contradictions and all(f.timeline is None for f in report.contradictions)


def test_timeline_sorts_by_publication(samples: list[Path]) -> None:
    report = checker.compare(samples, Config(timeline=True), nli=RuleNli())
    keys = [(f.a.date, f.b.date) for f in report.contradictions]
    assert keys == sorted(keys)  # type: ignore[type-var]
    by_confidence = checker.compare(samples, nli=RuleNli())
    assert {(f.a.text, f.b.text) for f in by_confidence.contradictions} == {
        (f.a.text, f.b.text) for f in report.contradictions
    }


def test_one_source_claims_are_listed_per_source(samples: list[Path]) -> None:
    report = checker.compare(samples, nli=RuleNli())
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=160, no_color=True))
    text = buffer.getvalue()
    assert "Told by one source only" in text
    assert "Neighbouring Korsland has already offered two engineering battalions" in " ".join(
        text.split()
    )
    assert "position changed?" in text


def test_timeline_option_on_the_cli(samples: list[Path], nli_contradicting_deberta: Path) -> None:
    import json

    from click.testing import CliRunner

    from checker.cli import main

    args = [
        "compare",
        *map(str, samples),
        "--nli-model",
        str(nli_contradicting_deberta),
        "--format",
        "json",
        "--timeline",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    found = [f for f in json.loads(result.stdout)["findings"] if f["verdict"] == "contradiction"]
    keys = [(f["a"]["date"], f["b"]["date"]) for f in found]
    assert keys == sorted(keys) and any(f["timeline"] for f in found)
