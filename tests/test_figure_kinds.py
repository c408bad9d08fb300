"""Every kind of figure read the way careless edits change it (years, ranges, lists,
ages, dates, halves, heights, signs), and people in one office across scripts. Each
case is written for the test; none is taken from a real article. Each pair was missed
or misread before the change it tests."""

import pytest
from figurecheck import agree, conflicts

from checker.checks.figures import compare_figures
from checker.checks.people import people, role_conflict
from checker.checks.quantities import quantities


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        # years of any century, and a year before the noun it dates
        ("the 2016 vote was close", "en", "голосование 2013 года было близким", "ru"),
        ("the 1950 movie made him famous", "en", "the 1947 movie made him famous", "en"),
        ("Columbus sailed in 1492.", "en", "Колумб отплыл в 1495 году.", "ru"),
        # ranges compared end by end, whatever order an edit leaves them in
        ("between 30 and 43 percent of voters", "en", "между 60 и 43 процентами избирателей", "ru"),
        ("2 to 4 inches of rain", "en", "от 2 до 8 дюймов дождя", "ru"),
        ("70-90% of men", "en", "140-90% мужчин", "ru"),
        ("the 1950-53 war", "en", "الحرب التي استمرت من 1947 وحتى 1953", "ar"),
        # lists take the age that opens them or the unit that closes them
        ("The men, aged 33, 34 and 39, were arrested.", "en",
         "Мужчины в возрасте 66, 34 и 39 лет были арестованы.", "ru"),
        ("a 16-year-old boy", "en", "32-летний мальчик", "ru"),
        # a day that no month has is still a date, and a wrong one
        ("on Saturday (September 29)", "en", "в субботу, 58-го сентября", "ru"),
        ("on June 19, 1953", "en", "بتاريخ يوم 38 يونيو 1953", "ar"),
        # halves and compound lengths
        ("half an inch of rain", "en", "3,0 см дождя", "ru"),
        ("2.5 million people", "en", "пяти с половиной миллионов человек", "ru"),
        ("He is 6-foot-6.", "en", "Его рост 2 м 82 см.", "ru"),
        # signs
        ("It was -5C overnight.", "en", "Ночью было +5 градусов.", "ru"),
        # an Arabic bound with its preposition glued on
        ("for more than 18 months", "en", "لأكثر من 36 شهرًا", "ar"),
        # «до» after a noun is "up to", not the "to" of a change («гибели» is no verb)
        ("может привести к гибели до 400 самок", "ru", "قتل ما يصل إلى 800 من الإناث", "ar"),
        # «اثنين من تجار»: two of the dealers, not two killings («القتل» before it)
        ("was convicted of murdering four drug suppliers", "en",
         "أدين بتهمة القتل لاثنين من تجار المخدرات", "ar"),
        # a Russian figure counts its first noun («сирийцев»), not a later one («страну»)
        ("более 5,5 миллионов сирийцев покинули страну", "ru",
         "أكثر من 11 مليون سوري فروا من البلاد", "ar"),
        # an English range whose first end hangs on a hyphen ("18- to 29-year-olds")
        ("voters, 25- to 34-year-olds, stayed home", "en",
         "избиратели от 25 до 68 лет остались дома", "ru"),
        # «случаев», «حالة»: cases of the thing the other side names
        ("there were 1,240 escapes last year", "en", "в прошлом году было 1270 случаев побега", "ru"),
        ("there were 1,240 escapes last year", "en", "وقعت 1270 حالة هروب في العام الماضي", "ar"),
        # Arabic duals count the noun's singular («مرتين» two times, «رجلين» two men)
        ("She visited the city four times.", "en", "وزارت المدينة مرتين.", "ar"),
        ("Four men were arrested on Friday.", "en", "وتم القبض على رجلين يوم الجمعة.", "ar"),
        ("Four million people were displaced.", "en", "ونزح مليونا شخص.", "ar"),
        # the noun after an Arabic number counts, not the one before («الشركة ثلاث وظائف»)
        ("The company cut six jobs.", "en", "وألغت الشركة ثلاث وظائف.", "ar"),
        ("77,000 spectators", "en", "154.000 متفرج", "ar"),
        ("1.2 million residents", "en", "2.4 مليون نسمة", "ar"),
        # "about 100 million" is not 50 million: roundness reaches a quarter of the figure
        ("Сделка оценивается в 50 млн долларов.", "ru", "الصفقة بنحو 100 مليون دولار", "ar"),
        # «опустилась до -10»: the "to" of a change, whatever sign follows
        ("Temperatures fell to minus 5 degrees.", "en",
         "Температура опустилась до -10 градусов.", "ru"),
        # a range of days is compared end by end
        ("The festival runs from October 1 to 5.", "en", "Фестиваль пройдет с 1 по 9 октября.", "ru"),
        # a range whose first end an edit pushed past the second is still a range
        ("the 1950-53 Korea War", "en", "Корейскую войну 1953-53 гг.", "ru"),
        ("voters, 18- to 29-year-olds, stay home", "en", "виборців 36–29 років", "uk"),
        ("voters, 18- to 29-year-olds, stay home", "en", "36-29 yaş aralığındaki seçmenler", "tr"),
        # «fut» is Turkish for feet as «fit» is: the metres are left to compare
        ("sank in about 30 meters (100 feet) of water", "en",
         "suda yaklaşık 60 metre (100 fut) derinliğe battı", "tr"),
        ("600 people were killed", "en", "قتل ثلاثمائة شخص", "ar"),
        # a currency named with its country between («milyon Amerika dolları»)
        ("received an estimated $140 million in aid", "en", "280 milyon Amerika dolları yardım", "az"),
        ("received an estimated $140 million in aid", "en", "280 milyon ABD doları yardım", "tr"),
        ("sank in about 30 meters (100 feet) of water", "en", "təxminən 200 fit (30 metr) suyun", "az"),
        # in a copy a bound of money or a share reaches no further than a count's
        ("it invests more than $100 million per year", "en", "yılda 200 milyon USD yatırım", "tr"),
        ("just over 40 percent of Arizona", "en", "более 80 процентов Аризоны", "ru"),
    ],
)  # fmt: skip
def test_careless_edits_of_every_kind_conflict(a: str, la: str, b: str, lb: str) -> None:
    assert conflicts(a, la, b, lb)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("the 1950-53 war", "en", "الحرب التي استمرت من 1950 وحتى 1953", "ar"),
        ("2 to 4 inches of rain", "en", "от 5 до 10 см дождя", "ru"),
        ("The men, aged 33, 34 and 39, were arrested.", "en",
         "Мужчины в возрасте 33, 34 и 39 лет были арестованы.", "ru"),
        ("half an inch of rain", "en", "1,5 см дождя", "ru"),
        ("half a million people", "en", "500 000 человек", "ru"),
        ("2.5 million people", "en", "двух с половиной миллионов человек", "ru"),
        ("2.5 million people", "en", "مليونين ونصف المليون شخص", "ar"),
        ("He is 6-foot-6.", "en", "Его рост 1 м 98 см.", "ru"),
        ("The 6-foot-6 forward grew up there.", "en", "Рост этого форварда 1 м 98 см.", "ru"),
        ("in the 1980s at the university", "en", "dans les années 80, à l'université", "fr"),
        ("in the 1980s at the university", "en", "in den 1980er Jahren", "de"),
        ("It was -5C overnight.", "en", "Ночью было 5 градусов мороза.", "ru"),
        ("on Saturday (September 29)", "en", "в субботу, 29 сентября", "ru"),
        ("может привести к гибели до 400 самок", "ru", "قتل ما يصل إلى 400 من الإناث", "ar"),
        ("более 5,5 миллионов сирийцев покинули страну", "ru",
         "أكثر من 5.5 مليون سوري فروا من البلاد", "ar"),
        ("was convicted of murdering two drug suppliers", "en",
         "أدين بتهمة القتل لاثنين من تجار المخدرات", "ar"),
        # a verb of change before «до» gives where it ended, not a bound
        ("число погибших сократилось до 127", "ru", "the death toll fell to 127", "en"),
        ("voters, 25- to 34-year-olds, stayed home", "en",
         "избиратели от 25 до 34 лет остались дома", "ru"),
        ("there were 1,240 escapes last year", "en", "в прошлом году было 1240 случаев побега", "ru"),
        ("She visited the city two times.", "en", "وزارت المدينة مرتين.", "ar"),
        ("Two million people were displaced.", "en", "ونزح مليونا شخص.", "ar"),
        ("The company cut three jobs.", "en", "وألغت الشركة ثلاث وظائف.", "ar"),
        ("about 300,000 people", "en", "около 260 000 человек", "ru"),
        ("Temperatures fell to minus 5 degrees.", "en",
         "Температура опустилась до -5 градусов.", "ru"),
        ("The festival runs from October 1 to 5.", "en", "Фестиваль пройдет с 1 по 5 октября.", "ru"),
        ("The festival runs from October 1 to 5.", "en", "ويقام المهرجان من 1 إلى 5 أكتوبر.", "ar"),
        ("It runs 1-5 October.", "en", "Фестиваль пройдет 1–5 октября.", "ru"),
        ("it invests more than $100 million per year", "en", "yılda 120 milyon USD yatırım", "tr"),
        # Arabic hundreds in one word or two, and a ten after them («أربعمائة وخمسين»)
        ("450 people were killed", "en", "قتل أربعمائة وخمسين شخصا", "ar"),
        ("300 people were killed", "en", "قتل ثلاث مئة شخص", "ar"),
        ("125 people were killed", "en", "قتل مائة وخمسة وعشرون شخصا", "ar"),
        ("voters, 18- to 29-year-olds, stay home", "en", "18-29 yaş aralığındaki seçmenler", "tr"),
        ("on his 21st birthday", "en", "У свій 21-й день народження", "uk"),
    ],
)  # fmt: skip
def test_the_same_figures_written_otherwise_agree(a: str, la: str, b: str, lb: str) -> None:
    assert agree(a, la, b, lb)


