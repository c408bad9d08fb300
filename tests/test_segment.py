from pathlib import Path

import pytest

from checker.sources.ingest import from_text
from checker.sources.segment import detect_language, segment, split_sentences


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Идею обсуждали с вице-президентом США Дж. Д. Вэнсом и премьером Израиля. "
            "Баку решения не принял.",
            [
                "Идею обсуждали с вице-президентом США Дж. Д. Вэнсом и премьером Израиля.",
                "Баку решения не принял.",
            ],
        ),
        (
            "ru",
            "Как сообщает Caliber.Az, Баку ещё не принял решения. Позиция не изменилась.",
            ["Как сообщает Caliber.Az, Баку ещё не принял решения.", "Позиция не изменилась."],
        ),
        (
            "ru",
            "«Участие в боевых действиях не рассматривается», — заявил президент. Он уехал.",
            ["«Участие в боевых действиях не рассматривается», — заявил президент.", "Он уехал."],
        ),
        (
            "ru",
            "Это, т. е. миссия, не начнётся. Встреча с ген. Петровым прошла.",
            ["Это, т. е. миссия, не начнётся.", "Встреча с ген. Петровым прошла."],
        ),
        (
            "en",
            "It was discussed by J. D. Vance and Dr. Smith. The ISF is U.S.-backed, News.Az "
            'reports. He said "We will not go." Is it true? Yes, it is.',
            [
                "It was discussed by J. D. Vance and Dr. Smith.",
                "The ISF is U.S.-backed, News.Az reports.",
                'He said "We will not go."',
                "Is it true?",
                "Yes, it is.",
            ],
        ),
        (
            "ar",
            "قال المصدر إن بلاده لن ترسل قوات، مشيرا إلى أن القرار للبرلمان. هل هذا صحيح؟ نعم! "
            "وأضاف أن الخطوة ستناقش.",
            [
                "قال المصدر إن بلاده لن ترسل قوات، مشيرا إلى أن القرار للبرلمان.",
                "هل هذا صحيح؟",
                "نعم!",
                "وأضاف أن الخطوة ستناقش.",
            ],
        ),
    ],
)
def test_split_sentences_edge_cases(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_unknown_language_code_falls_back() -> None:
    assert split_sentences("First one here. Second one here.", "und") == [
        "First one here.",
        "Second one here.",
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Арвания не планирует участвовать в миротворческих силах.", "ru"),
        ("Arvania will join only with a Security Council resolution.", "en"),
        ("لن تشارك أرفانيا إلا بقرار من مجلس الأمن الدولي.", "ar"),
        ("12 345 — 67", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


def test_segment_tags_document_and_sentence_languages() -> None:
    text = (
        "Арвания не планирует участвовать в миротворческих силах, сообщил источник.\n\n"
        "The minister said: the decision will be taken within two weeks.\n\n"
        "Решение примут через две недели, заявила министр иностранных дел.\n"
    )
    source = segment(from_text(text, name="mixed"))
    assert source.language == "ru"
    assert [s.language for s in source.sentences] == ["ru", "en", "ru"]
    assert [s.index for s in source.sentences] == [0, 1, 2]
    assert all(s.source == "mixed" for s in source.sentences)


def test_short_fragments_are_dropped_with_a_reason() -> None:
    source = segment(from_text("Да. Арвания не планирует участвовать в миссии.", name="x"))
    assert [s.text for s in source.sentences] == ["Арвания не планирует участвовать в миссии."]
    assert ("Да.", "too short to check") in [(d.text, d.reason) for d in source.dropped]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "Церковь Св. Мартина была построена в XII веке. Её восстановили в 1990 году.", 2),
        ("ru", "Об этом сообщили 5 мая 2025 г. В Баку прошли переговоры.", 2),
        ("ru", "В 2025 г. Москва приняла закон. Он вступит в силу.", 2),
        ("ru", "В г. Москве прошёл митинг на ул. Ленина. Полиция задержала двоих.", 2),
        ("ru", "Музей им. Пушкина открылся, т. е. вход открыт. Вход бесплатный.", 2),
        ("en", "The vote is at 7 p.m. ET tonight, officials said. Polls close then.", 2),
        ("en", "He arrived at 9 a.m. The talks began an hour later.", 2),
        ("en", "Gen. Smith and Lt. Jones arrived at St. Mary's church. They spoke briefly.", 2),
        ("ar", "قال د. أحمد خليل إن الوضع مستقر. وأضاف أن الفرق تعمل.", 2),
        ("ar", "وقعت الحادثة عام 2025 م. وقال شهود إن الطريق أغلق.", 2),
        ("ar", "وصل المبعوث ج. د. مارتن صباحا. وتحدث إلى الصحفيين.", 2),
    ],
)
def test_abbreviations_neither_split_nor_glue(language: str, text: str, expected: int) -> None:
    """«Св.», «ул.», «им.», «т. е.», "St.", "Gen.", "Lt.", "p.m. ET", «د.» and Arabic
    initials split nothing; a year mark («2025 г.», «2025 م.») ends a sentence when an
    opener follows and glues nothing ("2025 г. В Баку…" used to stay one sentence)."""
    parts = split_sentences(text, language)
    assert len(parts) == expected, parts
    assert " ".join(parts) == " ".join(text.split())


def test_parallel_sample_lines_are_kept_intact() -> None:
    """bench/segmentation.py's measure: every body line of the parallel en/ru/ar sample
    comes out as exactly one sentence, none dropped, no clutter kept."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import segmentation

    for language in ("en", "ru", "ar"):
        row = segmentation.score(language)
        assert row["broken"] == [] and row["dropped"] == [], row
        assert row["clutter kept"] == [] and len(row["intact"]) == row["lines"] == 20


def test_a_german_ordinal_before_its_noun_ends_no_sentence() -> None:
    """«im 19. Jahrhundert», «in der 25. Minute»: the splitter cut after the ordinal's
    point (the months it knows); a number that ends a sentence still ends it."""
    assert split_sentences("Er ging im 19.\u00a0Jahrhundert verloren.", "de") == [
        "Er ging im 19. Jahrhundert verloren."
    ]
    assert split_sentences("In der 25. Minute traf er.", "de") == ["In der 25. Minute traf er."]
    assert split_sentences("Er wurde 38. Dann ging er.", "de") == ["Er wurde 38.", "Dann ging er."]
