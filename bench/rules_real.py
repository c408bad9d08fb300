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
    python bench/rules_real.py --xnli ../shared/data/xnli-dev  # the development set below

With --xnli, the XNLI development sentences (professional translations of ten genres:
letters, fiction, government prose, telephone talk) are built into documents of 15
sentences (the premises, or one hypothesis of each premise) in a temporary folder and
planted the same way, as fold X: a development set for the readers, with kinds of
figures news rarely writes. Nothing of it is copied into the project.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import tomllib  # noqa: E402
from plant import (  # noqa: E402
    Plant,
    plant_digits,
    plant_figures,
    plant_people,
    plant_people_local,
    plant_words,
    shown,
)

from checker import compare, text_source  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.pair.embed import embedder_for  # noqa: E402
from checker.pipeline import load_sources  # noqa: E402
from checker.schema import PairFinding, Report, Source, Verdict  # noqa: E402

LANGUAGES = ("ru", "ar")
# Every language pair among a document's files: the reference first (the side whose
# paragraphs a plant must state), the translation the digit plants change second.
PAIRS = (("en", "ru"), ("en", "ar"), ("ru", "ar"))
KINDS = ("digits", "figures", "words", "people", "people_local")
# Folds by document number: A (0 mod 4) is where thresholds, word lists and rules are
# chosen; B (2 mod 4) only reports. The NTREX half here holds even numbers only.
FOLDS = {"A": 0, "B": 2, "X": 1}  # X: XNLI sentences built into documents (--xnli)


def fold_of(folder: Path) -> str:
    return next(name for name, rest in FOLDS.items() if int(folder.name[:3]) % 4 == rest)


@dataclass
class Tally:
    sentences: int = 0
    flags: list[tuple[str, PairFinding, str]] = field(default_factory=list)  # (doc, finding, cause)
    notes: int = 0
    planted: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    noted: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, Plant, str]] = field(default_factory=list)  # (doc, plant, plant kind)
    by_figure: Counter[str] = field(default_factory=Counter)  # planted per figure kind
    caught_figure: Counter[str] = field(default_factory=Counter)


