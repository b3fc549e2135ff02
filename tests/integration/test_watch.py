"""``skylift watch``: a folder kept uploaded to the real SeaweedFS, by the real ``skylift`` process
where a process is the point (restart, Ctrl-C, outages), by the watcher itself where its inside
is (events switched off)."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.helpers.cli import json_events, run_cli, start_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.httpfault import HttpFaultProxy

if TYPE_CHECKING:
    from app.services.core import AppCore
    from tests.helpers.fixtures import LocalServer, S3Client

pytestmark = pytest.mark.integration
MiB = 1024 * 1024


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wait_until(cond: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def body_of(raw_s3: S3Client, bucket: str, key: str) -> bytes | None:
    try:
        return raw_s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    except raw_s3.exceptions.NoSuchKey:
        return None


def arrived(raw_s3: S3Client, bucket: str, key: str, data: bytes, timeout: float = 60) -> None:
    """Wait for the object to hold exactly ``data`` (compared by SHA-256, as the issue asks)."""
    want = sha256(data)
    wait_until(lambda: (b := body_of(raw_s3, bucket, key)) is not None and sha256(b) == want, key, timeout)


class Watching:
    """A ``skylift watch`` process whose output is read as it comes (a test waits on lines)."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.proc = start_cli(env, "watch", *args)
        self.out: list[str] = []
        self.err: list[str] = []
        for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _read(stream: Any, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.decode(errors="replace"))

    def said(self, text: str) -> bool:
        return any(text in line for line in self.err + self.out)

    def interrupt(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(60)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(30)

    def text(self) -> str:
        return "".join(self.out + self.err)


@pytest.fixture
def watched(tmp_path: Path) -> Path:
    folder = tmp_path / "shots"
    folder.mkdir()
    return folder


@pytest.fixture
def procs() -> Iterator[list[Watching]]:
    running: list[Watching] = []
    yield running
    for w in running:
        w.kill()


def test_a_new_file_arrives_with_its_bytes_and_ctrl_c_exits_130(
    watched: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client, procs: list[Watching]
) -> None:
    w = Watching(cli_home, str(watched), f"sw:{bucket}/cam", "--settle", "0.5")
    procs.append(w)
    wait_until(lambda: w.said("watching #"), "the watch to start")
    data = os.urandom(300_000)
    (watched / "sub").mkdir()
    (watched / "sub" / "new.bin").write_bytes(data)
    # The key is the one 'skylift upload FOLDER sw:BUCKET/cam' gives: prefix/folder name/path.
    arrived(raw_s3, bucket, "cam/shots/sub/new.bin", data)
    wait_until(lambda: w.said("cam/shots/sub/new.bin"), "the line saying the upload")
    # A folder moved in is one event; its files are found by walking it, long before a rescan.
    elsewhere = watched.parent / "outside"
    (elsewhere / "deep").mkdir(parents=True)
    (elsewhere / "deep" / "moved.txt").write_bytes(b"moved in whole")
    os.rename(elsewhere, watched / "moved")
    arrived(raw_s3, bucket, "cam/shots/moved/deep/moved.txt", b"moved in whole", timeout=30)
    assert w.interrupt() == 130, w.text()
    assert "Traceback" not in w.text()


def test_a_file_being_written_is_uploaded_only_whole(
    watched: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client, procs: list[Watching]
) -> None:
    w = Watching(cli_home, str(watched), f"sw:{bucket}/", "--settle", "1", "--json")
    procs.append(w)
    wait_until(lambda: w.said('"event":"watch"'), "the watch to start")
    path = watched / "growing.log"
    written: list[bytes] = []

    def write_slowly() -> None:
        with path.open("ab") as f:
            for _ in range(10):
                chunk = os.urandom(50_000)
                f.write(chunk)
                f.flush()
                written.append(chunk)
                time.sleep(0.3)  # the writer's pace is the point here, not a wait for a condition

    writer = threading.Thread(target=write_slowly)
    writer.start()
    while writer.is_alive():
        assert body_of(raw_s3, bucket, "shots/growing.log") is None, "uploaded while still being written"
        time.sleep(0.05)
    arrived(raw_s3, bucket, "shots/growing.log", b"".join(written))
    assert w.interrupt() == 130, w.text()
    summaries = [
        e for e in json_events("".join(w.out).encode(), "summary") if e["key"] == "shots/growing.log"
    ]
    assert [s["state"] for s in summaries] == ["done"], summaries


def test_changed_files_go_again_and_unchanged_ones_do_not(
    watched: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client
) -> None:
    (watched / "a.txt").write_bytes(b"first version of a")
    (watched / "b.txt").write_bytes(b"b stays as it is")
    first = run_cli(cli_home, "watch", str(watched), f"sw:{bucket}/", "--settle", "0.3", "--once", "--json")
    assert first.returncode == 0, (first.stdout + first.stderr).decode()
    keys = sorted(e["key"] for e in json_events(first.stdout, "summary") if e["state"] == "done")
    assert keys == ["shots/a.txt", "shots/b.txt"]
    b_time = raw_s3.head_object(Bucket=bucket, Key="shots/b.txt")["LastModified"]

    (watched / "a.txt").write_bytes(b"second, longer version of a")
    # The saved watch again (no arguments), once, as cron would run it.
    second = run_cli(cli_home, "watch", "--once", "--json")
    assert second.returncode == 0, (second.stdout + second.stderr).decode()
    keys = [e["key"] for e in json_events(second.stdout, "summary")]
    assert keys == ["shots/a.txt"]
    assert body_of(raw_s3, bucket, "shots/a.txt") == b"second, longer version of a"
    assert raw_s3.head_object(Bucket=bucket, Key="shots/b.txt")["LastModified"] == b_time


def test_a_running_watch_sends_a_change_and_leaves_the_rest(
    watched: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client, procs: list[Watching]
) -> None:
    (watched / "a.txt").write_bytes(b"a, one")
    (watched / "b.txt").write_bytes(b"b, never changed")
    w = Watching(cli_home, str(watched), f"sw:{bucket}/", "--settle", "1", "--rescan", "0.3", "--json")
    procs.append(w)
    arrived(raw_s3, bucket, "shots/a.txt", b"a, one")
    arrived(raw_s3, bucket, "shots/b.txt", b"b, never changed")
    b_time = raw_s3.head_object(Bucket=bucket, Key="shots/b.txt")["LastModified"]
    (watched / "a.txt").write_bytes(b"a, two: changed")
    # A change needs two looks a second apart: several rescans pass over b.txt meanwhile.
    arrived(raw_s3, bucket, "shots/a.txt", b"a, two: changed")
    assert w.interrupt() == 130, w.text()
    keys = [e["key"] for e in json_events("".join(w.out).encode(), "summary")]
    assert sorted(keys) == ["shots/a.txt", "shots/a.txt", "shots/b.txt"], keys
    assert raw_s3.head_object(Bucket=bucket, Key="shots/b.txt")["LastModified"] == b_time


def test_the_watch_is_saved_and_runs_again_after_kill_9(
    watched: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client, procs: list[Watching]
) -> None:
    w = Watching(cli_home, str(watched), f"sw:{bucket}/keep", "--settle", "0.3")
    procs.append(w)
    (watched / "before.txt").write_bytes(b"before the crash")
    arrived(raw_s3, bucket, "keep/shots/before.txt", b"before the crash")
    w.proc.send_signal(signal.SIGKILL)
    w.proc.wait(30)
    later = os.urandom(100_000)
    (watched / "while-down.bin").write_bytes(later)
    again = Watching(cli_home)  # no LOCAL, no DEST: every saved watch
    procs.append(again)
    arrived(raw_s3, bucket, "keep/shots/while-down.bin", later)
    assert again.interrupt() == 130, again.text()
    listed = run_cli(cli_home, "watch", "--list").stdout.decode().splitlines()
    assert len(listed) == 1 and str(watched) in listed[0] and f"sw:{bucket}/keep/" in listed[0], listed


@pytest.fixture
def core(tmp_path: Path, weed: LocalServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppCore]:
    """The app's core in this process, with a profile ``sw`` (for looking inside the watcher)."""
    from app.services.core import AppCore
    from app.services.paths import resolve_paths
    from app.services.progress import ProgressAccumulator
    from engine.scheduler import EngineSettings

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    settings = EngineSettings(part_size=5 * MiB, threshold=5 * MiB, bwlimit=3 * MiB)
    c = AppCore(resolve_paths(str(tmp_path / "home")), ProgressAccumulator(), settings)
    c.profiles.add("sw", "seaweedfs", endpoint=weed.endpoint)
    yield c
    c.close(10)


def test_the_rescan_finds_files_without_any_events(
    watched: Path, core: AppCore, bucket: str, raw_s3: S3Client
) -> None:
    from app.services.core import Destination
    from app.services.watcher import FolderWatcher

    watcher = FolderWatcher(
        core, str(watched), Destination("sw", bucket, "r"), settle=0.3, rescan=0.5, events=False
    )
    try:
        watcher.start()
        data = os.urandom(10_000)
        (watched / "quiet.bin").write_bytes(data)
        arrived(raw_s3, bucket, "r/shots/quiet.bin", data, timeout=30)
        assert watcher._observer is None  # nothing but the rescan could have found it
    finally:
        watcher.stop()
    assert watcher.done.is_set()


def test_a_key_is_not_queued_again_while_its_upload_is_unfinished(
    watched: Path, core: AppCore, bucket: str, raw_s3: S3Client
) -> None:
    from app.services.core import Destination
    from app.services.watcher import FolderWatcher
    from engine.state import State

    path = watched / "long.bin"
    first = os.urandom(12 * MiB)
    path.write_bytes(first)
    watcher = FolderWatcher(core, str(watched), Destination("sw", bucket, ""), settle=0.3, rescan=0.5)

    def of_key() -> list[Any]:
        return [v for v in core.engine.views() if v.key == "shots/long.bin"]

    try:
        watcher.start()
        wait_until(lambda: any(v.state is State.RUNNING for v in of_key()), "the first upload to run")
        (tid,) = [v.id for v in of_key()]
        core.engine.pause([tid])  # unfinished for as long as the test wants
        wait_until(lambda: core.engine.state_of(tid) is State.PAUSED, "the first upload to pause")
        with path.open("ab") as f:
            f.write(b"a tail written while the first upload is unfinished")
        # No event marks "the watcher decided not to queue": the change settles (0.3 s) several
        # times over in this window, and a second transfer for the key must not appear in it.
        window = time.monotonic() + 2.0
        while time.monotonic() < window:
            assert len(of_key()) == 1, "queued again while the first upload was unfinished"
            time.sleep(0.05)
        core.engine.cancel([tid])
        wait_until(lambda: len(of_key()) == 2, "the change to be queued once the first upload was over")
        arrived(raw_s3, bucket, "shots/long.bin", path.read_bytes(), timeout=60)
    finally:
        watcher.stop()


def test_files_added_while_the_endpoint_is_away_arrive_when_it_is_back(
    watched: Path, tmp_path: Path, weed: LocalServer, bucket: str, raw_s3: S3Client, procs: list[Watching]
) -> None:
    port = urlsplit(weed.endpoint).port
    assert port is not None
    proxy = HttpFaultProxy(port)
    try:
        env = dict(os.environ, SKYLIFT_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
        env.update(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY)
        run_cli(
            env, "profile", "add", "p", "--provider", "seaweedfs", "--endpoint", proxy.endpoint, check=True
        )
        w = Watching(env, str(watched), f"p:{bucket}/", "--settle", "0.3", "--retry-interval", "0.2")
        procs.append(w)
        (watched / "first.txt").write_bytes(b"while the endpoint is there")
        arrived(raw_s3, bucket, "shots/first.txt", b"while the endpoint is there")
        proxy.go_down()
        late = {f"late-{i}.bin": os.urandom(200_000) for i in range(3)}
        for name, data in late.items():
            (watched / name).write_bytes(data)
        wait_until(lambda: w.said("trying again"), "the watch to find the endpoint away")
        assert w.proc.poll() is None, w.text()
        assert all(body_of(raw_s3, bucket, f"shots/{n}") is None for n in late)
        proxy.come_back()
        for name, data in late.items():
            arrived(raw_s3, bucket, f"shots/{name}", data, timeout=90)
        assert w.proc.poll() is None, "the watch exited instead of waiting for the endpoint"
        assert w.interrupt() == 130, w.text()
        assert "Traceback" not in w.text()
    finally:
        proxy.close()


def test_list_remove_and_bad_input(
    watched: Path, tmp_path: Path, cli_home: dict[str, str], bucket: str
) -> None:
    saved = run_cli(cli_home, "watch", str(watched), f"sw:{bucket}/x", "--once")
    assert saved.returncode == 0, saved.stderr.decode()
    again = run_cli(cli_home, "watch", str(watched), f"sw:{bucket}/x/", "--once")  # the same watch
    assert again.returncode == 0, again.stderr.decode()
    listed = run_cli(cli_home, "watch", "--list", "--json")
    (row,) = json_events(listed.stdout)
    assert row["folder"] == str(watched.resolve()) and row["destination"] == f"sw:{bucket}/x/"

    def refused(*args: str) -> str:
        res = run_cli(cli_home, "watch", *args)
        assert res.returncode == 2, (args, res.stdout + res.stderr)
        err = res.stderr.decode()
        assert "Traceback" not in err
        return err

    assert "no watch with id 999" in refused("--remove", "999")
    assert "no such folder" in refused(str(tmp_path / "nope"), f"sw:{bucket}/")
    a_file = tmp_path / "file.txt"
    a_file.write_bytes(b"x")
    assert "is not a folder; watch the folder that holds it" in refused(str(a_file), f"sw:{bucket}/")
    assert "PROFILE:BUCKET" in refused(str(watched), "sw:")
    assert "no profile named 'nope'" in refused(str(watched), "nope:bucket-x/")
    assert "--settle takes a number of seconds more than 0" in refused(
        str(watched), f"sw:{bucket}/", "--settle", "0"
    )
    assert "needs a DEST" in refused(str(watched))
    assert "give LOCAL and DEST with them" in refused("--settle", "5")

    removed = run_cli(cli_home, "watch", "--remove", str(row["id"]))
    assert removed.returncode == 0 and f"removed watch #{row['id']}" in removed.stdout.decode()
    assert run_cli(cli_home, "watch", "--list").stdout == b""
    assert "no saved watches" in refused()


def test_ctrl_c_pauses_an_upload_and_the_next_run_resumes_it(
    watched: Path, cli_home: dict[str, str], bucket: str, raw_s3: S3Client, procs: list[Watching]
) -> None:
    data = os.urandom(24 * 1024 * 1024)
    (watched / "big.bin").write_bytes(data)
    w = Watching(cli_home, str(watched), f"sw:{bucket}/", "--settle", "0.3", "--json", "--bwlimit", "4MiB/s")
    procs.append(w)
    wait_until(lambda: w.said('"event":"part"'), "a part on the server")
    assert w.interrupt() == 130, w.text()
    (paused,) = [e for e in json_events("".join(w.out).encode(), "summary") if e["state"] == "paused"]
    assert paused["key"] == "shots/big.bin" and 0 < paused["bytes_done"] < len(data), paused
    assert body_of(raw_s3, bucket, "shots/big.bin") is None

    again = run_cli(cli_home, "watch", "--once", "--json")
    assert again.returncode == 0, (again.stdout + again.stderr).decode()
    # The paused transfer went on from its checkpoint: no second upload of the file beside it.
    (done,) = json_events(again.stdout, "summary")
    assert done["id"] == paused["id"] and done["state"] == "done", done
    arrived(raw_s3, bucket, "shots/big.bin", data)


def test_skylifts_own_folders_are_not_uploaded(tmp_path: Path, cli_home: dict[str, str], bucket: str) -> None:
    """Watching a folder that holds SKYLIFT_HOME: the checkpoint changes with every upload, and
    uploading it would go on for ever."""
    assert Path(cli_home["SKYLIFT_HOME"]).parent == tmp_path
    (tmp_path / "mine.txt").write_bytes(b"mine")
    res = run_cli(cli_home, "watch", str(tmp_path), f"sw:{bucket}/", "--settle", "0.3", "--once", "--json")
    assert res.returncode == 0, (res.stdout + res.stderr).decode()
    keys = [e["key"] for e in json_events(res.stdout, "summary")]
    assert keys == [f"{tmp_path.name}/mine.txt"], keys
