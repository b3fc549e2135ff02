"""The stale-uploads service: what the ``skylift stale`` command and the Stale uploads window use.

It ties :mod:`engine.stale` to the app's profiles, checkpoint store and engine, and owns a small
thread pool for the per-upload ListParts requests (a listing of thousands of uploads would take
minutes one request at a time). Its default of four workers is for the GUI: every worker parses
XML under the GIL, and more of them made the window stutter on a busy machine.
"""

from __future__ import annotations

import mimetypes
import os
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.services.core import AppCore
from engine.adopt import AdoptProblem, AdoptReport, verify_adoption
from engine.backends.base import Backend, ServerPart
from engine.lease import held_message
from engine.lifecycle import LifecycleStatus, lifecycle_get, lifecycle_set
from engine.plan import choose_part_size
from engine.providers import get_provider
from engine.stale import (
    AbortPlan,
    AbortResult,
    AbortStatus,
    Owner,
    StaleUpload,
    Totals,
    abort_uploads,
    list_stale,
    monthly_cost,
    owners_for,
    plan_abort,
    retried_listing,
    select,
    utcnow,
)
from engine.state import FINAL
from engine.store import TransferRow
from engine.units import format_size


class StaleError(Exception):
    """An action the user asked for that Skylift refuses, with the reason in words."""


@dataclass(frozen=True)
class Adopted:
    report: AdoptReport
    #: The new transfer that resumes the upload; None when verification refused it.
    transfer_id: int | None = None


