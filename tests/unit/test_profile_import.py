"""The three importers read files as their tools write them (and as people edit them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.profile_import import Candidate, Found, find, parse_aws, parse_ossutil, parse_rclone

AWS_CREDENTIALS = """\
# written by `aws configure`, then edited by hand
[default]
aws_access_key_id = AKIADEFAULT0000001
aws_secret_access_key = dflt/Secret+Key%with=odd/chars

[work]
aws_access_key_id=AKIAWORK000000000002
aws_secret_access_key   =    wOrKsEcReT
; a temporary session from `aws sts get-session-token`
[temp]
aws_access_key_id = ASIATEMP
aws_secret_access_key = tempsecret
aws_session_token = FwoGZXIvYXdzEBYaD...

[half]
aws_access_key_id = AKIAHALF
"""

AWS_CONFIG = """\
[default]
region = eu-west-1

[profile work]
region=us-west-2
[profile minio]
region = us-east-1
s3 =
    endpoint_url = http://127.0.0.1:9000
    addressing_style = path
aws_access_key_id = minioadmin
aws_secret_access_key = minio-secret

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = work

[profile dev-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile proc]
credential_process = /usr/local/bin/vault-creds --json

[profile r2]
endpoint_url = https://0123abcd.r2.cloudflarestorage.com
aws_access_key_id = r2id
aws_secret_access_key = r2secret

[profile empty]
output = json
"""


def _by_name(found: Found) -> dict[str, Candidate]:
    return {c.name: c for c in found.candidates}


def _reasons(found: Found) -> dict[str, str]:
    return {s.name: s.reason for s in found.skipped}


def test_aws_static_keys_delegated_profiles_and_skips() -> None:
    found = parse_aws(AWS_CREDENTIALS, AWS_CONFIG)
    got = _by_name(found)
    assert got["default"].access_key_id == "AKIADEFAULT0000001"
    assert got["default"].secret == "dflt/Secret+Key%with=odd/chars"  # no interpolation of '%'
    assert (got["default"].provider, got["default"].region, got["default"].endpoint) == (
        "aws",
        "eu-west-1",
        "",
    )
    assert (got["work"].secret, got["work"].region) == ("wOrKsEcReT", "us-west-2")
    minio = got["minio"]
    assert (minio.provider, minio.endpoint, minio.path_style) == ("s3", "http://127.0.0.1:9000", True)
    assert got["r2"].provider == "r2" and got["r2"].endpoint.endswith("r2.cloudflarestorage.com")
    # Roles, SSO, credential_process and session tokens keep their keys with the AWS configuration.
    for name in ("admin", "dev-sso", "proc", "temp"):
        assert got[name].aws_profile == name and not got[name].secret and not got[name].access_key_id
    assert "corp" not in got and "sso-session corp" not in got
    assert _reasons(found) == {
        "half": "no aws_secret_access_key",
        "empty": "no keys, role, SSO or credential_process",
    }


def test_a_secret_is_never_in_a_repr() -> None:
    found = parse_aws(AWS_CREDENTIALS, "")
    assert "wOrKsEcReT" not in repr(found)


def test_aws_broken_lines_are_reported_and_the_rest_read() -> None:
    found = parse_aws("[ok]\naws_access_key_id = A\naws_secret_access_key = B\nthis line is junk\n", "")
    assert "ok" in _by_name(found)
    assert any("could not be read" in s.reason for s in found.skipped)
    nothing = parse_aws("aws_access_key_id = A\n", "")
    assert not nothing.candidates and "before any [section]" in nothing.skipped[0].reason


def test_aws_file_option_reads_either_format(tmp_path: Path) -> None:
    f = tmp_path / "creds"
    f.write_text("[profile one]\naws_access_key_id = A1\naws_secret_access_key = S1\n[two]\nrole_arn = x\n")
    found, read = find("aws", f)
    assert read == [f]
    assert _by_name(found)["one"].secret == "S1"
    assert _by_name(found)["two"].aws_profile == "two"


OSSUTIL_V1 = """\
[Credentials]
language=CH
endpoint = oss-cn-shanghai.aliyuncs.com
accessKeyID = LTAI5tOssKeyId
accessKeySecret = ossSecretValue
[Bucket-Endpoint]
photos-bj = oss-cn-beijing.aliyuncs.com

