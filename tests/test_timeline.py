import datetime as dt
import io
from pathlib import Path

from fakes import MirrorNli, RuleNli
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
    # two outlets on two days: the dates, neutrally, no "position changed?"
    assert numbers.timeline == "2026-03-02 → 2026-03-05"
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
    report = checker.compare(samples, nli=MirrorNli())
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=160, no_color=True))
    text = buffer.getvalue()
    assert "Told by one source only" in text
    assert "Neighbouring Korsland has already offered two engineering battalions" in " ".join(
        text.split()
    )
    assert "2026-03-02 → 2026-03-05" in text and "position changed?" not in text


def _attributed(tmp: Path, who_later: str) -> checker.Report:
    early = checker.text_source(
        "Arvania will send 2,000 soldiers to Selmar, according to the Selmar News Agency.",
        name="monday",
        date=dt.date(2026, 3, 2),
    )
    later = checker.text_source(
        f"Arvania will send only 500 soldiers to Selmar, according to {who_later}.",
        name="friday",
        date=dt.date(2026, 3, 6),
    )
    return checker.compare([later, early], nli=RuleNli())


def test_position_changed_only_for_the_same_speaker(tmp_path: Path) -> None:
    """'position changed?' only when both sentences attribute the claim to one speaker
    or outlet; otherwise the two dates stand alone. In every format."""
    from checker.report import report_html, report_json, report_markdown

    same = _attributed(tmp_path, "the Selmar News Agency")
    other = _attributed(tmp_path, "Korsland Radio")
    (s,), (o,) = same.contradictions, other.contradictions
    assert s.timeline == "2026-03-02 → 2026-03-06: position changed?"
    assert o.timeline == "2026-03-02 → 2026-03-06"
    for report, changed in ((same, True), (other, False)):
        buffer = io.StringIO()
        render_report(report, Console(file=buffer, width=200, no_color=True))
        for text in (buffer.getvalue(), report_markdown(report), report_html(report)):
            assert "2026-03-02 → 2026-03-06" in text
            assert ("position changed?" in text) is changed
        assert ("position changed?" in report_json(report)) is changed


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
