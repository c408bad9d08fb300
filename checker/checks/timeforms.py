"""Figures that are points in time or come without a number word: clock times ("3 p.m.",
«в 15:00», «الساعة 7.55 صباحًا»), days of a month ("30th September", «30 сентября»,
«30 من سبتمبر»), decades ("the 1980s", «в 2000-х», "in his 40s") and the Arabic dual
(«عامين» is two years, «متجرين» two stores)."""

from __future__ import annotations

import re

from checker.checks import units as u
from checker.checks.measure import YEAR, Quantity
from checker.checks.numwords import number_words

_CLOCK = {
    "en": re.compile(
        r"(?<![\w.,])(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?![\w])|"
        r"(?<![\w.,])(\d{1,2}):(\d{2})(?![\d])",
        re.IGNORECASE,
    ),
    # French writes «17 h 30», «17h30» (the English groups: no a.m./p.m.)
    "fr": re.compile(r"(?!)()()()|(?<![\w.,])(\d{1,2})\s?[:h]\s?(\d{2})(?![\d])"),
    "ru": re.compile(
        r"(?<![\w.,])(\d{1,2})[:.](\d{2})(?:\s+(утра|дня|вечера|ночи))?(?![\d])|"
        r"(?<![\w.,])(\d{1,2})\s+час\w*\s+(утра|дня|вечера|ночи)"
    ),
    "ar": re.compile(
        r"(?:الساعة\s+)?(?<![\w.,])(\d{1,2})[:.](\d{2})(?:\s+(صباح\w*|مساء\w*|ظهر\w*|عصر\w*|ليل\w*))?"
        r"|الساعة\s+(\d{1,2})(?:\s+(صباح\w*|مساء\w*|ظهر\w*|عصر\w*|ليل\w*))?"
    ),
    # Turkish and Azerbaijani write «saat 15.30», «08.15'te», «15:30-da»: a time after
    # «saat», with a colon, or with a case ending («2.45 dolar» is a careless decimal)
    "tr": re.compile(
        r"(?:(?i:saat)\s+|(?<![\w.,])(?=\d{1,2}(?::\d{2}(?!\d)|[.]\d{2}['’-][dt][aeə])))"
        r"(\d{1,2})[:.](\d{2})(?![\d]|[.,]\d)()|(?i:saat)\s+(\d{1,2})(?=['’-][dt][aeə])()"
    ),
}
_CLOCK["az"] = _CLOCK["tr"]
_MONTHS = {
    "en": ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    # French, Spanish, German, Italian, Portuguese: read with the English patterns
    # (and Turkish, Azerbaijani: ocak, şubat, nisan, … yanvar, fevral, avqust, …)
    "xx": ["jan|ene|gen|ocak|yanvar", "f[eé]v|feb|şubat|fevral", "mar|m[äa]rz",
           "avr|abr|apr|nisan", "mai|may|mag", "juin|jun|giu|haziran|iyun",
           "juil|jul|lug|temmuz|iyul", "ao[uû]t|ago|aug|ağustos|avqust", "sep|set|eylül|sentyabr",
           "oct|okt|ott|out|ekim", "nov|kasım|noyabr", "d[eé]c|dic|dez|aralık|dekabr"],
    # Russian, and Ukrainian (read with the Russian patterns): січня, жовтня, …
    # (whole Ukrainian forms: a stem like «берез» is also a Russian birch)
    "ru": ["январ|січня|січень", "феврал|лютого|лютий", "март|березня|березень",
           "апрел|квітня|квітень", "ма[яей]|травня|травень", "июн|червня|червень",
           "июл|липня|липень", "август|серпня|серпень", "сентябр|вересня|вересень",
           "октябр|жовтня|жовтень", "ноябр|листопада|листопад", "декабр|грудня|грудень"],
    "ar": ["يناير|كانون الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|ابريل|إبريل|نيسان",
           "مايو|أيار", "يونيو|يونيه|حزيران", "يوليو|يوليه|تموز", "أغسطس|اغسطس|آب",
           "سبتمبر|أيلول", "أكتوبر|اكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني",
           "ديسمبر|كانون الأول"],
    # Hebrew and Persian write the day first («12 ביוני», «۲۴ ژوئن»); Hebrew's month may
    # carry a preposition («במאי»: in May)
    "he": ["ינואר", "פברואר", "מרץ|מרס", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר",
           "אוקטובר", "נובמבר", "דצמבר"],
    "fa": ["ژانویه", "فوریه", "مارس", "آوریل", "مه|می", "ژوئن", "ژوئیه|جولای", "اوت|آگوست",
           "سپتامبر", "اکتبر", "نوامبر", "دسامبر"],
}  # fmt: skip
# the letters a Hebrew month name may carry before it (in, to, and, from)
_MONTH_CLITIC = {"he": "[בלומ]?"}
_MONTH_RE = {
    lang: re.compile(
        r"(?<![^\W\d_])"
        + _MONTH_CLITIC.get(lang, "")
        + "(?:"
        + "|".join(
            f"(?P<m{k}>(?:{p})" + ("(?![^\\W\\d_])" if lang in ("he", "fa") else "\\w*\\.?") + ")"
            for k, p in enumerate(months)
        )
        + ")",
        re.I,
    )
    for lang, months in _MONTHS.items()
}
# languages whose month names are their own script's, written after the day
DAY_FIRST = ("ru", "ar", "he", "fa")
# A month name as a whole word, in English and the other Latin-script languages.
_LATIN_MONTH = re.compile(
    r"(?i)(?:jan(?:uary|vier|uar)?|ene(?:ro)?|genn\w*|feb(?:ruary|rero|ruar)?|f[eé]v\w*|"
    r"mar(?:ch|s|zo)?|m[äa]rz|apr(?:il|ile)?|avr\w*|abr\w*|may|mayo|mai|magg\w*|"
    r"june?|juin|junio|juni|giu\w*|july?|juil\w*|julio|juli|lug\w*|aug(?:ust)?|ao[uû]t|"
    r"agosto|sep(?:t|tember|tiembre|tembre)?|set\w*|oct(?:ober|obre|ubre)?|okt\w*|ott\w*|"
    r"out\w*|nov(?:ember|embre|iembre)?|dec(?:ember)?|d[eé]c\w*|dic\w*|dez\w*|"
    r"(?:ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    r"yanvar|fevral|aprel|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr)\w*)\.?$"
)
_DECADE = re.compile(
    r"(?<![\w.,])(?:(?P<year>(?:1[5-9]|20)\d0)(?:s\b|-(?:х|е|ые|ых)\b)|'(?P<short>\d0)s\b"
    # Turkish and Azerbaijani: the plural «2000'lerin», «1980'li yıllarda» (any last
    # digit: «2003'lerin» is a careless edit of a decade, not the year 2003)
    r"|(?P<tyear>(?:1[5-9]|20)\d\d)['’](?:l[ae]r\w*|l[ıiuü](?=\s+(?:yıl|il)))"
    # Azerbaijani «1980-ci illərdə»; German «in den 1980er Jahren», «2003er-Jahre»; French,
    # Spanish «les années 1980», «los años 80», «la década de 1990» (any last digit, as
    # above: «années 1983» is a careless edit of a decade)
    r"|(?P<ayear>(?:1[5-9]|20)\d\d)-(?:c[iıuü])\s+ill[əe]r"
    r"|(?P<gyear>(?:1[5-9]|20)\d\d)er[\s-]+Jahr"
    r"|(?i:ann[ée]es|años|d[ée]cada de(?: los)?|(?:principios|finales|fines|mediados) de los"
    r"|دهه|[בלו]?שנות ה-?)"  # Persian «دهه 1980», Hebrew «בשנות ה-80»
    r"\s*(?:(?P<lyear>(?:1[5-9]|20)\d\d)|(?P<lshort>\d0))(?![\d])"
    r")"
)
_AGE_DECADE = re.compile(r"(?i)\b(?:in|into) (?:his|her|their|the) (?:early |mid-?|late )?(\d0)s\b")
# Arabic names a decade by its tens word: «التسعينيات», «ثمانينات القرن الماضي»; «في
# الثلاثينيات من عمرها» is an age
_AR_TENS = {"عشرين": 20, "ثلاثين": 30, "أربعين": 40, "اربعين": 40, "خمسين": 50, "ستين": 60,
            "سبعين": 70, "ثمانين": 80, "تسعين": 90}  # fmt: skip
