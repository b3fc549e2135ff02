"""The transfer state machine. States are stored as their integer values."""

from __future__ import annotations

import enum


class State(enum.IntEnum):
    QUEUED = 1
    RUNNING = 2
    PAUSING = 3
    PAUSED = 4
    COMPLETING = 5
    VERIFYING = 6
    DONE = 7
    FAILED = 8
    CANCELLED = 9

    @property
    def label(self) -> str:
        return self.name.lower()


_ALLOWED: dict[State, frozenset[State]] = {
    State.QUEUED: frozenset({State.RUNNING, State.PAUSED, State.FAILED, State.CANCELLED}),
    # RUNNING -> DONE: a single PUT is verified by its own response (the ETag is the body's MD5).
    State.RUNNING: frozenset(
        {State.PAUSING, State.PAUSED, State.COMPLETING, State.DONE, State.FAILED, State.CANCELLED}
    ),
    # PAUSING -> DONE: a single PUT whose response arrives after the pause was asked for.
    State.PAUSING: frozenset({State.PAUSED, State.DONE, State.FAILED, State.CANCELLED}),
    State.PAUSED: frozenset({State.QUEUED, State.RUNNING, State.FAILED, State.CANCELLED}),
    # Complete is one request: it finishes (or fails) even when a pause is asked for meanwhile.
    State.COMPLETING: frozenset({State.VERIFYING, State.FAILED, State.PAUSED}),
    State.VERIFYING: frozenset({State.DONE, State.FAILED, State.PAUSED}),
    State.DONE: frozenset(),
    State.FAILED: frozenset({State.QUEUED, State.CANCELLED}),
    State.CANCELLED: frozenset(),
}

ACTIVE = frozenset({State.RUNNING, State.PAUSING, State.COMPLETING, State.VERIFYING})
FINAL = frozenset({State.DONE, State.CANCELLED})
#: States a process can die in; on the next start they count as paused.
INTERRUPTED = frozenset({State.RUNNING, State.PAUSING, State.COMPLETING, State.VERIFYING})


class IllegalTransition(ValueError):
    pass


def check_transition(old: State, new: State) -> None:
    if new not in _ALLOWED[old]:
        raise IllegalTransition(f"a transfer cannot go from {old.label} to {new.label}")


def can_transition(old: State, new: State) -> bool:
    return new in _ALLOWED[old]
