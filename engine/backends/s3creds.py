"""S3 credentials as botocore's own objects, so temporary ones refresh themselves mid-upload.

A profile's keys may be static, or come from botocore's chain (a named profile with assume-role,
SSO, credential_process...), whose ``RefreshableCredentials`` fetch new keys before the old
expire. The client and the lean PUT both hold that one object and ask it for frozen keys at
every signature, so an upload longer than a session token lives keeps going.
"""

from __future__ import annotations

from collections.abc import Callable

from botocore.credentials import (
    CredentialProvider,
    CredentialResolver,
    Credentials,
    ReadOnlyCredentials,
    RefreshableCredentials,
)

from engine.redact import register_secret


class _Given(CredentialProvider):
    """The credentials the profile resolved, handed to a client's session as its only source."""

    METHOD = "skylift-profile"

    def __init__(self, credentials: Credentials) -> None:
        super().__init__()
        self._credentials = credentials

    def load(self) -> Credentials:
        return self._credentials


def resolver_for(credentials: Credentials) -> CredentialResolver:
    """A resolver that answers with ``credentials`` and nothing else: the profile chose them."""
    return CredentialResolver([_Given(credentials)])


def current(credentials: Credentials) -> ReadOnlyCredentials:
    """The keys to sign with now (refreshed if due). A refresh brings a new secret and token
    that nobody registered before: those are masked in logs from now on (static keys were
    registered by whoever read them)."""
    frozen = credentials.get_frozen_credentials()
    if isinstance(credentials, RefreshableCredentials):
        register_secret(frozen.secret_key or "")
        register_secret(frozen.token or "")
    return frozen


def before_sign(credentials: Credentials) -> Callable[..., None]:
    """A ``before-sign`` handler: refreshes and registers the keys the signer is about to use."""

    def handler(**_: object) -> None:
        current(credentials)

    return handler