_AR_DECADE = re.compile(rf"(?<!\w)(?:[وفبل]?ال)?({'|'.join(_AR_TENS)})ي?ات(?!\w)")
_AR_CENTURY_AFTER = (
    (re.compile(r"\s+(?:من\s+)?القرن\s+التاسع\s+عشر"), 1800),
    (re.compile(r"\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين|المنصرم|الفائت)"), 1900),
    (re.compile(r"\s+(?:من\s+)?(?:هذا\s+)?القرن\s+(?:الحالي|الحادي\s+والعشرين|$)"), 2000),
)
# Arabic duals: only nouns whose plural is another word, so that the dual ending cannot
# be a plural ending.
_AR_DUAL = re.compile(
    r"(?<![\w])(?:[وفبل])?(?P<stem>عام|يوم|شهر|أسبوع|اسبوع|ساع|دقيق|سن|مر|متجر|شخص|سيار|"
    r"طفل|هدف|نقط|مبارا|دول|مدين|جندي|دبلوماسي|مسؤول|صاروخ|منزل|رجل|امرأ|بيت|قتيل|"
    r"طائر|سفين|زيار|رحل|شرك|جول|ليل|تهم|ولاي|جائز|ميدالي)"
    r"(?:ين|ان|تين|تان|تا)(?![\w])"
)
_AR_DUAL_UNIT = {"عام": YEAR, "يوم": 86400, "شهر": 2629746, "أسبوع": 604800,
                 "اسبوع": 604800, "ساع": 3600, "دقيق": 60, "سن": YEAR}  # fmt: skip
