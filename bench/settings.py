"""What the benchmark measures: workloads, and each client's default and tuned settings.

Tuned means what measured best on a 2-core VM against local SeaweedFS (DESIGN §4b): 4 streams of
32 MiB parts; more streams cost the server more CPU per GiB than they win. Small files (W3) are
latency-bound per request, so their tuned settings allow more requests in flight.

W7 and W8 send no file bytes when all is well: W7 runs each client a second time on a folder it
has already uploaded (what does it cost to find out there is nothing to do?), W8 times
``skylift verify`` against listing the prefix plus hashing the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB


@dataclass(frozen=True)
class Workload:
    name: str
    title: str
    count: int
    size: int
    #: Clients run by default on this workload (``--clients`` narrows it further).
    clients: tuple[str, ...] = ()
    #: "upload" (timed upload into an empty bucket), "resume" (W5), "rerun" (W7) or "verify" (W8).
    kind: str = "upload"

    @property
    def total(self) -> int:
        return self.count * self.size


PEERS = ("skylift", "boto3", "crt", "awscli", "rclone", "s5cmd", "raw")
SETTINGS = ("default", "tuned")
#: The clients with a command that syncs a folder: skip what is there, upload the rest.
_RERUN = ("skylift", "awscli", "rclone")

_FULL = [
    Workload("W1", "one 1 GiB file", 1, GiB),
    Workload("W2", "8 × 128 MiB files", 8, 128 * MiB),
    Workload("W3", "2,000 × 32 KiB files", 2000, 32 * KiB),
    Workload("W4a", "RSS: one 100 MiB file", 1, 100 * MiB, ("skylift",)),
    Workload("W4b", "RSS: one 4 GiB file", 1, 4 * GiB, ("skylift",)),
    # W3's files: the same (count, size) makes bench.run write them only once.
    Workload("W7", "re-run on an unchanged folder of 2,000 × 32 KiB files", 2000, 32 * KiB, _RERUN, "rerun"),
    Workload("W8", "verify 10,000 × 16 KiB files", 10_000, 16 * KiB, ("skylift",), "verify"),
]
_QUICK = [
    Workload("W1", "one 64 MiB file", 1, 64 * MiB),
    Workload("W2", "4 × 16 MiB files", 4, 16 * MiB),
    Workload("W3", "200 × 32 KiB files", 200, 32 * KiB),
    # As in the full run, the small file has enough 32 MiB parts to fill 4 request slots.
    Workload("W4a", "RSS: one 100 MiB file", 1, 100 * MiB, ("skylift",)),
    Workload("W4b", "RSS: one 400 MiB file", 1, 400 * MiB, ("skylift",)),
    Workload("W7", "re-run on an unchanged folder of 200 × 32 KiB files", 200, 32 * KiB, _RERUN, "rerun"),
    Workload("W8", "verify 1,000 × 16 KiB files", 1000, 16 * KiB, ("skylift",), "verify"),
]
#: W5 (kill -9 at 50 %, then resume) runs Skylift only. Its quick file is larger than W1's so that
#: even 4 × 32 MiB parts leave work for the resume.
_W5_FULL = Workload("W5", "kill -9 at 50 % of one 1 GiB file, then resume", 1, GiB, ("skylift",), "resume")
_W5_QUICK = Workload(
    "W5", "kill -9 at 50 % of one 256 MiB file, then resume", 1, 256 * MiB, ("skylift",), "resume"
)


def workloads(quick: bool) -> list[Workload]:
    return list(_QUICK if quick else _FULL)


def w5_workload(quick: bool) -> Workload:
    return _W5_QUICK if quick else _W5_FULL


# ---- client settings -----------------------------------------------------------------------------
# Each client reads its own shape: CLI argument lists, or dicts the peer programs understand.

DEFAULT: dict[str, Any] = {
    "skylift": [],
    "boto3": {},
    # boto3's CRT transfer client asks for CRC32 checksums by default; the bare S3Client does not.
    "crt": {"checksum": "crc32"},
    "awscli": {},
    "rclone": [],
    "s5cmd": {"global": [], "cp": []},
    "raw": {"streams": 1},
}

TUNED: dict[str, Any] = {
    "skylift": ["--concurrency", "4", "--part-size", "32MiB"],
    "boto3": {
        "config": {
            "request_checksum_calculation": "when_required",
            "response_checksum_validation": "when_required",
        },
        "transfer": {"multipart_chunksize": 32 * MiB, "max_concurrency": 4},
    },
    "crt": {"part_size": 32 * MiB, "max_active_connections_override": 4},
    "awscli": {
        "max_concurrent_requests": 4,
        "multipart_chunksize": "32MB",
        "request_checksum_calculation": "when_required",
        "response_checksum_validation": "when_required",
    },
    "rclone": [
        "--s3-upload-concurrency",
        "4",
        "--s3-chunk-size",
        "32M",
        "--transfers",
        "4",
        "--checkers",
        "16",
        "--s3-no-check-bucket",
        "--no-check-dest",
    ],
    "s5cmd": {"global": ["--numworkers", "8"], "cp": ["--concurrency", "4", "--part-size", "32"]},
    "raw": {"streams": 4},
}

#: Overrides of TUNED for the many-small-files workload.
TUNED_SMALL_FILES: dict[str, Any] = {
    "skylift": ["--concurrency", "8"],
    "boto3": {**TUNED["boto3"], "transfer": {"max_concurrency": 8}},
    "crt": {"max_active_connections_override": 8},
    "awscli": {**TUNED["awscli"], "max_concurrent_requests": 8},
    "rclone": ["--transfers", "8", "--checkers", "16", "--s3-no-check-bucket", "--no-check-dest"],
    "s5cmd": {"global": ["--numworkers", "8"], "cp": []},
    "raw": {"streams": 8},
}

#: Overrides of TUNED_SMALL_FILES for the re-run (W7): rclone's ``--no-check-dest`` would make it
#: upload every file again without looking, the opposite of what the re-run measures.
TUNED_RERUN: dict[str, Any] = {
    **TUNED_SMALL_FILES,
    "rclone": ["--transfers", "8", "--checkers", "16", "--s3-no-check-bucket"],
}

SMALL_FILES_WORKLOADS = ("W3",)


def settings_for(client: str, setting: str, workload: str) -> Any:
    if setting == "default":
        return DEFAULT[client]
    if workload == "W7":
        return TUNED_RERUN[client]
    if workload in SMALL_FILES_WORKLOADS:
        return TUNED_SMALL_FILES[client]
    return TUNED[client]
