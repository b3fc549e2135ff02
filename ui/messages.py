"""Engine codes and states in the user's language (the engine only ever reports codes)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.gui.api import ErrorCode, Skipped, SkipReason, State, StorageNotice, format_size


def button_text(text: str) -> str:
    """A menu text as a toolbar button's: no "&" mnemonic, no "(&X)" suffix, no trailing "…"."""
    out = re.sub(r"\s*\(&[^)]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return out.removesuffix("…").removesuffix("...").strip()


def pick(n: int, one: str, many: str) -> str:
    """The singular or plural sentence for ``n``, its placeholders left to the caller."""
    return one if n == 1 else many


def plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both already translated) with ``%1`` as ``n``: "1 file", "2 files"."""
    return (one if n == 1 else many).replace("%1", f"{n:,}")


def state_text(state: State) -> str:
    return {
        State.QUEUED: QCoreApplication.translate("Messages", "Queued"),
        State.RUNNING: QCoreApplication.translate("Messages", "Uploading"),
        State.PAUSING: QCoreApplication.translate("Messages", "Pausing"),
        State.PAUSED: QCoreApplication.translate("Messages", "Paused"),
        State.COMPLETING: QCoreApplication.translate("Messages", "Completing"),
        State.VERIFYING: QCoreApplication.translate("Messages", "Verifying"),
        State.DONE: QCoreApplication.translate("Messages", "Done"),
        State.FAILED: QCoreApplication.translate("Messages", "Failed"),
        State.CANCELLED: QCoreApplication.translate("Messages", "Cancelled"),
    }[state]


def skip_text(item: Skipped) -> str:
    """Why a dropped item was not queued; the system's own words ride along untranslated."""
    if item.code is SkipReason.UNREADABLE_FOLDER:
        return QCoreApplication.translate("Messages", "this folder cannot be read (%1)").replace(
            "%1", item.detail
        )
    if item.code is SkipReason.UNREADABLE_FILE:
        return QCoreApplication.translate("Messages", "this file cannot be read (%1)").replace(
            "%1", item.detail
        )
    if item.code is SkipReason.LINKED_FOLDER:
        return QCoreApplication.translate("Messages", "a link to a folder, not followed")
    if item.code is SkipReason.BROKEN_LINK:
        return QCoreApplication.translate("Messages", "a link that leads nowhere")
    if item.code is SkipReason.NAME_NOT_UTF8:
        return QCoreApplication.translate("Messages", "the name is not valid UTF-8; rename the file")
    if item.code is SkipReason.BAD_KEY:
        return QCoreApplication.translate(
            "Messages", "the name cannot be an object key (%1); rename the file"
        ).replace("%1", item.detail)
    return QCoreApplication.translate("Messages", "not a regular file (a pipe, socket or device)")


def error_text(code: str) -> str:
    """A short sentence for the error column; unknown codes fall back to the code itself."""
    texts = {
        ErrorCode.FILE_CHANGED: QCoreApplication.translate(
            "Messages", "The file changed since it was queued"
        ),
        ErrorCode.FILE_MISSING: QCoreApplication.translate("Messages", "The file no longer exists"),
        ErrorCode.FILE_UNREADABLE: QCoreApplication.translate("Messages", "The file cannot be read"),
        ErrorCode.NETWORK: QCoreApplication.translate("Messages", "The server cannot be reached"),
        ErrorCode.AUTH: QCoreApplication.translate("Messages", "The credentials were rejected"),
        ErrorCode.NO_SUCH_BUCKET: QCoreApplication.translate("Messages", "The bucket does not exist"),
        ErrorCode.ACCESS_DENIED: QCoreApplication.translate("Messages", "Access denied"),
        ErrorCode.SERVER: QCoreApplication.translate("Messages", "The server reported an error"),
        ErrorCode.INTEGRITY: QCoreApplication.translate("Messages", "The uploaded data did not verify"),
        ErrorCode.TOO_LARGE: QCoreApplication.translate("Messages", "The file is too large for this storage"),
        ErrorCode.STREAM_NOT_RESUMABLE: QCoreApplication.translate("Messages", "A stream cannot be resumed"),
        ErrorCode.ABORT_FAILED: QCoreApplication.translate("Messages", "The server did not abort the upload"),
        ErrorCode.CONFIG: QCoreApplication.translate("Messages", "The storage rejected the request"),
        ErrorCode.INTERNAL: QCoreApplication.translate("Messages", "Internal error"),
        ErrorCode.CHECKPOINT: QCoreApplication.translate(
            "Messages", "The checkpoint cannot be written (disk full?); stopped, resume later"
        ),
        ErrorCode.KEY_NEEDED: QCoreApplication.translate(
            "Messages", "This upload is encrypted with a customer key; give the key again to resume"
        ),
    }
    try:
        return texts[ErrorCode(code)]
    except ValueError:
        return code


