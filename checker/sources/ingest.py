"""Read sources: files, directories, stdin or strings, into decoded text with name and date.

Decoding is the first place real scraped input goes wrong (cp1251 Russian pages,
windows-1256 Arabic ones, UTF-16 exports), so it is explicit and tested here.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlparse

from checker.config import DEFAULT_MAX_SOURCE_MB, DEFAULT_URL_TIMEOUT
from checker.errors import InputError, first_line

if TYPE_CHECKING:
    from checker.sources.fetch import Guard

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
STDIN = "-"

# A scraped page may start with a marker such as " date 2026-01-07 ..." (as in our seeds).
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b)", re.IGNORECASE)
# Legacy single-byte encodings newsrooms still meet, tried when UTF-8 fails.
_LEGACY_ENCODINGS = ("cp1251", "cp1256", "cp1252")
# File signatures of formats people pass by mistake: named in the error message.
_MAGIC = (
    (b"%PDF", "a PDF document (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"SQLite format 3", "an SQLite database"),
)
# A text with a few stray NULs or invalid UTF-8 bytes is still that text.
_STRAY_RATIO = 0.01
DEFAULT_MAX_BYTES = int(DEFAULT_MAX_SOURCE_MB * 1_000_000)


@dataclass(frozen=True)
class RawSource:
    """A decoded source before cleaning."""

    name: str
    origin: str
    text: str
    is_html: bool
    date: dt.date | None = None
    title: str | None = None
    site: str | None = None
    notes: tuple[str, ...] = ()  # what reading it had to guess or repair, for the report


def parse_date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{what}: '{value}' is not a date in YYYY-MM-DD form") from None


def decode_bytes(data: bytes, origin: str, notes: list[str] | None = None) -> str:
    """Decode bytes to text: BOMs, UTF-16 without BOM, UTF-8 (tolerating a few stray or
    invalid bytes), then legacy code pages. Binary formats are refused by name, and
    anything that decodes to mostly control characters as binary. What had to be
    repaired or guessed is appended to `notes`, so the report can say so."""
    text = _decode(data, origin, notes if notes is not None else [])
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\n\r\f\v")
    if controls > _STRAY_RATIO * min(len(text), 65536):
        raise InputError(f"{origin}: looks like a binary file (control bytes), not text or HTML")
    return text


def _decode(data: bytes, origin: str, notes: list[str]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{origin}: {what}, not text or HTML")
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    nuls = data.count(b"\x00")
    if nuls:
        if nuls > _STRAY_RATIO * len(data):
            raise InputError(f"{origin}: looks like a binary file (NUL bytes), not text or HTML")
        data = data.replace(b"\x00", b" ")  # a stray NUL separates, like a space
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if _looks_utf8(data) and lenient.count("\ufffd") <= _STRAY_RATIO * len(lenient):
        broken = lenient.count("\ufffd")  # a few broken bytes: keep the text, mark the damage
        notes.append(f"{broken} invalid UTF-8 byte sequence(s) replaced by \ufffd")
        return lenient
    best = _guess_legacy(data, notes)
    if best is None:
        raise InputError(
            f"{origin}: cannot decode the text (not UTF-8, UTF-16 or a known code page)"
        )
    return best


def _looks_utf8(data: bytes) -> bool:
    """Mostly valid multi-byte UTF-8 sequences (a legacy code page has few of them)."""
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high == 0:
        return True
    valid = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data[:65536]))
    return valid * 2 >= high * 0.9


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of ASCII-heavy text."""
    head = data[:2000]
    if len(head) < 4:
        return None
    even_nul = head[0::2].count(0) / max(1, len(head[0::2]))
    odd_nul = head[1::2].count(0) / max(1, len(head[1::2]))
    # Cyrillic/Arabic UTF-16 has no NULs but high bytes 0x04/0x06 in one lane.
    even_hi = sum(1 for b in head[0::2] if b in (0x04, 0x06)) / max(1, len(head[0::2]))
    odd_hi = sum(1 for b in head[1::2] if b in (0x04, 0x06)) / max(1, len(head[1::2]))
    if odd_nul + odd_hi > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul + even_hi > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _guess_legacy(data: bytes, notes: list[str]) -> str | None:
    """Pick the legacy code page whose decoding looks most like real words."""
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS)).best()
        if match is not None:
            return str(match)
        problem = "it found no match"
    except Exception as exc:  # a helper here, never a failure point: but say so
        problem = f"it failed: {first_line(exc)}"
    scored = []
    for enc in _LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        letters = sum(ch.isalpha() for ch in text)
        scored.append((letters, text, enc))
    if not scored:
        return None
    _, text, enc = max(scored)
    notes.append(
        f"encoding guessed as {enc} by letter count (charset detection: {problem}); "
        "check the text reads right"
    )
    return text


