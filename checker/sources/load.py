"""Inputs to segmented sources: read every input, clean, split and tag sentences, and
say what a reader must know about them (empty sources, reprints, uncovered languages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from checker.checks.languages import read_languages, reads
from checker.checks.provenance import cited_by
from checker.config import Config
from checker.errors import InputError
from checker.schema import Source
from checker.sources.ingest import RawSource, read_sources, too_many_sources, unique_names
from checker.sources.segment import segment

Input = str | Path | RawSource


def load_sources(
    inputs: Iterable[Input],
    *,
    names: Mapping[str, str] | None = None,
    dates: Mapping[str, dt.date] | None = None,
    stdin: BinaryIO | None = None,
    config: Config | None = None,
) -> list[Source]:
    """Read, clean and segment every input.

    A `str` or `Path` is always a file, a directory, '-' (stdin) or an http(s) URL, never
    the text itself: a mistyped path is an error, not an article. Pass text as a
    `RawSource` (`checker.text_source(text, name=...)`). The limits in `config`
    (sources, megabytes and sentences per source) are enforced here."""
    config = config or Config()
    max_bytes = int(config.max_source_mb * 1_000_000)
    raws: list[RawSource] = []
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, RawSource):
            if len(item.text.encode("utf-8")) > max_bytes:
                raise InputError(f"{item.name}: over the per-source limit")
            raws.append(item)
        else:
            paths.append(str(item))
    if paths:
        raws.extend(
            read_sources(
                paths,
                names=names,
                dates=dates,
                stdin=stdin,
                max_bytes=max_bytes,
                max_sources=config.max_sources,
                url_timeout=config.url_timeout,
            )
        )
    if len(raws) > config.max_sources:
        raise too_many_sources(len(raws), config.max_sources)
    raws = unique_names(raws)  # two text_source(…, name="wire") are two sources, as files are
    sources = [with_provenance(segment(raw, min_chars=config.min_sentence_chars)) for raw in raws]
    for src in sources:
        if src.sentence_count > config.max_sentences:
            raise InputError(
                f"{src.origin}: {src.sentence_count} sentences is over the per-source limit of "
                f"{config.max_sentences} (raise it with --max-sentences)"
            )
    return sources


def with_provenance(source: Source) -> Source:
    """The source with the names it attributes its information to."""
    cited = cited_by((x.text, x.language) for x in source.sentences)
    return source if cited == source.cited else source.model_copy(update={"cited": cited})


def source_warnings(sources: Sequence[Source], nli_languages: Sequence[str] = ()) -> list[str]:
    """What a reader must know about the input: nothing is dropped silently."""
    warnings = [f"{s.name}: {w}" for s in sources for w in s.warnings]
    warnings += [
        f"{s.name}: no sentences after cleaning (empty, whitespace or boilerplate only)"
        for s in sources
        if s.sentence_count == 0
    ]
    first_with: dict[tuple[str, ...], str] = {}
    for s in sources:
        key = tuple(x.text for x in s.sentences)
        if key and key in first_with:
            warnings.append(f"{s.name}: same text as {first_with[key]} (a reprint?)")
        first_with.setdefault(key, s.name)
    used = sorted({x.language for s in sources for x in s.sentences} - {"und"})
    if unread := [lang for lang in used if not reads(lang)]:
        warnings.append(
            f"figures with words in {', '.join(unread)} are not compared "
            f"(the number rules read {', '.join(read_languages())})"
        )
    if nli_languages:
        missing = [lang for lang in used if lang not in nli_languages]
        if missing:
            warnings.append(
                f"language(s) {', '.join(missing)} not among the NLI model's trained languages; "
                "verdicts on them are less reliable"
            )
    return warnings
