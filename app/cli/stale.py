"""``skylift stale``: list, abort and adopt unfinished multipart uploads."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from app.cli.running import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Interrupt
from app.cli.running import run_transfers as _run
from app.services.core import AppCore, parse_destination
from app.services.progress import ProgressAccumulator
from app.services.stale import StaleError, StaleService
from engine.stale import AbortPlan, AbortResult, AbortStatus, StaleUpload, Totals, monthly_cost, utcnow
from engine.units import format_size, parse_age


def _age(text: str) -> timedelta:
    try:
        return timedelta(seconds=parse_age(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _price(text: str) -> float:
    try:
        price = float(text)
    except ValueError:
        price = math.nan
    # Any currency, so no upper bound; NaN or infinity would be saved and poison every estimate.
    if not (math.isfinite(price) and price >= 0):
        raise argparse.ArgumentTypeError(
            f"--price-per-gb-month takes a price of 0 or more per GB-month (e.g. 0.023), not {text!r}"
        )
    return price


def _days(text: str) -> int | None:
    if text.strip().lower() in ("off", "none", "0"):
        return None
    try:
        days = int(text)
    except ValueError:
        msg = f"--set-lifecycle takes a number of days or 'off', not {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if days < 1:
        raise argparse.ArgumentTypeError("--set-lifecycle needs at least 1 day")
    return days


def add_stale_parser(sub: Any) -> None:
    st = sub.add_parser(
        "stale",
        help="unfinished multipart uploads: list, abort, adopt",
        description="List unfinished multipart uploads with their parts and bytes, mark the ones "
        "Skylift's transfers own, abort them safely, or adopt an orphan with its local file.",
    )
    st.add_argument("target", metavar="PROFILE:BUCKET[/PREFIX]")
    st.add_argument("--older-than", type=_age, default=None, metavar="AGE", help="e.g. 12h, 7d, 2w")
    st.add_argument("--json", action="store_true", help="one JSON object per line")
    st.add_argument("--abort", action="store_true", help="abort the uploads chosen by the options below")
    st.add_argument(
        "--upload-id", action="extend", nargs="+", default=[], metavar="ID", help="uploads to abort"
    )
    st.add_argument("--dry-run", action="store_true", help="show what --abort would do; change nothing")
    st.add_argument("--yes", action="store_true", help="confirm the abort, warnings included")
    st.add_argument("--adopt", metavar="UPLOAD_ID", help="resume an orphan upload from a local file")
    st.add_argument("--file", metavar="PATH", help="the local file for --adopt")
    st.add_argument("--parts", metavar="UPLOAD_ID", help="list the parts of one upload")
    st.add_argument(
        "--price-per-gb-month",
        type=_price,
        default=None,
        metavar="PRICE",
        help="save the profile's storage price for the cost estimate",
    )
    st.add_argument("--lifecycle", action="store_true", help="show the bucket's abort-after-N-days rule")
    st.add_argument(
        "--set-lifecycle",
        type=_days,
        metavar="DAYS|off",
        default=False,
        help="set (or remove) the bucket rule that aborts unfinished uploads after DAYS",
    )


class _Out:
    def __init__(self, json_mode: bool) -> None:
        self.json = json_mode

    def obj(self, o: dict[str, Any]) -> None:
        print(json.dumps(o, separators=(",", ":")), flush=True)

    def text(self, line: str) -> None:
        print(line, flush=True)


def cmd_stale(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    dest = parse_destination(a.target, core.profiles.default_name())
    profile, bucket, prefix = dest.profile, dest.bucket, dest.key
    core.profiles.get(profile)
    # The CLI has no event loop to keep responsive: more parallel ListParts, faster listings.
    svc = StaleService(core, workers=8)
    out = _Out(a.json)
    try:
        if a.price_per_gb_month is not None:
            svc.set_price(profile, a.price_per_gb_month)
        if a.lifecycle or a.set_lifecycle is not False:
            return _lifecycle(svc, out, profile, bucket, a)
        if a.adopt:
            if not a.file:
                raise StaleError("--adopt needs --file PATH, the local file the upload was sending")
            _check_adopt_file(a.file)
            return _adopt(svc, core, acc, out, profile, bucket, prefix, a)
        if a.parts:
            return _parts(svc, out, profile, bucket, prefix, a.parts)
        if a.abort:
            return _abort(svc, out, profile, bucket, prefix, a)
        if a.upload_id or a.dry_run or a.yes or a.file:
            raise StaleError("--upload-id, --dry-run, --yes and --file go with --abort or --adopt")
        return _list(svc, out, profile, bucket, prefix, a)
    except StaleError as exc:
        print(f"skylift: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        svc.close()


def _listing(
    svc: StaleService,
    profile: str,
    bucket: str,
    prefix: str,
    older_than: timedelta | None,
    ids: list[str] | None,
    now: datetime,
) -> tuple[list[StaleUpload], bool]:
    """Run the listing with a progress line on a terminal; Ctrl-C stops it early."""
    tty = sys.stderr.isatty()
    stop = threading.Event()
    found: list[StaleUpload] = []

    def progress(listed: int, sized: int) -> None:
        if tty:
            sys.stderr.write(f"\rlisted {listed} uploads, sized {sized}   ")
            sys.stderr.flush()

    with Interrupt() as intr:
        it = svc.list_uploads(
            profile,
            bucket,
            prefix,
            cancel=stop,
            on_progress=progress,
            older_than=older_than,
            now=now,
            upload_ids=set(ids) if ids else None,
        )
        for u in it:
            found.append(u)
            if intr.hit.is_set():
                stop.set()
    if tty:
        sys.stderr.write("\r" + " " * 50 + "\r")
    return found, stop.is_set()


def _fmt_age(d: timedelta) -> str:
    s = max(0, int(d.total_seconds()))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m"
    if s < 86400:
        return f"{s // 3600}h {s % 3600 // 60}m"
    return f"{s // 86400}d {s % 86400 // 3600}h"


def _owner(u: StaleUpload) -> str:
    if u.owner is None:
        return "orphan"
    return f"#{u.owner.transfer_id} {u.owner.state.label}"


def _list(svc: StaleService, out: _Out, profile: str, bucket: str, prefix: str, a: argparse.Namespace) -> int:
    now = utcnow()
    uploads, cancelled = _listing(svc, profile, bucket, prefix, a.older_than, None, now)
    if out.json:
        for u in uploads:
            out.obj(u.to_json(now))
        return EXIT_INTERRUPTED if cancelled else EXIT_OK
    if uploads:
        out.text(
            f"{'INITIATED (UTC)':19}  {'AGE':>7}  {'PARTS':>5}  {'BYTES':>10}  {'OWNER':16}  KEY  UPLOAD ID"
        )
    for u in uploads:
        when = u.initiated.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        parts = "?" if u.parts is None else str(u.parts)
        line = (
            f"{when:19}  {_fmt_age(u.age(now)):>7}  {parts:>5}  {format_size(u.bytes):>10}  "
            f"{_owner(u):16}  {u.key}  {u.upload_id}"
        )
        if u.owner is not None:
            line += f"\n{'':58}file: {u.owner.local_path}"
        if u.error:
            line += f"\n{'':58}parts unknown: {u.error}"
        out.text(line)
    t = Totals.of(uploads)
    price = svc.price(profile)
    where = f"{bucket}/{prefix}" if prefix else bucket
    age = f" older than {_fmt_age(a.older_than)}" if a.older_than else ""
    out.text(
        f"{where}: {t.uploads} unfinished upload(s){age} ({t.owned} owned, {t.uploads - t.owned} orphan), "
        f"{t.parts} part(s), {format_size(t.bytes)} ({t.bytes} bytes); "
        f"est. {monthly_cost(t.bytes, price):.4f}/month at {price:g} per GB-month"
        + ("  [listing interrupted]" if cancelled else "")
    )
    return EXIT_INTERRUPTED if cancelled else EXIT_OK


def _abort(
    svc: StaleService, out: _Out, profile: str, bucket: str, prefix: str, a: argparse.Namespace
) -> int:
    if not a.upload_id and a.older_than is None:
        raise StaleError("--abort needs --upload-id ID... or --older-than AGE")
    now = utcnow()
    chosen, cancelled = _listing(svc, profile, bucket, prefix, a.older_than, a.upload_id or None, now)
    if cancelled:
        return EXIT_INTERRUPTED
    missing = sorted(set(a.upload_id) - {u.upload_id for u in chosen})
    for m in missing:
        _say(out, "not_found", None, m, f"no unfinished upload {m} in {bucket}/{prefix}")
    plan = svc.plan_abort(profile, bucket, chosen)
    _show_plan(out, plan, a.dry_run)
    if a.dry_run:
        return EXIT_FAILED if missing else EXIT_OK
    confirm_warnings = a.yes
    if plan.items and not a.yes:
        if not sys.stdin.isatty():
            raise StaleError("aborting deletes the uploaded parts: add --yes to confirm, or --dry-run")
        if not _ask(f"Abort {len(plan.items)} upload(s) and free {format_size(plan.bytes)}? [y/N] "):
            return EXIT_FAILED
        if plan.warned:
            confirm_warnings = _ask(
                f"{len(plan.warned)} of them may be leftovers of completed uploads (see the warnings); "
                "abort those too? [y/N] "
            )
    result = svc.abort(profile, bucket, plan, confirm_warnings)
    _show_result(out, result)
    failed = result.of(AbortStatus.FAILED) + result.of(AbortStatus.NEEDS_CONFIRMATION)
    refused_named = bool(a.upload_id) and bool(result.of(AbortStatus.REFUSED_OWNED))
    bad = failed or refused_named or missing or result.reappeared
    return EXIT_FAILED if bad else EXIT_OK


def _ask(prompt: str) -> bool:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _say(out: _Out, status: str, u: StaleUpload | None, upload_id: str, detail: str = "", **kw: Any) -> None:
    if out.json:
        o: dict[str, Any] = {"action": "abort", "status": status, "upload_id": upload_id}
        if u is not None:
            o.update(key=u.key, parts=u.parts, bytes=u.bytes, owned=u.owner.transfer_id if u.owner else None)
        o.update(detail=detail or None, **kw)
        out.obj(o)
        return
    what = f"{u.key}  {upload_id}  ({u.parts} parts, {format_size(u.bytes)})" if u else upload_id
    out.text(f"{status.replace('_', ' '):18} {what}" + (f"\n{'':19}{detail}" if detail else ""))


def _show_plan(out: _Out, plan: AbortPlan, dry_run: bool) -> None:
    for u in plan.refused:
        _say(out, "refused_owned", u, u.upload_id, _owned(u))
    if not dry_run:
        return
    for item in plan.items:
        warn = ""
        if item.newer_object is not None:
            when = item.newer_object.last_modified
            stamp = when.isoformat() if when else "(time unknown)"
            warn = (
                f"WARNING: object {item.upload.key!r} was written {stamp}"
                ", after this upload began; it may be a completed upload's leftover id (needs --yes)"
            )
        _say(out, "would_abort", item.upload, item.upload.upload_id, warn)
    n, b = len(plan.items), plan.bytes
    if out.json:
        out.obj(
            {"action": "abort", "dry_run": True, "uploads": n, "bytes_freed": b, "refused": len(plan.refused)}
        )
    else:
        out.text(f"dry run: would abort {n} upload(s), freeing {format_size(b)} ({b} bytes); nothing changed")


def _owned(u: StaleUpload) -> str:
    o = u.owner
    if o is None:
        return ""
    return (
        f"owned by transfer #{o.transfer_id} ({o.state.label}); "
        f"cancel it first: skylift cancel {o.transfer_id}"
    )


def _show_result(out: _Out, result: AbortResult) -> None:
    for o in result.outcomes:
        if o.status is AbortStatus.REFUSED_OWNED:
            continue  # shown with the plan
        extra: dict[str, Any] = {}
        detail = o.detail
        if o.reappeared:
            nums = [p.number for p in o.reappeared]
            extra["reappeared_parts"] = nums
            detail = (detail + "; " if detail else "") + (
                f"parts {', '.join(map(str, nums))} reappeared after the abort (still in flight?); "
                "run the abort again"
            )
        _say(out, o.status.value, o.upload, o.upload.upload_id, detail, **extra)
    n, b = len(result.of(AbortStatus.ABORTED)), result.bytes_freed
    if out.json:
        out.obj({"action": "abort", "summary": True, "aborted": n, "bytes_freed": b})
    else:
        out.text(f"aborted {n} upload(s), freed {format_size(b)} ({b} bytes)")


def _check_adopt_file(path: str) -> None:
    """Said before the server is asked: adopting would register a transfer that can only fail."""
    if os.path.isdir(path):
        raise StaleError(f"{path} is a folder; --file needs the local file the upload was sending")
    if not os.path.isfile(path):
        what = "is not a regular file" if os.path.exists(path) else "does not exist"
        raise StaleError(f"{path} {what}; --file needs the local file the upload was sending")


def _adopt(
    svc: StaleService,
    core: AppCore,
    acc: ProgressAccumulator,
    out: _Out,
    profile: str,
    bucket: str,
    prefix: str,
    a: argparse.Namespace,
) -> int:
    found = svc.find(profile, bucket, a.adopt, prefix)
    if found is None:
        print(f"skylift: no unfinished upload {a.adopt} in {bucket}", file=sys.stderr)
        return EXIT_FAILED
    adopted = svc.adopt(profile, bucket, found.key, found.upload_id, a.file, found.storage_class)
    r = adopted.report
    if adopted.transfer_id is None:
        if out.json:
            out.obj(
                {
                    "action": "adopt",
                    "ok": False,
                    "upload_id": found.upload_id,
                    "key": found.key,
                    "problem": r.problem.value if r.problem else None,
                    "part": r.mismatch_part,
                    "detail": r.detail,
                }
            )
        else:
            out.text(f"not adopted: {r.detail}")
        return EXIT_FAILED
    tid = adopted.transfer_id
    if out.json:
        out.obj(
            {
                "action": "adopt",
                "ok": True,
                "upload_id": found.upload_id,
                "key": found.key,
                "id": tid,
                "parts_verified": len(r.parts),
                "bytes_verified": r.bytes_present,
                "part_size": r.part_size,
            }
        )
    else:
        out.text(
            f"adopted {found.key} ({found.upload_id}) as transfer #{tid}: {len(r.parts)} part(s), "
            f"{format_size(r.bytes_present)} on the server match {a.file}; uploading the rest"
        )
    return _run(core, acc, [tid], a.json)


def _parts(svc: StaleService, out: _Out, profile: str, bucket: str, prefix: str, upload_id: str) -> int:
    found = svc.find(profile, bucket, upload_id, prefix)
    if found is None:
        print(f"skylift: no unfinished upload {upload_id} in {bucket}", file=sys.stderr)
        return EXIT_FAILED
    parts = svc.parts(profile, bucket, found.key, upload_id)
    if not out.json:
        out.text(f"{found.key}  {upload_id}: {len(parts)} part(s)")
        out.text(f"{'PART':>5}  {'BYTES':>12}  {'ETAG':34}  LAST MODIFIED (UTC)")
    for p in parts:
        when = p.last_modified.astimezone(UTC) if p.last_modified else None
        if out.json:
            iso = when.isoformat() if when else None
            out.obj({"part": p.number, "bytes": p.size, "etag": p.etag, "last_modified": iso})
        else:
            stamp = f"{when:%Y-%m-%d %H:%M:%S}" if when else "-"
            out.text(f"{p.number:>5}  {p.size:>12}  {p.etag:34}  {stamp}")
    return EXIT_OK


def _lifecycle(svc: StaleService, out: _Out, profile: str, bucket: str, a: argparse.Namespace) -> int:
    st = svc.set_lifecycle(profile, bucket, a.set_lifecycle) if a.set_lifecycle is not False else None
    st = st or svc.lifecycle(profile, bucket)
    if out.json:
        out.obj(
            {"action": "lifecycle", "supported": st.supported, "days": st.days, "rule": st.rule_id or None}
        )
    elif not st.supported:
        out.text(f"{bucket}: lifecycle rules are not available here: {st.detail}")
    elif st.days is None:
        out.text(f"{bucket}: no rule aborts incomplete multipart uploads")
    else:
        out.text(
            f"{bucket}: incomplete multipart uploads are aborted after {st.days} day(s) (rule {st.rule_id})"
        )
    return EXIT_OK if st.supported else EXIT_FAILED
