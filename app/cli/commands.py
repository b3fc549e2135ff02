"""The ``skylift`` command line. Runs the same engine, on the same QThreadPool, as the GUI."""

from __future__ import annotations

import argparse
import errno
import json
import logging
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from app.cli import selfcheck
from app.cli.conflicts import moved, policy_for, say_skipped
from app.cli.profile_import import add_import_parser, cmd_profile_import
from app.cli.running import EXIT_FAILED, EXIT_HELD, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError
from app.cli.running import run_transfers as _run
from app.cli.share import add_share_parser, cmd_share
from app.cli.stale import add_stale_parser, cmd_stale
from app.cli.uploadopts import (
    add_key_args,
    add_object_args,
    add_profile_set_parser,
    check_defaults,
    chosen,
    cmd_profile_set,
    read_key,
)
from app.cli.verify import add_verify_parser, cmd_verify
from app.cli.watch import add_watch_parser, cmd_watch
from app.services import desktop_entry
from app.services.core import (
    AppCore,
    Destination,
    DestinationError,
    Enqueued,
    UploadOptions,
    parse_destination,
)
from app.services.keystore import KeyringUnavailable
from app.services.logsetup import setup_logging
from app.services.paths import Paths, resolve_paths
from app.services.profiles import NetworkOptions, ProfileError
from app.services.progress import ProgressAccumulator
from app.services.settings import Settings
from engine import __version__
from engine.errors import RETRYABLE, ErrorCode, SkyliftError
from engine.lease import Holder, held_message
from engine.netproxy import DIRECT, check_proxy
from engine.plan import choose_part_size
from engine.providers import PROVIDERS, Provider, get_provider
from engine.retry import RetryPolicy
from engine.scheduler import EngineSettings
from engine.sources import Skipped
from engine.state import FINAL, State
from engine.store import StoreError, TransferRow
from engine.transfer import STDIN
from engine.units import format_size, parse_age, parse_rate, parse_size

#: The subcommands; anything else given to ``skylift`` that names files opens the window with them.
COMMANDS = frozenset(
    {
        "profile",
        "upload",
        "resume",
        "list",
        "cancel",
        "restart",
        "self-check",
        "stale",
        "desktop-install",
        "verify",
        "watch",
        "share",
    }
)


def _meta(text: str) -> tuple[str, str]:
    k, sep, v = text.partition("=")
    if not sep or not k:
        raise argparse.ArgumentTypeError(f"--meta takes key=value, not {text!r}")
    if not (k + v).isascii():
        # S3 sends user metadata as HTTP headers, which carry ASCII only.
        raise argparse.ArgumentTypeError(
            f"--meta {text!r}: metadata keys and values must be ASCII (they travel as HTTP headers); "
            "percent-encode the value, or put the text in the object itself"
        )
    return k, v


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _part_size(text: str) -> int:
    size = _size(text)
    if size <= 0:
        raise argparse.ArgumentTypeError(f"--part-size must be more than 0, not {text!r}")
    return size


def _bounded(option: str, cast: Callable[[str], float], low: float, high: float, words: str) -> Any:
    """An argparse type for a number in [low, high]; anything else (NaN too) is a usage error."""

    def parse(text: str) -> float:
        try:
            value = cast(text)
        except ValueError:
            value = float("nan")
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{option} must be {words}, not {text!r}")
        return value

    return parse


_concurrency = _bounded("--concurrency", int, 1, 64, "from 1 to 64")
_retries = _bounded("--retries", int, 0, 100, "0 or more (at most 100)")
_interval = _bounded("--retry-interval", float, 0, 3600, "0 or more seconds (at most 3600)")


def _wait(text: str) -> float:
    try:
        seconds = parse_age(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--wait-for-network takes a duration such as 30s, 10m or 2h, not {text!r} "
            "(or give it no value to wait as long as it takes)"
        ) from None
    if not 0 < seconds < math.inf:
        raise argparse.ArgumentTypeError("--wait-for-network must be more than 0 seconds")
    return seconds


_timeout = _bounded("--timeout", float, 1, 3600, "from 1 to 3600 seconds")