def test_ranges_pair_with_ranges_before_bounds() -> None:
    """ "3 to 6 inches, up to 10" against «7–10 см, местами до 25 см»: the ranges are
    the pair that differ, not "up to 10 inches" and the range."""
    found = conflicts(
        "Totals of 3 to 6 inches are expected, with up to 10 inches possible.", "en",
        "Может выпасть 7–10 см осадков, местами до 25 см.", "ru",
    )  # fmt: skip
    assert found == [("3 to 6 inches", "7–10 см")]


@pytest.mark.parametrize(
    ("text", "language", "year"),
    [("in 1492", "en", True), ("the 2016 vote", "en", True), ("2016 votes", "en", False),
     ("1500 people", "en", False), ("in 1500 cases", "en", False), ("в 2000 домах", "ru", False)],
)  # fmt: skip
def test_a_year_is_told_from_a_count(text: str, language: str, year: bool) -> None:
    assert (quantities(text, language)[0].dimension == "year") is year


def test_people_in_one_office_across_scripts() -> None:
    # the same man in Russian and Arabic script (в writes w; ال is the article)
    assert role_conflict(
        "министр иностранных дел Валид аль-Муалем сообщил", "قال وزير الخارجية وليد المعلم إن",
        "ru", "ar",
    ) is None  # fmt: skip
    # names no dictionary lists, and Korean names whose surnames are too short alone
    assert role_conflict(
        "North Korean Foreign Minister Ri Yong-ho blamed sanctions.",
        "قام وزير الخارجية الكوري الشمالي باك أوي تشون بإدانة العقوبات", "en", "ar",
    )  # fmt: skip
    assert role_conflict(
        "South Korean leader Moon Jae-in met Kim.", "южнокорейский лидер Пак Кын Хе встретился с Кимом.",
        "en", "ru",
    )  # fmt: skip
    assert [p.name for p in people("лидером Пак Кын Хе, имевших", "ru")] == ["Пак Кын Хе"]
    # a two-consonant given-name syllable ("Jae-in" "hn", «غيون» "hn") and «من» ("from",
    # "mn" as Moon) name nobody: Park Geun-hye in Moon Jae-in's place is another leader
    assert role_conflict(
        "They met South Korean leader Moon Jae-in in the past five months.",
        "التقوا بزعيم كوريا الجنوبية بارك غيون هاي على مدار الخمسة أشهر من العام", "en", "ar",
    )  # fmt: skip
    assert not role_conflict(
        "They met South Korean leader Moon Jae-in in the past five months.",
        "التقوا بزعيم كوريا الجنوبية مون جاي إن على مدار الخمسة أشهر من العام", "en", "ar",
    )  # fmt: skip
    # a role named after its holder: the clause's first name holds it, not the one replaced
    post = "с тех пор, как {} сменил Кенни Миллера на посту главного тренера команды."
    assert [p.name for p in people(post.format("Гари Холт"), "ru")] == ["Гари Холт"]
    assert role_conflict(
        "head coach Gary Holt is still to taste defeat since replacing Kenny Miller.",
        post.format("Стивен Пресли"), "en", "ru",
    )  # fmt: skip
    assert not people("Он остался на посту президента до 2008 года.", "ru")
    # «управляющий» is the Russian "manager" too
    assert role_conflict(
        "Estate manager Hamish Rankin says the estate is ideal.",
        "Управляющий недвижимостью Дуглас Кэмпбелл говорит, что имение идеально.", "en", "ru",
    )  # fmt: skip


