import datetime as dt

import pytest
from fakes import RuleNli

import checker
from checker.checks.facts import mentioned_dates


@pytest.mark.parametrize(
    ("text", "language", "words", "date"),
    [
        ("The talks were held on 7 January in Geneva.", "en", "7 January", dt.date(2026, 1, 7)),
        ("Переговоры прошли 7 января в Женеве.", "ru", "7 января", dt.date(2026, 1, 7)),
        ("عقدت المحادثات في 7 يناير في جنيف.", "ar", "7 يناير", dt.date(2026, 1, 7)),
        ("On March 3, 2024 the minister spoke.", "en", "March 3, 2024", dt.date(2024, 3, 3)),
    ],
)
def test_dates_in_sentences(text: str, language: str, words: str, date: dt.date) -> None:
    found = mentioned_dates(text, language, published=dt.date(2026, 3, 2))
    assert len(found) == 1 and words in found[0][0] and found[0][1] == date


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The force will number about 20,000 troops.", "en"),
        ("Arvania will join in May if the council agrees.", "en"),
        ("Численность сил составит около 5 тысяч.", "ru"),
    ],
)
def test_numbers_and_bare_months_are_not_dates(text: str, language: str) -> None:
    assert mentioned_dates(text, language) == []


def test_year_comes_from_the_publication_date() -> None:
    ((_, date),) = mentioned_dates(
        "Переговоры прошли 7 января.", "ru", published=dt.date(2025, 3, 1)
    )
    assert date == dt.date(2025, 1, 7)


def test_findings_carry_the_dates() -> None:
    texts = [
        "The talks with 20,000 troops were held on 7 January in Geneva, officials said.",
        "Переговоры о 5 тысячах военных прошли 9 января в Женеве, сообщили чиновники.",
    ]
    report = checker.compare(
        [checker.text_source(t, name=f"text{k}") for k, t in enumerate(texts, 1)], nli=RuleNli()
    )
    finding = report.contradictions[0]
    sides = {finding.a.language: finding.a, finding.b.language: finding.b}
    assert [m.date.day for m in sides["en"].mentioned_dates] == [7]
    assert [m.date.day for m in sides["ru"].mentioned_dates] == [9]


def test_cheap_precheck_skips_sentences_without_a_date() -> None:
    from checker.checks.facts import may_hold_date

    assert may_hold_date("The talks resume on 7 January.", "en")
    assert may_hold_date("Переговоры возобновятся 7 января.", "ru")
    assert may_hold_date("تستأنف المحادثات في 7 يناير.", "ar")
    assert may_hold_date("Signed on 07.01.2026 in Baku.", "en")
    assert may_hold_date("Am 7. Januar beginnen die Gespräche.", "de")  # any digit, other languages
    assert not may_hold_date("The force will number 20,000 troops.", "en")
    assert not may_hold_date("Численность сил составит 5 тысяч военных.", "ru")
    assert not may_hold_date("Talks resume in January.", "en")  # no day
