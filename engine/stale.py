"""Stale multipart uploads: list them with their parts, abort them safely, adopt orphans.

Pure Python, shared by the CLI and the GUI. ListParts runs per upload, so the listing fans out
over an executor the caller owns; results still come back in the server's listing order.
"""

from __future__ import annotations

import enum
import re
import threading
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from engine.backends.base import Backend, NoSuchUpload, ObjectInfo, RemoteUpload, ServerPart
from engine.clock import SystemClock
from engine.errors import SkyliftError
from engine.providers import GiB
from engine.retry import TRANSIENT, RetryPolicy, with_retries
from engine.state import FINAL, State
from engine.store import TransferRow

_MD5_HEX = re.compile(r"^[0-9a-f]{32}$")
#: The stale view's requests are retried as the engine's are (the listing restarts from the top).
_RETRY = RetryPolicy()


@dataclass(frozen=True)
class Owner:
    """The Skylift transfer that holds an upload id in its checkpoint."""

    transfer_id: int
    state: State
    local_path: str

    @property
    def blocks_abort(self) -> bool:
        # A paused or failed transfer resumes into this id: aborting would lose its parts.
        return self.state not in FINAL


def owners_for(rows: Iterable[TransferRow], profile: str, bucket: str) -> dict[str, Owner]:
    """Upload id -> owner, for the transfers of one profile and bucket."""
    return {
        r.upload_id: Owner(r.id, r.state, r.local_path)
        for r in rows
        if r.upload_id and r.profile == profile and r.bucket == bucket
    }


@dataclass(frozen=True)
class StaleUpload:
    key: str
    upload_id: str
    initiated: datetime
    storage_class: str = ""
    #: None when ListParts was not asked or failed (see ``error``).
    parts: int | None = None
    bytes: int = 0
    owner: Owner | None = None
    error: str | None = None
    #: ListParts said NoSuchUpload: completed or aborted since the listing.
    gone: bool = False

    def age(self, now: datetime | None = None) -> timedelta:
        return (now or utcnow()) - self.initiated

    def to_json(self, now: datetime | None = None) -> dict[str, Any]:
        o = self.owner
        return {
            "key": self.key,
            "upload_id": self.upload_id,
            "initiated": self.initiated.astimezone(UTC).isoformat(),
            "age_seconds": int(self.age(now).total_seconds()),
            "storage_class": self.storage_class,
            "parts": self.parts,
            "bytes": self.bytes,
            "owned": o.transfer_id if o else None,
            "owner_state": o.state.label if o else None,
            "local_path": o.local_path if o else None,
            "error": self.error,
            "gone": self.gone,
        }


def utcnow() -> datetime:
    return datetime.now(UTC)


def monthly_cost(nbytes: int, price_per_gb_month: float) -> float:
    # Providers bill "GB-month" in binary gigabytes.
    return nbytes / GiB * price_per_gb_month


@dataclass(frozen=True)
class Totals:
    uploads: int
    parts: int
    bytes: int
    owned: int

    @staticmethod
    def of(uploads: Iterable[StaleUpload]) -> Totals:
        n = p = b = o = 0
        for u in uploads:
            n += 1
            p += u.parts or 0
            b += u.bytes
            o += u.owner is not None
        return Totals(n, p, b, o)


def iter_uploads(backend: Backend, bucket: str, prefix: str = "") -> Iterator[RemoteUpload]:
    """Every unfinished upload under ``prefix``, paginated to the end."""
    if prefix and backend.provider.list_uploads_exact_prefix:
        # MinIO treats a listing prefix as an exact key: list all and filter here.
        return (u for u in iter_uploads(backend, bucket) if u.key.startswith(prefix))
    return backend.list_uploads(bucket, prefix)


def retried_listing(
    backend: Backend, bucket: str, prefix: str = "", stop: threading.Event | None = None
) -> Iterator[RemoteUpload]:
    """``iter_uploads``, started again after a transient failure; what was yielded is skipped (a
    listing comes in key order, so a new one walks the same way)."""
    seen: set[str] = set()
    stop = stop or threading.Event()
    attempt = 0
    while True:
        try:
            for u in iter_uploads(backend, bucket, prefix):
                if u.upload_id not in seen:
                    seen.add(u.upload_id)
                    yield u
            return
        except SkyliftError as exc:
            attempt += 1
            if exc.code not in TRANSIENT or attempt > _RETRY.retries:
                raise
            if stop.wait(_RETRY.backoff(attempt, exc)):
                return


