"""Share links: a signed GET URL that works for a while, or the object's plain URL.

The command line (``skylift share``) and the window's "Copy Share Link…" both come here, so they
refuse the same things with the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.services.profiles import Profiles
from engine.backends.base import SharesLinks

#: SigV4 (S3) and OSS V4 signatures are valid for at most 7 days; a longer link would be refused
#: by the server on its first use, so it is refused here, when the user can still choose.
MAX_SECONDS = 7 * 24 * 3600

_EXPIRES = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


#: Links to the built-in storage: its server runs inside Skylift, with a new key pair each start.
LOCAL_NOTE = (
    "the built-in storage answers only while this Skylift runs (each start has a new port and "
    "key pair), so the link works until it stops"
)


class ShareError(ValueError):
    """The link cannot be made: a bad expiry, or a store that cannot sign links."""


class NoSuchObject(ShareError):
    """There is no object to share: the key is not in the bucket."""


@dataclass(frozen=True)
class Link:
    url: str
    #: When a signed link stops working (UTC); None for a plain URL.
    expires_at: datetime | None = None


def parse_expires(text: str) -> int:
    """``"7d"``, ``"12h"``, ``"30m"``, ``"45s"`` or a number of seconds -> seconds."""
    m = _EXPIRES.match(text)
    if m is None:
        raise ShareError(f"--expires takes 7d, 12h, 30m or a number of seconds, not {text!r}")
    seconds = int(m.group(1)) * _UNIT[m.group(2).lower()]
    check_seconds(seconds)
    return seconds


def check_seconds(seconds: int) -> None:
    if seconds < 1:
        raise ShareError("a share link must last at least 1 second")
    if seconds > MAX_SECONDS:
        raise ShareError(
            f"a share link can last at most 7 days ({MAX_SECONDS} seconds): S3 and OSS refuse "
            f"signatures older than that; {seconds} seconds is longer"
        )


def _sharer(profiles: Profiles, profile: str, bucket: str, key: str) -> SharesLinks:
    if not key or key.endswith("/"):
        raise ShareError(f"name an object to share (PROFILE:BUCKET/KEY), not a folder: {key or '(none)'}")
    backend = profiles.backend(profile)
    if not isinstance(backend, SharesLinks):
        raise ShareError(f"profile {profile!r}: this store cannot make share links")
    # A link to nothing would only fail for whoever opens it, later: say so now.
    if backend.head(bucket, key) is None:
        raise NoSuchObject(f"no object {key} in {bucket}")
    return backend


def share_link(profiles: Profiles, profile: str, bucket: str, key: str, seconds: int) -> Link:
    """A GET link for ``seconds`` (checked against :data:`MAX_SECONDS`) to an existing object."""
    check_seconds(seconds)
    backend = _sharer(profiles, profile, bucket, key)
    # The clock is read before signing: the link expires no later than said.
    expires_at = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=seconds)
    return Link(backend.presign_get(bucket, key, seconds), expires_at)


def object_url(profiles: Profiles, profile: str, bucket: str, key: str) -> Link:
    """The plain URL of an existing object (opens only if the object is public)."""
    return Link(_sharer(profiles, profile, bucket, key).object_url(bucket, key))
