"""The rules beside NLI (figures, people in roles) on real news: NTREX-128 articles
against their own professional translations, with no NLI model.

An article and its translation cannot contradict each other, so every rule flag between
them is a false alarm (or, rarely, a translation error: those read by hand are listed in
bench/data/rules_read_by_hand.toml and shown as such). Then conflicts are planted with
bench/plant.py (a digit figure changed in the translation, a number word or ordinal
changed in the English, a person swapped in a role) and the share the rules catch as a
contradiction between the planted sentence and its translation is the recall.

Last, independent outlets on one event (the `same` groups of stories.json): each
group's first article in English against the others in English, Russian and Arabic.
Different outlets tell different facts in similar sentences ("four points ahead" now, a
"five-point lead" in 1997): every flag there is printed for reading, and the notes counted.

    python bench/rules_real.py                        # ../shared/data/ntrex, all documents
    python bench/rules_real.py --ntrex DIR --docs 10  # the first 10 documents
    python bench/rules_real.py --json out.json        # the figures, for tests
    python bench/rules_real.py --show                 # every flag, with both sentences
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import tomllib  # noqa: E402
from plant import Plant, plant_digits, plant_people, plant_words  # noqa: E402

from checker import compare, text_source  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.pair.embed import embedder_for  # noqa: E402
from checker.schema import PairFinding, Report, Verdict  # noqa: E402

LANGUAGES = ("ru", "ar")
KINDS = {"digits": plant_digits, "words": plant_words, "people": plant_people}


@dataclass
class Tally:
    sentences: int = 0
    flags: list[tuple[str, PairFinding, str]] = field(default_factory=list)  # (doc, finding, cause)
    planted: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    noted: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, Plant]] = field(default_factory=list)


def read_by_hand() -> list[dict[str, str]]:
    """Flags read by hand and found to be real translation errors (also bench/verify.py)."""
    with open(ROOT / "bench" / "data" / "rules_read_by_hand.toml", "rb") as handle:
        return list(tomllib.load(handle)["flag"])


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    # memoised: every finding's sentence is looked up in the same paragraphs
    return re.sub(r"\s+", " ", text).strip()


def line_of(sentence: str, lines: list[str]) -> int | None:
    """The paragraph a sentence of the report came from."""
    probe = _norm(sentence)[:40]
    for k, line in enumerate(lines):
        if probe and probe in _norm(line):
            return k
    return None


def _run(
    en: list[str], other: list[str], language: str, config: Config, embedder: object
) -> Report:
    return compare(
        [
            text_source("\n".join(en), name="en.txt"),
            text_source("\n".join(other), name=f"{language}.txt"),
        ],
        config,
        embedder=embedder,  # type: ignore[arg-type]
    )


def _lines(
    report: Report, f: PairFinding, en: list[str], other: list[str]
) -> tuple[int | None, int | None]:
    """(English paragraph, translation paragraph) of a finding's two sentences."""
    sides = {f.a.source: f.a.text, f.b.source: f.b.text}
    return line_of(sides.get("en.txt", ""), en), line_of(
        next((t for s, t in sides.items() if s != "en.txt"), ""), other
    )


def _cause(doc: str, language: str, f: PairFinding, aligned: bool) -> str:
    for known in read_by_hand():
        if known["doc"] == doc and known["language"] == language:
            texts = f.a.text + " " + f.b.text
            if known["en"] in texts and known["other"] in texts:
                return "translation error (read by hand)"
    rule = f.decided_by
    if not aligned:
        return f"{rule}: two different sentences"
    if rule == "numbers" and f.figures:
        dims = sorted({e.a.dimension for e in f.figures if e.decides})
        return f"{rule}: same sentence, {', '.join(dims)}"
    return f"{rule}: same sentence"


def run(ntrex: Path, docs: int | None) -> dict[str, Tally]:
    # the vector cache: an English article is embedded once for its two translations
    # and every planted variant, not once per comparison
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    folders = sorted(p for p in (ntrex / "docs").iterdir() if p.is_dir())[:docs]
    tallies = {language: Tally() for language in LANGUAGES}
    for folder in folders:
        en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
        for language in LANGUAGES:
            other = (folder / f"{language}.txt").read_text(encoding="utf-8").splitlines()
            tally = tallies[language]
            report = _run(en, other, language, config, embedder)
            tally.sentences += report.summary.sentences
            for f in report.contradictions:
                line_en, line_other = _lines(report, f, en, other)
                aligned = line_en is not None and line_en == line_other
                tally.flags.append((folder.name, f, _cause(folder.name, language, f, aligned)))
            for kind, plant in KINDS.items():
                changed, plants = plant(en, other, language)
                if not plants:
                    continue
                pair = (en, changed) if plants[0].side != "en" else (changed, other)
                report = _run(pair[0], pair[1], language, config, embedder)
                for p in plants:
                    tally.planted[kind] += 1
                    found = [
                        f
                        for f in report.findings
                        if _lines(report, f, *pair) == (p.paragraph, p.paragraph)
                        and p.after in (f.a.text + f.b.text)
                    ]
                    if any(f.verdict is Verdict.CONTRADICTION for f in found):
                        tally.caught[kind] += 1
                    else:
                        tally.missed.append((folder.name, p))
                        if any(f.notes for f in found):
                            tally.noted[kind] += 1
    return tallies


