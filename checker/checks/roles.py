"""Roles a person is named in, in English, Russian and Arabic: the table the people rule
reads. A role key is comparable across languages ("secretary of state" is the American
foreign minister, «госсекретарь», «وزير الخارجية الأمريكي»); longer phrases come first
so that "vice president" is not read as "president"."""

from __future__ import annotations

# role key → (English label, patterns per language)
ROLES: dict[str, tuple[str, dict[str, list[str]]]] = {
    "vice_president": (
        "vice president",
        {"en": [r"vice[- ]president"], "ru": [r"вице-президент\w*"], "ar": [r"نائب الرئيس"]},
    ),
    "prime_minister": (
        "prime minister",
        {
            "en": [r"prime minister", r"premier"],
            "ru": [r"премьер-министр\w*", r"председател\w+ правительства", r"премьер\w*"],
            "ar": [r"رئيس(?:ة)? (?:مجلس )?(?:الوزراء|الحكومة)"],
        },
    ),
    "foreign_minister": (
        "foreign minister",
        {
            "en": [r"foreign minister", r"minister of foreign affairs", r"foreign secretary",
                   r"secretary of state"],
            "ru": [r"министр\w* иностранных дел", r"глав\w* МИД\w*", r"госсекретар\w*",
                   r"государственн\w+ секретар\w*"],
            "ar": [r"وزير(?:ة)? الخارجية"],
        },
    ),
    "defence_minister": (
        "defence minister",
        {
            "en": [r"defen[cs]e minister", r"minister of defen[cs]e", r"defen[cs]e secretary"],
            "ru": [r"министр\w* обороны", r"глав\w* Минобороны"],
            "ar": [r"وزير(?:ة)? الدفاع"],
        },
    ),
    "interior_minister": (
        "interior minister",
        {
            "en": [r"interior (?:minister|secretary)", r"minister of (?:the )?interior",
                   r"internal (?:affairs )?secretary",
                   r"home secretary"],
            "ru": [r"министр\w* внутренних дел", r"глав\w* МВД", r"министр\w* внутренних ресурсов"],
            "ar": [r"وزير(?:ة)? الداخلية"],
        },
    ),
    "finance_minister": (
        "finance minister",
        {
            "en": [r"finance minister", r"minister of finance", r"treasury secretary",
                   r"chancellor of the exchequer"],
            "ru": [r"министр\w* финансов", r"глав\w* Минфина"],
            "ar": [r"وزير(?:ة)? المالية", r"وزير(?:ة)? الخزانة"],
        },
    ),
    "energy_minister": (
        "energy minister",
        {
            "en": [r"energy (?:minister|secretary)", r"minister of energy"],
            "ru": [r"министр\w* энергетики", r"глав\w* Минэнерго"],
            "ar": [r"وزير(?:ة)? الطاقة"],
        },
    ),
    "health_minister": (
        "health minister",
        {
            "en": [r"health (?:minister|secretary)", r"minister of health"],
            "ru": [r"министр\w* здравоохранения", r"глав\w* Минздрава"],
            "ar": [r"وزير(?:ة)? الصحة"],
        },
    ),
    "justice_minister": (
        "justice minister",
        {
            "en": [r"justice (?:minister|secretary)", r"minister of justice", r"attorney general"],
            "ru": [r"министр\w* юстиции", r"генеральн\w+ прокурор\w*", r"генпрокурор\w*"],
            "ar": [r"وزير(?:ة)? العدل", r"النائب العام"],
        },
    ),
    "business_minister": (
        "business minister",
        {
            "en": [r"business (?:minister|secretary)", r"economy (?:minister|secretary)",
                   r"commerce secretary", r"trade (?:minister|secretary)"],
            "ru": [r"министр\w* (?:экономи\w*|торговли|промышленности|бизнеса)",
                   r"министр\w* по делам бизнеса"],
            "ar": [r"وزير(?:ة)? (?:الأعمال|الاقتصاد|التجارة)"],
        },
    ),
    "secretary_general": (
        "secretary-general",
        {
            "en": [r"secretary[- ]general"],
            "ru": [r"генеральн\w+ секретар\w+", r"генсек\w*"],
            "ar": [r"الأمين العام"],
        },
    ),
    "chief_of_staff": (
        "chief of staff",
        {
            "en": [r"chief of staff"],
            "ru": [r"глав\w* (?:администрации|аппарата)", r"руководител\w* аппарата"],
            "ar": [r"(?:كبير|رئيس) موظفي", r"رئيس ديوان"],
        },
    ),
    # a parliament's speaker, before the spokesperson: «спикер» is both in Russian
    "speaker": (
        "speaker",
        {
            "en": [r"(?-i:(?:House )?Speaker)"],
            "ru": [r"(?:спикер|председател)\w* (?:нижней |верхней )?(?:палаты|парламента|"
                   r"Госдумы|Государственной думы|Палаты|Сената|Совета Федерации|Бундестага)"
                   r"(?: представителей| общин| лордов)?"],
            "ar": [r"رئيس(?:ة)? مجلس (?:النواب|الشعب|الأمة|العموم|الشيوخ|اللوردات)",
                   r"رئيس(?:ة)? البرلمان"],
        },
    ),
    "spokesperson": (
        "spokesperson",
        {
            "en": [r"spokes(?:person|man|woman)", r"press secretary"],
            "ru": [r"пресс-секретар\w+", r"(?:официальн\w+ )?представител\w+", r"спикер\w*"],
            "ar": [r"(?:ال)?متحدث(?:ة)?(?: الرسمي(?:ة)?)?(?: باسم)?"],
        },
    ),
    "ambassador": (
        "ambassador",
        {
            "en": [r"ambassador"],
            "ru": [r"посол", r"посл(?:а|у|ом|ы|ов|ам|ами|ах)(?!\w)"],  # not «после»
            "ar": [r"السفير(?:ة)?", r"سفير(?:ة)?"],
        },
    ),
    "envoy": (
        "envoy",
        {
            "en": [r"(?:special )?envoy"],
            "ru": [r"(?:специальн\w+ )?посланник\w*", r"спецпосланник\w*"],
            "ar": [r"المبعوث(?:ة)?(?: الخاص(?:ة)?)?"],
        },
    ),
    "prosecutor": (
        "prosecutor",
        {
            "en": [r"(?:special |chief |public |state |district |federal )?prosecutor",
                   r"special counsel"],
            "ru": [r"(?:генеральн\w+ |главн\w+ )?прокурор\w*", r"спецпрокурор\w*"],
            "ar": [r"(?:ال)?مدعي(?:ة)? (?:ال)?عام(?:ة)?", r"(?:ال)?مدعي(?:ة)?(?! عليه)",
                   r"(?:ال)?نائب(?:ة)? (?:ال)?عام(?:ة)?"],
        },
    ),
    "chief_executive": (
        "chief executive",
        {
            "en": [r"chief executive(?: officer)?", r"CEO", r"managing director"],
            "ru": [r"генеральн\w+ директор\w*", r"гендиректор\w*", r"исполнительн\w+ директор\w*"],
            "ar": [r"(?:ال)?رئيس(?:ة)? (?:ال)?تنفيذي(?:ة)?", r"(?:ال)?مدير(?:ة)? (?:ال)?تنفيذي(?:ة)?"],
        },
    ),
    "crown_prince": (
        "crown prince",
        {"en": [r"crown prince"], "ru": [r"наследн\w+ принц\w*"], "ar": [r"ولي(?:ّ)? العهد"]},
    ),
    "monarch": (
        "monarch",
        {"en": [r"king", r"queen"], "ru": [r"корол(?:ь|я|ю|ем|е|ев[аыеу]|евой)(?!\w)"],
         "ar": [r"الملك(?:ة)?", r"(?:ال)?عاهل"]},  # fmt: skip
    ),
    # the head of state of Qatar and Kuwait («أمير» alone is also a given name)
    "emir": ("emir", {"en": [r"emir"], "ru": [r"эмир\w*"],
                      "ar": [r"أمير(?=\s+(?:دولة\s+)?(?:قطر|الكويت))"]}),  # fmt: skip
    "pope": ("pope", {"en": [r"(?-i:Pope)"], "ru": [r"(?-i:Пап(?:а|е|у|ы|ой)(?: Римск\w+)?)"], "ar": [r"البابا"]}),
    "chair": (
        "chair",
        {
            "en": [r"chair(?:man|woman|person)?"],
            "ru": [r"председател\w*(?!\s+(?:КНР|Китая|Китайской))"],
            # a board's head: «رئيس مجلس الإدارة», «رئيس مجلس الاحتياطي الاتحادي» (the
            # cabinet's and the chambers' are the prime minister and the speaker)
            "ar": [r"رئيس(?:ة)? مجلس (?:ال)?إدارة", r"رئيس(?:ة)? مجلس"],
        },
    ),
    "police_chief": (
        "police chief",
        {
            "en": [r"police (?:chief|commissioner)", r"chief constable", r"chief of police"],
            "ru": [r"(?:начальник|глав|руководител)\w* (?:городской |местной )?полиции",
                   r"комиссар\w* полиции"],
            "ar": [r"(?:قائد|رئيس|مدير)(?:ة)? (?:ال)?شرطة"],
        },
    ),
    # a minister whose portfolio no entry above names (culture, transport, education, …):
    # still a minister, after every named portfolio (longer phrases first)
    "minister": (
        "minister",
        {
            "en": [r"[a-z]+ (?:minister|secretary)", r"minister(?: of [a-z]+(?: and [a-z]+)?)?"],
            "ru": [r"министр\w*"],
            "ar": [r"وزير(?:ة)?"],
        },
    ),
    "mayor": (
        "mayor",
        {"en": [r"mayor"], "ru": [r"мэр\w*", r"глав\w* города"], "ar": [r"عمدة", r"رئيس(?:ة)? (?:ال)?بلدية"]},
    ),
    "president": (
        "president",
        {
            "en": [r"president"],
            # China's head of state is «Председатель КНР» in Russian
            "ru": [r"президент\w*", r"председател\w* (?:КНР|Китая|Китайской Народной Республики)"],
            "ar": [r"الرئيس(?:ة)?", r"رئيس(?:ة)?"],
        },
    ),
    "chancellor": (
        "chancellor",
        {"en": [r"chancellor"], "ru": [r"канцлер\w*"], "ar": [r"المستشار(?:ة)?"]},
    ),
    "governor": (
        "governor",
        {"en": [r"governor", r"gov\."], "ru": [r"губернатор\w*"], "ar": [r"(?:ال)?حاكم(?:ة)?", r"(?:ال)?محافظ(?:ة)?"]},
    ),
    "senator": (
        "senator",
        {
            "en": [r"senator", r"sen\."],
            "ru": [r"сенатор\w*"],
            "ar": [r"(?:ال)?سيناتور(?:ة)?", r"(?:ال)?سناتور(?:ة)?", r"عضو(?:ة)? مجلس الشيوخ"],
        },
    ),
    "judge": (
        "judge",
        {"en": [r"judge", r"justice"], "ru": [r"судь[яиеёюй]\w*"], "ar": [r"(?:ال)?قاضي(?:ة)?"]},
    ),
    "leader": (
        "leader",
        {"en": [r"leader"], "ru": [r"лидер\w*"],
         "ar": [r"(?:ال)?زعيم(?:ة)?", r"المرشد الأعلى", r"مرشد الثورة"]},  # fmt: skip
    ),
    "coach": (
        "coach",
        {
            "en": [r"(?:head )?coach", r"manager", r"boss"],
            "ru": [r"(?:главн\w+ )?тренер\w*", r"наставник\w*", r"менеджер\w*", r"управляющ\w*"],
            "ar": [r"(?:ال)?مدرب(?:ة)?", r"المدير الفني"],
        },
    ),
}  # fmt: skip


