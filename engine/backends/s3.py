"""The S3 backend (boto3): AWS and every S3-compatible store."""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import boto3
import botocore.exceptions as bex
import botocore.session
from botocore.config import Config
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.parsers import DEFAULT_TIMESTAMP_PARSER, ResponseParserFactory

from engine.backends.base import (
    AbortRule,
    Level,
    LifecycleUnsupported,
    ListedObject,
    ObjectInfo,
    ObjectSpec,
    PartResult,
    RemoteUpload,
    ServerPart,
    translating,
)
from engine.backends.errors import FirstContact, classify_code, network_error
from engine.backends.s3creds import before_sign, resolver_for
from engine.backends.s3opts import etag_not_md5, key_args, object_args, object_headers
from engine.backends.s3put import LeanPut, WrongRegion
from engine.backends.socks import use_socks
from engine.body import PartBody
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.integrity import PartDigest
from engine.netproxy import is_socks, proxy_for
from engine.objectopts import CustomerKey
from engine.providers import ChecksumMode, Provider

_NETWORK = (
    bex.EndpointConnectionError,
    bex.ConnectionClosedError,
    bex.ReadTimeoutError,
    bex.ConnectTimeoutError,
    bex.ProxyConnectionError,
    bex.HTTPClientError,
)

_CREDENTIALS = (
    bex.NoCredentialsError,
    bex.PartialCredentialsError,
    bex.CredentialRetrievalError,
    bex.SSOError,
    bex.TokenRetrievalError,
    bex.RefreshWithMFAUnsupportedError,
)


def classify(exc: BaseException) -> BaseException:
    """Map a botocore error to :class:`NoSuchUpload` or a :class:`SkyliftError` with a code."""
    if isinstance(exc, bex.HTTPClientError) and isinstance(exc.kwargs.get("error"), Interrupted):
        # botocore wraps whatever the body's read() raised; a pause is not a network failure.
        return Interrupted()
    if isinstance(exc, bex.ClientError):
        err = exc.response.get("Error", {})
        code = str(err.get("Code", ""))
        meta = exc.response.get("ResponseMetadata", {})
        return classify_code(
            code,
            str(err.get("Message", "")) or code,
            int(meta.get("HTTPStatusCode", 0) or 0),
            str(meta.get("RequestId", "")),
            meta.get("HTTPHeaders", {}).get("retry-after"),
        )
    if isinstance(exc, _CREDENTIALS):
        # Temporary credentials that could not be renewed (an expired SSO login, a failing
        # credential_process): the user must act, a retry would fail the same way.
        return SkyliftError(ErrorCode.AUTH, str(exc))
    if isinstance(exc, (*_NETWORK, ConnectionError, TimeoutError)):
        return network_error(exc)
    if isinstance(exc, bex.BotoCoreError):
        return SkyliftError(ErrorCode.SERVER, str(exc))
    return exc


def _translated() -> contextlib.AbstractContextManager[None]:
    return translating((bex.BotoCoreError, bex.ClientError, ConnectionError, TimeoutError), classify)


def _service_code(exc: SkyliftError) -> str:
    cause = exc.__cause__
    if isinstance(cause, bex.ClientError):
        return str(cause.response.get("Error", {}).get("Code", ""))
    return ""


log = logging.getLogger("skylift.s3")


def _etag(value: str) -> str:
    return value.strip().strip('"')


