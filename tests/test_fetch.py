"""URL input against a local HTTP server on 127.0.0.1 (no other network is touched)."""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from fakes import RuleNli

import checker
from checker.cli import main
from checker.errors import ExitCode, InputError
from checker.sources.fetch import fetch

ARTICLE = """<!DOCTYPE html><html><head><title>Arvania weighs joining force</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2026-03-02T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Arvania weighs joining force</h1>
<p>The United Nations has asked Arvania to contribute troops to a proposed stabilisation force
in the port city of Selmar, diplomats said on Monday.</p>
<p>The force is expected to number about 20,000 troops, according to diplomats at the United
Nations in New York.</p></article><footer>Copyright Example Wire</footer></body></html>"""
RUSSIAN = """<!DOCTYPE html><html><head><title>Арвания и миссия</title>
<meta charset="utf-8"></head><body><article><h1>Арвания и миссия</h1>
<p>Численность сил составит около 5 тысяч военнослужащих, сообщили дипломаты в Нью-Йорке.</p>
<p>Организация Объединённых Наций обратилась к Арвании с просьбой направить военных.</p>
</article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return None

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/article":
            self._send(ARTICLE.encode(), "text/html; charset=utf-8")
        elif self.path == "/ru":
            self._send(RUSSIAN.encode(), "text/html")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(ARTICLE.encode(), "text/html")
        elif self.path == "/big":
            self._send(b"<html><body>" + b"x" * 3_000_000 + b"</body></html>", "text/html")
        elif self.path == "/pdf":
            self._send(b"%PDF-1.4", "application/pdf")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self._send(b"not here", "text/plain", status=404)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return None  # the client hanging up on /slow and /big is what the tests expect


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_article_from_a_url_keeps_title_date_and_site(server: str) -> None:
    sources = checker.load_sources([f"{server}/article"])
    src = sources[0]
    assert (src.name, src.title, str(src.date), src.site) == (
        "Example Wire",
        "Arvania weighs joining force",
        "2026-03-02",
        "Example Wire",
    )
    assert src.origin == f"{server}/article"
    texts = [s.text for s in src.sentences]
    assert any("20,000 troops" in t for t in texts)
    assert not any("Copyright" in t or "Home" == t for t in texts)


def test_compare_urls_with_a_file(server: str, samples: list) -> None:  # type: ignore[type-arg]
    report = checker.compare([f"{server}/article", f"{server}/ru"], nli=RuleNli())
    assert [s.name for s in report.sources] == ["Example Wire", "127.0.0.1"]
    assert any(
        f.reason and "20,000 troops vs около 5 тысяч" in f.reason for f in report.contradictions
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/slow", "no complete answer within 1 s"),
        ("/big", "more than 1 MB"),
        ("/pdf", "application/pdf is not HTML or text"),
        ("/loop", "more than 5 redirects"),
        ("/missing", "HTTP 404"),
    ],
)
def test_bad_urls_fail_fast_with_one_line(server: str, path: str, message: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match=message):
        fetch(f"{server}{path}", max_bytes=1_000_000, timeout=1.0)
    assert time.monotonic() - start < 2.5


def test_only_http_and_https() -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetch("file:///etc/passwd", max_bytes=1000)


def test_cli_url_errors_and_names(server: str) -> None:
    result = CliRunner().invoke(main, ["sentences", f"{server}/pdf", "--url-timeout", "2"])
    assert result.exit_code == ExitCode.USAGE
    assert (
        result.stderr.strip()
        == f"checker: error: {server}/pdf: application/pdf is not HTML or text"
    )
    named = CliRunner().invoke(
        main,
        ["sentences", "--format", "json", f"{server}/article", "--name", f"{server}/article=Wire"],
    )
    assert named.exit_code == 0 and json.loads(named.stdout)[0]["source"] == "Wire"
    twice = CliRunner().invoke(main, ["sentences", f"{server}/article", f"{server}/article"])
    assert twice.exit_code == ExitCode.USAGE and "given twice" in twice.stderr
