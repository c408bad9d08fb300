"""Fallbacks that tell: whatever checker had to guess or could not read is a warning in
the report, naming the source; never a silent default that reads as a finding."""

import json
from pathlib import Path

import pytest
from fakes import RuleNli

import checker
from checker.report import report_html, report_markdown

RU = "Численность сил составит около 5 тысяч военнослужащих, сообщили дипломаты."
EN = "The force is expected to number about 20,000 troops, diplomats said."


def _report(tmp_path: Path, data: bytes, name: str = "ru.txt") -> checker.Report:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    return checker.compare([tmp_path / name, tmp_path / "en.txt"], nli=RuleNli())


def _everywhere(report: checker.Report, text: str) -> None:
    assert any(text in w for w in report.warnings)
    assert text in report_markdown(report) and text in report_html(report)
    assert any(text in w for w in json.loads(report.model_dump_json())["warnings"])


def test_broken_utf8_bytes_are_named(tmp_path: Path) -> None:
    text = " ".join([RU] * 5).encode("utf-8")
    report = _report(tmp_path, text[:20] + b"\xff\xfe" + text[20:])
    _everywhere(report, "ru.txt: 2 invalid UTF-8 byte sequence(s) replaced")
    assert report.sources[[s.name for s in report.sources].index("ru.txt")].warnings


def test_a_failed_charset_detection_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import charset_normalizer

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("detector exploded")

    monkeypatch.setattr(charset_normalizer, "from_bytes", broken)
    report = _report(tmp_path, RU.encode("cp1251"))
    ru = next(s for s in report.sources if s.name == "ru.txt")
    assert ru.sentences[0].text == RU  # the letter-count fallback still read it
    _everywhere(report, "charset detection: it failed: detector exploded")


def test_clean_inputs_have_no_such_warnings(tmp_path: Path) -> None:
    report = _report(tmp_path, RU.encode("utf-8"))
    assert report.warnings == []


def test_unreadable_dates_are_a_warning_not_no_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateparser.search

    from checker.checks import facts

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("dateparser broke")

    facts._search_dates.cache_clear()
    monkeypatch.setattr(dateparser.search, "search_dates", broken)
    texts = [
        checker.text_source("The talks with 20,000 troops were held on 7 January.", name="en"),
        checker.text_source("Переговоры о 5 тысячах военных прошли 9 января.", name="ru"),
    ]
    report = checker.compare(texts, nli=RuleNli())
    facts._search_dates.cache_clear()
    assert report.contradictions and not report.contradictions[0].a.mentioned_dates
    _everywhere(report, "dates in its sentences could not be read (dateparser broke)")


def test_model_languages_come_from_the_model_that_ran(tmp_path: Path) -> None:
    """An injected model is not the configured catalog model: its languages are not
    claimed (the warning used to list mdeberta's languages for any model)."""
    thai = checker.text_source("อาร์วาเนียจะเข้าร่วมภารกิจก็ต่อเมื่อคณะมนตรีความมั่นคงมีมติเท่านั้น", name="th")
    report = checker.compare([thai, checker.text_source(EN, name="en")], nli=RuleNli())
    assert not any("not among the NLI model's" in w for w in report.warnings)
