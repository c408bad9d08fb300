"""`checker verify` speed: a 30-sentence draft against 5 sources, cold, then re-run
after one draft sentence changed; and staged judging (windows only where no single
sentence decided) against judging every window, with the verdicts compared.

The draft is the first 30 sentences of NTREX's English articles 028 and 066 (the Palu
earthquake), the sources their Russian and Arabic translations and 060's Russian
(`../shared/data/ntrex`, not in this repository). Each run is a fresh `checker verify`
process timed from outside (GNU time: wall seconds, peak RSS), with its own empty cache
folder (cold), except the re-run, which shares the staged run's caches as an editor's
second run would.

The NLI model is the base-size stand-in (`bench/base_size_model.py`: random weights, the
exact mDeBERTa-v3-base architecture, a real 128k-piece vocabulary) with its fp32 ONNX
file, as `checker models export` leaves it. Random weights decide almost nothing, so
staging skips few windows there; the MirrorNli part (`--mirror`, in process, no model:
entailment for what embeds like a translation, as a real model reads a translation)
shows how many windows a model that decides skips, on every document of both folds, and
that no verdict changes.

    python bench/verify_speed.py               # both parts
    python bench/verify_speed.py --mirror      # the MirrorNli part only (~1 min)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

NTREX = ROOT.parent / "shared" / "data" / "ntrex"
TIME = shutil.which("time") or "/usr/bin/time"
FOLDS = {"A": 0, "B": 2}


def _doc(prefix: str) -> Path:
    return next(p for p in sorted((NTREX / "docs").iterdir()) if p.name.startswith(prefix))


def write_draft(path: Path, sentences: int = 30) -> list[Path]:
    """The draft file and the five sources."""
    from checker.pipeline import load_sources

    articles = load_sources([_doc("028") / "en.txt", _doc("066") / "en.txt"])
    texts = [s.text for a in articles for s in a.sentences][:sentences]
    path.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return [
        _doc("028") / "ru.txt",
        _doc("028") / "ar.txt",
        _doc("066") / "ru.txt",
        _doc("066") / "ar.txt",
        _doc("060") / "ru.txt",
    ]


def changed(draft: Path, out: Path) -> str:
    """The draft with one sentence's first figure changed (as an editor would)."""
    paragraphs = draft.read_text(encoding="utf-8").split("\n\n")
    k = next(i for i, p in enumerate(paragraphs) if i >= 10 and re.search(r"\d", p))
    paragraphs[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), paragraphs[k], count=1)
    out.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return paragraphs[k]


def run(draft: Path, sources: list[Path], model: Path, cache: Path, extra: list[str]) -> dict:
    out = cache / "out.json"
    command = [TIME, "-f", "%e %M", shutil.which("checker") or "checker", "verify", str(draft),
               *map(str, sources), "--nli-model", str(model), "--format", "json", "-o",
               str(out), "--no-fail", "-q", *extra]  # fmt: skip
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cache)}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if not out.is_file():
        raise SystemExit(done.stderr[-2000:])
    wall, kb = done.stderr.strip().splitlines()[-1].split()
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return {"wall": float(wall), "rss": int(kb) / 1024, "report": report}


def verdicts(report: dict[str, Any]) -> list[str]:
    return [s["verdict"] for s in report["sentences"]]


