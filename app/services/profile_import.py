"""Profiles from other tools' configuration: the AWS CLI, ossutil and rclone.

The parsers are pure (text in, candidates out) so each file format is tested without a keyring;
:func:`import_candidates` is the one place that writes, through :meth:`Profiles.add`, so secrets go
to the OS keyring exactly as a typed-in profile's do. A candidate's secret is never part of its
repr, so no log line or message can carry it by accident.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.services.keystore import KeyringUnavailable
from app.services.profiles import ProfileError, Profiles
from engine.providers import PROVIDERS
from engine.store import Store

SOURCES = ("aws", "ossutil", "rclone")

_OSS_REGION = re.compile(r"oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com", re.IGNORECASE)
_BAD_NAME = re.compile(r"[:/\s]+")


@dataclass(frozen=True)
class Candidate:
    """A profile found in another tool's configuration, not yet saved."""

    name: str
    #: Where it was found, for people: "[profile work] in ~/.aws/config".
    origin: str
    provider: str
    endpoint: str = ""
    region: str = ""
    access_key_id: str = ""
    secret: str = field(default="", repr=False)
    path_style: bool | None = None
    default_bucket: str = ""
    signature: str = ""
    #: botocore resolves the credentials from this AWS profile (roles, SSO, credential_process).
    aws_profile: str = ""
    #: How the keys will be found, for people ("in the OS keyring", "from AWS profile work").
    keys: str = ""


@dataclass(frozen=True)
class Skip:
    name: str
    origin: str
    reason: str


@dataclass
class Found:
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    def extend(self, other: Found) -> None:
        self.candidates.extend(other.candidates)
        self.skipped.extend(other.skipped)


@dataclass(frozen=True)
class Outcome:
    name: str
    created: bool
    reason: str
    #: Not created because something failed (the keyring), not because of what the file says.
    failed: bool = False


# ---- reading ini files ----------------------------------------------------------------------------


def _ini(text: str, origin: str, found: Found) -> configparser.ConfigParser:
    """Tolerant ini reading: no interpolation (secrets may hold '%'), duplicates merged; a broken
    line is reported as a skip and the rest of the file still read."""
    cp = configparser.ConfigParser(interpolation=None, strict=False, default_section="\x00")
    try:
        cp.read_string(text, source=origin)
    except configparser.MissingSectionHeaderError as exc:
        found.skipped.append(Skip("", origin, f"not an ini file (line {exc.lineno} before any [section])"))
    except configparser.ParsingError as exc:
        lines = ", ".join(str(n) for n, _ in exc.errors)
        found.skipped.append(Skip("", origin, f"lines {lines} could not be read; the rest was"))
    return cp


def _name(text: str) -> str:
    return _BAD_NAME.sub("-", text.strip()).strip("-")


def _url(endpoint: str) -> str:
    endpoint = endpoint.strip()
    if endpoint and "://" not in endpoint:
        return "https://" + endpoint  # the tools accept a bare host and mean HTTPS
    return endpoint


def _provider_for_endpoint(endpoint: str) -> str:
    host = endpoint.lower()
    if not host or host.endswith(".amazonaws.com") or ".amazonaws.com/" in host:
        return "aws"
    for needle, provider in (
        ("r2.cloudflarestorage.com", "r2"),
        ("ksyuncs.com", "ks3"),
        ("ufileos.com", "us3"),
    ):
        if needle in host:
            return provider
    return "s3"


# ---- AWS CLI ----------------------------------------------------------------------------------------

_AWS_DELEGATED = ("role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file")


def parse_aws(
    credentials: str, config: str, cred_origin: str = "credentials", conf_origin: str = "config"
) -> Found:
    """Profiles from ``~/.aws/credentials`` (``[name]``) and ``~/.aws/config`` (``[default]``,
    ``[profile name]``). Static keys are imported; a role, SSO or credential_process profile (or
    one with a session token, which expires) becomes a Skylift profile that names the AWS profile."""
    found = Found()
    merged: dict[str, dict[str, str]] = {}
    origins: dict[str, str] = {}
    for text, origin, is_config in ((config, conf_origin, True), (credentials, cred_origin, False)):
        cp = _ini(text, origin, found)
        for section in cp.sections():
            name = section.strip()
            if name.startswith(("sso-session ", "services ")):
                continue  # shared blocks that profiles point at, not profiles
            if is_config and name.startswith("profile "):
                name = name[len("profile ") :].strip()
            merged.setdefault(name, {}).update({k: v.strip() for k, v in cp.items(section)})
            origins[name] = f"[{section}] in {origin}" if name not in origins else origins[name]
    for name, values in merged.items():
        origin = origins[name]
        s3 = _nested(values.get("s3", ""))
        endpoint = _url(s3.get("endpoint_url") or values.get("endpoint_url", ""))
        provider = _provider_for_endpoint(endpoint)
        base = Candidate(
            _name(name),
            origin,
            provider,
            "" if provider == "aws" else endpoint,
            values.get("region", ""),
            path_style={"path": True, "virtual": False}.get(s3.get("addressing_style", "")),
        )
        key_id = values.get("aws_access_key_id", "")
        secret = values.get("aws_secret_access_key", "")
        delegated = next((k for k in _AWS_DELEGATED if values.get(k)), "")
        if delegated or values.get("aws_session_token"):
            why = delegated or "aws_session_token"
            found.candidates.append(replace(base, aws_profile=name, keys=f"from AWS profile {name} ({why})"))
        elif key_id and secret:
            found.candidates.append(
                replace(base, access_key_id=key_id, secret=secret, keys="in the OS keyring")
            )
        elif key_id or secret:
            missing = "aws_secret_access_key" if key_id else "aws_access_key_id"
            found.skipped.append(Skip(name, origin, f"no {missing}"))
        else:
            found.skipped.append(Skip(name, origin, "no keys, role, SSO or credential_process"))
    return found


