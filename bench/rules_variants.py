"""More plants on one fold than bench/rules_real.py makes, for finding misses to learn
from without reading the report-only fold.

bench/rules_real.py plants one figure per paragraph and one swap per person: on fold A
that is about 15 people swaps per language pair, too few to show a rule's blind spots.
Here each paragraph's *other* figures are planted too (plant_figures at offsets 1..3:
the next figure in turn), and every person is swapped for other people of the swap list
(shifted swaps: "John McCain" for "Juan Carlos Varela" shares a first name,
"جون كاليباري" starts like a preposition). Plants the plain bench already makes are
not counted again. No NLI model.

    python bench/rules_variants.py --fold A          # the figures
    python bench/rules_variants.py --fold A --show   # and every miss
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import rules_real as rr  # noqa: E402
from plant import (  # noqa: E402
    Plant,
    _people,
    plant_figures,
    plant_people,
    plant_people_local,
    plant_words,
    shown,
)

from checker.config import Config  # noqa: E402
from checker.pair.embed import embedder_for  # noqa: E402
from checker.schema import Verdict  # noqa: E402

OFFSETS = (1, 2, 3)
KINDS = ("figures", "words", "people", "people_local")
SHIFTS = (3, 11, 17)


def _variants(
    kind: str,
    paragraphs: dict[str, list[str]],
    pair: tuple[str, str],
    shifts: tuple[int, ...] = SHIFTS,
) -> list[tuple[list[str], list[str], list[Plant]]]:
    """(reference, changed translation or English, plants) for each variant of a kind."""
    ref_language, language = pair
    ref, other, en = paragraphs[ref_language], paragraphs[language], paragraphs["en"]
    out = []
    if kind == "figures":
        seen = set(plant_figures(ref, other, language)[1])
        for offset in OFFSETS:
            changed, plants = plant_figures(ref, other, language, offset)
            out.append((ref, changed, [p for p in plants if p not in seen]))
            seen |= set(plants)
    elif kind == "words" and ref_language == "en":  # the English's other number words
        for skip in (1, 2):
            changed, plants = plant_words(en, other, language, skip)
            out.append((changed, other, plants))
    elif kind == "people_local":
        for shift in shifts:
            changed, plants = plant_people_local(en, ref, ref_language, other, language, shift)
            out.append((ref, changed, plants))
    elif ref_language == "en":  # English people plants: the English side
        for shift in shifts:
            changed, plants = plant_people(en, other, language, shift)
            out.append((changed, other, plants))
    return out


Tallies = Counter[tuple[str, str]]  # (pair, kind) → plants


def run(
    ntrex: Path, fold: str, shifts: tuple[int, ...] = SHIFTS
) -> tuple[Tallies, Tallies, list[str]]:
    config = Config(nli_model="none")
    embedder = embedder_for(config)
    planted: Counter[tuple[str, str]] = Counter()
    caught: Counter[tuple[str, str]] = Counter()
    misses = []
    for folder in sorted(p for p in (ntrex / "docs").iterdir() if p.is_dir()):
        if rr.fold_of(folder) != fold:
            continue
        paragraphs = {
            language: (folder / f"{language}.txt").read_text(encoding="utf-8").splitlines()
            for language in ("en", *rr.LANGUAGES)
        }
        for pair in rr.PAIRS:
            for kind in KINDS:
                for ref, changed, plants in _variants(kind, paragraphs, pair, shifts):
                    if not plants:
                        continue
                    report = rr._run(ref, changed, pair, config, embedder)
                    key = ("-".join(pair), kind)
                    for p in plants:
                        planted[key] += 1
                        found = [
                            f
                            for f in report.findings
                            if rr._lines(f, ref, changed, pair) == (p.paragraph, p.paragraph)
                            and shown(p, f.a.text + f.b.text)
                        ]
                        if any(f.verdict is Verdict.CONTRADICTION for f in found):
                            caught[key] += 1
                        else:
                            misses.append(
                                f"MISS {fold} {key[0]} {folder.name} line {p.paragraph} "
                                f"{kind}/{p.kind}: {p.before} → {p.after} | "
                                f"{(changed if kind == 'people_local' else ref)[p.paragraph][:160]}"
                            )
    return planted, caught, misses


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex")
    parser.add_argument("--fold", choices=["A", "B"], default="A")
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument(
        "--every-swap",
        action="store_true",
        help="swap each person for every other person of the list, not three",
    )
    args = parser.parse_args()
    if not (args.ntrex / "docs").is_dir():
        sys.exit(f"no NTREX data at {args.ntrex} (see ../shared/data/README.md)")
    started = time.perf_counter()
    shifts = tuple(range(1, len(_people()))) if args.every_swap else SHIFTS
    planted, caught, misses = run(args.ntrex, args.fold, shifts)
    print(f"More plants on fold {args.fold}, --nli-model none "
          f"({time.perf_counter() - started:.0f} s)\n")  # fmt: skip
    print("| pair | other figures | other number words | other swaps (people) "
          "| other swaps (people_local) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    for pair in ("-".join(p) for p in rr.PAIRS):
        cells = []
        for kind in KINDS:
            n, hit = planted[(pair, kind)], caught[(pair, kind)]
            cells.append(f"{hit / n:.3f} ({hit}/{n})" if n else "-")
        print(f"| {pair} | " + " | ".join(cells) + " |")
    if args.show:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
