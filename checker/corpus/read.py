"""Corpus inputs: folders (read recursively), files, URLs and JSONL manifests, into raw
articles with a name and a date.

A desk's folder of a day's feed always holds something broken (a PDF, a page that will
not decode, a dead link). One such article is skipped with a reason the output lists,
never a refusal of the whole corpus. What the user typed is different: a path that does
not exist or a manifest line that is not valid is an error naming file and line.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from checker.errors import InputError
from checker.sources.fetch import Guard, is_url
from checker.sources.ingest import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    RawSource,
    from_text,
    parse_date,
    read_source,
    unique_names,
)

MANIFEST_SUFFIXES = {".jsonl", ".ndjson"}
PUBLIC_ONLY = Guard()  # manifest URLs reach public addresses only, unless told
_MANIFEST_KEYS = {"path", "url", "text", "name", "date"}


@dataclass(frozen=True)
class Skipped:
    """An article that could not be read, and why."""

    input: str
    reason: str


@dataclass(frozen=True)
class _Entry:
    """One article to read: a path or URL, or text given inline in a manifest."""

    item: str
    name: str | None = None
    date: dt.date | None = None
    text: str | None = None
    listed: bool = False  # from a manifest line (which says its name and date)
    error: str | None = None  # a line that names no readable article: skipped, with why


def read_corpus(
    inputs: Iterable[str | Path],
    *,
    max_bytes: int,
    url_timeout: float,
    guard: Guard | None = PUBLIC_ONLY,
    allow_paths_outside: bool = False,
    deadline: float | None = None,
) -> tuple[list[RawSource], list[Skipped]]:
    """Every readable article (in input order, folders sorted) and those skipped. URLs
    from a manifest go through `guard` (None: they may reach any address); URLs given
    as inputs are read as typed (a newsroom's intranet is a fair place to read from).
    URLs are fetched concurrently, at most `CONNECTIONS` at once and `PER_HOST` per
    host, none begun after `deadline` seconds (default: 2 × `url_timeout` + 50 s, so
    the reading ends within 2 × `url_timeout` + 60 s): a feed of 1,000 dead links ends
    in about a minute, not hours."""
    raws: list[RawSource] = []
    skipped: list[Skipped] = []
    entries, twice = _once(_entries([str(i) for i in inputs], allow_paths_outside))
    skipped += twice
    fetched = _fetch_all(
        [e for e in entries if e.text is None and e.error is None and is_url(e.item)],
        max_bytes=max_bytes,
        url_timeout=url_timeout,
        guard=guard,
        deadline=2 * url_timeout + 50 if deadline is None else deadline,
    )
    for entry in entries:
        try:
            if entry.error is not None:
                raise InputError(entry.error)
            if id(entry) in fetched:
                got = fetched[id(entry)]
                if isinstance(got, InputError):
                    raise got
                raw = got
            elif entry.text is not None:
                if len(entry.text.encode("utf-8")) > max_bytes:
                    raise InputError(f"{entry.item}: over the per-source limit")
                raw = from_text(entry.text, name=entry.name or entry.item, origin=entry.item)
            else:
                raw = read_source(
                    entry.item,
                    name=entry.name,
                    max_bytes=max_bytes,
                    url_timeout=url_timeout,
                    guard=guard if entry.listed else None,
                )
        except InputError as exc:
            skipped.append(Skipped(entry.item, _reason(str(exc), entry.item)))
            continue
        if entry.date is not None:
            raw = replace(raw, date=entry.date)
        raws.append(raw)
    return unique_names(raws), skipped  # names are how findings and stories cite articles


# Concurrent fetches: in all, and to one host (a site is not to be hammered).
CONNECTIONS = 16
PER_HOST = 4


def _fetch_all(
    entries: list[_Entry],
    *,
    max_bytes: int,
    url_timeout: float,
    guard: Guard | None,
    deadline: float,
) -> dict[int, RawSource | InputError]:
    """Every URL entry read (or its one-line error), by `id(entry)`, concurrently."""
    if not entries:
        return {}
    stop_at = time.monotonic() + deadline
    lock = threading.Lock()
    hosts: dict[str, threading.Semaphore] = {}

    def late(entry: _Entry) -> InputError:
        return InputError(f"{entry.item}: not fetched within the feed's deadline of {deadline:g} s")

    def one(entry: _Entry) -> RawSource | InputError:
        with lock:
            gate = hosts.setdefault(
                urlparse(entry.item).hostname or "", threading.Semaphore(PER_HOST)
            )
        while not gate.acquire(timeout=0.2):
            if time.monotonic() >= stop_at:
                return late(entry)
        try:
            left = stop_at - time.monotonic()
            if left < 1.0:  # no fetch begun that could not finish
                return late(entry)
            return read_source(
                entry.item,
                name=entry.name,
                max_bytes=max_bytes,
                url_timeout=min(url_timeout, left),
                guard=guard if entry.listed else None,
            )
        except InputError as exc:
            return exc
        finally:
            gate.release()

    pool = ThreadPoolExecutor(max_workers=min(CONNECTIONS, len(entries)))
    try:
        futures = {id(e): pool.submit(one, e) for e in _interleaved(entries)}
        return {key: future.result() for key, future in futures.items()}
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _interleaved(entries: list[_Entry]) -> list[_Entry]:
    """Hosts in turn, so that one slow site does not hold every connection."""
    by_host: dict[str, list[_Entry]] = {}
    for e in entries:
        by_host.setdefault(urlparse(e.item).hostname or "", []).append(e)
    out: list[_Entry] = []
    queues = list(by_host.values())
    while queues:
        out += [q.pop(0) for q in queues]
        queues = [q for q in queues if q]
    return out


def _once(entries: Iterable[_Entry]) -> tuple[list[_Entry], list[Skipped]]:
    """Each file or URL once. A manifest line and the folder's own copy of the same
    file are one article, read with the manifest's name and date (in the folder's
    place); anything else given twice is skipped, with where it was given first."""
    kept: list[_Entry | None] = []
    where: dict[str, int] = {}
    twice: list[Skipped] = []
    for entry in entries:
        if entry.text is not None:
            kept.append(entry)
            continue
        key = entry.item if is_url(entry.item) else str(Path(entry.item).resolve())
        if key not in where:
            where[key] = len(kept)
            kept.append(entry)
            continue
        first = kept[where[key]]
        assert first is not None
        if entry.listed and not first.listed:
            kept[where[key]] = entry  # the manifest's name and date win
        elif not (first.listed and not entry.listed):
            twice.append(Skipped(entry.item, f"given twice (also as {first.item})"))
    return [e for e in kept if e is not None], twice


def _reason(message: str, item: str) -> str:
    """The error without the input's name in front (the output names it beside)."""
    prefix = f"{item}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _entries(inputs: list[str], allow_outside: bool = False) -> Iterator[_Entry]:
    if not inputs:
        raise InputError("no inputs: give folders, files, URLs or a JSONL manifest")
    for item in inputs:
        if item == "-":
            raise InputError("corpus reads no standard input: pass a JSONL manifest file")
        if is_url(item):
            yield _Entry(item)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"no such file or directory: {item}")
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                raise InputError(f"{item}: folder has no .txt, .md, .html or .jsonl files")
            for file in files:  # named by their place in the folder: story/en.txt
                yield from _file_entries(file, file.relative_to(path).as_posix(), allow_outside)
        else:
            yield from _file_entries(path, None, allow_outside)


