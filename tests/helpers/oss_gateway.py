"""An OSS-dialect gateway in front of moto: it stands in for Aliyun's OSS servers in tests.

No OSS emulator exists, and oss2 cannot talk to an S3 server directly (the S3 XML namespace, a
few missing elements, other header names). This small threaded HTTP server speaks enough of the
OSS dialect for oss2 and Skylift's ``OssBackend`` and forwards everything to moto's in-process S3:

- verifies OSS V1 (``OSS ak:sig``) and V4 (``OSS4-HMAC-SHA256``) signatures, written here from the
  OSS documentation rather than taken from oss2, and answers a wrong key or secret with OSS's
  error XML (InvalidAccessKeyId / SignatureDoesNotMatch, 403); also signed URLs (the signature in
  the query: V1 ``OSSAccessKeyId``/``Expires``/``Signature``, V4 ``x-oss-signature`` with
  ``x-oss-date``/``x-oss-expires``), refusing an expired one with AccessDenied as Aliyun does;
- checks STS keys the way OSS does: an access key listed in ``tokens`` is a temporary one, valid
  only with its ``x-oss-security-token`` header (a signed ``x-oss-`` header in V1 and V4); a
  missing or different token is InvalidSecurityToken, a token in ``expired_tokens`` is
  SecurityTokenExpired (both 403);
- renames ``x-oss-meta-*`` / ``x-oss-storage-class`` to ``x-amz-*`` and back (OSS storage classes
  map onto S3 ones), and ``x-amz-request-id`` to ``x-oss-request-id``;
- strips the S3 xmlns, adds the elements oss2 requires (NextKeyMarker, NextUploadIdMarker,
  NextPartNumberMarker, the bucket endpoints in ListBuckets, each listed object's Type), copies
  Complete's ETag into a header;
- gives ListMultipartUploads each upload's real Initiated time (moto says 2010 for all);
- computes ``x-oss-hash-crc64ecma`` for PutObject, UploadPart, Complete, GetObject and HeadObject;
- drops the CreateBucket body and rewrites form-urlencoded content types (moto's dev server
  hangs on those);
- maps the object options Aliyun's server takes (``x-oss-tagging``, ``x-oss-object-acl`` — on
  PutObject, and on CompleteMultipartUpload as a PutObjectAcl after it — and
  ``x-oss-server-side-encryption`` AES256/KMS with its key id) onto moto's S3 ones, so a test can
  read them back as Aliyun's would keep them;
- records what it saw (``requests``) and can lie: ``corrupt_crc_for_part = N`` answers every
  upload of part N with a wrong CRC64, ``corrupt_crc_for_put`` does the same for PutObject and
  ``corrupt_crc_for_complete`` for CompleteMultipartUpload (HeadObject stays truthful);
  ``stall_complete`` holds Complete's answer back after the object was built.

moto enforces S3's 5 MiB minimum part at Complete; OSS's minimum is 100 KiB, so
``S3_UPLOAD_PART_MIN_SIZE`` is set before moto is first imported (and restored afterwards, so no
other test inherits it).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import os
import re
import socket
import sys
import threading
from base64 import b64encode
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit
from xml.etree import ElementTree

from engine.crc64 import crc64
from tests.helpers.oss_signed_url import check_signed_url, is_signed_url

if TYPE_CHECKING:
    # Only for annotations: moto must be imported with the part-size override in place.
    from moto.server import ThreadedMotoServer

OSS_MIN_PART = 100 * 1024
_S3_NS = b' xmlns="http://s3.amazonaws.com/doc/2006-03-01/"'
_CLASS_TO_S3 = {
    "Standard": "STANDARD",
    "IA": "STANDARD_IA",
    "Archive": "GLACIER",
    "ColdArchive": "DEEP_ARCHIVE",
}
_CLASS_TO_OSS = {v: k for k, v in _CLASS_TO_S3.items()}
_V1_SUBRESOURCES = frozenset(
    "acl uploads location cors logging website referer lifecycle delete append tagging objectMeta "
    "uploadId partNumber security-token position img style styleName replication replicationProgress "
    "replicationLocation cname bucketInfo comp qos live status vod startTime endTime symlink "
    "x-oss-process response-content-type response-content-language response-expires "
    "response-cache-control response-content-disposition response-content-encoding restore callback "
    "callback-var policy stat encryption versions versioning versionId x-oss-traffic-limit".split()
)
_V4_AUTH = re.compile(
    r"OSS4-HMAC-SHA256 Credential=(?P<ak>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/(?P<product>[^/]+)/"
    r"aliyun_v4_request,\s*(?:AdditionalHeaders=(?P<add>[^,]*),\s*)?Signature=(?P<sig>[0-9a-f]+)"
    r"(?:,\s*AdditionalHeaders=(?P<add2>[^,]*))?$"
)
_MARKERS = frozenset(
    ("part-number-marker", "key-marker", "upload-id-marker", "marker", "prefix", "delimiter")
)
#: A signed URL's query parameters: checked here, never sent on to moto.
_URL_SIGNATURE = frozenset(
    "OSSAccessKeyId Expires Signature security-token x-oss-signature-version x-oss-credential "
    "x-oss-date x-oss-expires x-oss-signature x-oss-additional-headers x-oss-security-token".split()
)
#: OSS object option headers and the S3 ones moto keeps them as.
_OPTION_TO_S3 = {
    "x-oss-tagging": "x-amz-tagging",
    "x-oss-object-acl": "x-amz-acl",
    "x-oss-server-side-encryption": "x-amz-server-side-encryption",
    "x-oss-server-side-encryption-key-id": "x-amz-server-side-encryption-aws-kms-key-id",
}
_MOTO_AUTH = (
    "AWS4-HMAC-SHA256 Credential=gateway/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0"
)


def _import_moto() -> type[ThreadedMotoServer]:
    previous = os.environ.get("S3_UPLOAD_PART_MIN_SIZE")
    os.environ["S3_UPLOAD_PART_MIN_SIZE"] = str(OSS_MIN_PART)
    try:
        import moto.s3.models
        from moto.server import ThreadedMotoServer
    finally:
        if previous is None:
            del os.environ["S3_UPLOAD_PART_MIN_SIZE"]
        else:
            os.environ["S3_UPLOAD_PART_MIN_SIZE"] = previous
    # Through the module's namespace: models imports the name without re-exporting it.
    models = vars(moto.s3.models)
    if models["S3_UPLOAD_PART_MIN_SIZE"] != OSS_MIN_PART:
        # Something imported moto earlier with S3's 5 MiB; Complete reads this module global.
        models["S3_UPLOAD_PART_MIN_SIZE"] = OSS_MIN_PART
    return ThreadedMotoServer


def start_moto() -> tuple[ThreadedMotoServer, str]:
    """moto's S3 on a free loopback port, with OSS's minimum part size: (server, endpoint)."""
    server = _import_moto()(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


@dataclass(frozen=True)
class Seen:
    """One request as the gateway received it (header names lower-cased)."""

    method: str
    bucket: str
    key: str
    query: dict[str, str]
    headers: dict[str, str]


def _error(code: str, message: str, status: int) -> tuple[int, dict[str, str], bytes]:
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message>'
        f"<RequestId>gateway</RequestId><HostId>127.0.0.1</HostId></Error>"
    ).encode()
    return status, {"Content-Type": "application/xml", "x-oss-request-id": "gateway"}, body


def _page_uploads(data: bytes, q: dict[str, str], initiated: dict[str, str]) -> bytes:
    """One OSS page of ListMultipartUploads: after (key-marker, upload-id-marker), max-uploads long,
    always with NextKeyMarker / NextUploadIdMarker (oss2 requires both), and each upload's real
    Initiated time (moto gives every upload the same date in 2010)."""
    root = ElementTree.fromstring(data)
    for u in root.findall("Upload"):
        when = initiated.get(u.findtext("UploadId", ""))
        el = u.find("Initiated")
        if when and el is not None:
            el.text = when
    uploads = sorted(
        root.findall("Upload"), key=lambda u: (u.findtext("Key", ""), u.findtext("UploadId", ""))
    )
    for u in root.findall("Upload"):
        root.remove(u)
    for tag in ("IsTruncated", "NextKeyMarker", "NextUploadIdMarker", "MaxUploads"):
        for el in root.findall(tag):
            root.remove(el)
    key_marker, id_marker = q.get("key-marker", ""), q.get("upload-id-marker", "")
    if key_marker:
        uploads = [
            u
            for u in uploads
            if (u.findtext("Key", ""), u.findtext("UploadId", "")) > (key_marker, id_marker)
            and (id_marker or u.findtext("Key", "") > key_marker)
        ]
    limit = int(q.get("max-uploads") or 1000)
    page, truncated = uploads[:limit], len(uploads) > limit
    last = page[-1] if truncated else None
    for tag, text in (
        ("MaxUploads", str(limit)),
        ("IsTruncated", "true" if truncated else "false"),
        ("NextKeyMarker", last.findtext("Key", "") if last is not None else ""),
        ("NextUploadIdMarker", last.findtext("UploadId", "") if last is not None else ""),
    ):
        ElementTree.SubElement(root, tag).text = text
    root.extend(page)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root)


def _kind_of(contents: bytes) -> bytes:
    multipart = re.search(rb"<ETag>[^<]*-\d+(&quot;|\")?</ETag>", contents) is not None
    return b"<Type>Multipart</Type>" if multipart else b"<Type>Normal</Type>"


def _v4_encode(text: str, keep_slash: bool) -> str:
    return quote(text, safe="-_.~/" if keep_slash else "-_.~")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        # A client that drops an idle keep-alive connection, or pauses mid-body, is normal here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


#: A made-up endpoint name (tests reach it through a forward proxy): requests to
#: ``BUCKET.<this>`` name their bucket in the host, as oss2 sends them to a named endpoint.
VIRTUAL_HOST = "oss.skylift.test"


class OssGateway:
    def __init__(self, access_key: str, secret: str, region: str = "cn-hangzhou") -> None:
        self.credentials = {access_key: secret}
        #: Access keys that may read but not write: their PUT/POST/DELETE get AccessDenied, the
        #: way a RAM user with a read-only policy is answered.
        self.read_only: set[str] = set()
        #: Temporary (STS) access keys -> the security token each must come with.
        self.tokens: dict[str, str] = {}
        #: Tokens past their expiry: refused with SecurityTokenExpired.
        self.expired_tokens: set[str] = set()
        self.region = region
        self.corrupt_crc_for_part: int | None = None
        self.corrupt_crc_for_put = False
        self.corrupt_crc_for_complete = False
        #: When set, Complete is carried out on moto but its answer waits for ``release_complete``:
        #: the window in which a client can die after the server finished (``completed`` is set).
        self.stall_complete = False
        self.completed = threading.Event()
        self.release_complete = threading.Event()
        self.requests: list[Seen] = []
        #: Upload id -> when it was initiated (ISO 8601, UTC), for ListMultipartUploads.
        self._initiated: dict[str, str] = {}
        self._lock = threading.Lock()
        self._moto, self.moto_endpoint = start_moto()
        self._moto_netloc = urlsplit(self.moto_endpoint).netloc
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                gateway._handle(self)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _serve

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.endpoint = f"http://127.0.0.1:{self._server.server_address[1]}"

    def reset(self) -> None:
        with self._lock:
            self.corrupt_crc_for_part = None
            self.corrupt_crc_for_put = False
            self.corrupt_crc_for_complete = False
            self.stall_complete = False
            self.requests.clear()
            self.tokens.clear()
            self.expired_tokens.clear()
        self.release_complete.set()
        self.completed.clear()
        self.release_complete = threading.Event()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._moto.stop()

    # ---- signatures ---------------------------------------------------------------------------
    def _check_signature(
        self, method: str, bucket: str, key: str, query: list[tuple[str, str]], h: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes] | None:
        auth = h.get("authorization", "")
        if not auth and is_signed_url(query):
            return check_signed_url(self.credentials, self.region, method, bucket, key, query, h)
        if auth.startswith("OSS "):
            ak, _, sig = auth[4:].partition(":")
            secret = self.credentials.get(ak)
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
                    h.get("x-oss-date") or h.get("date", ""),
                    "".join(f"{k}:{v}\n" for k, v in oss_headers) + resource,
                ]
            )
            want = b64encode(hmac.new(secret.encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
            ok = hmac.compare_digest(want, sig)
        elif auth.startswith("OSS4-HMAC-SHA256 "):
            m = _V4_AUTH.match(auth)
            if m is None:
                return _error("InvalidArgument", "Authorization header is malformed.", 400)
            secret = self.credentials.get(m["ak"])
            if secret is None:
                return _error("InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist.", 403)
            additional = [a for a in (m["add"] or m["add2"] or "").split(";") if a]
            signed = sorted(
                (k, v.strip())
                for k, v in h.items()
                if k.startswith("x-oss-") or k in ("content-type", "content-md5") or k in additional
            )
            canonical_query = "&".join(
                f"{k}={v}" if v else k
                for k, v in sorted((_v4_encode(k, False), _v4_encode(v, False)) for k, v in query)
            )
            canonical = "\n".join(
                [
                    method,
                    _v4_encode(f"/{bucket}/{key}" if bucket else "/", True),
                    canonical_query,
                    "".join(f"{k}:{v}\n" for k, v in signed),
                    ";".join(additional),
                    h.get("x-oss-content-sha256", "UNSIGNED-PAYLOAD"),
                ]
            )
            stamp = h.get("x-oss-date", "")
            scope = f"{m['date']}/{self.region}/oss/aliyun_v4_request"
            to_sign = f"OSS4-HMAC-SHA256\n{stamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
            key_bytes = f"aliyun_v4{secret}".encode()
            for part in (m["date"], self.region, "oss", "aliyun_v4_request"):
                key_bytes = hmac.new(key_bytes, part.encode(), hashlib.sha256).digest()
            want = hmac.new(key_bytes, to_sign.encode(), hashlib.sha256).hexdigest()
            ok = stamp[:8] == m["date"] and m["region"] == self.region and hmac.compare_digest(want, m["sig"])
        else:
            return _error("AccessDenied", "Anonymous access is forbidden for this operation.", 403)
        if not ok:
            return _error(
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.",
                403,
            )
        return None

    def _check_token(self, h: dict[str, str]) -> tuple[int, dict[str, str], bytes] | None:
        m = _V4_AUTH.match(h.get("authorization", ""))
        ak = m["ak"] if m else h.get("authorization", "")[4:].partition(":")[0]
        want = self.tokens.get(ak)
        if want is None:
            return None
        got = h.get("x-oss-security-token", "")
        if got != want:
            return _error("InvalidSecurityToken", "The security token you provided is invalid.", 403)
        if got in self.expired_tokens:
            return _error("SecurityTokenExpired", "The security token you provided has expired.", 403)
        return None

    def _check_write(self, method: str, h: dict[str, str]) -> tuple[int, dict[str, str], bytes] | None:
        if method not in ("PUT", "POST", "DELETE") or not self.read_only:
            return None
        auth = h.get("authorization", "")
        m = _V4_AUTH.match(auth)
        ak = m["ak"] if m else auth[4:].partition(":")[0]
        if ak in self.read_only:
            return _error("AccessDenied", "You have no right to access this object.", 403)
        return None

    # ---- forwarding ---------------------------------------------------------------------------
    def _handle(self, rq: BaseHTTPRequestHandler) -> None:
        url = urlsplit(rq.path)
        bucket, _, key = unquote(url.path).lstrip("/").partition("/")
        host = rq.headers.get("Host", "").rpartition(":")[0] or rq.headers.get("Host", "")
        if host.endswith("." + VIRTUAL_HOST):  # oss2's bucket.endpoint style, behind a made-up name
            bucket, key = host[: -len(VIRTUAL_HOST) - 1], unquote(url.path).lstrip("/")
        query = parse_qsl(url.query, keep_blank_values=True)
        h = {k.lower(): v.strip() for k, v in rq.headers.items()}
        length = int(h.get("content-length", "0") or 0)
        try:
            body = rq.rfile.read(length) if length else b""
        except OSError:
            body = b""
        if len(body) < length:  # the client gave up mid-body (a pause): nothing reaches moto
            rq.close_connection = True
            return
        with self._lock:
            self.requests.append(Seen(rq.command, bucket, key, dict(query), h))
        reply = (
            self._check_signature(rq.command, bucket, key, query, h)
            or self._check_token(h)
            or self._check_write(rq.command, h)
            or self._forward(rq.command, bucket, key, query, h, body)
        )
        status, headers, data = reply
        if rq.command == "HEAD" and status >= 400 and data:
            # HEAD answers carry no body; OSS puts the error XML in this header instead.
            headers = {**headers, "x-oss-err": b64encode(data).decode()}
        rq.send_response(status)
        for k, v in headers.items():
            rq.send_header(k, v)
        if rq.command != "HEAD" or "Content-Length" not in headers:
            rq.send_header("Content-Length", str(len(data)))
        rq.end_headers()
        if rq.command != "HEAD":
            rq.wfile.write(data)

    def _call_moto(
        self,
        method: str,
        bucket: str,
        key: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes,
    ) -> http.client.HTTPResponse:
        path = f"/{quote(bucket)}/{quote(key, safe='/')}" if bucket else "/"
        if query:
            path += "?" + urlencode(query, quote_via=quote)
        # moto checks no signature, but treats a request without one as anonymous (403 on reads).
        headers = {**headers, "Authorization": _MOTO_AUTH}
        conn = http.client.HTTPConnection(self._moto_netloc, timeout=60)
        conn.request(method, path, body=body or None, headers=headers)
        return conn.getresponse()

    def _forward(
        self, method: str, bucket: str, key: str, query: list[tuple[str, str]], h: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        q = dict(query)
        fwd: dict[str, str] = {}
        for k, v in h.items():
            if k.startswith("x-oss-meta-"):
                fwd["x-amz-meta-" + k[len("x-oss-meta-") :]] = v
            elif k == "x-oss-storage-class":
                fwd["x-amz-storage-class"] = _CLASS_TO_S3.get(v, v)
            elif k in (
                "content-type",
                "content-md5",
                "range",
                "cache-control",
                "content-disposition",
                "content-encoding",
            ):
                fwd[k] = v
            elif k in _OPTION_TO_S3:
                fwd[_OPTION_TO_S3[k]] = "aws:kms" if v == "KMS" else v
        if fwd.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            fwd["content-type"] = "application/octet-stream"
        if method == "PUT" and bucket and not key and not query:
            body = b""  # CreateBucket: OSS's CreateBucketConfiguration means nothing to moto
        # oss2 sends empty markers ("part-number-marker="), which OSS reads as absent and moto rejects.
        upstream = [
            (k, v)
            for k, v in query
            if k not in ("x-oss-traffic-limit", "encoding-type")
            and k not in _URL_SIGNATURE
            and (v or k not in _MARKERS)
        ]
        if method == "GET" and "uploads" in q:
            # moto ignores max-uploads; the gateway pages ListMultipartUploads itself.
            upstream = [
                (k, v) for k, v in upstream if k not in ("max-uploads", "key-marker", "upload-id-marker")
            ]
        acl = fwd.pop("x-amz-acl", None) if method == "POST" and "uploadId" in q else None
        resp = self._call_moto(method, bucket, key, upstream, fwd, body)
        data = resp.read()
        if acl is not None and resp.status // 100 == 2:
            self._call_moto("PUT", bucket, key, [("acl", "")], {"x-amz-acl": acl}, b"").read()
        status = resp.status
        out: dict[str, str] = {}
        for k, v in resp.getheaders():
            lk = k.lower()
            if lk in ("transfer-encoding", "connection", "server", "date"):
                continue
            if lk == "content-length":
                if method == "HEAD":
                    out["Content-Length"] = v
            elif lk.startswith("x-amz-meta-"):
                out["x-oss-meta-" + lk[len("x-amz-meta-") :]] = v
            elif lk == "x-amz-storage-class":
                out["x-oss-storage-class"] = _CLASS_TO_OSS.get(v, v)
            elif lk == "x-amz-request-id":
                out["x-oss-request-id"] = v
            elif lk == "x-amz-server-side-encryption":
                out["x-oss-server-side-encryption"] = "KMS" if v == "aws:kms" else v
            elif not lk.startswith("x-amz-"):
                out[k] = v
        data = data.replace(_S3_NS, b"")
        if status // 100 == 2:
            data = self._oss_dialect(method, bucket, key, q, data, out, body)
        return status, out, data

    def _oss_dialect(
        self,
        method: str,
        bucket: str,
        key: str,
        q: dict[str, str],
        data: bytes,
        out: dict[str, str],
        sent: bytes,
    ) -> bytes:
        crc: int | None = None
        if not bucket and method == "GET":
            extra = (
                b"<Location>oss-" + self.region.encode() + b"</Location><ExtranetEndpoint>127.0.0.1"
                b"</ExtranetEndpoint><IntranetEndpoint>127.0.0.1</IntranetEndpoint>"
                b"<StorageClass>Standard</StorageClass></Bucket>"
            )
            data = data.replace(b"</Bucket>", extra)
        elif method == "GET" and "uploads" in q:
            data = _page_uploads(data, q, self._initiated)
        elif method == "GET" and bucket and not key and b"<Contents>" in data:
            # OSS names each listed object's kind; oss2 requires the element.
            data = re.sub(
                rb"<Contents>(.*?)</Contents>",
                lambda m: b"<Contents>" + m.group(1) + _kind_of(m.group(1)) + b"</Contents>",
                data,
                flags=re.S,
            )
        elif method == "POST" and key and "uploads" in q:
            m = re.search(rb"<UploadId>(.*?)</UploadId>", data)
            if m:
                now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                self._initiated[m.group(1).decode()] = now
        elif method == "GET" and "uploadId" in q:
            if b"<NextPartNumberMarker" not in data:
                data = data.replace(
                    b"</ListPartsResult>", b"<NextPartNumberMarker></NextPartNumberMarker></ListPartsResult>"
                )
        elif method == "PUT" and key and "partNumber" in q:
            crc = crc64(sent)
            if self.corrupt_crc_for_part == int(q["partNumber"]):
                crc ^= 1
        elif method == "PUT" and key and not q and "x-oss-copy-source" not in out:
            crc = crc64(sent) ^ (1 if self.corrupt_crc_for_put else 0)
        elif method == "POST" and key and "uploadId" in q:
            m = re.search(rb"<ETag>(.*?)</ETag>", data)
            if m:
                out["ETag"] = m.group(1).decode().replace("&quot;", '"')
            crc = self._object_crc(bucket, key)
            if crc is not None and self.corrupt_crc_for_complete:
                crc ^= 1
            if self.stall_complete:
                self.completed.set()
                self.release_complete.wait(60)
        elif method == "GET" and key and not q:
            crc = crc64(data)
        elif method == "HEAD" and key:
            crc = self._object_crc(bucket, key)
        if crc is not None:
            out["x-oss-hash-crc64ecma"] = str(crc)
        return data

    def _object_crc(self, bucket: str, key: str) -> int | None:
        resp = self._call_moto("GET", bucket, key, [], {}, b"")
        data = resp.read()
        return crc64(data) if resp.status == 200 else None