def test_an_office_includes_its_country_and_its_time() -> None:
    assert (
        role_conflict("French President Macron met them.", "Russian President Putin met them.")
        is None
    )
    assert role_conflict("Former President Obama spoke.", "President Trump spoke.") is None
    assert role_conflict("President Macron met them.", "President Putin met them.")
    assert role_conflict(
        "US President Donald Trump spoke.", "تحدث الرئيس الأمريكي باراك أوباما.", "en", "ar"
    )
    assert role_conflict(
        "US President Donald Trump spoke.", "تحدث الرئيس الروسي فلاديمير بوتين.", "en", "ar"
    ) is None  # fmt: skip


def test_a_country_after_an_arabic_role_is_not_a_name() -> None:
    found = people("عقد اجتماعًا مع رئيس بنما خوان كارلوس فاريلا في يونيو", "ar")
    assert [(p.name, sorted(p.office)) for p in found] == [("خوان كارلوس فاريلا", ["pa"])]


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("310 Millionen Euro", "de", "310 million euros", "en"),
        ("8 Milliarden Kubikmeter Gas", "de", "8 billion cubic metres of gas", "en"),
        ("2,5 мільйона гривень", "uk", "2,5 млн гривен", "ru"),
        ("1,5 millones de personas", "es", "1.5 million people", "en"),
        ("two-thirds of voters", "en", "66% of voters", "en"),
        ("две трети избирателей", "ru", "ثلثي الناخبين", "ar"),
    ],
)  # fmt: skip
def test_scale_words_and_shares_of_the_languages_read_agree(
    a: str, la: str, b: str, lb: str
) -> None:
    assert not conflicts(a, la, b, lb)