# One of those units said with «واحد» («أسبوعا واحدا»)
_AR_ONE = re.compile(
    rf"(?<![\w])(?:[وفبل])?(?P<stem>{'|'.join(_AR_DUAL_UNIT)})(?:ا|ة|ًا|اً)?"
    r"\s+واحد(?:ا|ة|ًا|اً)?(?![\w])"
)
_UNIT_NAMES = {YEAR: "yr", 86400: "day", 2629746: "month", 604800: "week", 3600: "h", 60: "min"}


# A Russian preposition of time right before a figure: «в 19.00», «к 7.30», «около 8.15».
_RU_AT = re.compile(r"(?i)(?<!\w)(?:в|во|к|до|около|после|с|со)\s*$")


def clock_times(text: str, language: str, own: str = "") -> list[Quantity]:
    """Clock times in minutes after midnight; without a.m./p.m. a time before noon may
    also be the evening's (7:55 or 19:55). `own`: the text's language where it has
    clock forms of its own (French «17 h 30») though its figures read as `language`'s."""
    language = own if own in _CLOCK else language
    out = []
    for m in _CLOCK.get(language, _CLOCK["en"]).finditer(text):
        groups = list(m.groups())
        if language in ("en", "fr") or language not in _CLOCK:
            hour, minute, half = (
                (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], None)
            )
        else:
            hour, minute, half = (
                (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], None, groups[4])
            )
        if language == "ar":
            if not groups[0] and not re.match(r"الساعة", m.group(0)):
                continue
            if (
                groups[0]
                and groups[2] is None
                and "الساعة" not in m.group(0)
                and ":" not in m.group(0)
            ):
                continue  # «7.55» alone is a decimal; «6:35» is a time
        if hour is None:
            continue
        half = half or None  # an empty group (Turkish has no a.m./p.m. word) says nothing
        h, mins = int(hour), int(minute or 0)
        if h > 24 or mins > 59:
            continue
        if language == "ru" and minute and half is None and "." in m.group(0):
            if not _RU_AT.search(text, 0, m.start()):
                continue  # «7.5» is a decimal without a time word; «в 19.00» a time
        pm = half is not None and re.match(r"(?i)p|дня|вечера|مساء|ظهر|عصر|ليل", half)
        am = half is not None and not pm
        if pm and h < 12:
            h += 12
        if am and h == 12:
            h = 0
        value = h * 60 + mins
        alternatives: tuple[tuple[str, float, float | None], ...] = ()
        if half is None and h < 12:  # 7:55 may be 19:55
            alternatives = (("time", value + 720, None),)
        out.append(
            Quantity(
                m.group(0).strip(), m.start(), m.end(), value, "time", alternatives=alternatives
            )
        )
    return out


