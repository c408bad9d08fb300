"""People told apart by their place ("talks between X and Nadia Korvel"), names read whole
across scripts, and role readers that real Russian and Arabic news tripped."""

import pytest

import checker
from checker.checks.beside import beside_conflict, coordinated
from checker.checks.names import clearly_different
from checker.checks.people import people
from checker.config import Config
from checker.schema import Verdict

# One sentence in three languages: the translators dropped the role.
TALKS = {
    "en": "It came after the talks between Prime Minister Tomas Velder and Nadia Korvel in Lisbon.",
    "ru": "Это произошло после переговоров Томаса Велдера и Нади Корвел в Лиссабоне.",
    "ar": "جاء ذلك بعد المحادثات بين توماس فيلدر ونادية كورفيل في لشبونة.",
}
# The same sentence with another person beside Korvel.
SWAPPED = {
    "en": "It came after the talks between Prime Minister Ivo Brandhorst and Nadia Korvel in Lisbon.",
    "ru": "Это произошло после переговоров Иво Брандхорста и Нади Корвел в Лиссабоне.",
    "ar": "جاء ذلك بعد المحادثات بين إيفو براندهورست ونادية كورفيل في لشبونة.",
}


# Arabic against Arabic is not read: with no capitals, the anchor comes from a Latin or
# Cyrillic side.
@pytest.mark.parametrize(
    ("a", "b"),
    [(a, b) for a in ("en", "ru", "ar") for b in ("en", "ru", "ar") if a != "ar" or b != "ar"],
)
def test_another_person_beside_the_same_person_is_a_conflict(a: str, b: str) -> None:
    reason = beside_conflict(TALKS[a], SWAPPED[b], a, b)
    assert reason is not None and reason.startswith("different people beside "), reason
    assert beside_conflict(TALKS[a], TALKS[b], a, b) is None  # the translation agrees


def test_places_lists_and_a_shared_surname_are_no_conflict() -> None:
    # two countries are not two people: a translator may write a country otherwise
    assert beside_conflict("Talks between Germany and Iran resumed.",
                           "استؤنفت المحادثات بين ألمانيا وإيران.", "en", "ar") is None  # fmt: skip
    assert coordinated("Ministers from Paris, London, and Rome met.", "en") == ()
    # the first name dropped: one person
    assert beside_conflict(TALKS["en"], "بعد المحادثات بين فيلدر ونادية كورفيل في لشبونة.",
                           "en", "ar") is None  # fmt: skip


def test_a_translation_that_swaps_the_person_is_flagged_with_no_model() -> None:
    report = checker.compare(
        [
            checker.text_source(TALKS["en"], name="en.txt"),
            checker.text_source(SWAPPED["ar"], name="ar.txt"),
        ],
        Config(nli_model="none"),
    )
    flagged = [f for f in report.findings if f.verdict is Verdict.CONTRADICTION]
    assert [f.decided_by for f in flagged] == ["people"]
    assert "Tomas Velder" in (flagged[0].reason or "")
    same = checker.compare(
        [
            checker.text_source(TALKS["en"], name="en.txt"),
            checker.text_source(TALKS["ar"], name="ar.txt"),
        ],
        Config(nli_model="none"),
    )
    assert not [f for f in same.findings if f.verdict is Verdict.CONTRADICTION]


def test_whole_names_apart_when_first_names_and_all_consonants_are() -> None:
    # surnames two edits apart in five consonants are too close to call alone
    assert clearly_different("Rex Tallerson", "Дэвид Томпсон")
    assert clearly_different("Ernest Moniz", "Майк Пенс")
    # transliterations of one person stay one
    assert not clearly_different("Recep Tayyip Erdogan", "Реджеп Тайип Эрдоган")
    assert not clearly_different("Jens Stoltenberg", "Йенс Столтенберг")
    assert not clearly_different("Xi Jinping", "Си Цзиньпин")
    assert not clearly_different("Ri Yong-ho", "Ри Юн Хо")


def test_role_readers_on_real_constructions() -> None:
    # two roles in one Russian sentence: the second is read too
    two = people("обсуждалась вице-президентом США Полом Дарнеллом и премьер-министром "
                 "Израиля Ароном Бейтом, в рамках консультаций", "ru")  # fmt: skip
    assert [(p.role, p.name) for p in two] == [
        ("vice_president", "Полом Дарнеллом"),
        ("prime_minister", "Ароном Бейтом"),
    ]
    assert two[1].office == frozenset({"il"})  # «Израиля» is the country, not a first name
    # a word that starts like a particle («де») is no part of the name
    (trump,) = people("с администрацией президента США Тома Кадда действительно велись", "ru")
    assert trump.name == "Тома Кадда"
    # "U.S." before a role is its country
    (pompeo,) = people("However, U.S. Secretary of State Dan Whitlow told the council.", "en")
    assert pompeo.office == frozenset({"us"})
    # «قام» (did) before a name is a verb; «لجنة» (committee) after «رئيس» heads no person
    (coach,) = people("قام جيدو سوراني، مدرب المنتخب الوطني، بتدريب اثنين", "ar")
    assert coach.name == "جيدو سوراني"
    assert people("وأضاف رئيس لجنة الأمن في البرلمان أن اللجنة لم تتلق", "ar") == []