class StaleService:
    def __init__(self, core: AppCore, workers: int = 4) -> None:
        self.core = core
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="skylift-stale")

    # ---- profiles and prices ------------------------------------------------------------------
    def profile_names(self) -> list[str]:
        return [p.name for p in self.core.profiles.all()]

    def default_profile(self) -> str:
        return self.core.profiles.default_name()

    def default_bucket(self, profile: str) -> str:
        return self.core.profiles.get(profile).default_bucket

    def buckets(self, profile: str) -> list[str]:
        return self.core.profiles.backend(profile).list_buckets()

    def price(self, profile: str) -> float:
        """Price per GB-month for the cost estimate: the profile's own, else the provider's."""
        row = self.core.profiles.get(profile)
        if row.price_per_gb_month is not None:
            return row.price_per_gb_month
        return get_provider(row.provider).price_per_gb_month

    def set_price(self, profile: str, price: float | None) -> None:
        if price is not None and price < 0:
            raise StaleError("a price cannot be negative")
        row = self.core.profiles.get(profile)
        row.price_per_gb_month = price
        self.core.store.save_profile(row)

    # ---- listing ------------------------------------------------------------------------------
    def _backend(self, profile: str) -> Backend:
        return self.core.profiles.backend(profile)

    def owners(self, profile: str, bucket: str) -> dict[str, Owner]:
        return owners_for(self.core.store.list_transfers(), profile, bucket)

    def list_uploads(
        self,
        profile: str,
        bucket: str,
        prefix: str = "",
        *,
        cancel: threading.Event | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        older_than: timedelta | None = None,
        now: datetime | None = None,
        upload_ids: Collection[str] | None = None,
    ) -> Iterator[StaleUpload]:
        return list_stale(
            self._backend(profile),
            bucket,
            prefix,
            self.owners(profile, bucket),
            executor=self._pool,
            cancel=cancel,
            on_progress=on_progress,
            min_age=older_than,
            now=now,
            upload_ids=upload_ids,
        )

    def parts(self, profile: str, bucket: str, key: str, upload_id: str) -> list[ServerPart]:
        return sorted(self._backend(profile).list_parts(bucket, key, upload_id), key=lambda p: p.number)

    def find(self, profile: str, bucket: str, upload_id: str, prefix: str = "") -> StaleUpload | None:
        """One upload by id, with its owner (listing pages until it shows up)."""
        owners = self.owners(profile, bucket)
        for u in retried_listing(self._backend(profile), bucket, prefix):
            if u.upload_id == upload_id:
                return StaleUpload(
                    u.key, u.upload_id, u.initiated, u.storage_class, owner=owners.get(upload_id)
                )
        return None

    # ---- abort --------------------------------------------------------------------------------
    def plan_abort(self, profile: str, bucket: str, uploads: Iterable[StaleUpload]) -> AbortPlan:
        owners = self.owners(profile, bucket)
        # Ownership as the checkpoint says now, not as it was when the list was drawn.
        fresh = [_with_owner(u, owners.get(u.upload_id)) for u in uploads]
        return plan_abort(self._backend(profile), bucket, fresh, self._pool)

    def abort(
        self, profile: str, bucket: str, plan: AbortPlan, confirm_warnings: bool = False
    ) -> AbortResult:
        return abort_uploads(
            self._backend(profile),
            bucket,
            plan,
            self.owners(profile, bucket),
            confirm_warnings=confirm_warnings,
            executor=self._pool,
        )

    # ---- resume and adopt ---------------------------------------------------------------------
    def resume_owned(self, upload: StaleUpload) -> int:
        """Hand the owning transfer back to the queue; its prepare step reconciles with the server."""
        owner = upload.owner
        if owner is None:
            raise StaleError("this upload belongs to no Skylift transfer; adopt it with a local file")
        tid = owner.transfer_id
        engine = self.core.engine
        if engine.transfer(tid) is None:
            loaded = engine.load([tid])
            if tid in loaded.held:
                raise StaleError(held_message(tid, loaded.held[tid]))
        views = engine.views([tid])
        if not views or views[0].state in FINAL:
            raise StaleError(f"transfer #{tid} is finished; adopt the upload instead")
        engine.resume([tid])
        return tid

    def verify(
        self, profile: str, bucket: str, key: str, upload_id: str, path: str, cancel: threading.Event | None
    ) -> AdoptReport:
        return verify_adoption(self._backend(profile), bucket, key, upload_id, path, cancel)

    def adopt(
        self,
        profile: str,
        bucket: str,
        key: str,
        upload_id: str,
        path: str,
        storage_class: str = "",
        cancel: threading.Event | None = None,
    ) -> Adopted:
        """Verify ``path`` against the orphan's parts; if it matches, resume the upload from it."""
        owner = self.owners(profile, bucket).get(upload_id)
        if owner is not None and owner.blocks_abort:
            raise StaleError(
                f"transfer #{owner.transfer_id} ({owner.state.label}) already owns this upload; "
                "resume that transfer instead"
            )
        path = os.path.abspath(path)
        report = self.verify(profile, bucket, key, upload_id, path, cancel)
        if not report.ok:
            return Adopted(report)
        part_size = report.part_size
        if not part_size:
            rules = get_provider(self.core.profiles.get(profile).provider).rules
            part_size = choose_part_size(report.file_size, self.core.settings.part_size, rules)
        row = TransferRow(
            profile=profile,
            local_path=path,
            size=report.file_size,
            mtime_ns=report.mtime_ns,
            bucket=bucket,
            key=key,
            part_size=part_size,
            multipart=True,
            upload_id=upload_id,
            content_type=mimetypes.guess_type(path)[0] or "application/octet-stream",
            storage_class=storage_class,
        )
        # The engine takes it in like any new transfer: every view hears of it at once.
        return Adopted(report, self.core.engine.adopt(row))

    # ---- lifecycle ----------------------------------------------------------------------------
    def lifecycle(self, profile: str, bucket: str) -> LifecycleStatus:
        return lifecycle_get(self._backend(profile), bucket)

    def set_lifecycle(self, profile: str, bucket: str, days: int | None) -> LifecycleStatus:
        return lifecycle_set(self._backend(profile), bucket, days)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _with_owner(u: StaleUpload, owner: Owner | None) -> StaleUpload:
    return replace(u, owner=owner)


#: What ``ui/`` may use of the stale-upload engine, so it never imports ``engine`` directly.
__all__ = [
    "AbortPlan",
    "AbortResult",
    "AbortStatus",
    "AdoptProblem",
    "AdoptReport",
    "Adopted",
    "LifecycleStatus",
    "Owner",
    "ServerPart",
    "StaleError",
    "StaleService",
    "StaleUpload",
    "Totals",
    "format_size",
    "monthly_cost",
    "select",
    "utcnow",
]
