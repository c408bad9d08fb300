"""Figures read as value + what they measure + qualifier, and compared like with like.

Every sentence here is written for the test; none is taken from a real article.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checks.figures import compare_figures
from checker.checks.quantities import quantities
from checker.cli import main
from checker.errors import ExitCode


def read(text: str, language: str) -> list[tuple[str, float, float | None, str]]:
    return [
        (q.dimension, round(q.value, 3), q.high, q.qualifier) for q in quantities(text, language)
    ]


def conflicts(a: str, la: str, b: str, lb: str) -> list[tuple[str, str]]:
    check = compare_figures(quantities(a, la), quantities(b, lb))
    return [(p.a.text, p.b.text) for p in check.conflicts]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("about 20,000 troops", "en", [("count", 20000, None, "about")]),
        ("20 000 солдат", "ru", [("count", 20000, None, "exact")]),
        ("около 5 тыс. человек", "ru", [("count", 5000, None, "about")]),
        ("نحو 20 ألف جندي", "ar", [("count", 20000, None, "about")]),
        ("٢٠٬٠٠٠ جندي", "ar", [("count", 20000, None, "exact")]),
        ("أكثر من 30،000 لاجئ", "ar", [("count", 30000, None, "min")]),  # the Arabic comma
        ("The bridge cost £125m.", "en", [("money:GBP", 125e6, None, "exact")]),
        ("a $3.6bn deal", "en", [("money:USD", 3.6e9, None, "exact")]),
        ("сделка на 3,1 млрд долларов", "ru", [("money:USD", 3.1e9, None, "exact")]),
        ("Fifty-eight villages", "en", [("count", 58, None, "exact")]),
        ("меньше сорока восьми", "ru", [("count", 48, None, "max")]),
        ("the 17th stage", "en", [("count", 17, None, "exact")]),
        ("the wall was 12 metres high", "en", [("length", 12, None, "exact")]),
        ("at 3 p.m.", "en", [("time", 900, None, "exact")]),
        ("в 15:00", "ru", [("time", 900, None, "exact")]),
        ("a magnitude 6.1 earthquake", "en", [("magnitude", 6.1, None, "exact")]),
        ("زلزال بقوة 6.1 درجات", "ar", [("magnitude", 6.1, None, "exact")]),
        ("the 1960-64 drought", "en", [("year", 1960, 1964, "exact")]),
        ("rain of 2 to 4 inches", "en", [("length", 0.051, 0.1016, "exact")]),
        ("No figures here.", "en", []),
        ("no one came, for the first time", "en", []),  # "one" and "first" alone
        ("version2 and A4 paper", "en", []),
    ],
)
def test_quantities_are_read_with_what_they_measure(
    text: str, language: str, expected: list[tuple[str, float, float | None, str]]
) -> None:
    got = read(text, language)
    assert [(d, q) for d, _, _, q in got] == [(d, q) for d, _, _, q in expected]
    for (_, value, high, _), (_, want, want_high, _) in zip(got, expected, strict=True):
        assert value == pytest.approx(want, rel=1e-3)
        assert (high is None) == (want_high is None)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # magnitude against a death toll, waves against a magnitude, days against people
        ("A magnitude 6.1 quake killed 212 people.", "en", "The quake killed 212 people.", "en"),
        (
            "Waves up to 4 metres followed the magnitude 6.1 quake.",
            "en",
            "The magnitude 6.1 quake sent 4-metre waves ashore.",
            "en",
        ),
        ("Rescuers searched for at least four days.", "en", "Rescuers found 96 people.", "en"),
        (
            "The 40 miles of road reopened in 2019.",
            "en",
            "Дорогу длиной 64 км открыли в 2019 году.",
            "ru",
        ),
        (
            "Turnout was 61 percent.",
            "en",
            "Явка составила 61 процент, пришли 900 000 человек.",
            "ru",
        ),
    ],
)
def test_different_quantities_are_never_compared(a: str, la: str, b: str, lb: str) -> None:
    assert conflicts(a, la, b, lb) == []


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("The toll rose above 800.", "en", "The toll reached 832.", "en"),
        ("More than 300,000 residents fled.", "en", "Over 380,000 residents fled.", "en"),
        ("Up to 6 metres of water", "en", "about 5 metres of water", "en"),
        ("Более 20 млн зрителей", "ru", "more than 20.4 million viewers", "en"),
    ],
)
def test_bounds_that_agree_are_no_conflict(a: str, la: str, b: str, lb: str) -> None:
    assert conflicts(a, la, b, lb) == []


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("He shot from about 30 yards out.", "en", "Он пробил примерно с 27 метров.", "ru"),
        ("It was a sunny 80 degrees.", "en", "Было 27 градусов тепла.", "ru"),
        ("The 550 pound boar weighed in.", "en", "Кабан весом 250 килограмм.", "ru"),
        ("within 40 miles of the border", "en", "в 65 км от границы", "ru"),
        ("winds of 85 miles per hour", "en", "ветер со скоростью 137 км/ч", "ru"),
        ("The match starts at 3 p.m.", "en", "Матч начнётся в 15:00.", "ru"),
        ("found at 7.55am", "en", "عُثر عليها في الساعة 7.55 صباحًا", "ar"),
        ("the 1960-64 drought", "en", "الجفاف الذي استمر من 1960 وحتى 1964", "ar"),
    ],
)
def test_conversions_and_forms_within_rounding_are_no_conflict(
    a: str, la: str, b: str, lb: str
) -> None:
    check = compare_figures(quantities(a, la), quantities(b, lb))
    assert check.conflicts == ()
    assert check.agreements  # and they were compared


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "The force will number about 20,000 troops.",
            "en",
            "Численность сил — около 5 тысяч военных.",
            "ru",
        ),
        ("He shot from about 30 yards out.", "en", "Он пробил примерно с 60 метров.", "ru"),
        ("Decision within two weeks.", "en", "Решение в течение трёх недель.", "ru"),
        ("Rain reached 120 mm overnight.", "en", "ووصلت الأمطار إلى 240 ملم خلال الليل.", "ar"),
        ("The toll rose above 800.", "en", "Число жертв превысило 1600.", "ru"),
        ("The match starts at 3 p.m.", "en", "Матч начнётся в 18:00.", "ru"),
        ("on 30 September", "en", "23 сентября", "ru"),
        ("won 5-3", "en", "فاز بنتيجة 5-2", "ar"),
        ("Six people were hurt.", "en", "Пострадали шестнадцать человек.", "ru"),
    ],
)
def test_the_same_quantity_with_values_that_cannot_both_be_true_conflicts(
    a: str, la: str, b: str, lb: str
) -> None:
    assert len(conflicts(a, la, b, lb)) == 1


def test_added_detail_is_no_conflict() -> None:
    assert (
        conflicts("20,000 troops arrived on day 5.", "en", "Прибыли 20 тысяч военных.", "ru") == []
    )


def test_arabic_teens_are_read_whole() -> None:
    """«الاثنتي عشرة» is twelve, not ten: it used to flag "12 vs 10" between a wire story
    and its own Arabic translation."""
    assert read("جرى إخلاء جميع القرى الاثنتي عشرة الواقعة أسفل السد", "ar")[0][1] == 12
    assert read("وصل أحد عشر جنديا", "ar")[0][1] == 11 and read("عشرة جنود", "ar")[0][1] == 10
    assert (
        conflicts(
            "All twelve villages below the dam were evacuated.",
            "en",
            "جرى إخلاء جميع القرى الاثنتي عشرة الواقعة أسفل السد قبل وصول المياه.",
            "ar",
        )
        == []
    )


def test_number_check_overrides_an_agreeing_model(samples: list[Path], nli_agreeing: Path) -> None:
    """The tiny model calls every pair entailment; differing figures in sentences that
    are each other's counterparts still raise a finding, with the figures behind it."""
    args = ["compare", *map(str, samples), "--nli-model", str(nli_agreeing), "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    flagged = [f for f in json.loads(result.stdout)["findings"] if f["decided_by"] == "numbers"]
    assert flagged and all(f["reason"].startswith("figures differ") for f in flagged)
    assert all(any(e["decides"] for e in f["figures"]) for f in flagged)
    texts = {(f["a"]["text"], f["b"]["text"]) for f in flagged}
    assert any("20,000" in a + b and "5 тысяч" in a + b for a, b in texts)
    assert not any("20 ألف" in a + b and "20,000" in a + b for a, b in texts)  # same number
    off = CliRunner().invoke(main, [*args, "--no-number-check"])
    assert off.exit_code == ExitCode.OK
    assert all(f["reason"] is None for f in json.loads(off.stdout)["findings"])