def _add_network_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--timeout",
        type=_timeout,
        default=30.0,
        metavar="SECONDS",
        help="give a request up (and retry it) when the connection is silent this long (default 30)",
    )
    p.add_argument(
        "--wait-for-network",
        type=_wait,
        nargs="?",
        const=math.inf,
        default=0.0,
        metavar="DURATION",
        help="when the endpoint cannot be reached, wait for it to come back (at most DURATION, "
        "e.g. 30m; with no value, as long as it takes) instead of failing after the retries",
    )


def _transfer_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"transfer ids are numbers, not {text!r}; 'skylift list' shows them"
        ) from None


def _rate(text: str) -> int | None:
    try:
        return parse_rate(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_proxy_options(p: argparse.ArgumentParser, default: Any) -> None:
    p.add_argument(
        "--proxy",
        default=default,
        metavar="URL",
        help="send every request through this proxy: http://HOST:PORT or socks5h://HOST:PORT; "
        "'direct' for none (default: the window's setting, else HTTPS_PROXY/NO_PROXY)",
    )
    p.add_argument(
        "--ca-bundle",
        default=default,
        metavar="PEM",
        help="trust the certificate authorities in this file for HTTPS endpoints "
        "(default: the window's setting, else the system's)",
    )


def _every_parser(p: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in p._actions:  # argparse has no public walk of its subcommands
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield child
                yield from _every_parser(child)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="skylift", description="Resumable uploads to object storage.")
    p.add_argument("--version", action="version", version=f"skylift {__version__}")
    p.add_argument("--verbose", action="store_true", help="log debug detail to the log file")
    _add_proxy_options(p, None)
    sub = p.add_subparsers(dest="command")

    prof = sub.add_parser("profile", help="manage storage profiles").add_subparsers(dest="action")
    add = prof.add_parser("add", help="add or update a profile")
    add.add_argument("name")
    add.add_argument("--provider", required=True, choices=list(PROVIDERS))
    add.add_argument("--endpoint", default="")
    add.add_argument("--region", default="")
    add.add_argument("--access-key-id", default="")
    add.add_argument(
        "--secret-stdin",
        action="store_true",
        help="read the secret key from standard input into the OS keyring",
    )
    add.add_argument(
        "--session-token-stdin",
        action="store_true",
        help="read a temporary key's session token from standard input (after the secret, if "
        "--secret-stdin is given too) into the OS keyring",
    )
    add.add_argument(
        "--aws-profile",
        default="",
        metavar="AWSNAME",
        help="take the credentials of this profile in ~/.aws/config or ~/.aws/credentials "
        "(assume-role, SSO and credential_process included)",
    )
    add.add_argument("--path-style", action="store_true", default=None)
    add.add_argument("--default-bucket", default="")
    add.add_argument("--signature", choices=["v1", "v4"], default="", help="OSS signing version")
    add.add_argument("--upload-default", action="append", default=[], metavar="NAME=VALUE")
    add_profile_set_parser(prof)
    prof.add_parser("list", help="list profiles")
    for name in ("remove", "test"):
        prof.add_parser(name).add_argument("name")
    add_import_parser(prof)

    up = sub.add_parser("upload", help="upload files, folders or standard input")
    up.add_argument("paths", nargs="+", metavar="SRC... DEST")
    up.add_argument("--part-size", type=_part_size, default=None)
    up.add_argument("--threshold", type=_size, default=None, help="multipart from this size on")
    up.add_argument("--concurrency", type=_concurrency, default=4)
    up.add_argument("--bwlimit", type=_rate, default=None)
    up.add_argument("--storage-class", default="")
    up.add_argument("--meta", type=_meta, action="append", default=[])
    up.add_argument("--include", action="append", default=[])
    up.add_argument("--exclude", action="append", default=[])
    up.add_argument(
        "--if-exists",
        choices=["overwrite", "skip", "skip-same", "rename", "ask"],
        default=None,
        help="when the object exists: replace it (the default), leave it, leave it if it holds the "
        "file's bytes (by checksum), upload as 'name (1).ext', or ask (on a terminal)",
    )
    up.add_argument(
        "--delete-after-verify",
        action="store_true",
        help="move: delete each local file once its object is complete and its checksum proven "
        "(never on any other outcome); --if-exists defaults to skip-same",
    )
    add_object_args(up)
    up.add_argument("--retries", type=_retries, default=5)
    up.add_argument("--retry-interval", type=_interval, default=1.0)
    _add_network_options(up)
    up.add_argument("--json", action="store_true")

    res = sub.add_parser("resume", help="resume unfinished transfers")
    res.add_argument("ids", nargs="*", type=_transfer_id)
    res.add_argument("--all", action="store_true")
    res.add_argument("--concurrency", type=_concurrency, default=4)
    res.add_argument("--bwlimit", type=_rate, default=None)
    res.add_argument(
        "--no-reprove",
        action="store_true",
        help="do not re-read the parts already uploaded to prove the file still holds them "
        "(faster for huge files; only when nothing can have rewritten the file in place)",
    )
    _add_network_options(res)
    add_key_args(res)
    res.add_argument("--json", action="store_true")

    ls = sub.add_parser("list", help="transfers in the checkpoint database")
    ls.add_argument("--json", action="store_true")

    sub.add_parser("cancel", help="abort on the server and mark cancelled").add_argument(
        "ids", nargs="+", type=_transfer_id
    )
    rs = sub.add_parser("restart", help="upload again from the start (after the file changed)")
    rs.add_argument("ids", nargs="+", type=_transfer_id)
    add_key_args(rs)
    rs.add_argument("--json", action="store_true")
    sub.add_parser(
        "self-check", help="keyring, Qt and a 1 MiB upload to the built-in storage; non-zero on failure"
    )
    di = sub.add_parser("desktop-install", help="add Skylift to the applications menu (and Open With)")
    di.add_argument("--remove", action="store_true", help="take the menu entry and icon away again")
    add_stale_parser(sub)
    add_verify_parser(sub)
    add_watch_parser(sub)
    add_share_parser(sub)
    # Also after the command (`skylift upload --proxy ...`); SUPPRESS keeps a value given before it.
    for child in _every_parser(p):
        _add_proxy_options(child, argparse.SUPPRESS)
    return p


def cmd_upload(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    *srcs, dest_text = a.paths
    if not srcs:
        raise UsageError("upload needs at least one SRC and a DEST (PROFILE:BUCKET[/KEY])")
    dest = parse_destination(dest_text, core.profiles.default_name())
    core.profiles.get(dest.profile)
    _check_part_size(a.part_size, core.profiles.provider(dest.profile))
    key = read_key(a)
    picked = chosen(a, core.profiles.get(dest.profile).upload_defaults, key)
    if key is not None:
        core.engine.keys.add(key)
        if a.delete_after_verify or a.if_exists in ("skip-same", "rename"):
            raise UsageError(
                "--sse c cannot be combined with --delete-after-verify or --if-exists skip-same/rename: "
                "they read the object back without the key"
            )
    opts = UploadOptions(
        a.storage_class,
        picked.metadata,
        a.include,
        a.exclude,
        a.delete_after_verify,
        content_type=picked.content_type,
        object=picked.object,
    )
    if STDIN in srcs:
        if srcs != [STDIN]:
            raise UsageError(
                "'-' (standard input) cannot be mixed with other sources; upload the files with "
                "another command"
            )
        if not dest.key or dest.key.endswith("/"):
            raise UsageError("an upload from standard input needs a full object key in DEST")
        if sys.stdin.isatty():
            # Reading a terminal would wait, silently, for someone to type the data.
            raise UsageError(
                "standard input is a terminal, not data; pipe the data in: 'COMMAND | skylift upload - DEST'"
            )
        return _upload_stdin(core, acc, dest, opts, a.json)
    multi = len(srcs) > 1 or any(os.path.isdir(s) for s in srcs)
    if multi and dest.key and not dest.key.endswith("/"):
        dest = Destination(dest.profile, dest.bucket, dest.key + "/")
    for s in srcs:
        if not os.path.exists(s):
            raise UsageError(f"no such file or folder: {s}; check the path")
    if multi:
        _refuse_same_names(srcs, dest.key)
    skipped: list[Skipped] = []

    def say(s: Skipped) -> None:
        skipped.append(s)
        shown = s.path.encode("utf-8", "backslashreplace").decode()  # names need not be UTF-8
        print(f"skylift: {shown}: skipped: {s.reason}", file=sys.stderr)

    counts = Enqueued()
    policy_name = a.if_exists or ("skip-same" if a.delete_after_verify else "overwrite")
    mover = core.mover if a.delete_after_verify else None
    if mover is not None:
        mover.sweep()
    policy = policy_for(policy_name, mover, dest)
    ids = core.enqueue(srcs, dest, opts, skipped=say, policy=policy, report=counts)
    say_skipped(policy_name, policy, counts.skipped, a.json)
    lost = sum(1 for s in skipped if s.lost)
    if not ids and not lost:
        if counts.skipped:
            # everything is on the server already: nothing left to do
            return moved(mover, EXIT_OK)
        raise UsageError("nothing to upload: the sources hold no files (after --include/--exclude)")
    status = moved(mover, _run(core, acc, ids, a.json)) if ids else EXIT_FAILED
    if lost:
        # Files the user meant to upload may be among them: the run did not do all it was asked.
        what = "folder or file" if lost == 1 else "folders or files"
        print(
            f"skylift: {lost} {what} could not be uploaded (named above, each with the reason); "
            "fix their permissions or names and upload again",
            file=sys.stderr,
        )
        return EXIT_FAILED if status == EXIT_OK else status
    return status


def _check_part_size(requested: int | None, prov: Provider) -> None:
    """A part size the provider refuses is said now: clamping it silently would upload with a
    size the user did not ask for, and sending it would fail every part."""
    rules = prov.rules
    if requested is None or rules.fixed_part is not None:
        return
    if not rules.min_part <= requested <= rules.max_part:
        raise UsageError(
            f"--part-size {format_size(requested)} is outside what {prov.title} accepts; choose a size "
            f"from {format_size(rules.min_part)} to {format_size(rules.max_part)}"
        )


def _refuse_same_names(srcs: list[str], prefix: str) -> None:
    """Two sources named alike would land on one key, the second silently replacing the first."""
    seen: dict[str, str] = {}
    for src in srcs:
        name = os.path.basename(os.path.abspath(src))
        if name in seen:
            raise UsageError(
                f"{seen[name]} and {src} would both be uploaded to {prefix}{name}; "
                "upload them to different prefixes"
            )
        seen[name] = src


def _upload_stdin(
    core: AppCore, acc: ProgressAccumulator, dest: Destination, opts: UploadOptions, json_mode: bool
) -> int:
    prov = get_provider(core.profiles.get(dest.profile).provider)
    part_size = choose_part_size(0, core.settings.part_size, prov.rules)
    row = TransferRow(
        profile=dest.profile,
        local_path=STDIN,
        size=0,
        mtime_ns=0,
        bucket=dest.bucket,
        key=dest.key,
        part_size=part_size,
        multipart=True,
        content_type=opts.content_type or "application/octet-stream",
        storage_class=opts.storage_class,
        metadata=dict(opts.metadata),
        options=opts.object.to_dict(),
    )
    opts.object.check_for(prov.dialect, prov.sse_kms, prov.title)
    tid = core.engine.add_stream(row, sys.stdin.buffer)
    status = _run(core, acc, [tid], json_mode)
    (view,) = core.engine.views([tid])
    if view.state is State.DONE:
        # A pipe carries no length: its end is the end of the data, even when the program
        # writing it stopped early. The size is said so a short object does not go unnoticed.
        print(
            f"skylift: standard input ended after {view.size} bytes; uploaded them as "
            f"{dest.bucket}/{dest.key}",
            file=sys.stderr,
        )
    return status


def cmd_resume(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    if not a.ids and not a.all:
        raise UsageError("name transfer IDs to resume, or pass --all (skylift list shows them)")
    key = read_key(a)
    if key is not None:
        core.engine.keys.add(key)
    loaded = core.engine.load(a.ids or None)
    if a.ids:
        missing = [i for i in a.ids if i not in loaded.ids and i not in loaded.held]
        if missing:
            raise UsageError(_no_transfer(missing))
    ids = [i for i in loaded.ids if _resumable(core, i)] if a.all else list(loaded.ids)
    _say_held(loaded.held)
    left = [v for v in core.engine.views(loaded.ids) if v.id not in ids and v.state is State.FAILED]
    for v in left:
        if v.error_code == ErrorCode.KEY_NEEDED:
            print(f"skylift: transfer #{v.id} was not resumed: {v.error_detail}", file=sys.stderr)
            continue
        print(
            f"skylift: transfer #{v.id} was not resumed: {v.error_code} ({v.error_detail}); "
            f"a resume cannot cure that: 'skylift restart {v.id}' uploads the file as it is now, "
            f"'skylift cancel {v.id}' gives it up",
            file=sys.stderr,
        )
    core.mover.sweep()  # moves a run stopped before finishing (the intent is in each transfer)
    core.engine.resume(ids)
    status = moved(core.mover, _run(core, acc, ids, a.json), quiet=True)
    if left and status == EXIT_OK:
        return EXIT_FAILED
    return EXIT_HELD if loaded.held and status == EXIT_OK else status


def _no_transfer(ids: list[int]) -> str:
    return f"no unfinished transfer with id {', '.join(map(str, ids))}; 'skylift list' shows the transfers"


def _say_held(held: dict[int, Holder]) -> None:
    for tid, holder in sorted(held.items()):
        print(f"skylift: {held_message(tid, holder)}", file=sys.stderr)


def _resumable(core: AppCore, tid: int) -> bool:
    (view,) = core.engine.views([tid])
    if view.state in FINAL:
        return False
    if view.state is State.FAILED and view.error_code == ErrorCode.KEY_NEEDED:
        return core.engine.keys.any()  # the customer key it waited for may be among those given
    return view.state is not State.FAILED or view.error_code in {c.value for c in RETRYABLE}


def cmd_cancel(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    loaded = core.engine.load(a.ids)
    unknown = [i for i in a.ids if i not in loaded.ids and i not in loaded.held]
    if unknown:
        raise UsageError(_no_transfer(unknown))
    _say_held(loaded.held)
    core.engine.cancel(loaded.ids)
    _run(core, acc, loaded.ids, False)
    views = core.engine.views(loaded.ids)
    ok = all(v.state is State.CANCELLED and not v.error_code for v in views)
    if not ok:
        return EXIT_FAILED
    return EXIT_HELD if loaded.held else EXIT_OK


def cmd_restart(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    key = read_key(a)
    if key is not None:
        core.engine.keys.add(key)
    loaded = core.engine.load(a.ids)
    unknown = [i for i in a.ids if i not in loaded.ids and i not in loaded.held]
    if unknown:
        raise UsageError(_no_transfer(unknown))
    _say_held(loaded.held)
    ids = core.engine.restart(loaded.ids)
    status = _run(core, acc, ids, a.json)
    return EXIT_HELD if loaded.held and status == EXIT_OK else status


def cmd_list(core: AppCore, a: argparse.Namespace) -> int:
    done = core.store.bytes_done()
    for r in core.store.list_transfers():
        b = r.size if r.state is State.DONE else (done.get(r.id, 0) if r.multipart else 0)
        obj = {
            "id": r.id,
            "state": r.state.label,
            "profile": r.profile,
            "bucket": r.bucket,
            "key": r.key,
            "path": r.local_path,
            "size": r.size,
            "bytes_done": b,
            "upload_id": r.upload_id,
            "part_size": r.part_size,
            "error_code": r.error_code,
            "error": r.error_detail,
            # Transfers queued by one drop or command share a batch (0: queued alone).
            "batch": r.batch,
        }
        if a.json:
            print(json.dumps(obj))
        else:
            err = f"  [{r.error_code}]" if r.error_code else ""
            print(f"{r.id:6} {r.state.label:10} {b:>14}/{r.size:<14} {r.profile}:{r.bucket}/{r.key}{err}")
    return EXIT_OK


def cmd_profile(core: AppCore, a: argparse.Namespace) -> int:
    if a.action == "add":
        check_defaults(a.upload_default, a.provider)
        secret = None
        if a.secret_stdin:
            secret = sys.stdin.readline().rstrip("\r\n")
            if not secret:
                raise UsageError("--secret-stdin read an empty line; pipe the secret key in")
        token = None
        if a.session_token_stdin:
            token = sys.stdin.readline().strip()
            if not token:
                raise UsageError("--session-token-stdin read an empty line; pipe the session token in")
        row = core.profiles.add(
            a.name,
            a.provider,
            a.endpoint,
            a.region,
            a.access_key_id,
            secret,
            a.path_style,
            a.default_bucket,
            a.signature,
            aws_profile=a.aws_profile,
            session_token=token,
        )
        if a.upload_default:
            cmd_profile_set(
                core,
                argparse.Namespace(name=a.name, upload_default=a.upload_default, clear_upload_defaults=False),
            )
        where = "in the OS keyring" if secret else "none stored (keyring or environment at use)"
        if row.aws_profile:
            where = f"from AWS profile {row.aws_profile!r} (AWS config files)"
        elif token is not None:
            where += "; session token in the OS keyring"
        print(f"profile {row.name}: {row.provider} {row.endpoint or '(default endpoint)'}; secret: {where}")
    elif a.action == "list":
        for p in core.profiles.all():
            print(
                f"{p.name:16} {p.provider:10} {p.endpoint or '-':40} {p.region or '-':12} "
                f"{p.access_key_id or (f'aws-profile:{p.aws_profile}' if p.aws_profile else '-')}"
            )
    elif a.action == "remove":
        core.profiles.remove(a.name)
        print(f"removed profile {a.name}")
    elif a.action == "import":
        return cmd_profile_import(core, a)
    elif a.action == "test":
        buckets = core.profiles.test(a.name)
        print(f"profile {a.name}: connected; {len(buckets)} bucket(s): {', '.join(buckets)}")
    elif a.action == "set":
        cmd_profile_set(core, a)
    else:
        raise UsageError("profile needs an action: add, list, remove, test or import")
    return EXIT_OK


def cmd_desktop_install(a: argparse.Namespace) -> int:
    if a.remove:
        gone = desktop_entry.remove()
        print(f"removed {gone.entry} and {gone.icon}")
        return EXIT_OK
    done = desktop_entry.install()
    print(f"installed {done.entry} and {done.icon}")
    return EXIT_OK


def _say_region(profile: str, bucket: str, region: str) -> None:
    print(
        f"skylift: bucket {bucket} is in region {region}; profile {profile} uses it from now on",
        file=sys.stderr,
    )


def _network(a: argparse.Namespace, paths: Paths, patience: float) -> NetworkOptions:
    """The window's saved proxy and CA bundle, unless the command line names its own: a proxy
    set once in Settings must hold for scripts too, or some uploads bypass it."""
    saved = Settings.load(paths.settings).network_options()
    proxy = a.proxy if a.proxy is not None else saved.proxy
    if proxy:
        proxy = DIRECT if proxy == DIRECT else check_proxy(proxy)
    ca = a.ca_bundle if a.ca_bundle is not None else saved.ca_bundle
    if ca and not os.path.isfile(ca):
        raise UsageError(f"the CA bundle {ca} is not a readable file; give the PEM file of your authority")
    return NetworkOptions(
        proxy=proxy,
        ca_bundle=ca or None,
        wait_for_endpoint=patience > 0,
        io_timeout=getattr(a, "timeout", 30.0),
    )


def main(argv: Sequence[str] | None = None, gui: Callable[[], int] | None = None) -> int:
    """Run a command; with none, start ``gui`` (ui/ passes its launcher: app/ may not import ui/)."""
    parser = build_parser()
    a = parser.parse_args(argv)
    if a.command is None:
        if gui is None:
            parser.print_usage(sys.stderr)
            print("skylift: a command is needed here; `skylift` with none opens the window", file=sys.stderr)
            return EXIT_USAGE
        return gui()
    paths = resolve_paths()
    try:
        paths.create()
        setup_logging(paths.logs, a.verbose)
    except OSError as exc:
        return _unusable_home(exc)
    settings = EngineSettings(concurrency=max(1, getattr(a, "concurrency", 4)))
    if getattr(a, "part_size", None):
        settings.part_size = a.part_size
    if getattr(a, "threshold", None) is not None:
        settings.threshold = a.threshold
    if getattr(a, "bwlimit", None):
        settings.bwlimit = a.bwlimit
    if getattr(a, "no_reprove", False):
        settings.reprove_parts = False
    patience = float(getattr(a, "wait_for_network", 0.0))
    if hasattr(a, "retries"):
        settings.retry = RetryPolicy(retries=max(0, a.retries), interval=a.retry_interval, patience=patience)
    else:
        settings.retry = RetryPolicy(patience=patience)
    acc = ProgressAccumulator()
    try:
        # Waiting for the network includes an endpoint that is not up yet (refusing connections).
        net = _network(a, paths, patience)
    except UsageError as exc:
        print(f"skylift: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SkyliftError as exc:
        print(f"skylift: {exc.detail}", file=sys.stderr)
        return EXIT_USAGE
    try:
        core = AppCore(paths, acc, settings, net)
        core.profiles.on_region(_say_region)
    except StoreError as exc:
        print(f"skylift: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        return _dispatch(core, acc, a)
    except (UsageError, DestinationError, ProfileError, ValueError) as exc:
        print(f"skylift: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyringUnavailable, StoreError) as exc:
        # StoreError: the checkpoint opened but a write the command waits for failed (a disk
        # that filled up); the message names the disk and the fix.
        print(f"skylift: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except SkyliftError as exc:
        print(f"skylift: {exc.code.value}: {exc.detail}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        core.close()
        if core.engine.abandoned:
            _leave_stuck_requests()


def _leave_stuck_requests() -> NoReturn:
    """Exit without joining the pool's threads: some are stuck in requests a stalled link holds,
    and the checkpoint is already safe (``Engine.abandon``, then ``AppCore.close``)."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_INTERRUPTED)


def _unusable_home(exc: OSError) -> int:
    home = os.environ.get("SKYLIFT_HOME")
    where = f"SKYLIFT_HOME={home}" if home else f"the folder {exc.filename}"
    if exc.errno == errno.ENOSPC:
        print(
            f"skylift: cannot use {where}: the disk is full ({exc.filename}); free space on it or "
            "set SKYLIFT_HOME to a folder on another disk",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if isinstance(exc, (NotADirectoryError, FileExistsError)):
        print(
            f"skylift: cannot use {where}: {exc.filename} is not a folder; point it at a folder",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(
        f"skylift: cannot use {where}: {exc.strerror} ({exc.filename}); check its permissions "
        "or set SKYLIFT_HOME to a folder you can write",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _dispatch(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    if a.command == "upload":
        return cmd_upload(core, acc, a)
    if a.command == "resume":
        return cmd_resume(core, acc, a)
    if a.command == "list":
        return cmd_list(core, a)
    if a.command == "cancel":
        return cmd_cancel(core, acc, a)
    if a.command == "restart":
        return cmd_restart(core, acc, a)
    if a.command == "profile":
        return cmd_profile(core, a)
    if a.command == "self-check":
        return selfcheck.run(core)
    if a.command == "desktop-install":
        return cmd_desktop_install(a)
    if a.command == "stale":
        return cmd_stale(core, acc, a)
    if a.command == "verify":
        return cmd_verify(core, a)
    if a.command == "watch":
        return cmd_watch(core, acc, a)
    if a.command == "share":
        return cmd_share(core, a)
    raise UsageError(f"unknown command {a.command}")