def xnli_documents(xnli: Path, out: Path) -> Path:
    """XNLI's dev sentences as NTREX-like documents under `out`/docs, numbered 1 mod 4
    (fold X): 15 sentences each, the premises or one hypothesis of each premise, so that
    no document holds two sentences about one premise. Returns `out`."""
    import csv

    rows = {
        language: list(csv.reader((xnli / f"dev-{language}.tsv").open(encoding="utf-8"),
                                  delimiter="\t", quoting=csv.QUOTE_NONE))
        for language in ("en", *LANGUAGES)
    }  # fmt: skip
    premises = range(0, len(rows["en"]), 3)
    n = 0
    for part in ("premise", 0, 1, 2):
        for first in range(0, len(premises), 15):
            folder = out / "docs" / f"{4 * n + 1:03d}-xnli-{part}"
            folder.mkdir(parents=True)
            n += 1
            for language, table in rows.items():
                lines = [
                    table[p][0] if part == "premise" else table[p + int(part)][1]
                    for p in premises[first : first + 15]
                ]
                (folder / f"{language}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


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


@functools.lru_cache(maxsize=256)
def _source(text: str, name: str) -> Source:
    """An article read and segmented once: each is compared in several pairs and with
    each kind of plant on the other side."""
    (source,) = load_sources([text_source(text, name=name)])
    return source


def _run(
    ref: list[str], other: list[str], pair: tuple[str, str], config: Config, embedder: object
) -> Report:
    return compare(
        sources=[_source("\n".join(ref), f"{pair[0]}.txt"),
                 _source("\n".join(other), f"{pair[1]}.txt")],
        config=config,
        embedder=embedder,  # type: ignore[arg-type]
    )  # fmt: skip


def _lines(
    f: PairFinding, ref: list[str], other: list[str], pair: tuple[str, str]
) -> tuple[int | None, int | None]:
    """(reference paragraph, translation paragraph) of a finding's two sentences."""
    sides = {f.a.source: f.a.text, f.b.source: f.b.text}
    return line_of(sides.get(f"{pair[0]}.txt", ""), ref), line_of(
        sides.get(f"{pair[1]}.txt", ""), other
    )


def _cause(doc: str, pair: tuple[str, str], f: PairFinding, aligned: bool) -> str:
    for known in read_by_hand():
        if known["doc"] == doc and known.get("pair", f"en-{known['language']}") == "-".join(pair):
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


def _plants(
    kind: str, paragraphs: dict[str, list[str]], pair: tuple[str, str]
) -> tuple[list[str], list[str], list[Plant]]:
    """(reference, translation, plants) for one kind of plant on one language pair."""
    ref_language, language = pair
    ref, other, en = paragraphs[ref_language], paragraphs[language], paragraphs["en"]
    if kind == "digits":
        changed, plants = plant_digits(ref, other, language)
    elif kind == "figures":
        changed, plants = plant_figures(ref, other, language)
    elif kind == "people_local":
        changed, plants = plant_people_local(en, ref, ref_language, other, language)
    elif ref_language != "en":
        return ref, other, []  # English word and people plants: the English side only
    else:
        changed, plants = (plant_words if kind == "words" else plant_people)(en, other, language)
        return changed, other, plants
    return ref, changed, plants


def run(ntrex: Path, docs: int | None, folds: tuple[str, ...]) -> dict[tuple[str, str], Tally]:
    # the vector cache: an article is embedded once for its pairs and every planted
    # variant, not once per comparison
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    folders = sorted(p for p in (ntrex / "docs").iterdir() if p.is_dir())
    folders = [f for f in folders if fold_of(f) in folds][:docs]
    tallies: dict[tuple[str, str], Tally] = {}
    for folder in folders:
        paragraphs = {
            language: (folder / f"{language}.txt").read_text(encoding="utf-8").splitlines()
            for language in ("en", *LANGUAGES)
        }
        for pair in PAIRS:
            tally = tallies.setdefault((fold_of(folder), "-".join(pair)), Tally())
            ref, other = paragraphs[pair[0]], paragraphs[pair[1]]
            report = _run(ref, other, pair, config, embedder)
            tally.sentences += report.summary.sentences
            tally.notes += report.summary.notes
            for f in report.contradictions:
                line_ref, line_other = _lines(f, ref, other, pair)
                aligned = line_ref is not None and line_ref == line_other
                tally.flags.append((folder.name, f, _cause(folder.name, pair, f, aligned)))
            for kind in KINDS:
                planted_ref, planted_other, plants = _plants(kind, paragraphs, pair)
                if not plants:
                    continue
                report = _run(planted_ref, planted_other, pair, config, embedder)
                for p in plants:
                    tally.planted[kind] += 1
                    if kind == "figures":
                        tally.by_figure[p.kind] += 1
                    found = [
                        f
                        for f in report.findings
                        if _lines(f, planted_ref, planted_other, pair) == (p.paragraph, p.paragraph)
                        and shown(p, f.a.text + f.b.text)
                    ]
                    if any(f.verdict is Verdict.CONTRADICTION for f in found):
                        tally.caught[kind] += 1
                        if kind == "figures":
                            tally.caught_figure[p.kind] += 1
                    else:
                        tally.missed.append((folder.name, p, kind))
                        if any(f.notes for f in found):
                            tally.noted[kind] += 1
    return tallies


def unrelated_bundles(ntrex: Path, folds: tuple[str, ...]) -> dict[str, object]:
    """compare on bundles of 5 articles of 5 different stories (no two in a `same` or
    `ambiguous` group of stories.json), each in its own language in turn (en, ru, ar):
    every contradiction is false, as a folder that mixes in unrelated articles gets."""
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    labels = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))
    near: dict[int, set[int]] = {}
    for group in labels["same"] + labels["ambiguous"]:
        for n in group:
            near.setdefault(n, set()).update(group)
    out: dict[str, object] = {}
    languages = ("en", "ru", "ar")
    for fold in folds:
        folders = [
            f for f in sorted((ntrex / "docs").iterdir()) if f.is_dir() and fold_of(f) == fold
        ]
        pool, bundles = list(folders), []
        while len(pool) >= 5:
            bundle: list[Path] = []
            for f in list(pool):
                n = int(f.name[:3])
                if all(n not in near.get(int(g.name[:3]), set()) for g in bundle):
                    bundle.append(f)
                    pool.remove(f)
                if len(bundle) == 5:
                    break
            if len(bundle) < 5:
                break
            bundles.append(bundle)
        flags: list[tuple[str, PairFinding]] = []
        sentences = 0
        for k, bundle in enumerate(bundles):
            sources = [
                text_source(
                    (f / f"{languages[(k + m) % 3]}.txt").read_text(encoding="utf-8"),
                    name=f"{f.name[:3]}-{languages[(k + m) % 3]}.txt",
                )
                for m, f in enumerate(bundle)
            ]
            report = compare(sources, config, embedder=embedder)
            sentences += report.summary.sentences
            flags += [("+".join(f.name[:3] for f in bundle), f) for f in report.contradictions]
        out[fold] = {"bundles": len(bundles), "sentences": sentences, "contradictions": len(flags),
                     "flags": [(b, f.reason, f.a.text, f.b.text) for b, f in flags]}  # fmt: skip
    return out


