"""Bad input as typed: command-line options, names and ids refused before any byte moves (exit 2,
a message naming the problem and what to do), and the same in the window's dialogs (real widgets).

On the command line no server is contacted: the profiles point at a port where nothing listens,
so a check that came too late would fail with a connection message instead of the expected one.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.reliability.checks import said
from tests.reliability.tally import Tally

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, LocalServer, QApplication, QtBot

pytestmark = pytest.mark.integration

UP = ["upload", "README.md", "sw:bkt/x"]
OSS_UP = ["upload", "README.md", "o:bkt/x"]
HUGE = "9" * 400  # more digits than a float holds

#: (case, arguments, words the message must hold: the problem, then what to do)
CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "missing source",
        ["upload", "nope.bin", "sw:bkt/"],
        ["no such file or folder: nope.bin", "check the path"],
    ),
    (
        "unknown profile",
        ["upload", "README.md", "ghost:bkt/x"],
        ["no profile named 'ghost'", "profile add ghost"],
    ),
    ("unknown profile removed", ["profile", "remove", "ghost"], ["no profile named 'ghost'", "profile add"]),
    ("no bucket", ["upload", "README.md", "sw:"], ["PROFILE:BUCKET"]),
    ("invalid bucket name", ["upload", "README.md", "sw:Bad_Bucket!/x"], ["not a bucket name", "use 3-"]),
    (
        "unknown provider",
        ["profile", "add", "x", "--provider", "nope"],
        ["invalid choice: 'nope'", "choose from"],
    ),
    (
        "endpoint without a scheme",
        ["profile", "add", "x", "--provider", "s3", "--endpoint", "127.0.0.1:9"],
        ["'127.0.0.1:9' is not an endpoint URL", "http://"],
    ),
    (
        "endpoint with another scheme",
        ["profile", "add", "x", "--provider", "s3", "--endpoint", "ftp://h"],
        ["'ftp://h' is not an endpoint URL", "http://"],
    ),
    ("resume without ids", ["resume"], ["name transfer IDs", "--all"]),
    (
        "unknown transfer resumed",
        ["resume", "99999"],
        ["no unfinished transfer with id 99999", "skylift list"],
    ),
    (
        "unknown transfer restarted",
        ["restart", "99999"],
        ["no unfinished transfer with id 99999", "skylift list"],
    ),
    (
        "unknown transfer cancelled",
        ["cancel", "99999"],
        ["no unfinished transfer with id 99999", "skylift list"],
    ),
    ("no destination", ["upload", "README.md"], ["needs at least one SRC and a DEST", "PROFILE:BUCKET"]),
    (
        "profile named like the built-in",
        ["profile", "add", "local", "--provider", "s3", "--endpoint", "http://h"],
        ["'local' is the built-in local storage", "choose another name"],
    ),
    (
        "provider without an endpoint",
        ["profile", "add", "x", "--provider", "r2"],
        ["'r2' needs --endpoint URL"],
    ),
    (
        "secret without a key id",
        ["profile", "add", "x", "--provider", "s3", "--endpoint", "http://h", "--secret-stdin"],
        ["a secret needs an access key id", "pass --access-key-id"],
    ),
    (
        "empty secret on stdin",
        [
            "profile",
            "add",
            "x",
            "--provider",
            "s3",
            "--endpoint",
            "http://h",
            "--access-key-id",
            "AK",
            "--secret-stdin",
        ],
        ["--secret-stdin read an empty line", "pipe the secret key in"],
    ),
    (
        "price not a number",
        ["stale", "sw:bkt", "--price-per-gb-month", "nan"],
        ["takes a price of 0 or more", "e.g. 0.023"],
    ),
    ("price infinite", ["stale", "sw:bkt", "--price-per-gb-month", "inf"], ["takes a price of 0 or more"]),
    (
        "price negative",
        ["stale", "sw:bkt", "--price-per-gb-month=-1"],
        ["takes a price of 0 or more", "e.g. 0.023"],
    ),
    (
        "transfer id not a number",
        ["cancel", "first"],
        ["transfer ids are numbers, not 'first'", "skylift list"],
    ),
    ("stdin into a prefix", ["upload", "-", "sw:bkt/"], ["needs a full object key in DEST"]),
    (
        "stdin mixed with files",
        ["upload", "-", "README.md", "sw:bkt/"],
        ["cannot be mixed", "another command"],
    ),
    (
        "part size not a size",
        [*UP, "--part-size", "8 parsecs"],
        ["not a size: '8 parsecs'", "write e.g. 8MiB"],
    ),
    ("part size 0", [*UP, "--part-size", "0"], ["--part-size must be more than 0"]),
    ("part size negative", [*UP, "--part-size=-5MiB"], ["not a size: '-5MiB'", "write e.g."]),
    ("part size overflows", [*UP, "--part-size", HUGE], ["not a size", "write e.g."]),
    ("part size below S3's", [*UP, "--part-size", "1MiB"], ["--part-size 1.0 MiB", "5.0 MiB to 5.0 GiB"]),
    ("part size above S3's", [*UP, "--part-size", "6GiB"], ["--part-size 6.0 GiB", "5.0 MiB to 5.0 GiB"]),
    (
        "part size below OSS's",
        [*OSS_UP, "--part-size", "50KB"],
        ["--part-size 48.8 KiB", "100.0 KiB to 5.0 GiB"],
    ),
    (
        "part size above OSS's",
        [*OSS_UP, "--part-size", "6GB"],
        ["--part-size 5.6 GiB", "100.0 KiB to 5.0 GiB"],
    ),
    ("threshold not a size", [*UP, "--threshold", "big"], ["not a size: 'big'", "write e.g."]),
    ("threshold negative", [*UP, "--threshold", "-1"], ["not a size: '-1'", "write e.g."]),
    ("threshold overflows", [*UP, "--threshold", HUGE], ["not a size", "write e.g."]),
    ("bwlimit not a rate", [*UP, "--bwlimit", "fast"], ["not a rate: 'fast'", "write e.g. 10MiB/s"]),
    ("bwlimit negative", [*UP, "--bwlimit=-1MiB/s"], ["not a rate: '-1MiB/s'", "write e.g."]),
    ("bwlimit overflows", [*UP, "--bwlimit", HUGE + "/s"], ["not a rate", "write e.g."]),
    ("concurrency 0", [*UP, "--concurrency", "0"], ["--concurrency must be from 1 to 64"]),
    ("concurrency negative", [*UP, "--concurrency", "-5"], ["--concurrency must be from 1 to 64"]),
    (
        "concurrency huge",
        ["resume", "--all", "--concurrency", "100000"],
        ["--concurrency must be from 1 to 64"],
    ),
    ("concurrency not a number", [*UP, "--concurrency", "many"], ["--concurrency must be from 1 to 64"]),
    ("retries negative", [*UP, "--retries", "-1"], ["--retries must be 0 or more"]),
    ("retries huge", [*UP, "--retries", "1000"], ["--retries must be 0 or more (at most 100)"]),
    ("retries not a number", [*UP, "--retries", "lots"], ["--retries must be 0 or more"]),
    ("retry interval negative", [*UP, "--retry-interval", "-3"], ["--retry-interval must be 0 or more"]),
    (
        "retry interval huge",
        [*UP, "--retry-interval", "99999"],
        ["--retry-interval must be 0 or more seconds (at most 3600)"],
    ),
    ("retry interval nan", [*UP, "--retry-interval", "nan"], ["--retry-interval must be 0 or more"]),
    ("age negative", ["stale", "sw:bkt", "--older-than=-1d"], ["not an age: '-1d'", "write e.g. 30m"]),
    ("age not an age", ["stale", "sw:bkt", "--older-than", "soon"], ["not an age: 'soon'", "write e.g."]),
    ("age huge", ["stale", "sw:bkt", "--older-than", HUGE + "w"], ["not an age", "write e.g."]),
    (
        "age beyond a timedelta",
        ["stale", "sw:bkt", "--older-than", "99999999999w"],
        ["not an age", "write e.g."],
    ),
]


#: Standard input per case; the others get an empty one (never the terminal the tests run in).
STDIN = {"secret without a key id": b"s3cr3t-value\n"}


def _closed_endpoint() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # closed when the block ends


@pytest.fixture(scope="module")
def usage_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("usage") / "home"
    env = dict(os.environ, SKYLIFT_HOME=str(home), PYTHONPATH=str(ROOT))
    env.update(
        AWS_ACCESS_KEY_ID="k", AWS_SECRET_ACCESS_KEY="s", OSS_ACCESS_KEY_ID="k", OSS_ACCESS_KEY_SECRET="s"
    )
    dead = _closed_endpoint()
    run_cli(env, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", dead, check=True)
    run_cli(env, "profile", "add", "o", "--provider", "oss", "--endpoint", dead, check=True)
    return env


@pytest.mark.parametrize(("case", "args", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_arguments_exit_2_naming_the_problem_and_the_fix(
    case: str, args: list[str], words: list[str], usage_env: dict[str, str], tally: Tally
) -> None:
    tally.tried("bad inputs")
    res = run_cli(usage_env, *args, timeout=60, input=STDIN.get(case, b""))
    out = said(tally, case, res, 2, *words)
    assert "s3cr3t-value" not in out, f"{case}: the secret was shown"
    assert "Connection" not in res.stderr.decode(), f"{case}: checked only after contacting the server"


def test_bad_arguments_leave_no_transfer_behind(usage_env: dict[str, str], tmp_path: Path) -> None:
    """None of the refused commands above queued anything (runs after them: same module)."""
    out = run_cli(usage_env, "list", "--json", check=True).stdout
    assert out.strip() == b"", out


# ---- the window's dialogs -----------------------------------------------------------------------


@pytest.fixture
def controller(
    tmp_path: Path, weed: LocalServer, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Controller]:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from app.services.settings import SavedDestination, Settings

    monkeypatch.setenv("SKYLIFT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    settings = Settings(language="en", notifications=False, keep_awake=False)
    settings.last_destination = SavedDestination("sw", "photos", "")
    c = Controller(resolve_paths(), settings)
    c.core.profiles.add("sw", "seaweedfs", endpoint=weed.endpoint)
    yield c
    c.close(10)


def _warning_text(qtbot: QtBot, act: object) -> str:
    """Run ``act`` (which opens a modal warning), read the warning and close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    said: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        said.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    act()  # type: ignore[operator]
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    return said[0]