class S3Backend:
    """One boto3 client per profile; boto3 clients are safe to share between threads."""

    def __init__(
        self,
        provider: Provider,
        endpoint: str,
        region: str,
        path_style: bool,
        access_key: str,
        secret_key: str,
        max_connections: int = 16,
        ca_bundle: str | None = None,
        proxy: str | None = None,
        wait_for_endpoint: bool = False,
        io_timeout: float = 30.0,
        credentials: Credentials | None = None,
    ) -> None:
        """``credentials``, when given, win over the two keys: botocore's own object, which may
        be temporary and refresh itself (assume-role, SSO, credential_process)."""
        self.provider = provider
        s3_conf: dict[str, Any] = {"addressing_style": "path" if path_style else "virtual"}
        self._mode = provider.checksum
        if self._mode in (ChecksumMode.MD5, ChecksumMode.CRC32):
            # The part's checksum header proves its bytes; hashing the payload again with SHA-256
            # for SigV4 on plain HTTP would only burn the CPU the server needs.
            s3_conf["payload_signing_enabled"] = False
        checks: Any = "when_required" if provider.checksums_when_required else "when_supported"
        url = endpoint or provider.endpoint_for(region)
        # Decided once for every path of this backend; {} tells botocore not to ask the
        # environment again (it would, and the lean PUT path would not).
        proxy = proxy_for(url, proxy)
        proxies = {} if proxy is None or is_socks(proxy) else {"http": proxy, "https": proxy}
        config = Config(
            s3=s3_conf,  # type: ignore[arg-type]
            signature_version="s3v4",
            # Skylift retries parts itself, with backoff, and counts every byte it re-sends.
            retries={"total_max_attempts": 1},
            max_pool_connections=max_connections,
            connect_timeout=min(10.0, io_timeout),
            read_timeout=io_timeout,
            tcp_keepalive=True,
            request_checksum_calculation=checks,
            response_checksum_validation=checks,
            proxies=proxies,
        )
        # Any: bodies are Skylift's own file-likes and request arguments are built per mode,
        # which the generated stubs' literal types cannot express.
        creds = credentials or (Credentials(access_key, secret_key) if access_key and secret_key else None)
        self._client: Any = _session(creds).client(
            "s3",
            # AWS's own endpoints are left to botocore, so that its redirect to a bucket's
            # region goes to that region's host, not only signs for it.
            endpoint_url=None if not endpoint and provider.name == "aws" else url,
            region_name=region or provider.default_region,
            config=config,
            verify=ca_bundle if ca_bundle else None,
        )
        if proxy is not None and is_socks(proxy):
            use_socks(self._client, proxy)
        self.proxy = proxy
        self._endpoint = url
        self._contact = FirstContact(url, "S3", wait_for_endpoint)
        self._lean: LeanPut | None = None
        if creds is not None:
            self._lean = LeanPut(
                url,
                region or provider.default_region,
                path_style,
                creds,
                provider.storage_class_header,
                max_connections,
                ca_bundle,
                io_timeout,
                proxy,
            )
        #: Told (bucket, region) when a bucket turns out to live in another region.
        self.on_region: Callable[[str, str], None] | None = None
        self._regions: dict[str, str] = {}
        self._templated = not endpoint and bool(provider.endpoint_template)
        self._client.meta.events.register("after-call.s3", self._after_call)
        if isinstance(creds, RefreshableCredentials):
            # Refreshed keys are masked in logs before the first request signed with them.
            self._client.meta.events.register("before-sign.s3.*", before_sign(creds))
        header = provider.storage_class_header
        if header != "x-amz-storage-class":
            self._client.meta.events.register(
                "before-sign.s3.*", lambda request, **_: _rename_header(request, header)
            )

    @property
    def client(self) -> Any:
        return self._client

    def _after_call(self, context: dict[str, Any], **_: Any) -> None:
        # botocore's own redirector re-sent the request to the bucket's region and keeps that
        # for the bucket; the lean PUT and the profile are told here.
        moved = context.get("s3_redirect") or {}
        region = (context.get("signing") or {}).get("region")
        if moved.get("redirected") and moved.get("bucket") and region:
            self._learn(str(moved["bucket"]), str(region))

    def _learn(self, bucket: str, region: str) -> None:
        if self._regions.get(bucket) == region:
            return
        self._regions[bucket] = region
        if self._lean is not None:
            self._lean.learn(
                bucket, region, self.provider.endpoint_for(region) if self._templated else self._endpoint
            )
        log.warning("bucket %s is in region %s; requests for it go there now", bucket, region)
        if self.on_region is not None:
            self.on_region(bucket, region)

    @contextlib.contextmanager
    def _talk(self) -> Iterator[None]:
        """A request: the SDK's errors in the engine's terms, and the first contact judged."""
        with self._contact.watch(), _translated():
            yield

    def _md5_args(self, digest: PartDigest) -> dict[str, str]:
        if self._mode is ChecksumMode.MD5 and digest.md5 is not None:
            return {"ContentMD5": base64.b64encode(digest.md5).decode()}
        if self._mode is ChecksumMode.CRC32 and digest.crc32 is not None:
            return {"ChecksumCRC32": digest.crc32_b64}
        return {}

    def _check_crc(self, resp: dict[str, Any], digest: PartDigest, what: str) -> None:
        # Stores that support flexible checksums echo the CRC; one that ignores the header is
        # caught at the end, when the object has no composite checksum to match (see job.verify).
        got = resp.get("ChecksumCRC32")
        if self._mode is ChecksumMode.CRC32 and got is not None and got != digest.crc32_b64:
            raise SkyliftError(
                ErrorCode.INTEGRITY, f"{what}: server CRC32 {got} is not the {digest.crc32_b64} sent"
            )

    def _check_etag(self, etag: str, digest: PartDigest, what: str, resp: dict[str, Any]) -> None:
        if etag_not_md5(resp):
            return  # SSE-KMS/SSE-C: the server checked the Content-MD5 sent instead
        if self.provider.composite_etag_md5 and digest.md5 is not None and etag != digest.md5_hex:
            raise SkyliftError(
                ErrorCode.INTEGRITY,
                f"{what}: server ETag {etag} is not the MD5 {digest.md5_hex} of the bytes sent",
            )

    def create_upload(self, obj: ObjectSpec) -> str:
        args: dict[str, Any] = {"Bucket": obj.bucket, "Key": obj.key}
        if obj.content_type:
            args["ContentType"] = obj.content_type
        if obj.storage_class:
            args["StorageClass"] = obj.storage_class
        if obj.metadata:
            args["Metadata"] = obj.metadata
        args.update(object_args(obj))
        args.update(key_args(obj.customer_key))
        if self._mode is ChecksumMode.CRC32:
            args["ChecksumAlgorithm"] = "CRC32"
        with self._talk():
            return str(self._client.create_multipart_upload(**args)["UploadId"])

    def upload_part(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        number: int,
        body: PartBody,
        digest: PartDigest,
        customer_key: CustomerKey | None = None,
    ) -> PartResult:
        with self._talk():
            resp = self._client.upload_part(
                Bucket=bucket,
                Key=key,
                UploadId=upload_id,
                PartNumber=number,
                Body=body,
                ContentLength=body.size,
                **self._md5_args(digest),
                **key_args(customer_key),
            )
        etag = _etag(resp["ETag"])
        self._check_etag(etag, digest, f"part {number}", resp)
        self._check_crc(resp, digest, f"part {number}")
        return PartResult(number, etag, body.size, digest.checksum())

    def list_parts(
        self, bucket: str, key: str, upload_id: str, customer_key: CustomerKey | None = None
    ) -> list[ServerPart]:
        parts: list[ServerPart] = []
        marker = 0
        with self._talk():
            while True:
                resp = self._client.list_parts(
                    Bucket=bucket,
                    Key=key,
                    UploadId=upload_id,
                    MaxParts=1000,
                    PartNumberMarker=marker,
                    **key_args(customer_key),
                )
                for p in resp.get("Parts", []):
                    parts.append(
                        ServerPart(
                            int(p["PartNumber"]), int(p["Size"]), _etag(p["ETag"]), p.get("LastModified")
                        )
                    )
                if not resp.get("IsTruncated"):
                    break
                nxt = int(resp.get("NextPartNumberMarker") or 0)
                if nxt <= marker:
                    break
                marker = nxt
        return parts

    def complete(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        parts: list[PartResult],
        obj: ObjectSpec | None = None,
    ) -> str:
        entries: list[dict[str, Any]] = []
        for p in parts:
            entry: dict[str, Any] = {"PartNumber": p.number, "ETag": f'"{p.etag}"'}
            if self._mode is ChecksumMode.CRC32 and p.checksum:
                entry["ChecksumCRC32"] = p.checksum
            entries.append(entry)
        doc = {"Parts": entries}
        with self._talk():
            resp = self._client.complete_multipart_upload(
                Bucket=bucket,
                Key=key,
                UploadId=upload_id,
                MultipartUpload=doc,
                # AWS wants the customer key here when the upload was begun with a checksum.
                **key_args(obj.customer_key if obj else None),
            )
        return _etag(resp.get("ETag", ""))

    def abort(self, bucket: str, key: str, upload_id: str) -> None:
        with self._talk():
            self._client.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id)

    def list_uploads(self, bucket: str, prefix: str = "") -> Iterator[RemoteUpload]:
        key_marker = ""
        id_marker = ""
        while True:
            args: dict[str, Any] = {"Bucket": bucket, "MaxUploads": 1000}
            if prefix:
                args["Prefix"] = prefix
            if key_marker:
                args["KeyMarker"] = key_marker
            if id_marker:
                args["UploadIdMarker"] = id_marker
            with self._talk():
                resp = self._client.list_multipart_uploads(**args)
            for u in resp.get("Uploads", []):
                yield RemoteUpload(u["Key"], u["UploadId"], u["Initiated"], u.get("StorageClass", ""))
            if not resp.get("IsTruncated"):
                return
            # SeaweedFS answers a truncated page with NextUploadIdMarker alone.
            nk, ni = resp.get("NextKeyMarker") or "", resp.get("NextUploadIdMarker") or ""
            if (nk, ni) == (key_marker, id_marker) or not (nk or ni):
                return
            key_marker, id_marker = nk, ni

    def delete_object(self, bucket: str, key: str) -> None:
        with self._talk():
            self._client.delete_object(Bucket=bucket, Key=key)

    def head(self, bucket: str, key: str, customer_key: CustomerKey | None = None) -> ObjectInfo | None:
        try:
            with self._talk():
                extra = {"ChecksumMode": "ENABLED"} if self._mode is ChecksumMode.CRC32 else {}
                extra.update(key_args(customer_key))
                resp = self._client.head_object(Bucket=bucket, Key=key, **extra)
        except SkyliftError as exc:
            cause = exc.__cause__
            if isinstance(cause, bex.ClientError) and cause.response.get("Error", {}).get("Code") in (
                "404",
                "NoSuchKey",
                "NotFound",
            ):
                return None
            raise
        return ObjectInfo(
            int(resp["ContentLength"]),
            _etag(resp.get("ETag", "")),
            resp.get("LastModified"),
            checksum=resp.get("ChecksumCRC32"),
            metadata={str(k).lower(): str(v) for k, v in (resp.get("Metadata") or {}).items()},
            encrypted=resp.get("ServerSideEncryption") == "aws:kms" or bool(resp.get("SSECustomerAlgorithm")),
        )

    def put_small(self, obj: ObjectSpec, body: PartBody, digest: PartDigest) -> PartResult:
        if self._lean is not None:
            headers = {}
            if self._mode is ChecksumMode.MD5 and digest.md5 is not None:
                headers["Content-MD5"] = base64.b64encode(digest.md5).decode()
            elif self._mode is ChecksumMode.CRC32 and digest.crc32 is not None:
                headers["x-amz-checksum-crc32"] = digest.crc32_b64
            headers.update(object_headers(obj))
            with self._contact.watch():
                try:
                    got = self._lean.put(obj, body, headers)
                except WrongRegion as moved:
                    self._learn(obj.bucket, moved.region)
                    body.seek(0)
                    try:
                        got = self._lean.put(obj, body, headers)
                    except WrongRegion as again:
                        raise SkyliftError(
                            ErrorCode.CONFIG,
                            f"bucket {obj.bucket} says it is in region {again.region}, also when asked "
                            "there; check the profile's endpoint",
                        ) from None
            etag = _etag(got.get("etag", ""))
            self._check_etag(etag, digest, "object", got)
            crc = got.get("x-amz-checksum-crc32")
            self._check_crc({"ChecksumCRC32": crc} if crc else {}, digest, "object")
            return PartResult(1, etag, body.size, digest.checksum())
        args: dict[str, Any] = {
            "Bucket": obj.bucket,
            "Key": obj.key,
            "Body": body,
            "ContentLength": body.size,
            **self._md5_args(digest),
        }
        if obj.content_type:
            args["ContentType"] = obj.content_type
        if obj.storage_class:
            args["StorageClass"] = obj.storage_class
        if obj.metadata:
            args["Metadata"] = obj.metadata
        args.update(object_args(obj))
        args.update(key_args(obj.customer_key))
        with self._talk():
            resp = self._client.put_object(**args)
        etag = _etag(resp.get("ETag", ""))
        self._check_etag(etag, digest, "object", resp)
        self._check_crc(resp, digest, "object")
        return PartResult(1, etag, body.size, digest.checksum())

    def list_buckets(self) -> list[str]:
        with self._talk():
            return [b["Name"] for b in self._client.list_buckets().get("Buckets", [])]

    def make_bucket(self, bucket: str) -> None:
        with self._talk():
            try:
                self._client.create_bucket(Bucket=bucket)
            except bex.ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in (
                    "BucketAlreadyOwnedByYou",
                    "BucketAlreadyExists",
                ):
                    raise

    # ---- SupportsLifecycle ----------------------------------------------------------------------
    def abort_rules(self, bucket: str) -> list[AbortRule]:
        try:
            rules = self._lifecycle_rules(bucket)
        except SkyliftError as exc:
            if _service_code(exc) in _LIFECYCLE_UNSUPPORTED:
                raise LifecycleUnsupported(exc.detail) from exc
            raise
        found: list[AbortRule] = []
        for r in rules:
            days = r.get("AbortIncompleteMultipartUpload", {}).get("DaysAfterInitiation")
            if r.get("Status") == "Enabled" and days is not None and not _rule_prefix(r):
                found.append(AbortRule(str(r.get("ID", "")), int(days)))
        return found

    def set_abort_rule(self, bucket: str, rule_id: str, days: int | None) -> None:
        rules = [r for r in self._lifecycle_rules(bucket) if r.get("ID") != rule_id]
        if days is not None:
            rules.append(
                {
                    "ID": rule_id,
                    "Status": "Enabled",
                    "Filter": {"Prefix": ""},
                    "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": days},
                }
            )
        with self._talk():
            if rules:
                self._client.put_bucket_lifecycle_configuration(
                    Bucket=bucket, LifecycleConfiguration={"Rules": [_clean_rule(r) for r in rules]}
                )
            else:
                self._client.delete_bucket_lifecycle(Bucket=bucket)

    def _lifecycle_rules(self, bucket: str) -> list[dict[str, Any]]:
        try:
            with self._talk():
                resp = self._client.get_bucket_lifecycle_configuration(Bucket=bucket)
        except SkyliftError as exc:
            if _service_code(exc) == "NoSuchLifecycleConfiguration":
                return []
            raise
        return list(resp.get("Rules", []))

    # ---- ListsObjects ---------------------------------------------------------------------------
    def iter_objects(self, bucket: str, prefix: str) -> Iterator[ListedObject]:
        token: str | None = None
        while True:
            args: dict[str, Any] = {"Bucket": bucket, "Prefix": prefix, "MaxKeys": 1000}
            if token:
                args["ContinuationToken"] = token
            with self._talk():
                resp = self._client.list_objects_v2(**args)
            for o in resp.get("Contents", []):
                yield ListedObject(
                    str(o["Key"]), int(o["Size"]), o.get("LastModified"), _etag(o.get("ETag", ""))
                )
            token = resp.get("NextContinuationToken")
            if not resp.get("IsTruncated") or not token:
                return

    # ---- ListsPrefixes --------------------------------------------------------------------------
    def list_level(self, bucket: str, prefix: str, limit: int) -> Level:
        prefixes: list[str] = []
        objects: list[ListedObject] = []
        token: str | None = None
        with self._talk():
            while True:
                args: dict[str, Any] = {"Bucket": bucket, "Prefix": prefix, "Delimiter": "/", "MaxKeys": 1000}
                if token:
                    args["ContinuationToken"] = token
                resp = self._client.list_objects_v2(**args)
                prefixes.extend(str(p["Prefix"]) for p in resp.get("CommonPrefixes", []))
                objects.extend(
                    ListedObject(str(o["Key"]), int(o["Size"]), o.get("LastModified"))
                    for o in resp.get("Contents", [])
                    # the "folder" placeholder object is the level itself, not an entry in it
                    if str(o["Key"]) != prefix
                )
                token = resp.get("NextContinuationToken")
                if not resp.get("IsTruncated") or not token:
                    return Level(prefixes, objects)
                if len(prefixes) + len(objects) >= limit:
                    return Level(prefixes, objects, truncated=True)

    # ---- SharesLinks ----------------------------------------------------------------------------
    def presign_get(self, bucket: str, key: str, seconds: int) -> str:
        with _translated():
            url = self._client.generate_presigned_url(
                "get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=seconds
            )
        return str(url)

    def object_url(self, bucket: str, key: str) -> str:
        return plain_url(str(self._client.meta.endpoint_url), self._client.meta.config.s3, bucket, key)


