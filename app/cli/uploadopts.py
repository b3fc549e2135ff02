"""The command line's object options: ``skylift upload --acl/--tag/--sse ...``, the customer key
flags of upload/resume/restart, and ``skylift profile set NAME --upload-default NAME=VALUE``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.running import UsageError
from app.services.core import AppCore
from app.services.uploadopts import DEFAULT_NAMES, Chosen, apply_default, chosen_from, merge
from engine.objectopts import CustomerKey, OptionError, parse_pair, parse_sse
from engine.providers import Provider, get_provider
from engine.transfer import STDIN


def _tag(text: str) -> tuple[str, str]:
    try:
        return parse_pair("--tag", text)
    except OptionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _sse(text: str) -> tuple[str, str]:
    try:
        return parse_sse(text)
    except OptionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_object_args(up: argparse.ArgumentParser) -> None:
    g = up.add_argument_group("object options (over the profile's upload defaults)")
    g.add_argument("--content-type", default="", help="instead of the type guessed from the name")
    g.add_argument("--cache-control", default="")
    g.add_argument("--content-disposition", default="")
    g.add_argument("--content-encoding", default="")
    g.add_argument(
        "--acl",
        default="",
        help="canned ACL: private, public-read, public-read-write, authenticated-read, "
        "bucket-owner-read, bucket-owner-full-control (OSS: private, public-read, "
        "public-read-write, default)",
    )
    g.add_argument("--tag", type=_tag, action="append", default=[], metavar="KEY=VALUE")
    g.add_argument(
        "--sse",
        type=_sse,
        default=None,
        metavar="{aes256,kms[:KEY_ID],c}",
        help="server-side encryption; c: a key of your own (--sse-c-key-file or --sse-c-key-stdin)",
    )
    add_key_args(up)


def add_key_args(p: argparse.ArgumentParser) -> None:
    # Never the key itself as an argument: command lines show in process lists and shell history.
    p.add_argument("--sse-c-key-file", default="", metavar="PATH", help="customer key: 32 bytes or base64")
    p.add_argument("--sse-c-key-stdin", action="store_true", help="read the customer key from stdin")


def read_key(a: argparse.Namespace) -> CustomerKey | None:
    if a.sse_c_key_file and a.sse_c_key_stdin:
        raise UsageError("give the customer key one way: --sse-c-key-file or --sse-c-key-stdin")
    if a.sse_c_key_file:
        try:
            with open(a.sse_c_key_file, "rb") as f:
                data = f.read(4096)
        except OSError as exc:
            raise UsageError(f"--sse-c-key-file {a.sse_c_key_file}: {exc.strerror}") from None
    elif a.sse_c_key_stdin:
        if STDIN in getattr(a, "paths", []):
            raise UsageError("standard input carries the data; give the key with --sse-c-key-file")
        data = sys.stdin.buffer.read(4096)
    else:
        return None
    try:
        return CustomerKey.from_bytes(data)
    except OptionError as exc:
        raise UsageError(str(exc)) from None


def chosen(a: argparse.Namespace, defaults: dict[str, Any], key: CustomerKey | None) -> Chosen:
    """The profile's defaults with this upload's flags over them."""
    flags: dict[str, Any] = {
        "content_type": a.content_type,
        "cache_control": a.cache_control,
        "content_disposition": a.content_disposition,
        "content_encoding": a.content_encoding,
        "acl": a.acl,
        "tags": dict(a.tag),
        "metadata": dict(a.meta),
    }
    if a.sse is not None:
        mode, key_id = a.sse
        flags.update(sse=mode, kms_key_id=key_id)
        if mode == "c":
            if key is None:
                raise UsageError("--sse c needs the key: --sse-c-key-file PATH or --sse-c-key-stdin")
            flags["sse_c_md5"] = key.md5_b64
    if key is not None and flags.get("sse") != "c":
        raise UsageError("a customer key was given without --sse c; add --sse c to encrypt with it")
    try:
        return chosen_from(merge(defaults, flags))
    except OptionError as exc:
        raise UsageError(str(exc)) from None


def add_profile_set_parser(prof: Any) -> None:
    """``profile set NAME --upload-default NAME=VALUE ...`` (``prof``: the profile subparsers)."""
    st = prof.add_parser("set", help="change a profile's upload defaults")
    st.add_argument("name")
    st.add_argument(
        "--upload-default",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"NAME: {', '.join(DEFAULT_NAMES)} (tag and meta take k=v); an empty VALUE removes it",
    )
    st.add_argument("--clear-upload-defaults", action="store_true")


def _defaults(start: dict[str, Any], texts: list[str], provider: Provider) -> dict[str, Any]:
    defaults = dict(start)
    try:
        for text in texts:
            defaults = apply_default(defaults, text)
        chosen_from(defaults).object.check_for(provider.dialect, provider.sse_kms, provider.title)
    except OptionError as exc:
        raise UsageError(str(exc)) from None
    return defaults


def check_defaults(texts: list[str], provider: str) -> None:
    """Refuse bad ``--upload-default`` values before ``profile add`` saves anything."""
    _defaults({}, texts, get_provider(provider))


def cmd_profile_set(core: AppCore, a: argparse.Namespace) -> None:
    row = core.profiles.get(a.name)
    start = {} if a.clear_upload_defaults else row.upload_defaults
    defaults = _defaults(start, a.upload_default, core.profiles.provider(a.name))
    core.profiles.set_upload_defaults(a.name, defaults)
    shown = ", ".join(f"{k}={v}" for k, v in sorted(defaults.items())) or "none"
    print(f"profile {a.name}: upload defaults: {shown}")
