"""Testing a profile's settings before they are saved (the profile dialog's "Test connection")."""

from __future__ import annotations

from dataclasses import replace

from app.services.profiles import (
    Credentials,
    NetworkOptions,
    ProfileError,
    Profiles,
    check_endpoint,
    make_backend,
)
from engine.backends.base import Backend
from engine.errors import ErrorCode, SkyliftError
from engine.providers import get_provider
from engine.store import ProfileRow


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
    """Bucket names the typed settings can see. Without a typed secret, the saved profile's secret
    (or the environment's) is used, always with the typed endpoint: testing the saved settings
    instead would pass a wrong endpoint, and a profile not saved yet could not be tested at all."""
    if endpoint:
        check_endpoint(endpoint)
    if not secret:
        stored = _stored_credentials(profiles, name, provider, access_key_id)
        access_key_id, secret = stored.access_key_id, stored.secret
    return sorted(
        backend_for(provider, endpoint, region, access_key_id, secret, path_style, network).list_buckets()
    )


def _stored_credentials(profiles: Profiles, name: str, provider: str, access_key_id: str) -> Credentials:
    try:
        row = profiles.get(name) if name else None
    except ProfileError:
        row = None
    if row is None:
        row = ProfileRow(name=name or "new", provider=provider)
    row = replace(row, provider=provider, access_key_id=access_key_id or row.access_key_id)
    return profiles.credentials(row)
