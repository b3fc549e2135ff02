"""A TCP proxy on loopback that can cut connections, for retry and outage tests.

No toxiproxy here; this is enough: forward bytes, reset a connection after N bytes from the
client, or refuse every connection while "down".
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._srv = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._srv.getsockname()[1])
        self._lock = threading.Lock()
        #: Reset this many future connections after ``reset_after`` client bytes.
        self.resets_left = 0
        self.reset_after = 1 << 20
        self.resets_done = 0
        self.down = False
        #: Client-to-server bytes of every connection, in order, when ``record`` is on.
        self.record = False
        self.streams: list[bytearray] = []
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop.set()
        self._srv.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._srv.accept()
            except OSError:
                return
            if self.down:
                _reset(client)
                continue
            with self._lock:
                cut = self.reset_after if self.resets_left > 0 else None
                if cut is not None:
                    self.resets_left -= 1
            threading.Thread(target=self._serve, args=(client, cut), daemon=True).start()

    def _serve(self, client: socket.socket, cut: int | None) -> None:
        try:
            upstream = socket.create_connection(self.upstream)
        except OSError:
            _reset(client)
            return
        threading.Thread(target=_pipe, args=(upstream, client, None, None), daemon=True).start()
        sink = None
        if self.record:
            sink = bytearray()
            with self._lock:
                self.streams.append(sink)
        _pipe(client, upstream, cut, self._count_reset, sink)

    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """(method, target, lower-case headers) of every recorded HTTP request."""
        with self._lock:
            streams = [bytes(b) for b in self.streams]
        out = []
        for data in streams:
            pos = 0
            while (end := data.find(b"\r\n\r\n", pos)) != -1:
                head = data[pos:end].decode("latin-1").split("\r\n")
                method, target, _ = head[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:])}
                out.append((method, target, headers))
                pos = end + 4 + int(headers.get("content-length", "0"))
        return out

    def _count_reset(self) -> None:
        with self._lock:
            self.resets_done += 1


def _reset(sock: socket.socket) -> None:
    # SO_LINGER 0 makes close() send RST: the client sees "connection reset", as on a real outage.
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _pipe(
    src: socket.socket,
    dst: socket.socket,
    cut: int | None,
    on_cut: Callable[[], None] | None,
    sink: bytearray | None = None,
) -> None:
    moved = 0
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if cut is not None and moved + len(data) > cut:
                dst.sendall(data[: cut - moved])
                _reset(src)
                _reset(dst)
                if on_cut is not None:
                    on_cut()
                return
            dst.sendall(data)
            if sink is not None:
                sink += data
            moved += len(data)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)