_DNS_BUCKET = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")


def plain_url(endpoint: str, s3_config: dict[str, Any] | None, bucket: str, key: str) -> str:
    """The unsigned URL of an object, in the addressing style the client uses."""
    base = urlsplit(endpoint)
    path = quote(key, safe="/~")
    virtual = (s3_config or {}).get("addressing_style", "virtual") == "virtual"
    # botocore falls back to path style for names a host name cannot carry; the URL must agree.
    if virtual and _DNS_BUCKET.match(bucket) and not _is_ip(base.hostname or ""):
        return f"{base.scheme}://{bucket}.{base.netloc}/{path}"
    return f"{base.scheme}://{base.netloc}{base.path.rstrip('/')}/{bucket}/{path}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost"
    return True


def _timestamp(value: str) -> datetime:
    """Listings carry ISO 8601 times; dateutil took half the time of re-running an unchanged
    2,000-file folder to read them. HTTP-date headers still go to botocore's own parser."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return DEFAULT_TIMESTAMP_PARSER(value)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _session(credentials: Credentials | None = None) -> boto3.session.Session:
    core = botocore.session.get_session()
    if credentials is not None:
        # The profile's credentials and no others: botocore's chain was already asked for them.
        core.register_component("credential_provider", resolver_for(credentials))
    factory = ResponseParserFactory()
    factory.set_parser_defaults(timestamp_parser=_timestamp)
    core.register_component("response_parser_factory", factory)
    return boto3.session.Session(botocore_session=core)


def _rename_header(request: Any, header: str) -> None:
    value = request.headers.get("x-amz-storage-class")
    if value is not None:
        del request.headers["x-amz-storage-class"]
        request.headers[header] = value


#: Codes of servers that have no lifecycle API (S3 stand-ins answer in different words).
_LIFECYCLE_UNSUPPORTED = {"NotImplemented", "MethodNotAllowed", "NotSupported", "XNotImplemented"}


def _rule_prefix(rule: dict[str, Any]) -> str:
    flt = rule.get("Filter")
    if isinstance(flt, dict):
        return str(flt.get("Prefix", "")) if "Prefix" in flt or not flt else "(filtered)"
    return str(rule.get("Prefix", ""))


def _clean_rule(rule: dict[str, Any]) -> dict[str, Any]:
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