def split_date_marker(text: str) -> tuple[str, dt.date | None]:
    """Strip a leading `date YYYY-MM-DD` marker and return the date it names."""
    m = _DATE_MARKER.match(text)
    if not m:
        return text, None
    try:
        date = dt.date.fromisoformat(m.group(1))
    except ValueError:
        return text, None
    return text[m.end() :], date


def _looks_like_html(path: Path | None, text: str) -> bool:
    if path is not None and path.suffix.lower() in HTML_SUFFIXES:
        return True
    return bool(_HTML_SNIFF.match(text[:2048]))


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand directories into their text/HTML files (sorted, so runs are reproducible)."""
    from checker.sources.fetch import is_url

    out: list[str] = []
    for item in inputs:
        if item == STDIN or is_url(item):
            out.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
            )
            if not files:
                raise InputError(f"{item}: directory has no .txt, .md or .html files")
            out.extend(str(p) for p in files)
        else:
            out.append(item)
    return out


def too_many_sources(count: int, limit: int) -> InputError:
    return InputError(f"{count} sources is over the limit of {limit} (raise it with --max-sources)")


def _too_big(origin: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{origin}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB per-source limit "
        "(raise it with --max-source-mb)"
    )


def read_source(
    item: str,
    *,
    name: str | None = None,
    date: dt.date | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    url_timeout: float = DEFAULT_URL_TIMEOUT,
    guard: Guard | None = None,
) -> RawSource:
    """Read one input: a path, an http(s) URL (through `guard` when given), or '-' for
    standard input. Inputs over `max_bytes` are refused before they are read, so memory
    stays bounded."""
    from checker.sources.fetch import fetch, is_url

    path: Path | None = None
    if is_url(item):
        data, content_type = fetch(item, max_bytes=max_bytes, timeout=url_timeout, guard=guard)
        notes: list[str] = []
        text = decode_bytes(data, item, notes)
        src = from_text(
            text, name=name or "", origin=item, date=date, html=content_type != "text/plain"
        )
        src = replace(src, notes=tuple(notes))
        host = urlparse(item).hostname or item
        return replace(src, name=name or src.site or host)
    if item == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_big("standard input", len(data), max_bytes)
        default_name = "stdin"
    else:
        path = Path(item)
        if not path.exists():
            raise InputError(f"no such file or directory: {item}")
        if path.is_dir():
            raise InputError(f"{item}: is a directory (pass it alone to read its files)")
        try:
            data = read_bounded(path, item, max_bytes)
        except PermissionError:
            raise InputError(f"{item}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{item}: cannot read ({exc.strerror or exc})") from None
        default_name = path.name
    notes = []
    text = decode_bytes(data, item, notes)
    src = from_text(text, name=name or default_name, origin=item, date=date, path=path)
    return replace(src, notes=tuple(notes))


def read_bounded(path: Path, item: str, max_bytes: int) -> bytes:
    """A file's bytes, never more than `max_bytes` read whatever `stat` says (it says 0
    for /dev/zero), and only from a regular file: a device, a pipe or a socket may never
    end (or never start: opening a FIFO blocks until someone writes)."""
    info = path.stat()
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kind = (
            "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        )
        raise InputError(f"{item}: {kind}, not a file (pass '-' to read standard input)")
    if info.st_size > max_bytes:
        raise _too_big(item, info.st_size, max_bytes)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(item, len(data), max_bytes)
    return data


def text_source(
    text: str, *, name: str, date: dt.date | None = None, html: bool | None = None
) -> RawSource:
    """Text held in memory, as a source. The library's only way to pass text itself:
    a plain str given to `compare`/`align`/`load_sources` is always a path or URL."""
    return from_text(text, name=name, date=date, html=html)


def from_text(
    text: str,
    *,
    name: str,
    origin: str = "<text>",
    date: dt.date | None = None,
    path: Path | None = None,
    html: bool | None = None,
) -> RawSource:
    """Wrap an in-memory string as a source (HTML is detected by its first tag unless
    `html` says)."""
    text = text.lstrip("\ufeff").replace("\x00", " ")
    is_html = _looks_like_html(path, text) if html is None else html
    title = site = None
    if is_html:
        text, html_date, title, site = extract_html(text, origin)
        date = date or html_date
    body, marker_date = split_date_marker(text)
    return RawSource(
        name=name,
        origin=origin,
        text=body,
        is_html=is_html,
        date=date or marker_date,
        title=title,
        site=site,
    )


def extract_html(html: str, origin: str) -> tuple[str, dt.date | None, str | None, str | None]:
    """Main text, date, title and site name of an HTML page via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if doc is None:
        return "", None, None, None
    text = getattr(doc, "text", None) or ""
    title = getattr(doc, "title", None)
    site = getattr(doc, "sitename", None) or None
    raw_date = getattr(doc, "date", None)
    date = None
    if raw_date:
        try:
            date = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            date = None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, date, title, site