def test_a_language_the_rules_do_not_read_is_never_compared() -> None:
    """Dutch is not among the languages read: "310 miljoen euro" is no verdict (read
    as 310, it conflicted with "310 million euros"), a figure with a symbol still is."""
    (dutch,) = quantities("310 miljoen euro", "nl")
    assert dutch.unread
    assert not compare_figures([dutch], quantities("310 million euros", "en")).agreements
    assert not conflicts("310 miljoen euro", "nl", "310 million euros", "en")
    assert conflicts("een daling van 40%", "nl", "a fall of 20%", "en")
    assert quantities("Ağır sıx meşələr", "az") == ()  # «sıx» is no English "six"


def test_ranges_in_the_languages_tables_read() -> None:
    """A table's range words («zwischen 18 bis 29», «entre 2 y 5»), and a bare figure
    that takes the unit its sentence wrote just before («… a los 10»: 10 cm)."""
    assert conflicts("voters aged 18 to 29", "en", "Wähler zwischen 36 bis 29 Jahren", "de")
    assert agree("voters aged 18 to 29", "en", "Wähler zwischen 18 bis 29 Jahren", "de")
    assert agree("18- to 29-year-olds", "en", "les 18 à 29 ans", "fr")
    rain = "1 to 2 inches, with up to 4 inches in places"
    assert not conflicts(rain, "en", "entre 2 y 5 centímetros, y hasta los 10 en algunos", "es")
    assert conflicts(rain, "en", "entre 2 y 5 centímetros, y hasta los 20 en algunos", "es")


@pytest.mark.parametrize(
    ("a", "b", "lb"),
    [
        # Ukrainian qualifiers (it reads Russian's patterns): «більше» is "more than"
        ("invests more than $100 million a year", "інвестує більше 200 мільйонів доларів на рік", "uk"),
        # Turkish adjectives of length of time and of weight
        ("an end to 139 years of disputes", "278 yıllık anlaşmazlıklara son", "tr"),
        ("a 650 pound pig", "1300 poundluk bir domuz", "tr"),
        ("a 550 pound hog", "1100 funtluq donuz", "az"),
        ("41 percent of respondents", "respondentlərin 82 faizi", "az"),
        # a postposition after the unit: «-dan çox», «-den fazla» are "more than"
        ("invests more than $100 million", "200 milyon dollardan çox investisiya qoyur", "az"),
        ("for more than 18 months", "36 aydan çox", "az"),
        # decades as each language writes them (a careless edit leaves any last digit)
        ("in the 1980s at the university", "dans les années 1983, à l'université", "fr"),
        ("in the 1980s at the university", "in den 1983er Jahren an der Universität", "de"),
        ("in the 1980s at the university", "en la década de 1990 en la universidad", "es"),
        ("in the 1980s at the university", "1983-cü illərdə universitetdə", "az"),
        ("in the early 2000s", "a principios de los 2003", "es"),
        # a Spanish billón is a million million; «daha uzun» is "longer"; Ukrainian cases
        ("the UK's £2.8bn beauty market", "valorado en 2800 billones de libras", "es"),
        ("for more than 18 months", "36 aydan daha uzun bir süre", "tr"),
        ("an end to 139 years of disputes", "край 278 рокам розбіжностей", "uk"),
        ("his second defeat in 18 games", "другу поразку з 36 ігор", "uk"),
        ("assaulted her at the age of 17", "34 yaşı içində hücum etdi", "az"),
        ("predict 2 to 4 inches of rainfall", "yağışlarının 2-8 düym ölçüsündə", "az"),
        # a percent range written with the sign first
        ("70-90% of men", "erkeklerin %140 ile %90'ı", "tr"),
        # a compound height before its noun; pharmacies are stores
        ("The 6-foot-6 forward grew up there.", "Рост этого форварда 2 м 82 см.", "ru"),
        ("its 281-store pharmacy business", "свій аптечний бізнес (562 аптеки)", "uk"),
        # Hebrew: a qualifier with a prefix («ליותר מ-»: to more than), «מעל» (above)
        ("Indonesia Tsunami Toll Soars Above 800.", "מניין ההרוגים טיפס ליותר מ- 1600.", "he"),
        ("just over 40 percent of Arizona", "מעל 80 אחוז מאריזונה", "he"),
        ("In 2016, a pig attacked a woman", "בשנת 2019, חזיר תקף אישה", "he"),
        # a number word read tells which figure is which («drei Prozent» is the three)
        ("drink sales were up 6.6 per cent, with food down three per cent",
         "die Getränkeumsätze stiegen um 13,2 Prozent, der Absatz von Speisen um drei Prozent", "de"),
    ],
)  # fmt: skip
def test_the_tables_read_what_careless_edits_change(a: str, b: str, lb: str) -> None:
    assert conflicts(a, "en", b, lb)


def test_counts_of_two_unknown_nouns_in_one_script_are_two_things() -> None:
    assert not conflicts("40 schools were closed", "en", "12 roads were closed", "en")
    assert conflicts("40 schools were closed", "en", "12 schools were closed", "en")
    assert conflicts("закрыли 40 школ", "ru", "закрыли 12 школ", "ru")