def _nested(value: str) -> dict[str, str]:
    """The indented block of ``s3 =`` in ~/.aws/config (``endpoint_url``, ``addressing_style``)."""
    out: dict[str, str] = {}
    for line in value.splitlines():
        k, sep, v = line.partition("=")
        if sep:
            out[k.strip().lower()] = v.strip()
    return out


# ---- ossutil ----------------------------------------------------------------------------------------


def parse_ossutil(text: str, origin: str = ".ossutilconfig") -> Found:
    """ossutil 1's ``[Credentials]`` (endpoint, accessKeyID, accessKeySecret, stsToken) with its
    ``[Bucket-Endpoint]`` overrides, and ossutil 2's ``[default]`` / ``[profile NAME]``."""
    found = Found()
    cp = _ini(text, origin, found)
    bucket_endpoints = dict(cp.items("Bucket-Endpoint")) if cp.has_section("Bucket-Endpoint") else {}
    for section in cp.sections():
        if section in ("Credentials", "default"):
            base = "ossutil"
        elif section.startswith("profile "):
            base = _name(section[len("profile ") :])
        else:
            continue  # Bucket-Endpoint, Bucket-Cname, AkService: read with their profile
        where = f"[{section}] in {origin}"
        v = {k.lower(): val.strip() for k, val in cp.items(section)}
        key_id, secret = v.get("accesskeyid", ""), v.get("accesskeysecret", "")
        if v.get("ststoken"):
            found.skipped.append(
                Skip(base, where, "temporary STS credentials (stsToken) expire; import long-term keys")
            )
            continue
        if not key_id or not secret:
            missing = "accessKeySecret" if key_id else "accessKeyID"
            found.skipped.append(Skip(base, where, f"no {missing}"))
            continue
        endpoint = _url(v.get("endpoint", ""))
        region = v.get("region", "") or _oss_region(endpoint)
        if not endpoint and not region:
            found.skipped.append(Skip(base, where, "no endpoint or region"))
            continue
        found.candidates.append(
            Candidate(base, where, "oss", endpoint, region, key_id, secret, keys="in the OS keyring")
        )
        if section == "Credentials":
            for bucket, bucket_endpoint in bucket_endpoints.items():
                url = _url(bucket_endpoint)
                found.candidates.append(
                    Candidate(
                        f"{base}-{_name(bucket)}",
                        f"[Bucket-Endpoint] {bucket} in {origin}",
                        "oss",
                        url,
                        _oss_region(url),
                        key_id,
                        secret,
                        default_bucket=bucket,
                        keys="in the OS keyring",
                    )
                )
    return found


def _oss_region(endpoint: str) -> str:
    m = _OSS_REGION.search(endpoint)
    return m.group(1).lower() if m else ""


# ---- rclone ----------------------------------------------------------------------------------------

#: rclone's S3 ``provider`` -> Skylift's preset. Alibaba is OSS: its native API, same keys.
RCLONE_PROVIDERS = {
    "aws": "aws",
    "minio": "minio",
    "cloudflare": "r2",
    "alibaba": "oss",
    "seaweedfs": "seaweedfs",
}