def kept_text(code: str) -> str:
    """Why the move option kept a file (codes of ``app.services.move.Why``)."""
    return {
        "changed": QCoreApplication.translate("Messages", "the file changed after it was uploaded"),
        "unproven": QCoreApplication.translate(
            "Messages", "the server cannot prove the object holds the same bytes"
        ),
        "missing": QCoreApplication.translate("Messages", "the object is not on the server"),
        "different": QCoreApplication.translate("Messages", "the object on the server is not this file"),
        "unreachable": QCoreApplication.translate(
            "Messages", "the server did not answer; it is tried again later"
        ),
        "stopped": QCoreApplication.translate(
            "Messages", "Skylift closed before the file could be deleted; it is tried again later"
        ),
    }.get(code, QCoreApplication.translate("Messages", "its object could not be checked (see the log)"))


def notice_text(code: str) -> str:
    """A status-bar sentence for the controller's ``notice`` codes; unknown codes as they are."""
    texts = {
        StorageNotice.RESTARTED: QCoreApplication.translate(
            "Messages", "The built-in storage stopped unexpectedly and was restarted"
        ),
        StorageNotice.RESTART_FAILED: QCoreApplication.translate(
            "Messages", "The built-in storage stopped unexpectedly and could not be restarted; see the log"
        ),
    }
    try:
        return texts.get(StorageNotice(code), code)
    except ValueError:
        return code


_SERVER_CODE = re.compile(r"^([A-Za-z][A-Za-z.]+):")


def people_text(code: str, detail: str) -> str:
    """What went wrong and what to do, in the user's language, from the service's own error code
    (the first word of ``detail``) where there is one, else from the engine's code."""
    m = _SERVER_CODE.match(detail or "")
    server = m.group(1) if m else ""
    low = (detail or "").lower()
    if server == "InvalidAccessKeyId" or server == "AccessKeyIdMissing":
        return QCoreApplication.translate(
            "Messages", "The access key was refused — check the access key id in Profiles"
        )
    if server == "SignatureDoesNotMatch":
        return QCoreApplication.translate(
            "Messages", "The secret key does not match the access key — check the secret in Profiles"
        )
    if server in ("ExpiredToken", "SecurityTokenExpired", "InvalidToken", "InvalidSecurityToken"):
        return QCoreApplication.translate(
            "Messages", "The session token has expired or is invalid — renew it in Profiles"
        )
    if server == "RequestTimeTooSkewed":
        return QCoreApplication.translate(
            "Messages", "This computer's clock is wrong — set the date and time automatically"
        )
    if server in ("AccessDenied", "AllAccessDisabled", "Forbidden"):
        return QCoreApplication.translate(
            "Messages", "This key may not write here — ask for write access to the bucket"
        )
    if server == "NoSuchBucket":
        return QCoreApplication.translate(
            "Messages", "The bucket does not exist — check its name or create it"
        )
    if server in ("SlowDown", "Throttling", "TooManyRequests", "RequestLimitExceeded"):
        return QCoreApplication.translate(
            "Messages", "The server asked for fewer requests — Skylift slowed down and tries again"
        )
    if server == "EntityTooLarge":
        return QCoreApplication.translate(
            "Messages", "The file is larger than this storage accepts in one object"
        )
    if server in ("InvalidStorageClass", "InvalidArgument") and "storage" in low:
        return QCoreApplication.translate(
            "Messages", "This storage does not offer that storage class — choose another in Settings"
        )
    if code == ErrorCode.NETWORK.value:
        if "certificate" in low:
            return QCoreApplication.translate(
                "Messages",
                "The server's certificate is not trusted — add its authority in Settings › Network",
            )
        if "refused" in low:
            return QCoreApplication.translate(
                "Messages", "The server refused the connection — is it running, and is the endpoint right?"
            )
        if "timed out" in low:
            return QCoreApplication.translate(
                "Messages", "The server stopped answering — Skylift tries again"
            )
        if "name or service not known" in low or "nodename nor servname" in low or "resolve" in low:
            return QCoreApplication.translate(
                "Messages", "The server's name cannot be found — check the endpoint and the network"
            )
    return error_text(code) if code else ""


def error_tooltip(code: str, detail: str) -> str:
    """The full story: the sentence in people's words, then the server's own (code, request id)."""
    if not code:
        return ""
    out = people_text(code, detail)
    if detail:
        out += "\n\n" + detail
    return out


def speed_text(bps: float) -> str:
    return QCoreApplication.translate("Messages", "%1/s").replace("%1", format_size(bps)) if bps >= 1 else ""


def eta_text(seconds: float | None) -> str:
    if seconds is None or seconds < 0 or seconds > 365 * 86400:
        return ""
    s = int(seconds + 0.5)
    if s < 60:
        return QCoreApplication.translate("Messages", "%1 s").replace("%1", str(s))
    if s < 3600:
        return (
            QCoreApplication.translate("Messages", "%1 min %2 s")
            .replace("%1", str(s // 60))
            .replace("%2", str(s % 60))
        )
    return (
        QCoreApplication.translate("Messages", "%1 h %2 min")
        .replace("%1", str(s // 3600))
        .replace("%2", str(s % 3600 // 60))
    )


def conflict_labels() -> dict[str, str]:
    return {
        "overwrite": QCoreApplication.translate("Messages", "Overwrite"),
        "skip-same": QCoreApplication.translate("Messages", "Skip if the content is the same"),
        "rename": QCoreApplication.translate("Messages", "Keep both (rename)"),
        "ask": QCoreApplication.translate("Messages", "Ask for each"),
    }
