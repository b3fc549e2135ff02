"""The SQLite checkpoint store.

WAL, foreign keys, migrations by ``PRAGMA user_version`` with a backup copy first, and one writer
thread that batches many small writes into one transaction. Readers use their own connections.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from engine.lease import Holder
from engine.schema import LATEST, MIGRATIONS
from engine.state import FINAL, State

T = TypeVar("T")


class StoreError(RuntimeError):
    pass


class CheckpointUnwritable(StoreError):
    """A write to the checkpoint failed (disk full, read-only, I/O error); it holds what it held."""


#: SQLite primary result codes that mean the file cannot be written, not that the SQL was wrong.
_IO_CODES = frozenset({8, 10, 13, 14})  # READONLY, IOERR, FULL, CANTOPEN
#: Less free space than this and a failed write is put down to a full disk (SQLite often reports
#: "disk I/O error", not "database or disk is full", when the -wal or -shm file cannot grow).
_NEARLY_FULL = 256 * 1024


def disk_full(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < _NEARLY_FULL


def _is_io_failure(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.OperationalError) and code is not None and code & 0xFF in _IO_CODES


def write_failure(path: Path, exc: BaseException) -> CheckpointUnwritable:
    """Why the checkpoint cannot take a write, in words that name the way out."""
    text = str(exc)
    if "full" in text or disk_full(path.parent):
        why = "the disk holding it is full"
        fix = "free space on that disk, or set SKYLIFT_HOME to a folder on another disk"
    elif "readonly" in text or "read-only" in text:
        why = "it is read-only"
        fix = f"make {path.parent} writable, or set SKYLIFT_HOME to a writable folder"
    else:
        why = "the disk reported an error"
        fix = "check the disk, or set SKYLIFT_HOME to a folder on another disk"
    return CheckpointUnwritable(f"cannot write the checkpoint database {path}: {why} ({text}); {fix}")


def now_ns() -> int:
    return time.time_ns()


@dataclass
class ProfileRow:
    name: str
    provider: str
    endpoint: str = ""
    region: str = ""
    path_style: bool = False
    default_bucket: str = ""
    access_key_id: str = ""
    keyring_ref: str = ""
    signature: str = ""
    price_per_gb_month: float | None = None
    #: A profile name in ~/.aws/config or ~/.aws/credentials: botocore resolves its credentials.
    aws_profile: str = ""
    #: Upload options applied to every upload through this profile unless the upload sets them.
    upload_defaults: dict[str, Any] = field(default_factory=dict)
    id: int = 0


@dataclass
class TransferRow:
    profile: str
    local_path: str
    size: int
    mtime_ns: int
    bucket: str
    key: str
    part_size: int
    multipart: bool
    state: State = State.QUEUED
    upload_id: str | None = None
    queue_pos: int = 0
    error_code: str | None = None
    error_detail: str | None = None
    content_type: str = ""
    storage_class: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    upload_checksum: str = ""
    #: Time (ns) a new upload id was asked for while none is recorded yet; 0 otherwise.
    upload_started_at: int = 0
    #: The move option: delete the local file once the object is proven (cleared once done).
    delete_after: bool = False
    #: Object options beyond content type, class and metadata (headers, ACL, tags, encryption).
    options: dict[str, Any] = field(default_factory=dict)
    #: The drop this transfer was queued with (``create_batch``); 0: queued on its own.
    batch: int = 0
    #: That batch's label (read along with the row; not written by ``add_transfers``).
    batch_label: str = ""
    created_at: int = 0
    updated_at: int = 0
    id: int = 0


@dataclass(frozen=True)
class PartRow:
    number: int
    size: int
    etag: str
    checksum: str | None = None
    done_at: int = 0


_TRANSFER_COLS = (
    "t.id, p.name, t.local_path, t.size, t.mtime_ns, t.bucket, t.object_key, t.part_size,"
    " t.multipart, t.state, t.upload_id, t.queue_pos, t.error_code, t.error_detail,"
    " t.content_type, t.storage_class, t.metadata, t.etag, t.created_at, t.updated_at,"
    " t.upload_checksum, t.upload_started_at, t.delete_after, t.options, t.batch,"
    " COALESCE((SELECT label FROM batch WHERE batch.id = t.batch), '')"
)


def _transfer(r: sqlite3.Row) -> TransferRow:
    return TransferRow(
        id=r[0],
        profile=r[1],
        local_path=r[2],
        size=r[3],
        mtime_ns=r[4],
        bucket=r[5],
        key=r[6],
        part_size=r[7],
        multipart=bool(r[8]),
        state=State(r[9]),
        upload_id=r[10],
        queue_pos=r[11],
        error_code=r[12],
        error_detail=r[13],
        content_type=r[14],
        storage_class=r[15],
        metadata=json.loads(r[16]),
        etag=r[17],
        created_at=r[18],
        updated_at=r[19],
        upload_checksum=r[20],
        upload_started_at=r[21],
        delete_after=bool(r[22]),
        options=json.loads(r[23]),
        batch=r[24],
        batch_label=r[25],
    )


def connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA busy_timeout=30000")
    return con


def unusable(path: Path, exc: BaseException) -> StoreError:
    """Why the checkpoint cannot be opened, and what to do; the file itself is never touched."""
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return StoreError(
            f"{path} is not a Skylift checkpoint database ({text}); it was left as it is. Move it "
            "aside (Skylift then starts an empty queue) or set SKYLIFT_HOME to another folder."
        )
    if "full" in text or disk_full(path.parent):
        return write_failure(path, exc)
    return StoreError(
        f"cannot write the checkpoint database {path} ({text}); check the permissions of "
        f"{path.parent} and the file, or set SKYLIFT_HOME to another folder."
    )


def migrate(path: Path) -> None:
    """Bring the database to the latest schema; copy it aside first if it holds data."""
    try:
        _migrate(path)
    except sqlite3.DatabaseError as exc:  # OperationalError (read-only, locked) included
        raise unusable(path, exc) from None


def _migrate(path: Path) -> None:
    con = connect(path)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            raise StoreError(
                f"{path} was written by a newer Skylift (schema {version}, this one knows "
                f"{LATEST}). Upgrade Skylift, or set SKYLIFT_HOME to use another folder."
            )
        if 0 < version < LATEST:
            backup = path.with_name(f"{path.name}.v{version}.{int(time.time())}.bak")
            dst = sqlite3.connect(backup)
            with dst:
                con.backup(dst)
            dst.close()
        for number in range(version + 1, LATEST + 1):
            con.execute("BEGIN IMMEDIATE")
            try:
                for stmt in MIGRATIONS[number - 1].split(";"):
                    if stmt.strip():
                        con.execute(stmt)
                con.execute(f"PRAGMA user_version={number}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
    finally:
        con.close()


class Store:
    """Checkpoint database. Writes go through one thread; reads use per-thread connections."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise unusable(path, exc) from None
        migrate(path)
        self._local = threading.local()
        self._queue: queue.Queue[tuple[Callable[[sqlite3.Connection], Any], Future[Any]] | None]
        self._queue = queue.Queue()
        #: The last write that failed for want of disk (sticky: the CLI names it at exit).
        self.failed: CheckpointUnwritable | None = None
        self._listeners: list[Callable[[CheckpointUnwritable], None]] = []
        self._writer = threading.Thread(target=self._write_loop, name="skylift-store", daemon=True)
        self._writer.start()
        self._closed = False

    def on_write_failure(self, listener: Callable[[CheckpointUnwritable], None]) -> None:
        """Call ``listener`` (on a thread of its own) when a write fails for want of disk: most
        writes are not waited for, so their owners would never hear of it otherwise."""
        self._listeners.append(listener)

    def _write_failed(self, exc: CheckpointUnwritable) -> None:
        self.failed = exc
        for listener in list(self._listeners):
            # Not on the writer thread: a listener that waited for a write would wait forever.
            threading.Thread(target=listener, args=(exc,), name="skylift-store-failure", daemon=True).start()

    # ---- writer thread -------------------------------------------------------------------
    def _write_loop(self) -> None:
        con = connect(self.path)
        # FULL: a commit must survive a power cut, not only a crash of this process.
        con.execute("PRAGMA synchronous=FULL")
        while True:
            item = self._queue.get()
            if item is None:
                break
            batch = [item]
            stop = False
            while len(batch) < 1000:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                batch.append(nxt)
            results = self._commit(con, batch)
            # Only now is the write durable, so only now do waiters hear of it.
            for fut, value, error in results:
                if error is not None:
                    fut.set_exception(error)
                else:
                    fut.set_result(value)
            if stop:
                break
        con.close()

    def _commit(
        self, con: sqlite3.Connection, batch: list[tuple[Callable[[sqlite3.Connection], Any], Future[Any]]]
    ) -> list[tuple[Future[Any], Any, BaseException | None]]:
        """One transaction for the batch. A full or read-only disk fails the batch's futures and
        leaves the writer serving: an exception here once killed the thread, and every later
        ``result()`` (Ctrl+C's pause and the exit among them) waited forever."""
        results: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            con.execute("BEGIN IMMEDIATE")
            for fn, fut in batch:
                try:
                    con.execute("SAVEPOINT w")
                    value = fn(con)
                    con.execute("RELEASE w")
                    results.append((fut, value, None))
                except BaseException as failure:
                    if _is_io_failure(failure):
                        raise
                    con.execute("ROLLBACK TO w")
                    con.execute("RELEASE w")
                    results.append((fut, None, failure))
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            # Whatever failed the transaction as a whole (a full disk, a lock held past the busy
            # timeout) fails its writes, and the writer lives on for the next batch.
            if con.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
            err = write_failure(self.path, exc)
            self._write_failed(err)
            return [(fut, None, err) for _, fut in batch]
        return results

    def write(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]:
        if self._closed:
            raise StoreError("the checkpoint store is closed")
        fut: Future[T] = Future()
        self._queue.put((fn, fut))
        return fut

    def flush(self) -> None:
        self.write(lambda con: None).result()

    def close(self) -> None:
        if self._closed:
            return
        # A checkpoint that cannot be written any more has been reported; closing must not hang
        # or raise over it.
        with contextlib.suppress(CheckpointUnwritable):
            self.flush()
        self._closed = True
        self._queue.put(None)
        self._writer.join()

    # ---- readers ---------------------------------------------------------------------------
    def _read(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = connect(self.path)
            self._local.con = con
        return con

    def read(self) -> sqlite3.Connection:
        """This thread's read connection, for the small tables kept by modules of their own
        (digests, watched folders); writes still go through ``write``."""
        return self._read()

    def get_transfer(self, transfer_id: int) -> TransferRow | None:
        r = (
            self._read()
            .execute(
                f"SELECT {_TRANSFER_COLS} FROM transfer t JOIN profile p ON p.id = t.profile_id"
                " WHERE t.id = ?",
                (transfer_id,),
            )
            .fetchone()
        )
        return _transfer(r) if r else None

    def list_transfers(self, states: Iterable[State] | None = None) -> list[TransferRow]:
        sql = f"SELECT {_TRANSFER_COLS} FROM transfer t JOIN profile p ON p.id = t.profile_id"
        args: tuple[int, ...] = ()
        if states is not None:
            args = tuple(int(s) for s in states)
            sql += f" WHERE t.state IN ({','.join('?' * len(args))})"
        sql += " ORDER BY t.queue_pos, t.id"
        return [_transfer(r) for r in self._read().execute(sql, args)]

    def parts(self, transfer_id: int) -> dict[int, PartRow]:
        rows = self._read().execute(
            "SELECT part_number, size, etag, checksum, done_at FROM part WHERE transfer_id = ?",
            (transfer_id,),
        )
        return {r[0]: PartRow(r[0], r[1], r[2], r[3], r[4]) for r in rows}

    def bytes_done(self) -> dict[int, int]:
        rows = self._read().execute("SELECT transfer_id, SUM(size) FROM part GROUP BY transfer_id")
        return {r[0]: r[1] for r in rows}

    def upload_owners(self) -> dict[str, TransferRow]:
        """Transfers that hold an upload id, by upload id (the stale view marks these owned)."""
        return {t.upload_id: t for t in self.list_transfers() if t.upload_id}

    # ---- profiles --------------------------------------------------------------------------
    def get_profile(self, name: str) -> ProfileRow | None:
        r = (
            self._read()
            .execute(
                "SELECT id, name, provider, endpoint, region, path_style, default_bucket,"
                " access_key_id, keyring_ref, signature, price_per_gb_month, aws_profile,"
                " upload_defaults FROM profile"
                " WHERE name = ?",
                (name,),
            )
            .fetchone()
        )
        if r is None:
            return None
        return ProfileRow(
            id=r[0],
            name=r[1],
            provider=r[2],
            endpoint=r[3],
            region=r[4],
            path_style=bool(r[5]),
            default_bucket=r[6],
            access_key_id=r[7],
            keyring_ref=r[8],
            signature=r[9],
            price_per_gb_month=r[10],
            aws_profile=r[11],
            upload_defaults=json.loads(r[12]),
        )

    def list_profiles(self) -> list[ProfileRow]:
        names = [r[0] for r in self._read().execute("SELECT name FROM profile ORDER BY name")]
        return [p for n in names if (p := self.get_profile(n)) is not None]

    def save_profile(self, p: ProfileRow) -> None:
        def fn(con: sqlite3.Connection) -> None:
            con.execute(
                "INSERT INTO profile(name, provider, endpoint, region, path_style, default_bucket,"
                " access_key_id, keyring_ref, signature, price_per_gb_month, aws_profile,"
                " upload_defaults, created_at)"
                " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET"
                " provider=excluded.provider, endpoint=excluded.endpoint, region=excluded.region,"
                " path_style=excluded.path_style, default_bucket=excluded.default_bucket,"
                " access_key_id=excluded.access_key_id, keyring_ref=excluded.keyring_ref,"
                " signature=excluded.signature, price_per_gb_month=excluded.price_per_gb_month,"
                " aws_profile=excluded.aws_profile, upload_defaults=excluded.upload_defaults",
                (
                    p.name,
                    p.provider,
                    p.endpoint,
                    p.region,
                    int(p.path_style),
                    p.default_bucket,
                    p.access_key_id,
                    p.keyring_ref,
                    p.signature,
                    p.price_per_gb_month,
                    p.aws_profile,
                    json.dumps(p.upload_defaults),
                    now_ns(),
                ),
            )

        self.write(fn).result()

    def remove_profile(self, name: str) -> None:
        """Remove a profile and its finished transfers; refuse while unfinished ones remain."""

        def fn(con: sqlite3.Connection) -> None:
            row = con.execute("SELECT id FROM profile WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise StoreError(f"no profile named {name!r}")
            final = (int(State.DONE), int(State.CANCELLED))
            busy = con.execute(
                "SELECT COUNT(*) FROM transfer WHERE profile_id = ? AND state NOT IN (?, ?)",
                (row[0], *final),
            ).fetchone()[0]
            if busy:
                raise StoreError(
                    f"profile {name!r} has {busy} unfinished transfer(s); finish or cancel them "
                    "first (skylift list shows them)"
                )
            con.execute("DELETE FROM transfer WHERE profile_id = ?", (row[0],))
            con.execute("DELETE FROM profile WHERE id = ?", (row[0],))

        self.write(fn).result()

    # ---- transfers -------------------------------------------------------------------------
    def create_batch(self, label: str) -> int:
        """A new group of transfers queued together; ``label`` names it (a folder's name, or ""
        for loose files: the window counts them in its own language)."""

        def fn(con: sqlite3.Connection) -> int:
            cur = con.execute("INSERT INTO batch(label, created_at) VALUES(?, ?)", (label, now_ns()))
            return int(cur.lastrowid or 0)

        return self.write(fn).result()

    def add_transfers(self, rows: list[TransferRow], holder: Holder | None = None) -> list[int]:
        """Insert the rows; with ``holder``, they are held by it from the same transaction on."""

        def fn(con: sqlite3.Connection) -> list[int]:
            pos = con.execute("SELECT COALESCE(MAX(queue_pos), 0) FROM transfer").fetchone()[0]
            ids = []
            ts = now_ns()
            profile_ids: dict[str, int] = {}
            for t in rows:
                if t.profile not in profile_ids:
                    r = con.execute("SELECT id FROM profile WHERE name = ?", (t.profile,))
                    found = r.fetchone()
                    if found is None:
                        raise StoreError(f"no profile named {t.profile!r}")
                    profile_ids[t.profile] = found[0]
                pos += 1
                cur = con.execute(
                    "INSERT INTO transfer(profile_id, local_path, size, mtime_ns, bucket,"
                    " object_key, part_size, multipart, state, upload_id, queue_pos, content_type,"
                    " storage_class, metadata, created_at, updated_at, delete_after, options, batch)"
                    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        profile_ids[t.profile],
                        t.local_path,
                        t.size,
                        t.mtime_ns,
                        t.bucket,
                        t.key,
                        t.part_size,
                        int(t.multipart),
                        int(t.state),
                        t.upload_id,
                        pos,
                        t.content_type,
                        t.storage_class,
                        json.dumps(t.metadata),
                        ts,
                        ts,
                        int(t.delete_after),
                        json.dumps(t.options),
                        t.batch,
                    ),
                )
                t.id = int(cur.lastrowid or 0)
                t.queue_pos = pos
                t.created_at = t.updated_at = ts
                ids.append(t.id)
                if holder is not None:
                    _take(con, t.id, holder, ts)
            return ids

        return self.write(fn).result()

    def update_transfer(self, transfer_id: int, **fields: Any) -> Future[None]:
        """Set columns of one transfer (names as in ``TransferRow``, ``key`` -> object_key)."""
        cols = []
        args: list[Any] = []
        for name, value in fields.items():
            col = "object_key" if name == "key" else name
            if isinstance(value, State):
                value = int(value)
            elif isinstance(value, dict):
                value = json.dumps(value)
            elif isinstance(value, bool):
                value = int(value)
            cols.append(f"{col} = ?")
            args.append(value)
        cols.append("updated_at = ?")
        args += [now_ns(), transfer_id]
        sql = f"UPDATE transfer SET {', '.join(cols)} WHERE id = ?"

        def fn(con: sqlite3.Connection) -> None:
            con.execute(sql, args)

        return self.write(fn)

    def add_part(self, transfer_id: int, part: PartRow) -> Future[None]:
        def fn(con: sqlite3.Connection) -> None:
            con.execute(
                "INSERT OR REPLACE INTO part(transfer_id, part_number, size, etag, checksum,"
                " done_at) VALUES(?,?,?,?,?,?)",
                (transfer_id, part.number, part.size, part.etag, part.checksum, part.done_at or now_ns()),
            )

        return self.write(fn)

    def replace_parts(self, transfer_id: int, parts: Iterable[PartRow]) -> Future[None]:
        rows = list(parts)

        def fn(con: sqlite3.Connection) -> None:
            con.execute("DELETE FROM part WHERE transfer_id = ?", (transfer_id,))
            con.executemany(
                "INSERT INTO part(transfer_id, part_number, size, etag, checksum, done_at)"
                " VALUES(?,?,?,?,?,?)",
                [(transfer_id, p.number, p.size, p.etag, p.checksum, p.done_at or now_ns()) for p in rows],
            )

        return self.write(fn)

    def delete_transfers(self, ids: Iterable[int]) -> None:
        id_list = [(i,) for i in ids]

        def fn(con: sqlite3.Connection) -> None:
            con.executemany("DELETE FROM transfer WHERE id = ?", id_list)

        self.write(fn).result()

    # ---- leases: which process holds a transfer -----------------------------------------------
    def claim(
        self, ids: Iterable[int], me: Holder, is_dead: Callable[[Holder], bool]
    ) -> tuple[list[int], dict[int, Holder]]:
        """Hold the unfinished transfers among ``ids`` for ``me``, in one transaction.

        A lease of another holder is taken over only if ``is_dead`` proves it gone. Returns the
        ids now held by ``me`` and, for the rest, who holds them. Finished or unknown ids are in
        neither.
        """
        wanted = list(ids)

        def fn(con: sqlite3.Connection) -> tuple[list[int], dict[int, Holder]]:
            got: list[int] = []
            held: dict[int, Holder] = {}
            final = {int(s) for s in FINAL}
            ts = now_ns()
            for tid in wanted:
                r = con.execute("SELECT state FROM transfer WHERE id = ?", (tid,)).fetchone()
                if r is None or r[0] in final:
                    continue
                cur = con.execute(
                    "SELECT host, boot_id, pid, started FROM lease WHERE transfer_id = ?", (tid,)
                ).fetchone()
                other = Holder(cur[0], cur[1], cur[2], cur[3]) if cur else None
                if other is None or other == me or is_dead(other):
                    _take(con, tid, me, ts)
                    got.append(tid)
                else:
                    held[tid] = other
            return got, held

        return self.write(fn).result()

    def release(self, ids: Iterable[int], me: Holder) -> Future[None]:
        rows = [(i, me.host, me.boot_id, me.pid, me.started) for i in ids]

        def fn(con: sqlite3.Connection) -> None:
            con.executemany(
                "DELETE FROM lease WHERE transfer_id = ? AND host = ? AND boot_id = ? AND pid = ?"
                " AND started = ?",
                rows,
            )

        return self.write(fn)

    def holder_of(self, transfer_id: int) -> Holder | None:
        r = (
            self._read()
            .execute("SELECT host, boot_id, pid, started FROM lease WHERE transfer_id = ?", (transfer_id,))
            .fetchone()
        )
        return Holder(r[0], r[1], r[2], r[3]) if r else None


def _take(con: sqlite3.Connection, transfer_id: int, holder: Holder, ts: int) -> None:
    con.execute(
        "INSERT OR REPLACE INTO lease(transfer_id, host, boot_id, pid, started, taken_at)"
        " VALUES(?,?,?,?,?,?)",
        (transfer_id, holder.host, holder.boot_id, holder.pid, holder.started, ts),
    )