def _retried(label: str, fn: Callable[[], Any]) -> Any:
    return with_retries(_RETRY, SystemClock(), threading.Event(), label, fn)


def _sized(backend: Backend, bucket: str, u: RemoteUpload, owner: Owner | None) -> StaleUpload:
    base = StaleUpload(u.key, u.upload_id, _aware(u.initiated), u.storage_class, owner=owner)
    try:
        parts: list[ServerPart] = _retried(
            f"parts of {u.upload_id}", lambda: backend.list_parts(bucket, u.key, u.upload_id)
        )
    except NoSuchUpload:
        return replace(base, gone=True, parts=0)
    except SkyliftError as exc:
        return replace(base, error=f"{exc.code.value}: {exc.detail}")
    return replace(base, parts=len(parts), bytes=sum(p.size for p in parts))


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)


def list_stale(
    backend: Backend,
    bucket: str,
    prefix: str = "",
    owners: Mapping[str, Owner] | None = None,
    *,
    executor: Executor,
    cancel: threading.Event | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    min_age: timedelta | None = None,
    now: datetime | None = None,
    upload_ids: Collection[str] | None = None,
    window: int = 64,
) -> Iterator[StaleUpload]:
    """Yield every unfinished upload with its part count and bytes, in listing order.

    ``on_progress(listed, sized)`` is called from the caller's thread as both counts grow.
    ``min_age`` keeps only uploads initiated at least that long before ``now`` (server times);
    ``upload_ids`` keeps only those ids (ListParts is then asked for them alone).
    Setting ``cancel`` stops the listing at the next upload; queued ListParts are dropped.
    """
    owners = owners or {}
    now = now or utcnow()
    pending: deque[Future[StaleUpload]] = deque()
    listed = sized = 0
    stop = cancel or threading.Event()
    try:
        for u in retried_listing(backend, bucket, prefix, stop):
            if stop.is_set():
                return
            if min_age is not None and now - _aware(u.initiated) < min_age:
                continue
            if upload_ids is not None and u.upload_id not in upload_ids:
                continue
            listed += 1
            pending.append(executor.submit(_sized, backend, bucket, u, owners.get(u.upload_id)))
            # Bounded look-ahead: memory stays flat and cancel stays quick on huge buckets.
            while pending and (pending[0].done() or len(pending) >= window):
                yield pending.popleft().result()
                sized += 1
                if stop.is_set():
                    return
            if on_progress is not None:
                on_progress(listed, sized)
        while pending:
            yield pending.popleft().result()
            sized += 1
            if on_progress is not None:
                on_progress(listed, sized)
            if stop.is_set():
                return
    finally:
        for f in pending:
            f.cancel()


# ---- abort -----------------------------------------------------------------------------------


def select(
    uploads: Iterable[StaleUpload],
    ids: Iterable[str] | None = None,
    older_than: timedelta | None = None,
    now: datetime | None = None,
) -> tuple[list[StaleUpload], list[str]]:
    """The uploads named by id and/or older than an age; and the ids that were not found."""
    now = now or utcnow()
    wanted = set(ids or ())
    chosen = []
    for u in uploads:
        if wanted and u.upload_id not in wanted:
            continue
        if older_than is not None and u.age(now) < older_than:
            continue
        chosen.append(u)
    found = {u.upload_id for u in chosen}
    return chosen, sorted(wanted - found)


@dataclass(frozen=True)
class AbortItem:
    upload: StaleUpload
    #: An object with this key was written after the upload began: the id may be the leftover of
    #: an upload that completed, and aborting such ids has destroyed object data on some servers.
    newer_object: ObjectInfo | None = None


@dataclass
class AbortPlan:
    items: list[AbortItem] = field(default_factory=list)
    #: Owned by a Skylift transfer that may still resume into them.
    refused: list[StaleUpload] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(i.upload.bytes for i in self.items)

    @property
    def warned(self) -> list[AbortItem]:
        return [i for i in self.items if i.newer_object is not None]


def _newer_object(backend: Backend, bucket: str, u: StaleUpload) -> ObjectInfo | None:
    info = backend.head(bucket, u.key)
    if info is None:
        return None
    if info.last_modified is None or _aware(info.last_modified) >= u.initiated:
        return info
    return None


