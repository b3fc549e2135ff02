"""Per-user paths from platformdirs; ``SKYLIFT_HOME`` puts everything under one folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Skylift"
APP_AUTHOR = "Skylift"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path
    cache: Path

    @property
    def db(self) -> Path:
        return self.data / "skylift.db"

    @property
    def local_storage(self) -> Path:
        return self.data / "local-storage"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    def create(self) -> Paths:
        for p in (self.data, self.config, self.logs, self.cache):
            p.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(home: str | None = None) -> Paths:
    root = home or os.environ.get("SKYLIFT_HOME")
    if root:
        base = Path(root).expanduser().resolve()
        return Paths(base / "data", base / "config", base / "logs", base / "cache")
    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return Paths(
        Path(dirs.user_data_dir),
        Path(dirs.user_config_dir),
        Path(dirs.user_log_dir),
        Path(dirs.user_cache_dir),
    )
