"""``skylift profile import {aws,ossutil,rclone}``: profiles from other tools' configuration."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.running import EXIT_FAILED, EXIT_OK, UsageError
from app.services.core import AppCore
from app.services.profile_import import SOURCES, default_files, find, import_candidates

_TOOLS = {"aws": "AWS CLI", "ossutil": "ossutil", "rclone": "rclone"}


def add_import_parser(prof: Any) -> None:
    imp = prof.add_parser(
        "import",
        help="add profiles from the AWS CLI, ossutil or rclone configuration",
        description="Reads ~/.aws/credentials and ~/.aws/config, ~/.ossutilconfig, or rclone.conf. "
        "Secrets go to the OS keyring; an AWS profile that uses a role, SSO or credential_process "
        "is imported by name (its keys stay with the AWS configuration).",
    )
    imp.add_argument("source", choices=SOURCES)
    imp.add_argument("--file", type=Path, help="read this file instead of the tool's usual ones")
    imp.add_argument("--dry-run", action="store_true", help="say what would be imported; save nothing")
    imp.add_argument("--prefix", default="", metavar="NAME-", help="put this before every imported name")
    imp.add_argument("--replace", action="store_true", help="overwrite profiles of the same name")


def cmd_profile_import(core: AppCore, a: argparse.Namespace) -> int:
    if a.file is not None and not a.file.is_file():
        raise UsageError(f"no such file: {a.file}; check the path")
    found, read = find(a.source, a.file)
    if not read:
        looked = ", ".join(str(p) for p in default_files(a.source))
        raise UsageError(f"no {_TOOLS[a.source]} configuration found (looked at {looked}); pass --file PATH")
    outcomes = import_candidates(core.profiles, core.store, found.candidates, a.prefix, a.replace, a.dry_run)
    origins = {a.prefix + c.name: c.origin for c in found.candidates}
    for o in outcomes:
        verb = ("would create" if a.dry_run else "created") if o.created else "skipped"
        print(f"{verb} {o.name}: {o.reason}  ({origins.get(o.name, '')})")
    for s in found.skipped:
        print(f"skipped {s.name or '-'}: {s.reason}  ({s.origin})")
    made = sum(1 for o in outcomes if o.created)
    skipped = len(outcomes) - made + len(found.skipped)
    print(f"{made} profile(s) {'to create' if a.dry_run else 'created'}, {skipped} skipped")
    return EXIT_FAILED if any(o.failed for o in outcomes) else EXIT_OK
