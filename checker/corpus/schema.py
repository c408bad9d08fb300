"""The corpus document: stories found, each with the compare report of its sources.

Versioned on its own (`CORPUS_SCHEMA_VERSION`); each story's `report` is exactly a
`checker compare --format json` document of that version (`checker schema`).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from checker.schema import ModelInfo, Report

# 2.0: each story's report follows the compare report's schema 3.0 (rule notes and
# figures; null NLI scores and calls without a model); summary.nli_calls null likewise.
# 3.0: stories are events: each has a title (title, title_from); clustering gains
# follow_up_days and desk_language; warnings list every story's warnings by story id.
CORPUS_SCHEMA_VERSION = "4.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoryArticle(_Model):
    name: str
    origin: str
    date: dt.date | None = None
    language: str
    title: str | None = None


class Story(_Model):
    """Articles about one story, and what checking them against each other found."""

    id: str = Field(description="'story-N', or 'story-N.P' for part P of a story split up.")
    title: str = Field(
        description="The headline (or first sentence) of the story's most central article, "
        "in the desk's language where the story has an article in it."
    )
    title_from: str = Field(description="Name of the article the title is from.")
    sources: list[StoryArticle]
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    languages: list[str]
    cohesion: float = Field(
        description="Average-linkage similarity that held the story together (higher: "
        "closer); compare it with the corpus's clustering.similarity."
    )
    part: list[int] | None = Field(
        default=None, description="[P, N] when the story was over the limits and split in N."
    )
    report: Report


class UnclusteredArticle(_Model):
    name: str
    origin: str
    date: dt.date | None = None
    language: str
    reason: str = Field(description="Why it is in no story (no other article near it, …).")


class SkippedInput(_Model):
    input: str
    reason: str


class ClusterSettings(_Model):
    window_days: int
    follow_up_days: int = Field(
        description="Dated articles up to this far apart join one story only as follow-ups "
        "that share the event's central names; further apart, never."
    )
    similarity: float = Field(description="Least average-linkage similarity within a story.")
    name_weight: float
    max_story_sources: int = Field(
        description="Bigger stories are split (compare's --max-sources)."
    )
    desk_language: str | None = Field(
        default=None, description="Stories are titled in this language where they can be."
    )


class CorpusSummary(_Model):
    articles: int = Field(description="Articles read (skipped inputs not counted).")
    stories: int
    checked_stories: int = Field(description="Stories (or parts) checked by compare.")
    split_stories: int
    unclustered: int
    skipped: int
    contradictions: int = Field(description="Sum over stories.")
    distinct_contradictions: int
    agreements: int
    stories_with_contradictions: int
    pairs_checked: int
    nli_calls: int | None = Field(
        description="Sum of the stories' nli_calls (both directions); null when no NLI model ran."
    )
    nli_pairs_run: int = Field(
        description="Distinct (premise, hypothesis) pairs the NLI model actually ran."
    )
    languages: list[str]
    consistent: bool


class CorpusReport(_Model):
    """Everything `checker corpus` found; `checker corpus --format json` prints it."""

    schema_version: str = CORPUS_SCHEMA_VERSION
    stories: list[Story]
    unclustered: list[UnclusteredArticle] = Field(default_factory=list)
    skipped: list[SkippedInput] = Field(default_factory=list)
    summary: CorpusSummary
    clustering: ClusterSettings
    models: list[ModelInfo]
    warnings: list[str] = Field(default_factory=list)
    generated_at: str | None = None


class StoryLine(_Model):
    """One line of `--format jsonl`: a story, or at the end the corpus without stories."""

    kind: str = Field(description="'story' or 'corpus' (the last line).")
    story: Story | None = None
    corpus: CorpusReport | None = None
