"""A feed of dead links: `checker corpus`'s reading of 1,000 manifest URLs that point at
a local port which accepts every connection and never answers. Fetched one at a time at
the 10 s default this took about 2.8 hours; fetched concurrently (16 connections, 4 per
host) under the feed's deadline (2 × --url-timeout + 50 s) it must end within
2 × --url-timeout + 60 s.

The server runs on 127.0.0.1 for the length of the bench and is stopped by it; the
manifest's URLs may reach loopback only because the bench lets them (the guard's
opt-in, as --allow-url-network 127.0.0.0/8 does).

    python bench/dead_feed.py                          # 1,000 URLs, --url-timeout 10
    python bench/dead_feed.py --urls 40 --url-timeout 1 --deadline 4 --json out.json
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.corpus.read import CONNECTIONS, PER_HOST, read_corpus  # noqa: E402
from checker.sources.fetch import Guard  # noqa: E402


def black_hole() -> tuple[socket.socket, int, threading.Event]:
    """A listening socket on 127.0.0.1 that accepts and holds connections, silent."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(4096)
    server.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                held.append(conn)
            except TimeoutError:
                continue
            except OSError:
                break
        for conn in held:
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    return server, server.getsockname()[1], stop


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--url-timeout", type=float, default=10.0)
    parser.add_argument("--deadline", type=float, default=None, help="default: 2 × timeout + 50")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    deadline = 2 * args.url_timeout + 50 if args.deadline is None else args.deadline
    server, port, stop = black_hole()
    try:
        with tempfile.TemporaryDirectory() as folder:
            manifest = Path(folder) / "feed.jsonl"
            manifest.write_text(
                "".join(json.dumps({"url": f"http://127.0.0.1:{port}/{k}"}) + "\n"
                        for k in range(args.urls)),
                encoding="utf-8",
            )  # fmt: skip
            started = time.perf_counter()
            raws, skipped = read_corpus(
                [manifest],
                max_bytes=5_000_000,
                url_timeout=args.url_timeout,
                guard=Guard.allowing(["127.0.0.0/8"]),
                deadline=deadline,
            )
            seconds = time.perf_counter() - started
    finally:
        stop.set()
        server.close()
    late = sum("deadline" in s.reason for s in skipped)
    figures = {
        "urls": args.urls,
        "url_timeout": args.url_timeout,
        "deadline": deadline,
        "seconds": round(seconds, 1),
        "limit": 2 * args.url_timeout + 60,
        "read": len(raws),
        "skipped": len(skipped),
        "timed_out": len(skipped) - late,
        "not_begun_by_the_deadline": late,
        "connections": CONNECTIONS,
        "per_host": PER_HOST,
    }
    print(
        f"{args.urls} dead URLs, --url-timeout {args.url_timeout:g} s, deadline {deadline:g} s: "
        f"ended in {seconds:.1f} s (limit {figures['limit']:g} s); {len(skipped)} skipped "
        f"({figures['timed_out']} timed out, {late} not begun by the deadline)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
