"""Two caches in the checkpoint database, each a fact with one writer:

- ``digest``: a checksum of a local file, valid while the file keeps its size and mtime (the rule
  rsync, aws s3 sync and rclone use too), so an unchanged file is not read again;
- ``made``: the object Skylift made from a file (its ETag when the upload was verified), so a
  re-run can tell from one listing that an object is still the one made from the unchanged file.

Both are written when an upload is verified (the engine already computed the checksums from the
bytes it sent) and when a comparison reads a file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from engine.fingerprint import META_SHA256, Method
from engine.integrity import PartLike, combined_crc64, composite_crc32_of, composite_etag
from engine.providers import ChecksumMode, Provider
from engine.store import Store, TransferRow, now_ns


@dataclass(frozen=True)
class Made:
    path: str
    size: int
    mtime_ns: int
    etag: str


@dataclass(frozen=True)
class Digest:
    path: str
    size: int
    mtime_ns: int
    method: Method
    part_size: int
    value: str


class Digests:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, path: str, size: int, mtime_ns: int, method: Method, part_size: int) -> str | None:
        r = (
            self._store.read()
            .execute(
                "SELECT value FROM digest WHERE path = ? AND method = ? AND part_size = ?"
                " AND size = ? AND mtime_ns = ?",
                (path, method.value, part_size, size, mtime_ns),
            )
            .fetchone()
        )
        return str(r[0]) if r else None

    def put(self, digests: list[Digest]) -> None:
        """Not waited for: a cache entry lost to a crash costs one read of the file, no more."""
        if not digests:
            return

        def fn(con: sqlite3.Connection) -> None:
            con.executemany(
                "INSERT OR REPLACE INTO digest(path, size, mtime_ns, method, part_size, value)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(d.path, d.size, d.mtime_ns, d.method.value, d.part_size, d.value) for d in digests],
            )

        self._store.write(fn)

    def made(self, profile: str, bucket: str, key: str) -> Made | None:
        r = (
            self._store.read()
            .execute(
                "SELECT m.path, m.size, m.mtime_ns, m.etag FROM made m JOIN profile p ON p.id = m.profile_id"
                " WHERE p.name = ? AND m.bucket = ? AND m.object_key = ?",
                (profile, bucket, key),
            )
            .fetchone()
        )
        return Made(r[0], r[1], r[2], r[3]) if r else None

    def record_made(self, profile: str, bucket: str, key: str, made: Made) -> None:
        def fn(con: sqlite3.Connection) -> None:
            con.execute(
                "INSERT OR REPLACE INTO made(profile_id, bucket, object_key, path, size, mtime_ns,"
                " etag, made_at) SELECT id, ?, ?, ?, ?, ?, ?, ? FROM profile WHERE name = ?",
                (bucket, key, made.path, made.size, made.mtime_ns, made.etag, now_ns(), profile),
            )

        self._store.write(fn)

    def forget_made(self, profile: str, bucket: str, key: str) -> None:
        """The object is not the one recorded (another tool replaced it, or it differs)."""

        def fn(con: sqlite3.Connection) -> None:
            con.execute(
                "DELETE FROM made WHERE bucket = ? AND object_key = ?"
                " AND profile_id = (SELECT id FROM profile WHERE name = ?)",
                (bucket, key, profile),
            )

        self._store.write(fn)


def upload_digests(provider: Provider, row: TransferRow, parts: Sequence[PartLike]) -> list[Digest]:
    """The checksums of the file the engine computed while sending it, in the forms a server
    reports them (what ``fingerprint.claims`` finds on a HEAD of the object)."""
    out: list[Digest] = []

    def add(method: Method, part_size: int, value: str | None) -> None:
        if value:
            out.append(Digest(row.local_path, row.size, row.mtime_ns, method, part_size, value))

    sha = row.metadata.get(META_SHA256)
    add(Method.SHA256, 0, sha)
    mode = provider.checksum
    if not row.multipart and len(parts) == 1:
        whole = {
            ChecksumMode.MD5: Method.MD5,
            ChecksumMode.CRC32: Method.CRC32,
            ChecksumMode.CRC64: Method.CRC64,
        }
        if mode in whole:
            add(whole[mode], 0, parts[0].checksum)
        return out
    if mode is ChecksumMode.MD5:
        add(Method.MD5_PARTS, row.part_size, composite_etag([p.checksum for p in parts]))
    elif mode is ChecksumMode.CRC32 and row.upload_checksum == ChecksumMode.CRC32.value:
        add(Method.CRC32_PARTS, row.part_size, composite_crc32_of(parts))
    elif mode is ChecksumMode.CRC64:
        crc = combined_crc64(parts)
        add(Method.CRC64, 0, str(crc) if crc is not None else None)
    return out
