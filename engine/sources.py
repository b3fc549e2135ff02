"""Turning dropped or named files and folders into (local path, object key) pairs."""

from __future__ import annotations

import enum
import fnmatch
import mimetypes
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    path: str
    key: str
    size: int
    mtime_ns: int

    @property
    def content_type(self) -> str:
        return mimetypes.guess_type(self.path)[0] or "application/octet-stream"


class SkipReason(enum.StrEnum):
    UNREADABLE_FOLDER = "unreadable_folder"
    UNREADABLE_FILE = "unreadable_file"
    LINKED_FOLDER = "linked_folder"
    SPECIAL_FILE = "special_file"
    BROKEN_LINK = "broken_link"
    NAME_NOT_UTF8 = "name_not_utf8"
    BAD_KEY = "bad_key"


@dataclass(frozen=True)
class Skipped:
    """Something under a dropped folder that is not uploaded, and why (never skipped silently)."""

    path: str
    code: SkipReason
    #: The system's words (``Permission denied``) or the kind of file (``a FIFO``).
    detail: str = ""

    @property
    def lost(self) -> bool:
        """It may hold data the user meant to upload."""
        return self.code in (
            SkipReason.UNREADABLE_FOLDER,
            SkipReason.UNREADABLE_FILE,
            SkipReason.NAME_NOT_UTF8,
            SkipReason.BAD_KEY,
        )

    @property
    def reason(self) -> str:
        return {
            SkipReason.UNREADABLE_FOLDER: f"cannot read this folder ({self.detail})",
            SkipReason.UNREADABLE_FILE: f"cannot read it ({self.detail})",
            SkipReason.LINKED_FOLDER: "a symbolic link to a folder (not followed)",
            SkipReason.SPECIAL_FILE: f"not a regular file ({self.detail})",
            SkipReason.BROKEN_LINK: f"a symbolic link that leads nowhere ({self.detail})",
            SkipReason.NAME_NOT_UTF8: "the name is not valid UTF-8, which object keys must be; rename it",
            SkipReason.BAD_KEY: f"{self.detail}; rename it",
        }[self.code]