def same_events(ntrex: Path) -> tuple[list[tuple[str, PairFinding]], int, int, dict[str, int]]:
    """Rule flags and notes between different outlets reporting one event."""
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    groups = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))["same"]
    flags: list[tuple[str, PairFinding]] = []
    per_group: dict[str, int] = {}
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
            group_key = "/".join(map(str, group))
            per_group[group_key] = per_group.get(group_key, 0) + len(report.contradictions)
            notes += report.summary.notes
            sentences += report.summary.sentences
    return flags, notes, sentences, per_group


def summary(tallies: dict[tuple[str, str], Tally]) -> dict[str, object]:
    """The figures per fold and language pair (JSON: folds → pair → row)."""
    out: dict[str, dict[str, object]] = {}
    for (fold, pair), t in sorted(tallies.items()):
        out.setdefault(fold, {})[pair] = {
            "sentences": t.sentences,
            "flags": len(t.flags),
            "flags_numbers": sum(f.decided_by == "numbers" for _, f, _ in t.flags),
            "flags_people": sum(f.decided_by == "people" for _, f, _ in t.flags),
            "read_by_hand": sum(c.startswith("translation error") for *_, c in t.flags),
            "per_1000": round(1000 * len(t.flags) / max(t.sentences, 1), 3),
            "false_per_1000": round(
                1000
                * sum(not c.startswith("translation error") for *_, c in t.flags)
                / max(t.sentences, 1),
                3,
            ),
            "notes_per_1000": round(1000 * t.notes / max(t.sentences, 1), 2),
            "recall": {
                kind: round(t.caught[kind] / t.planted[kind], 4) if t.planted[kind] else None
                for kind in KINDS
            },
            "planted": dict(t.planted),
            "caught": dict(t.caught),
            "noted": dict(t.noted),
            "figures_by_kind": {k: [t.caught_figure[k], n] for k, n in sorted(t.by_figure.items())},
        }
    return {"folds": out}


def _table(figures: dict[str, object]) -> None:
    folds = figures["folds"]
    assert isinstance(folds, dict)
    print("| fold | pair | sentences | rule flags | of them translation errors read by hand "
          "| false flags per 1,000 | notes per 1,000 |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|")
    for fold, pairs in folds.items():
        for pair, row in pairs.items():
            cells = [row["sentences"], row["flags"], row["read_by_hand"]]
            cells += [f"{row['false_per_1000']:.2f}", f"{row['notes_per_1000']:.1f}"]
            print(f"| {fold} | {pair} | " + " | ".join(map(str, cells)) + " |")
    print("\nPlanted conflicts caught as a contradiction (share, caught/planted):\n")
    print("| fold | pair | " + " | ".join(KINDS) + " |\n|---|---|" + "---:|" * len(KINDS))
    for fold, pairs in folds.items():
        for pair, row in pairs.items():
            cells = [
                f"{row['caught'].get(k, 0) / row['planted'][k]:.3f} "
                f"({row['caught'].get(k, 0)}/{row['planted'][k]})"
                if row["planted"].get(k) else "-"
                for k in KINDS
            ]  # fmt: skip
            print(f"| {fold} | {pair} | " + " | ".join(cells) + " |")
    print("\nThe 'figures' plants by kind of figure (caught/planted):\n")
    for fold, pairs in folds.items():
        for pair, row in pairs.items():
            kinds = ", ".join(f"{k} {c}/{n}" for k, (c, n) in row["figures_by_kind"].items())
            print(f"- {fold} {pair}: {kinds}")


