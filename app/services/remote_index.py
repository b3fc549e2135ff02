"""The objects already at a destination, looked up by key while a walk goes on.

One listing per dropped folder (two pages for 2,000 files) instead of a HEAD per file; a single
file gets its HEAD. Backends that cannot list are asked per key.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from engine.backends.base import Backend, ListsObjects, ObjectInfo
from engine.sources import folder_prefix


class RemoteIndex:
    def __init__(self, backend: Backend, bucket: str, paths: Iterable[str], key: str) -> None:
        self._backend = backend
        self._bucket = bucket
        self._prefixes = sorted(
            {folder_prefix(Path(p), key) for p in paths if Path(p).is_dir()}, key=len, reverse=True
        )
        self._listed: dict[str, dict[str, ObjectInfo]] = {}
        self._lists = isinstance(backend, ListsObjects)  # a Protocol check is slow: once, not per key

    def get(self, key: str) -> ObjectInfo | None:
        if self._lists:
            for prefix in self._prefixes:
                if key.startswith(prefix):
                    return self._under(prefix).get(key)
        return self._backend.head(self._bucket, key)

    def under(self, prefix: str) -> dict[str, ObjectInfo]:
        """Every object under one of the folder prefixes, by key (``verify`` reports the ones no
        file matched)."""
        return self._under(prefix)

    @property
    def prefixes(self) -> list[str]:
        return list(self._prefixes)

    def _under(self, prefix: str) -> dict[str, ObjectInfo]:
        found = self._listed.get(prefix)
        if found is None:
            assert isinstance(self._backend, ListsObjects)
            found = {
                o.key: ObjectInfo(o.size, o.etag, o.last_modified)
                for o in self._backend.iter_objects(self._bucket, prefix)
            }
            self._listed[prefix] = found
        return found
