"""Helpers the test suites share, typed so tests need no mypy suppressions.

``env`` (repo root, session credentials), ``fixtures`` (the types of the shared fixtures), ``s3``
(a raw boto3 client and multipart setup), ``cli`` (run the CLI, parse its JSON lines), ``rig``
and ``targets`` (an engine wired to a real server), ``faultproxy``, ``oss_gateway``, ``xvfb``.
"""
