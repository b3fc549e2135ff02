"""Provider presets: what differs between stores, as data the planner and backends read."""

from __future__ import annotations

import enum
from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB
TiB = 1024 * GiB


class Dialect(enum.StrEnum):
    """The API a provider speaks: S3's or Aliyun OSS's."""

    S3 = "s3"
    OSS = "oss"


class ChecksumMode(enum.StrEnum):
    """What integrity evidence a provider's server checks and returns."""

    #: Send Content-MD5; part ETag is the part's MD5; composite ETag md5(md5s)-N.
    MD5 = "md5"
    #: No Content-MD5 (the server rejects or ignores it); ETags are opaque.
    NONE = "none"
    #: OSS: CRC64-ECMA per part and per object in ``x-oss-hash-crc64ecma``.
    CRC64 = "crc64"
    #: S3 flexible checksums: ``x-amz-checksum-crc32`` per part, which the server verifies, and
    #: a COMPOSITE object checksum (crc32 of the part CRCs, ``-N``) it reports after Complete.
    #: zlib's CRC32 costs a tenth of MD5's CPU, and this machine's cores are shared with the server.
    CRC32 = "crc32"


@dataclass(frozen=True)
class PartRules:
    min_part: int
    max_part: int
    max_parts: int = 10_000
    max_object: int = 5 * TiB
    max_single_put: int = 5 * GiB
    #: All parts but the last the same size (R2).
    equal_parts: bool = False
    #: The only part size the server accepts (UCloud US3's S3 gateway).
    fixed_part: int | None = None


@dataclass(frozen=True)
class Provider:
    name: str
    title: str
    dialect: Dialect
    endpoint_template: str
    default_region: str
    path_style: bool
    rules: PartRules
    checksum: ChecksumMode
    #: The multipart ETag is md5(concat(part md5s))-N, so it can be checked locally.
    composite_etag_md5: bool
    #: Send checksums only where the operation requires them (boto3 >= 1.36 sends CRCs by default,
    #: which many S3-compatible stores reject).
    checksums_when_required: bool = True
    storage_class_header: str = "x-amz-storage-class"
    storage_classes: tuple[str, ...] = ("STANDARD",)
    #: MinIO only lists multipart uploads by exact key when given a prefix.
    list_uploads_exact_prefix: bool = False
    incomplete_upload_expiry_days: int | None = None
    #: The server offers SSE-KMS (``--sse kms``).
    sse_kms: bool = True
    #: Default price per GB-month for the stale-upload cost estimate.
    price_per_gb_month: float = 0.023
    notes: str = ""

    def endpoint_for(self, region: str) -> str:
        return self.endpoint_template.format(region=region or self.default_region)


_S3_RULES = PartRules(min_part=5 * MiB, max_part=5 * GiB)