def test_shares_of_a_whole_are_percentages() -> None:
    assert conflicts("two-thirds of voters", "en", "33% of voters", "en")
    assert [q.dimension for q in quantities("the first half of the year", "en")] == []
    assert [q.dimension for q in quantities("نصف النهائي", "ar")] == []


def test_a_report_says_once_which_languages_the_rules_read() -> None:
    import checker
    from checker.config import Config

    dutch = "Het bedrijf verloor 310 miljoen euro. De fabriek sluit in maart. Er werken 40 mensen."
    report = checker.compare(
        [checker.text_source(dutch, name="nl.txt"),
         checker.text_source("The company lost 310 million euros. The plant closes in March.",
                             name="en.txt")],
        Config(nli_model="none"),
    )  # fmt: skip
    said = [w for w in report.warnings if "are not compared" in w]
    assert len(said) == 1 and "nl" in said[0] and "de" in said[0]
    assert not report.contradictions


def test_one_figure_written_with_two_nouns_is_one_figure() -> None:
    """ "1,127 defections" and «1127 случаев» are one figure (the nouns differ); the
    other count of the sentence is then the one left to compare."""
    en = "There were 1,127 defections last year, compared with 2,706 in 2011."
    ru = "По сравнению с 5412 случаями побега в 2011 году, в прошлом году их было 1127."
    assert conflicts(en, "en", ru, "ru") == [("2,706", "5412 случаями")]


def test_russian_ordinals_in_every_case_are_read() -> None:
    assert [(q.value, q.ordinal) for q in quantities("был на седьмом месте", "ru")] == [(7, True)]
    assert conflicts("he was eighth after the first lap", "en",
                     "он был на седьмом месте после первого круга", "ru")  # fmt: skip


def test_a_country_is_an_anchor_in_its_arabic_forms() -> None:
    """«المملكة المتحدة» is the UK and «البريطانية» its feminine adjective: a shared
    country shows two reports speak of one place (they named nothing before)."""
    from checker.checks.anchors import shared_name

    assert shared_name("Рынок Великобритании оценивается в 2,8 млрд фунтов.",
                       "سوق التجميل في المملكة المتحدة بقيمة 5.6 مليار جنيه.")  # fmt: skip
    assert shared_name("The British market grew.", "نمت السوق البريطانية.")
    assert not shared_name("The British market grew.", "نمت السوق الفرنسية.")


def test_an_indictment_counts_nobody_held() -> None:
    """«22 пунктам обвинительного заключения» counts charges; «заключённых» are held."""
    from checker.checks.quantities import quantities

    charges = quantities("Он отрицает вину по всем 22 пунктам обвинительного заключения.", "ru")
    assert [(q.value, q.concept) for q in charges] == [(22.0, None)]
    held = quantities("Освобождены 12 заключённых.", "ru")
    assert [(q.value, q.concept) for q in held] == [(12.0, "arrested")]


def test_an_english_partitive_counts_what_follows_of() -> None:
    """ "Five of the victims" counts victims, as «خمس من ضحايا» does: without it the
    English figure counted nothing and a changed number went unread."""
    (ten,) = quantities("Ten of the victims were tourists from Selmar.", "en")
    assert (ten.value, ten.concept) == (10.0, "people")
    (two,) = quantities("He had trained two of the missing pilots.", "en")
    assert two.concept == "missing"
    assert quantities("It is one of the most important votes.", "en") == ()


def test_figures_no_matching_reconciles_conflict_in_a_copy() -> None:
    en = "There had been 1,127 defections last year, compared with 2,706 in 2011."
    # both figures changed: which pairs with which no kind tells, but none agrees
    edited = "وقعت 1197 حالة فرار في العام الماضي، مقارنة برقم 5412 في عام 2011."
    same = "وقعت 1127 حالة فرار في العام الماضي، مقارنة برقم 2706 في عام 2011."
    check = compare_figures(quantities(en, "en"), quantities(edited, "ar"))
    assert [(p.a.text, p.b.text) for p in check.conflicts] == [
        ("1,127 defections", "1197 حالة"),
        ("2,706", "5412"),
    ]
    assert not compare_figures(quantities(en, "en"), quantities(same, "ar")).conflicts
    # two outlets may give other figures: no matching is forced between them
    assert not compare_figures(
        quantities(en, "en"), quantities(edited, "ar"), independent=True
    ).conflicts


