"""Testing a profile's settings before they are saved (the profile dialog's "Test connection")."""

from __future__ import annotations

from app.services.profiles import Credentials, NetworkOptions, Profiles, make_backend
from engine.backends.base import Backend
from engine.errors import ErrorCode, SkyliftError
from engine.providers import get_provider


def backend_for(
    provider: str,
    endpoint: str,
    region: str,
    access_key_id: str,
    secret: str,
    path_style: bool | None = None,
    network: NetworkOptions | None = None,
) -> Backend:
    prov = get_provider(provider)
    net = network or NetworkOptions()
    url = endpoint or prov.endpoint_for(region)
    if not url:
        raise SkyliftError(ErrorCode.CONFIG, "this provider needs an endpoint URL")
    path = prov.path_style if path_style is None else path_style
    creds = Credentials(access_key_id, secret)
    return make_backend(prov, url, region, path, creds, net)


def test_connection(
    profiles: Profiles,
    name: str,
    provider: str,
    endpoint: str,
    region: str,
    access_key_id: str,
    secret: str,
    path_style: bool | None = None,
    network: NetworkOptions | None = None,
) -> list[str]:
    """Bucket names the settings can see. Without a typed secret, the saved profile is used."""
    if not secret and name:
        return sorted(profiles.test(name))
    return sorted(
        backend_for(provider, endpoint, region, access_key_id, secret, path_style, network).list_buckets()
    )