PROVIDERS: dict[str, Provider] = {
    p.name: p
    for p in (
        Provider(
            name="aws",
            title="Amazon S3",
            dialect=Dialect.S3,
            endpoint_template="https://s3.{region}.amazonaws.com",
            default_region="us-east-1",
            path_style=False,
            rules=PartRules(min_part=5 * MiB, max_part=5 * GiB, max_object=10_000 * 5 * GiB),
            checksum=ChecksumMode.CRC32,
            composite_etag_md5=True,
            # Skylift computes and sends the CRC32 itself, in the pass that reads the part;
            # botocore's own default checksum would read every part a second time.
            checksums_when_required=True,
            storage_classes=(
                "STANDARD",
                "STANDARD_IA",
                "ONEZONE_IA",
                "INTELLIGENT_TIERING",
                "GLACIER_IR",
                "GLACIER",
                "DEEP_ARCHIVE",
            ),
            notes="Composite ETag does not hold under SSE-KMS or SSE-C.",
        ),
        Provider(
            name="minio",
            title="MinIO",
            dialect=Dialect.S3,
            endpoint_template="http://127.0.0.1:9000",
            default_region="us-east-1",
            path_style=True,
            rules=_S3_RULES,
            checksum=ChecksumMode.CRC32,
            composite_etag_md5=True,
            list_uploads_exact_prefix=True,
            price_per_gb_month=0.0,
        ),
        Provider(
            name="seaweedfs",
            title="SeaweedFS",
            dialect=Dialect.S3,
            endpoint_template="http://127.0.0.1:8333",
            default_region="us-east-1",
            path_style=True,
            rules=_S3_RULES,
            checksum=ChecksumMode.CRC32,
            composite_etag_md5=True,
            price_per_gb_month=0.0,
            notes="ListParts may answer for a completed upload; never abort such an id.",
        ),
        Provider(
            name="r2",
            title="Cloudflare R2",
            dialect=Dialect.S3,
            # The host carries the account id (https://<account>.r2.cloudflarestorage.com): no
            # template can produce it, so ``profile add`` asks for --endpoint.
            endpoint_template="",
            default_region="auto",
            path_style=True,
            rules=PartRules(min_part=5 * MiB, max_part=5 * GiB, equal_parts=True),
            checksum=ChecksumMode.MD5,
            composite_etag_md5=True,
            incomplete_upload_expiry_days=7,
            # R2 encrypts everything itself and offers customer keys, not KMS.
            sse_kms=False,
            price_per_gb_month=0.015,
        ),
        Provider(
            name="ks3",
            title="Kingsoft KS3",
            dialect=Dialect.S3,
            endpoint_template="https://ks3-cn-{region}.ksyuncs.com",
            default_region="beijing",
            path_style=False,
            rules=_S3_RULES,
            checksum=ChecksumMode.MD5,
            composite_etag_md5=True,
            storage_class_header="x-kss-storage-class",
            storage_classes=("STANDARD", "STANDARD_IA"),
            price_per_gb_month=0.017,
            notes="Part numbers must be ascending and consecutive.",
        ),
        Provider(
            name="us3",
            title="UCloud US3 (S3 gateway)",
            dialect=Dialect.S3,
            endpoint_template="https://s3-cn-{region}.ufileos.com",
            default_region="bj",
            path_style=False,
            rules=PartRules(min_part=8 * MiB, max_part=8 * MiB, fixed_part=8 * MiB),
            checksum=ChecksumMode.NONE,
            composite_etag_md5=False,
            sse_kms=False,
            price_per_gb_month=0.017,
            notes="Fixed 8 MB parts; MD5 checks unsupported; ETags are not AWS-like.",
        ),
        Provider(
            name="oss",
            title="Aliyun OSS",
            dialect=Dialect.OSS,
            endpoint_template="https://oss-{region}.aliyuncs.com",
            default_region="cn-hangzhou",
            path_style=False,
            # OSS's "100 KB" and "5 GB" are binary (oss2: min_part_size = 100 * 1024): a
            # 100,000-byte part passes every upload and then fails Complete with EntityTooSmall.
            # 48.8 TB is 10,000 parts of 5 GiB.
            rules=PartRules(
                min_part=100 * KiB,
                max_part=5 * GiB,
                max_object=10_000 * 5 * GiB,
                max_single_put=5 * GiB,
            ),
            checksum=ChecksumMode.CRC64,
            composite_etag_md5=False,
            storage_class_header="x-oss-storage-class",
            storage_classes=("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive"),
            price_per_gb_month=0.017,
        ),
        Provider(
            name="s3",
            title="Other S3-compatible",
            dialect=Dialect.S3,
            endpoint_template="",
            default_region="us-east-1",
            path_style=True,
            rules=_S3_RULES,
            checksum=ChecksumMode.MD5,
            composite_etag_md5=True,
            price_per_gb_month=0.02,
        ),
    )
}


def get_provider(name: str) -> Provider:
    try:
        return PROVIDERS[name]
    except KeyError:
        raise ValueError(f"unknown provider {name!r}; choose one of: {', '.join(PROVIDERS)}") from None
