"""The types of the shared fixtures, one import away. For annotations only: import this module
under ``if TYPE_CHECKING:`` (it pulls in Qt and pytest-qt, whose modules need the plugin set up).

    weed: LocalServer            s3_backend: S3Backend        raw_s3: S3Client
    controller: Controller       window: MainWindow           (gui)
    qapp: QApplication           qtbot: QtBot                 qtmodeltester: ModelTester
    target: Target               oss_gateway: OssGateway      (integration)
"""

from __future__ import annotations

from mypy_boto3_s3.client import S3Client
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.gui.controller import Controller
from app.services.local_server import LocalServer
from engine.backends.s3 import S3Backend
from tests.helpers.oss_gateway import OssGateway
from tests.helpers.rig import Rig
from tests.helpers.targets import Target
from ui.main_window import MainWindow

__all__ = [
    "Controller",
    "LocalServer",
    "MainWindow",
    "ModelTester",
    "OssGateway",
    "QApplication",
    "QtBot",
    "Rig",
    "S3Backend",
    "S3Client",
    "Target",
]