def read_sources(
    inputs: Iterable[str],
    *,
    names: Mapping[str, str] | None = None,
    dates: Mapping[str, dt.date] | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sources: int | None = None,
    url_timeout: float = DEFAULT_URL_TIMEOUT,
) -> list[RawSource]:
    """Read every input; `names` maps an input (path or '-') to a source name, `dates` maps
    a source name or input to its publication date (overriding any marker in the text)."""
    names = dict(names or {})
    dates = dict(dates or {})
    expanded = expand_inputs(inputs)
    if expanded.count(STDIN) > 1:
        raise InputError("'-' (standard input) can be given only once")
    from checker.sources.fetch import is_url

    urls = [item for item in expanded if is_url(item)]
    for url in {u for u in urls if urls.count(u) > 1}:
        raise InputError(f"{url}: given twice")
    seen: dict[Path, str] = {}
    for item in expanded:
        if item != STDIN and not is_url(item) and Path(item).exists():
            real = Path(item).resolve()
            if real in seen:
                raise InputError(f"{item}: given twice (also as {seen[real]})")
            seen[real] = item
    if max_sources is not None and len(expanded) > max_sources:
        raise too_many_sources(len(expanded), max_sources)
    sources = []
    for item in expanded:
        src = read_source(
            item, name=names.get(item), stdin=stdin, max_bytes=max_bytes, url_timeout=url_timeout
        )
        date = dates.get(src.name) or dates.get(item)
        if date is not None:
            src = replace(src, date=date)
        sources.append(src)
    return unique_names(sources)


def unique_names(sources: list[RawSource]) -> list[RawSource]:
    """Two inputs named alike (a/x.txt, b/x.txt) get '#2' so findings stay unambiguous."""
    seen: dict[str, int] = {}
    out = []
    for src in sources:
        count = seen.get(src.name, 0) + 1
        seen[src.name] = count
        if count > 1:
            src = replace(src, name=f"{src.name}#{count}")
        out.append(src)
    return out
