"""Checks that count what they find in the tally before they fail the test."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from engine.store import Store
from tests.helpers.targets import Target
from tests.reliability.tally import Tally


def same_object(tally: Tally, case: str, target: Target, bucket: str, key: str, expected: bytes) -> None:
    """The object exists and holds exactly ``expected``."""
    try:
        got = target.get(bucket, key)
    except Exception as exc:  # a missing object is checked by the caller's state assert
        raise AssertionError(f"{case}: {bucket}/{key} cannot be read back: {exc}") from exc
    if got != expected:
        tally.lost(
            "corrupt objects",
            case,
            f"{key}: {len(got)} bytes sha256 {hashlib.sha256(got).hexdigest()[:12]}, "
            f"expected {len(expected)} sha256 {hashlib.sha256(expected).hexdigest()[:12]}",
        )
        raise AssertionError(f"{case}: {key} holds other bytes than the source")


def no_object(tally: Tally, case: str, target: Target, bucket: str, key: str) -> None:
    """Nothing was completed under ``key`` (a failed or cancelled upload must leave no object)."""
    try:
        got = target.get(bucket, key)
    except Exception:
        return
    tally.lost("corrupt objects", case, f"{key}: an object of {len(got)} bytes exists, none should")
    raise AssertionError(f"{case}: {key} exists although its upload did not finish")


def no_uploads_left(tally: Tally, case: str, target: Target, bucket: str) -> None:
    left = target.uploads(bucket)
    for key, upload_id in left:
        tally.lost("leaked upload ids", case, f"{key} {upload_id}")
    assert not left, f"{case}: upload ids left on the server: {left}"


def no_traceback(tally: Tally, case: str, *outputs: bytes | str) -> None:
    for out in outputs:
        text = out.decode(errors="replace") if isinstance(out, bytes) else out
        if "Traceback (most recent call last)" in text:
            tally.lost("tracebacks", case, text.strip().splitlines()[-1][:200])
            raise AssertionError(f"{case}: a Python traceback reached the user:\n{text}")


def checkpoint_kept(tally: Tally, case: str, store: Store, transfer_id: int) -> None:
    """The transfer's checkpoint row is still there (resumable, or settled with its state)."""
    if store.get_transfer(transfer_id) is None:
        tally.lost("lost checkpoints", case, f"transfer #{transfer_id} has no row")
        raise AssertionError(f"{case}: transfer #{transfer_id} lost its checkpoint")


def said(tally: Tally, case: str, res: subprocess.CompletedProcess[bytes], code: int, *words: str) -> str:
    """The run exited ``code``, no traceback reached the user, and its output holds every one of
    ``words`` (the problem and what to do about it). Returns the output for further checks."""
    no_traceback(tally, case, res.stdout, res.stderr)
    out = res.stdout.decode(errors="replace") + res.stderr.decode(errors="replace")
    assert res.returncode == code, f"{case}: exit {res.returncode}, expected {code}:\n{out}"
    missing = [w for w in words if w not in out]
    assert not missing, f"{case}: the message lacks {missing}:\n{out}"
    return out


def no_secret(tally: Tally, case: str, secrets: list[str], logs: Path, *outputs: bytes | str) -> None:
    """None of ``secrets`` is in the outputs or in any file under ``logs``."""
    texts = [o.decode(errors="replace") if isinstance(o, bytes) else o for o in outputs]
    texts += [p.read_text(errors="replace") for p in logs.rglob("*") if p.is_file()]
    hits = [s for s in secrets if any(s in t for t in texts)]
    for hit in hits:
        tally.lost("secret hits", case, f"{hit[:3]}… in the output or the logs")
    assert not hits, f"{case}: a secret was shown or logged"
