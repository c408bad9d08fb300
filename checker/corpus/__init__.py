"""`checker corpus`: many articles about many stories, clustered, then each story checked.

`checker.corpus.corpus([...])` returns a pydantic `CorpusReport`; stages run on an
engine (`local` in this process, or `ray` on a Ray cluster).
"""

from __future__ import annotations

from checker.corpus.run import CorpusOptions, corpus, make_engine
from checker.corpus.schema import CORPUS_SCHEMA_VERSION, CorpusReport, Story

__all__ = [
    "CORPUS_SCHEMA_VERSION",
    "CorpusOptions",
    "CorpusReport",
    "Story",
    "corpus",
    "make_engine",
]
