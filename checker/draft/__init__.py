"""`checker verify`: a draft checked sentence by sentence against the material it was
written from. `checker.verify(draft, sources)` (this package's `verify`) returns a
pydantic `VerifyReport`. The folder is `draft/` so that `checker.verify` stays the
function."""

from __future__ import annotations

from checker.draft.run import VerifyOptions, verify
from checker.draft.schema import VERIFY_SCHEMA_VERSION, SentenceVerdict, VerifyReport

__all__ = ["VERIFY_SCHEMA_VERSION", "SentenceVerdict", "VerifyOptions", "VerifyReport", "verify"]