# Countries as a role's qualifier ("French President", «президент России», «الرئيس
# الروسي»), so that two presidents of two countries are two roles. Forms per language:
# English nouns and adjectives; Russian and Arabic stems (the adjective and the genitive
# noun share them). Not every country: those the people rule has met in news; a role whose
# qualifier is not listed is compared as before.
COUNTRIES: dict[str, dict[str, list[str]]] = {
    "us": {"en": ["U\\.?S\\.?A?\\.?", "American", "United States", "America"],
           "ru": ["США", "американск", "Соединенных Штатов", "Соединённых Штатов", "Америк"],
           "ar": ["الأمريكي", "الأميركي", "الامريكي", "أمريكا", "أميركا", "الولايات المتحدة"]},
    "ru": {"en": ["Russian?", "Russia"], "ru": ["России", "российск", "РФ", "Российской Федерации"],
           "ar": ["الروسي", "روسيا"]},
    "fr": {"en": ["French", "France"], "ru": ["Франци", "французск"], "ar": ["الفرنسي", "فرنسا"]},
    "gb": {"en": ["British", "UK", "U\\.K\\.", "Britain", "United Kingdom"],
           "ru": ["Великобритани", "британск", "Британи"], "ar": ["البريطاني", "بريطانيا", "المملكة المتحدة"]},
    "de": {"en": ["German", "Germany"], "ru": ["Германи", "немецк", "ФРГ"], "ar": ["الألماني", "ألمانيا"]},
    "cn": {"en": ["Chinese", "China"], "ru": ["Кита", "китайск", "КНР"], "ar": ["الصيني", "الصين"]},
    "kp": {"en": ["North Korean", "North Korea"], "ru": ["КНДР", "северокорейск", "Северной Коре"],
           "ar": ["الكوري الشمالي", "كوريا الشمالية"]},
    "kr": {"en": ["South Korean", "South Korea"], "ru": ["южнокорейск", "Южной Коре", "Республики Корея"],
           "ar": ["الكوري الجنوبي", "كوريا الجنوبية"]},
    "tr": {"en": ["Turkish", "Turkey"], "ru": ["Турци", "турецк"], "ar": ["التركي", "تركيا"]},
    "az": {"en": ["Azerbaijani", "Azerbaijan"], "ru": ["Азербайджан", "азербайджанск"],
           "ar": ["الأذربيجاني", "أذربيجان"]},
    "am": {"en": ["Armenian", "Armenia"], "ru": ["Армени", "армянск"], "ar": ["الأرميني", "أرمينيا"]},
    "ua": {"en": ["Ukrainian", "Ukraine"], "ru": ["Украин", "украинск"], "ar": ["الأوكراني", "أوكرانيا"]},
    "il": {"en": ["Israeli", "Israel"], "ru": ["Израил", "израильск"], "ar": ["الإسرائيلي", "إسرائيل"]},
    "ir": {"en": ["Iranian", "Iran"], "ru": ["Иран", "иранск"], "ar": ["الإيراني", "إيران"]},
    "sy": {"en": ["Syrian", "Syria"], "ru": ["Сири", "сирийск"], "ar": ["السوري", "سوريا", "سورية"]},
    "eg": {"en": ["Egyptian", "Egypt"], "ru": ["Египт", "египетск"], "ar": ["المصري", "مصر"]},
    "sa": {"en": ["Saudi"], "ru": ["Саудовск"], "ar": ["السعودي", "السعودية"]},
    "id": {"en": ["Indonesian", "Indonesia"], "ru": ["Индонези", "индонезийск"],
           "ar": ["الإندونيسي", "إندونيسيا"]},
    "jp": {"en": ["Japanese", "Japan"], "ru": ["Япони", "японск"], "ar": ["الياباني", "اليابان"]},
    "in": {"en": ["Indian", "India"], "ru": ["Инди", "индийск"], "ar": ["الهندي", "الهند"]},
    "pk": {"en": ["Pakistani", "Pakistan"], "ru": ["Пакистан", "пакистанск"], "ar": ["الباكستاني", "باكستان"]},
    "pa": {"en": ["Panamanian", "Panama"], "ru": ["Панам", "панамск"], "ar": ["البنمي", "بنما"]},
    "bo": {"en": ["Bolivian", "Bolivia"], "ru": ["Боливи", "боливийск"], "ar": ["البوليفي", "بوليفيا"]},
    "mx": {"en": ["Mexican", "Mexico"], "ru": ["Мексик", "мексиканск"], "ar": ["المكسيكي", "المكسيك"]},
    "ve": {"en": ["Venezuelan", "Venezuela"], "ru": ["Венесуэл", "венесуэльск"], "ar": ["الفنزويلي", "فنزويلا"]},
    "it": {"en": ["Italian", "Italy"], "ru": ["Итали", "итальянск"], "ar": ["الإيطالي", "إيطاليا"]},
    "es": {"en": ["Spanish", "Spain"], "ru": ["Испани", "испанск"], "ar": ["الإسباني", "إسبانيا"]},
    "ge": {"en": ["Georgian", "Georgia"], "ru": ["Грузи", "грузинск"], "ar": ["الجورجي", "جورجيا"]},
    "by": {"en": ["Belarusian", "Belarus"], "ru": ["Белорусси", "белорусск", "Беларус"], "ar": ["البيلاروسي", "بيلاروسيا"]},
    "kz": {"en": ["Kazakh", "Kazakhstan"], "ru": ["Казахстан", "казахстанск"], "ar": ["الكازاخستاني", "كازاخستان"]},
    "iq": {"en": ["Iraqi", "Iraq"], "ru": ["Ирак", "иракск"], "ar": ["العراقي", "العراق"]},
    "lb": {"en": ["Lebanese", "Lebanon"], "ru": ["Ливан", "ливанск"], "ar": ["اللبناني", "لبنان"]},
    "jo": {"en": ["Jordanian", "Jordan"], "ru": ["Иордани", "иорданск"], "ar": ["الأردني", "الأردن"]},
    "qa": {"en": ["Qatari", "Qatar"], "ru": ["Катар", "катарск"], "ar": ["القطري", "قطر"]},
    "ae": {"en": ["Emirati", "UAE"], "ru": ["ОАЭ", "эмиратск"], "ar": ["الإماراتي", "الإمارات"]},
    "ps": {"en": ["Palestinian", "Palestine"], "ru": ["Палестин", "палестинск"], "ar": ["الفلسطيني", "فلسطين"]},
    "pl": {"en": ["Polish", "Poland"], "ru": ["Польш", "польск"], "ar": ["البولندي", "بولندا"]},
    "ca": {"en": ["Canadian", "Canada"], "ru": ["Канад", "канадск"], "ar": ["الكندي", "كندا"]},
    "au": {"en": ["Australian", "Australia"], "ru": ["Австрали", "австралийск"], "ar": ["الأسترالي", "أستراليا"]},
    "br": {"en": ["Brazilian", "Brazil"], "ru": ["Бразили", "бразильск"], "ar": ["البرازيلي", "البرازيل"]},
}  # fmt: skip
# Words that make a role another role: a former president is not the president.
FORMER = {"en": r"former|ex-|late|shadow|acting|outgoing|deputy",
          "ru": r"бывш\w*|экс-|покойн\w*|тенев\w*|исполняющ\w*|и\.\s?о\.|заместител\w*",
          "ar": r"السابق(?:ة)?|الراحل(?:ة)?|بالوكالة"}  # fmt: skip