def parse_rclone(text: str, origin: str = "rclone.conf") -> Found:
    """``type = s3`` remotes of rclone.conf; other types are skipped and named."""
    found = Found()
    cp = _ini(text, origin, found)
    for section in cp.sections():
        name = _name(section)
        where = f"[{section}] in {origin}"
        v = {k.lower(): val.strip() for k, val in cp.items(section)}
        kind = v.get("type", "")
        if kind != "s3":
            found.skipped.append(Skip(name, where, f"type {kind or '(none)'} is not S3"))
            continue
        rclone_provider = v.get("provider", "Other")
        provider = RCLONE_PROVIDERS.get(rclone_provider.lower(), "s3")
        endpoint = _url(v.get("endpoint", ""))
        region = v.get("region", "")
        if provider == "oss":
            region = region or _oss_region(endpoint)
        if not endpoint and not PROVIDERS[provider].endpoint_template:
            found.skipped.append(Skip(name, where, f"provider {rclone_provider} needs an endpoint; none set"))
            continue
        if v.get("session_token"):
            found.skipped.append(Skip(name, where, "a session_token expires; import long-term keys"))
            continue
        key_id, secret = v.get("access_key_id", ""), v.get("secret_access_key", "")
        force = v.get("force_path_style", "").lower()
        path = {"true": True, "false": False}.get(force)
        base = Candidate(name, where, provider, endpoint, region, path_style=path)
        if key_id and secret:
            found.candidates.append(
                replace(base, access_key_id=key_id, secret=secret, keys="in the OS keyring")
            )
        elif v.get("env_auth", "").lower() == "true":
            found.candidates.append(replace(base, keys="from the environment (rclone's env_auth)"))
        else:
            missing = "secret_access_key" if key_id else "access_key_id"
            found.skipped.append(Skip(name, where, f"no {missing}"))
    return found


# ---- where the tools keep them ----------------------------------------------------------------------


def default_files(source: str, home: Path | None = None) -> list[Path]:
    """The files each tool reads by default (honouring its own environment variables)."""
    home = home or Path.home()
    if source == "aws":
        return [
            Path(os.environ.get("AWS_SHARED_CREDENTIALS_FILE") or home / ".aws" / "credentials"),
            Path(os.environ.get("AWS_CONFIG_FILE") or home / ".aws" / "config"),
        ]
    if source == "ossutil":
        return [home / ".ossutilconfig"]
    if source == "rclone":
        if os.environ.get("RCLONE_CONFIG"):
            return [Path(os.environ["RCLONE_CONFIG"])]
        xdg = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        return [xdg / "rclone" / "rclone.conf", home / ".rclone.conf"]
    raise ValueError(f"unknown source {source!r}; choose one of: {', '.join(SOURCES)}")


def find(source: str, file: Path | None = None, home: Path | None = None) -> tuple[Found, list[Path]]:
    """Candidates from ``file`` (for aws: a credentials or config file, read as both) or the tool's
    usual files; also the files that were read (empty: none exists)."""
    paths = [file] if file is not None else [p for p in default_files(source, home) if p.is_file()]
    if source == "rclone" and file is None:
        paths = paths[:1]  # rclone uses the first that exists
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in paths}
    found = Found()
    if source == "aws":
        if file is not None:
            found = parse_aws(texts[file], texts[file], str(file), str(file))
        else:
            cred, conf = default_files("aws", home)
            found = parse_aws(texts.get(cred, ""), texts.get(conf, ""), str(cred), str(conf))
    else:
        parse: Callable[[str, str], Found] = parse_ossutil if source == "ossutil" else parse_rclone
        for p, text in texts.items():
            found.extend(parse(text, str(p)))
    return found, paths


# ---- saving ----------------------------------------------------------------------------------------


def import_candidates(
    profiles: Profiles,
    store: Store,
    candidates: Iterable[Candidate],
    prefix: str = "",
    replace: bool = False,
    dry_run: bool = False,
) -> list[Outcome]:
    """Save each candidate as ``prefix + name``; a name that exists is left alone unless ``replace``."""
    existing = {p.name for p in profiles.all()}
    out: list[Outcome] = []
    for c in candidates:
        name = prefix + c.name
        if name in existing and not replace:
            out.append(Outcome(name, False, "a profile of that name exists (--replace overwrites it)"))
            continue
        if dry_run:
            existing.add(name)  # a second candidate of that name would be skipped for real
            out.append(Outcome(name, True, f"{c.provider}, keys {c.keys} (dry run: nothing saved)"))
            continue
        try:
            row = profiles.add(
                name,
                c.provider,
                c.endpoint,
                c.region,
                c.access_key_id,
                c.secret or None,
                c.path_style,
                c.default_bucket,
                c.signature,
            )
        except KeyringUnavailable as exc:
            out.append(Outcome(name, False, f"no secure keyring to keep its secret: {exc}", failed=True))
            continue
        except ProfileError as exc:
            out.append(Outcome(name, False, str(exc)))
            continue
        if c.aws_profile:
            row.aws_profile = c.aws_profile
            store.save_profile(row)
        existing.add(name)
        out.append(Outcome(name, True, f"{c.provider}, keys {c.keys}"))
    return out
