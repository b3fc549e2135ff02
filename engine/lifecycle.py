"""The bucket rule "abort incomplete multipart uploads after N days", per provider.

Kept apart from the Backend protocol: only the stale-uploads view needs it. Backends that can
edit lifecycle rules implement :class:`SupportsLifecycle` in their provider's own API; other rules
in the bucket's lifecycle configuration are preserved.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.backends.base import Backend, LifecycleUnsupported, SupportsLifecycle

RULE_ID = "skylift-abort-incomplete-uploads"


@dataclass(frozen=True)
class LifecycleStatus:
    supported: bool
    #: Days after initiation when the server aborts unfinished uploads (None: no such rule).
    days: int | None = None
    #: The id of the rule that sets ``days``; Skylift only edits its own rule.
    rule_id: str = ""
    detail: str = ""


def _unsupported(detail: str) -> LifecycleStatus:
    return LifecycleStatus(False, detail=detail)


def lifecycle_get(backend: Backend, bucket: str) -> LifecycleStatus:
    if not isinstance(backend, SupportsLifecycle):
        return _unsupported("this backend gives no access to bucket lifecycle rules")
    try:
        rules = backend.abort_rules(bucket)
    except LifecycleUnsupported as exc:
        return _unsupported(f"the server does not support lifecycle rules ({exc})")
    # Several rules may apply; the server aborts at the earliest.
    best = min(rules, key=lambda r: r.days, default=None)
    if best is None:
        return LifecycleStatus(True)
    return LifecycleStatus(True, best.days, best.rule_id)


def lifecycle_set(backend: Backend, bucket: str, days: int | None) -> LifecycleStatus:
    """Set Skylift's rule to ``days`` (None removes it) and return the bucket's status after."""
    if days is not None and days < 1:
        raise ValueError("the rule needs at least 1 day")
    if not isinstance(backend, SupportsLifecycle):
        return _unsupported("this backend gives no access to bucket lifecycle rules")
    backend.set_abort_rule(bucket, RULE_ID, days)
    return lifecycle_get(backend, bucket)
