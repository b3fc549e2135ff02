"""One desktop window per checkpoint: a second launch hands its files to the running one.

Two windows on one checkpoint would each show (and fight over) the same queue. The running
window listens on a local socket named after its checkpoint database, so ``SKYLIFT_HOME`` keeps
separate homes apart; a later launch — from a terminal or a file manager's "Open with" — connects,
sends its paths, and exits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("skylift.single")
_TIMEOUT_MS = 3000


def instance_name(db: Path) -> str:
    key = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:16]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return f"skylift-{uid}-{key}"


def hand_over(name: str, paths: list[str]) -> bool:
    """Give ``paths`` to a running window; False if none answers (then this launch is the one)."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(_TIMEOUT_MS):
        return False
    sock.write(json.dumps({"paths": paths}).encode() + b"\n")
    sock.flush()
    answered = sock.waitForReadyRead(_TIMEOUT_MS) and bytes(sock.readLine().data()).strip() == b"ok"
    sock.disconnectFromServer()
    return answered


class SingleInstance(QObject):
    """The running window's end of the socket.

    Signals:
        paths_received(list): another launch handed over these files or folders (maybe none).
    """

    paths_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        # A socket file left by a crashed window would refuse the listen; nobody answered on it.
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            log.warning("single-instance socket %s: %s", self.name, self.server.errorString())
            return False
        return True

    def _on_new_connection(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(sock.deleteLater)

    def _on_ready(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        line = bytes(sock.readLine().data())
        try:
            paths = [str(p) for p in json.loads(line)["paths"]]
        except (ValueError, KeyError, TypeError):
            log.warning("single-instance socket: unreadable request ignored")
            return
        sock.write(b"ok\n")
        sock.flush()
        log.info("another launch handed over %d path(s)", len(paths))
        self.paths_received.emit(paths)
