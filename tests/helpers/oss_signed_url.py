"""Signed URLs (the signature in the query) as Aliyun's OSS checks them, for the test gateway.

Written from the OSS documentation (V1: ``OSSAccessKeyId``, ``Expires``, ``Signature``; V4:
``x-oss-signature-version=OSS4-HMAC-SHA256``, ``x-oss-credential``, ``x-oss-date``,
``x-oss-expires``, ``x-oss-signature``); it stands in for Aliyun's servers, which refuse a link
past its time with 403 AccessDenied.
"""

from __future__ import annotations

import hashlib
import hmac
from base64 import b64encode
from datetime import UTC, datetime


def is_signed_url(query: list[tuple[str, str]]) -> bool:
    q = dict(query)
    return ("Signature" in q and "OSSAccessKeyId" in q) or "x-oss-signature" in q


def check_signed_url(
    credentials: dict[str, str],
    region: str,
    method: str,
    bucket: str,
    key: str,
    query: list[tuple[str, str]],
    h: dict[str, str],
) -> tuple[int, dict[str, str], bytes] | None:
    """A signed URL's query signature (see :func:`is_signed_url`): None when good, else the error."""
    # The gateway imports this module; its helpers are read at call time, when both are loaded.
    from tests.helpers.oss_gateway import _V1_SUBRESOURCES, _error, _v4_encode

    q = dict(query)
    now = datetime.now(UTC)
    if "Signature" in q and "OSSAccessKeyId" in q:
        secret = credentials.get(q["OSSAccessKeyId"])
        if secret is None:
            return _error("InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist.", 403)
        oss_headers = sorted((k, v) for k, v in h.items() if k.startswith("x-oss-"))
        sub = sorted((k, v) for k, v in query if k in _V1_SUBRESOURCES)
        resource = f"/{bucket}/{key}" if bucket else "/"
        if sub:
            resource += "?" + "&".join(f"{k}={v}" if v else k for k, v in sub)
        to_sign = "\n".join(
            [
                method,
                h.get("content-md5", ""),
                h.get("content-type", ""),
                q.get("Expires", ""),
                "".join(f"{k}:{v}\n" for k, v in oss_headers) + resource,
            ]
        )
        want = b64encode(hmac.new(secret.encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
        if not hmac.compare_digest(want, q["Signature"]):
            return _error("SignatureDoesNotMatch", "The request signature does not match.", 403)
        if int(q.get("Expires") or 0) < now.timestamp():
            return _error("AccessDenied", "Request has expired.", 403)
        return None
    if q.get("x-oss-signature-version") == "OSS4-HMAC-SHA256" and "x-oss-signature" in q:
        ak, _, scope = q.get("x-oss-credential", "").partition("/")
        secret = credentials.get(ak)
        if secret is None:
            return _error("InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist.", 403)
        date, scope_region, product, _ = [*scope.split("/"), "", "", ""][:4]
        additional = [a for a in q.get("x-oss-additional-headers", "").split(";") if a]
        signed = sorted(
            (k, v.strip())
            for k, v in h.items()
            if k.startswith("x-oss-") or k in ("content-type", "content-md5") or k in additional
        )
        canonical_query = "&".join(
            f"{k}={v}" if v else k
            for k, v in sorted(
                (_v4_encode(k, False), _v4_encode(v, False)) for k, v in query if k != "x-oss-signature"
            )
        )
        canonical = "\n".join(
            [
                method,
                _v4_encode(f"/{bucket}/{key}" if bucket else "/", True),
                canonical_query,
                "".join(f"{k}:{v}\n" for k, v in signed),
                ";".join(additional),
                "UNSIGNED-PAYLOAD",
            ]
        )
        stamp = q.get("x-oss-date", "")
        to_sign = f"OSS4-HMAC-SHA256\n{stamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
        key_bytes = f"aliyun_v4{secret}".encode()
        for part in (date, scope_region, product, "aliyun_v4_request"):
            key_bytes = hmac.new(key_bytes, part.encode(), hashlib.sha256).digest()
        want = hmac.new(key_bytes, to_sign.encode(), hashlib.sha256).hexdigest()
        ok = stamp[:8] == date and scope_region == region and product == "oss"
        if not ok or not hmac.compare_digest(want, q["x-oss-signature"]):
            return _error("SignatureDoesNotMatch", "The request signature does not match.", 403)
        signed_at = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        expires = int(q.get("x-oss-expires") or 0)
        if expires > 7 * 86400 or (now - signed_at).total_seconds() > expires:
            return _error("AccessDenied", "Request has expired.", 403)
        return None
    return _error("AccessDenied", "Anonymous access is forbidden for this operation.", 403)
