"""Read articles from http(s) URLs: bounded in time, size and redirects.

A URL is fetched once, streamed up to the per-source byte limit, and refused unless it
is HTML or plain text; trafilatura then keeps the article with its title, date and
site name. Every failure is one line naming the URL (exit 2), never a hang.
"""

from __future__ import annotations

from urllib.parse import urlparse

from checker.errors import InputError

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT_S = 10.0
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_url(item: str) -> bool:
    return "://" in item[:12]


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT_S) -> tuple[bytes, str]:
    """The body (at most `max_bytes`) and its content type."""
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be read")
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
                headers={"User-Agent": "checker (fact-consistency checker)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise InputError(f"{url}: HTTP {response.status_code}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and content_type not in _TEXT_TYPES:
                raise InputError(f"{url}: {content_type} is not HTML or text")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise InputError(_too_big(url, declared, max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise InputError(_too_big(url, len(body), max_bytes))
            return bytes(body), content_type
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None


def _too_big(url: str, size: int, max_bytes: int) -> str:
    return (
        f"{url}: more than {max_bytes / 1e6:g} MB (got {size / 1e6:.1f} MB; "
        "raise the limit with --max-source-mb)"
    )
