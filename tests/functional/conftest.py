"""The functional tier: the real scheduler, a real SQLite checkpoint and an in-process S3 (moto),
but no threads of our own. Every task the engine hands out is recorded by ``StepExecutor`` and run
by the test, one at a time, so each interleaving (a pause between two parts, a cancel while a part
is in flight) is chosen by the test and happens the same way on every run — no sleeps, no races.
"""

from __future__ import annotations

import itertools
import os
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from engine.backends.s3 import S3Backend
from engine.events import Added, ListSink, StateChanged
from engine.lease import Holder
from engine.providers import MiB, get_provider
from engine.scheduler import Engine, EngineSettings
from engine.state import State, can_transition
from engine.store import ProfileRow, Store, TransferRow
from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.oss_gateway import start_moto
from tests.helpers.s3 import raw_s3_client

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client

PROFILE = "moto"
#: S3's minimum part: a file of PART + a few KiB is a two-part upload, whatever moto enforces.
PART = 5 * MiB


class StepExecutor:
    """An executor that runs nothing by itself: ``submit`` records the task, the test runs it."""

    def __init__(self) -> None:
        self.pending: list[Callable[[], None]] = []
        self.ran = 0

    def submit(self, fn: Callable[[], None]) -> object:
        self.pending.append(fn)
        return None

    def run_next(self) -> None:
        """Run the oldest task (tasks it leads to are appended behind the others)."""
        assert self.pending, "no task is pending"
        fn = self.pending.pop(0)
        self.ran += 1
        fn()

    def run_all(self, limit: int = 200) -> int:
        """Run tasks until none is pending; the limit turns a scheduling loop into a failure."""
        n = 0
        while self.pending:
            assert n < limit, f"still {len(self.pending)} task(s) pending after {limit}"
            self.run_next()
            n += 1
        return n


@dataclass
class Harness:
    """One engine on a tmp checkpoint, driven by hand, and what the test checks it against."""

    engine: Engine
    store: Store
    sink: ListSink
    executor: StepExecutor
    backend: S3Backend
    raw: S3Client
    bucket: str
    tmp: Path
    extra: list[tuple[Engine, Store]] = field(default_factory=list)

    def write_file(self, name: str, size: int, seed: int = 1) -> tuple[Path, bytes]:
        data = random.Random(seed).randbytes(size)
        path = self.tmp / name
        path.write_bytes(data)
        return path, data

    def row(self, path: Path, key: str, **kw: object) -> TransferRow:
        """A planned multipart row for ``path`` (PART-sized parts), as the app would queue it."""
        st = path.stat()
        row = TransferRow(
            profile=PROFILE,
            local_path=str(path),
            size=st.st_size,
            mtime_ns=st.st_mtime_ns,
            bucket=self.bucket,
            key=key,
            part_size=PART,
            multipart=True,
        )
        for name, value in kw.items():
            setattr(row, name, value)
        return row

    def server_bytes(self, key: str) -> bytes:
        return self.raw.get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def server_uploads(self) -> list[str]:
        """Upload ids of the multipart uploads moto still holds in the bucket."""
        resp = self.raw.list_multipart_uploads(Bucket=self.bucket)
        return [u.get("UploadId", "") for u in resp.get("Uploads", [])]

    def second_engine(self, holder: Holder) -> tuple[Engine, ListSink, StepExecutor]:
        """Another engine (as another process would run it) on the same DB file."""
        store = Store(self.store.path)
        sink = ListSink()
        ex = StepExecutor()
        engine = Engine(store, lambda _name: self.backend, ex, sink, _settings(), holder=holder)
        self.extra.append((engine, store))
        return engine, sink, ex


def _settings() -> EngineSettings:
    # Threshold = part size: a restart re-plans a PART + few KiB file as two parts again.
    return EngineSettings(concurrency=4, part_size=PART, threshold=PART)


def states_seen(sink: ListSink, transfer_id: int) -> list[State]:
    """The transfer's state as first added, then every state it was moved to, in order."""
    out: list[State] = []
    for ev in sink.events:
        if isinstance(ev, Added) and not out:
            out += [v.state for v in ev.views if v.id == transfer_id]
        elif isinstance(ev, StateChanged) and ev.transfer_id == transfer_id:
            out.append(ev.state)
    return out


def assert_legal(sink: ListSink, transfer_id: int) -> None:
    seen = states_seen(sink, transfer_id)
    bad = [(a.label, b.label) for a, b in itertools.pairwise(seen) if not can_transition(a, b)]
    assert not bad, f"illegal transitions {bad} in {[s.label for s in seen]}"


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    server, endpoint = start_moto()
    yield endpoint
    server.stop()


@pytest.fixture
def make_backend(moto_endpoint: str) -> Callable[[], S3Backend]:
    """Backends for the generic 's3' preset (MD5 part checks) on the session's moto."""

    def make() -> S3Backend:
        return S3Backend(get_provider("s3"), moto_endpoint, "us-east-1", True, ACCESS_KEY, SECRET_KEY)

    return make


@pytest.fixture
def harness(tmp_path: Path, moto_endpoint: str, make_backend: Callable[[], S3Backend]) -> Iterator[Harness]:
    backend = make_backend()
    bucket = "f-" + uuid.uuid4().hex[:16]
    backend.make_bucket(bucket)
    store = Store(tmp_path / "db.sqlite")
    store.save_profile(ProfileRow(name=PROFILE, provider="s3", endpoint=moto_endpoint, path_style=True))
    sink = ListSink()
    ex = StepExecutor()
    engine = Engine(store, lambda _name: backend, ex, sink, _settings())
    files = tmp_path / "files"
    os.makedirs(files)
    h = Harness(engine, store, sink, ex, backend, raw_s3_client(moto_endpoint), bucket, files)
    yield h
    for eng, st in [(engine, store), *h.extra]:
        eng.close()
        st.close()
