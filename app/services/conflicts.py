"""What to do when the object a file would become already exists: one small object per policy.

The command line and the window queue through the same ``AppCore.enqueue`` with one of these; a
policy answers for one source at a time, on the walk's thread, and may keep what it learned (a
name it handed out, an "apply to all" answer).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from app.services.compare import Comparer, Comparison, Verdict
from engine.backends.base import Backend, ObjectInfo
from engine.digests import Digests
from engine.sources import Source

#: The names the window and the command line use for the policies.
NAMES = ("overwrite", "skip", "skip-same", "rename", "ask")


@dataclass(frozen=True)
class Place:
    """Where the objects are: what a policy may look at beyond the object in question."""

    backend: Backend
    profile: str
    bucket: str
    digests: Digests


class Policy(Protocol):
    #: False: the object is not even looked up (overwrite needs no HEAD per file).
    looks: bool

    def resolve(self, src: Source, existing: ObjectInfo, place: Place) -> Source | None:
        """The source to queue (perhaps under another key), or None to leave the object alone."""
        ...


@dataclass
class Overwrite:
    looks: bool = False

    def resolve(self, src: Source, existing: ObjectInfo, place: Place) -> Source | None:
        return src


@dataclass
class Skip:
    looks: bool = True

    def resolve(self, src: Source, existing: ObjectInfo, place: Place) -> Source | None:
        return None


@dataclass
class SkipSame:
    """Skip when the object holds the file's bytes, proven by checksum (see ``compare``); upload
    when it differs, and also when the server cannot prove it the same (counted in ``unproven``)."""

    looks: bool = True
    #: Hears each file left alone, with the proof (the move option deletes on it).
    on_same: Callable[[Source, Comparison], None] | None = None
    unproven: int = 0
    _comparers: dict[tuple[str, str], Comparer] = field(default_factory=dict)

    def resolve(self, src: Source, existing: ObjectInfo, place: Place) -> Source | None:
        where = (place.profile, place.bucket)
        comparer = self._comparers.get(where)
        if comparer is None:
            comparer = Comparer(place.backend, place.digests, place.profile, place.bucket)
            self._comparers[where] = comparer
        result = comparer.compare(src, existing)
        if result.verdict is not Verdict.SAME:
            if result.verdict is Verdict.UNPROVEN:
                self.unproven += 1
            return src
        if self.on_same is not None:
            self.on_same(src, result)
        return None


def renamed_key(key: str, n: int) -> str:
    """``a/b.txt`` -> ``a/b (1).txt``: the usual desktop way to keep both."""
    head, slash, name = key.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext, dot = name, "", ""
    return f"{head}{slash}{stem} ({n}){dot}{ext}"


@dataclass
class Rename:
    looks: bool = True
    #: Keys handed out in this walk (not on the server yet, but taken).
    taken: set[str] = field(default_factory=set)

    def resolve(self, src: Source, existing: ObjectInfo, place: Place) -> Source | None:
        for n in range(1, 10_000):
            key = renamed_key(src.key, n)
            if key not in self.taken and place.backend.head(place.bucket, key) is None:
                self.taken.add(key)
                return Source(src.path, key, src.size, src.mtime_ns)
        return None


@dataclass
class ConflictQuestion:
    """Asked from the walk thread; the GUI sets ``answer`` and ``apply_all`` and calls ``reply``."""

    key: str
    local_size: int
    remote_size: int
    answer: str = "skip"
    apply_all: bool = False
    _event: threading.Event = field(default_factory=threading.Event)

    def reply(self, answer: str, apply_all: bool) -> None:
        self.answer, self.apply_all = answer, apply_all
        self._event.set()

    def wait(self, stop: threading.Event) -> None:
        while not self._event.wait(0.2):
            if stop.is_set():
                self.answer = "skip"
                return


@dataclass
class Ask:
    """Ask the person, per object; an "apply to all" answer becomes the policy for the rest."""

    ask: Callable[[ConflictQuestion], None]
    stop: threading.Event
    looks: bool = True
    chosen: Policy | None = None
    _rename: Rename = field(default_factory=Rename)

    def resolve(self, src: Source, existing: ObjectInfo, place: Place) -> Source | None:
        if self.chosen is not None:
            return self.chosen.resolve(src, existing, place)
        q = ConflictQuestion(src.key, src.size, existing.size)
        self.ask(q)
        q.wait(self.stop)
        # An answer is taken literally: "skip" here means this object, whatever its size.
        answer: Policy = Skip()
        if q.answer == "overwrite":
            answer = Overwrite()
        elif q.answer == "rename":
            answer = self._rename
        if q.apply_all:
            self.chosen = answer
        return answer.resolve(src, existing, place)


def policy_named(
    name: str, ask: Callable[[ConflictQuestion], None] | None = None, stop: threading.Event | None = None
) -> Policy:
    """The policy for a name (``skip``: whatever the object; ``skip-same``: only if it holds the
    file's bytes)."""
    if name == "overwrite":
        return Overwrite()
    if name == "skip":
        return Skip()
    if name == "skip-same":
        return SkipSame()
    if name == "rename":
        return Rename()
    if name == "ask" and ask is not None:
        return Ask(ask, stop or threading.Event())
    raise ValueError(f"unknown conflict policy {name!r}: use one of {', '.join(NAMES)}")