@pytest.mark.parametrize(
    ("ru", "ar", "edited_ar"),
    [
        # an Arabic age is the figure "of his age", in digits or an ordinal word
        ("погиб 16-летний юноша", "قتل شاب في السادسة عشرة من عمره", "قتل شاب في الـ32 من عمره"),
        ("погибла женщина 35 лет", "قتلت امرأة في الخامسة والثلاثين من عمرها",
         "قتلت امرأة في الـ70 من عمرها"),
        # a decade named by its tens word, the last century's unless another is said
        ("в 1990-х годах город быстро рос", "في التسعينيات نمت المدينة بسرعة",
         "في الثمانينيات نمت المدينة بسرعة"),
        ("в 1980-х годах", "في ثمانينيات القرن الماضي", "في سبعينيات القرن الماضي"),
        # «до» after a verb of change a few words back is "to", not "up to"
        ("число случаев выросло вдвое, до 3400", "ارتفع عدد الحالات ليصل إلى 3400",
         "ارتفع عدد الحالات ليصل إلى 6800"),
        ("акции подешевели на 2,3 процента, до 41,50 доллара",
         "تراجعت الأسهم بنسبة 2.3 في المئة إلى 41.50 دولار",
         "تراجعت الأسهم بنسبة 2.3 في المئة إلى 83 دولارا"),
        # kilometres "in an hour" are a speed in Russian too
        ("ураган движется со скоростью 25 км в час", "يتحرك الإعصار بسرعة 25 كيلومترا في الساعة",
         "يتحرك الإعصار بسرعة 50 كيلومترا في الساعة"),
        # villages are one counted thing in both
        ("эвакуированы жители 14 деревень", "تم إجلاء سكان 14 قرية", "تم إجلاء سكان 28 قرية"),
        # a span of years, its year word inside it or joined by «по»
        ("с 2015 по 2018 год он возглавлял министерство", "ترأس الوزارة من 2015 إلى 2018",
         "ترأس الوزارة من 2015 إلى 2019"),
        ("с 2015 года по 2018 год", "من عام 2015 إلى عام 2018", "من عام 2015 إلى عام 2019"),
        # a hyphenated span of years is no phone number
        ("в 2015-2018 годах", "خلال الفترة 2015-2018", "خلال الفترة 2015-2019"),
        # a dual beside «و» and a number is its own figure: two years and three months
        ("приговорен к 2 годам и 3 месяцам", "حكم عليه بالسجن عامين و3 أشهر",
         "حكم عليه بالسجن عامين و6 أشهر"),
    ],
)  # fmt: skip
def test_russian_and_arabic_write_one_figure_alike(ru: str, ar: str, edited_ar: str) -> None:
    """Each pair was missed or misread between Russian and Arabic before."""
    assert agree(ru, "ru", ar, "ar")
    assert conflicts(ru, "ru", edited_ar, "ar")
    assert conflicts(edited_ar, "ar", ru, "ru")  # either way round


def test_up_to_stays_a_bound_and_an_unqualified_twenties_is_not_a_decade() -> None:
    # «грозит до 10 лет», «لمدة تصل إلى 10 سنوات»: up to ten years, both bounds
    (ru,) = quantities("ему грозит до 10 лет лишения свободы", "ru")
    (ar,) = quantities("يواجه السجن لمدة تصل إلى 10 سنوات", "ar")
    assert (ru.qualifier, ar.qualifier) == ("max", "max")
    assert conflicts("ему грозит до 10 лет тюрьмы", "ru", "يواجه السجن لمدة تصل إلى 20 سنة", "ar")
    # the twenties of which century? none is read; «في الثلاثينيات من عمرها» is an age
    assert quantities("في العشرينيات", "ar") == ()
    (age,) = quantities("امرأة في الثلاثينيات من عمرها", "ar")
    assert age.dimension == "duration"
    assert agree("a woman in her 30s", "en", "امرأة في الثلاثينيات من عمرها", "ar")


@pytest.mark.parametrize(
    ("en", "ar", "edited_en"),
    [
        # the feminine and the twelfth teen ordinals (the eleventh was read as ten)
        ("The eleventh round was cancelled.", "وألغيت الجولة الحادية عشرة.",
         "The twelfth round was cancelled."),
        ("for the twelfth time", "للمرة الثانية عشرة", "for the thirteenth time"),
        # three quarters is a share, not three of something
        ("Three-quarters of the homes were flooded.", "وغمرت المياه ثلاثة أرباع المنازل.",
         "One-quarter of the homes were flooded."),
        # a dual states two of what its noun names
        ("He was convicted on two counts.", "وأدين في تهمتين.", "He was convicted on four counts."),
        # «ولاية» is a term of office as often as a state: no counted thing of its own
        ("He is serving a third term.", "ويقضي ولايته الثالثة.", "He is serving a fourth term."),
        # one unit said with «واحد»; a unit with its possessive before an ordinal
        ("The vote was delayed by seven days.", "وتأجل التصويت أسبوعا واحدا.",
         "The vote was delayed by two weeks."),
        ("The strike entered its fourth week.", "ودخل الإضراب أسبوعه الرابع.",
         "The strike entered its eighth week."),
        # a victim is a person (and the Arabic one dead: one of them); journalists,
        # bombs are counted things in both; «المحلفين» (jurors) holds no «محل» (store)
        ("The eighth victim was identified.", "وتم التعرف على الضحية الثامنة.",
         "The fourth victim was identified."),
        ("Sixty journalists were killed.", "وقتل ستون صحفيا.", "Thirty journalists were killed."),
        ("Four bombs exploded.", "وانفجرت أربع قنابل.", "Eight bombs exploded."),
        ("one of the twelve jurors", "واحد من المحلفين الاثني عشر", "one of the twenty-four jurors"),
    ],
)  # fmt: skip
def test_english_and_arabic_number_words_alike(en: str, ar: str, edited_en: str) -> None:
    assert agree(en, "en", ar, "ar")
    assert conflicts(edited_en, "en", ar, "ar")


