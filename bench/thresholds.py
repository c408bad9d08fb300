"""How sensitive are reprint groups and people flags to their two thresholds?

The reprint share (default 0.6) and the people-check similarity gate (default 0.6) were
set on the samples. This bench moves each by ±0.1 (the other at its default) and shows
what changes, on every corpus under samples/ (the two sample stories, samples/reprints
and the eval stories) and, when present, the scraped seed articles in ../shared/seeds.

No real NLI model can run here, so grouping uses the tests' stand-in (`MirrorNli`:
rule-based, plus entailment both ways for sentences that embed at >= 0.6, which is what
a real model says of a translation). Groups therefore show what the *thresholds* do
given translations read as entailment; with a real model, run the same command with
`--model PATH`.

    python bench/thresholds.py            # the table
    python bench/thresholds.py --smoke    # two corpora (the tests)
    python bench/thresholds.py --model PATH
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from checker import Config, compare  # noqa: E402
from checker.evaluation import read_manifest  # noqa: E402
from checker.pair.embed import Embedder, embedder_for  # noqa: E402

DEFAULT_SHARE, DEFAULT_PEOPLE = 0.6, 0.6
SETTINGS = [
    ("share 0.5", 0.5, DEFAULT_PEOPLE),
    ("default (0.6, 0.6)", DEFAULT_SHARE, DEFAULT_PEOPLE),
    ("share 0.7", 0.7, DEFAULT_PEOPLE),
    ("people 0.5", DEFAULT_SHARE, 0.5),
    ("people 0.7", DEFAULT_SHARE, 0.7),
]


def corpora(smoke: bool) -> list[tuple[str, list[Path], list[tuple[str, str]]]]:
    """(name, inputs, expected contradictions) for each corpus."""
    out = [
        ("story", [ROOT / "samples" / "story"], _expected(ROOT / "samples" / "story.eval.toml")),
        ("reprints", [ROOT / "samples" / "reprints"], []),
    ]
    if smoke:
        return out
    for manifest in sorted((ROOT / "samples" / "eval").glob("*.eval.toml")):
        _, paths = read_manifest(manifest)
        out.append((manifest.name.removesuffix(".eval.toml"), paths, _expected(manifest)))
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        out.append(("seeds", sorted(seeds.glob("*.txt")), []))
    return out


def _expected(manifest: Path) -> list[tuple[str, str]]:
    parsed, _ = read_manifest(manifest)
    return [(p.a, p.b) for p in parsed.contradiction]


def _short(name: str) -> str:
    return name.split("_")[0] if name[:3].isdigit() else name.removesuffix(".txt")


@functools.cache
def _embedder() -> Embedder:
    return embedder_for(Config())


def measure(inputs: list[Path], expected: list[tuple[str, str]], share: float, people: float,
            model: str | None) -> tuple[str, int, int]:  # fmt: skip
    """(groups, people flags, people flags on an expected contradiction)."""
    from fakes import MirrorNli

    config = Config(reprint_share=share, people_similarity=people)
    embedder = _embedder()  # one for every setting: the settings do not change vectors
    if model:
        report = compare(inputs, config.model_copy(update={"nli_model": model}), embedder=embedder)
    else:
        report = compare(inputs, config, nli=MirrorNli(), embedder=embedder)
    groups = "; ".join("+".join(_short(s) for s in g.sources) for g in report.groups) or "-"
    flags = [f for f in report.findings if f.reason and "different people" in f.reason]

    def hit(f: object) -> bool:
        texts = [f.a.text, f.b.text, *(c.text for c in f.a.copies + f.b.copies)]  # type: ignore[attr-defined]
        return any(any(a in t for t in texts) and any(b in t for t in texts) for a, b in expected)

    return groups, len(flags), sum(hit(f) for f in flags)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="two corpora only")
    parser.add_argument("--model", help="a local NLI model instead of the stand-in")
    args = parser.parse_args()
    started = time.perf_counter()
    print("| corpus | setting | groups | people flags (on an expected contradiction) |")
    print("|---|---|---|---|")
    for name, inputs, expected in corpora(args.smoke):
        for label, share, people in SETTINGS:
            groups, flags, hits = measure(inputs, expected, share, people, args.model)
            print(f"| {name} | {label} | {groups} | {flags} ({hits}) |")
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