def _show(tallies: dict[tuple[str, str], Tally]) -> None:
    for (fold, pair), t in sorted(tallies.items()):
        for doc, f, cause in t.flags:
            print(f"\nFLAG {fold} {pair} {doc} [{cause}] {f.reason}")
            print(f"  A: {f.a.text}\n  B: {f.b.text}")
        for doc, p, kind in t.missed:
            print(f"MISS {fold} {pair} {doc} line {p.paragraph} {kind}/{p.kind}: "
                  f"{p.before} → {p.after}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex")
    parser.add_argument("--docs", type=int, default=None, help="only the first N documents")
    parser.add_argument(
        "--fold",
        choices=["A", "B", "both"],
        default="both",
        help="A: documents 0 mod 4 (choose here), B: 2 mod 4 (report only)",
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--show", action="store_true", help="print every flag and every miss")
    parser.add_argument("--xnli", type=Path, help="the XNLI dev folder: plants on fold X only")
    args = parser.parse_args()
    if args.xnli:
        with tempfile.TemporaryDirectory() as tmp:
            tallies = run(xnli_documents(args.xnli, Path(tmp)), args.docs, ("X",))
        print(f"XNLI dev at {args.xnli} as documents of 15 sentences, --nli-model none\n")
        _table(summary(tallies))
        if args.show:
            _show(tallies)
        return
    if not (args.ntrex / "docs").is_dir():
        sys.exit(f"no NTREX data at {args.ntrex} (see ../shared/data/README.md)")
    started = time.perf_counter()
    folds = ("A", "B") if args.fold == "both" else (args.fold,)
    tallies = run(args.ntrex, args.docs, folds)
    figures = summary(tallies)
    print(f"NTREX at {args.ntrex}: every pair of a document's files, --nli-model none "
          f"({time.perf_counter() - started:.0f} s)\n")  # fmt: skip
    _table(figures)
    causes = Counter((key, cause) for key, t in tallies.items() for *_, cause in t.flags)
    print("\n| fold | pair | cause | flags |\n|---|---|---|---:|")
    for ((fold, pair), cause), n in sorted(causes.items()):
        print(f"| {fold} | {pair} | {cause} | {n} |")
    bundles = unrelated_bundles(args.ntrex, folds)
    figures["unrelated_bundles"] = bundles
    print("\nBundles of 5 articles from 5 different stories, mixed languages (all false):\n")
    print("| fold | bundles | sentences | contradictions |\n|---|---:|---:|---:|")
    for fold, row in bundles.items():
        assert isinstance(row, dict)
        print(f"| {fold} | {row['bundles']} | {row['sentences']} | {row['contradictions']} |")
    flags, notes, sentences, per_group = same_events(args.ntrex)
    figures["same_events"] = {
        "flags": len(flags), "notes": notes, "sentences": sentences, "per_group": per_group,
    }  # fmt: skip
    print(
        f"\nIndependent outlets on one event (stories.json 'same' groups, {sentences} sentences):"
        f" {len(flags)} rule flags, {notes} notes"
    )
    if args.show:
        for label, f in flags:
            print(f"\nSAME-EVENT FLAG {label} {f.reason}\n  A: {f.a.text}\n  B: {f.b.text}")
        for fold, row in bundles.items():
            for bundle, reason, a, b in row["flags"]:  # type: ignore[index]
                print(f"\nBUNDLE FLAG {fold} {bundle} {reason}\n  A: {a}\n  B: {b}")
        _show(tallies)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
