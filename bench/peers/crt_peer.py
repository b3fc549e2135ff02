"""Upload with awscrt's S3 client, driven directly against the loopback endpoint.

Runs in its own virtualenv (awscrt must never land in Skylift's): boto3's CRT transfer client
ignores ``endpoint_url`` and would send the bytes to AWS, so the request's Host header here is the
loopback endpoint and nothing else. Standalone: imports nothing from the project.

argv[1]: a JSON job (endpoint, bucket, files [[path, key], ...], settings); credentials from env.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any
from urllib.parse import quote, urlsplit


def main() -> int:
    from awscrt.auth import AwsCredentialsProvider
    from awscrt.http import HttpHeaders, HttpRequest
    from awscrt.io import ClientBootstrap, DefaultHostResolver, EventLoopGroup
    from awscrt.s3 import (
        S3ChecksumAlgorithm,
        S3ChecksumConfig,
        S3ChecksumLocation,
        S3Client,
        S3RequestTlsMode,
        S3RequestType,
        create_default_s3_signing_config,
    )

    with open(sys.argv[1]) as fh:
        job = json.load(fh)
    settings: dict[str, object] = job["settings"]
    url = urlsplit(job["endpoint"])
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        print(f"refusing a non-loopback endpoint: {url.hostname}", file=sys.stderr)
        return 2
    host = url.netloc
    region = job.get("region", "us-east-1")
    elg = EventLoopGroup()
    bootstrap = ClientBootstrap(elg, DefaultHostResolver(elg))
    creds = AwsCredentialsProvider.new_static(
        os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]
    )
    # Values come from the settings JSON, each of the type its S3Client keyword expects.
    kwargs: dict[str, Any] = {}
    for name in ("part_size", "throughput_target_gbps", "max_active_connections_override", "memory_limit"):
        if name in settings:
            kwargs[name] = settings[name]
    client = S3Client(
        bootstrap=bootstrap,
        region=region,
        tls_mode=S3RequestTlsMode.DISABLED,
        signing_config=create_default_s3_signing_config(region=region, credential_provider=creds),
        **kwargs,
    )
    checksum = None
    if settings.get("checksum") == "crc32":
        # What boto3's CRT transfer client asks for by default (when_supported checksums).
        checksum = S3ChecksumConfig(algorithm=S3ChecksumAlgorithm.CRC32, location=S3ChecksumLocation.TRAILER)
    requests = []
    for path, key in job["files"]:
        size = os.path.getsize(path)
        headers = HttpHeaders(
            [
                ("Host", host),
                ("Content-Length", str(size)),
                ("Content-Type", "application/octet-stream"),
            ]
        )
        req = HttpRequest("PUT", f"/{job['bucket']}/{quote(key)}", headers)
        requests.append(
            client.make_request(
                type=S3RequestType.PUT_OBJECT,
                request=req,
                send_filepath=path,
                checksum_config=checksum,
            )
        )
    failed = 0
    for r in requests:
        try:
            r.finished_future.result()
        except Exception as exc:  # report every failure, not only the first
            failed += 1
            print(f"crt upload failed: {exc!r}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
