"""URLs a desk can trust, against local servers on 127.0.0.x (no other network):
one deadline for the whole fetch, and manifest URLs kept off the desk's own network."""

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import Config
from checker.corpus import CorpusOptions, corpus
from checker.corpus.read import read_corpus
from checker.errors import ExitCode, InputError
from checker.sources.fetch import Guard, fetch

PAGE = (
    b"<html><head><title>Arvania weighs joining force</title></head><body><article>"
    b"<h1>Arvania weighs joining force</h1><p>The United Nations has asked Arvania to "
    b"contribute troops to a stabilisation force in Selmar, diplomats said on Monday.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, *args: object) -> None:
        return None

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Handler.seen.append(f"{self.server.server_address[0]}{self.path}")  # type: ignore[index]
        if self.path == "/trickle":  # headers at once, then a byte every 0.3 s for minutes
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.3)
        elif self.path.startswith("/to/"):  # redirect to http://<rest>
            self.send_response(302)
            self.send_header("Location", "http://" + self.path[len("/to/") :])
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return None  # a client hanging up on /trickle is the point


def _serve(host: str) -> Iterator[str]:
    try:
        httpd = Server((host, 0), Handler)
    except OSError:
        pytest.skip(f"cannot listen on {host}")
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://{host}:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def loopback() -> Iterator[str]:
    yield from _serve("127.0.0.1")


@pytest.fixture(scope="module")
def second() -> Iterator[str]:
    """A second loopback address: stands in for an address the desk allows by name."""
    yield from _serve("127.0.0.2")


def _manifest(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"url": u}) + "\n" for u in urls), encoding="utf-8")
    return path


def test_a_trickling_server_is_cut_off_at_the_deadline(loopback: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="no complete answer within 1.5 s"):
        fetch(f"{loopback}/trickle", max_bytes=1_000_000, timeout=1.5)
    assert time.monotonic() - start < 3.0  # the server would go on for five minutes


def test_compare_on_a_trickling_url_exits_2_at_the_deadline(loopback: str) -> None:
    start = time.monotonic()
    result = CliRunner().invoke(
        main, ["compare", f"{loopback}/trickle", f"{loopback}/page", "--url-timeout", "2"]
    )
    assert result.exit_code == ExitCode.USAGE
    assert "no complete answer within 2 s" in result.stderr
    assert time.monotonic() - start < 6.0


def test_manifest_urls_do_not_reach_loopback_but_typed_urls_do(
    loopback: str, tmp_path: Path
) -> None:
    Handler.seen.clear()
    raws, skipped = read_corpus(
        [_manifest(tmp_path, f"{loopback}/page")], max_bytes=10**6, url_timeout=5
    )
    assert not raws and "loopback address 127.0.0.1" in skipped[0].reason
    assert "--allow-private-urls" in skipped[0].reason
    assert Handler.seen == []  # refused before any connection
    typed, _ = read_corpus([f"{loopback}/page"], max_bytes=10**6, url_timeout=5)
    assert len(typed) == 1 and "Arvania" in typed[0].text
    opted, none_skipped = read_corpus(
        [_manifest(tmp_path, f"{loopback}/page")], max_bytes=10**6, url_timeout=5, guard=None
    )
    assert len(opted) == 1 and not none_skipped


def test_a_hostname_resolving_to_a_private_address_is_refused(
    loopback: str, tmp_path: Path
) -> None:
    port = loopback.rsplit(":", 1)[1]
    try:
        socket.getaddrinfo("localhost", int(port))
    except OSError:
        pytest.skip("no localhost name here")
    _, skipped = read_corpus(
        [_manifest(tmp_path, f"http://localhost:{port}/page")], max_bytes=10**6, url_timeout=5
    )
    assert "localhost is a loopback address" in skipped[0].reason
    # a resolver answer for an intranet name (what a DNS server of the desk would say)
    guard = Guard(resolve=lambda host, port: ["10.20.0.7"])
    with pytest.raises(InputError, match="cms.internal is a private address 10.20.0.7"):
        fetch("http://cms.internal/a", max_bytes=10**6, timeout=5, guard=guard)
    link = Guard(resolve=lambda host, port: ["169.254.169.254"])
    with pytest.raises(InputError, match="link-local address 169.254.169.254"):
        fetch("http://metadata.internal/latest", max_bytes=10**6, timeout=5, guard=link)


def test_a_redirect_to_loopback_is_refused_after_an_allowed_first_hop(
    loopback: str, second: str, tmp_path: Path
) -> None:
    """127.0.0.2 is allowed by name (as a desk would allow its CMS network); its page
    redirects to 127.0.0.1, which is checked again on the redirect and refused."""
    Handler.seen.clear()
    target = loopback.removeprefix("http://")
    guard = Guard.allowing(["127.0.0.2/32"])
    assert fetch(f"{second}/page", max_bytes=10**6, timeout=5, guard=guard)[0] == PAGE
    with pytest.raises(InputError, match="refused: 127.0.0.1 is a loopback address"):
        fetch(f"{second}/to/{target}/page", max_bytes=10**6, timeout=5, guard=guard)
    assert Handler.seen[-1].startswith("127.0.0.2/to/")  # the redirect's target was not asked
    assert fetch(f"{second}/to/{target}/page", max_bytes=10**6, timeout=5)[0] == PAGE


def test_corpus_cli_options_for_private_urls(loopback: str, tmp_path: Path) -> None:
    feed = _manifest(tmp_path, f"{loopback}/page", f"{loopback}/page?b")
    refused = CliRunner().invoke(main, ["corpus", str(feed), "--nli-model", "none"])
    assert refused.exit_code == ExitCode.USAGE
    assert "no readable article" in refused.stderr and "loopback" in refused.stderr
    allowed = corpus([feed], Config(nli_model="none"), CorpusOptions(allow_private_urls=True))
    assert allowed.summary.articles == 2 and not allowed.skipped
    network = corpus(
        [feed],
        Config(nli_model="none"),
        CorpusOptions(allowed_url_networks=("127.0.0.0/8",)),
    )
    assert network.summary.articles == 2
    bad = CliRunner().invoke(
        main, ["corpus", str(feed), "--nli-model", "none", "--allow-url-network", "nonsense"]
    )
    assert bad.exit_code == ExitCode.USAGE and "--allow-url-network" in bad.stderr
