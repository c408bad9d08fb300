"""What a figure measures, in English, Russian and Arabic: units with their conversion
to one base unit per dimension, qualifiers (about, at least, up to) and the nouns that
counts count.

A hand-written table, not pint: pint converts well but reads only English unit names,
and what the rule needs is «27 метрах», «بقوة 7.5 درجات» and "30 yards" read as one
dimension each. The conversions needed are a few dozen constants. Each pattern is
matched right after the number (or before it, for prefixes: "$", "magnitude", «بقوة»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.checks.numwords import _morph  # the one dictionary, loaded once


@dataclass(frozen=True)
class Unit:
    dimension: str  # length, mass, temperature, money, percent, magnitude, speed, area, ...
    name: str  # shown to the reader: "m", "yd", "°F", "GBP"
    factor: float = 1.0  # to the dimension's base unit
    offset: float = 0.0  # temperature only: base = value * factor + offset
    imperial: bool = False  # a translator converts it and rounds: compared with tolerance


# Suffix units: (pattern per language, Unit). Russian endings are written out where a
# bare stem would swallow other words (фут- in футбол, м in мая).
_RU_CASE = r"(?:а|у|ом|е|ы|ов|ам|ами|ах|и|ей|ю|я|ях|ям)?"
_SUFFIX: list[tuple[dict[str, str], Unit]] = [
    ({"en": r"percentage points?", "ru": r"процентн\w+ пункт\w*|п\.\s?п\.", "ar": r"نقط(?:ة|ات) مئوية"},
     Unit("points", "pp")),
    ({"en": r"mph|miles (?:per|an) hour", "ru": r"миль в час", "ar": r"ميل(?:ا)? في الساعة"},
     Unit("speed", "mph", 1.609344, imperial=True)),
    ({"en": r"km/h|kph|kmh|kilomet(?:re|er)s? (?:per|an) hour|kilometern? pro stunde|"
           r"kil[oó]metros? por hora|kilom[eè]tres? (?:par|à l')heure|stundenkilometer\w*",
      "ru": r"км/ч|км/час|км в час|километр\w* в час",
      "ar": r"كم/س(?:اعة)?|كم في الساعة|كيلومتر(?:ا|ات)? في الساعة"}, Unit("speed", "km/h", 1)),
    ({"en": r"knots?", "ru": r"узл\w*", "ar": r"عقدة|عقدات"}, Unit("speed", "kn", 1.852, imperial=True)),
    ({"en": r"square miles?|sq\.? mi", "ru": r"квадратн\w+ мил\w*", "ar": r"ميل(?:ا)? مربع(?:ا)?"},
     Unit("area", "sq mi", 2.589988, imperial=True)),
    ({"en": r"square kilomet(?:re|er)s?|sq\.? km|km2|km²", "ru": r"кв\.\s?км|квадратн\w+ километр\w*|км2|км²",
      "ar": r"كيلومتر(?:ا|ات)? مربع(?:ا|ة)?|كم مربع|كم2"}, Unit("area", "km²", 1)),
    ({"en": r"hectares?|ha\b", "ru": r"гектар\w*|га\b", "ar": r"هكتار(?:ا|ات)?"},
     Unit("area", "ha", 0.01)),
    ({"en": r"acres?", "ru": r"акр\w*", "ar": r"فدان(?:ا)?|أفدنة|أكر(?:ا|ات)?|اكر(?:ا|ات)?|إيكر(?:ا|ات)?"},
     Unit("area", "acre", 0.004046856, imperial=True)),
    ({"en": r"cubic met(?:re|er)s?|m3|m³", "ru": r"кубометр\w*|кубическ\w+ метр\w*|куб\.\s?м|м3|м³",
      "ar": r"متر(?:ا)? مكعب(?:ا)?|أمتار مكعبة|م3"}, Unit("volume", "m³", 1)),
    ({"en": r"barrels?", "ru": r"баррел\w*", "ar": r"برميل(?:ا)?|براميل"}, Unit("volume", "bbl", 0.158987)),
    ({"en": r"lit(?:re|er)s?", "ru": r"литр\w*", "ar": r"لتر(?:ا|ات)?|ليتر(?:ا|ات)?"}, Unit("volume", "l", 0.001)),
    ({"en": r"gallons?", "ru": r"галлон\w*", "ar": r"غالون(?:ا|ات)?|جالون(?:ا|ات)?"},
     Unit("volume", "gal", 0.00378541, imperial=True)),
    ({"en": r"km|kilomet(?:re|er)s?|kil[oó]metros?|kilom[eè]tres?|kilometern?", "ru": rf"км|километр{_RU_CASE}",
      "ar": r"كم|كيلومتر(?:ات|ا)?|كيلو متر(?:ات|ا)?"}, Unit("length", "km", 1000)),
    ({"en": r"cm|centimet(?:re|er)s?", "ru": rf"см|сантиметр{_RU_CASE}",
      "ar": r"سم|سنتيمتر(?:ات|ا)?|سنتيمتر"}, Unit("length", "cm", 0.01)),
    ({"en": r"mm|millimet(?:re|er)s?", "ru": rf"мм|миллиметр{_RU_CASE}",
      "ar": r"ملم|مم|مليمتر(?:ات|ا)?"}, Unit("length", "mm", 0.001)),
    ({"en": r"m|met(?:re|er)s?|metros?|m[eè]tres?|metern?", "ru": rf"м|метр{_RU_CASE}",
      "ar": r"م|متر(?:ا|ات)?|أمتار|امتار"}, Unit("length", "m", 1)),
    ({"en": r"miles?|mi", "ru": r"мил(?:я|и|ь|ю|ей|ям|ями|ях|е)",
      "ar": r"ميل(?:ا|ين)?|أميال|اميال"}, Unit("length", "mi", 1609.344, imperial=True)),
    ({"en": r"yards?|yds?", "ru": rf"ярд{_RU_CASE}", "ar": r"ياردة|ياردات|يارد(?:ا)?"},
     Unit("length", "yd", 0.9144, imperial=True)),
    ({"en": r"feet|foot|ft", "ru": r"фут(?:а|ов|ам|ах|ами)?", "ar": r"قدم(?:ا)?|أقدام|اقدام"},
     Unit("length", "ft", 0.3048, imperial=True)),
    ({"en": r"inch(?:es)?|in\.", "ru": rf"дюйм{_RU_CASE}", "ar": r"بوصة|بوصات|إنش|انش"},
     Unit("length", "in", 0.0254, imperial=True)),
    ({"en": r"kg|kilos?|kilogram(?:me)?s?", "ru": rf"кг|килограмм{_RU_CASE}",
      "ar": r"كغ|كجم|كيلوغرام(?:ات|ا)?|كيلوجرام(?:ات|ا)?|كيلو"}, Unit("mass", "kg", 1)),
    ({"en": r"tonnes?|tons?", "ru": rf"тонн{_RU_CASE}", "ar": r"طن(?:ا)?|أطنان|اطنان"},
     Unit("mass", "t", 1000, imperial=True)),
    ({"en": r"grams?", "ru": rf"грамм{_RU_CASE}", "ar": r"غرام(?:ات|ا)?|جرام(?:ات|ا)?"},
     Unit("mass", "g", 0.001)),
    ({"en": r"lbs?|ounces?|oz", "ru": r"унци\w*", "ar": r"رطل(?:ا)?|أرطال"},
     Unit("mass", "lb", 0.45359237, imperial=True)),
    ({"en": r"°\s?C|degrees? (?:Celsius|centigrade|C\b)|C\b(?=\W|$)",
      "ru": r"°\s?C|градус\w*(?: по)? Цельси\w*|градус\w* тепла|градус\w* мороза",
      "ar": r"°\s?C|درج(?:ة|ات) مئوية|درج(?:ة|ات) حرارة"}, Unit("temperature", "°C", 1)),
    ({"en": r"°\s?F|degrees? Fahrenheit|F\b(?=\W|$)", "ru": r"°\s?F|градус\w* (?:по )?Фаренгейт\w*",
      "ar": r"°\s?F|درج(?:ة|ات) فهرنهايت"},
     Unit("temperature", "°F", 5 / 9, -160 / 9, imperial=True)),
    ({"en": r"per ?cent|percent|pc\b|%|por ?ciento|pour ?cent|prozent|per ?cento", "ru": r"процент\w*|%", "ar": r"%|٪|بالمئة|بالمائة|في المئة|في المائة"},
     Unit("percent", "%")),
    ({"en": r"birthdays?|anniversary|anniversaries",
      # Ukrainian reads these too: «21-й день народження», «річниця», «ювілей»
      "ru": r"д(?:ень|ня|нём|нем|ню) (?:рождения|народження)|годовщин\w*|річниц\w*|юбиле\w*|"
            r"ювіле\w*|-летн\w* юбиле\w*|лети(?:е|я|ю|ем|и)",  # «25-летие»
      "ar": r"عيد ميلاد\w*|ذكرى|الذكرى"}, Unit("duration", "yr", 31556952)),
    ({"en": r"seconds?|secs?", "ru": r"секунд\w*|сек\.", "ar": r"ثانية|ثوان|ثواني"}, Unit("duration", "s", 1)),
    ({"en": r"minutes?|mins?", "ru": r"минут\w*|мин\.", "ar": r"دقيقة|دقائق"}, Unit("duration", "min", 60)),
    ({"en": r"hours?|hrs?|horas?|heures?|stunden?|ore", "ru": r"час(?:а|ов|ам|ами|ах)?", "ar": r"ساعة|ساعات"}, Unit("duration", "h", 3600)),
    ({"en": r"days?|d[ií]as?|jours?|tagen?|tage|giorni", "ru": r"дн(?:я|ей|ям|ями|ях)|день|сут(?:ки|ок|кам|ках)", "ar": r"(?:يوم(?:ا|ين)?|أيام|ايام)(?!\s+(?:ال|ا?لأحد|ا?لإثنين|ا?لاثنين))"},
     Unit("duration", "day", 86400)),
    ({"en": r"weeks?|semanas?|semaines?|wochen?|settimane", "ru": r"недел\w*", "ar": r"أسبوع(?:ا|ين)?|أسابيع|اسبوع(?:ا)?|اسابيع"},
     Unit("duration", "week", 604800)),
    ({"en": r"months?|mes(?:es)?|mois|monaten?|monate|mesi", "ru": r"месяц\w*", "ar": r"شهر(?:ا|ين)?|أشهر|اشهر|شهور"},
     Unit("duration", "month", 2629746)),
    ({"en": r"years?(?:[- ]old)?|yrs?|años?|ans?\b|jahren?|jahre|anni", "ru": r"год(?:а|у|ом|ах|ам|ами)?|лет",
      "ar": r"سنة|سنوات|سنين|عام(?:ا|ين)?|أعوام|اعوام"}, Unit("duration", "yr", 31556952)),
    ({"en": r"decades?", "ru": r"десятилети\w*", "ar": r"عقد(?:ا|ين)?|عقود"},
     Unit("duration", "decade", 315569520)),
    ({"en": r"centur(?:y|ies)", "ru": r"век(?:а|у|е|ом|ов|ам|ами|ах)?|столети\w*", "ar": r"قرن(?:ا)?|قرون"},
     Unit("century", "century")),
]  # fmt: skip

# Suffixes that are a unit only with a prefix or a context word: "degrees" read as a
# temperature, or a magnitude in a sentence about an earthquake.
# (the English patterns read Turkish and Azerbaijani too: «40 dereceye», «30 dərəcə»)
DEGREES = {"en": r"degrees?|°|derece\w*|dərəcə\w*", "ru": r"градус\w*|°", "ar": r"درج(?:ة|ات)|°"}
MAGNITUDE_CONTEXT = re.compile(
    r"(?i)magnitude|richter|quake|tremor|магн[иі]туд|рихтер|землетрус|землетрясени|толч[оок]|балл|"
    r"زلزال|زلازل|هزة|ريختر|بقوة|deprem|zəlzələ|büyüklüğ"
)
# Arabic writes an age as the figure "of his age": «في الـ16 من عمره», «في السادسة عشرة
# من عمرها», «في الثلاثينيات من عمرها» (checks/words.py, checks/timeforms.py)
AR_OF_AGE = re.compile(r"\s+من\s+(?:عمر\w*|العمر)(?!\w)")
# a magnitude's word before the figure: "magnitude 7.5", «магнитудой 7,5», «بقوة 7.5»,
# «בעוצמה 7.5»
MAGNITUDE_BEFORE = re.compile(
    r"(?i)(?:magnitude|магн[иі]туд\w*|балл\w*|بقوة|قوته|قوتها|[בו]?עוצמ[הת](?: של)?|"
    r"بزرگی)\s*(?:of\s+)?$"
)
# a magnitude's word after the figure: "7.5 magnitude", «6 баллов», «7,5 büyüklüğündeki»
MAGNITUDE_AFTER = re.compile(
    r"(?i)[\s-]*(?:magnitude|балл\w*|درج(?:ة|ات) على مقياس ريختر|büyüklüğ\w*|maqnituda\w*|"
    r"(?:درجه )?ریشتر)"
)
MAGNITUDE = Unit("magnitude", "magnitude")
DEGREE_C = Unit("temperature", "°C")
DEGREE_F = Unit("temperature", "°F", 5 / 9, -160 / 9, imperial=True)

# Currencies: a symbol before the number, or a word after it (after a scale word too).
CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "¥": "JPY", "₽": "RUB",
                    "A$": "AUD", "C$": "CAD", "HK$": "HKD", "₹": "INR"}  # fmt: skip
_CURRENCY_WORDS: list[tuple[dict[str, str], str]] = [
    ({"en": r"pounds? sterling|sterling", "ru": r"фунт\w* стерлинг\w*", "ar": r"جنيه(?:ا|ات)? إسترليني(?:ا|ة)?|جنيه(?:ا|ات)? استرليني(?:ا|ة)?"}, "GBP"),
    ({"en": r"(?:US )?dollars?|USD|d[oó]lares|dollari", "ru": r"(?:американск\w+ )?доллар\w*|долл\.", "ar": r"دولار(?:ا|ات)?"}, "USD"),
    ({"en": r"euros?|EUR|euro", "ru": r"евро", "ar": r"يورو"}, "EUR"),
    ({"en": r"roubles?|rubles?|RUB", "ru": r"рубл\w*|руб\.", "ar": r"روبل(?:ا|ات)?"}, "RUB"),
    ({"en": r"yuan|renminbi|CNY", "ru": r"юан\w*", "ar": r"يوان(?:ا)?"}, "CNY"),
    ({"en": r"yen|JPY", "ru": r"иен\w*|йен\w*", "ar": r"ين"}, "JPY"),
    ({"en": r"(?:Turkish )?liras?|TRY", "ru": r"(?:турецк\w+ )?лир\w*", "ar": r"ليرة تركية|ليرات تركية"},
     "TRY"),
]  # fmt: skip
# "pound" alone is a weight or a currency: both readings are kept.
POUND = {"en": r"pounds?", "ru": r"фунт(?:а|ов|ам|ами|ах|е|у)?", "ar": r"جنيه(?:ا|ات)?"}

# Qualifiers, matched just before the number (and a few just after).
_BEFORE: list[tuple[dict[str, str], str]] = [
    ({"en": r"more than|over|above|at least|upwards of|in excess of|exceeding|no fewer than|"
            r"no less than|a minimum of|beyond|exceeds?|exceeded|topped|tops|passed|surpassed|"
            r"m[aá]s de|plus de|au moins|mehr als|über|mindestens|oltre|pi[uù] di|"
            r"بیش از|بیشتر از|[בוכ]?ל?יותר מ-?|[בו]?למעלה מ-?|[בו]?מעל|לפחות|"  # Persian, Hebrew
            r"[הש]?עול(?:ה|ים|ות)? על",  # Hebrew "exceeding" («העולה על 18 מיליארד»)
      "ru": r"более,? чем(?: за| на| в)?|больше,? чем(?: за| на| в)?|более|свыше|больше|не менее|"
            r"не меньше|по меньшей мере|как минимум|минимум|"
            r"по крайней мере|выше|сверх|от|превыша\w*|превысил\w*|перевали\w*|"
            # Ukrainian, which reads Russian's patterns
            r"більше,? ніж(?: за| на| в)?|більш ніж|більше|понад|щонайменше|принаймні|"
            r"не менше|не менш ніж",
      "ar": r"أكثر من|اكثر من|ما يزيد (?:على|عن)|ما لا يقل عن|لا يقل عن|على الأقل|أزيد من|يزيد (?:على|عن)|"
            r"فوق|تجاوز|يتجاوز|تخطى"}, "min"),
    ({"en": r"less than|fewer than|under|below|up to|at most|no more than|a maximum of|as many as|"
            r"as much as|within|menos de|hasta|moins de|jusqu'à|weniger als|bis zu|meno di|fino a|"
            r"کمتر از|حداکثر|פחות מ-?|עד",
      "ru": r"менее,? чем(?: за| на| в)?|меньше,? чем(?: за| на| в)?|менее|меньше|не более|"
            r"не больше|максимум|до|не свыше|в пределах|вплоть до|"
            r"менше,? ніж(?: за| на| в)?|менш ніж|менше|не більше|не більш ніж",
      "ar": r"أقل من|اقل من|حتى|ما يصل إلى|ما يصل الى|لا يزيد (?:على|عن)|بحد أقصى|قرابة حتى|دون|"
            r"(?<!ل)(?:تصل|يصل) (?:إلى|الى)"}, "max"),  # «لمدة تصل إلى»; «ليصل إلى» is "to reach"
    ({"en": r"about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|"
            r"close to|circa|~|or so|just under|just over|an average of|on average|unos|unas|"
            r"alrededor de|cerca de|casi|aproximadamente|environ|près de|presque|quelque|etwa|"
            r"rund|fast|ungefähr|circa|quasi|intorno a|حدود|تقریبا|تقریباً|نزدیک به|כ-|בערך|כמעט",
      "ru": r"около|примерно|приблизительно|порядка|почти|чуть более|чуть менее|чуть больше|"
            r"чуть меньше|почти что|ориентировочно|в среднем|~|"
            r"близько|приблизно|майже|у середньому|в середньому",
      "ar": r"نحو|حوالي|حوالى|قرابة|زهاء|ما يقرب من|ما يقارب|تقريبا|تقريبًا|قرابة|في المتوسط|بمتوسط"}, "about"),
]  # fmt: skip
_AFTER: list[tuple[dict[str, str], str]] = [
    # (Turkish and Azerbaijani read English's patterns: «20 milyondan fazla», «200 milyon
    # dollardan çox» are "more than")
    ({"en": r"or more|plus|\+|and more|and up|at least|daha (?:uzun|fazla|çok)|fazla|çox",
      "ru": r"с лишним|и более|и больше|\+",
      "ar": r"أو أكثر|فأكثر|على الأقل|\+"}, "min"),
    ({"en": r"or less|or fewer|at most", "ru": r"и менее|и меньше", "ar": r"أو أقل|فأقل"}, "max"),
    # French, Spanish and German write "about" after the unit too («30 mètres environ»)
    ({"en": r"or so|environ|approximativement|aproximadamente|etwa|ungefähr",
      "ru": r"с небольшим", "ar": r"تقريبا|تقريبًا"}, "about"),
]  # fmt: skip

# What a count counts. A concept is comparable across languages; two counts of known,
# different concepts are never compared. Stems, matched at the start of a word.
_CONCEPTS: dict[str, dict[str, str]] = {
    "dead": {"en": r"dead|deaths?|killed|died|fatalit|lives|bodies|death toll",
             "ru": r"погиб|смерт|жертв|убит|умер|умерш|скончал|тел[аом]?\b",
             "ar": r"قتيل|قتلى|قتل|وفا[ةي]|وفيات|ضحايا|ضحية|حتف|جث[ةث]|مصرع"},
    "injured": {"en": r"injur|wounded|hurt", "ru": r"ранен|пострадав|травм",
                "ar": r"جريح|جرحى|مصاب|إصاب|اصاب"},
    "missing": {"en": r"missing", "ru": r"пропавш|пропал|без вести", "ar": r"مفقود|مفقودين"},
    "displaced": {"en": r"displaced|evacuat|homeless|refugees?|migrants?|asylum",
                  "ru": r"эвакуир|бежен|мигрант|переселен|беженц|бездомн",
                  "ar": r"نازح|نزوح|إجلاء|اجلاء|لاجئ|مهاجر|مشرد"},
    "arrested": {"en": r"arrest|detain|prisoners?|held|charged|jailed",
                 "ru": r"задерж|арест|заключ|пленн",
                 "ar": r"اعتقال|معتقل|اعتقل|موقوف|أسير|سجين|سجناء|احتجاز|محتجز"},
    "troops": {"en": r"troops|soldiers?|servicem|personnel|service members|marines|fighters|militants",
               "ru": r"военн|солдат|военнослужащ|бойц|боевик|морпех|миротвор",
               "ar": r"جندي|جنود|عسكري|مقاتل|مسلح|عناصر"},
    "police": {"en": r"police|officers?|cops", "ru": r"полицейск|сотрудник\w* полиции|полици",
               "ar": r"شرطي|شرطة|ضابط|ضباط"},
    "people": {"en": r"people|persons?|individuals|residents|citizens|inhabitants|civilians|"
                     r"men\b|women\b|adults|victims?|participants|protesters|demonstrators|"
                     r"passengers|tourists|visitors|attendees|survivors|alumni|graduates|attackers|"
                     r"assailants|gunmen|hijackers|suspects",
               "ru": r"человек|люд|жител|гражданин|граждан|мужчин|женщин|взросл|лиц\b|участник|"
                     r"ос(?:іб|оби|оба)\b|мешкан|громадян|"  # Ukrainian: persons, residents
                     r"протестующ|демонстрант|пассажир|турист|пострадавш|выживш|выпускник|нападавш|"
                     r"террорист|угонщик|подозреваем",
               "ar": r"شخص|أشخاص|اشخاص|مواطن|سكان|ساكن|مدني|رجل|رجال|نساء|امرأة|فرد|أفراد|"
                     r"مشارك|متظاهر|محتج|راكب|ركاب|سائح|سياح|ناج|نسمة|خريج|مهاجم|مشتبه|إرهابي|"
                     r"ارهابي|خاطف"},
    "children": {"en": r"children|kids|child|babies|infants|minors|students|pupils",
                 "ru": r"дет|ребен|ребён|младен|несовершеннолет|школьник|студент|учащ",
                 "ar": r"طفل|أطفال|اطفال|قاصر|رضيع|طالب|طلاب|تلاميذ"},
    "votes": {"en": r"votes?|voters|ballots", "ru": r"голос|избирател|бюллетен",
              "ar": r"صوت|أصوات|اصوات|ناخب"},
    "seats": {"en": r"seats", "ru": r"мест\b|мандат", "ar": r"مقعد|مقاعد"},
    "points": {"en": r"points?", "ru": r"очк", "ar": r"نقط|نقاط"},
    "goals": {"en": r"goals?", "ru": r"гол|мяч", "ar": r"هدف|أهداف|اهداف"},
    "players": {"en": r"players?|athletes|golfers", "ru": r"игрок|спортсмен|футболист|гольфист",
                "ar": r"لاعب|رياضي"},
    "games": {"en": r"games?|match(?:es)?\b|fixtures?|rounds?|laps?",
              "ru": r"игр(?:а|ы|у|ой|е|ам|ами|ах)?\b|матч|тур(?:а|ов|е|ы)?\b|круг|"
                    r"ігор|ігр[иа]\b",  # Ukrainian, which reads Russian's patterns
              "ar": r"مباراة|مباريات|مبارا|جولة|جولات|دورة|دورات|لفة"},
    "stores": {"en": r"stores?|shops?|outlets|branches|supermarkets|pharmac",
               "ru": r"магазин|супермаркет|отделени|филиал|точ[еки]|аптек",
               "ar": r"متجر|متاجر|محل(?:ا|ات|ين|ان)?(?!\w)|فرع|فروع|صيدلي"},  # not المحلفين
    "jobs": {"en": r"jobs|workers|employees|staff|miners", "ru": r"рабоч\w* мест|работник|сотрудник|рабоч|персонал|шахтер|шахтёр|горняк",
             "ar": r"وظيف|وظائف|عامل|عمال|موظف"},
    "cases": {"en": r"cases|infections|patients", "ru": r"случа|заражен|больн|пациент|инфицир",
              "ar": r"حالة|حالات|إصابة|مريض|مرضى"},
    "homes": {"en": r"homes|houses|buildings|dwellings|properties", "ru": r"дом|здани|жил|постро",
              "ar": r"منزل|منازل|بيت|بيوت|مبنى|مبان|مساكن"},
    "countries": {"en": r"countr|nations?\b|states?\b", "ru": r"стран|государств|штат",
                  "ar": r"دولة|دول(?!ار)|بلد|بلدان|ولايات"},
    "times": {"en": r"times?\b", "ru": r"раз\b|раза\b", "ar": r"مرة|مرات|أضعاف|اضعاف"},
    "members": {"en": r"members|delegates|lawmakers|senators|MPs", "ru": r"член|депутат|сенатор|делегат",
                "ar": r"عضو|أعضاء|اعضاء|نائب|نواب"},
    "vehicles": {"en": r"cars|vehicles|trucks|lorries|buses|aircraft|planes|jets|ships|vessels|tanks",
                 "ru": r"машин|автомобил|грузовик|автобус|самолет|самолёт|корабл|судов|танк",
                 "ar": r"سيار|شاحن|حافل|طائر|سفين|سفن|دباب|مركب"},
    "flights": {"en": r"flights", "ru": r"рейс", "ar": r"رحل"},
    "companies": {"en": r"companies|firms|businesses|groups|chains|agencies|organi[sz]ations",
                  "ru": r"компани|фирм|предприяти|групп|сет(?:ь|и|ей|ям|ями|ях)\b|агентств|"
                        r"организаци",
                  "ar": r"شرك|مؤسس|مجموع|وكال|منظم"},
    "weapons": {"en": r"missiles|rockets|weapons|warheads|bombs|shells",
                "ru": r"ракет|оружи|боеголов|бомб|снаряд", "ar": r"صاروخ|صواريخ|سلاح|أسلحة|قنبل|قنابل|قذيف"},
    "places": {"en": r"villages|towns|cities|settlements|communities|municipalities|districts|"
                     r"provinces|regions|neighbou?rhoods|areas|zones|counties|territories|"
                     r"governorates|prefectures",
               "ru": r"дерев(?:н|ен)|сел(?:о|а|ах|ам)?\b|поселк|посёлк|поселен|город|населенн|населённ|"
                     r"район|област|провинци|округ|муниципалитет",
               "ar": r"قري[ةت]|قرى|بلد[ةت]|مدن|مدينة|منطق[ةت]|مناطق|محافظ[ةت]|مقاطع|"
                     r"أحياء|بلديات"},
    "journalists": {"en": r"journalists?|reporters?|correspondents?",
                    "ru": r"журналист|репортер|репортёр|корреспондент",
                    "ar": r"صحفي|صحافي|مراسل|إعلامي"},
    "viewers": {"en": r"viewers|readers|listeners|subscribers|followers|users|visitors|fans|spectators",
                "ru": r"зрител|читател|слушател|подписчик|пользовател|посетител|болельщик|фанат",
                "ar": r"مشاهد|متفرج|قارئ|قراء|مستمع|مشترك|متابع|مستخدم|زائر|زوار|مشجع"},
}  # fmt: skip


def _compile(
    table: list[tuple[dict[str, str], object]], language: str, after: bool
) -> re.Pattern[str]:
    groups = [f"(?P<g{k}>{patterns[language]})" for k, (patterns, _) in enumerate(table)]
    body = "|".join(groups)
    if after:
        return re.compile(rf"[\s\-–]*(?:{body})(?![\w])", re.IGNORECASE)
    # an Arabic qualifier may carry a preposition or conjunction: «لأكثر من», «وحوالي»
    clitic = r"(?:[لبوف])?" if language == "ar" else ""
    return re.compile(rf"(?<![\w]){clitic}(?:{body})[\s\-]*$", re.IGNORECASE)


_UNIT_AFTER = {lang: _compile(_SUFFIX, lang, True) for lang in ("en", "ru", "ar")}  # type: ignore[arg-type]
_CURRENCY_AFTER = {lang: _compile(_CURRENCY_WORDS, lang, True) for lang in ("en", "ru", "ar")}  # type: ignore[arg-type]
_QUAL_BEFORE = {lang: _compile(_BEFORE, lang, False) for lang in ("en", "ru", "ar")}  # type: ignore[arg-type]
_QUAL_AFTER = {lang: _compile(_AFTER, lang, True) for lang in ("en", "ru", "ar")}  # type: ignore[arg-type]
_DEGREES_AFTER = {
    lang: re.compile(rf"[\s\-]*(?:{p})(?![\w])", re.IGNORECASE) for lang, p in DEGREES.items()
}
_POUND_AFTER = {
    lang: re.compile(rf"[\s\-]*(?:{p})(?![\w])", re.IGNORECASE) for lang, p in POUND.items()
}
_CONCEPT_RE = {
    lang: [
        (name, re.compile(rf"(?:{forms[lang]})", re.IGNORECASE))
        for name, forms in _CONCEPTS.items()
    ]
    for lang in ("en", "ru", "ar")
}


def _which(m: re.Match[str]) -> int:
    return next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)


def unit_after(text: str, language: str) -> tuple[Unit, int] | None:
    """The unit that `text` starts with (after spaces or a hyphen), and its length."""
    if m := _UNIT_AFTER[language].match(text):
        return _SUFFIX[_which(m)][1], m.end()
    return None


# A currency sign after the figure, as Russian, French or German write it: «30$», «800 $»
_SYMBOL_AFTER = re.compile(r" ?(US\$|[£$€¥₽₹])(?! ?\d)")


def currency_after(text: str, language: str) -> tuple[str, int] | None:
    if m := _CURRENCY_AFTER[language].match(text):
        return _CURRENCY_WORDS[_which(m)][1], m.end()
    if m := _SYMBOL_AFTER.match(text):
        return CURRENCY_SYMBOLS[m.group(1)], m.end()
    return None


def degrees_after(text: str, language: str) -> int | None:
    m = _DEGREES_AFTER[language].match(text)
    return m.end() if m else None


def pound_after(text: str, language: str) -> int | None:
    m = _POUND_AFTER[language].match(text)
    return m.end() if m else None


# «сократилась до 1127», «выросли до 20», «выросло вдвое, до 3400», «подешевели на 2,3
# процента, до 41,50»: "to", not "up to" — a verb of change among the few words of the
# clause before «до», by its lemma («к гибели до 400 самок», «может выпасть до 10 см»
# are "up to").
_RU_DO_AT_END = re.compile(r"(?i)\s+до\s*(?:[-−–]|минус)?\s*$")  # «до -10»
_RU_CLAUSE_WORDS = 6
_RU_CHANGE_LEMMAS = frozenset((
    "сократить", "сократиться", "вырасти", "возрасти", "увеличить", "увеличиться",
    "снизить", "снизиться", "понизить", "понизиться", "повысить", "повыситься", "упасть",
    "подняться", "поднять", "подскочить", "опуститься", "уменьшить", "уменьшиться",
    "взлететь", "рухнуть", "довести", "дойти", "достичь", "достигнуть", "продлить",
    "расшириться", "расширить", "сокращаться", "увеличиваться", "снижаться", "расти",
    "повышаться", "понижаться", "уменьшаться", "падать", "подниматься", "подешеветь",
    "подорожать", "дешеветь", "дорожать", "вырастать", "возрастать", "опускаться",
))  # fmt: skip


@lru_cache(maxsize=4096)  # qualifier_before and changed_to ask it of one text
def _ru_change_to(text: str) -> bool:
    m = _RU_DO_AT_END.search(text)
    if not m:
        return False
    clause = re.split(r"[.;:!?()«»]", text[: m.start()])[-1]
    words = re.findall(r"[а-яёіїєґ'’]+", clause.lower())[-_RU_CLAUSE_WORDS:]
    if any(_UK_CHANGE.match(w) for w in words):
        return True
    return any(p.normal_form in _RU_CHANGE_LEMMAS for w in words for p in _morph().parse(w))


# Ukrainian verbs of change and sentence before «до» (read with Russian's patterns, but
# not in pymorphy3's Russian dictionary): «зросла до 832», «засудили до 36 місяців»
_UK_CHANGE = re.compile(
    r"(?i)^(?:з|за|ви|під|по|с)?(?:рос|біль|зменш|корот|низи|впа|"
    r"підня|сягну|сяга|досяг|суди)\w*"
    r"(?:в|ла|ло|ли|лася|лося|лися|вся|ть|тися|ться)$"
)  # a verb, not «запада»
_EN_CHANGE_TO = re.compile(
    r"(?i)\b(?:rose|risen|rises|climbed|climbs|jumped|increased|grew|grown|fell|fallen|"
    r"dropped|declined|surged|soared|reached)\s+to\s*$"
)


def changed_to(text: str, language: str) -> bool:
    """True when `text` ends with a change "to" a figure ("rose to", «выросло … до»,
    «зросла до»): the figure is an amount reached, not a year nor an upper bound."""
    if language == "en":
        return _EN_CHANGE_TO.search(text) is not None
    return language == "ru" and _ru_change_to(text)


def qualifier_before(text: str, language: str) -> tuple[str, int] | None:
    """The qualifier that `text` ends with ("more than", «около», «أكثر من»)."""
    if m := _QUAL_BEFORE[language].search(text):
        if language == "ru" and _ru_change_to(text):
            return None
        return str(_BEFORE[_which(m)][1]), len(text) - m.start()
    return None


def qualifier_after(text: str, language: str) -> str | None:
    found = qualifier_after_span(text, language)
    return found[0] if found else None


def qualifier_after_span(text: str, language: str) -> tuple[str, int] | None:
    """The qualifier `text` starts with, and its length."""
    if m := _QUAL_AFTER[language].match(text):
        return str(_AFTER[_which(m)][1]), m.end()
    return None


def concept(words: list[str], language: str, clitics: bool = True) -> tuple[str, str] | None:
    """(concept, the word) for the first of `words` that names a counted thing (Arabic
    words also without a leading clitic, unless `clitics` is False)."""
    for k, word in enumerate(words):
        if k and language == "ru" and words[k - 1].lower().startswith("обвинительн"):
            continue  # «обвинительное заключение» is an indictment, nobody held
        bare = word
        if language == "ar" and clitics:
            bare = re.sub(r"^(?:وال|بال|فال|لل|ال|و|ف|ب|ل)(?=\w{3})", "", word)
        for name, regex in _CONCEPT_RE[language]:
            if regex.match(word) or (bare != word and regex.match(bare)):
                return name, word
    return None


_TALLY_WORDS = {
    lang: re.compile(
        "|".join(rf"(?<!\w)(?:{_CONCEPTS[c][lang]})" for c in ("dead", "injured", "missing",
                                                              "displaced", "arrested")),
        re.IGNORECASE,
    )
    for lang in ("en", "ru", "ar")
}  # fmt: skip


def tells_tally(text: str, language: str | None) -> bool:
    """True when `text` tells of the dead, injured, missing, displaced or arrested."""
    return bool(_TALLY_WORDS.get(language or "en", _TALLY_WORDS["en"]).search(text))
