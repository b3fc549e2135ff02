"""The bucket rule "abort incomplete multipart uploads after N days", per provider.

Kept apart from the Backend protocol: only the stale-uploads view needs it, and it speaks each
provider's own lifecycle API (S3 through the backend's boto3 client, OSS through its oss2 bucket).
Other rules in the bucket's lifecycle configuration are preserved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.backends.base import Backend
from engine.errors import ErrorCode, SkyliftError
from engine.providers import Protocol

RULE_ID = "skylift-abort-incomplete-uploads"
_S3_UNSUPPORTED = {"NotImplemented", "MethodNotAllowed", "NotSupported", "XNotImplemented"}


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
    if backend.provider.protocol is Protocol.OSS:
        ob = _oss_bucket(backend, bucket)
        if ob is None:
            return _unsupported("this OSS backend gives no access to bucket lifecycle rules")
        return _oss_get(ob)
    client = getattr(backend, "client", None)
    if client is None:
        return _unsupported("this backend gives no access to bucket lifecycle rules")
    try:
        rules = _s3_rules(client, bucket)
    except SkyliftError as exc:
        if _s3_code(exc) in _S3_UNSUPPORTED:
            return _unsupported(f"the server does not support lifecycle rules ({exc.detail})")
        raise
    best: tuple[int, str] | None = None
    for r in rules:
        days = r.get("AbortIncompleteMultipartUpload", {}).get("DaysAfterInitiation")
        if r.get("Status") != "Enabled" or days is None or _s3_prefix(r):
            continue
        if best is None or int(days) < best[0]:
            best = (int(days), str(r.get("ID", "")))
    if best is None:
        return LifecycleStatus(True)
    return LifecycleStatus(True, best[0], best[1])


def lifecycle_set(backend: Backend, bucket: str, days: int | None) -> LifecycleStatus:
    """Set Skylift's rule to ``days`` (None removes it) and return the bucket's status after."""
    if days is not None and days < 1:
        raise ValueError("the rule needs at least 1 day")
    if backend.provider.protocol is Protocol.OSS:
        ob = _oss_bucket(backend, bucket)
        if ob is None:
            return _unsupported("this OSS backend gives no access to bucket lifecycle rules")
        _oss_set(ob, days)
        return _oss_get(ob)
    client = getattr(backend, "client", None)
    if client is None:
        return _unsupported("this backend gives no access to bucket lifecycle rules")
    from engine.backends.s3 import _translated

    rules = [r for r in _s3_rules(client, bucket) if r.get("ID") != RULE_ID]
    if days is not None:
        rules.append(
            {
                "ID": RULE_ID,
                "Status": "Enabled",
                "Filter": {"Prefix": ""},
                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": days},
            }
        )
    with _translated():
        if rules:
            client.put_bucket_lifecycle_configuration(
                Bucket=bucket, LifecycleConfiguration={"Rules": [_clean(r) for r in rules]}
            )
        else:
            client.delete_bucket_lifecycle(Bucket=bucket)
    return lifecycle_get(backend, bucket)


def _s3_rules(client: Any, bucket: str) -> list[dict[str, Any]]:
    from engine.backends.s3 import _translated

    try:
        with _translated():
            resp = client.get_bucket_lifecycle_configuration(Bucket=bucket)
    except SkyliftError as exc:
        if _s3_code(exc) == "NoSuchLifecycleConfiguration":
            return []
        raise
    return list(resp.get("Rules", []))


def _s3_code(exc: SkyliftError) -> str:
    import botocore.exceptions as bex

    cause = exc.__cause__
    if isinstance(cause, bex.ClientError):
        return str(cause.response.get("Error", {}).get("Code", ""))
    return ""


def _s3_prefix(rule: dict[str, Any]) -> str:
    flt = rule.get("Filter")
    if isinstance(flt, dict):
        return str(flt.get("Prefix", "")) if "Prefix" in flt or not flt else "(filtered)"
    return str(rule.get("Prefix", ""))


def _clean(rule: dict[str, Any]) -> dict[str, Any]:
    # A rule read back can carry fields the put request rejects (e.g. an empty legacy Prefix
    # next to Filter); send only what the API accepts.
    allowed = {
        "ID",
        "Status",
        "Filter",
        "Prefix",
        "Expiration",
        "Transitions",
        "NoncurrentVersionTransitions",
        "NoncurrentVersionExpiration",
        "AbortIncompleteMultipartUpload",
    }
    out = {k: v for k, v in rule.items() if k in allowed}
    if "Filter" in out and "Prefix" in out:
        del out["Prefix"]
    return out


# ---- OSS ---------------------------------------------------------------------------------------


def _oss_bucket(backend: Backend, bucket: str) -> Any | None:
    # The OSS backend exposes its oss2.Bucket objects; the name of the accessor is duck-typed so
    # this module does not import the backend (and oss2) for S3 users.
    for name in ("oss_bucket", "bucket_for", "_bucket"):
        fn: Callable[[str], Any] | None = getattr(backend, name, None)
        if callable(fn):
            ob = fn(bucket)
            if hasattr(ob, "get_bucket_lifecycle"):
                return ob
    return None


def _oss_rules(ob: Any) -> list[Any]:
    import oss2

    try:
        return list(ob.get_bucket_lifecycle().rules)
    except oss2.exceptions.OssError as exc:
        # Aliyun says NoSuchLifecycle; S3-derived stand-ins say NoSuchLifecycleConfiguration.
        if exc.code in ("NoSuchLifecycle", "NoSuchLifecycleConfiguration"):
            return []
        raise SkyliftError(ErrorCode.SERVER, f"{exc.code}: {exc.message}", exc.request_id) from None


def _oss_get(ob: Any) -> LifecycleStatus:
    best: tuple[int, str] | None = None
    for r in _oss_rules(ob):
        amu = getattr(r, "abort_multipart_upload", None)
        days = getattr(amu, "days", None) if amu is not None else None
        if days is None or r.status != "Enabled" or (r.prefix or ""):
            continue
        if best is None or int(days) < best[0]:
            best = (int(days), str(r.id))
    return LifecycleStatus(True, best[0] if best else None, best[1] if best else "")


def _oss_set(ob: Any, days: int | None) -> None:
    import oss2
    from oss2.models import AbortMultipartUpload, BucketLifecycle, LifecycleRule

    rules = [r for r in _oss_rules(ob) if r.id != RULE_ID]
    if days is not None:
        rules.append(
            LifecycleRule(
                RULE_ID, "", status="Enabled", abort_multipart_upload=AbortMultipartUpload(days=days)
            )
        )
    try:
        if rules:
            ob.put_bucket_lifecycle(BucketLifecycle(rules))
        else:
            ob.delete_bucket_lifecycle()
    except oss2.exceptions.OssError as exc:
        raise SkyliftError(ErrorCode.SERVER, f"{exc.code}: {exc.message}", exc.request_id) from None
