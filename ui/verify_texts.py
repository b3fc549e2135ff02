"""The Verify window's words: verdicts, methods, the status line, the summary of a run in people's
words, and why a run cannot start or failed."""

from __future__ import annotations

import os
from collections import Counter

from PySide6.QtCore import QCoreApplication

from app.gui.api import ErrorCode, SkyliftError
from app.services.compare import BY_RECORD, BY_SIZE, Verdict
from app.services.core import destination_problem
from app.services.verify import Summary
from ui import messages


def arg(text: str, *values: object) -> str:
    """Fill ``%1``, ``%2``… of a translated text (translators may reorder them)."""
    for n, v in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{n}", str(v))
    return text


def verdict_text(v: Verdict) -> str:
    return {
        Verdict.SAME: QCoreApplication.translate("VerifyWindow", "Same"),
        Verdict.DIFFERENT: QCoreApplication.translate("VerifyWindow", "Different"),
        Verdict.MISSING: QCoreApplication.translate("VerifyWindow", "Missing on server"),
        Verdict.ONLY_ON_SERVER: QCoreApplication.translate("VerifyWindow", "Only on server"),
        Verdict.UNPROVEN: QCoreApplication.translate("VerifyWindow", "Same size, unproven"),
        Verdict.CHANGED: QCoreApplication.translate("VerifyWindow", "Changed while read"),
        Verdict.UNREADABLE: QCoreApplication.translate("VerifyWindow", "Unreadable"),
        Verdict.FAILED: QCoreApplication.translate("VerifyWindow", "Not checked"),
    }[v]


def method_text(method: str) -> str:
    """How a verdict was reached, in words; an unknown method code is shown as it is."""
    words = {
        "sha256": QCoreApplication.translate("VerifyWindow", "SHA-256"),
        "crc32": QCoreApplication.translate("VerifyWindow", "CRC32"),
        "crc32-parts": QCoreApplication.translate("VerifyWindow", "CRC32 (parts)"),
        "crc64": QCoreApplication.translate("VerifyWindow", "CRC64"),
        "md5": QCoreApplication.translate("VerifyWindow", "MD5"),
        "md5-parts": QCoreApplication.translate("VerifyWindow", "MD5 (parts)"),
        BY_RECORD: QCoreApplication.translate("VerifyWindow", "recorded at upload"),
        BY_SIZE: QCoreApplication.translate("VerifyWindow", "size only"),
    }
    return words.get(method, method)


def detail_text(detail: str) -> str:
    """The service's own sentences, translated; the system's words (strerror) pass through."""
    changed = "the file changed while it was read"
    no_checksum = "the server shows no checksum that can be compared"
    unknown_parts = "the object was uploaded in parts of unknown size: its checksum cannot be recomputed"
    known = {
        changed: QCoreApplication.translate("VerifyWindow", "the file changed while it was read"),
        no_checksum: QCoreApplication.translate(
            "VerifyWindow", "the server shows no checksum that can be compared"
        ),
        unknown_parts: QCoreApplication.translate(
            "VerifyWindow",
            "the object was uploaded in parts of unknown size: its checksum cannot be recomputed",
        ),
    }
    return known.get(detail, detail)


def key_prefix(prefix: str) -> str:
    p = prefix.strip().lstrip("/")
    return p if not p or p.endswith("/") else p + "/"


def start_problem(folder: str, profile: str, bucket: str, key: str) -> str | None:
    """Why a run cannot start with these inputs (said in the window), or None."""
    if not folder:
        return QCoreApplication.translate("VerifyWindow", "Choose the folder to verify.")
    if not os.path.isdir(folder):
        return arg(
            QCoreApplication.translate("VerifyWindow", "There is no folder %1. Choose a folder that exists."),
            folder,
        )
    if not profile:
        return QCoreApplication.translate("VerifyWindow", "Add a profile first (Tools › Profiles…).")
    if not bucket:
        return QCoreApplication.translate("VerifyWindow", "Enter the bucket the folder was uploaded to.")
    problem = destination_problem(bucket, key)
    if problem is not None:
        return arg(
            QCoreApplication.translate("VerifyWindow", "Cannot verify against that destination: %1."), problem
        )
    return None


# ---- texts of the status and summary lines ------------------------------------------------------


def _then(first: str, second: str) -> str:
    """Two sentences in a row (a space in English, none in Chinese)."""
    return arg(QCoreApplication.translate("VerifyWindow", "%1 %2"), first, second)


def _counted(n: int, one: str, many: str) -> str:
    """English needs two forms; %1 is the number either way."""
    return arg(one if n == 1 else many, f"{n:,}")


def status_text(done: int, total: int, counts: Counter[Verdict]) -> str:
    """``1,234 of 10,000 files · 3 different · 1 missing``."""
    parts = [arg(QCoreApplication.translate("VerifyWindow", "%1 of %2 files"), f"{done:,}", f"{total:,}")]
    words = {
        Verdict.DIFFERENT: QCoreApplication.translate("VerifyWindow", "%1 different"),
        Verdict.MISSING: QCoreApplication.translate("VerifyWindow", "%1 missing"),
        Verdict.ONLY_ON_SERVER: QCoreApplication.translate("VerifyWindow", "%1 only on server"),
        Verdict.UNPROVEN: QCoreApplication.translate("VerifyWindow", "%1 by size only"),
        Verdict.CHANGED: QCoreApplication.translate("VerifyWindow", "%1 changed while read"),
        Verdict.UNREADABLE: QCoreApplication.translate("VerifyWindow", "%1 unreadable"),
        Verdict.FAILED: QCoreApplication.translate("VerifyWindow", "%1 not checked"),
    }
    parts += [arg(text, f"{counts[v]:,}") for v, text in words.items() if counts[v]]
    return " · ".join(parts)


