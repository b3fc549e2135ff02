"""A stand-in for S3's answer to a request signed for the wrong region, in front of SeaweedFS
(which accepts any region). AWS's own server cannot run here; this says what it says: 400
``AuthorizationHeaderMalformed`` naming the bucket's region in ``<Region>``, and for HEAD, which
has no body, the ``x-amz-bucket-region`` header."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler

from tests.helpers.httpfault import HttpFaultProxy, Rule

_SCOPE = re.compile(r"Credential=[^/]+/\d+/([^/]+)/s3/aws4_request")


class RegionGate(HttpFaultProxy):
    def __init__(self, upstream_port: int, region: str) -> None:
        super().__init__(upstream_port)
        self.region = region
        self.refused: list[str] = []
        self._refused_lock = threading.Lock()

    def _serve(self, rq: BaseHTTPRequestHandler, rule: Rule | None) -> None:
        m = _SCOPE.search(rq.headers.get("Authorization", ""))
        asked = m.group(1) if m else self.region
        if asked == self.region:
            return super()._serve(rq, rule)
        length = int(rq.headers.get("Content-Length") or 0)
        if length:
            rq.rfile.read(length)
        with self._refused_lock:
            self.refused.append(f"{rq.command} {rq.path}")
        body = (
            "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AuthorizationHeaderMalformed</Code>"
            f"<Message>The authorization header is malformed; the region '{asked}' is wrong; "
            f"expecting '{self.region}'</Message><Region>{self.region}</Region>"
            "<RequestId>gate</RequestId></Error>"
        ).encode()
        rq.send_response_only(400)
        rq.send_header("Content-Type", "application/xml")
        rq.send_header("x-amz-bucket-region", self.region)
        rq.send_header("Content-Length", "0" if rq.command == "HEAD" else str(len(body)))
        rq.end_headers()
        if rq.command != "HEAD":
            rq.wfile.write(body)
        return None
