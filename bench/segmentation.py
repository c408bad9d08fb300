"""Body lines kept intact by cleaning and segmentation, on a parallel news sample.

`samples/segmentation/{en,ru,ar}.txt` hold the same 20 news lines in three languages,
one sentence a line, written for this check with the traps that break sentence
splitters and boilerplate cleaners: abbreviations («Св.», «г.», «ул.», «им.», «т. е.»,
"St.", "Gen.", "Lt.", "p.m. ET", «د.», «م.»), initials (J. D. Martin, Дж. Д. Мартин,
ج. د. مارتن), a domain inside a sentence, quotes of several styles after the final
punctuation, a question, and body lines without a final full stop.

Each file is wrapped in scraped-page clutter of its language (menu, headline list,
share and read-also widgets), read like any source, and every body line is scored:

- intact:  it comes out as exactly one sentence;
- broken:  it is split, or glued to another line;
- dropped: it is removed as clutter (lost content: it can never be checked).

    python bench/segmentation.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.sources.ingest import text_source  # noqa: E402
from checker.sources.segment import segment  # noqa: E402

CLUTTER = {
    "en": (
        ["Home", "World", "Politics", "Menu", "Storm cuts power to thousands in the north",
         "Central bank holds interest rates steady", "Football: Selmar United win the cup"],
        ["Share this article", "Read also:", "Storm cuts power to thousands in the north",
         "Views: 1240", "0 comments"],
    ),
    "ru": (
        ["Главная", "Новости", "Политика", "Меню", "Шторм оставил без света тысячи жителей",
         "Центробанк сохранил ключевую ставку", "Футбол: «Сельмар» выиграл кубок"],
        ["Поделиться", "Читайте также:", "Шторм оставил без света тысячи жителей",
         "Просмотров: 1240", "0 комментариев"],
    ),
    "ar": (
        ["الرئيسية", "أخبار", "سياسة", "القائمة", "عاصفة تقطع الكهرباء عن الآلاف",
         "البنك المركزي يثبت أسعار الفائدة", "كرة القدم: سلمار يفوز بالكأس"],
        ["شارك", "اقرأ أيضا", "عاصفة تقطع الكهرباء عن الآلاف", "مشاهدات: 1240"],
    ),
}  # fmt: skip


def score(language: str) -> dict[str, object]:
    lines = (ROOT / "samples" / "segmentation" / f"{language}.txt").read_text(encoding="utf-8")
    body = [ln.strip() for ln in lines.splitlines() if ln.strip()]
    head, tail = CLUTTER[language]
    page = "\n".join(head + body + tail)
    source = segment(text_source(page, name=f"{language}.txt"))
    sentences = [s.text for s in source.sentences]
    dropped_text = [d.text for d in source.dropped]
    intact, broken, dropped = [], [], []
    for line in body:
        if line in sentences:
            intact.append(line)
        elif any(line in d or d in line for d in dropped_text if len(d) > 3):
            dropped.append(line)
        else:
            broken.append(line)
    clutter_kept = [s for s in sentences if s not in body]
    return {
        "language": language,
        "lines": len(body),
        "intact": intact,
        "broken": broken,
        "dropped": dropped,
        "clutter kept": clutter_kept,
    }


def main() -> None:
    print("| language | body lines | kept intact | broken | dropped | clutter kept |")
    print("|---|---|---|---|---|---|")
    rows = [score(lang) for lang in CLUTTER]
    for r in rows:
        n = int(r["lines"])  # type: ignore[call-overload]
        print(
            f"| {r['language']} | {n} | {len(r['intact']) / n:.2f} ({len(r['intact'])}) | "  # type: ignore[arg-type]
            f"{len(r['broken'])} | {len(r['dropped'])} | {len(r['clutter kept'])} |"  # type: ignore[arg-type]
        )
    for r in rows:
        for kind in ("broken", "dropped", "clutter kept"):
            for line in r[kind]:  # type: ignore[attr-defined]
                print(f"  {r['language']} {kind}: {line}")


if __name__ == "__main__":
    main()
