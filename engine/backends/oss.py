"""The Aliyun OSS backend (oss2), driven part by part by Skylift's own loop.

oss2's ``resumable_upload`` is not used: the engine owns checkpoints, retries and pauses. The
engine computes each part's CRC64 (``engine.crc64``, anycrc) while reading it, and this backend
compares it with the ``x-oss-hash-crc64ecma`` the server returns for every UploadPart and
PutObject, and the parts' combined CRC64 with the object's after Complete; ``verify_object``
compares it once more with HeadObject's. oss2's own duplicate check (``enable_crc``) is off: see
:data:`OSS2_CRC`.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import oss2
import oss2.exceptions as oex

from engine.backends.base import (
    AbortRule,
    ListedObject,
    ObjectInfo,
    ObjectSpec,
    PartResult,
    RemoteUpload,
    ServerPart,
    translating,
)
from engine.backends.errors import FirstContact, classify_code, network_error
from engine.body import PartBody
from engine.crc64 import combine_parts
from engine.errors import ErrorCode, SkyliftError
from engine.integrity import PartDigest
from engine.netproxy import proxy_for
from engine.objectopts import CustomerKey
from engine.providers import Provider

#: OSS accepts ``x-oss-traffic-limit`` only in this range, in bit/s (100 KB/s to 100 MB/s).
TRAFFIC_LIMIT_MIN = 819_200
TRAFFIC_LIMIT_MAX = 838_860_800


#: ``oss2.Bucket(enable_crc=...)``: off. On, oss2 wraps every PutObject/UploadPart body in an
#: adapter that runs ``oss2.utils.Crc64`` (crcmod) over the bytes as they are sent and compares the
#: server's CRC64. Skylift makes each of those checks itself with ``engine.crc64`` (anycrc, ~20x
#: crcmod's C): ``OssBackend._check_crc`` per part and per PutObject, ``combine_parts`` after
#: Complete, ``verify_object`` against HeadObject. oss2's pass would be a second opinion on the same
#: bytes against the same server value for ~90 ms of CPU per 32 MiB part (~2.8 CPU-s/GiB, more than
#: the whole upload costs otherwise), or a cap of ~8 MB/s where crcmod fell back to pure Python.
#: tests/integration/test_oss.py runs the mismatch tests with it on and off: no check is lost.
OSS2_CRC = False

_ENDPOINT_REGION = re.compile(r"(?:^|[/.])oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com", re.IGNORECASE)


def classify(exc: BaseException) -> BaseException:
    """Map an oss2 error to :class:`NoSuchUpload` or a :class:`SkyliftError` with a code."""
    if isinstance(exc, oex.RequestError):
        return network_error(exc, str(exc.body))
    if isinstance(exc, oex.InconsistentError):
        return SkyliftError(ErrorCode.INTEGRITY, str(exc.body), str(exc.request_id))
    if isinstance(exc, oex.ClientError):
        return SkyliftError(ErrorCode.CONFIG, str(exc.body))
    if isinstance(exc, oex.OssError):
        return classify_code(
            str(exc.code or ""),
            str(exc.message or ""),
            int(exc.status or 0),
            str(exc.request_id or ""),
            (exc.headers or {}).get("Retry-After") or (exc.headers or {}).get("retry-after"),
        )
    if isinstance(exc, ConnectionError | TimeoutError):
        return network_error(exc)
    return exc


def _translated() -> contextlib.AbstractContextManager[None]:
    # Interrupted (a pause) is a plain Exception and passes through untouched: neither requests,
    # urllib3 nor oss2 catch it, so the part is not retried behind the engine's back.
    return translating((oex.OssError, ConnectionError, TimeoutError), classify)


def region_from_endpoint(endpoint: str) -> str:
    """``cn-hangzhou`` from ``oss-cn-hangzhou.aliyuncs.com`` or its ``-internal`` form; else ""."""
    m = _ENDPOINT_REGION.search(endpoint)
    return m.group(1).lower() if m else ""


_META = "x-oss-meta-"


def _when(unix: int | None) -> datetime | None:
    return datetime.fromtimestamp(unix, UTC) if unix else None


def _etag(value: str | None) -> str:
    return (value or "").strip().strip('"')


class OssBackend:
    """One oss2 session (connection pool) per profile, one ``oss2.Bucket`` per bucket name."""

    #: Entries per ListParts / ListMultipartUploads page (OSS's maximum; tests lower it).
    page_size = 1000

    def __init__(
        self,
        provider: Provider,
        endpoint: str,
        region: str,
        access_key_id: str,
        secret: str,
        signature: str = "v4",
        proxy: str | None = None,
        ca_bundle: str | None = None,
        max_connections: int = 16,
        is_cname: bool = False,
        traffic_limit: int | None = None,
        connect_timeout: float = 30,
        wait_for_endpoint: bool = False,
        security_token: str = "",
    ) -> None:
        """``security_token``: the STS token of a temporary key (sent as x-oss-security-token)."""
        self.provider = provider
        self.endpoint = endpoint or provider.endpoint_for(region)
        self.region = region or region_from_endpoint(self.endpoint) or provider.default_region
        if signature in ("v1", "v4") and security_token:
            version = oss2.AUTH_VERSION_4 if signature == "v4" else oss2.AUTH_VERSION_1
            self._auth: Any = oss2.StsAuth(access_key_id, secret, security_token, auth_version=version)
        elif signature == "v4":
            self._auth = oss2.AuthV4(access_key_id, secret)
        elif signature == "v1":
            self._auth = oss2.Auth(access_key_id, secret)
        else:
            raise SkyliftError(ErrorCode.CONFIG, f"unknown OSS signature version {signature!r}: use v1 or v4")
        if traffic_limit is not None and not TRAFFIC_LIMIT_MIN <= traffic_limit <= TRAFFIC_LIMIT_MAX:
            raise SkyliftError(
                ErrorCode.CONFIG,
                f"OSS traffic limit {traffic_limit} bit/s is outside {TRAFFIC_LIMIT_MIN}-{TRAFFIC_LIMIT_MAX}",
            )
        self.traffic_limit = traffic_limit
        self._is_cname = is_cname
        self._timeout = connect_timeout
        # Decided here for every request (requests would otherwise ask the environment itself);
        # {} with trust_env off is a direct connection. requests speaks SOCKS through PySocks.
        self.proxy = proxy_for(self.endpoint, proxy)
        self._proxies = {"http": self.proxy, "https": self.proxy} if self.proxy else {}
        self._session = oss2.Session(pool_size=max_connections)
        self._session.session.trust_env = False
        self._session.session.verify = ca_bundle or os.environ.get("REQUESTS_CA_BUNDLE") or True
        self._buckets: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._contact = FirstContact(self.endpoint, "OSS", wait_for_endpoint)

    # ---- plumbing -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def _talk(self) -> Iterator[None]:
        """A request: oss2's errors in the engine's terms, and the first contact judged."""
        with self._contact.watch(), _translated():
            yield

    def _bucket(self, name: str) -> Any:
        with self._lock:
            found = self._buckets.get(name)
            if found is None:
                with _translated():
                    found = oss2.Bucket(
                        self._auth,
                        self.endpoint,
                        name,
                        is_cname=self._is_cname,
                        session=self._session,
                        connect_timeout=self._timeout,
                        enable_crc=OSS2_CRC,
                        proxies=self._proxies,
                        region=self.region,
                    )
                self._buckets[name] = found
            return found

    def _object_headers(self, obj: ObjectSpec) -> dict[str, str]:
        headers: dict[str, str] = {}
        if obj.content_type:
            headers["Content-Type"] = obj.content_type
        if obj.storage_class:
            headers[self.provider.storage_class_header] = obj.storage_class
        for name, value in obj.metadata.items():
            headers[f"x-oss-meta-{name}"] = value
        o = obj.options
        if o.cache_control:
            headers["Cache-Control"] = o.cache_control
        if o.content_disposition:
            headers["Content-Disposition"] = o.content_disposition
        if o.content_encoding:
            headers["Content-Encoding"] = o.content_encoding
        if o.tags:
            headers["x-oss-tagging"] = urllib.parse.urlencode(o.tags)
        if o.sse:
            headers["x-oss-server-side-encryption"] = "KMS" if o.sse == "kms" else "AES256"
            if o.kms_key_id:
                headers["x-oss-server-side-encryption-key-id"] = o.kms_key_id
        return headers

    @staticmethod
    def _acl_header(obj: ObjectSpec | None) -> dict[str, str]:
        # OSS takes an object's ACL on PutObject and CompleteMultipartUpload, not at initiation.
        return {"x-oss-object-acl": obj.options.acl} if obj is not None and obj.options.acl else {}

    def _body_headers(self) -> dict[str, str]:
        if self.traffic_limit is None:
            return {}
        return {"x-oss-traffic-limit": str(self.traffic_limit)}

    @staticmethod
    def _check_crc(server: int | None, digest: PartDigest, what: str, request_id: str) -> str | None:
        if digest.crc64 is None:
            return None
        if server is not None and server != digest.crc64:
            raise SkyliftError(
                ErrorCode.INTEGRITY,
                f"{what}: server CRC64 {server} is not the CRC64 {digest.crc64} of the bytes sent",
                request_id,
            )
        return str(digest.crc64)

    # ---- Backend protocol ---------------------------------------------------------------------
    def create_upload(self, obj: ObjectSpec) -> str:
        with self._talk():
            result = self._bucket(obj.bucket).init_multipart_upload(
                obj.key, headers=self._object_headers(obj)
            )
        return str(result.upload_id)

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
            result = self._bucket(bucket).upload_part(
                key, upload_id, number, body, headers=self._body_headers()
            )
        checksum = self._check_crc(result.crc, digest, f"part {number}", str(result.request_id))
        return PartResult(number, _etag(result.etag), body.size, checksum)

    def list_parts(
        self, bucket: str, key: str, upload_id: str, customer_key: CustomerKey | None = None
    ) -> list[ServerPart]:
        parts: list[ServerPart] = []
        marker = ""
        b = self._bucket(bucket)
        with self._talk():
            while True:
                resp = b.list_parts(key, upload_id, marker=marker, max_parts=self.page_size)
                for p in resp.parts:
                    parts.append(
                        ServerPart(int(p.part_number), int(p.size), _etag(p.etag), _when(p.last_modified))
                    )
                nxt = str(resp.next_marker or "")
                if not resp.is_truncated or not nxt or nxt == marker:
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
        infos = [oss2.models.PartInfo(p.number, p.etag) for p in parts]
        with self._talk():
            result = self._bucket(bucket).complete_multipart_upload(
                key, upload_id, infos, headers=self._acl_header(obj) or None
            )
        if result.crc is not None and parts and all(p.checksum for p in parts):
            local = combine_parts([(int(p.checksum or 0), p.size) for p in parts])
            if local != result.crc:
                raise SkyliftError(
                    ErrorCode.INTEGRITY,
                    f"object CRC64 {result.crc} after Complete is not the {local} of the parts sent",
                    str(result.request_id),
                )
        return _etag(result.etag)

    def abort(self, bucket: str, key: str, upload_id: str) -> None:
        with self._talk():
            self._bucket(bucket).abort_multipart_upload(key, upload_id)

    def list_uploads(self, bucket: str, prefix: str = "") -> Iterator[RemoteUpload]:
        key_marker = ""
        id_marker = ""
        b = self._bucket(bucket)
        while True:
            with self._talk():
                resp = b.list_multipart_uploads(
                    prefix=prefix,
                    key_marker=key_marker,
                    upload_id_marker=id_marker,
                    max_uploads=self.page_size,
                )
            for u in resp.upload_list:
                yield RemoteUpload(
                    str(u.key), str(u.upload_id), _when(u.initiation_date) or datetime.fromtimestamp(0, UTC)
                )
            nk, ni = str(resp.next_key_marker or ""), str(resp.next_upload_id_marker or "")
            if not resp.is_truncated or not nk or (nk, ni) == (key_marker, id_marker):
                return
            key_marker, id_marker = nk, ni

    def delete_object(self, bucket: str, key: str) -> None:
        with self._talk():
            self._bucket(bucket).delete_object(key)

    def head(self, bucket: str, key: str, customer_key: CustomerKey | None = None) -> ObjectInfo | None:
        # OSS has no customer keys (refused at the command line): ``customer_key`` is always None.
        try:
            with self._talk():
                meta = self._bucket(bucket).head_object(key)
        except SkyliftError as exc:
            cause = exc.__cause__
            # OSS answers HEAD for a missing bucket with 404 too (the code rides in x-oss-err).
            if isinstance(cause, oex.OssError) and cause.status == 404 and cause.code != "NoSuchBucket":
                return None
            raise
        crc = meta.server_crc
        headers = {str(k).lower(): str(v) for k, v in meta.headers.items()}
        sse = headers.get("x-oss-server-side-encryption", "")
        return ObjectInfo(
            int(meta.content_length or 0),
            _etag(meta.etag),
            _when(meta.last_modified),
            int(crc) if crc is not None else None,
            metadata={k[len(_META) :]: v for k, v in headers.items() if k.startswith(_META)},
            encrypted=sse.upper() in ("KMS", "SM4"),
        )

    # ---- ListsObjects ---------------------------------------------------------------------------
    def iter_objects(self, bucket: str, prefix: str) -> Iterator[ListedObject]:
        marker = ""
        while True:
            try:
                with self._talk():
                    resp = self._bucket(bucket).list_objects(prefix=prefix, marker=marker, max_keys=1000)
            except RuntimeError as exc:  # oss2's word for an answer it cannot parse
                raise SkyliftError(ErrorCode.SERVER, f"the object listing could not be read: {exc}") from None
            for o in resp.object_list:
                yield ListedObject(str(o.key), int(o.size), _when(o.last_modified), _etag(o.etag))
            nxt = str(resp.next_marker or "")
            if not resp.is_truncated or not nxt or nxt == marker:
                return
            marker = nxt

    def put_small(self, obj: ObjectSpec, body: PartBody, digest: PartDigest) -> PartResult:
        headers = {**self._object_headers(obj), **self._acl_header(obj), **self._body_headers()}
        with self._talk():
            result = self._bucket(obj.bucket).put_object(obj.key, body, headers=headers)
        checksum = self._check_crc(result.crc, digest, "object", str(result.request_id))
        return PartResult(1, _etag(result.etag), body.size, checksum)

    def list_buckets(self) -> list[str]:
        names: list[str] = []
        marker = ""
        with self._talk():
            service = oss2.Service(
                self._auth,
                self.endpoint,
                session=self._session,
                connect_timeout=self._timeout,
                proxies=self._proxies,
                region=self.region,
            )
            while True:
                resp = service.list_buckets(marker=marker, max_keys=1000)
                names.extend(str(b.name) for b in resp.buckets)
                nxt = str(resp.next_marker or "")
                if not resp.is_truncated or not nxt or nxt == marker:
                    return names
                marker = nxt

    def make_bucket(self, bucket: str) -> None:
        with self._talk():
            try:
                self._bucket(bucket).create_bucket()
            except oex.OssError as exc:
                if exc.code not in ("BucketAlreadyExists", "BucketAlreadyOwnedByYou"):
                    raise

    # ---- SupportsLifecycle ----------------------------------------------------------------------
    def abort_rules(self, bucket: str) -> list[AbortRule]:
        found: list[AbortRule] = []
        for r in self._lifecycle_rules(bucket):
            amu = getattr(r, "abort_multipart_upload", None)
            days = getattr(amu, "days", None) if amu is not None else None
            if days is not None and r.status == "Enabled" and not (r.prefix or ""):
                found.append(AbortRule(str(r.id), int(days)))
        return found

    def set_abort_rule(self, bucket: str, rule_id: str, days: int | None) -> None:
        from oss2.models import AbortMultipartUpload, BucketLifecycle, LifecycleRule

        rules = [r for r in self._lifecycle_rules(bucket) if r.id != rule_id]
        if days is not None:
            rules.append(
                LifecycleRule(
                    rule_id, "", status="Enabled", abort_multipart_upload=AbortMultipartUpload(days=days)
                )
            )
        ob = self._bucket(bucket)
        try:
            if rules:
                ob.put_bucket_lifecycle(BucketLifecycle(rules))
            else:
                ob.delete_bucket_lifecycle()
        except oex.OssError as exc:
            raise SkyliftError(ErrorCode.SERVER, f"{exc.code}: {exc.message}", exc.request_id) from None

    def _lifecycle_rules(self, bucket: str) -> list[Any]:
        try:
            return list(self._bucket(bucket).get_bucket_lifecycle().rules)
        except oex.OssError as exc:
            # Aliyun says NoSuchLifecycle; S3-derived stand-ins say NoSuchLifecycleConfiguration.
            if exc.code in ("NoSuchLifecycle", "NoSuchLifecycleConfiguration"):
                return []
            raise SkyliftError(ErrorCode.SERVER, f"{exc.code}: {exc.message}", exc.request_id) from None

    # ---- SharesLinks ----------------------------------------------------------------------------
    def presign_get(self, bucket: str, key: str, seconds: int) -> str:
        with _translated():
            # slash_safe: "a/b.txt" stays a path, as the console's own links show it.
            return str(self._bucket(bucket).sign_url("GET", key, seconds, slash_safe=True))

    def object_url(self, bucket: str, key: str) -> str:
        # oss2's URL maker knows when the bucket goes in the host (a name) or the path (an IP).
        return str(self._bucket(bucket)._make_url(bucket, key, slash_safe=True))
