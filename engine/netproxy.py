"""Which proxy a request to an endpoint goes through: one rule for every path and both SDKs.

botocore and requests each read ``HTTPS_PROXY``/``NO_PROXY`` by themselves, the lean PUT path
does not, and SOCKS is understood by neither SDK's defaults. So the proxy is decided here, once
per endpoint, and handed to every path explicitly (an empty answer means a direct connection,
with the SDKs told not to look at the environment again).
"""

from __future__ import annotations

import ipaddress
import urllib.parse
import urllib.request

from engine.errors import ErrorCode, SkyliftError

SCHEMES = ("http", "https", "socks5", "socks5h")
#: The proxy setting that means none, not even the environment's.
DIRECT = "direct"


def check_proxy(url: str) -> str:
    """The proxy URL, refused with the fix when it cannot be used as one."""
    parts = urllib.parse.urlsplit(url if "://" in url else "http://" + url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in SCHEMES or not parts.hostname or port is None:
        raise SkyliftError(
            ErrorCode.CONFIG,
            f"{url!r} is not a proxy address; write it as http://HOST:PORT, https://HOST:PORT or "
            "socks5://HOST:PORT (socks5h:// to let the proxy resolve names)",
        )
    if is_socks(parts.scheme):
        try:
            import socks  # noqa: F401
        except ImportError:
            raise SkyliftError(
                ErrorCode.CONFIG,
                "a SOCKS proxy needs the PySocks package, which is missing from this installation; "
                "reinstall Skylift or use an HTTP proxy",
            ) from None
    return urllib.parse.urlunsplit(parts)


def is_socks(scheme_or_url: str) -> bool:
    return scheme_or_url.split("://", 1)[0].lower() in ("socks5", "socks5h")


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def proxy_for(endpoint: str, explicit: str | None) -> str | None:
    """The proxy for requests to ``endpoint``, or None for a direct connection.

    The profile's or settings' proxy wins; without one the environment's, honouring NO_PROXY.
    Loopback endpoints (the built-in storage) are always reached directly: a company proxy
    cannot reach this machine's own ports.
    """
    host = urllib.parse.urlsplit(endpoint).hostname or ""
    if is_loopback(host) or explicit == DIRECT:
        return None
    if explicit:
        return check_proxy(explicit)
    scheme = urllib.parse.urlsplit(endpoint).scheme or "https"
    found = urllib.request.getproxies_environment()
    # Private in the stubs, public in the module since 3.x; it is what urllib applies itself.
    if urllib.request.proxy_bypass_environment(host, found):  # type: ignore[attr-defined]
        return None
    chosen = found.get(scheme) or found.get("all")
    return check_proxy(chosen) if chosen else None
