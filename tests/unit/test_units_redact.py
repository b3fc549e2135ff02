from __future__ import annotations

import pytest

from engine.redact import redact, register_secret
from engine.units import parse_age, parse_rate, parse_size


def test_sizes() -> None:
    assert parse_size("8MiB") == 8 * 1024 * 1024
    assert parse_size("16MB") == 16_000_000
    assert parse_size("123") == 123
    with pytest.raises(ValueError, match="not a size"):
        parse_size("8 lightyears")


def test_rates_and_ages() -> None:
    assert parse_rate("10MiB/s") == 10 * 1024 * 1024
    assert parse_rate("off") is None
    assert parse_age("7d") == 7 * 86400
    with pytest.raises(ValueError, match="not an age"):
        parse_age("soon")


def test_signatures_and_authorization_are_masked() -> None:
    line = (
        "GET /b/k?X-Amz-Signature=abcdef0123&X-Amz-Credential=AK HTTP/1.1 "
        "Authorization: AWS4-HMAC-SHA256 Credential=AK/x, Signature=deadbeef"
    )
    out = redact(line)
    assert "abcdef0123" not in out and "deadbeef" not in out
    assert "AWS4-HMAC-SHA256" not in out


def test_registered_secret_is_masked_anywhere() -> None:
    register_secret("s3cr3t-value-xyz")
    assert "s3cr3t-value-xyz" not in redact("boto said s3cr3t-value-xyz in a message")
    assert redact("aws_secret_access_key = hunter22") == "aws_secret_access_key = ***"


def test_error_documents_lose_what_they_echo_of_the_signature() -> None:
    body = (
        "<Error><Code>SignatureDoesNotMatch</Code><Message>no</Message>"
        "<StringToSign>AWS4-HMAC-SHA256\n20261203T000000Z</StringToSign>"
        "<SignatureProvided>" + "ab" * 32 + "</SignatureProvided>"
        "<CanonicalRequestBytes>50 55 54</CanonicalRequestBytes></Error>"
    )
    out = redact(body)
    assert "ab" * 32 not in out and "20261203T000000Z" not in out and "50 55 54" not in out
    assert "<Code>SignatureDoesNotMatch</Code><Message>no</Message>" in out