def _folder_files(folder: Path) -> list[Path]:
    """Article and manifest files under a folder, hidden ones left out, sorted."""
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES | MANIFEST_SUFFIXES
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in wanted
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _file_entries(path: Path, name: str | None, allow_outside: bool = False) -> Iterator[_Entry]:
    if path.suffix.lower() in MANIFEST_SUFFIXES:
        yield from manifest_entries(path, allow_outside)
    else:
        yield _Entry(str(path), name=name)


def manifest_entries(path: Path, allow_outside: bool = False) -> Iterator[_Entry]:
    """One article a line: {"path"|"url"|"text": ..., "name": ..., "date": "YYYY-MM-DD"}.
    A relative path is read from the manifest's folder; a path must stay inside it
    (symlinks resolved) and name a file a folder read would take (.txt, .md, .html, …),
    unless `allow_outside`: a manifest is often written by someone else (a scraper, an
    aggregator), and must not read the desk's own disk into a report."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
        unknown = sorted(set(record) - _MANIFEST_KEYS)
        if unknown:
            raise InputError(
                f"{where}: unknown key(s) {', '.join(unknown)} "
                f"(a line holds {', '.join(sorted(_MANIFEST_KEYS))})"
            )
        given = [k for k in ("path", "url", "text") if k in record]
        if len(given) != 1:
            raise InputError(f"{where}: give exactly one of path, url or text")
        value = record[given[0]]
        name, date = record.get("name"), record.get("date")
        for key, field in (("name", name), ("date", date), (given[0], value)):
            if field is not None and not isinstance(field, str):
                raise InputError(f"{where}: {key} must be a string")
        if not value or (name is not None and not name.strip()):
            raise InputError(f"{where}: {given[0] if not value else 'name'} is empty")
        day = parse_date(date, f"{where}: date") if date is not None else None
        if given[0] == "text":
            yield _Entry(where, name=name or f"{path.name}:{number}", date=day, text=value)
        elif given[0] == "url":
            # a feed's bad link is one article skipped, with its line, not the run ended
            try:
                parsed = urlparse(value)
                parsed.port  # noqa: B018 (raises on a port that is not a number)
            except ValueError as exc:
                yield _Entry(where, error=f"{where}: url {value!r} cannot be read ({exc})")
                continue
            if parsed.scheme.lower() not in ("http", "https") or not parsed.hostname:
                yield _Entry(where, error=f"{where}: url {value!r} is not an http(s) URL")
                continue
            yield _Entry(value, name=name, date=day, listed=True)
        else:
            file = Path(value) if Path(value).is_absolute() else path.parent / value
            if not allow_outside:
                _confined(file, path, where)
            yield _Entry(str(file), name=name, date=day, listed=True)


def _confined(file: Path, manifest: Path, where: str) -> None:
    """Refuse a manifest path outside the manifest's folder (symlinks resolved) or with
    a suffix a folder read would not take."""
    folder = manifest.parent.resolve()
    try:
        file.resolve().relative_to(folder)
    except ValueError:
        raise InputError(
            f"{where}: path {str(file)!r} is outside the manifest's folder "
            "(pass --allow-paths-outside to read it)"
        ) from None
    if file.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(
            f"{where}: path {str(file)!r} is not a text or HTML file "
            f"({', '.join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))})"
        )
