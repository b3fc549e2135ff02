"""Upload with boto3's TransferManager (what ``upload_file`` uses), all files through one manager.

Runs in Skylift's virtualenv, which has no awscrt: with awscrt installed botocore switches to CRT
signing and checksums and gets slower. Standalone: imports nothing from the project.

argv[1]: a JSON job (endpoint, bucket, files [[path, key], ...], settings {"config": botocore Config
kwargs, "transfer": TransferConfig kwargs}); credentials from the environment.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    import boto3
    from boto3.s3.transfer import TransferConfig
    from botocore.config import Config

    with open(sys.argv[1]) as fh:
        job = json.load(fh)
    settings = job["settings"]
    client = boto3.client(
        "s3",
        endpoint_url=job["endpoint"],
        region_name=job.get("region", "us-east-1"),
        config=Config(**settings.get("config", {})),
    )
    config = TransferConfig(**settings.get("transfer", {}))
    # One manager for every file, as ``aws s3 cp --recursive`` does: a loop of upload_file calls
    # would serialise small files and understate boto3.
    from boto3.s3.transfer import create_transfer_manager

    with create_transfer_manager(client, config) as manager:
        futures = [manager.upload(path, job["bucket"], key) for path, key in job["files"]]
        failed = 0
        for f in futures:
            try:
                f.result()
            except Exception as exc:  # report every failure, not only the first
                failed += 1
                print(f"boto3 upload failed: {exc!r}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
