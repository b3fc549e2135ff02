"""Redaction of secrets and signatures in anything that may reach a log or the screen."""

from __future__ import annotations

import re
import threading

_PATTERNS = [
    # SigV4 / SigV2 / OSS signatures in headers and presigned URLs
    re.compile(r"(?i)(authorization\s*[:=]\s*['\"]?)[^'\"\n]+"),
    re.compile(r"(?i)((?:x-amz-|x-oss-)?signature[=:]\s*)[A-Za-z0-9%+/=_-]+"),
    re.compile(r"(?i)(x-amz-security-token[=:]\s*)[A-Za-z0-9%+/=_-]+"),
    re.compile(r"(?i)((?:aws_)?secret(?:_access)?_?key['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}]+"),
    re.compile(r"(?i)(access_?key_?secret['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}]+"),
    # An error document that echoes what was signed (AWS's SignatureDoesNotMatch, OSS's too)
    re.compile(r"(?i)(<(?:SignatureProvided|StringToSign(?:Bytes)?|CanonicalRequest(?:Bytes)?)>)[^<]*"),
]

_known: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Mask this exact value wherever it appears (secrets read from the keyring or env)."""
    if value and len(value) >= 4:
        with _lock:
            _known.add(value)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1***", text)
    with _lock:
        known = sorted(_known, key=len, reverse=True)
    for value in known:
        text = text.replace(value, "***")
    return text
