"""Keys that botocore renews mid-upload are masked in logs from the first request signed with them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from botocore.credentials import Credentials, RefreshableCredentials

from engine.backends.s3creds import current
from engine.redact import redact


def _metadata(n: int, minutes: int) -> dict[str, str]:
    return {
        "access_key": f"ASIAKEY{n}",
        "secret_key": f"renewed-secret-number-{n}",
        "token": f"renewed-session-token-number-{n}",
        "expiry_time": (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat(),
    }


def test_renewed_secret_and_token_are_registered_when_signing_takes_them() -> None:
    answers = iter([_metadata(2, 60)])
    # Inside botocore's mandatory refresh window: the next signature must take new keys.
    creds = RefreshableCredentials.create_from_metadata(
        _metadata(1, 5), refresh_using=lambda: next(answers), method="test"
    )
    frozen = current(creds)
    assert (frozen.access_key, frozen.secret_key) == ("ASIAKEY2", "renewed-secret-number-2")
    line = "signed with renewed-secret-number-2 and renewed-session-token-number-2"
    assert "renewed-secret-number-2" not in redact(line)
    assert "renewed-session-token-number-2" not in redact(line)


def test_static_keys_are_left_to_whoever_read_them() -> None:
    # Registering every static key here would mask words like "secret" in every log line.
    frozen = current(Credentials("AKIDSTATIC", "plain-static-value-xyz"))
    assert frozen.secret_key == "plain-static-value-xyz"
    assert "plain-static-value-xyz" in redact("a plain-static-value-xyz here")
