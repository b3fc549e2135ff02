"""Which process holds a transfer: the holder's identity and the proof that a holder is gone.

A pid alone is not an identity (pids are reused), so a holder is the pid plus the process's start
time and the boot it ran in, on a host. A lease is taken over only when its holder is provably
dead: same host, and another boot, or no process with that pid, or one that started at another
time. A holder on another host (a checkpoint on a shared drive) is never presumed dead.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Holder:
    host: str
    boot_id: str
    pid: int
    started: str

    def describe(self) -> str:
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"pid {self.pid}{where}"


class TransferHeld(Exception):
    """Transfers another live Skylift process holds; nothing of them was touched."""

    def __init__(self, held: dict[int, Holder]) -> None:
        self.held = held
        super().__init__("; ".join(held_message(i, h) for i, h in sorted(held.items())))


def held_message(transfer_id: int, holder: Holder) -> str:
    return (
        f"transfer #{transfer_id} is being uploaded by another Skylift process ({holder.describe()}); "
        "let it finish there, or quit that process first"
    )


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _start_time(pid: int) -> str | None:
    """The process's start time as the kernel counts it, or None if there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    except OSError:
        return ""
    # Field 22, counted after the command name, which may itself hold spaces and parentheses.
    return stat.rsplit(")", 1)[1].split()[19]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def this_process() -> Holder:
    pid = os.getpid()
    return Holder(socket.gethostname(), _boot_id(), pid, _start_time(pid) or "")


def is_dead(holder: Holder) -> bool:
    """True only when the holder is provably gone; unknown counts as alive."""
    if holder.host != socket.gethostname():
        return False
    boot = _boot_id()
    if boot and holder.boot_id and boot != holder.boot_id:
        return True
    started = _start_time(holder.pid)
    if started is None:
        return not _alive(holder.pid)
    if started == "" or not holder.started:
        return not _alive(holder.pid)
    return started != holder.started