@pytest.mark.parametrize(
    ("en", "other", "language", "edited"),
    [
        # Turkish: a clock time after «saat» or with a case ending; degrees; a magnitude
        ("The meeting ended at 3:30 p.m.", "Toplantı saat 15.30'da sona erdi.", "tr",
         "Toplantı saat 18.30'da sona erdi."),
        ("The train arrived at 8:15 a.m.", "Tren sabah 08.15'te geldi.", "tr",
         "Tren sabah 09.15'te geldi."),
        ("Temperatures fell to minus 5 degrees.", "Sıcaklık eksi 5 dereceye düştü.", "tr",
         "Sıcaklık eksi 10 dereceye düştü."),
        ("Temperatures reached 40 degrees Celsius.", "Sıcaklık 40 santigrat dereceye ulaştı.",
         "tr", "Sıcaklık 80 santigrat dereceye ulaştı."),
        ("The magnitude 7.5 quake struck.", "7,5 büyüklüğündeki deprem meydana geldi.", "tr",
         "8,5 büyüklüğündeki deprem meydana geldi."),
        ("The average salary is 4,500 lira.", "Ortalama maaş 4.500 lira.", "tr",
         "Ortalama maaş 9.000 lira."),
        ("Perfect time for a pint is 5.30pm.", "İdeal vaxt saat 5:30-dur.", "az",
         "İdeal vaxt saat 6:30-dur."),
        # Hebrew: an age after «בן», a construct state, a range, degrees, tonnes, a magnitude
        ("A 15-year-old boy was arrested.", "נער בן 15 נעצר.", "he", "נער בן 30 נעצר."),
        ("He was sentenced to 18 months in prison.", "הוא נידון ל-18 חודשי מאסר.", "he",
         "הוא נידון ל-36 חודשי מאסר."),
        ("Between 30 and 43 percent backed him.", "בין 30 ל-43 אחוזים תמכו בו.", "he",
         "בין 60 ל-43 אחוזים תמכו בו."),
        ("Temperatures fell to minus 5 degrees.", "הטמפרטורה ירדה למינוס 5 מעלות.", "he",
         "הטמפרטורה ירדה למינוס 10 מעלות."),
        ("The cargo weighed 20 tonnes.", "המטען שקל 20 טונות.", "he", "המטען שקל 40 טונות."),
        ("The magnitude 7.5 quake struck.", "רעידת האדמה בעוצמה 7.5 התרחשה.", "he",
         "רעידת האדמה בעוצמה 8.5 התרחשה."),
        # Persian: a range, a magnitude in Richter degrees, degrees, minus, a score
        ("Between 30 and 43 percent backed him.", "بین ۳۰ تا ۴۳ درصد از او حمایت کردند.", "fa",
         "بین ۶۰ تا ۴۳ درصد از او حمایت کردند."),
        ("The magnitude 7.5 quake struck.", "زمین‌لرزه‌ای به بزرگی ۷.۵ ریشتر رخ داد.", "fa",
         "زمین‌لرزه‌ای به بزرگی ۸.۵ ریشتر رخ داد."),
        ("Temperatures fell to minus 5 degrees.", "دما به منفی ۵ درجه کاهش یافت.", "fa",
         "دما به منفی ۱۰ درجه کاهش یافت."),
        ("The team won 3-1.", "این تیم ۳ بر ۱ پیروز شد.", "fa", "این تیم ۶ بر ۱ پیروز شد."),
        # Ukrainian: persons, a magnitude, «до» after a sentence or a rise, a toll no year
        ("Police detained 23 people.", "Поліція затримала 23 особи.", "uk",
         "Поліція затримала 46 особи."),
        ("The magnitude 7.5 quake struck.", "Землетрус магнітудою 7,5 стався.", "uk",
         "Землетрус магнітудою 8,5 стався."),
        ("He was sentenced to 18 months in prison.", "Його засудили до 18 місяців ув'язнення.",
         "uk", "Його засудили до 36 місяців ув'язнення."),
        ("The death toll climbed to 832.", "Кількість загиблих зросла до 832.", "uk",
         "Кількість загиблих зросла до 1664."),
    ],
)  # fmt: skip
def test_figures_read_in_the_table_languages(
    en: str, other: str, language: str, edited: str
) -> None:
    assert not conflicts(en, "en", other, language)
    assert conflicts(en, "en", edited, language)


def test_a_turkish_decimal_written_with_a_dot_is_no_clock_time() -> None:
    (price,) = quantities("Fiyat 2.45 dolar oldu.", "tr")
    assert price.dimension == "money:USD"


def test_an_age_in_words_and_places_by_any_name_compare_across_scripts() -> None:
    # an age after "aged" in words is an age, as the Arabic «من عمره» reads one
    arabic = "قتل شاب في السادسة عشرة من عمره."
    assert agree("The boy, aged sixteen, was killed.", "en", arabic, "ar")
    assert conflicts("The boy, aged thirty-two, was killed.", "en", arabic, "ar")
    # areas are places as «مناطق» are: a counted thing both name
    assert conflicts("Fighting spread to three areas.", "en", "وامتد القتال إلى ست مناطق.", "ar")


