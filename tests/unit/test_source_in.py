"""``source_in``: one file of a watched folder gets the key a whole-folder upload gives it."""

from __future__ import annotations

import os
from pathlib import Path


def test_source_in_gives_the_keys_of_a_folder_upload(tmp_path: Path) -> None:
    from engine.sources import iter_sources, source_in

    root = tmp_path / "tree"
    for rel in ("a.txt", "d/b.jpg", "d/e/c.txt", ".git/x", "skip.tmp", "d/.git/y"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(rel.encode())
    (root / "fifo").parent.mkdir(exist_ok=True)
    os.mkfifo(root / "fifo")
    for inc, exc in (([], []), ([], [".git", "*.tmp"]), (["*.txt"], [])):
        walked = list(iter_sources([str(root)], "p/", inc, exc))
        looked = [
            source_in(str(root), os.path.join(root, *r.split("/")), "p/", inc, exc)
            for r in ("a.txt", "d/b.jpg", "d/e/c.txt", ".git/x", "skip.tmp", "d/.git/y", "fifo", "d", "gone")
        ]
        assert sorted(s.key for s in walked) == sorted(s.key for s in looked if s is not None), (inc, exc)
        assert {s.path for s in walked} == {s.path for s in looked if s is not None}
