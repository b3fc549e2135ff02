"""The physical limit: presigned PUTs streamed with http.client, no hashing, no retries.

The URLs are signed by the benchmark beforehand, so this process spends its CPU only on moving
bytes. ``streams`` > 1 sends that many files at once (one connection each); a single file is always
one stream. Standalone: imports nothing from the project.

argv[1]: a JSON job (files [[path, key], ...], urls [url per file], settings {"streams": N}).
"""

from __future__ import annotations

import http.client
import json
import os
import sys
import threading
from urllib.parse import urlsplit

CHUNK = 1 << 20


def put(conn: http.client.HTTPConnection, path: str, url: str) -> None:
    u = urlsplit(url)
    size = os.path.getsize(path)
    target = u.path + ("?" + u.query if u.query else "")
    conn.putrequest("PUT", target, skip_accept_encoding=True)
    conn.putheader("Content-Length", str(size))
    conn.endheaders()
    with open(path, "rb", buffering=0) as fh:
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        while n := fh.readinto(buf):
            conn.send(view[:n])
    resp = conn.getresponse()
    body = resp.read()
    if resp.status != 200:
        raise RuntimeError(f"PUT {path}: HTTP {resp.status} {body[:200]!r}")


def main() -> int:
    with open(sys.argv[1]) as fh:
        job = json.load(fh)
    work = [(path, url) for (path, _key), url in zip(job["files"], job["urls"], strict=True)]
    streams = max(1, int(job["settings"].get("streams", 1)))
    host = urlsplit(work[0][1]).netloc
    if urlsplit(work[0][1]).hostname not in ("127.0.0.1", "localhost", "::1"):
        print("refusing a non-loopback endpoint", file=sys.stderr)
        return 2
    lock = threading.Lock()
    errors: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection(host, timeout=300)
        while True:
            with lock:
                if not work:
                    return
                path, url = work.pop()
            try:
                put(conn, path, url)
            except Exception as exc:  # keep going: the HEAD check counts what arrived
                errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection(host, timeout=300)

    threads = [threading.Thread(target=worker) for _ in range(min(streams, len(work)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in errors[:5]:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