#: S3's and OSS's limit on an object key, in bytes of UTF-8.
MAX_KEY_BYTES = 1024


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be an object key as written, or None. Servers resolve '.'/'..' away or
    refuse the signature, drop or keep a leading '/', cannot list control characters in XML, and
    refuse keys over 1024 bytes: each would upload elsewhere, or fail only after the bytes went."""
    if any(seg in (".", "..") for seg in key.split("/")):
        return f"the key {key!r} has a '.' or '..' segment, which servers resolve or reject"
    if key.startswith("/"):
        return f"the key {key!r} starts with '/', which servers drop or keep as an empty folder name"
    if any(ord(c) < 32 or ord(c) == 127 for c in key):
        return f"the key {key!r} holds control characters, which object listings cannot carry"
    size = len(key.encode("utf-8", "surrogatepass"))
    if size > MAX_KEY_BYTES:
        return f"the key is {size} bytes in UTF-8, more than the {MAX_KEY_BYTES} an object key holds"
    return None


class SourceError(ValueError):
    """A named source that cannot be uploaded at all (bad input: exit 2 on the command line)."""


def _kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is, for the message; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a file"


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes come through as lone surrogates
        return False
    return True


def _excluded(rel: str, name: str, include: list[str], exclude: list[str]) -> bool:
    if any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in exclude):
        return True
    return bool(include) and not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in include)


def excluded(rel: str, include: Iterable[str], exclude: Iterable[str]) -> bool:
    """Would a walk leave out the file at ``rel`` (a path inside a folder, "/"-separated)? Any
    folder on the way matching an exclude pattern leaves it out too, as the walk never enters it."""
    inc, exc = list(include), list(exclude)
    *dirs, name = rel.split("/")
    if any(fnmatch.fnmatch(d, p) for d in dirs for p in exc):
        return True
    return _excluded(rel, name, inc, exc)


def iter_sources(
    paths: Iterable[str],
    key: str,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    skipped: Callable[[Skipped], None] | None = None,
) -> Iterator[Source]:
    """Walk files and folders lazily (a folder of 100,000 files must not freeze anyone).

    ``key`` ending in "/" (or empty) is a prefix: a file lands at prefix + its name, a folder's
    files at prefix + folder name + their path inside it. Otherwise ``key`` names the one object.
    """
    inc, exc = list(include), list(exclude)
    say = skipped or (lambda s: None)
    prefix = key if key.endswith("/") or not key else None
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk(p, folder_prefix(p, key), inc, exc, say)
        else:
            st = p.stat()
            if not _utf8(p.name):
                raise SourceError(f"{p}: the name is not valid UTF-8, which object keys must be; rename it")
            kind = _kind(st.st_mode)
            if kind is not None:
                raise SourceError(
                    f"{p} is not a regular file ({kind}); Skylift uploads files and folders "
                    "(to upload a stream, pipe it to 'skylift upload - DEST')"
                )
            full = (prefix + p.name) if prefix is not None else key
            problem = key_problem(full)
            if problem is not None:
                raise SourceError(f"{p}: {problem}; rename the file or name the key in DEST")
            yield Source(str(p.resolve()), full, st.st_size, st.st_mtime_ns)


def folder_prefix(folder: Path, key: str) -> str:
    """The prefix a folder's files land under: ``key`` (a prefix, or the folder's new name) + its name."""
    base = key if key.endswith("/") or not key else key + "/"
    return base + folder.resolve().name + "/"


def _walk(
    root: Path, prefix: str, include: list[str], exclude: list[str], say: Callable[[Skipped], None]
) -> Iterator[Source]:
    # The root is resolved once and relative paths ride along on the stack: resolve() and
    # relpath() per file were half the time of queueing a 100,000-file folder.
    stack: list[tuple[str, str]] = [(str(root.resolve()), "")]
    while stack:
        d, rel_dir = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            say(Skipped(d, SkipReason.UNREADABLE_FOLDER, exc.strerror or str(exc)))
            continue
        subdirs = []
        for e in entries:
            rel = rel_dir + e.name
            if e.is_dir(follow_symlinks=False):
                if not any(fnmatch.fnmatch(e.name, p) for p in exclude):
                    subdirs.append((e.path, rel + "/"))
                continue
            if _excluded(rel, e.name, include, exclude):
                continue
            if not _utf8(e.name):
                say(Skipped(e.path, SkipReason.NAME_NOT_UTF8))
                continue
            try:
                st = e.stat()  # follows a link to a file: its bytes are uploaded
            except OSError as exc:
                broken = e.is_symlink()  # a loop or a dangling link holds no data of its own
                code = SkipReason.BROKEN_LINK if broken else SkipReason.UNREADABLE_FILE
                say(Skipped(e.path, code, exc.strerror or str(exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                # Following links to folders invites loops and uploads outside the dropped folder.
                say(Skipped(e.path, SkipReason.LINKED_FOLDER))
                continue
            kind = _kind(st.st_mode)
            if kind is not None:
                say(Skipped(e.path, SkipReason.SPECIAL_FILE, kind))
                continue
            problem = key_problem(prefix + rel)
            if problem is not None:
                say(Skipped(e.path, SkipReason.BAD_KEY, problem))
                continue
            yield Source(e.path, prefix + rel, st.st_size, st.st_mtime_ns)
        stack.extend(reversed(subdirs))


def empty_dirs(root: str, prefix: str) -> Iterator[str]:
    """Keys of folder markers ("dir/") for empty folders, for the empty-folders option."""
    base = Path(root)
    for d, dirs, files in os.walk(base):
        if not dirs and not files:
            rel = os.path.relpath(d, base).replace(os.sep, "/")
            yield prefix + base.resolve().name + "/" + ("" if rel == "." else rel + "/")


def source_in(
    root: str, path: str, prefix: str, include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Source | None:
    """The one source ``iter_sources([root], prefix, include, exclude)`` yields for ``path`` inside
    the folder ``root``, or None when that walk would yield none for it (excluded, a folder, gone,
    not a regular file, a bad key). A watched folder looks at single files as they change; their
    keys must be the ones a whole upload of the folder gives them."""
    base = Path(root).resolve()
    try:
        rel_path = Path(path).relative_to(base)
    except ValueError:
        return None
    parts = rel_path.parts
    if not parts:
        return None
    inc, exc = list(include), list(exclude)
    # The walk leaves out a folder whose name is excluded, and everything beneath it.
    if any(fnmatch.fnmatch(d, p) for d in parts[:-1] for p in exc):
        return None
    rel = "/".join(parts)
    name = parts[-1]
    if _excluded(rel, name, inc, exc) or not all(_utf8(s) for s in parts):
        return None
    full = os.path.join(str(base), *parts)
    try:
        st = os.stat(full)
        if any(os.path.islink(os.path.join(str(base), *parts[:i])) for i in range(1, len(parts))):
            return None  # the walk never follows a link to a folder
    except OSError:
        return None
    if _kind(st.st_mode) is not None:
        return None
    key = prefix + base.name + "/" + rel
    if key_problem(key) is not None:
        return None
    return Source(full, key, st.st_size, st.st_mtime_ns)
