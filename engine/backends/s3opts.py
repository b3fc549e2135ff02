"""Object options in S3's terms: boto3 arguments, and the same as headers for the lean PUT."""

from __future__ import annotations

import urllib.parse
from typing import Any

from engine.backends.base import ObjectSpec
from engine.objectopts import CustomerKey, ObjectOptions


def tagging(tags: dict[str, str]) -> str:
    """S3 takes tags at initiation as a URL query string."""
    return urllib.parse.urlencode(tags)


def key_args(key: CustomerKey | None) -> dict[str, Any]:
    """SSE-C arguments: every request that reads or writes the object's bytes must carry them."""
    if key is None:
        return {}
    # Encoded here, MD5 included: botocore encodes a raw key for some operations only (not
    # ListParts), and its validation errors would print raw bytes the redaction cannot know.
    return {"SSECustomerAlgorithm": "AES256", "SSECustomerKey": key.b64, "SSECustomerKeyMD5": key.md5_b64}


def key_headers(key: CustomerKey | None) -> dict[str, str]:
    if key is None:
        return {}
    return {
        "x-amz-server-side-encryption-customer-algorithm": "AES256",
        "x-amz-server-side-encryption-customer-key": key.b64,
        "x-amz-server-side-encryption-customer-key-MD5": key.md5_b64,
    }


def _options(o: ObjectOptions) -> list[tuple[str, str, str]]:
    """Each option set, as (boto3 argument, request header, value): one table for both paths."""
    out: list[tuple[str, str, str]] = []
    if o.cache_control:
        out.append(("CacheControl", "Cache-Control", o.cache_control))
    if o.content_disposition:
        out.append(("ContentDisposition", "Content-Disposition", o.content_disposition))
    if o.content_encoding:
        out.append(("ContentEncoding", "Content-Encoding", o.content_encoding))
    if o.acl:
        out.append(("ACL", "x-amz-acl", o.acl))
    if o.tags:
        out.append(("Tagging", "x-amz-tagging", tagging(o.tags)))
    if o.sse == "aes256":
        out.append(("ServerSideEncryption", "x-amz-server-side-encryption", "AES256"))
    elif o.sse == "kms":
        out.append(("ServerSideEncryption", "x-amz-server-side-encryption", "aws:kms"))
        if o.kms_key_id:
            out.append(("SSEKMSKeyId", "x-amz-server-side-encryption-aws-kms-key-id", o.kms_key_id))
    return out


def object_args(spec: ObjectSpec) -> dict[str, Any]:
    """Arguments for PutObject and CreateMultipartUpload (not the SSE-C key: see ``key_args``)."""
    return {arg: value for arg, _, value in _options(spec.options)}


def object_headers(spec: ObjectSpec) -> dict[str, str]:
    """The same as ``object_args`` as request headers, SSE-C key included."""
    h = {header: value for _, header, value in _options(spec.options)}
    h.update(key_headers(spec.customer_key))
    return h


def etag_not_md5(resp: dict[str, Any]) -> bool:
    """Under SSE-KMS and SSE-C the ETag is no MD5 of the bytes (the Content-MD5 sent proves them)."""
    sse = str(resp.get("ServerSideEncryption") or resp.get("x-amz-server-side-encryption") or "")
    customer = resp.get("SSECustomerAlgorithm") or resp.get("x-amz-server-side-encryption-customer-algorithm")
    return sse.startswith("aws:kms") or bool(customer)