def plan_abort(
    backend: Backend, bucket: str, uploads: Iterable[StaleUpload], executor: Executor | None = None
) -> AbortPlan:
    """Split ``uploads`` into what may go (with a HEAD warning where needed) and what is refused."""
    plan = AbortPlan()
    todo = []
    for u in uploads:
        if u.owner is not None and u.owner.blocks_abort:
            plan.refused.append(u)
        else:
            todo.append(u)
    if executor is None:
        plan.items = [AbortItem(u, _newer_object(backend, bucket, u)) for u in todo]
    else:
        futures = [executor.submit(_newer_object, backend, bucket, u) for u in todo]
        plan.items = [AbortItem(u, f.result()) for u, f in zip(todo, futures, strict=True)]
    return plan


class AbortStatus(enum.StrEnum):
    ABORTED = "aborted"
    ALREADY_GONE = "already_gone"
    REFUSED_OWNED = "refused_owned"
    NEEDS_CONFIRMATION = "needs_confirmation"
    FAILED = "failed"


@dataclass(frozen=True)
class AbortOutcome:
    upload: StaleUpload
    status: AbortStatus
    detail: str = ""
    #: Parts ListParts still showed after the abort (uploads in flight can land afterwards).
    reappeared: tuple[ServerPart, ...] = ()


@dataclass
class AbortResult:
    outcomes: list[AbortOutcome] = field(default_factory=list)

    def of(self, status: AbortStatus) -> list[AbortOutcome]:
        return [o for o in self.outcomes if o.status is status]

    @property
    def bytes_freed(self) -> int:
        return sum(o.upload.bytes for o in self.of(AbortStatus.ABORTED))

    @property
    def reappeared(self) -> list[AbortOutcome]:
        return [o for o in self.outcomes if o.reappeared]


def _abort_one(backend: Backend, bucket: str, u: StaleUpload) -> AbortOutcome:
    try:
        _retried(f"abort of {u.upload_id}", lambda: backend.abort(bucket, u.key, u.upload_id))
    except NoSuchUpload:
        return AbortOutcome(u, AbortStatus.ALREADY_GONE)
    except SkyliftError as exc:
        return AbortOutcome(u, AbortStatus.FAILED, f"{exc.code.value}: {exc.detail}")
    try:
        left = backend.list_parts(bucket, u.key, u.upload_id)
    except NoSuchUpload:
        left = []
    except SkyliftError as exc:
        return AbortOutcome(u, AbortStatus.ABORTED, f"could not re-list parts: {exc.detail}")
    return AbortOutcome(u, AbortStatus.ABORTED, reappeared=tuple(left))


def abort_uploads(
    backend: Backend,
    bucket: str,
    plan: AbortPlan,
    owners_now: Mapping[str, Owner],
    confirm_warnings: bool = False,
    executor: Executor | None = None,
) -> AbortResult:
    """Abort what the plan allows, re-checking ownership against ``owners_now`` (the checkpoint
    as it is at this moment: a transfer may have started since the plan was made)."""
    result = AbortResult()
    result.outcomes += [
        AbortOutcome(u, AbortStatus.REFUSED_OWNED, _owner_text(u.owner)) for u in plan.refused
    ]
    go: list[StaleUpload] = []
    for item in plan.items:
        u = item.upload
        owner = owners_now.get(u.upload_id)
        if owner is not None and owner.blocks_abort:
            result.outcomes.append(AbortOutcome(u, AbortStatus.REFUSED_OWNED, _owner_text(owner)))
        elif item.newer_object is not None and not confirm_warnings:
            result.outcomes.append(AbortOutcome(u, AbortStatus.NEEDS_CONFIRMATION, _newer_text(item)))
        else:
            go.append(u)
    if executor is None:
        result.outcomes += [_abort_one(backend, bucket, u) for u in go]
    else:
        futures = [executor.submit(_abort_one, backend, bucket, u) for u in go]
        result.outcomes += [f.result() for f in futures]
    return result


def _owner_text(owner: Owner | None) -> str:
    if owner is None:
        return ""
    return f"owned by transfer #{owner.transfer_id} ({owner.state.label}); cancel that transfer first"


def _newer_text(item: AbortItem) -> str:
    info = item.newer_object
    when = info.last_modified.isoformat() if info and info.last_modified else "an unknown time"
    size = info.size if info else 0
    return (
        f"an object {item.upload.key!r} ({size} bytes) was written at {when}, after this upload "
        "began: the id may belong to a completed upload; confirm to abort anyway"
    )
