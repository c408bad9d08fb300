"""`checker verify`: a draft checked sentence by sentence against the material it was
written from. `checker.verify.verify(draft, sources)` returns a pydantic `VerifyReport`."""

from __future__ import annotations

from checker.verify.run import VerifyOptions, verify
from checker.verify.schema import VERIFY_SCHEMA_VERSION, SentenceVerdict, VerifyReport

__all__ = ["VERIFY_SCHEMA_VERSION", "SentenceVerdict", "VerifyOptions", "VerifyReport", "verify"]
