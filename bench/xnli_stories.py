"""Story pairs built from the XNLI development set, for measuring candidate recall on
contradictions written by people (used by bench/pairing_recall.py --xnli).

XNLI gives premises with three hypotheses each (entailment, neutral, contradiction),
professionally translated, row-parallel across languages. A "story" here is k consecutive
premises in one language (article A) and their 3k hypotheses in another (article B),
shuffled with a fixed seed: a contradiction is reached when the pairing stage pairs a
premise with its own contradicting hypothesis. The data is read from its folder by path
and never copied into the project (its licence differs).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("entailment", "neutral", "contradiction")


@dataclass
class XnliStory:
    """Sentences A (premises) then B (hypotheses); `gold[label]` the (premise, hypothesis)
    flat-index pairs with that label."""

    name: str
    texts: list[str]
    sources: list[str]
    languages: list[str]
    gold: dict[str, list[tuple[int, int]]]
    vectors: np.ndarray | None = None


def read_xnli(folder: Path, language: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(premise, [(hypothesis, label), ...]) in file order, three hypotheses each."""
    rows = list(csv.reader((folder / f"dev-{language}.tsv").open(encoding="utf-8"), delimiter="\t",
                           quoting=csv.QUOTE_NONE))  # fmt: skip
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for premise, hypothesis, label in rows:
        if not out or out[-1][0] != premise or len(out[-1][1]) == 3:
            out.append((premise, []))
        out[-1][1].append((hypothesis, label))
    return out


def stories(folder: Path, a: str, b: str, k: int, seed: int = 0) -> list[XnliStory]:
    """Blocks of k premises in language `a` against their hypotheses in `b`."""
    premises_a, premises_b = read_xnli(folder, a), read_xnli(folder, b)
    if len(premises_a) != len(premises_b):
        raise ValueError(f"dev-{a} and dev-{b} are not row-parallel")
    out = []
    for start in range(0, len(premises_a) - k + 1, k):
        block = range(start, start + k)
        texts = [premises_a[p][0] for p in block]
        hyps = [(p, h, label) for p in block for h, label in premises_b[p][1]]
        random.Random(seed * 7919 + start).shuffle(hyps)
        gold: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
        for n, (p, h, label) in enumerate(hyps):
            gold[label].append((p - start, k + n))
            texts.append(h)
        out.append(
            XnliStory(
                name=f"{a}-{b} k={k} #{start // k}",
                texts=texts,
                sources=["A"] * k + ["B"] * len(hyps),
                languages=[a] * k + [b] * len(hyps),
                gold=gold,
            )
        )
    return out


PAIRS = [("en", "ru"), ("en", "ar"), ("ru", "ar"), ("en", "en"), ("en", "de"), ("en", "fr"),
         ("en", "zh"), ("en", "tr")]  # fmt: skip


def _select(story: XnliStory, options: object) -> set[tuple[int, int]]:
    """The pairs `compare` would send to NLI for this story (no NLI: no copy confirmed)."""
    from checker.pair.candidates import mirror_links, select_pairs, spread_links
    from checker.schema import Sentence

    assert story.vectors is not None
    sentences = [
        Sentence(source=s, index=i, text=t, language=lang)
        for i, (t, s, lang) in enumerate(
            zip(story.texts, story.sources, story.languages, strict=True)
        )
    ]
    budget = options.budget(len(sentences))  # type: ignore[attr-defined]
    possible = spread_links(mirror_links(sentences, story.vectors, options))  # type: ignore[arg-type]
    in_copies = len({k for c in possible for k in (c.i, c.j)})
    links = possible[: options.link_budget(in_copies, budget)]  # type: ignore[attr-defined]
    plan = select_pairs(
        sentences,
        story.vectors,
        options,  # type: ignore[arg-type]
        judged=[(c.i, c.j) for c in links],
        budget=budget - len(links),
    )
    return {(c.i, c.j) for c in links} | {(c.i, c.j) for c in plan.pairs}


def measure(xstories: list[XnliStory], options: object) -> dict[str, float]:
    """Recall per label (premise paired with its own hypothesis) and pairs per sentence."""
    hit = dict.fromkeys(LABELS, 0)
    total = dict.fromkeys(LABELS, 0)
    pairs = sentences = 0
    for story in xstories:
        selected = _select(story, options)
        pairs += len(selected)
        sentences += len(story.texts)
        for label in LABELS:
            for p, h in story.gold[label]:
                total[label] += 1
                hit[label] += (min(p, h), max(p, h)) in selected
    out = {label: hit[label] / total[label] for label in LABELS}
    out["pairs/sentence"] = pairs / sentences
    out["hits"] = hit["contradiction"]
    out["total"] = total["contradiction"]
    return out


def embed(xstories: list[XnliStory], encode: object) -> None:
    """Each story's vectors, every distinct text embedded once."""
    texts = list(dict.fromkeys(t for s in xstories for t in s.texts))
    vectors = dict(zip(texts, encode(texts), strict=True))  # type: ignore[operator]
    for story in xstories:
        story.vectors = np.vstack([vectors[t] for t in story.texts])
