"""Each story checked exactly as `compare` checks its sources, with NLI batched across
stories so an engine can spread it.

`compare` itself runs on every story: it asks its NLI model twice (possible reprints,
then the pairs chosen knowing which reprints were confirmed). Here its NLI model is a
table: a story whose pairs are not all in the table stops at that question, the
questions of every story are pooled, deduplicated, cut into batches and judged by the
engine, and the stories run again. After at most three rounds every story has run
through with every answer known, so its report is the one `compare` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from checker.config import Config
from checker.corpus.engine import Engine, Pair
from checker.errors import EngineError
from checker.judge.labels import LABELS
from checker.judge.nli import NoNli
from checker.pipeline import compare
from checker.progress import Progress
from checker.schema import ModelInfo, Report, Source

# Stories checked together: their NLI questions are pooled (more parallel work) while
# the table of answers stays bounded (about 200 bytes a directed pair).
GROUP_SENTENCES = 20_000


class _Unanswered(Exception):
    """A story asked NLI about pairs the table does not hold yet."""


class TableNli:
    """NLI answers from a table; a question with a missing answer is recorded and stops
    the story (no placeholder score ever reaches a report)."""

    def __init__(self, table: dict[Pair, np.ndarray], info: ModelInfo) -> None:
        self._table = table
        self._info = info
        self.missing: list[Pair] = []

    def predict(
        self, pairs: Sequence[Pair], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        missing = [p for p in pairs if p not in self._table]
        if missing:
            self.missing = missing
            raise _Unanswered
        if progress is not None:
            progress(len(pairs))
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float64)
        return np.stack([self._table[p] for p in pairs])

    def info(self) -> ModelInfo:
        return self._info


class VectorTable:
    """The sentence vectors the engine computed, served to `compare` as its embedder."""

    def __init__(self, vectors: dict[str, np.ndarray], info: ModelInfo) -> None:
        self._vectors = vectors
        self._info = info

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([self._vectors[t] for t in texts])

    def info(self) -> ModelInfo:
        return self._info


def batches(pairs: Sequence[Pair], size: int) -> list[list[Pair]]:
    """Distinct pairs, longest first, in batches of `size`: short pairs are not padded
    to long ones, and the batches are the same whichever engine runs them."""
    unique = sorted(dict.fromkeys(pairs), key=lambda p: -(len(p[0]) + len(p[1])))
    return [unique[i : i + size] for i in range(0, len(unique), size)]


def groups(stories: Sequence[Sequence[Source]]) -> Iterator[list[int]]:
    """Consecutive stories, about GROUP_SENTENCES sentences at a time."""
    group: list[int] = []
    count = 0
    for k, story in enumerate(stories):
        group.append(k)
        count += sum(s.sentence_count for s in story)
        if count >= GROUP_SENTENCES:
            yield group
            group, count = [], 0
    if group:
        yield group


def check_stories(
    stories: Sequence[Sequence[Source]],
    embedder: VectorTable,
    nli_info: ModelInfo | None,
    config: Config,
    engine: Engine,
    progress: Progress,
    done: Callable[[int, Report], None],
) -> int:
    """Run `compare` on each story; `done(k, report)` is called in story order. Returns
    the distinct NLI pairs the engine ran."""
    run = 0
    for group in groups(stories):  # progress: one bar per NLI round (bars do not nest)
        label = f"stories {group[0] + 1}-{group[-1] + 1} of {len(stories)}"
        reports, ran = _check_group(
            [stories[k] for k in group], embedder, nli_info, config, engine, progress, label
        )
        run += ran
        for k, report in zip(group, reports, strict=True):
            done(k, report)
    return run


def _check_group(
    stories: Sequence[Sequence[Source]],
    embedder: VectorTable,
    nli_info: ModelInfo | None,
    config: Config,
    engine: Engine,
    progress: Progress,
    label: str,
) -> tuple[list[Report], int]:
    if nli_info is None:  # --nli-model none: no question to pool
        rules_only = []
        with progress.task(f"Checking {label} (rules only)", total=len(stories)) as advance:
            for s in stories:  # a bar that moves with each story, not a silent wait
                rules_only.append(compare(sources=s, config=config, embedder=embedder, nli=NoNli()))
                advance(1)
        return rules_only, 0
    table: dict[Pair, np.ndarray] = {}
    reports: dict[int, Report] = {}
    pending = list(range(len(stories)))
    ran = 0
    for round_number in range(1, 4):
        asked: list[Pair] = []
        waiting = []
        for k in pending:
            nli = TableNli(table, nli_info)
            try:
                reports[k] = compare(sources=stories[k], config=config, embedder=embedder, nli=nli)
            except _Unanswered:
                asked.extend(nli.missing)
                waiting.append(k)
        if not waiting:
            break
        todo = batches(asked, config.batch_size)
        total = sum(len(b) for b in todo)
        with progress.task(f"NLI, round {round_number}, {label}", total=total) as advance:
            try:
                judged = engine.judge(todo, advance)
            except EngineError as exc:  # the stories that failed, then why
                raise EngineError(f"{label} failed: {exc}") from None
            for batch, scores in zip(todo, judged, strict=True):
                table.update(zip(batch, scores, strict=True))
        ran += total
        pending = waiting
    else:  # compare asks NLI twice; a third miss would be a bug here
        raise RuntimeError("a story still asked NLI questions after three rounds")
    return [reports[k] for k in range(len(stories))], ran