PROFILE_CASES = [
    ("dialog: empty profile name", "", "http://127.0.0.1:9000", ["must be non-empty", "type a name"]),
    ("dialog: endpoint without a scheme", "nas", "127.0.0.1:9000", ["not an endpoint URL", "http://HOST"]),
]


@pytest.mark.parametrize(
    ("case", "name", "endpoint", "words"), PROFILE_CASES, ids=[c[0] for c in PROFILE_CASES]
)
def test_the_profile_dialog_refuses_a_bad_profile_and_saves_nothing(
    case: str, name: str, endpoint: str, words: list[str], controller: Controller, qtbot: QtBot, tally: Tally
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.profile_dialog import ProfileDialog

    tally.tried("bad inputs")
    dlg = ProfileDialog(controller)
    qtbot.addWidget(dlg)
    dlg.new_btn.click()
    dlg.name.setText(name)
    dlg.provider.setCurrentIndex(dlg.provider.findData("minio"))
    dlg.endpoint.setText(endpoint)
    save = dlg.buttons.button(QDialogButtonBox.StandardButton.Save)
    text = _warning_text(qtbot, save.click)
    missing = [w for w in words if w not in text]
    assert not missing, f"{case}: {text!r} lacks {missing}"
    assert sorted(p.name for p in controller.core.profiles.all()) == ["local", "sw"], "nothing saved"


def test_the_profile_dialog_test_names_an_endpoint_where_nothing_listens(
    controller: Controller, qtbot: QtBot, tally: Tally
) -> None:
    from ui.profile_dialog import ProfileDialog

    tally.tried("bad inputs")
    dlg = ProfileDialog(controller)
    qtbot.addWidget(dlg)
    dlg.new_btn.click()
    dlg.name.setText("nas")
    dlg.provider.setCurrentIndex(dlg.provider.findData("minio"))
    dead = _closed_endpoint()
    dlg.endpoint.setText(dead)
    dlg.test_btn.click()
    qtbot.waitUntil(lambda: dlg.test_btn.isEnabled(), timeout=30000)
    text = dlg.test_result.text()
    assert f"nothing is listening at {dead}" in text and "check the endpoint" in text, text


PANEL_CASES = [
    ("panel: '..' in the prefix", "photos", "../escape", ["'.' or '..'", "choose a prefix without"]),
    ("panel: control character in the prefix", "photos", "a\tb", ["control characters", "choose a prefix"]),
    ("panel: invalid bucket name", "Bad_Bucket!", "", ["not a bucket name", "use 3-255 letters"]),
]


@pytest.mark.parametrize(("case", "bucket", "prefix", "words"), PANEL_CASES, ids=[c[0] for c in PANEL_CASES])
def test_the_upload_to_panel_says_what_is_wrong_and_will_not_upload(
    case: str,
    bucket: str,
    prefix: str,
    words: list[str],
    controller: Controller,
    qtbot: QtBot,
    tmp_path: Path,
    tally: Tally,
) -> None:
    from ui.drop_panel import DropPanel

    tally.tried("bad inputs")
    src = tmp_path / "a.jpg"
    src.write_bytes(b"a")
    panel = DropPanel(controller, [str(src)], None)
    qtbot.addWidget(panel)
    panel.bucket.setEditText(bucket)
    panel.prefix.setText(prefix)
    assert not panel.upload.isEnabled(), f"{case}: Upload is offered"
    text = panel.problem.text()
    missing = [w for w in words if w not in text]
    assert not missing and not panel.problem.isHidden(), f"{case}: {text!r} lacks {missing}"
    panel.prefix.setText("fine/")
    panel.bucket.setEditText("photos")
    assert panel.upload.isEnabled() and panel.problem.isHidden(), "a good destination is offered again"
