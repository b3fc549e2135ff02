"""Storage targets the integration matrix runs against, behind one small interface.

Each target gives Skylift's own backend for a profile, plus an independent raw client to check
what the server really holds. The matrix in ``test_matrix.py`` is parametrized over TARGETS.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from engine.backends.base import Backend
from tests.helpers.s3 import raw_s3_client

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client


@dataclass(frozen=True)
class RawPart:
    number: int
    size: int
    etag: str


class Target(Protocol):
    kind: str
    #: Provider preset name for ``skylift profile add --provider``.
    provider: str
    endpoint: str

    @property
    def env(self) -> dict[str, str]:
        """Environment variables that give the CLI its credentials."""
        ...

    @property
    def profile_args(self) -> list[str]:
        """Extra ``profile add`` arguments (region, signature...)."""
        ...

    def backend(self) -> Backend: ...

    def new_bucket(self) -> str: ...

    def get(self, bucket: str, key: str) -> bytes: ...

    def uploads(self, bucket: str) -> list[tuple[str, str]]: ...

    def parts(self, bucket: str, key: str, upload_id: str) -> list[RawPart]: ...

    def create_upload(self, bucket: str, key: str) -> str: ...

    def put_part(self, bucket: str, key: str, upload_id: str, number: int, data: bytes) -> str: ...

    def abort(self, bucket: str, key: str, upload_id: str) -> None: ...


@dataclass
class S3Target:
    endpoint: str
    access_key: str
    secret_key: str
    kind: str = "s3"
    provider: str = "seaweedfs"
    profile_args: list[str] = field(default_factory=list)
    _client: S3Client | None = None

    @property
    def env(self) -> dict[str, str]:
        return {"AWS_ACCESS_KEY_ID": self.access_key, "AWS_SECRET_ACCESS_KEY": self.secret_key}

    @property
    def raw(self) -> S3Client:
        if self._client is None:
            self._client = raw_s3_client(self.endpoint, self.access_key, self.secret_key)
        return self._client

    def backend(self) -> Backend:
        from engine.backends.s3 import S3Backend
        from engine.providers import get_provider

        return S3Backend(
            get_provider(self.provider), self.endpoint, "us-east-1", True, self.access_key, self.secret_key
        )

    def new_bucket(self) -> str:
        name = "t-" + uuid.uuid4().hex[:16]
        self.raw.create_bucket(Bucket=name)
        return name

    def get(self, bucket: str, key: str) -> bytes:
        return bytes(self.raw.get_object(Bucket=bucket, Key=key)["Body"].read())

    def uploads(self, bucket: str) -> list[tuple[str, str]]:
        resp = self.raw.list_multipart_uploads(Bucket=bucket)
        return [(u["Key"], u["UploadId"]) for u in resp.get("Uploads", [])]

    def parts(self, bucket: str, key: str, upload_id: str) -> list[RawPart]:
        resp = self.raw.list_parts(Bucket=bucket, Key=key, UploadId=upload_id)
        return [RawPart(p["PartNumber"], p["Size"], p["ETag"].strip('"')) for p in resp.get("Parts", [])]

    def create_upload(self, bucket: str, key: str) -> str:
        return str(self.raw.create_multipart_upload(Bucket=bucket, Key=key)["UploadId"])

    def put_part(self, bucket: str, key: str, upload_id: str, number: int, data: bytes) -> str:
        resp = self.raw.upload_part(Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=data)
        return str(resp["ETag"]).strip('"')

    def abort(self, bucket: str, key: str, upload_id: str) -> None:
        self.raw.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id)


@dataclass
class OssTarget:
    """The OSS gateway (``tests/helpers/oss_gateway.py``); raw checks go through oss2 directly."""

    endpoint: str
    access_key: str
    secret_key: str
    region: str = "cn-hangzhou"
    kind: str = "oss"
    provider: str = "oss"
    signature: str = "v4"

    @property
    def env(self) -> dict[str, str]:
        return {"OSS_ACCESS_KEY_ID": self.access_key, "OSS_ACCESS_KEY_SECRET": self.secret_key}

    @property
    def profile_args(self) -> list[str]:
        return ["--region", self.region, "--signature", self.signature]

    def raw(self, bucket: str) -> Any:
        import oss2

        auth = oss2.AuthV4(self.access_key, self.secret_key)
        return oss2.Bucket(auth, self.endpoint, bucket, region=self.region)

    def backend(self) -> Backend:
        from engine.backends.oss import OssBackend
        from engine.providers import get_provider

        return OssBackend(
            get_provider(self.provider),
            self.endpoint,
            self.region,
            self.access_key,
            self.secret_key,
            signature=self.signature,
        )

    def new_bucket(self) -> str:
        name = "t-" + uuid.uuid4().hex[:16]
        self.raw(name).create_bucket()
        return name

    def get(self, bucket: str, key: str) -> bytes:
        return bytes(self.raw(bucket).get_object(key).read())

    def uploads(self, bucket: str) -> list[tuple[str, str]]:
        resp = self.raw(bucket).list_multipart_uploads()
        return [(u.key, u.upload_id) for u in resp.upload_list]

    def parts(self, bucket: str, key: str, upload_id: str) -> list[RawPart]:
        resp = self.raw(bucket).list_parts(key, upload_id)
        return [RawPart(p.part_number, p.size, p.etag.strip('"')) for p in resp.parts]

    def create_upload(self, bucket: str, key: str) -> str:
        return str(self.raw(bucket).init_multipart_upload(key).upload_id)

    def put_part(self, bucket: str, key: str, upload_id: str, number: int, data: bytes) -> str:
        return str(self.raw(bucket).upload_part(key, upload_id, number, data).etag).strip('"')

    def abort(self, bucket: str, key: str, upload_id: str) -> None:
        self.raw(bucket).abort_multipart_upload(key, upload_id)
