"""`checker verify` on real news: an NTREX-128 English article as the draft, its own
professional Russian and Arabic translations as the sources, no NLI model
(`--nli-model none`: what needs no model is measured; a real model only adds support).

- coverage: the share of (draft sentence, source) pairs whose translation (the same
  paragraph of the source) is among the sentence's evidence candidates;
- false contradictions per 1,000 draft sentences on the unaltered drafts (a translation
  cannot contradict its article; real translation errors read by hand, listed in
  bench/data/rules_read_by_hand.toml, are shown apart);
- genuine draft sentences reported "not in the sources" (they all are in them);
- planted conflicts (bench/plant.py, deterministic, into the draft): a digit figure
  changed, a number word or ordinal changed, a person in a role swapped; the share of
  planted sentences reported contradicted;
- sentences of another article of the same day (a different event by stories.json)
  inserted into the draft: the share reported not in the sources;
- background from another outlet on the same event (a `same` group of stories.json):
  its sentences inserted into the draft, every one reported contradicted printed for
  reading (another outlet may really disagree);
- the whole-day draft (`--whole-day`): every English article of a fold as one draft,
  against the Russian and Arabic translations of a third of the fold's documents; the
  contradicted sentences of articles that share no story with any source are false.
  Folds by document number: A (0 mod 4) where choices are made, B (2 mod 4) to report.

    python bench/verify.py                       # ../shared/data/ntrex, all documents
    python bench/verify.py --docs 10 --json out.json
    python bench/verify.py --show                # every flag and miss
    python bench/verify.py --whole-day           # the whole-day drafts of folds A and B
"""

from __future__ import annotations

import argparse
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

from plant import plant_digits, plant_people, plant_words, shown  # noqa: E402
from rules_real import read_by_hand  # noqa: E402

from checker import text_source  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.draft import SentenceVerdict, VerifyReport, verify  # noqa: E402
from checker.draft.schema import DraftSentence  # noqa: E402
from checker.pair.embed import embedder_for  # noqa: E402
from checker.pipeline import load_sources  # noqa: E402

KINDS = {"digits": plant_digits, "words": plant_words, "people": plant_people}
INSERTED = (1, 3, 5)  # which sentences of the other article go into the draft


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text)


def paragraph(sentence: str, lines: list[str]) -> int | None:
    """The line a sentence came from (probes of its start, end and middle, punctuation
    and spacing ignored: cleaning normalises quotes and dashes)."""
    text, flat = _norm(sentence), [_norm(line) for line in lines]
    for size in (25, 12):
        middle = len(text) // 2
        for probe in (text[:size], text[-size:], text[middle : middle + size]):
            hits = [k for k, line in enumerate(flat) if probe and probe in line]
            if hits:
                return hits[0]
    return None


@dataclass
class Figures:
    sentences: int = 0
    pairs: int = 0
    covered: int = 0
    flags: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, draft, why, cause
    absent: int = 0  # genuine sentences reported not in the sources
    planted: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    inserted: int = 0
    inserted_absent: int = 0
    inserted_wrong: list[tuple[str, str, str]] = field(default_factory=list)
    background: int = 0  # sentences of another outlet on the same event inserted
    background_contradicted: list[tuple[str, str, str]] = field(default_factory=list)


def _check(
    draft: list[str], sources: dict[str, list[str]], config: Config, embedder: object
) -> VerifyReport:
    return verify(
        text_source("\n".join(draft), name="draft-en.txt"),
        [text_source("\n".join(lines), name=f"{lang}.txt") for lang, lines in sources.items()],
        config,
        embedder=embedder,  # type: ignore[arg-type]
    )


def _unrelated(docs: list[Path], k: int, labels: dict[str, list[list[int]]]) -> Path:
    """The next document that is another event (not in a `same` or `ambiguous` pair)."""
    number = int(docs[k].name[:3])
    near = {n for group in labels["same"] + labels["ambiguous"] if number in group for n in group}
    for step in range(1, len(docs)):
        other = docs[(k + step) % len(docs)]
        if int(other.name[:3]) not in near:
            return other
    raise ValueError("no unrelated document")


