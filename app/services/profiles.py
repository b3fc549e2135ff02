"""Profiles: where to upload and with which key. Secrets come from the keyring or environment."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from app.services import keystore as secrets
from app.services.local_server import LocalServer, LocalServerError, LocalStorage
from app.services.paths import Paths
from engine.backends.base import Backend
from engine.errors import ErrorCode, SkyliftError
from engine.providers import Dialect, Provider, get_provider
from engine.redact import register_secret
from engine.store import ProfileRow, Store

log = logging.getLogger("skylift.profiles")

LOCAL = "local"
LOCAL_BUCKET = "skylift"


class ProfileError(ValueError):
    pass


def check_endpoint(endpoint: str) -> None:
    """Refuse what is not an http(s) URL now: SDKs take it and fail later with their own words."""
    try:
        parts = urlsplit(endpoint)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname) and (parts.port or 1) > 0
    except ValueError:  # a port that is not a number
        ok = False
    if not ok:
        raise ProfileError(
            f"{endpoint!r} is not an endpoint URL; write it as http://HOST[:PORT] or https://HOST[:PORT]"
        )


@dataclass(frozen=True)
class Credentials:
    access_key_id: str
    secret: str
    #: The session (security) token of temporary keys: AWS STS, Aliyun STS.
    token: str = ""
    #: botocore's credentials object when its chain found them: temporary ones renew themselves,
    #: so the backend must keep this object, not the keys it held at first.
    source: Any = None


@dataclass
class NetworkOptions:
    proxy: str | None = None
    ca_bundle: str | None = None
    max_connections: int = 16
    #: An endpoint that refuses before it ever answered: wait for it (the window) or say it is
    #: wrong at once (the command line, the connection test).
    wait_for_endpoint: bool = False
    #: Seconds a connection may sit silent before the request is given up and retried: long
    #: enough for any live link, short enough that a black hole costs seconds, not minutes.
    io_timeout: float = 30.0


class Profiles:
    """Profile rows in the checkpoint DB, credentials, and one backend per profile."""

    def __init__(self, store: Store, paths: Paths, network: NetworkOptions | None = None) -> None:
        self._store = store
        self._paths = paths
        self._network = network or NetworkOptions()
        self._lock = threading.Lock()
        self._backends: dict[str, Backend] = {}
        self._providers: dict[str, Provider] = {}
        self._local = LocalStorage(paths.local_storage, buckets=(LOCAL_BUCKET,))
        register_secret(self._local.secret_key)
        self._local_backend: tuple[LocalServer, Backend] | None = None
        self._region_listeners: list[Callable[[str, str, str], None]] = []
        if store.get_profile(LOCAL) is None:
            store.save_profile(
                ProfileRow(name=LOCAL, provider="seaweedfs", path_style=True, default_bucket=LOCAL_BUCKET)
            )

    # ---- rows ---------------------------------------------------------------------------------
    def all(self) -> list[ProfileRow]:
        return self._store.list_profiles()

    def get(self, name: str) -> ProfileRow:
        row = self._store.get_profile(name)
        if row is None:
            known = ", ".join(p.name for p in self.all())
            raise ProfileError(
                f"no profile named {name!r} (known: {known}); add it with "
                f"'skylift profile add {name} --provider ...'"
            )
        return row

    def provider(self, name: str) -> Provider:
        """The profile's preset; cached, because planning a large folder asks once per file."""
        found = self._providers.get(name)
        if found is None:
            found = self._providers[name] = get_provider(self.get(name).provider)
        return found

    def default_name(self) -> str:
        others = [p.name for p in self.all() if p.name != LOCAL]
        return others[0] if len(others) == 1 else LOCAL

    def add(
        self,
        name: str,
        provider: str,
        endpoint: str = "",
        region: str = "",
        access_key_id: str = "",
        secret: str | None = None,
        path_style: bool | None = None,
        default_bucket: str = "",
        signature: str = "",
        aws_profile: str = "",
        session_token: str | None = None,
    ) -> ProfileRow:
        """``session_token`` goes to the keyring next to the secret (a temporary key has both);
        ``aws_profile`` names a profile of the AWS config files instead of a stored key."""
        if name == LOCAL:
            raise ProfileError("'local' is the built-in local storage; choose another name")
        if not name or ":" in name or "/" in name:
            raise ProfileError(
                f"profile name {name!r} must be non-empty, without ':' or '/'; type a name such as 'work'"
            )
        prov = get_provider(provider)
        if not endpoint and not prov.endpoint_template:
            raise ProfileError(f"provider {provider!r} needs --endpoint URL")
        if endpoint:
            check_endpoint(endpoint)
        if secret is not None and not access_key_id:
            raise ProfileError("a secret needs an access key id: pass --access-key-id")
        if session_token is not None and not access_key_id:
            raise ProfileError("a session token belongs to an access key: pass --access-key-id too")
        if aws_profile and (access_key_id or prov.dialect is Dialect.OSS):
            raise ProfileError(
                "--aws-profile takes the keys from the AWS config files: give it without --access-key-id"
                if access_key_id
                else "--aws-profile is for S3 providers; Aliyun OSS takes --access-key-id and --secret-stdin"
            )
        ref = secrets.ref_for(name, access_key_id) if secret is not None else ""
        if secret is not None:
            secrets.save_secret(ref, secret)
        if session_token is not None:
            secrets.save_secret(secrets.token_ref(name, access_key_id), session_token)
        elif secret is not None:
            # A new secret without a token is a long-term key: a token kept from before would
            # be sent with it and refused.
            secrets.delete_secret(secrets.token_ref(name, access_key_id))
        row = ProfileRow(
            name=name,
            provider=provider,
            endpoint=endpoint,
            region=region,
            path_style=prov.path_style if path_style is None else path_style,
            default_bucket=default_bucket,
            access_key_id=access_key_id,
            keyring_ref=ref,
            signature=signature or ("v4" if prov.dialect is Dialect.OSS else ""),
            aws_profile=aws_profile,
        )
        old = self._store.get_profile(name)
        if old is not None:
            row.upload_defaults = old.upload_defaults  # set on their own (set_upload_defaults)
        self._store.save_profile(row)
        with self._lock:
            self._backends.pop(name, None)
            self._providers.pop(name, None)
        return row

    def set_upload_defaults(self, name: str, defaults: dict[str, Any]) -> ProfileRow:
        """The upload options every upload through ``name`` gets unless it sets them itself."""
        row = self.get(name)
        row.upload_defaults = dict(defaults)
        self._store.save_profile(row)
        return row

    def remove(self, name: str) -> None:
        if name == LOCAL:
            raise ProfileError("the built-in local storage cannot be removed")
        row = self.get(name)
        self._store.remove_profile(name)
        secrets.delete_secret(row.keyring_ref)
        if row.access_key_id:
            secrets.delete_secret(secrets.token_ref(row.name, row.access_key_id))
        with self._lock:
            self._backends.pop(name, None)
            self._providers.pop(name, None)

    def set_network(self, network: NetworkOptions) -> None:
        """New proxy or CA settings: every backend made from now on uses them. Steps ask for
        their backend each time, so running transfers move over with their next request."""
        with self._lock:
            self._network = network
            self._backends.clear()

    def renew(self, name: str) -> None:
        """Resolve the profile's credentials again at its next request: after the server refused
        them, the user may have fixed the key, renewed a token or signed in to SSO again."""
        with self._lock:
            self._backends.pop(name, None)

    # ---- credentials and backends -------------------------------------------------------------
    def credentials(self, row: ProfileRow) -> Credentials:
        """A stored key (with its session token, if any), else the environment's; for S3 with no
        stored key, botocore's chain (an AWS config profile, AWS_PROFILE, SSO, roles...)."""
        prov = get_provider(row.provider)
        oss = prov.dialect is Dialect.OSS
        id_var, secret_var, token_var = (
            ("OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET", "OSS_SESSION_TOKEN")
            if oss
            else ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
        )
        if not oss and (row.aws_profile or not row.access_key_id):
            from app.services.aws_chain import from_chain

            found = from_chain(row.aws_profile, row.name)
            frozen = found.get_frozen_credentials()
            return Credentials(frozen.access_key or "", frozen.secret_key or "", frozen.token or "", found)
        key_id = row.access_key_id or os.environ.get(id_var, "")
        stored = secrets.load_secret(row.keyring_ref)
        secret = stored or os.environ.get(secret_var, "")
        if not key_id or not secret:
            where = secrets.keyring_problem() or "the keyring holds no secret for it"
            raise SkyliftError(
                ErrorCode.AUTH,
                f"no credentials for profile {row.name!r}: {where}. Store them with "
                f"'skylift profile add {row.name} --access-key-id ID --secret-stdin', or set "
                f"{id_var} and {secret_var}.",
            )
        # The environment's token goes with the environment's secret, never with a stored one.
        token = secrets.load_secret(secrets.token_ref(row.name, key_id)) if row.access_key_id else None
        if token is None and not stored:
            token = os.environ.get(token_var, "")
        register_secret(secret)
        register_secret(token or "")
        return Credentials(key_id, secret, token or "")

    def backend(self, name: str) -> Backend:
        if name == LOCAL:
            return self._backend_for_local()
        found = self._backends.get(name)  # every step asks; the lock is for the first time only
        if found is not None:
            return found
        with self._lock:
            found = self._backends.get(name)
            if found is not None:
                return found
            backend = self._make(self.get(name))
            self._backends[name] = backend
            return backend

    def _make(self, row: ProfileRow, server: LocalServer | None = None) -> Backend:
        prov = get_provider(row.provider)
        net = self._network
        if row.name == LOCAL:
            server = server or self._start_local()
            creds = Credentials(server.access_key, server.secret_key)
            endpoint = server.endpoint
        else:
            creds = self.credentials(row)
            # Empty for a provider's own endpoint, which the backend derives from the region.
            endpoint = row.endpoint
        backend = make_backend(prov, endpoint, row.region, row.path_style, creds, net, row.signature)
        if row.name != LOCAL and hasattr(backend, "on_region"):
            backend.on_region = lambda bucket, region: self._region_learned(row.name, bucket, region)
        return backend

    def on_region(self, listener: Callable[[str, str, str], None]) -> None:
        """Call ``listener(profile, bucket, region)`` when a bucket turns out to be elsewhere."""
        self._region_listeners.append(listener)

    def _region_learned(self, name: str, bucket: str, region: str) -> None:
        row = self._store.get_profile(name)
        # The profile's region follows its own bucket (or any, when it names none); other
        # buckets' regions are kept by the backend for this run.
        if row is not None and row.region != region and row.default_bucket in ("", bucket):
            self._store.save_profile(replace(row, region=region))
        for listener in list(self._region_listeners):
            listener(name, bucket, region)

    def _backend_for_local(self) -> Backend:
        # The server is asked every time rather than the backend cached like the others: while it
        # restarts this waits for it (not under the lock), and a restarted server, perhaps on
        # another port, gets a backend of its own.
        server = self._start_local()
        with self._lock:
            if self._local_backend is None or self._local_backend[0] is not server:
                self._local_backend = (server, self._make(self.get(LOCAL), server))
            return self._local_backend[1]

    def _start_local(self) -> LocalServer:
        try:
            return self._local.server()
        except LocalServerError as exc:
            # To the engine and the network watch this is an endpoint that does not answer.
            raise SkyliftError(ErrorCode.NETWORK, str(exc)) from exc

    @property
    def local_storage(self) -> LocalStorage:
        """The built-in storage's owner: the app listens to it for restarts."""
        return self._local

    @property
    def local_server(self) -> LocalServer | None:
        return self._local.current

    def test(self, name: str) -> list[str]:
        return self.backend(name).list_buckets()

    def close(self) -> None:
        with self._lock:
            self._backends.clear()
            self._local_backend = None
        self._local.close()


