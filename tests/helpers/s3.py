"""A plain boto3 client, independent of Skylift, for setting up and checking what a server holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers.env import ACCESS_KEY, SECRET_KEY

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client


def raw_s3_client(endpoint: str, access_key: str = ACCESS_KEY, secret_key: str = SECRET_KEY) -> S3Client:
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )


def upload_parts(raw: S3Client, bucket: str, key: str, parts: list[bytes]) -> str:
    """Start a multipart upload holding ``parts`` (numbered from 1), left unfinished; its upload id."""
    uid = str(raw.create_multipart_upload(Bucket=bucket, Key=key)["UploadId"])
    for n, data in enumerate(parts, 1):
        raw.upload_part(Bucket=bucket, Key=key, UploadId=uid, PartNumber=n, Body=data)
    return uid
