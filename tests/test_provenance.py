"""Attribution phrases in en/ru/ar become provenance; ordinary prose does not."""

import pytest

from checker.checks.provenance import attributions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Arvania will send troops, as reported by the Selmar News Agency citing the "
            "Arvanian defence ministry.",
            ["Selmar News Agency", "Arvanian defence ministry"],
        ),
        ("Talks failed, according to Reuters on Monday.", ["Reuters"]),
        (
            "The force will number 20,000, according to diplomats at the United Nations.",
            ["diplomats at the United Nations"],
        ),
        (
            "Арвания направит военных, как сообщает агентство Selmar News со ссылкой на "
            "министерство обороны Арвании.",
            ["агентство Selmar News", "министерство обороны Арвании"],
        ),
        ("По данным РИА Новости, переговоры сорваны.", ["РИА Новости"]),
        ("Как сообщает Selmar.Today, переговоры вёл посланник.", ["Selmar.Today"]),
        (
            "Арвания не примет участия в миссии, сообщил источник в правительстве.",
            ["источник в правительстве"],
        ),
        (
            "سترسل أرفانيا جنودا، بحسب وكالة أنباء سلمار نقلا عن وزارة الدفاع الأرفانية.",
            ["وكالة أنباء سلمار", "وزارة الدفاع الأرفانية"],
        ),
        ("وقالت الحكومة إن القرار نهائي، وفقا لمصادر مطلعة.", ["مصادر مطلعة"]),
    ],
)
def test_attributions(text: str, expected: list[str]) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to the plan, troops leave in May.",
        "He told reporters the talks had failed.",
        "The minister said the decision was final.",
        "Министр заявил, что решение окончательное.",
    ],
)
def test_prose_without_a_named_source_cites_nobody(text: str) -> None:
    assert attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor told CNBC in an interview on Friday that roads will reopen.", ["CNBC"]),
        ("She told The Courier for a story printed last week that she would run.", ["Courier"]),
        ("Prices rose, according to data from the finance ministry.", []),
        ("The bridge will close, according to the U.S. Army Corps.", ["U.S. Army Corps"]),
        ("Об этом сообщила газета Morning Post в понедельник.", ["газета Morning Post"]),
        ("وذكر كبير الأطباء أن الحالة مستقرة.", []),
        ("بحسب الولايات المتحدة بأن المحادثات انتهت.", ["الولايات المتحدة"]),
    ],
)
def test_a_cited_name_ends_where_the_name_ends(text: str, expected: list[str]) -> None:
    """The summary's "cites" list shows a speaker, never the clause after it ("CNBC in an
    interview this week") or a noun that only looks like a marker («ذكر», "male")."""
    assert attributions(text) == expected
