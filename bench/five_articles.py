"""A whole `checker compare` on five real-length articles, cold, per precision/backend.

Each run is a fresh `checker compare` process (imports, model load, embedding, pairing,
NLI, report), timed from outside, with its peak RSS. The NLI model is the base-size
stand-in (`bench/base_size_model.py`: mDeBERTa-v3-base architecture, random weights, a
real 128k multilingual sentencepiece vocabulary) unless --model names a real one.
Verdicts of each run are compared pair by pair with the fp32 run's, and the fastest run
whose verdicts agree with fp32 on at least 97% of pairs is named with its speed-up.

    python bench/five_articles.py                       # ../shared/seeds, or samples/eval/flood
    python bench/five_articles.py --articles DIR --model PATH
    python bench/five_articles.py --int8                # also ONNX int8 (exports it first)

The model folder holds the fp32 ONNX file beside the weights, as `checker models
download` leaves it, so `auto` (the default backend) runs ONNX fp32. The last two rows
run `auto` with the NLI cache (judge/cache.py) in a fresh folder: the first fills it,
the second re-runs the same articles from it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


TIME = shutil.which("time") or "/usr/bin/time"


def run(
    model: Path, articles: list[Path], extra: list[str], out: Path, cache: Path | None = None
) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one cold compare, its JSON written to `out`. The
    peak comes from GNU time (%M) for this process alone. Without `cache` nothing is
    read from or kept in the NLI cache; with it, that folder is checker's cache."""
    checker = shutil.which("checker") or "checker"
    command = [
        TIME, "-f", "%M", checker, "compare", *map(str, articles), "--nli-model", str(model),
        "--format", "json", "--no-fail", "-q", "--no-embed-cache", *extra,
    ]  # fmt: skip
    env = dict(os.environ)
    if cache is None:
        command.append("--no-nli-cache")
    else:
        env["CHECKER_CACHE_DIR"] = str(cache)
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        done = subprocess.run(command, stdout=handle, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"compare failed: {done.stderr[-2000:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024


def verdicts(path: Path) -> dict[tuple[str, int, str, int], str]:
    report = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for f in report["findings"]:
        a, b = (f["a"]["source"], f["a"]["index"]), (f["b"]["source"], f["b"]["index"])
        out[(*min(a, b), *max(a, b))] = f["verdict"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, help="a folder of five articles")
    parser.add_argument("--model", type=Path, help="a local NLI model (default: the stand-in)")
    parser.add_argument("--int8", action="store_true", help="also run ONNX int8 (exported here)")
    args = parser.parse_args()
    seeds = ROOT.parent / "shared" / "seeds"
    folder = args.articles or (seeds if seeds.is_dir() else ROOT / "samples" / "eval" / "flood")
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".md"))
    work = Path(tempfile.mkdtemp(prefix="checker-five-"))
    if args.model:
        model = args.model
    else:
        from base_size_model import build

        model = build(work / "base")
    from checker.judge.export import export_onnx
    from checker.judge.nli import bf16_capable

    # the model as `checker models download` leaves it: weights and the fp32 ONNX file
    onnx = work / "onnx"
    shutil.copytree(model, onnx)
    export_onnx(onnx, onnx, int8=args.int8)
    runs = [("torch fp32", onnx, ["--backend", "torch", "--precision", "fp32"])]
    if bf16_capable("cpu")[0]:
        runs.append(("torch bf16", onnx, ["--backend", "torch", "--precision", "bf16"]))
    runs.append(("auto (the default)", onnx, []))
    if args.int8:
        runs.append(("onnx-int8", onnx, ["--backend", "onnx-int8"]))
    results = {}
    for name, target, extra in runs:
        out = work / f"{name.replace(' ', '-')}.json"
        results[name] = (*run(target, articles, extra, out), out)
    # the NLI cache: one run fills it, the next (a re-run of the same articles) reads it
    cache = work / "cache"
    for name in ("auto, filling the NLI cache", "auto, re-run from the NLI cache"):
        out = work / f"{name.replace(' ', '-').replace(',', '')}.json"
        results[name] = (*run(onnx, articles, [], out, cache), out)
    summary = json.loads(results["torch fp32"][2].read_text(encoding="utf-8"))["summary"]
    print(
        f"{len(articles)} articles from {folder}: {summary['sentences']} sentences, "
        f"{summary['pairs_checked']} pairs, {summary['nli_calls']} NLI calls; model {model}"
    )
    print("| run | cold wall s | peak RSS MB | × torch fp32 | same verdict as fp32 |")
    print("|---|---|---|---|---|")
    reference = verdicts(results["torch fp32"][2])
    best = None
    for name, (wall, rss, out) in results.items():
        mine = verdicts(out)
        same = sum(mine.get(k) == v for k, v in reference.items()) / max(1, len(reference))
        speedup = results["torch fp32"][0] / wall
        print(f"| {name} | {wall:.1f} | {rss:.0f} | {speedup:.2f} | {same:.1%} |")
        if same >= 0.97 and (best is None or wall < best[1]):
            best = (name, wall, speedup)
    if best is not None:
        print(f"fastest run agreeing with fp32 on >= 97% of pairs: {best[0]}, {best[2]:.2f}x fp32")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
