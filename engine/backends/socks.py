"""botocore through a SOCKS5 proxy.

botocore's HTTP session knows HTTP(S) proxies only: given ``socks5://`` it prefixes ``http://``
and talks HTTP to the SOCKS port. This session keeps everything of botocore's (TLS settings,
timeouts, pool size, certificate checks per request) and swaps the connection manager for
urllib3's SOCKS one, which PySocks drives.
"""

from __future__ import annotations

from typing import Any

from botocore.httpsession import URLLib3Session


class SocksSession(URLLib3Session):
    def __init__(self, proxy: str, **kwargs: Any) -> None:
        super().__init__(proxies=None, **kwargs)
        from urllib3.contrib.socks import SOCKSProxyManager

        # Not botocore's pool classes: those would replace the SOCKS connections with plain ones.
        self._socks = SOCKSProxyManager(proxy, **self._get_pool_manager_kwargs())  # type: ignore[attr-defined]

    def _get_connection_manager(self, url: str, proxy_url: str | None = None) -> Any:
        return self._socks

    def _get_request_target(self, url: str, proxy_url: str | None) -> str:
        # The tunnel reaches the host itself, so the request line is the path, as if direct.
        return str(self._path_url(url))  # type: ignore[attr-defined]

    def close(self) -> None:
        self._socks.clear()
        super().close()


def use_socks(client: Any, proxy: str) -> None:
    """Route an existing boto3 client's requests through ``proxy``.

    botocore builds the endpoint's session itself and has no hook to choose its class, so the
    finished client's session is replaced, with the same settings (``_endpoint`` and these
    attributes are private, hence the test that sends every kind of request through a proxy).
    """
    endpoint = client._endpoint
    old = endpoint.http_session
    timeout = old._timeout
    endpoint.http_session = SocksSession(
        proxy,
        verify=old._verify,
        timeout=(timeout.connect_timeout, timeout.read_timeout),
        max_pool_connections=old._max_pool_connections,
        socket_options=old._socket_options,
    )
    old.close()
