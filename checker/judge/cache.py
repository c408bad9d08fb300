"""NLI results kept on disk, so a re-run judges only the pairs it has not judged before.

An editor re-runs `checker verify` after every change to a draft, and a desk runs
`compare` again on every update of a developing story: most pairs were judged in the
last run. One SQLite file beside the embedding cache (`cache_root()/nli.sqlite3`),
shared by compare, verify and corpus (and by concurrent runs: WAL journal, a lock
timeout, INSERT OR REPLACE of identical rows). A row is keyed by everything that makes
the numbers: model id, revision, backend, precision, max length (and, for a model in a
local folder, its weight files' sizes and times, since the folder can change under one
name), premise and hypothesis. What comes back is the stored float64 row, so a verdict
read from the cache is the verdict the model gave.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from checker.store.hub import cache_root

FILE = "nli.sqlite3"


def cache_path() -> Path:
    return cache_root() / FILE


class NliCache:
    """Probabilities (LABELS order) by pair, for one model setting (`model_key`)."""

    def __init__(self, model_key: str, path: Path | None = None) -> None:
        self.model_key = model_key
        self.path = path or cache_path()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS nli (key TEXT PRIMARY KEY, probs BLOB NOT NULL)")
        return db

    def _key(self, pair: tuple[str, str]) -> str:
        text = f"{self.model_key}\0{pair[0]}\0{pair[1]}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], np.ndarray]:
        """The pairs found, with their stored rows."""
        keys = {self._key(p): p for p in dict.fromkeys(pairs)}
        found: dict[tuple[str, str], np.ndarray] = {}
        if not keys:
            return found
        with self._connect() as db:
            wanted = list(keys)
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, probs FROM nli WHERE key IN ({marks})", chunk)
                for key, blob in rows:
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float64).copy()
        return found

    def put(self, pairs: Sequence[tuple[str, str]], rows: np.ndarray) -> None:
        if not len(pairs):
            return
        data = [
            (self._key(p), np.asarray(r, dtype=np.float64).tobytes())
            for p, r in zip(pairs, rows, strict=True)
        ]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO nli (key, probs) VALUES (?, ?)", data)


def describe(path: Path) -> dict[str, Any]:
    """Where a cache file is, its size and rows (`checker cache info`)."""
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    rows = 0
    if path.exists():
        table = "nli" if path.name == FILE else "vectors"
        try:
            with sqlite3.connect(path, timeout=60) as db:
                rows = int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        except sqlite3.Error:
            rows = 0  # no such table yet, or not a cache of ours
    return {"path": str(path), "exists": path.exists(), "bytes": size, "entries": rows}


def remove(path: Path) -> int:
    """Delete a cache file and its WAL side files; the bytes freed."""
    freed = 0
    for p in [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]:
        if p.is_file():
            freed += p.stat().st_size
            p.unlink()
    return freed
