"""List every object under a prefix with boto3 (ListObjectsV2, 1,000 keys a page): W8's baseline
for the listing half of a verify. Prints the number of objects and their total size.

Runs in Skylift's virtualenv, as the boto3 peer does. Standalone: imports nothing from the project.

argv[1]: a JSON job (endpoint, region, bucket, prefix); credentials from the environment.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    import boto3
    from botocore.config import Config

    with open(sys.argv[1]) as fh:
        job = json.load(fh)
    client = boto3.client(
        "s3",
        endpoint_url=job["endpoint"],
        region_name=job.get("region", "us-east-1"),
        config=Config(s3={"addressing_style": "path"}),
    )
    count = size = 0
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=job["bucket"], Prefix=job["prefix"]):
        for obj in page.get("Contents", []):
            count += 1
            size += int(obj["Size"])
    print(json.dumps({"objects": count, "bytes": size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