[Bucket-Cname]
"""


def test_ossutil_credentials_and_bucket_endpoints() -> None:
    found = parse_ossutil(OSSUTIL_V1)
    got = _by_name(found)
    main = got["ossutil"]
    assert (main.provider, main.endpoint, main.region) == (
        "oss",
        "https://oss-cn-shanghai.aliyuncs.com",
        "cn-shanghai",
    )
    assert (main.access_key_id, main.secret) == ("LTAI5tOssKeyId", "ossSecretValue")
    bj = got["ossutil-photos-bj"]
    assert (bj.default_bucket, bj.region, bj.secret) == ("photos-bj", "cn-beijing", "ossSecretValue")
    assert not found.skipped


def test_ossutil_v2_profiles_sts_and_missing_fields() -> None:
    text = """\
[default]
accessKeyID = AK0
accessKeySecret = SK0
region = cn-hangzhou

[profile sts]
accessKeyID = STS.AK
accessKeySecret = SK
stsToken = CAIS...token

[profile nosecret]
accessKeyID = AK2
region = cn-hangzhou

[profile nowhere]
accessKeyID = AK3
accessKeySecret = SK3
"""
    found = parse_ossutil(text)
    assert _by_name(found)["ossutil"].region == "cn-hangzhou"
    reasons = _reasons(found)
    assert "stsToken" in reasons["sts"]
    assert reasons["nosecret"] == "no accessKeySecret"
    assert reasons["nowhere"] == "no endpoint or region"


RCLONE = """\
# rclone config file
[aws-backup]
type = s3
provider = AWS
access_key_id = AKIARCLONE
secret_access_key = rcloneSecret
region = ap-northeast-1

[minio-lab]
type = s3
provider = Minio
access_key_id = labkey
secret_access_key = labsecret
endpoint = http://minio.lab:9000

[aliyun]
type = s3
provider = Alibaba
access_key_id = LTAIx
secret_access_key = aliSecret
endpoint = oss-cn-shenzhen.aliyuncs.com

[wasabi]
type = s3
provider = Wasabi
access_key_id = W
secret_access_key = WS
endpoint = s3.wasabisys.com
force_path_style = false

[ceph-noendpoint]
type = s3
provider = Ceph
access_key_id = C
secret_access_key = CS

[iam]
type = s3
provider = AWS
env_auth = true
region = us-east-1

[gdrive]
type = drive
scope = drive

[crypt]
type = crypt
remote = gdrive:secret
"""


def test_rclone_s3_remotes_and_providers() -> None:
    found = parse_rclone(RCLONE)
    got = _by_name(found)
    assert (got["aws-backup"].provider, got["aws-backup"].region) == ("aws", "ap-northeast-1")
    assert (got["minio-lab"].provider, got["minio-lab"].endpoint) == ("minio", "http://minio.lab:9000")
    ali = got["aliyun"]
    assert (ali.provider, ali.endpoint, ali.region) == (
        "oss",
        "https://oss-cn-shenzhen.aliyuncs.com",
        "cn-shenzhen",
    )
    wasabi = got["wasabi"]
    assert (wasabi.provider, wasabi.endpoint, wasabi.path_style) == ("s3", "https://s3.wasabisys.com", False)
    assert got["iam"].secret == "" and "environment" in got["iam"].keys
    reasons = _reasons(found)
    assert reasons["gdrive"] == "type drive is not S3"
    assert reasons["crypt"] == "type crypt is not S3"
    assert "needs an endpoint" in reasons["ceph-noendpoint"]


@pytest.mark.parametrize("source", ["aws", "ossutil", "rclone"])
def test_no_files_found(tmp_path: Path, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "RCLONE_CONFIG", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(var, raising=False)
    found, read = find(source, home=tmp_path)
    assert read == [] and not found.candidates