def run(ntrex: Path, docs: int | None) -> Figures:
    # the vector cache: each document is embedded once for its draft and its planted
    # variants, not once per check
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    folders = sorted(p for p in (ntrex / "docs").iterdir() if p.is_dir())
    labels = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))
    known = read_by_hand()
    out = Figures()
    for k, folder in enumerate(folders[:docs]):
        en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
        sources = {
            lang: (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
            for lang in ("ru", "ar")
        }
        report = _check(en, sources, config, embedder)
        source_lines = {f"{lang}.txt": lines for lang, lines in sources.items()}
        where = {
            s.name: [paragraph(x.text, source_lines[s.name]) for x in s.sentences]
            for s in report.sources
        }
        for line in report.sentences:
            out.sentences += 1
            own = paragraph(line.text, en)
            for name in source_lines:
                if own is None or own not in where[name]:
                    continue  # the translator left this paragraph out, or merged it away
                out.pairs += 1
                out.covered += any(
                    own in where[name][e.start : e.end] for e in line.evidence if e.source == name
                )
            if line.verdict is SentenceVerdict.CONTRADICTED:
                error = any(
                    f["doc"] == folder.name and f["en"] in line.text
                    and any(f["other"] in e.text for e in line.evidence)
                    for f in known
                )  # fmt: skip
                cause = "translation error (read by hand)" if error else "false"
                out.flags.append((folder.name, line.text, line.why, cause))
            if line.verdict is SentenceVerdict.NOT_IN_SOURCES:
                out.absent += 1
        for kind, plant in KINDS.items():
            # digits: changed in the English where the Russian states the same digits
            changed, plants = (
                plant_digits(sources["ru"], en, "en")
                if kind == "digits"
                else plant(en, sources["ru"], "ru")
            )
            if not plants:
                continue
            planted = _check(changed, sources, config, embedder)
            for p in plants:
                hit = [
                    s for s in planted.sentences
                    if shown(p, s.text) and paragraph(s.text, changed) == p.paragraph
                ]  # fmt: skip
                if not hit:
                    continue  # the changed sentence was not read as one (rare)
                out.planted[kind] += 1
                if any(s.verdict is SentenceVerdict.CONTRADICTED for s in hit):
                    out.caught[kind] += 1
                else:
                    what = f"{kind}: {p.before} → {p.after}"
                    out.missed.append((folder.name, what, hit[0].text))
        other = _unrelated(folders, k, labels)
        for sentence, line in _inserted(en, other, sources, config, embedder):
            out.inserted += 1
            if line.verdict is SentenceVerdict.NOT_IN_SOURCES:
                out.inserted_absent += 1
            else:
                out.inserted_wrong.append((folder.name, line.verdict.value, sentence))
        _background(folder, folders, labels, en, sources, config, embedder, out)
    return out


def _inserted(
    en: list[str], other: Path, sources: dict[str, list[str]], config: Config, embedder: object
) -> list[tuple[str, DraftSentence]]:
    """Sentences INSERTED of `other`'s English article put into the draft (one every
    three paragraphs from the third), checked: each with its line of the report."""
    (read,) = load_sources(
        [text_source((other / "en.txt").read_text(encoding="utf-8"), name="other.txt")],
        config=config,
    )
    told = [s.text for s in read.sentences]
    added = [told[i] for i in INSERTED if i < len(told)]
    mixed = list(en)
    for n, sentence in enumerate(added):
        mixed.insert(min(len(mixed), 2 + 3 * n), sentence)
    checked = _check(mixed, sources, config, embedder)
    lines = ((sentence, next((s for s in checked.sentences if s.text == sentence), None))
             for sentence in added)  # fmt: skip
    return [(sentence, line) for sentence, line in lines if line is not None]


def _background(
    folder: Path,
    folders: list[Path],
    labels: dict[str, list[list[int]]],
    en: list[str],
    sources: dict[str, list[str]],
    config: Config,
    embedder: object,
    out: Figures,
) -> None:
    """A draft that adds background from another outlet on the same event."""
    number = int(folder.name[:3])
    group = next((g for g in labels["same"] if number in g), None)
    if group is None:
        return
    other_number = next(n for n in group if n != number)
    other = next(f for f in folders if int(f.name[:3]) == other_number)
    for sentence, line in _inserted(en, other, sources, config, embedder):
        out.background += 1
        if line.verdict is SentenceVerdict.CONTRADICTED:
            out.background_contradicted.append((folder.name, sentence, line.why or ""))


def whole_day(ntrex: Path, fold: str) -> dict[str, object]:
    """Every English article of a fold as one draft, against the ru and ar translations
    of every third document of the fold; contradicted sentences of articles that share
    no story (same or ambiguous) with any source are false."""
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    rest = {"A": 0, "B": 2}[fold]
    folders = [
        p for p in sorted((ntrex / "docs").iterdir())
        if p.is_dir() and int(p.name[:3]) % 4 == rest
    ]  # fmt: skip
    labels = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))
    chosen = folders[::3]
    numbers = {int(f.name[:3]) for f in chosen}
    related = set(numbers)
    for group in labels["same"] + labels["ambiguous"]:
        if numbers & set(group):
            related |= set(group)
    draft: list[str] = []
    origin: list[int] = []  # the document of each draft line
    for f in folders:
        lines = (f / "en.txt").read_text(encoding="utf-8").splitlines()
        draft += lines
        origin += [int(f.name[:3])] * len(lines)
    sources = {
        f"{f.name[:3]}-{lang}": (f / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        for f in chosen
        for lang in ("ru", "ar")
    }
    started = time.perf_counter()
    report = _check(draft, sources, config, embedder)
    seconds = time.perf_counter() - started
    unrelated = contradicted = 0
    flags: list[tuple[int, str, str]] = []
    for line in report.sentences:
        k = paragraph(line.text, draft)
        doc = origin[k] if k is not None else -1
        if doc in related or doc < 0:
            continue
        unrelated += 1
        if line.verdict is SentenceVerdict.CONTRADICTED:
            contradicted += 1
            flags.append((doc, line.text, line.why or ""))
    return {
        "fold": fold,
        "draft_sentences": report.summary.sentences,
        "source_documents": sorted(numbers),
        "unrelated_sentences": unrelated,
        "false_contradicted": contradicted,
        "false_per_1000": round(1000 * contradicted / max(1, unrelated), 3),
        "seconds": round(seconds, 1),
        "flags": flags,
    }


def summary(f: Figures) -> dict[str, object]:
    false = sum(1 for *_, cause in f.flags if cause == "false")
    return {
        "sentences": f.sentences,
        "coverage": f.covered / max(1, f.pairs),
        "pairs": f.pairs,
        "flags": len(f.flags),
        "false_flags": false,
        "false_per_1000": 1000 * false / max(1, f.sentences),
        "flags_per_1000": 1000 * len(f.flags) / max(1, f.sentences),
        "genuine_not_in_sources": f.absent / max(1, f.sentences),
        "planted": dict(f.planted),
        "recall": {k: f.caught[k] / max(1, f.planted[k]) for k in KINDS},
        "inserted": f.inserted,
        "inserted_not_in_sources": f.inserted_absent / max(1, f.inserted),
        "background": f.background,
        "background_contradicted": len(f.background_contradicted),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex")
    parser.add_argument("--docs", type=int, default=None, help="the first N documents only")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--show", action="store_true", help="print every flag and miss")
    parser.add_argument(
        "--whole-day", action="store_true", help="the whole-day drafts of folds A and B only"
    )
    args = parser.parse_args()
    if args.whole_day:
        days = [whole_day(args.ntrex, fold) for fold in ("A", "B")]
        print("| fold | draft sentences | source documents | sentences of unrelated articles "
              "| contradicted | per 1,000 | seconds |")  # fmt: skip
        print("|---|---:|---:|---:|---:|---:|---:|")
        for d in days:
            print(
                f"| {d['fold']} | {d['draft_sentences']} | {len(d['source_documents'])} "  # type: ignore[arg-type]
                f"| {d['unrelated_sentences']} | {d['false_contradicted']} "
                f"| {d['false_per_1000']:.2f} | {d['seconds']} |"
            )
        if args.show:
            for d in days:
                for doc, text, why in d["flags"]:  # type: ignore[attr-defined]
                    print(f"\nFALSE {d['fold']} {doc:03d}: {text}\n  {why}")
        if args.json:
            args.json.write_text(json.dumps(days, indent=1, ensure_ascii=False), encoding="utf-8")
        return
    start = time.perf_counter()
    figures = run(args.ntrex, args.docs)
    s = summary(figures)
    print(
        f"# checker verify on NTREX-128: English drafts against their ru and ar translations, "
        f"no NLI model ({time.perf_counter() - start:.0f} s)"
    )
    print(f"draft sentences: {s['sentences']}")
    print(f"coverage: {s['coverage']:.3f} of {s['pairs']} (draft sentence, source) pairs")
    print(
        f"contradicted sentences on unaltered drafts: {s['flags']} "
        f"({s['flags_per_1000']:.2f} per 1,000), of them false: {s['false_flags']} "
        f"({s['false_per_1000']:.2f} per 1,000); the rest translation errors read by hand"
    )
    print(f"genuine sentences reported not in the sources: {s['genuine_not_in_sources']:.3f}")
    print("| planted in the draft | planted | reported contradicted |")
    print("|---|---:|---:|")
    for kind in KINDS:
        recall = s["recall"][kind]  # type: ignore[index]
        print(f"| {kind} | {figures.planted[kind]} | {recall:.3f} ({figures.caught[kind]}) |")
    print(
        f"sentences of another article inserted: {s['inserted']}, reported not in the sources "
        f"{s['inserted_not_in_sources']:.3f}"
    )
    print(
        f"background from another outlet on the same event inserted: {s['background']}, "
        f"reported contradicted: {s['background_contradicted']} (printed with --show)"
    )
    if args.show:
        for doc, text, why, cause in figures.flags:
            print(f"\nFLAG {doc} [{cause}]\n  {text}\n  {why}")
        for doc, what, text in figures.missed:
            print(f"\nMISSED {doc} {what}\n  {text}")
        for doc, verdict, text in figures.inserted_wrong:
            print(f"\nINSERTED {doc} read as {verdict}\n  {text}")
        for doc, text, why in figures.background_contradicted:
            print(f"\nBACKGROUND {doc} contradicted\n  {text}\n  {why}")
    if args.json:
        args.json.write_text(json.dumps(s, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
