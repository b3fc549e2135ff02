"""Engine codes and states in the user's language (the engine only ever reports codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui_api import ErrorCode, State, format_size


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def state_text(state: State) -> str:
    return {
        State.QUEUED: _t("Queued"),
        State.RUNNING: _t("Uploading"),
        State.PAUSING: _t("Pausing"),
        State.PAUSED: _t("Paused"),
        State.COMPLETING: _t("Completing"),
        State.VERIFYING: _t("Verifying"),
        State.DONE: _t("Done"),
        State.FAILED: _t("Failed"),
        State.CANCELLED: _t("Cancelled"),
    }[state]


def error_text(code: str) -> str:
    """A short sentence for the error column; unknown codes fall back to the code itself."""
    texts = {
        ErrorCode.FILE_CHANGED: _t("The file changed since it was queued"),
        ErrorCode.FILE_MISSING: _t("The file no longer exists"),
        ErrorCode.FILE_UNREADABLE: _t("The file cannot be read"),
        ErrorCode.NETWORK: _t("The server cannot be reached"),
        ErrorCode.AUTH: _t("The credentials were rejected"),
        ErrorCode.NO_SUCH_BUCKET: _t("The bucket does not exist"),
        ErrorCode.ACCESS_DENIED: _t("Access denied"),
        ErrorCode.SERVER: _t("The server reported an error"),
        ErrorCode.INTEGRITY: _t("The uploaded data did not verify"),
        ErrorCode.TOO_LARGE: _t("The file is too large for this storage"),
        ErrorCode.STREAM_NOT_RESUMABLE: _t("A stream cannot be resumed"),
        ErrorCode.ABORT_FAILED: _t("The server did not abort the upload"),
        ErrorCode.CONFIG: _t("The storage rejected the request"),
        ErrorCode.INTERNAL: _t("Internal error"),
    }
    try:
        return texts[ErrorCode(code)]
    except ValueError:
        return code


def error_tooltip(code: str, detail: str) -> str:
    """The full story: translated summary, then the server's message (with its request id)."""
    if not code:
        return ""
    out = error_text(code)
    if detail:
        out += "\n" + detail
    return out


def speed_text(bps: float) -> str:
    return _t("%1/s").replace("%1", format_size(bps)) if bps >= 1 else ""


def eta_text(seconds: float | None) -> str:
    if seconds is None or seconds < 0 or seconds > 365 * 86400:
        return ""
    s = int(seconds + 0.5)
    if s < 60:
        return _t("%1 s").replace("%1", str(s))
    if s < 3600:
        return _t("%1 min %2 s").replace("%1", str(s // 60)).replace("%2", str(s % 60))
    return _t("%1 h %2 min").replace("%1", str(s // 3600)).replace("%2", str(s % 3600 // 60))


def conflict_labels() -> dict[str, str]:
    return {
        "overwrite": _t("Overwrite"),
        "skip": _t("Skip if same size and date"),
        "rename": _t("Keep both (rename)"),
        "ask": _t("Ask for each"),
    }
