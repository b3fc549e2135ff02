"""Object options beyond type, class and metadata: headers, ACL, tags and server-side encryption.

``ObjectOptions`` is what ``transfer.options`` holds (JSON) and what ``ObjectSpec`` carries to the
backends. A customer key (SSE-C) is never part of it: only the key's MD5, so a resume can tell the
key it is given is the one the upload began with. The key itself lives in ``CustomerKeys``, in
memory for one run.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import threading
from dataclasses import dataclass, field
from typing import Any

from engine.providers import Dialect
from engine.redact import register_secret

S3_ACLS = (
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
)
OSS_ACLS = ("private", "public-read", "public-read-write", "default")

#: ``--sse`` values: SSE-S3/OSS-managed AES-256, KMS, and a customer-provided key (SSE-C).
SSE_MODES = ("aes256", "kms", "c")

NEED_KEY = "this upload is encrypted with a customer key; give it again with --sse-c-key-file"


class OptionError(ValueError):
    """A bad option value; the message names the value and what is allowed."""


def _choice(what: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise OptionError(f"{what} {value!r} is not one of: {', '.join(allowed)}")
    return value


def parse_pair(what: str, text: str) -> tuple[str, str]:
    """``k=v`` (the value may hold '='); the key must not be empty."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise OptionError(f"{what} {text!r} must look like KEY=VALUE")
    return name.strip(), value


@dataclass(frozen=True)
class ObjectOptions:
    cache_control: str = ""
    content_disposition: str = ""
    content_encoding: str = ""
    acl: str = ""
    tags: dict[str, str] = field(default_factory=dict)
    #: "" (none), "aes256", "kms" or "c".
    sse: str = ""
    kms_key_id: str = ""
    #: base64 MD5 of the customer key (SSE-C), never the key.
    sse_c_md5: str = ""

    def __post_init__(self) -> None:
        if self.sse:
            _choice("--sse", self.sse, SSE_MODES)
        if self.kms_key_id and self.sse != "kms":
            raise OptionError("a KMS key id needs --sse kms:KEY_ID")
        for k, v in self.tags.items():
            if not k:
                raise OptionError(f"--tag {k}={v}: the tag key is empty")
        for text in (
            self.cache_control,
            self.content_disposition,
            self.content_encoding,
            *self.tags,
            *self.tags.values(),
        ):
            if not text.isascii() or any(c in text for c in "\r\n"):
                raise OptionError(f"{text!r} must be ASCII on one line (it travels as an HTTP header)")

    @property
    def empty(self) -> bool:
        return self == ObjectOptions()

    @property
    def uses_customer_key(self) -> bool:
        return self.sse == "c"

    def to_dict(self) -> dict[str, Any]:
        """Only the options set (the JSON column and the --json summary)."""
        out: dict[str, Any] = {}
        for name in (
            "cache_control",
            "content_disposition",
            "content_encoding",
            "acl",
            "sse",
            "kms_key_id",
            "sse_c_md5",
        ):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.tags:
            out["tags"] = dict(self.tags)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ObjectOptions:
        tags = {str(k): str(v) for k, v in dict(d.get("tags") or {}).items()}
        text = {k: str(v) for k, v in d.items() if k in cls.__dataclass_fields__ and k != "tags"}
        return cls(tags=tags, **text)

    def check_for(self, dialect: Dialect, kms: bool, provider_title: str) -> None:
        """Refuse what the provider cannot do, before any byte is sent."""
        if self.acl:
            _choice(f"ACL for {provider_title}", self.acl, OSS_ACLS if dialect is Dialect.OSS else S3_ACLS)
        if self.sse == "c" and dialect is Dialect.OSS:
            raise OptionError(
                f"{provider_title} has no customer-provided keys (SSE-C); use --sse aes256 or --sse kms"
            )
        if self.sse == "kms" and not kms:
            raise OptionError(f"{provider_title} offers no KMS encryption; use --sse aes256 or --sse c")


def parse_sse(text: str) -> tuple[str, str]:
    """``aes256``, ``kms``, ``kms:KEY_ID`` or ``c`` → (mode, KMS key id)."""
    mode, _, key_id = text.partition(":")
    mode = mode.strip().lower()
    _choice("--sse", mode, SSE_MODES)
    if key_id and mode != "kms":
        raise OptionError(f"--sse {text!r}: only kms takes a key id (kms:KEY_ID)")
    return mode, key_id.strip()


class CustomerKey:
    """A 256-bit SSE-C key: held in memory only, never printed (no repr of the bytes)."""

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != 32:
            raise OptionError(f"a customer key is 32 bytes (AES-256); this one has {len(raw)}")
        self._raw = raw

    @classmethod
    def from_bytes(cls, data: bytes) -> CustomerKey:
        """32 raw bytes, or the base64 text of them (surrounding whitespace ignored)."""
        if len(data) == 32:
            return cls(data)
        text = data.strip()
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise OptionError(
                f"the customer key must be 32 raw bytes or their base64; got {len(data)} bytes of neither"
            ) from None
        return cls(raw)

    @property
    def raw(self) -> bytes:
        return self._raw

    @property
    def b64(self) -> str:
        return base64.b64encode(self._raw).decode()

    @property
    def md5_b64(self) -> str:
        return base64.b64encode(hashlib.md5(self._raw).digest()).decode()

    def __repr__(self) -> str:
        return f"CustomerKey(md5={self.md5_b64})"


class CustomerKeys:
    """The customer keys given to this run, by their MD5; shared by the engine's workers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: dict[str, CustomerKey] = {}

    def add(self, key: CustomerKey) -> None:
        # Whatever echoes a request (an error, a debug log) shows it masked.
        register_secret(key.b64)
        with self._lock:
            self._keys[key.md5_b64] = key

    def get(self, md5_b64: str) -> CustomerKey | None:
        with self._lock:
            return self._keys.get(md5_b64)

    def any(self) -> bool:
        with self._lock:
            return bool(self._keys)
