"""Settings: transfers, network, behaviour and language. Applied to running transfers on OK."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import ProfileRow
from app.services.settings import Settings
from ui import messages

MiB = 1024 * 1024


def _spin(lo: int, hi: int, value: int, suffix: str = "") -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setValue(value)
    if suffix:
        s.setSuffix(suffix)
    return s


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``result_settings()`` gives it back after OK."""

    def __init__(self, settings: Settings, profiles: list[ProfileRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._s = settings.copy()
        s = self._s
        tabs = QTabWidget()

        t = QWidget()
        f = QFormLayout(t)
        self.concurrency = _spin(1, 64, s.concurrency)
        self.parts_per_file = _spin(1, 16, s.parts_per_file)
        self.parts_per_file.setToolTip(
            self.tr("Parts of one large file sent at once; small files go up in one request each")
        )
        self.concurrency.setToolTip(self.tr("Files uploading at the same time; the others wait in the queue"))
        self.part_size = _spin(1, 5 * 1024, max(1, s.part_size // MiB), " MiB")
        self.threshold = _spin(0, 5 * 1024, s.threshold // MiB, " MiB")
        self.retries = _spin(0, 100, s.retries)
        self.retry_interval = QDoubleSpinBox()
        self.retry_interval.setRange(0.0, 600.0)
        self.retry_interval.setDecimals(1)
        self.retry_interval.setSuffix(self.tr(" s"))
        self.retry_interval.setValue(s.retry_interval)
        # MiB/s, like the status bar's speed and limit: one unit system everywhere.
        self.bwlimit = QDoubleSpinBox()
        self.bwlimit.setRange(0, 100_000)
        self.bwlimit.setDecimals(2)
        self.bwlimit.setSingleStep(0.5)
        self.bwlimit.setValue(round(s.bwlimit / MiB, 2))
        self.bwlimit.setSuffix(" MiB/s")
        self.bwlimit.setSpecialValueText(self.tr("Unlimited"))
        self.conflict = QComboBox()
        for key, label in messages.conflict_labels().items():
            self.conflict.addItem(label, key)
        self.conflict.setCurrentIndex(max(0, self.conflict.findData(s.conflict)))
        f.addRow(self.tr("Files at once:"), self.concurrency)
        f.addRow(self.tr("Parts at once per file:"), self.parts_per_file)
        f.addRow(self.tr("Part size:"), self.part_size)
        f.addRow(self.tr("Multipart from:"), self.threshold)
        f.addRow(self.tr("Retries:"), self.retries)
        f.addRow(self.tr("First retry after:"), self.retry_interval)
        f.addRow(self.tr("Bandwidth limit:"), self.bwlimit)
        f.addRow(self.tr("If the object exists:"), self.conflict)
        tabs.addTab(t, self.tr("Transfers"))

        b = QWidget()
        fb = QFormLayout(b)
        self.auto_resume = QComboBox()
        self.auto_resume.addItem(self.tr("Ask"), False)
        self.auto_resume.addItem(self.tr("Resume automatically"), True)
        self.auto_resume.setCurrentIndex(1 if s.auto_resume else 0)
        self.notifications = QCheckBox(self.tr("Notify when a batch finishes or a transfer fails"))
        self.notifications.setChecked(s.notifications)
        self.keep_awake = QCheckBox(self.tr("Keep the computer awake while uploading"))
        self.keep_awake.setChecked(s.keep_awake)
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "auto")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        fb.addRow(self.tr("Unfinished transfers at start:"), self.auto_resume)
        fb.addRow(self.notifications)
        fb.addRow(self.keep_awake)
        fb.addRow(self.tr("Language:"), self.language)
        note = QLabel(self.tr("A new language takes effect at the next start."))
        note.setEnabled(False)
        fb.addRow("", note)
        tabs.addTab(b, self.tr("Behaviour"))

        n = QWidget()
        fn = QFormLayout(n)
        self.proxy_mode = QComboBox()
        self.proxy_mode.addItem(self.tr("System settings"), "system")
        self.proxy_mode.addItem(self.tr("No proxy"), "none")
        self.proxy_mode.addItem("HTTP", "http")
        self.proxy_mode.addItem("SOCKS5", "socks5")
        self.proxy_mode.setCurrentIndex(max(0, self.proxy_mode.findData(s.proxy_mode)))
        self.proxy_url = QLineEdit(s.proxy_url)
        self.proxy_url.setPlaceholderText("host:port")
        self.ca_bundle = QLineEdit(s.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("System certificates"))
        pick = QPushButton(self.tr("Choose…"))
        pick.setAutoDefault(False)
        pick.clicked.connect(self._on_pick_ca_clicked)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(pick)
        fn.addRow(self.tr("Proxy:"), self.proxy_mode)
        fn.addRow(self.tr("Proxy address:"), self.proxy_url)
        fn.addRow(self.tr("CA bundle:"), ca_row)
        net_note = QLabel(
            self.tr(
                "Proxy and CA changes apply to every request from now on; loopback addresses are "
                "always reached directly."
            )
        )
        net_note.setWordWrap(True)
        net_note.setEnabled(False)
        fn.addRow("", net_note)
        tabs.addTab(n, self.tr("Network"))
        self.proxy_mode.currentIndexChanged.connect(self._on_proxy_mode_changed)
        self._on_proxy_mode_changed()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)
        self.tabs = tabs

    def _on_proxy_mode_changed(self) -> None:
        self.proxy_url.setEnabled(self.proxy_mode.currentData() in ("http", "socks5"))

    def _on_pick_ca_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), "", self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    def result_settings(self) -> Settings:
        s = self._s
        s.concurrency = self.concurrency.value()
        s.parts_per_file = self.parts_per_file.value()
        s.part_size = self.part_size.value() * MiB
        s.threshold = self.threshold.value() * MiB
        s.retries = self.retries.value()
        s.retry_interval = self.retry_interval.value()
        s.bwlimit = round(self.bwlimit.value() * MiB)
        s.conflict = str(self.conflict.currentData())
        s.auto_resume = bool(self.auto_resume.currentData())
        s.notifications = self.notifications.isChecked()
        s.keep_awake = self.keep_awake.isChecked()
        s.language = str(self.language.currentData())
        s.proxy_mode = str(self.proxy_mode.currentData())
        s.proxy_url = self.proxy_url.text().strip()
        s.ca_bundle = self.ca_bundle.text().strip()
        s.sanitize()
        return s
