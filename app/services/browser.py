"""Listing buckets, prefixes and objects for the bucket browser (run on a worker thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.services.profiles import Profiles
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


def list_prefix(profiles: Profiles, profile: str, bucket: str, prefix: str) -> Listing:
    """One level under ``prefix``: sub-prefixes first, then objects."""
    backend = profiles.backend(profile)
    client: Any = getattr(backend, "client", None)
    if client is None:
        raise SkyliftError(ErrorCode.CONFIG, "browsing is available for S3-compatible profiles only")
    from engine.backends.s3 import classify

    prefixes: list[Entry] = []
    objects: list[Entry] = []
    truncated = False
    token: str | None = None
    try:
        while True:
            args: dict[str, Any] = {"Bucket": bucket, "Prefix": prefix, "Delimiter": "/", "MaxKeys": 1000}
            if token:
                args["ContinuationToken"] = token
            resp = client.list_objects_v2(**args)
            for p in resp.get("CommonPrefixes", []):
                key = str(p["Prefix"])
                prefixes.append(Entry(key[len(prefix) :], key, True))
            for o in resp.get("Contents", []):
                key = str(o["Key"])
                if key == prefix:
                    continue
                objects.append(Entry(key[len(prefix) :], key, False, int(o["Size"]), o.get("LastModified")))
            token = resp.get("NextContinuationToken")
            if not resp.get("IsTruncated") or not token:
                break
            if len(prefixes) + len(objects) >= MAX_ENTRIES:
                truncated = True
                break
    except Exception as exc:
        mapped = classify(exc)
        if mapped is exc:
            raise
        raise mapped from exc
    return Listing(bucket, prefix, prefixes + objects, truncated)
