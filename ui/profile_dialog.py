"""Profiles: provider preset, endpoint, region, where the credentials come from (a key and secret
with an optional session token, kept in the OS keyring only; an AWS config profile; the
environment), connection test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import (
    LOCAL,
    PROVIDERS,
    KeyringUnavailable,
    ProfileError,
    ProfileRow,
    backend_label,
    backend_name,
    keyring_problem,
)
from app.gui.controller import Controller
from app.services import profile_check
from ui import messages


class ProfileDialog(QDialog):
    """Lists profiles on the left, edits one on the right. Secrets go to the keyring or nowhere."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profiles"))
        self._c = controller
        self.list = QListWidget()
        self.list.setMinimumWidth(140)
        self.new_btn = QPushButton(self.tr("New"))
        self.remove_btn = QPushButton(self.tr("Remove"))
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_btn)
        row.addWidget(self.remove_btn)
        left.addLayout(row)
        self.import_btn = QPushButton(self.tr("Import…"))
        self.import_btn.setToolTip(self.tr("Profiles from the AWS CLI, ossutil or rclone configuration"))
        left.addWidget(self.import_btn)

        self.name = QLineEdit()
        self.provider = QComboBox()
        for p in PROVIDERS.values():
            self.provider.addItem(p.title, p.name)
        self.endpoint = QLineEdit()
        self.region = QLineEdit()
        self.path_style = QCheckBox(self.tr("Path-style addressing"))
        self.key_id = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.source = QComboBox()
        self.source.addItem(self.tr("Access key and secret"), "keys")
        self.source.addItem(self.tr("AWS config profile"), "aws")
        self.source.addItem(self.tr("Environment / default AWS chain"), "env")
        self.source.setToolTip(
            self.tr(
                "An AWS config profile comes from ~/.aws/config and ~/.aws/credentials (roles, SSO "
                "and credential_process included); the environment means AWS_PROFILE or "
                "AWS_ACCESS_KEY_ID (OSS_ACCESS_KEY_ID for OSS)."
            )
        )
        self.aws_profile = QLineEdit()
        self.aws_profile.setPlaceholderText(self.tr("a profile name in ~/.aws/config"))
        self.session_token = QLineEdit()
        self.session_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.session_token.setPlaceholderText(
            self.tr("only for temporary (STS) keys; kept in the OS keyring")
        )
        self.default_bucket = QLineEdit()
        problem = keyring_problem()
        self.keyring = QLabel()
        self.keyring.setWordWrap(True)
        self.keyring.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.keyring.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if problem:
            self.keyring.setText(self.tr("⚠ No secure keyring: %1").replace("%1", problem))
            self.secret.setEnabled(False)
            self.secret.setPlaceholderText(self.tr("cannot be stored: no secure keyring"))
        else:
            self.keyring.setText(self.tr("Secrets are stored in: %1").replace("%1", backend_label()))
            self.keyring.setToolTip(backend_name())
            self.secret.setPlaceholderText(self.tr("kept in the OS keyring; leave empty to keep"))
        self.test_btn = QPushButton(self.tr("Test Connection"))
        self.test_btn.setAutoDefault(False)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buckets = QListWidget()

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Provider:"), self.provider)
        form.addRow(self.tr("Endpoint:"), self.endpoint)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow("", self.path_style)
        form.addRow(self.tr("Credentials:"), self.source)
        form.addRow(self.tr("AWS profile:"), self.aws_profile)
        form.addRow(self.tr("Access key ID:"), self.key_id)
        form.addRow(self.tr("Secret key:"), self.secret)
        form.addRow(self.tr("Session token:"), self.session_token)
        form.addRow(self.tr("Default bucket:"), self.default_bucket)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_btn)
        test_row.addWidget(self.test_result, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.keyring)
        right.addLayout(test_row)
        right.addWidget(self.buckets, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(body)
        lay.addWidget(self.buttons)

        self.list.currentItemChanged.connect(self._on_current_changed)
        self.provider.currentIndexChanged.connect(self._on_provider_changed)
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.new_btn.clicked.connect(self._on_new_clicked)
        self.remove_btn.clicked.connect(self._on_remove_clicked)
        self.import_btn.clicked.connect(self._on_import_clicked)
        self.test_btn.clicked.connect(self._on_test_clicked)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self._dirty = False
        for edit in (
            self.name,
            self.endpoint,
            self.region,
            self.key_id,
            self.secret,
            self.session_token,
            self.aws_profile,
            self.default_bucket,
        ):
            edit.textEdited.connect(self._mark_dirty)
        for combo in (self.provider, self.source):
            combo.activated.connect(self._mark_dirty)  # the user's choice, not the loading's
        self.path_style.clicked.connect(self._mark_dirty)
        self._reload()
        self.resize(760, 540)

    def _reload(self, select: str = "") -> None:
        self.list.clear()
        for p in self._c.core.profiles.all():
            item = QListWidgetItem(p.name)
            item.setData(Qt.ItemDataRole.UserRole, p.name)
            self.list.addItem(item)
            if p.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)

    def _on_current_changed(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if item is None:
            return
        row = self._c.core.profiles.get(str(item.data(Qt.ItemDataRole.UserRole)))
        self.name.setText(row.name)
        self.provider.setCurrentIndex(max(0, self.provider.findData(row.provider)))
        self.endpoint.setText(row.endpoint)
        self.region.setText(row.region)
        self.path_style.setChecked(row.path_style)
        self.key_id.setText(row.access_key_id)
        self.secret.clear()
        self.session_token.clear()
        self.aws_profile.setText(row.aws_profile)
        source = "aws" if row.aws_profile else "keys" if row.access_key_id else "env"
        self.source.setCurrentIndex(max(0, self.source.findData(source)))
        self.default_bucket.setText(row.default_bucket)
        local = row.name == LOCAL
        for w in (self.name, self.provider, self.endpoint, self.region, self.path_style, self.source):
            w.setEnabled(not local)
        self._on_source_changed()
        if local:
            for w in (self.key_id, self.secret, self.session_token, self.aws_profile):
                w.setEnabled(False)
        self.remove_btn.setEnabled(not local)
        self.test_result.setText(self.tr("Built-in storage on this computer.") if local else "")
        if local:
            server = self._c.core.profiles.local_server
            # Its port is chosen at each start: the address it has now, said as such.
            self.endpoint.setText(server.endpoint if server is not None else "")
            self.endpoint.setPlaceholderText(self.tr("started when first used"))
            self.test_result.setText(
                self.tr(
                    "Built-in storage on this computer, now at %1 (the port changes at each start)."
                ).replace("%1", server.endpoint)
                if server is not None
                else self.tr("Built-in storage on this computer; it starts when first used.")
            )
        else:
            self.endpoint.setPlaceholderText("")
        self.buckets.clear()
        self._dirty = False

    def _on_provider_changed(self) -> None:
        prov = PROVIDERS.get(str(self.provider.currentData()))
        if prov is None:
            return
        self.endpoint.setPlaceholderText(prov.endpoint_template or self.tr("https://…"))
        self.region.setPlaceholderText(prov.default_region)
        self.path_style.setChecked(prov.path_style)

    def _source(self) -> str:
        return str(self.source.currentData())

    def _on_source_changed(self) -> None:
        """Only the fields of the chosen source can be typed in: the others would be ignored."""
        keys = self._source() == "keys"
        self.key_id.setEnabled(keys)
        self.secret.setEnabled(keys and keyring_problem() is None)
        self.session_token.setEnabled(keys and keyring_problem() is None)
        self.aws_profile.setEnabled(self._source() == "aws")

    def _on_new_clicked(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        fields = (self.name, self.endpoint, self.region, self.key_id, self.secret, self.default_bucket)
        for w in (*fields, self.session_token, self.aws_profile):
            w.clear()
            w.setEnabled(True)
        for w2 in (self.provider, self.path_style, self.source):
            w2.setEnabled(True)
        self.source.setCurrentIndex(0)
        self._on_source_changed()
        self.provider.setCurrentIndex(0)
        self.remove_btn.setEnabled(False)
        self.test_result.clear()
        self.name.setFocus()

    def _on_remove_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        if (
            QMessageBox.question(self, self.tr("Remove profile"), self.tr("Remove %1?").replace("%1", name))
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            self._c.core.profiles.remove(name)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Remove profile"), str(exc))
        self._reload()

    def _on_import_clicked(self) -> None:
        from ui.import_dialog import ImportDialog

        ImportDialog(self._c, self).exec()
        self._reload(self.name.text().strip())

    def _on_test_clicked(self) -> None:
        self.test_result.setText(self.tr("Connecting…"))
        self.test_btn.setEnabled(False)
        self.buckets.clear()
        keys = self._source() == "keys"
        args = (
            self._c.core.profiles,
            self.name.text().strip(),
            str(self.provider.currentData()),
            self.endpoint.text().strip(),
            self.region.text().strip(),
            self.key_id.text().strip() if keys else "",
            self.secret.text() if keys else "",
            self.path_style.isChecked(),
            self._c.settings.network_options(),
            self.session_token.text().strip() if keys else "",
            self.aws_profile.text().strip() if self._source() == "aws" else "",
        )
        self._c.run_async(lambda: profile_check.test_connection(*args), self._on_tested)

    def _on_tested(self, result: object) -> None:
        self.test_btn.setEnabled(True)
        if isinstance(result, Exception):
            self.test_result.setText(self.tr("Failed: %1").replace("%1", str(result)))
            return
        names = [str(b) for b in result] if isinstance(result, list) else []
        self.test_result.setText(
            messages.plural(len(names), self.tr("Connected: %1 bucket"), self.tr("Connected: %1 buckets"))
        )
        self.buckets.addItems(names)

    def _on_save(self) -> bool:
        name = self.name.text().strip()
        if name == LOCAL:
            self._c.core.store.save_profile(
                self._replace_default_bucket(
                    self._c.core.profiles.get(LOCAL), self.default_bucket.text().strip()
                )
            )
            self.test_result.setText(self.tr("Saved."))
            self._dirty = False
            return True
        keys = self._source() == "keys"
        secret = self.secret.text() if keys else ""
        key_id = self.key_id.text().strip() if keys else ""
        token = self.session_token.text().strip() if keys else ""
        aws_profile = self.aws_profile.text().strip() if self._source() == "aws" else ""
        try:
            existing = None
            try:
                existing = self._c.core.profiles.get(name)
            except ProfileError:
                pass
            if keys and not secret and existing is not None and existing.keyring_ref:
                # Keep the stored secret: re-saving would need it in clear text again.
                self._c.core.profiles.add(
                    name,
                    str(self.provider.currentData()),
                    self.endpoint.text().strip(),
                    self.region.text().strip(),
                    key_id,
                    None,
                    self.path_style.isChecked(),
                    self.default_bucket.text().strip(),
                    session_token=token or None,
                )
                fresh = self._c.core.profiles.get(name)
                fresh.keyring_ref = existing.keyring_ref
                self._c.core.store.save_profile(fresh)
            else:
                self._c.core.profiles.add(
                    name,
                    str(self.provider.currentData()),
                    self.endpoint.text().strip(),
                    self.region.text().strip(),
                    key_id,
                    secret or None,
                    self.path_style.isChecked(),
                    self.default_bucket.text().strip(),
                    aws_profile=aws_profile,
                    session_token=token or None,
                )
        except (ProfileError, KeyringUnavailable, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save profile"), str(exc))
            return False
        self.secret.clear()
        self.session_token.clear()
        self.test_result.setText(self.tr("Saved."))
        self._dirty = False
        self._reload(name)
        return True

    # ---- unsaved edits ---------------------------------------------------------------------------
    def _mark_dirty(self, *_: object) -> None:
        self._dirty = True

    def _settle_edits(self) -> bool:
        """Unsaved edits: ask to save or discard them; False when the user chose to stay."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to profile %1?").replace("%1", self.name.text().strip() or "…"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self._on_save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            return True
        return False

    def reject(self) -> None:
        if self._settle_edits():
            super().reject()

    @staticmethod
    def _replace_default_bucket(row: ProfileRow, bucket: str) -> ProfileRow:
        row.default_bucket = bucket or row.default_bucket
        return row
