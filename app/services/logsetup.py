"""Rotating log files with secrets and signatures redacted."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from engine.redact import redact


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that, when it cannot be written (a full or read-only disk), says so once on
    stderr: logging's default prints a traceback for every record, and on a full disk that was
    the only thing the user saw."""

    _said = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self._said:
            return
        self._said = True
        exc = sys.exc_info()[1]
        sys.stderr.write(
            f"skylift: cannot write the log file {self.baseFilename}: {exc}; "
            "what cannot be written is left out\n"
        )


def setup_logging(log_dir: Path, verbose: bool = False) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "skylift.log"
    handler = LogFileHandler(path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # botocore's debug log carries headers, including Authorization.
    for noisy in ("botocore", "boto3", "urllib3", "s3transfer", "oss2"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
