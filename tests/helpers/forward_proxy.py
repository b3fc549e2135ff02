"""A forward proxy on loopback that speaks HTTP (absolute-form and CONNECT) and SOCKS5.

It maps made-up host names (``s3.skylift.test``) to loopback ports. Nothing else can resolve
those names, so a request that went around the proxy fails instead of arriving: an upload that
succeeds through it proves every one of its requests took the proxy. Each tunnel or forwarded
connection is recorded as (protocol, host:port).
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class ForwardProxy:
    hosts: dict[str, int]
    seen: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}"

    def kinds(self) -> set[str]:
        with self._lock:
            return {kind for kind, _ in self.seen}

    def close(self) -> None:
        self._closed = True
        self._sock.close()

    # ---- serving ------------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _note(self, kind: str, where: str) -> None:
        with self._lock:
            self.seen.append((kind, where))

    def _upstream(self, host: str, port: int) -> socket.socket:
        # A name or any name under it (virtual-hosted buckets); the made-up name's port in
        # the URL is ignored for the real one behind it.
        for name, real in self.hosts.items():
            if host == name or host.endswith("." + name):
                return socket.create_connection(("127.0.0.1", real), timeout=10)
        raise OSError(f"unknown host {host}")

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.closing(conn):
            try:
                first = conn.recv(1, socket.MSG_PEEK)
                if first == b"\x05":
                    up = self._socks(conn)
                    if up is not None:
                        _pipe(conn, up, b"")
                    return
                head = _read_head(conn)
                method, target, _ = head.split(b"\r\n", 1)[0].split(b" ", 2)
                if method == b"CONNECT":
                    host, _, port = target.decode().rpartition(":")
                    up = self._upstream(host, int(port))
                    self._note("connect", target.decode())
                    conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    _pipe(conn, up, b"")
                    return
                # Absolute-form: the upstream (Go's net/http) takes the request line as it is.
                hostport = target.split(b"://", 1)[1].split(b"/", 1)[0].decode()
                host, _, port = hostport.rpartition(":")
                up = self._upstream(host, int(port or 80))
                self._note("http", hostport)
                _pipe(conn, up, head)
            except (OSError, ValueError):
                return

    def _socks(self, conn: socket.socket) -> socket.socket | None:
        _exact(conn, 1)
        n = _exact(conn, 1)[0]
        _exact(conn, n)
        conn.sendall(b"\x05\x00")  # no authentication
        _, cmd, _, atyp = _exact(conn, 4)
        if atyp == 3:
            host = _exact(conn, _exact(conn, 1)[0]).decode()
            kind = "socks5h"
        elif atyp == 1:
            host = socket.inet_ntoa(_exact(conn, 4))
            kind = "socks5"
        else:
            host = socket.inet_ntop(socket.AF_INET6, _exact(conn, 16))
            kind = "socks5"
        port = struct.unpack("!H", _exact(conn, 2))[0]
        try:
            if cmd != 1:
                raise OSError("only CONNECT")
            up = self._upstream(host, port)
        except OSError:
            conn.sendall(b"\x05\x04\x00\x01" + bytes(6))  # host unreachable
            return None
        self._note(kind, f"{host}:{port}")
        conn.sendall(b"\x05\x00\x00\x01" + bytes(6))
        return up


@dataclass
class TlsFront:
    """TLS in front of a plain HTTP port, with a certificate for ``names`` from a throwaway CA."""

    upstream: int
    cert: str
    key: str

    def __post_init__(self) -> None:
        self._ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._ctx.load_cert_chain(self.cert, self.key)
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            tls = self._ctx.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()
            return
        with contextlib.closing(tls):
            try:
                up = socket.create_connection(("127.0.0.1", self.upstream), timeout=10)
            except OSError:
                return
            _pipe(tls, up, b"")

    def close(self) -> None:
        self._closed = True
        self._sock.close()


def make_ca(folder: str, names: list[str]) -> tuple[str, str, str]:
    """A CA certificate (the bundle to trust) and a server certificate for ``names`` it signed."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Skylift test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = (f"{folder}/ca.pem", f"{folder}/server.pem", f"{folder}/server.key")
    with open(paths[0], "wb") as f:
        f.write(ca.public_bytes(serialization.Encoding.PEM))
    with open(paths[1], "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(paths[2], "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    return paths


def _exact(conn: socket.socket, n: int) -> bytes:
    out = b""
    while len(out) < n:
        got = conn.recv(n - len(out))
        if not got:
            raise OSError("closed")
        out += got
    return out


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        got = conn.recv(65536)
        if not got:
            raise OSError("closed")
        data += got
    return data


def _pipe(a: socket.socket, b: socket.socket, first: bytes) -> None:
    with contextlib.closing(b):
        if first:
            b.sendall(first)
        for s in (a, b):
            s.settimeout(None)
        socks = [a, b]
        while True:
            ready, _, _ = select.select(socks, [], [], 60)
            if not ready:
                return
            for s in ready:
                try:
                    data = s.recv(262144)
                except (OSError, ssl.SSLWantReadError):
                    return
                if not data:
                    return
                # Decrypted bytes OpenSSL holds are invisible to select: take them now.
                while isinstance(s, ssl.SSLSocket) and s.pending():
                    data += s.recv(s.pending())
                (b if s is a else a).sendall(data)


@contextlib.contextmanager
def forward_proxy(hosts: dict[str, int]) -> Iterator[ForwardProxy]:
    proxy = ForwardProxy(hosts)
    try:
        yield proxy
    finally:
        proxy.close()