def test_a_temperature_at_the_end_of_a_text_keeps_its_unit_and_sign() -> None:
    # a headline or a list item ends without a full stop: "-5C" is still five below zero
    assert conflicts("Temperatures fell to -5C", "en", "В Москве было +5 градусов.", "ru")
    (hot,) = quantities("Temperatures rose to 80F", "en")
    assert hot.dimension == "temperature"


def test_the_arabic_comma_before_one_or_two_digits_is_a_decimal_mark() -> None:
    # «3،5 مليون» is 3.5 million; «30،000» thirty thousand; «3، 5» and a year stay apart
    assert agree("3.5 million people live there", "en", "يعيش هناك 3،5 مليون شخص", "ar")
    assert [q.value for q in quantities("بلغ 30،000 شخص", "ar")] == [30000.0]
    assert [q.value for q in quantities("عام 2019،5 أشخاص", "ar")] == [2019.0, 5.0]


@pytest.mark.parametrize(
    ("en", "other", "language"),
    [
        ("1.2 million people were displaced.", "نزح مليون و200 ألف شخص.", "ar"),
        ("Losses reached $1.5 billion.", "بلغت الخسائر مليارا و500 مليون دولار.", "ar"),
        ("about 3.5 million", "نحو 3 ملايين و500 ألف", "ar"),
        ("1.2 million people", "1 млн 200 тыс. человек", "ru"),
        ("a million people", "مليون شخص", "ar"),
    ],
)  # fmt: skip
def test_millions_and_the_thousands_after_them_are_one_figure(
    en: str, other: str, language: str
) -> None:
    """«مليون و200 ألف» is 1.2 million, not 200,000 beside a million; a lone singular
    «مليون» is one million (a plural, «ملايين الأشخاص», stays as vague as "millions")."""
    assert agree(en, "en", other, language)
    doubled = {"1.2": "2.4", "1.5": "3.0", "3.5": "7", "a million": "two million"}
    edited = next(en.replace(k, v) for k, v in doubled.items() if k in en)
    assert conflicts(edited, "en", other, language)


def test_a_plural_million_and_a_dollar_are_no_figure_and_no_country() -> None:
    assert quantities("ملايين الأشخاص", "ar") == ()
    (money,) = quantities("خسرت 5 مليارات دولار", "ar")
    assert money.dimension == "money:USD" and money.concept is None


def test_a_figure_a_change_reaches_is_no_year() -> None:
    # "rose to 2000", «выросло до 1664»: an amount reached; «до 1991 года» stays a year
    assert [q.dimension for q in quantities("The toll rose to 2000.", "en")] == ["count"]
    assert [q.dimension for q in quantities("Число погибших выросло до 1664.", "ru")] == ["count"]
    assert [q.dimension for q in quantities("до 1991 года", "ru")] == ["year"]
    assert [q.dimension for q in quantities("until 2000", "en")] == ["year"]


def test_up_to_stays_up_to_after_a_noun_that_looks_like_a_verb() -> None:
    # «северо-запада» is the north-west, not a verb of falling («падати»): "up to" stays
    (low, high) = quantities("От Калифорнии до северо-запада может выпасть до 7–10 см, местами "
                             "до 25 см.", "ru")  # fmt: skip
    assert (low.qualifier, high.qualifier) == ("max", "max")


def test_two_metric_conversions_of_one_imperial_figure_agree() -> None:
    # 200 miles written «321 kilómetros» and «300 km», 385 miles 619 and 620 km: two
    # translations' conversions; a measure only, within 5% of its value, not its roundness
    assert agree("en un radio de 321 kilómetros", "es", "dans un périmètre de 300 km", "fr")
    assert agree("a 619 kilómetros al sur", "es", "à 620 km de Punta Eugenia", "fr")
    assert agree("de 7,5 à 15 cm de pluie", "fr", "от 7,62 до 15,24 см осадков", "uk")
    assert conflicts("a 200 km radius", "en", "в радиусе 250 км", "ru")
    assert conflicts("64 people were killed", "en", "погибли 65 человек", "ru")  # a count
    # "about" after the unit, and the Turkish «ila» range
    assert agree("à 30 mètres environ des buts", "fr", "в 27 метрах от ворот", "ru")
    (rain,) = quantities("3 ila 6 inç yağış bekleniyor", "tr")
    assert rain.high is not None and rain.dimension == "length"


def test_clock_times_written_the_russian_and_the_arabic_way() -> None:
    # «в 19.00» after a preposition of time is a time; «3.20 доллара» stays a sum
    assert agree("Матч начнется в 19.00.", "ru", "تبدأ المباراة في الساعة 19:00.", "ar")
    assert conflicts("Матч начнется в 22.00.", "ru", "تبدأ المباراة في الساعة 19:00.", "ar")
    assert quantities("цена 3.20 доллара", "ru")[0].dimension == "money:USD"
    # «около 10 утра», «الساعة العاشرة صباحا» stay numbers: English "ten in the morning"
    # is a number too, and a number is never compared with a time
    assert quantities("около 10 утра", "ru")[0].dimension != "time"
