"""Listing buckets, prefixes and objects for the bucket browser (run on a worker thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.services.profiles import Profiles
from engine.backends.base import DeletesObjects, ListsPrefixes
from engine.errors import ErrorCode, SkyliftError

#: Enough for a picker; the browser says when a listing was cut short.
MAX_ENTRIES = 2000


@dataclass(frozen=True)
class Entry:
    name: str
    #: the full key (or prefix, ending in "/")
    key: str
    is_prefix: bool
    size: int = 0
    modified: datetime | None = None


@dataclass
class Listing:
    bucket: str
    prefix: str
    entries: list[Entry]
    truncated: bool = False


def list_buckets(profiles: Profiles, profile: str) -> list[str]:
    return sorted(profiles.backend(profile).list_buckets())


def delete_object(profiles: Profiles, profile: str, bucket: str, key: str) -> str:
    """Delete one object; returns its key. Transfers are not touched: this is the server's copy."""
    backend = profiles.backend(profile)
    if not isinstance(backend, DeletesObjects):
        raise SkyliftError(ErrorCode.CONFIG, "this storage's backend cannot delete objects")
    backend.delete_object(bucket, key)
    return key


def list_prefix(profiles: Profiles, profile: str, bucket: str, prefix: str) -> Listing:
    """One level under ``prefix``: sub-prefixes first, then objects."""
    backend = profiles.backend(profile)
    if not isinstance(backend, ListsPrefixes):
        raise SkyliftError(ErrorCode.CONFIG, "browsing is available for S3-compatible profiles only")
    level = backend.list_level(bucket, prefix, MAX_ENTRIES)
    prefixes = [Entry(p[len(prefix) :], p, True) for p in level.prefixes]
    objects = [Entry(o.key[len(prefix) :], o.key, False, o.size, o.last_modified) for o in level.objects]
    return Listing(bucket, prefix, prefixes + objects, level.truncated)
