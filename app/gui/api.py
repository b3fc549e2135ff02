"""What ``ui/`` may know of the engine: enums, provider presets and unit helpers, through app/."""

from __future__ import annotations

from app.services.conflicts import ConflictQuestion
from app.services.keystore import KeyringUnavailable, backend_label, backend_name, keyring_problem
from app.services.local_server import StorageNotice
from app.services.profiles import LOCAL, LOCAL_BUCKET, ProfileError
from engine import __version__
from engine.errors import ErrorCode, SkyliftError
from engine.objectopts import OSS_ACLS, S3_ACLS, ObjectOptions, OptionError, parse_pair
from engine.providers import PROVIDERS, Dialect, Provider
from engine.sources import Skipped, SkipReason
from engine.state import ACTIVE, FINAL, State
from engine.store import ProfileRow, StoreError
from engine.units import format_size, parse_rate, parse_size

__all__ = [
    "ACTIVE",
    "FINAL",
    "LOCAL",
    "LOCAL_BUCKET",
    "OSS_ACLS",
    "PROVIDERS",
    "S3_ACLS",
    "ConflictQuestion",
    "Dialect",
    "ErrorCode",
    "KeyringUnavailable",
    "ObjectOptions",
    "OptionError",
    "ProfileError",
    "ProfileRow",
    "Provider",
    "SkipReason",
    "Skipped",
    "SkyliftError",
    "State",
    "StorageNotice",
    "StoreError",
    "__version__",
    "backend_label",
    "backend_name",
    "format_size",
    "keyring_problem",
    "parse_pair",
    "parse_rate",
    "parse_size",
]
