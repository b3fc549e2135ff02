"""When a watched file counts as settled: two equal looks ``settle`` seconds apart, by a fake clock."""

from __future__ import annotations

from app.services.settling import Settling
from engine.sources import Source


def src(size: int, mtime: int = 1, path: str = "/w/a") -> Source:
    return Source(path, "w/a", size, mtime)


def test_a_file_is_ready_only_after_two_equal_looks_settle_apart() -> None:
    s = Settling(2.0)
    assert s.seen(src(10), now=0.0) is None
    assert s.next_due() == 2.0
    assert s.seen(src(10), now=1.9) is None  # the same, but not long enough
    assert s.seen(src(10), now=2.0) == src(10)


def test_a_change_starts_the_wait_again_and_a_queued_version_is_not_ready_again() -> None:
    s = Settling(2.0)
    s.seen(src(10), now=0.0)
    assert s.seen(src(20), now=1.5) is None  # still growing
    assert s.seen(src(20), now=3.0) is None  # 1.5 s since the change
    assert s.due(3.4) == [] and s.due(3.5) == ["/w/a"]
    ready = s.seen(src(20), now=3.5)
    assert ready is not None
    s.queued([ready])
    assert s.pending() == []
    assert s.seen(src(20), now=10.0) is None and s.pending() == []  # unchanged: nothing to do
    assert s.seen(src(20, mtime=2), now=11.0) is None and s.pending() == ["/w/a"]  # touched


def test_later_and_forgetting() -> None:
    s = Settling(1.0)
    s.seen(src(1), now=0.0)
    s.later("/w/a", 7.0)
    assert s.next_due() == 7.0
    s.keep_only(set())
    assert s.pending() == [] and s.next_due() is None
    s.seen(src(1, path="/w/b"), now=0.0)
    s.gone("/w/b")
    assert s.pending() == []
