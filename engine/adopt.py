"""Adopting an orphan upload: prove a local file is what the upload was sending, part by part.

The server's parts fix the part size; each part's ETag (an MD5 on S3, and on OSS too) must equal
the MD5 of the same range of the local file before Skylift resumes the upload from that file.
"""

from __future__ import annotations

import enum
import os
import re
import threading
from dataclasses import dataclass, replace

from engine.backends.base import Backend, NoSuchUpload, ServerPart
from engine.body import read_range
from engine.errors import SkyliftError
from engine.integrity import md5_proves
from engine.providers import ChecksumMode

_MD5_HEX = re.compile(r"^[0-9a-f]{32}$")


class AdoptProblem(enum.StrEnum):
    GONE = "gone"
    FILE = "file"
    SIZE = "size"
    MISMATCH = "mismatch"
    UNVERIFIABLE = "unverifiable"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class AdoptReport:
    file_size: int = 0
    mtime_ns: int = 0
    #: The part size the server's parts imply (0 when the upload holds no parts yet).
    part_size: int = 0
    parts: tuple[ServerPart, ...] = ()
    problem: AdoptProblem | None = None
    detail: str = ""
    #: The first part whose bytes differ from the local file.
    mismatch_part: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def bytes_present(self) -> int:
        return sum(p.size for p in self.parts)


def implied_part_size(parts: list[ServerPart], file_size: int) -> tuple[int, str]:
    """The part size the server's parts were cut with, or 0 and why they cannot fit the file."""
    if not parts:
        return 0, ""
    parts = sorted(parts, key=lambda p: p.number)
    last = parts[-1]
    body = parts[:-1]
    sizes = {p.size for p in body}
    if len(sizes) > 1:
        return 0, f"parts differ in size ({', '.join(str(s) for s in sorted(sizes))} bytes)"
    if sizes:
        size = sizes.pop()
    elif last.number == 1 or last.size * last.number <= file_size:
        size = last.size
    elif (file_size - last.size) % (last.number - 1) == 0:
        size = (file_size - last.size) // (last.number - 1)
    else:
        return 0, f"part {last.number} ({last.size} bytes) cannot be part of a {file_size}-byte file"
    if size <= 0:
        return 0, "the server holds an empty part"
    end = (last.number - 1) * size + last.size
    if last.size > size:
        return 0, f"part {last.number} has {last.size} bytes, more than the {size} of the others"
    if last.size < size and end != file_size:
        return 0, f"short part {last.number} would end at byte {end}, but the file has {file_size}"
    if end > file_size:
        return 0, f"the parts cover {end} bytes; the file has only {file_size}"
    return size, ""


def verify_adoption(
    backend: Backend,
    bucket: str,
    key: str,
    upload_id: str,
    path: str,
    cancel: threading.Event | None = None,
) -> AdoptReport:
    """Check that the local file is what this upload was sending, part by part."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return AdoptReport(problem=AdoptProblem.FILE, detail=f"{path}: {exc.strerror}")
    base = AdoptReport(file_size=st.st_size, mtime_ns=st.st_mtime_ns)
    try:
        parts = sorted(backend.list_parts(bucket, key, upload_id), key=lambda p: p.number)
    except NoSuchUpload:
        return replace(base, problem=AdoptProblem.GONE, detail="the upload no longer exists")
    base = replace(base, parts=tuple(parts))
    size, why = implied_part_size(parts, st.st_size)
    if why:
        return replace(base, problem=AdoptProblem.SIZE, detail=why)
    if parts and backend.provider.checksum is ChecksumMode.NONE:
        return replace(
            base,
            problem=AdoptProblem.UNVERIFIABLE,
            detail="this provider's part ETags are not MD5s, so the parts cannot be checked",
        )
    report = _check_parts(backend, replace(base, part_size=size), path, cancel)
    alt = _other_reading(parts, st.st_size)
    if report.problem in (AdoptProblem.MISMATCH, AdoptProblem.SIZE) and alt:
        # A lone part N>1 may be a full part or the short last one; the bytes decide.
        second = _check_parts(backend, replace(base, part_size=alt), path, cancel)
        if second.ok:
            return second
    return report


def _other_reading(parts: list[ServerPart], file_size: int) -> int:
    """The part size under which a lone part N>1 is the file's short last part, or 0."""
    if len(parts) != 1 or parts[0].number == 1:
        return 0
    n, s = parts[0].number, parts[0].size
    if (file_size - s) % (n - 1):
        return 0
    alt = (file_size - s) // (n - 1)
    return alt if alt > s else 0


def _check_parts(
    backend: Backend, base: AdoptReport, path: str, cancel: threading.Event | None
) -> AdoptReport:
    size, fsize = base.part_size, base.file_size
    rules = backend.provider.rules
    if size and -(-fsize // size) > rules.max_parts:
        return replace(
            base, problem=AdoptProblem.SIZE, detail=f"{size}-byte parts need more than {rules.max_parts}"
        )
    if size and size < rules.min_part and fsize > size:
        return replace(
            base,
            problem=AdoptProblem.SIZE,
            detail=f"{size}-byte parts are below the provider's {rules.min_part}-byte minimum",
        )
    for p in base.parts:
        if cancel is not None and cancel.is_set():
            return replace(base, problem=AdoptProblem.CANCELLED, detail="cancelled")
        if not _MD5_HEX.match(p.etag.strip('"').lower()):
            return replace(
                base,
                problem=AdoptProblem.UNVERIFIABLE,
                detail=f"part {p.number}'s ETag {p.etag} is not an MD5",
            )
        offset = (p.number - 1) * size
        try:
            data = read_range(path, offset, p.size, fsize, base.mtime_ns)
        except SkyliftError as exc:
            return replace(base, problem=AdoptProblem.FILE, detail=f"{exc.code.value}: {exc.detail}")
        if not md5_proves(data, p.etag):
            return replace(
                base,
                problem=AdoptProblem.MISMATCH,
                mismatch_part=p.number,
                detail=f"part {p.number} (bytes {offset}-{offset + p.size - 1}) differs from the local file",
            )
    return base