def make_backend(
    prov: Provider,
    endpoint: str,
    region: str,
    path_style: bool,
    creds: Credentials,
    net: NetworkOptions,
    signature: str = "",
) -> Backend:
    """The backend for a provider's protocol: saved profiles and the dialog's test both use it."""
    if prov.dialect is Dialect.OSS:
        from engine.backends.oss import OssBackend

        oss: Backend = OssBackend(
            prov,
            endpoint,
            region,
            creds.access_key_id,
            creds.secret,
            signature=signature or "v4",
            security_token=creds.token,
            max_connections=net.max_connections,
            proxy=net.proxy,
            ca_bundle=net.ca_bundle,
            connect_timeout=net.io_timeout,
            wait_for_endpoint=net.wait_for_endpoint,
        )
        return oss
    from botocore.credentials import Credentials as BotoCredentials

    from engine.backends.s3 import S3Backend

    boto = creds.source or BotoCredentials(creds.access_key_id, creds.secret, creds.token or None)
    return S3Backend(
        prov,
        endpoint,
        region,
        path_style,
        creds.access_key_id,
        creds.secret,
        max_connections=net.max_connections,
        # botocore reads AWS_CA_BUNDLE by itself; the lean PUT path must trust the same authority.
        ca_bundle=net.ca_bundle or os.environ.get("AWS_CA_BUNDLE") or None,
        proxy=net.proxy,
        wait_for_endpoint=net.wait_for_endpoint,
        io_timeout=net.io_timeout,
        credentials=boto,
    )
