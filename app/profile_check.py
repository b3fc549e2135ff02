"""Testing a profile's settings before they are saved (the profile dialog's "Test connection")."""

from __future__ import annotations

from app.profiles import NetworkOptions, Profiles
from engine.backends.base import Backend
from engine.errors import ErrorCode, SkyliftError
from engine.providers import Protocol, get_provider


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
    if prov.protocol is Protocol.OSS:
        from engine.backends.oss import OssBackend

        oss: Backend = OssBackend(
            prov, url, region, access_key_id, secret, signature="v4", proxy=net.proxy, ca_bundle=net.ca_bundle
        )
        return oss
    from engine.backends.s3 import S3Backend

    return S3Backend(
        prov,
        url,
        region or prov.default_region,
        prov.path_style if path_style is None else path_style,
        access_key_id,
        secret,
        ca_bundle=net.ca_bundle,
        proxy=net.proxy,
    )


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
