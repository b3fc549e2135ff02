"""The compact "upload to" panel shown after a drop or Add Files / Add Folder."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.api import PROVIDERS, ObjectOptions, OptionError, format_size
from app.gui.controller import Controller
from app.gui.uploads import Survey, UploadRequest, survey
from app.services.core import destination_problem
from app.services.settings import SavedDestination
from ui import messages
from ui.object_options import ObjectOptionsBox


def _patterns(text: str) -> list[str]:
    return [p for p in text.replace(",", " ").split() if p]


class DropPanel(QDialog):
    """Asks where dropped paths go; ``request()`` gives the answer. Remembers the destination."""

    def __init__(self, controller: Controller, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upload to"))
        self._controller = controller
        self.paths = paths
        s = controller.settings
        folders = sum(1 for p in paths if os.path.isdir(p))
        files = len(paths) - folders
        summary = QLabel(self._summary(files, folders))
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: "1,234 files · 5.6 GiB", counted off the GUI thread; then the first object's key.
        self.totals = QLabel(self.tr("Counting files…"))
        self.preview = QLabel()
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setWordWrap(True)
        self._survey: Survey | None = None
        #: Shown when the prefix was filled in from this bucket's last upload.
        self.prefix_note = QLabel()
        self.prefix_note.setVisible(False)

        self.profile = QComboBox()
        for row in controller.core.profiles.all():
            self.profile.addItem(row.name, row.name)
        self.bucket = QComboBox()
        self.bucket.setEditable(True)
        self.bucket.setMinimumContentsLength(18)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setAutoDefault(False)
        bucket_row = QHBoxLayout()
        bucket_row.addWidget(self.bucket, 1)
        bucket_row.addWidget(self.browse)
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("folder/in/bucket/ (optional)"))
        self.conflict = QComboBox()
        for key, label in messages.conflict_labels().items():
            self.conflict.addItem(label, key)
        self.storage_class = QComboBox()

        form = QFormLayout()
        form.addRow(self.tr("Profile:"), self.profile)
        form.addRow(self.tr("Bucket:"), bucket_row)
        form.addRow(self.tr("Prefix:"), self.prefix)
        form.addRow("", self.prefix_note)
        form.addRow(self.tr("First object:"), self.preview)
        form.addRow(self.tr("If the object exists:"), self.conflict)
        form.addRow(self.tr("Storage class:"), self.storage_class)

        self.folder_box = QGroupBox(self.tr("Folders (their tree is kept)"))
        ff = QFormLayout(self.folder_box)
        self.include = QLineEdit(" ".join(s.include))
        self.include.setPlaceholderText(self.tr("e.g. *.jpg *.png (empty: everything)"))
        self.exclude = QLineEdit(" ".join(s.exclude))
        self.exclude.setPlaceholderText(self.tr("e.g. .git *.tmp"))
        self.empty_folders = QCheckBox(self.tr("Create empty folders too"))
        self.empty_folders.setChecked(s.empty_folders)
        ff.addRow(self.tr("Include:"), self.include)
        ff.addRow(self.tr("Exclude:"), self.exclude)
        ff.addRow(self.empty_folders)
        self.folder_box.setVisible(folders > 0)

        #: Not remembered between drops: deleting files is asked for each time.
        self.move_files = QCheckBox(self.tr("Delete the local files once uploaded and verified (move)"))
        self.move_files.setToolTip(
            self.tr(
                "Each file is deleted only after its object is complete and the server's checksum "
                "proves it holds the file's bytes, and the file has not changed since."
            )
        )

        self.options = ObjectOptionsBox()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.upload = buttons.addButton(self.tr("Upload"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.upload.setDefault(True)
        # Enter in a field means Upload: an autoDefault Cancel took the default as the focus
        # passed it (Tab to the prefix) and Enter then dropped the whole drop.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        #: Why the destination as typed cannot be used (Upload stays disabled until it can).
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setVisible(False)

        lay = QVBoxLayout(self)
        lay.addWidget(summary)
        lay.addWidget(self.totals)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(self.folder_box)
        lay.addWidget(self.move_files)
        lay.addWidget(self.options)
        lay.addWidget(buttons)

        last = s.last_destination
        i = self.profile.findData(last.profile)
        self.profile.setCurrentIndex(max(0, i))
        self._on_profile_changed()
        if last.profile == self.profile.currentData():
            self.bucket.setEditText(last.bucket)
        self._fill_prefix()
        self.conflict.setCurrentIndex(max(0, self.conflict.findData(s.conflict)))
        j = self.storage_class.findText(s.storage_class)
        if j >= 0:
            self.storage_class.setCurrentIndex(j)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        self.bucket.editTextChanged.connect(self._on_bucket_edited)
        self.bucket.currentTextChanged.connect(lambda _t: self._fill_prefix())
        self.prefix.textChanged.connect(self._on_bucket_edited)
        self.prefix.textEdited.connect(lambda _t: self.prefix_note.setVisible(False))
        self.include.editingFinished.connect(self._count)
        self.exclude.editingFinished.connect(self._count)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.options.changed.connect(lambda: self._on_bucket_edited(""))
        self._on_bucket_edited(self.bucket.currentText())
        self._count()

    # ---- what the drop holds, and where its first file lands -------------------------------------
    def _count(self) -> None:
        paths, inc, exc = list(self.paths), _patterns(self.include.text()), _patterns(self.exclude.text())
        self._controller.run_async(lambda: survey(paths, inc, exc), self._on_counted)

    def _on_counted(self, result: object) -> None:
        if not isinstance(result, Survey):
            self.totals.setText("")
            return
        self._survey = result
        n = f"{result.files:,}" + ("+" if not result.complete else "")
        files = messages.pick(result.files, self.tr("%1 file"), self.tr("%1 files")).replace("%1", n)
        self.totals.setText(f"<b>{files} · {format_size(result.bytes)}</b>")
        self._show_preview()

    def _show_preview(self) -> None:
        if self._survey is None or not self._survey.first_key:
            self.preview.setText("")
            return
        where = f"{self.bucket.currentText().strip()}/{self.request().key_prefix}{self._survey.first_key}"
        self.preview.setText(f"<code>{html.escape(where)}</code>")

    def _fill_prefix(self) -> None:
        """The prefix last used with this bucket, said so, and selected: typing replaces it."""
        profile, bucket = str(self.profile.currentData()), self.bucket.currentText().strip()
        s = self._controller.settings
        last = s.last_destination
        fallback = last.prefix if (last.profile, last.bucket) == (profile, bucket) else ""
        remembered = s.prefixes.get(f"{profile}/{bucket}", fallback)
        self.prefix.setText(remembered)
        self.prefix.selectAll()
        self.prefix_note.setText(
            self.tr("Last used in this bucket; type to replace it") if remembered else ""
        )
        self.prefix_note.setVisible(bool(remembered))

    def _summary(self, files: int, folders: int) -> str:
        names = ", ".join(os.path.basename(p.rstrip("/\\")) or p for p in self.paths[:3])
        if len(self.paths) > 3:
            names += ", …"
        parts = []
        if files:
            parts.append(messages.plural(files, self.tr("%1 file"), self.tr("%1 files")))
        if folders:
            parts.append(messages.plural(folders, self.tr("%1 folder"), self.tr("%1 folders")))
        return self.tr("%1: %2").replace("%1", ", ".join(parts)).replace("%2", names)

    def _on_profile_changed(self) -> None:
        name = str(self.profile.currentData() or "")
        self.bucket.clear()
        self.storage_class.clear()
        self.storage_class.addItem(self.tr("Default"), "")
        if not name:
            return
        row = self._controller.core.profiles.get(name)
        prov = PROVIDERS.get(row.provider)
        self.options.prefill(prov.dialect if prov else None, row.upload_defaults)
        for sc in prov.storage_classes if prov else ():
            self.storage_class.addItem(sc, sc)
        if row.default_bucket:
            self.bucket.addItem(row.default_bucket)
        self.bucket.setEditText(row.default_bucket)
        self._controller.list_buckets(name, self._on_buckets_listed)

    def _on_buckets_listed(self, result: object) -> None:
        if not isinstance(result, list):
            return  # no listing (offline, no permission): typing a bucket name still works
        current = self.bucket.currentText()
        self.bucket.blockSignals(True)
        self.bucket.clear()
        self.bucket.addItems([str(b) for b in result])
        self.bucket.setEditText(current or (str(result[0]) if result else ""))
        self.bucket.blockSignals(False)
        self._on_bucket_edited(self.bucket.currentText())

    def _on_bucket_edited(self, _text: str) -> None:
        """Bucket or prefix edited: say at once what the server would refuse or misplace."""
        bucket = self.bucket.currentText().strip()
        problem = destination_problem(bucket, self.request().key_prefix) if bucket else None
        problem = problem or self.options.problem()
        self.problem.setText(self.tr("Cannot upload there: %1").replace("%1", problem) if problem else "")
        self.problem.setVisible(problem is not None)
        self.upload.setEnabled(bool(bucket) and self.profile.count() > 0 and problem is None)
        self._show_preview()

    def _on_browse_clicked(self) -> None:
        from ui.bucket_browser import BucketBrowser

        dlg = BucketBrowser(self._controller, str(self.profile.currentData()), self, pick=True)
        dlg.set_location(self.bucket.currentText().strip(), self.prefix.text().strip())
        if dlg.exec() == QDialog.DialogCode.Accepted:
            bucket, prefix = dlg.picked()
            self.bucket.setEditText(bucket)
            self.prefix.setText(prefix)

    def request(self) -> UploadRequest:
        try:
            content_type, metadata, object_options = self.options.chosen()
        except OptionError:  # said under the form, and Upload is disabled until it is fixed
            content_type, metadata, object_options = "", {}, ObjectOptions()
        return UploadRequest(
            paths=list(self.paths),
            profile=str(self.profile.currentData()),
            bucket=self.bucket.currentText().strip(),
            prefix=self.prefix.text().strip(),
            conflict=str(self.conflict.currentData()),
            storage_class=str(self.storage_class.currentData() or ""),
            include=_patterns(self.include.text()),
            exclude=_patterns(self.exclude.text()),
            empty_folders=self.empty_folders.isChecked(),
            delete_after=self.move_files.isChecked(),
            content_type=content_type,
            metadata=metadata,
            object_options=object_options,
        )

    def remember(self) -> None:
        req = self.request()
        s = self._controller.settings
        s.last_destination = SavedDestination(req.profile, req.bucket, req.prefix)
        s.prefixes[f"{req.profile}/{req.bucket}"] = req.prefix
        s.include, s.exclude, s.empty_folders = req.include, req.exclude, req.empty_folders
        self._controller.save_settings()
