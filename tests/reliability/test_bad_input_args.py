"""Bad input on the command line itself: options, names and ids that are refused before any byte
moves, with exit 2 and a message that names the problem and what to do.

No server is contacted: the profiles point at a port where nothing listens, so a check that came
too late would fail with a connection message instead of the expected one.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.env import ROOT
from tests.reliability.checks import said
from tests.reliability.tally import Tally

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
    ("transfer id not a number", ["cancel", "first"], ["invalid int value: 'first'"]),
    ("stdin into a prefix", ["upload", "-", "sw:bkt/"], ["full object key"]),
    ("stdin mixed with files", ["upload", "-", "README.md", "sw:bkt/"], ["cannot be mixed"]),
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
    res = run_cli(usage_env, *args, timeout=60)
    said(tally, case, res, 2, *words)
    assert "Connection" not in res.stderr.decode(), f"{case}: checked only after contacting the server"


def test_bad_arguments_leave_no_transfer_behind(usage_env: dict[str, str], tmp_path: Path) -> None:
    """None of the refused commands above queued anything (runs after them: same module)."""
    out = run_cli(usage_env, "list", "--json", check=True).stdout
    assert out.strip() == b"", out
