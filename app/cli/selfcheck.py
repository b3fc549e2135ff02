"""``skylift self-check``: is this installation able to do its job, on this machine, now?

Each check prints one line, ``ok`` or ``FAILED`` with the reason and what to do; the exit code is
non-zero if any check failed. A missing display is a note, not a failure: the command line and
headless use need none.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.cli.running import EXIT_FAILED, EXIT_OK
from app.services.core import AppCore, Destination, UploadOptions
from app.services.display import display_problem
from app.services.keystore import SERVICE, backend_name, keyring_problem
from app.services.local_server import LocalServerError
from app.services.profiles import LOCAL, LOCAL_BUCKET
from engine import __version__
from engine.errors import SkyliftError
from engine.state import State

PROBE_SIZE = 1024 * 1024


def _line(name: str, ok: bool, text: str) -> bool:
    print(f"{name + ':':10} {'ok' if ok else 'FAILED':7} {text}")
    return ok


def check_keyring() -> bool:
    problem = keyring_problem()
    name = backend_name()
    if problem:
        return _line("keyring", False, f"{name}: {problem}")
    import keyring

    # Write, read back and delete a throwaway entry: a locked or broken keyring fails here, not
    # on the first real profile.
    ref = f"self-check-{secrets.token_hex(4)}"
    value = secrets.token_urlsafe(16)
    try:
        keyring.set_password(SERVICE, ref, value)
        back = keyring.get_password(SERVICE, ref)
        keyring.delete_password(SERVICE, ref)
    except Exception as exc:
        return _line("keyring", False, f"{name}: {exc}; unlock the keyring or check its service")
    if back != value:
        return _line("keyring", False, f"{name}: a stored secret did not read back")
    return _line("keyring", True, f"{name} (stores, reads and deletes a secret)")


def check_qt() -> bool:
    import PySide6

    problem = display_problem()
    if problem:
        print(f"{'qt:':10} {'note':7} PySide6 {PySide6.__version__}; {problem}")
        return True
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    return _line("qt", True, f"PySide6 {PySide6.__version__}, platform {app.platformName()}")  # type: ignore[attr-defined]


def check_local_upload(core: AppCore) -> bool:
    """1 MiB through the real engine to the built-in storage, read back and compared, removed."""
    data = os.urandom(PROBE_SIZE)
    key = f"self-check/{secrets.token_hex(6)}.bin"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="skylift-self-check-") as tmp:
        src = Path(tmp) / "probe.bin"
        src.write_bytes(data)
        try:
            ids = core.enqueue([str(src)], Destination(LOCAL, LOCAL_BUCKET, key), UploadOptions())
            finished = core.engine.wait_idle(120)
        except (SkyliftError, LocalServerError, OSError) as exc:
            return _line("upload", False, f"built-in storage: {exc}")
    views = core.engine.views(ids)
    if not finished or any(v.state is not State.DONE for v in views):
        detail = "; ".join(f"{v.error_code}: {v.error_detail}" for v in views if v.state is not State.DONE)
        return _line("upload", False, f"built-in storage: the 1 MiB upload did not finish ({detail})")
    # Imported here: boto3 is a third of every command's start-up, and most never need it.
    from engine.backends.s3 import S3Backend

    backend = core.profiles.backend(LOCAL)
    assert isinstance(backend, S3Backend)  # the built-in storage speaks S3
    try:
        body = backend.client.get_object(Bucket=LOCAL_BUCKET, Key=key)["Body"].read()
        backend.client.delete_object(Bucket=LOCAL_BUCKET, Key=key)
    except Exception as exc:
        return _line("upload", False, f"built-in storage: reading the object back failed: {exc}")
    if hashlib.sha256(body).digest() != hashlib.sha256(data).digest():
        return _line("upload", False, "built-in storage: the object read back differs from what was sent")
    took = time.monotonic() - started
    return _line("upload", True, f"1 MiB to the built-in storage and back, identical ({took:.1f} s)")


def run(core: AppCore) -> int:
    print(f"skylift {__version__} (Python {sys.version.split()[0]}, {sys.platform})")
    print(f"{'database:':10} {core.paths.db}")
    print(f"{'logs:':10} {core.paths.logs}")
    checks: list[Callable[[], bool]] = [check_keyring, check_qt, lambda: check_local_upload(core)]
    results = [check() for check in checks]
    return EXIT_OK if all(results) else EXIT_FAILED
