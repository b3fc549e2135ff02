"""``skylift verify LOCAL... PROFILE:BUCKET/PREFIX``: prove what is on the server, file by file."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from typing import Any, TextIO

from app.cli.running import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, Interrupt, UsageError
from app.services.compare import BY_RECORD, BY_SIZE, Comparison, Verdict
from app.services.core import AppCore, Destination, parse_destination
from app.services.verify import Summary, VerifyRequest, run_verify, sources_of
from engine.sources import Skipped

#: What each method means, for the summary line.
METHOD_WORDS = {
    BY_RECORD: "the checksum verified at upload, object unchanged since",
    BY_SIZE: "size only: the server shows no checksum that can decide",
}


def add_verify_parser(sub: Any) -> None:
    v = sub.add_parser(
        "verify",
        help="compare local files with their objects, by checksum where the server can prove it",
        description="For each file: same, different, missing on the server; and objects under the "
        "folders' prefixes that no file matches. Exit 0 when every file is on the server unchanged.",
    )
    v.add_argument("paths", nargs="+", metavar="LOCAL... DEST")
    v.add_argument("--include", action="append", default=[])
    v.add_argument("--exclude", action="append", default=[])
    v.add_argument("--json", action="store_true", help="one JSON object per file, then a summary")
    v.add_argument("--report", metavar="FILE.csv", help="write every result to a CSV file")
    v.add_argument(
        "--no-cache",
        action="store_true",
        help="read every file again and ask the server for every checksum (ignore what earlier "
        "uploads and verifies recorded)",
    )
    v.add_argument(
        "--require-checksum",
        action="store_true",
        help="fail when a file could only be compared by size",
    )


def cmd_verify(core: AppCore, a: argparse.Namespace) -> int:
    *paths, dest_text = a.paths
    if not paths:
        raise UsageError(
            "verify needs at least one LOCAL file or folder and a DEST (PROFILE:BUCKET[/PREFIX])"
        )
    for p in paths:
        if not os.path.exists(p):
            raise UsageError(f"no such file or folder: {p}; check the path")
    dest = parse_destination(dest_text, core.profiles.default_name())
    core.profiles.get(dest.profile)
    multi = len(paths) > 1 or any(os.path.isdir(p) for p in paths)
    if multi and dest.key and not dest.key.endswith("/"):
        dest = Destination(dest.profile, dest.bucket, dest.key + "/")
    req = VerifyRequest(paths, dest, a.include, a.exclude, use_cache=not a.no_cache)

    def skipped(s: Skipped) -> None:
        print(f"skylift: {s.path}: not verified: {s.reason}", file=sys.stderr)

    sources = sources_of(req, skipped)
    report = _Report(a.json, len(sources), a.report)
    with Interrupt() as intr:
        try:
            summary = run_verify(core, req, sources, report.add, intr.hit)
        finally:
            report.close()
    report.summary(summary)
    if summary.stopped:
        return EXIT_INTERRUPTED
    return EXIT_OK if summary.all_same(a.require_checksum) else EXIT_FAILED


class _Report:
    def __init__(self, json_mode: bool, total: int, csv_path: str | None) -> None:
        self.json = json_mode
        self.total = total
        self.done = 0
        self.bad = 0
        self.tty = sys.stderr.isatty()
        self._last = 0.0
        self._csv_file: TextIO | None = None
        self._csv: Any = None
        if csv_path:
            try:
                self._csv_file = open(csv_path, "w", newline="", encoding="utf-8")
            except OSError as exc:
                raise UsageError(
                    f"cannot write the report {csv_path}: {exc.strerror}; choose another path"
                ) from None
            self._csv = csv.writer(self._csv_file)
            self._csv.writerow(["key", "path", "verdict", "method", "local_size", "remote_size", "detail"])

    def add(self, c: Comparison) -> None:
        if c.verdict is not Verdict.ONLY_ON_SERVER:
            self.done += 1
        if c.verdict not in (Verdict.SAME, Verdict.UNPROVEN):
            self.bad += 1
        if self._csv is not None:
            self._csv.writerow(
                [c.key, c.path, c.verdict.value, c.method, c.local_size, c.remote_size, c.detail]
            )
        if self.json:
            print(json.dumps({"event": "file", **_fields(c)}, separators=(",", ":")), flush=True)
        elif c.verdict not in (Verdict.SAME, Verdict.UNPROVEN):
            self._clear()
            where = c.path or f"(server) {c.key}"
            how = f" by {c.method}" if c.method else ""
            detail = f": {c.detail}" if c.detail else ""
            print(f"{c.verdict.value}{how}: {where}{detail}", flush=True)
        self._progress()

    def _progress(self) -> None:
        now = time.monotonic()
        if not self.tty or (now - self._last < 0.2 and self.done < self.total):
            return
        self._last = now
        width = 30
        filled = width * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\rverify [{bar}] {self.done:,}/{self.total:,} files, {self.bad:,} not same")
        sys.stderr.flush()

    def _clear(self) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[K")

    def close(self) -> None:
        if self._csv_file is not None:
            self._csv_file.close()
        if self.tty:
            sys.stderr.write("\n")

    def summary(self, s: Summary) -> None:
        counts = {v.value: s.verdicts[v] for v in Verdict if s.verdicts[v]}
        if self.json:
            obj = {"event": "summary", "files": s.files, **counts, "same_by": dict(s.methods)}
            print(json.dumps(obj, separators=(",", ":")), flush=True)
            return
        same = s.verdicts[Verdict.SAME]
        by = ", ".join(f"{n:,} by {METHOD_WORDS.get(m, m)}" for m, n in s.methods.most_common())
        line = f"{s.files:,} file(s): {same:,} same" + (f" ({by})" if by else "")
        for v in Verdict:
            if v is not Verdict.SAME and s.verdicts[v]:
                line += f", {s.verdicts[v]:,} {v.value.replace('-', ' ')}"
        if s.stopped:
            line += " (stopped before the end)"
        print(line, file=sys.stderr)
        if s.verdicts[Verdict.UNPROVEN]:
            print(
                f"skylift: {s.verdicts[Verdict.UNPROVEN]:,} file(s) have the object's size, but the server "
                "shows no checksum that can decide (--require-checksum makes that a failure)",
                file=sys.stderr,
            )


def _fields(c: Comparison) -> dict[str, Any]:
    return {
        "key": c.key,
        "path": c.path,
        "verdict": c.verdict.value,
        "method": c.method,
        "local_size": c.local_size,
        "remote_size": c.remote_size,
        "detail": c.detail,
    }