def timed_part(work: Path) -> dict[str, Any]:
    from base_size_model import build

    from checker.judge.export import export_onnx

    model = build(work / "base")
    export_onnx(model, model, int8=False)
    draft = work / "draft.txt"
    sources = write_draft(draft)
    rows = [
        ("torch fp32, every window (before)", ["--backend", "torch", "--all-windows"], None),
        ("auto (ONNX fp32), every window", ["--all-windows"], None),
        ("auto (ONNX fp32), staged: the default", [], "staged"),
    ]
    results: dict[str, Any] = {}
    caches: dict[str, Path] = {}
    for name, extra, keep in rows:
        cache = work / f"cache-{len(results)}"
        results[name] = run(draft, sources, model, cache, extra)
        if keep:
            caches[keep] = cache
    edited = work / "draft-edited.txt"
    sentence = changed(draft, edited)
    results["re-run after one sentence changed"] = run(edited, sources, model, caches["staged"], [])
    figures_costly = costly_part(draft, sources, model)
    base = verdicts(results["torch fp32, every window (before)"]["report"])
    first = results["torch fp32, every window (before)"]
    names = ", ".join(p.parent.name[:3] + "/" + p.name for p in sources)
    print(f"draft: {len(base)} sentences; sources: {names}")
    print(f"changed sentence: {sentence[:100]}")
    print("| run | wall s | peak RSS MB | NLI calls | reused | windows skipped | × before "
          "| same verdicts as before |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    figures: dict[str, Any] = {}
    for name, r in results.items():
        summary = r["report"]["summary"]
        same = verdicts(r["report"]) == base
        if name.startswith("re-run"):
            same_text = "(edited draft)"
        else:
            same_text = "yes" if same else "NO"
        print(f"| {name} | {r['wall']:.1f} | {r['rss']:.0f} | {summary['nli_calls']} | "
              f"{summary['nli_reused']} | {summary['windows_skipped']} | "
              f"{first['wall'] / r['wall']:.2f} | {same_text} |")  # fmt: skip
        figures[name] = {"wall": r["wall"], "rss_mb": round(r["rss"]), "same": same,
                         **{k: summary[k] for k in ("nli_calls", "nli_reused",
                                                    "windows_skipped")}}  # fmt: skip
    figures["decisive"] = figures_costly
    return figures


def costly_part(draft: Path, sources: list[Path], model: Path) -> dict[str, Any]:
    """MirrorNli's verdicts at the base-size model's cost: every pair verify asks is also
    run through the stand-in on ONNX fp32 (its output dropped), so the time is what a
    model that decides as a real one reads translations would take. In this process,
    one fresh model per run, no NLI cache."""
    import time

    import numpy as np
    from fakes import MirrorNli

    from checker.draft import VerifyOptions, verify
    from checker.judge.onnx import OnnxNli

    class Decisive:
        def __init__(self) -> None:
            self.mirror, self.cost = MirrorNli(), OnnxNli(str(model))
            self.cost.load()

        def predict(self, pairs: Any, progress: Any = None) -> np.ndarray:
            self.cost.predict(pairs)
            return self.mirror.predict(pairs, progress)

        def info(self) -> Any:
            return self.cost.info()

    out: dict[str, Any] = {}
    reports = {}
    for name, staged in (("every window", False), ("staged", True)):
        nli = Decisive()
        start = time.perf_counter()
        report = verify(draft, sources, options=VerifyOptions(staged=staged), nli=nli)
        wall = time.perf_counter() - start
        reports[name] = report
        out[name] = {"wall": round(wall, 1), "nli_calls": report.summary.nli_calls}
    same = [s.verdict for s in reports["every window"].sentences] == [
        s.verdict for s in reports["staged"].sentences
    ]
    print("\nMirrorNli's verdicts at the stand-in's ONNX cost (in process, model loaded):\n")
    print("| run | NLI calls | s | same verdicts |\n|---|---:|---:|---|")
    for name, r in out.items():
        print(f"| {name} | {r['nli_calls']} | {r['wall']:.1f} | {'yes' if same else 'NO'} |")
    out["same_verdicts"] = same
    return out


def mirror_part() -> dict[str, Any]:
    """Every document of both folds: the English article as the draft, its Russian and
    Arabic translations as sources, MirrorNli as the model; staged against every
    window."""
    from fakes import MirrorNli

    from checker.config import Config
    from checker.draft import VerifyOptions, verify
    from checker.pair.embed import embedder_for

    embedder = embedder_for(Config())
    nli = MirrorNli()
    out: dict[str, Any] = {}
    for fold, rest in FOLDS.items():
        docs = [d for d in sorted((NTREX / "docs").iterdir()) if int(d.name[:3]) % 4 == rest]
        sentences = changed_verdicts = changed_why = 0
        calls = {"every": 0, "staged": 0}
        moves: Counter[str] = Counter()
        for doc in docs:
            sources = [doc / "ru.txt", doc / "ar.txt"]
            every = verify(doc / "en.txt", sources, options=VerifyOptions(staged=False),
                           nli=nli, embedder=embedder)  # fmt: skip
            staged = verify(doc / "en.txt", sources, nli=nli, embedder=embedder)
            sentences += len(staged.sentences)
            for a, b in zip(every.sentences, staged.sentences, strict=True):
                changed_verdicts += a.verdict != b.verdict
                if a.verdict != b.verdict:
                    moves[f"{a.verdict.value} → {b.verdict.value}"] += 1
                changed_why += a.why.split("; yet")[0] != b.why.split("; yet")[0]
            calls["every"] += every.summary.nli_calls or 0
            calls["staged"] += staged.summary.nli_calls or 0
        out[fold] = {"documents": len(docs), "sentences": sentences, **calls,
                     "verdicts_changed": changed_verdicts, "why_changed": changed_why,
                     "moves": dict(moves)}  # fmt: skip
    print("\nMirrorNli over NTREX (English draft against its ru + ar translations):\n")
    print("| fold | documents | sentences | NLI calls, every window | staged | × fewer "
          "| verdicts changed |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---|")
    for fold, r in out.items():
        moves = ", ".join(f"{n} {move}" for move, n in r["moves"].items())
        print(f"| {fold} | {r['documents']} | {r['sentences']} | {r['every']} | {r['staged']} | "
              f"{r['every'] / max(1, r['staged']):.2f} | {r['verdicts_changed']} "
              f"{f'({moves})' if moves else ''} |")  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", action="store_true", help="the MirrorNli part only")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    if not args.mirror:
        work = Path(tempfile.mkdtemp(prefix="checker-verify-speed-"))
        try:
            figures["timed"] = timed_part(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    figures["mirror"] = mirror_part()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
