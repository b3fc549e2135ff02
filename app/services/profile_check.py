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
    credentials: Credentials | None = None,
) -> Backend:
    prov = get_provider(provider)
    net = network or NetworkOptions()
    url = endpoint or prov.endpoint_for(region)
    if not url:
        raise SkyliftError(ErrorCode.CONFIG, "this provider needs an endpoint URL")
    path = prov.path_style if path_style is None else path_style
    creds = credentials or Credentials(access_key_id, secret)
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
    session_token: str = "",
    aws_profile: str = "",
) -> list[str]:
    """Bucket names the typed settings can see. Without a typed secret, the saved profile's secret
    (or the environment's, or the AWS profile's) is used, always with the typed endpoint: testing
    the saved settings instead would pass a wrong endpoint, and a profile not saved yet could not
    be tested at all."""
    if endpoint:
        check_endpoint(endpoint)
    if secret and not aws_profile:
        creds = Credentials(access_key_id, secret, session_token)
    else:
        creds = _stored_credentials(profiles, name, provider, access_key_id, aws_profile)
        if session_token and creds.source is None:
            creds = replace(creds, token=session_token)
    return sorted(
        backend_for(
            provider, endpoint, region, creds.access_key_id, creds.secret, path_style, network, creds
        ).list_buckets()
    )


def _stored_credentials(
    profiles: Profiles, name: str, provider: str, access_key_id: str, aws_profile: str = ""
) -> Credentials:
    try:
        row = profiles.get(name) if name else None
    except ProfileError:
        row = None
    if row is None:
        row = ProfileRow(name=name or "new", provider=provider)
    if aws_profile:
        row = replace(row, provider=provider, access_key_id="", aws_profile=aws_profile)
    else:
        row = replace(row, provider=provider, access_key_id=access_key_id, aws_profile="")
    return profiles.credentials(row)
