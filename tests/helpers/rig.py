"""An engine wired to a real server, a real SQLite checkpoint and a thread pool."""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.backends.base import Backend
from engine.body import CHUNK
from engine.events import Finished, ListSink, Progress
from engine.plan import parts_for
from engine.providers import get_provider
from engine.retry import RetryPolicy
from engine.scheduler import Engine, EngineSettings
from engine.state import State
from engine.store import PartRow, ProfileRow, Store, TransferRow
from tests.helpers.targets import Target

PROFILE = "t"


@dataclass
class Rig:
    engine: Engine
    store: Store
    sink: ListSink
    backend: Backend
    target: Target
    bucket: str
    part_size: int

    def row(self, path: Path, key: str, **kw: Any) -> TransferRow:
        """A row for ``path``; ``kw`` overrides any other TransferRow field."""
        st = path.stat()
        row = TransferRow(
            profile=PROFILE,
            local_path=str(path),
            size=st.st_size,
            mtime_ns=st.st_mtime_ns,
            bucket=self.bucket,
            key=key,
            part_size=self.part_size,
            multipart=True,
        )
        return dataclasses.replace(row, **kw)

    def finished(self, tid: int) -> Finished:
        done = [e for e in self.sink.of(Finished) if e.transfer_id == tid]
        assert done, f"transfer {tid} never finished"
        return done[-1]

    def sent(self, tid: int) -> int:
        return sum(e.sent for e in self.sink.of(Progress) if e.transfer_id == tid)

    def close(self) -> None:
        """Stop what still runs, then the checkpoint: the end of every rig fixture."""
        self.engine.pause_all()
        self.engine.wait_idle(30)
        self.store.close()

    def run(self, tid: int, timeout: float = 120) -> Finished:
        assert self.engine.wait_idle(timeout), "the engine did not settle"
        return self.finished(tid)

    def seed(self, path: Path, key: str, held: list[int], rows: bool) -> TransferRow:
        """A paused transfer whose upload already holds parts ``held`` on the server
        (with checkpoint rows, or without them as after a crash between ack and row)."""
        upload_id = self.target.create_upload(self.bucket, key)
        data = path.read_bytes()
        acked = []
        for spec in parts_for(len(data), self.part_size):
            if spec.number in held:
                etag = self.target.put_part(
                    self.bucket, key, upload_id, spec.number, data[spec.offset : spec.offset + spec.size]
                )
                acked.append(PartRow(spec.number, spec.size, etag))
        row = self.row(path, key, upload_id=upload_id, state=State.PAUSED)
        (tid,) = self.store.add_transfers([row])
        if rows:
            self.store.replace_parts(tid, acked).result()
        return row


def make_rig(
    tmp_path: Path, target: Target, pool: ThreadPoolExecutor, part_size: int | None = None, **settings: object
) -> Rig:
    store = Store(tmp_path / "checkpoint.db")
    store.save_profile(ProfileRow(name=PROFILE, provider=target.provider))
    backend = target.backend()
    sink = ListSink()
    rules = get_provider(target.provider).rules
    if part_size is None:
        part_size = max(rules.min_part, 4 * CHUNK)
    conf = EngineSettings(part_size=part_size, retry=RetryPolicy(retries=2, interval=0.2))
    for k, v in settings.items():
        setattr(conf, k, v)
    engine = Engine(store, lambda name: backend, pool, sink, conf)
    return Rig(engine, store, sink, backend, target, target.new_bucket(), part_size)


def random_file(path: Path, size: int) -> Path:
    path.write_bytes(os.urandom(size))
    return path
