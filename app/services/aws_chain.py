"""AWS credentials the way the AWS CLI finds them: botocore's own chain, not a copy of it.

A named profile from ~/.aws/config and ~/.aws/credentials (static keys, assume-role with a source
profile, SSO, credential_process), or with no name the default chain (AWS_ACCESS_KEY_ID with
AWS_SESSION_TOKEN, AWS_PROFILE, the default profile, container and instance roles). Temporary
credentials come back as botocore's refreshable object: the backend keeps it and it renews itself.
"""

from __future__ import annotations

import os

import botocore.exceptions as bex
import botocore.session
from botocore.credentials import Credentials

from engine.backends.s3creds import current
from engine.errors import ErrorCode, SkyliftError
from engine.redact import register_secret


def from_chain(aws_profile: str = "", skylift_profile: str = "") -> Credentials:
    """The credentials botocore resolves for ``aws_profile`` (or the default chain), fetched now
    so that a wrong name or an expired SSO login is said before any upload starts."""
    named = aws_profile or os.environ.get("AWS_PROFILE", "")
    where = f"AWS profile {named!r}" if named else "the AWS default credential chain"
    try:
        session = botocore.session.Session(profile=aws_profile or None)
        found = session.get_credentials()
        if found is not None:
            frozen = current(found)  # assume-role and SSO make their first call here
            register_secret(frozen.secret_key or "")
            register_secret(frozen.token or "")
    except bex.ProfileNotFound:
        raise SkyliftError(
            ErrorCode.AUTH,
            f"there is no {where} in the AWS config files (~/.aws/config, ~/.aws/credentials, or "
            "AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE): add it there, or give the profile "
            "another name in Profiles",
        ) from None
    except (bex.BotoCoreError, bex.ClientError) as exc:
        hint = f"'aws sso login --profile {named}'" if named else "'aws sso login'"
        raise SkyliftError(
            ErrorCode.AUTH,
            f"{where} gave no credentials: {exc}. Fix it in the AWS config files (for SSO, sign in "
            f"again with {hint})",
        ) from None
    if found is None:
        name = skylift_profile or "NAME"
        raise SkyliftError(
            ErrorCode.AUTH,
            f"no credentials for profile {name!r}: {where} found none. Store a key with "
            f"'skylift profile add {name} --access-key-id ID --secret-stdin', name an AWS profile "
            "with --aws-profile, or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
        )
    return found
