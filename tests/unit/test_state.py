from __future__ import annotations

import pytest

from engine.state import IllegalTransition, State, check_transition


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (State.QUEUED, State.RUNNING),
        (State.RUNNING, State.PAUSING),
        (State.PAUSING, State.PAUSED),
        (State.PAUSED, State.QUEUED),
        (State.RUNNING, State.COMPLETING),
        (State.COMPLETING, State.VERIFYING),
        (State.VERIFYING, State.DONE),
        (State.FAILED, State.QUEUED),
        (State.PAUSED, State.CANCELLED),
    ],
)
def test_allowed(old: State, new: State) -> None:
    check_transition(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (State.DONE, State.RUNNING),
        (State.CANCELLED, State.QUEUED),
        (State.QUEUED, State.DONE),
        (State.PAUSED, State.DONE),
        (State.COMPLETING, State.RUNNING),
        (State.VERIFYING, State.CANCELLED),
    ],
)
def test_illegal(old: State, new: State) -> None:
    with pytest.raises(IllegalTransition, match="cannot go from"):
        check_transition(old, new)


def test_states_are_stored_as_integers() -> None:
    assert all(isinstance(int(s), int) for s in State)
    assert State(7) is State.DONE