def dates(text: str, language: str) -> list[Quantity]:
    """Day and month: "30th September", "September 30", «30 сентября», «30 من سبتمبر»,
    as month × 100 + day."""
    out = []
    months = _MONTH_RE.get(language, _MONTH_RE["xx"])
    for m in months.finditer(text):
        month = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None) + 1
        if language not in DAY_FIRST and not re.match(_LATIN_MONTH, m.group(0)):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 8]
        day, before_month = None, False
        if d := re.search(
            r"(?<![\d.,])(\d{1,2})(?:st|nd|rd|th|-?го|-?е|er|º|\.)?\s*(?:of\s+|من\s+|de\s+)?$",
            before,
        ):
            day, start, end = int(d.group(1)), m.start() - len(before) + d.start(1), m.end()
            before_month = True
        elif language not in DAY_FIRST and (
            d := re.match(r"\s*(\d{1,2})(st|nd|rd|th)?(?!\d|[,.]\d)", after)
        ):
            day, start, end = int(d.group(1)), m.start(), m.end() + d.end()
            before_month = d.group(2) is not None  # "June 36th" as sure as «36 июня»
        elif language == "ar" and (said := _arabic_day(text, m.start())):
            day, start, end, before_month = said[0], said[1], m.end(), True
        # «58-го сентября», «38 يونيو»: no such day, but a date all the same (a careless
        # edit of one): read so that it differs from the real one
        if day is None or not 1 <= day <= (99 if before_month else 31):
            continue
        if (
            language == "en"
            and m.group(0).lower().startswith("may")
            and not m.group(0)[0].isupper()
        ):
            continue
        low, high = day, None
        # a range of days: «с 1 по 5 октября», "1–5 October", "October 1 to 5"
        window = max(0, start - 16)
        if before_month and (r := _DAY_RANGE_BEFORE.search(text[window:start])):
            if int(r.group(1)) < day:
                low, high, start = int(r.group(1)), day, window + r.start(1)
        elif not before_month and (r := _DAY_RANGE_AFTER.match(text[end : end + 16])):
            if day < int(r.group(1)) <= 31:
                high, end = int(r.group(1)), end + r.end()
        out.append(
            Quantity(text[start:end], start, end, month * 100 + low, "date",
                     high=None if high is None else month * 100 + high)
        )  # fmt: skip
    # the attacks of 11 September 2001 by their name: "9/11", «11/9» in Arabic
    for m in (_SEPT_11_AR if language == "ar" else _SEPT_11).finditer(text):
        out.append(Quantity(m.group(0), m.start(), m.end(), 911, "date"))
    return out


def _arabic_day(text: str, month_start: int) -> tuple[int, int] | None:
    """(day, start) of a day written as an Arabic ordinal before its month: «الحادي عشر من
    سبتمبر», «الأول من مايو»."""
    window = text[max(0, month_start - 40) : month_start]
    tail = re.search(r"\s+(?:من\s+)?(?:شهر\s+)?$", window)
    if tail is None:
        return None
    cut = window[: tail.start()]
    offset = month_start - len(window)
    # the first and the second, which number_words leaves alone (a lone "first" is no figure)
    if first := re.search(r"(?<!\w)(?:ال)?(?:(أول|اول)|ثاني)$", cut):
        return (1 if first.group(1) else 2), offset + first.start()
    said = number_words(cut, "ar")
    # an ordinal, or a definite tens word («العشرين من مارس»: the twentieth)
    definite = bool(said) and (said[-1].ordinal or cut[said[-1].start :].startswith("ال"))
    if definite and said[-1].end == len(cut) and said[-1].value in range(1, 32):
        return int(said[-1].value), offset + said[-1].start
    return None


_SEPT_11 = re.compile(r"(?<![\d/.,])9/11(?![\d/]|[.,]\d)")
_SEPT_11_AR = re.compile(r"(?<![\d/.,])11/9(?![\d/]|[.,]\d)")


_DAY_RANGE_BEFORE = re.compile(
    r"(?<![\d.,])(\d{1,2})\s*(?:[-–—]|to|through|по|до|إلى|الى|حتى|au|al|bis)\s*$"
)
_DAY_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to|through)\s*(\d{1,2})(?!\d|[,.:]\d)")


