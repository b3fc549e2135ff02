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


def object_args(spec: ObjectSpec) -> dict[str, Any]:
    """Arguments for PutObject and CreateMultipartUpload (not the SSE-C key: see ``key_args``)."""
    o: ObjectOptions = spec.options
    args: dict[str, Any] = {}
    if o.cache_control:
        args["CacheControl"] = o.cache_control
    if o.content_disposition:
        args["ContentDisposition"] = o.content_disposition
    if o.content_encoding:
        args["ContentEncoding"] = o.content_encoding
    if o.acl:
        args["ACL"] = o.acl
    if o.tags:
        args["Tagging"] = tagging(o.tags)
    if o.sse == "aes256":
        args["ServerSideEncryption"] = "AES256"
    elif o.sse == "kms":
        args["ServerSideEncryption"] = "aws:kms"
        if o.kms_key_id:
            args["SSEKMSKeyId"] = o.kms_key_id
    return args


def object_headers(spec: ObjectSpec) -> dict[str, str]:
    """The same as ``object_args`` as request headers, SSE-C key included."""
    o = spec.options
    h: dict[str, str] = {}
    if o.cache_control:
        h["Cache-Control"] = o.cache_control
    if o.content_disposition:
        h["Content-Disposition"] = o.content_disposition
    if o.content_encoding:
        h["Content-Encoding"] = o.content_encoding
    if o.acl:
        h["x-amz-acl"] = o.acl
    if o.tags:
        h["x-amz-tagging"] = tagging(o.tags)
    if o.sse == "aes256":
        h["x-amz-server-side-encryption"] = "AES256"
    elif o.sse == "kms":
        h["x-amz-server-side-encryption"] = "aws:kms"
        if o.kms_key_id:
            h["x-amz-server-side-encryption-aws-kms-key-id"] = o.kms_key_id
    h.update(key_headers(spec.customer_key))
    return h


def etag_not_md5(resp: dict[str, Any]) -> bool:
    """Under SSE-KMS and SSE-C the ETag is no MD5 of the bytes (the Content-MD5 sent proves them)."""
    sse = str(resp.get("ServerSideEncryption") or resp.get("x-amz-server-side-encryption") or "")
    customer = resp.get("SSECustomerAlgorithm") or resp.get("x-amz-server-side-encryption-customer-algorithm")
    return sse.startswith("aws:kms") or bool(customer)
