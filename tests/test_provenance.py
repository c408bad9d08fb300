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
