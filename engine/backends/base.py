"""The protocol every storage backend implements, and the values it returns."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

from engine.body import PartBody
from engine.integrity import PartDigest
from engine.objectopts import CustomerKey, ObjectOptions
from engine.providers import Provider


@contextlib.contextmanager
def translating(
    catch: tuple[type[BaseException], ...], classify: Callable[[BaseException], BaseException]
) -> Iterator[None]:
    """Re-raise an SDK's errors as the engine's (NoSuchUpload or SkyliftError with a code)."""
    try:
        yield
    except catch as exc:
        mapped = classify(exc)
        if mapped is exc:
            raise
        raise mapped from exc


class NoSuchUpload(Exception):
    """The upload id is unknown to the server: aborted, completed or expired."""


@dataclass(frozen=True)
class ObjectSpec:
    bucket: str
    key: str
    content_type: str = ""
    storage_class: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    options: ObjectOptions = field(default_factory=ObjectOptions)
    #: The SSE-C key for this run (memory only; ``options`` holds just its MD5).
    customer_key: CustomerKey | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class PartResult:
    number: int
    etag: str
    size: int
    #: The checksum Skylift computed and the server confirmed (hex MD5, or CRC64 as decimal).
    checksum: str | None = None


@dataclass(frozen=True)
class ServerPart:
    number: int
    size: int
    etag: str
    last_modified: datetime | None = None


@dataclass(frozen=True)
class RemoteUpload:
    key: str
    upload_id: str
    initiated: datetime
    storage_class: str = ""


@dataclass(frozen=True)
class ObjectInfo:
    size: int
    etag: str
    last_modified: datetime | None = None
    crc64: int | None = None
    #: The object's composite checksum as S3 reports it (``base64-N``), where asked for.
    checksum: str | None = None
    #: User metadata, without the ``x-amz-meta-`` / ``x-oss-meta-`` prefix (names lower-case).
    metadata: dict[str, str] = field(default_factory=dict)
    #: Encrypted with a key the server manages (KMS) or the client gave: the ETag is no MD5.
    encrypted: bool = False


class Backend(Protocol):
    provider: Provider

    def create_upload(self, obj: ObjectSpec) -> str: ...

    def upload_part(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        number: int,
        body: PartBody,
        digest: PartDigest,
        customer_key: CustomerKey | None = None,
    ) -> PartResult: ...

    def list_parts(
        self, bucket: str, key: str, upload_id: str, customer_key: CustomerKey | None = None
    ) -> list[ServerPart]: ...

    def complete(
        self,
        bucket: str,
        key: str,
        upload_id: str,
        parts: list[PartResult],
        obj: ObjectSpec | None = None,
    ) -> str:
        """``obj``: the options some servers take only at Complete (OSS's ACL), and the SSE-C key."""
        ...

    def abort(self, bucket: str, key: str, upload_id: str) -> None: ...

    def list_uploads(self, bucket: str, prefix: str = "") -> Iterator[RemoteUpload]: ...

    def head(self, bucket: str, key: str, customer_key: CustomerKey | None = None) -> ObjectInfo | None: ...

    def put_small(self, obj: ObjectSpec, body: PartBody, digest: PartDigest) -> PartResult: ...

    def list_buckets(self) -> list[str]: ...

    def make_bucket(self, bucket: str) -> None: ...


# ---- optional abilities: checked with isinstance, so callers need not know the backend class ----


@dataclass(frozen=True)
class AbortRule:
    """An enabled whole-bucket lifecycle rule: the server aborts unfinished uploads after ``days``."""

    rule_id: str
    days: int


class LifecycleUnsupported(Exception):
    """The server has no bucket lifecycle API (the detail says what it answered)."""


@runtime_checkable
class SupportsLifecycle(Protocol):
    """A backend that can read and edit the bucket rule that aborts incomplete multipart uploads."""

    def abort_rules(self, bucket: str) -> list[AbortRule]:
        """The enabled rules that abort unfinished uploads anywhere in the bucket (no prefix)."""
        ...

    def set_abort_rule(self, bucket: str, rule_id: str, days: int | None) -> None:
        """Replace rule ``rule_id`` (``None``: remove it), keeping every other rule of the bucket."""
        ...


@dataclass(frozen=True)
class ListedObject:
    key: str
    size: int
    last_modified: datetime | None = None
    etag: str = ""


@dataclass(frozen=True)
class Level:
    """One level of a bucket under a prefix, as a file browser shows it."""

    #: full prefixes, each ending in "/"
    prefixes: list[str]
    objects: list[ListedObject]
    #: the listing stopped at the limit with more left on the server
    truncated: bool = False


@runtime_checkable
class ListsPrefixes(Protocol):
    """A backend that can list one level of a bucket with "/" as the delimiter."""

    def list_level(self, bucket: str, prefix: str, limit: int) -> Level:
        """Sub-prefixes and objects directly under ``prefix``; stops after about ``limit`` entries."""
        ...


@runtime_checkable
class ListsObjects(Protocol):
    """A backend that can list every object under a prefix (no delimiter), page by page."""

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[ListedObject]: ...


@runtime_checkable
class SharesLinks(Protocol):
    """A backend that can hand out links to an object: signed for a while, or plain."""

    def presign_get(self, bucket: str, key: str, seconds: int) -> str:
        """A GET URL anyone may use for ``seconds``; made locally, no request is sent."""
        ...

    def object_url(self, bucket: str, key: str) -> str:
        """The object's unsigned URL (it opens only where the object or bucket is public)."""
        ...


@runtime_checkable
class DeletesObjects(Protocol):
    """A backend that can delete one object (the bucket browser's Delete)."""

    def delete_object(self, bucket: str, key: str) -> None: ...
