"""The "Options" section of the upload panel: headers, ACL, tags, metadata and encryption.

Collapsed by default; prefilled from the profile's upload defaults whenever the profile changes,
so what the user sees is exactly what is sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import OSS_ACLS, S3_ACLS, Dialect, ObjectOptions, OptionError, parse_pair


def _pairs(what: str, text: str) -> dict[str, str]:
    return dict(parse_pair(what, line) for line in text.splitlines() if line.strip())


def _lines(pairs: dict[str, Any]) -> str:
    return "\n".join(f"{k}={v}" for k, v in pairs.items())


class ObjectOptionsBox(QWidget):
    #: Any field edited: the panel asks ``problem()`` again.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Defaults the section does not show (content-encoding): sent as the command line would.
        self._hidden: dict[str, str] = {}
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Options"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.body = QWidget()
        self.body.setVisible(False)

        self.content_type = QLineEdit()
        self.content_type.setPlaceholderText(self.tr("guessed from each file name"))
        self.cache_control = QLineEdit()
        self.cache_control.setPlaceholderText(self.tr("e.g. max-age=3600"))
        self.content_disposition = QLineEdit()
        self.content_disposition.setPlaceholderText(self.tr("e.g. attachment"))
        self.acl = QComboBox()
        self.tags = QPlainTextEdit()
        self.tags.setPlaceholderText(self.tr("one key=value per line"))
        self.tags.setFixedHeight(54)
        self.metadata = QPlainTextEdit()
        self.metadata.setPlaceholderText(self.tr("one key=value per line"))
        self.metadata.setFixedHeight(54)
        self.encryption = QComboBox()
        self.encryption.addItem(self.tr("None"), "")
        self.encryption.addItem(self.tr("AES-256 (keys managed by the storage)"), "aes256")
        self.encryption.addItem(self.tr("KMS"), "kms")
        self.kms_key_id = QLineEdit()
        self.kms_key_id.setPlaceholderText(self.tr("KMS key id (empty: the default key)"))

        form = QFormLayout(self.body)
        form.addRow(self.tr("Content type:"), self.content_type)
        form.addRow(self.tr("Cache-Control:"), self.cache_control)
        form.addRow(self.tr("Content-Disposition:"), self.content_disposition)
        form.addRow(self.tr("Access (ACL):"), self.acl)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Metadata:"), self.metadata)
        form.addRow(self.tr("Encryption:"), self.encryption)
        form.addRow(self.tr("KMS key id:"), self.kms_key_id)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.toggle)
        lay.addWidget(self.body)

        self.toggle.toggled.connect(self._on_toggled)
        self.encryption.currentIndexChanged.connect(self._on_encryption_changed)
        for edit in (self.content_type, self.cache_control, self.content_disposition, self.kms_key_id):
            edit.textChanged.connect(self.changed)
        for text in (self.tags, self.metadata):
            text.textChanged.connect(self.changed)
        self.acl.currentIndexChanged.connect(self.changed)
        self._on_encryption_changed()

    def _on_toggled(self, on: bool) -> None:
        self.body.setVisible(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _on_encryption_changed(self) -> None:
        self.kms_key_id.setEnabled(self.encryption.currentData() == "kms")
        self.changed.emit()

    def prefill(self, dialect: Dialect | None, defaults: dict[str, Any]) -> None:
        """The profile's ACL choices and upload defaults (an SSE-C default is never kept)."""
        self.acl.clear()
        self.acl.addItem(self.tr("Bucket default"), "")
        for name in OSS_ACLS if dialect is Dialect.OSS else S3_ACLS:
            self.acl.addItem(name, name)
        self.content_type.setText(str(defaults.get("content_type", "")))
        self.cache_control.setText(str(defaults.get("cache_control", "")))
        self.content_disposition.setText(str(defaults.get("content_disposition", "")))
        self.acl.setCurrentIndex(max(0, self.acl.findData(str(defaults.get("acl", "")))))
        self.tags.setPlainText(_lines(dict(defaults.get("tags") or {})))
        self.metadata.setPlainText(_lines(dict(defaults.get("metadata") or {})))
        self.encryption.setCurrentIndex(max(0, self.encryption.findData(str(defaults.get("sse", "")))))
        self.kms_key_id.setText(str(defaults.get("kms_key_id", "")))
        self._hidden = {"content_encoding": str(defaults.get("content_encoding", ""))}

    def chosen(self) -> tuple[str, dict[str, str], ObjectOptions]:
        """(content type, metadata, options); raises ``OptionError`` naming the bad entry."""
        sse = str(self.encryption.currentData() or "")
        opts = ObjectOptions(
            cache_control=self.cache_control.text().strip(),
            content_disposition=self.content_disposition.text().strip(),
            content_encoding=self._hidden.get("content_encoding", ""),
            acl=str(self.acl.currentData() or ""),
            tags=_pairs(self.tr("Tag"), self.tags.toPlainText()),
            sse=sse,
            kms_key_id=self.kms_key_id.text().strip() if sse == "kms" else "",
        )
        meta = _pairs(self.tr("Metadata"), self.metadata.toPlainText())
        for k, v in meta.items():
            if not (k + v).isascii():
                raise OptionError(self.tr("Metadata %1 must be ASCII").replace("%1", f"{k}={v}"))
        return self.content_type.text().strip(), meta, opts

    def problem(self) -> str | None:
        try:
            self.chosen()
        except OptionError as exc:
            return str(exc)
        return None
