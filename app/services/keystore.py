"""Secret keys in the OS keyring, and nowhere else."""

from __future__ import annotations

import logging
from typing import Any

from engine.redact import register_secret

SERVICE = "skylift"
log = logging.getLogger("skylift.secrets")

#: Backends that would put a secret in a file, or nowhere.
_INSECURE = ("fail", "null", "plaintext", "file", "chainer")


class KeyringUnavailable(RuntimeError):
    pass


def _keyring() -> Any:
    # Imported on first use: loading keyring scans entry points (~70 ms), which a CLI run whose
    # credentials come from the environment should not pay at start-up.
    import keyring
    import keyring.errors

    return keyring


def backend_name() -> str:
    kr = _keyring().get_keyring()
    return f"{type(kr).__module__}.{type(kr).__name__}"


#: Secret Service providers by their process name (as /proc/PID/comm shows it, 15 characters).
_SECRET_SERVICES = {
    "gnome-keyring-d": "GNOME Keyring",
    "kwalletd5": "KWallet",
    "kwalletd6": "KWallet",
    "ksecretd": "KWallet",
    "keepassxc": "KeePassXC",
}


def _secret_service_provider() -> str:
    """Which program answers the Secret Service in this session, if /proc says so."""
    import os

    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return ""
    for pid in pids:
        try:
            with open(f"/proc/{pid}/comm", encoding="utf-8") as f:
                name = f.read().strip()
        except OSError:
            continue
        if name in _SECRET_SERVICES:
            return _SECRET_SERVICES[name]
    return ""


def backend_label() -> str:
    """The keyring by the name people know it by ("GNOME Keyring (Secret Service)")."""
    kr = _keyring().get_keyring()
    found = getattr(kr, "backends", None) or [kr]
    module = " ".join(f"{type(b).__module__}.{type(b).__name__}" for b in found).lower()
    if "secretservice" in module or "libsecret" in module:
        who = _secret_service_provider()
        return f"{who} (Secret Service)" if who else "Secret Service"
    if "kwallet" in module:
        return "KWallet"
    if "macos" in module or "osx" in module:
        return "macOS Keychain"
    if "windows" in module or "winvault" in module:
        return "Windows Credential Manager"
    return backend_name()


def keyring_problem() -> str | None:
    """Why secrets cannot be saved here, or None when a real keyring is in use."""
    kr = _keyring().get_keyring()
    chained = getattr(kr, "backends", None) or [kr]
    names = [f"{type(b).__module__}.{type(b).__name__}".lower() for b in chained]
    if all(any(bad in n for bad in _INSECURE) for n in names):
        return (
            f"no secure keyring is available (keyring chose {backend_name()}). "
            "Skylift will not store a secret in a plain file. Start a Secret Service "
            "(e.g. gnome-keyring or KWallet) in your session, or give the key through "
            "AWS_SECRET_ACCESS_KEY / OSS_ACCESS_KEY_SECRET in the environment."
        )
    return None


def ref_for(profile: str, access_key_id: str) -> str:
    return f"{profile}:{access_key_id}"


def token_ref(profile: str, access_key_id: str) -> str:
    """Where a temporary key's session token is kept: next to its secret, never in the DB."""
    return f"{ref_for(profile, access_key_id)}:session-token"


def save_secret(ref: str, secret: str) -> None:
    problem = keyring_problem()
    if problem:
        raise KeyringUnavailable(problem)
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, ref, secret)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused the secret: {exc}") from None
    register_secret(secret)


def load_secret(ref: str) -> str | None:
    if not ref or keyring_problem():
        return None
    keyring = _keyring()
    try:
        value: str | None = keyring.get_password(SERVICE, ref)
    except keyring.errors.KeyringError as exc:
        log.warning("keyring lookup failed: %s", exc)
        return None
    if value:
        register_secret(value)
    return value


def delete_secret(ref: str) -> None:
    if not ref or keyring_problem():
        return
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, ref)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        log.warning("keyring delete failed: %s", exc)
