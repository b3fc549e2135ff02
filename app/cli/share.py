"""``skylift share PROFILE:BUCKET/KEY``: print a link to an object, signed for a while or plain."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from app.cli.running import EXIT_OK, Interrupt, UsageError
from app.services.core import AppCore, parse_destination
from app.services.profiles import LOCAL
from app.services.share import LOCAL_NOTE, NoSuchObject, ShareError, object_url, parse_expires, share_link


def add_share_parser(sub: Any) -> None:
    s = sub.add_parser(
        "share",
        help="print a link to an object: signed for a while (presigned GET), or its plain URL",
        description="Prints a link anyone can open until it expires (at most 7 days). The object "
        "must exist. With --url, the object's plain URL instead, which opens only if it is public.",
    )
    s.add_argument("object", metavar="PROFILE:BUCKET/KEY")
    s.add_argument(
        "--expires",
        default="7d",
        metavar="DURATION",
        help="how long the link works: 7d, 12h, 30m or SECONDS (default 7d, the most S3 and OSS allow)",
    )
    s.add_argument("--url", action="store_true", help="print the plain object URL, not a signed link")


def cmd_share(core: AppCore, a: argparse.Namespace) -> int:
    dest = parse_destination(a.object, core.profiles.default_name())
    core.profiles.get(dest.profile)
    try:
        seconds = parse_expires(a.expires)
        if a.url:
            link = object_url(core.profiles, dest.profile, dest.bucket, dest.key)
        else:
            link = share_link(core.profiles, dest.profile, dest.bucket, dest.key, seconds)
    except NoSuchObject as exc:
        # Like a missing source file for upload: the command names something that is not there.
        raise UsageError(f"{exc}; 'skylift upload' it first, or check the key") from None
    except ShareError as exc:
        raise UsageError(str(exc)) from None
    print(link.url, flush=True)
    if link.expires_at is not None:
        print(f"skylift: the link works until {link.expires_at:%Y-%m-%d %H:%M:%S} UTC", file=sys.stderr)
    if dest.profile == LOCAL:
        _serve_until_stopped(seconds if link.expires_at else None)
    return EXIT_OK


def _serve_until_stopped(seconds: float | None) -> None:
    """The built-in storage stops with this process: keep it up until Ctrl-C or the link expires."""
    print(f"skylift: {LOCAL_NOTE}; Ctrl-C ends it", file=sys.stderr, flush=True)
    end = time.monotonic() + seconds if seconds is not None else float("inf")
    with Interrupt() as intr:
        while not intr.hit.is_set() and time.monotonic() < end:
            intr.hit.wait(min(1.0, max(0.0, end - time.monotonic())))