def summary_text(s: Summary, skipped: int) -> str:
    """The outcome of a finished run in people's words."""
    v = s.verdicts
    same, unproven = v[Verdict.SAME], v[Verdict.UNPROVEN]
    problems = []
    if v[Verdict.DIFFERENT]:
        problems.append(
            _counted(
                v[Verdict.DIFFERENT],
                QCoreApplication.translate("VerifyWindow", "1 file differs"),
                QCoreApplication.translate("VerifyWindow", "%1 files differ"),
            )
        )
    if v[Verdict.MISSING]:
        problems.append(
            _counted(
                v[Verdict.MISSING],
                QCoreApplication.translate("VerifyWindow", "1 is missing"),
                QCoreApplication.translate("VerifyWindow", "%1 are missing"),
            )
        )
    if v[Verdict.ONLY_ON_SERVER]:
        problems.append(
            _counted(
                v[Verdict.ONLY_ON_SERVER],
                QCoreApplication.translate("VerifyWindow", "1 object is only on the server"),
                QCoreApplication.translate("VerifyWindow", "%1 objects are only on the server"),
            )
        )
    if v[Verdict.CHANGED]:
        problems.append(
            _counted(
                v[Verdict.CHANGED],
                QCoreApplication.translate("VerifyWindow", "1 changed while it was read"),
                QCoreApplication.translate("VerifyWindow", "%1 changed while they were read"),
            )
        )
    if v[Verdict.UNREADABLE]:
        problems.append(
            _counted(
                v[Verdict.UNREADABLE],
                QCoreApplication.translate("VerifyWindow", "1 cannot be read"),
                QCoreApplication.translate("VerifyWindow", "%1 cannot be read"),
            )
        )
    if v[Verdict.FAILED]:
        problems.append(
            _counted(
                v[Verdict.FAILED],
                QCoreApplication.translate("VerifyWindow", "1 could not be checked"),
                QCoreApplication.translate("VerifyWindow", "%1 could not be checked"),
            )
        )
    if not problems:
        if s.files == 0:
            text = QCoreApplication.translate("VerifyWindow", "The folder holds no files to verify.")
        elif unproven:
            text = arg(
                QCoreApplication.translate(
                    "VerifyWindow",
                    "All %1 files are on the server, unchanged (%2 by checksum, %3 by size only).",
                ),
                f"{s.files:,}",
                f"{same:,}",
                f"{unproven:,}",
            )
        else:
            text = arg(
                QCoreApplication.translate(
                    "VerifyWindow", "All %1 files are on the server, unchanged, each proven by checksum."
                ),
                f"{s.files:,}",
            )
    else:
        text = arg(
            QCoreApplication.translate("VerifyWindow", "%1."),
            QCoreApplication.translate("VerifyWindow", ", ").join(problems),
        )
        if same + unproven:
            text = _then(
                text,
                _counted(
                    same + unproven,
                    QCoreApplication.translate("VerifyWindow", "The other file is unchanged."),
                    QCoreApplication.translate("VerifyWindow", "The other %1 files are unchanged."),
                ),
            )
    if s.stopped:
        text = arg(QCoreApplication.translate("VerifyWindow", "Stopped before the end. So far: %1"), text)
    if skipped:
        text = _then(
            text,
            _counted(
                skipped,
                QCoreApplication.translate(
                    "VerifyWindow",
                    "1 item in the folder was not verified (unreadable, or not a regular file).",
                ),
                QCoreApplication.translate(
                    "VerifyWindow",
                    "%1 items in the folder were not verified (unreadable, or not regular files).",
                ),
            ),
        )
    return text


def error_text(exc: BaseException, bucket: str, profile: str) -> str:
    """A failed run as one sentence saying what to do."""
    if isinstance(exc, SkyliftError):
        why = messages.error_text(exc.code.value) + (f" ({exc.detail})" if exc.detail else "")
        if exc.code is ErrorCode.NO_SUCH_BUCKET:
            return arg(
                QCoreApplication.translate(
                    "VerifyWindow",
                    "The bucket %1 does not exist on the server of profile %2. "
                    "Check its name, then Start again.",
                ),
                bucket,
                profile,
            )
        if exc.code in (ErrorCode.AUTH, ErrorCode.ACCESS_DENIED, ErrorCode.CONFIG):
            return arg(
                QCoreApplication.translate(
                    "VerifyWindow",
                    "The bucket %1 cannot be listed: %2. Check the keys of profile %3 (Tools › Profiles…).",
                ),
                bucket,
                why,
                profile,
            )
        if exc.code is ErrorCode.NETWORK:
            return arg(
                QCoreApplication.translate(
                    "VerifyWindow",
                    "The server of profile %1 cannot be reached: %2. Check the network, then Start again.",
                ),
                profile,
                why,
            )
        return arg(
            QCoreApplication.translate(
                "VerifyWindow", "The bucket %1 cannot be listed: %2. Start again later."
            ),
            bucket,
            why,
        )
    return arg(
        QCoreApplication.translate(
            "VerifyWindow", "Verify stopped: %1. Check the folder and profile %2, then Start again."
        ),
        exc,
        profile,
    )