def decades(text: str) -> list[Quantity]:
    """ "the 1980s", «в 2000-х годах», "the '30s": a decade, compared as one; "in his
    40s": an age from 40 to 49."""
    out = []
    for m in _DECADE.finditer(text):
        if short := m.group("short") or m.group("lshort"):
            year = 1900 + int(short)
        else:
            year = int(next(g for g in m.group("year", "tyear", "ayear", "gyear", "lyear") if g))
        out.append(Quantity(m.group(0), m.start(), m.end(), year, "decade"))
    ages = [(m.start(1), int(m.group(1)), m.end()) for m in _AGE_DECADE.finditer(text)]
    for m in _AR_DECADE.finditer(text):
        tens = _AR_TENS[m.group(1)]
        if age := u.AR_OF_AGE.match(text, m.end()):
            ages.append((m.start(), tens, age.end()))
            continue
        # an unqualified tens word is the last century's, but the twenties could be this one's
        century = next((c for r, c in _AR_CENTURY_AFTER if r.match(text, m.end())), None)
        if century is not None or tens != 20:
            year = (1900 if century is None else century) + tens
            out.append(Quantity(m.group(0), m.start(), m.end(), year, "decade"))
    for start, low, end in ages:
        out.append(Quantity(text[start:end], start, end, low * YEAR, "duration", "yr",
                            high=(low + 9) * YEAR, precision=YEAR, rounding=YEAR,
                            written=low))  # fmt: skip
    return out


def arabic_duals(text: str, numbers: list[tuple[int, int]]) -> list[Quantity]:
    """«عامين», «متجرين»: the Arabic dual states the figure two without a number word
    (unless a number stands right beside it: «2 عامين» is not a second figure)."""
    out = []
    for m in _AR_DUAL.finditer(text):
        if any(
            (0 <= m.start() - end <= 2 and not text[end : m.start()].strip())
            or (0 <= start - m.end() <= 2 and not text[m.end() : start].strip())
            for start, end in numbers
        ):  # «عامين و3 أشهر» is two years and three months
            continue
        stem = m.group("stem")
        if factor := _AR_DUAL_UNIT.get(stem):
            unit = _UNIT_NAMES[factor]
            out.append(Quantity(m.group(0), m.start(), m.end(), 2 * factor, "duration", unit,
                                written=2, precision=factor, rounding=factor))  # fmt: skip
        else:
            # the singular names the thing: «مرتين» is two «مرة», «رجلين» two «رجل»
            found = u.concept([stem + "ة", stem, stem + "ين"], "ar")
            concept = found[0] if found else None
            out.append(Quantity(m.group(0), m.start(), m.end(), 2, "count", m.group(0), concept,
                                written=2))  # fmt: skip
    for m in _AR_ONE.finditer(text):  # «أسبوعا واحدا»: one week, said with «واحد»
        factor = _AR_DUAL_UNIT[m.group("stem")]
        out.append(Quantity(m.group(0), m.start(), m.end(), factor, "duration",
                            _UNIT_NAMES[factor], written=1, precision=factor,
                            rounding=factor))  # fmt: skip
    return out


# The days of the week, Monday = 0, in the languages the rules read (Russian «среда» is
# also "environment": only «в среду»; Arabic «الأحد» also "the one", «الاثنين» "the two":
# only after «يوم»; Turkish «pazar» and Azerbaijani «bazar» also "market": not read).
_WEEKDAYS = [
    r"(?i:monday|lundi|lunes|montag|понедельник\w*|понеділ\w*|pazartesi|bazar ertəsi)"
    r"|يوم ال[اإ]?ثنين",
    r"(?i:tuesday|mardi|martes|dienstag|вторник\w*|вівтор\w*|salı|çərşənbə axşamı)|الثلاثاء",
    r"(?i:wednesday|mercredi|miércoles|mittwoch|в среду|середу|серед[аи]|çarşamba|"
    r"çərşənbə(?! axşamı))|الأربعاء|الاربعاء",
    r"(?i:thursday|jeudi|jueves|donnerstag|четверг\w*|четвер\w*|perşembe|cümə axşamı)|الخميس",
    r"(?i:friday|vendredi|viernes|freitag|пятниц\w*|п[’'`]ятниц\w*|cuma|cümə(?! axşamı))|الجمعة",
    r"(?i:saturday|samedi|sábado|samstag|sonnabend|суббот\w*|субот\w*|cumartesi|şənbə)|السبت",
    r"(?i:sunday|dimanche|domingo|sonntag|воскресень\w*|неділ\w*)|يوم الأحد|يوم الاحد",
]
_WEEKDAY = re.compile(
    "|".join(rf"(?P<d{k}>(?<![^\W\d_])(?:{p})(?![^\W\d_]))" for k, p in enumerate(_WEEKDAYS))
)


def weekdays(text: str) -> frozenset[int]:
    """The days of the week a sentence names («в пятницу», «يوم الجمعة», "Saturday")."""
    return frozenset(
        int(k[1:]) for m in _WEEKDAY.finditer(text) for k, v in m.groupdict().items() if v
    )
