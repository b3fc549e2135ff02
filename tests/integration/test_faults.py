"""Connection resets and outages between Skylift and a real SeaweedFS, through a fault proxy."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from engine.state import State
from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.rig import Rig, make_rig, random_file
from tests.helpers.targets import S3Target

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer


pytestmark = pytest.mark.integration


@pytest.fixture
def proxy(weed: LocalServer) -> Iterator[FaultProxy]:
    p = FaultProxy(weed.s3_port)
    yield p
    p.close()


@pytest.fixture
def rig(tmp_path: Path, proxy: FaultProxy, pool: ThreadPoolExecutor) -> Iterator[Rig]:
    r = make_rig(tmp_path, S3Target(proxy.endpoint, ACCESS_KEY, SECRET_KEY), pool)
    yield r
    r.close()


def test_a_reset_mid_part_is_retried_and_counted(rig: Rig, proxy: FaultProxy, tmp_path: Path) -> None:
    src = random_file(tmp_path / "f.bin", 3 * rig.part_size)
    proxy.reset_after = rig.part_size // 2
    proxy.resets_left = 2
    (tid,) = rig.engine.add([rig.row(src, "f.bin")])
    fin = rig.run(tid)
    assert fin.state is State.DONE, fin
    assert proxy.resets_done >= 1
    assert fin.bytes_sent > src.stat().st_size, "retried bytes count as sent"
    assert rig.target.get(rig.bucket, "f.bin") == src.read_bytes()


def test_an_outage_fails_as_network_and_a_resume_finishes_when_it_is_back(
    rig: Rig, proxy: FaultProxy, tmp_path: Path
) -> None:
    src = random_file(tmp_path / "f.bin", 2 * rig.part_size)
    bucket = rig.bucket
    proxy.down = True
    (tid,) = rig.engine.add([rig.row(src, "o.bin")])
    fin = rig.run(tid)
    assert (fin.state, fin.error_code) == (State.FAILED, "network")
    proxy.down = False
    rig.engine.resume([tid])
    fin = rig.run(tid)
    assert fin.state is State.DONE
    assert rig.target.get(bucket, "o.bin") == src.read_bytes()