def same_events(ntrex: Path) -> tuple[list[tuple[str, PairFinding]], int, int]:
    """Rule flags and notes between different outlets reporting one event."""
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    groups = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))["same"]
    flags: list[tuple[str, PairFinding]] = []
    notes = sentences = 0
    for group in groups:
        folders = [next((ntrex / "docs").glob(f"{k:03d}-*")) for k in group]
        for language in ("en", *LANGUAGES):
            sources = [text_source((folders[0] / "en.txt").read_text(encoding="utf-8"), name="en")]
            sources += [
                text_source((f / f"{language}.txt").read_text(encoding="utf-8"), name=f.name)
                for f in folders[1:]
            ]
            report = compare(sources, config, embedder=embedder)
            label = "/".join(map(str, group)) + f" en-{language}"
            flags += [(label, f) for f in report.contradictions]
            notes += report.summary.notes
            sentences += report.summary.sentences
    return flags, notes, sentences


def summary(tallies: dict[str, Tally]) -> dict[str, object]:
    out: dict[str, object] = {}
    for language, t in tallies.items():
        out[language] = {
            "sentences": t.sentences,
            "flags": len(t.flags),
            "flags_numbers": sum(f.decided_by == "numbers" for _, f, _ in t.flags),
            "flags_people": sum(f.decided_by == "people" for _, f, _ in t.flags),
            "read_by_hand": sum(c.startswith("translation error") for *_, c in t.flags),
            "per_1000": round(1000 * len(t.flags) / max(t.sentences, 1), 3),
            "recall": {
                kind: round(t.caught[kind] / t.planted[kind], 4) if t.planted[kind] else None
                for kind in KINDS
            },
            "planted": dict(t.planted),
            "caught": dict(t.caught),
            "noted": dict(t.noted),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex")
    parser.add_argument("--docs", type=int, default=None, help="only the first N documents")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--show", action="store_true", help="print every flag and every miss")
    args = parser.parse_args()
    if not (args.ntrex / "docs").is_dir():
        sys.exit(f"no NTREX data at {args.ntrex} (see ../shared/data/README.md)")
    started = time.perf_counter()
    tallies = run(args.ntrex, args.docs)
    figures = summary(tallies)
    print(f"NTREX at {args.ntrex}: article vs its own translation, --nli-model none "
          f"({time.perf_counter() - started:.0f} s)\n")  # fmt: skip
    print(
        "| pair | sentences | rule flags | numbers | people | of them read by hand as "
        "translation errors | flags per 1,000 sentences |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for language, row in figures.items():
        assert isinstance(row, dict)
        cells = [row[k] for k in ("sentences", "flags", "flags_numbers", "flags_people")]
        cells += [row["read_by_hand"], f"{row['per_1000']:.2f}"]
        print(f"| en-{language} | " + " | ".join(map(str, cells)) + " |")
    causes = Counter((language, cause) for language, t in tallies.items() for *_, cause in t.flags)
    print("\n| pair | cause | flags |\n|---|---|---:|")
    for (language, cause), n in sorted(causes.items()):
        print(f"| en-{language} | {cause} | {n} |")
    print("\nPlanted conflicts caught as a contradiction (share; noted only, in brackets):\n")
    print("| pair | " + " | ".join(KINDS) + " |\n|---|" + "---:|" * len(KINDS))
    for language, t in tallies.items():
        cells = [
            f"{t.caught[k] / t.planted[k]:.3f} ({t.caught[k]}/{t.planted[k]}; {t.noted[k]})"
            if t.planted[k] else "-"
            for k in KINDS
        ]  # fmt: skip
        print(f"| en-{language} | " + " | ".join(cells) + " |")
    flags, notes, sentences = same_events(args.ntrex)
    figures["same_events"] = {"flags": len(flags), "notes": notes, "sentences": sentences}
    print(
        f"\nIndependent outlets on one event (stories.json 'same' groups, {sentences} sentences):"
        f" {len(flags)} rule flags, {notes} notes"
    )
    if args.show:
        for label, f in flags:
            print(f"\nSAME-EVENT FLAG {label} {f.reason}\n  A: {f.a.text}\n  B: {f.b.text}")
        for language, t in tallies.items():
            for doc, f, cause in t.flags:
                print(f"\nFLAG en-{language} {doc} [{cause}] {f.reason}")
                print(f"  A: {f.a.text}\n  B: {f.b.text}")
            for doc, p in t.missed:
                print(
                    f"MISS en-{language} {doc} line {p.paragraph} {p.kind}: {p.before} → {p.after}"
                )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
