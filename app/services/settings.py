"""User settings, persisted as JSON under ``paths.settings``, and applied to the running engine."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services.profiles import NetworkOptions
from engine.netproxy import DIRECT
from engine.plan import DEFAULT_PART_SIZE, DEFAULT_THRESHOLD
from engine.retry import RetryPolicy
from engine.scheduler import EngineSettings

log = logging.getLogger("skylift.settings")

CONFLICT_POLICIES = ("overwrite", "skip-same", "rename", "ask")
#: Request slots (worker threads) at most, whatever the two settings multiply to.
MAX_SLOTS = 64
PROXY_MODES = ("system", "none", "http", "socks5")
LANGUAGES = ("auto", "en", "zh_CN")


@dataclass
class SavedDestination:
    """The last destination the user picked in the "upload to" panel (remembered)."""

    profile: str = "local"
    bucket: str = "skylift"
    prefix: str = ""


@dataclass
class Settings:
    #: Files uploading at once (the label has always said files).
    concurrency: int = 4
    #: Parts of one file in flight at once; the engine's request slots are the product.
    parts_per_file: int = 4
    part_size: int = DEFAULT_PART_SIZE
    threshold: int = DEFAULT_THRESHOLD
    retries: int = 5
    retry_interval: float = 1.0
    #: Bytes per second; 0 means unlimited.
    bwlimit: int = 0
    conflict: str = "overwrite"
    storage_class: str = ""
    auto_resume: bool = False
    notifications: bool = True
    keep_awake: bool = True
    language: str = "auto"
    proxy_mode: str = "system"
    proxy_url: str = ""
    ca_bundle: str = ""
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    empty_folders: bool = False
    last_destination: SavedDestination = field(default_factory=SavedDestination)
    #: The main window's size and place, and the queue's column widths (Qt's own state, base64).
    window_geometry: str = ""
    queue_columns: str = ""
    #: The folder Add Files / Add Folder opened last (they start there, else in home).
    last_folder: str = ""
    #: The prefix last used per "profile/bucket": a drop to that bucket starts with it, said so.
    prefixes: dict[str, str] = field(default_factory=dict)
    #: The folder the Verify window compared last (its "Choose…" starts there).
    verify_folder: str = ""
    #: The queue shows each drop as one row (its files under it); off: every file on its own row.
    group_by_drop: bool = True

    # ---- persistence ----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            # A broken settings file must not keep the app from starting; defaults are safe.
            log.warning("ignoring unreadable settings %s: %s", path, exc)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        out = cls()
        names = {f.name: f for f in dataclasses.fields(cls)}
        for key, value in raw.items():
            if key not in names:
                continue
            if key == "last_destination" and isinstance(value, dict):
                known = {f.name for f in dataclasses.fields(SavedDestination)}
                out.last_destination = SavedDestination(**{k: str(v) for k, v in value.items() if k in known})
                continue
            default = getattr(out, key)
            if isinstance(default, dict):
                if isinstance(value, dict):
                    setattr(out, key, {str(k): str(v) for k, v in value.items()})
            elif isinstance(default, bool):
                if isinstance(value, bool):
                    setattr(out, key, value)
            elif isinstance(default, int):
                if isinstance(value, int) and not isinstance(value, bool):
                    setattr(out, key, value)
            elif isinstance(default, float):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    setattr(out, key, float(value))
            elif isinstance(default, str):
                if isinstance(value, str):
                    setattr(out, key, value)
            elif isinstance(default, list) and isinstance(value, list):
                setattr(out, key, [str(v) for v in value])
        out.sanitize()
        return out

    def sanitize(self) -> None:
        self.concurrency = max(1, min(64, self.concurrency))
        # 0 was "no limit": one big file then took every slot while the others waited.
        self.parts_per_file = max(1, min(16, self.parts_per_file or 4))
        self.part_size = max(100 * 1024, self.part_size)
        self.threshold = max(0, self.threshold)
        self.retries = max(0, min(100, self.retries))
        self.retry_interval = max(0.0, self.retry_interval)
        self.bwlimit = max(0, self.bwlimit)
        if self.conflict == "skip":  # its name until the command line got a "skip" of its own
            self.conflict = "skip-same"
        if self.conflict not in CONFLICT_POLICIES:
            self.conflict = "overwrite"
        if self.proxy_mode not in PROXY_MODES:
            self.proxy_mode = "system"
        if self.language not in LANGUAGES:
            self.language = "auto"

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dataclasses.asdict(self), indent=2, sort_keys=True), encoding="utf-8")
        # Replace in one step so a crash never leaves half a settings file behind.
        os.replace(tmp, path)

    def copy(self) -> Settings:
        return Settings.from_dict(dataclasses.asdict(self))

    # ---- engine mapping -------------------------------------------------------------------------
    @property
    def request_slots(self) -> int:
        """Requests in flight at most: every file at once with all its parts."""
        return min(MAX_SLOTS, self.concurrency * self.parts_per_file)

    def engine_settings(self) -> EngineSettings:
        return EngineSettings(
            concurrency=self.request_slots,
            parts_per_file=self.parts_per_file,
            files_at_once=self.concurrency,
            pause_on_network=True,
            part_size=self.part_size,
            threshold=self.threshold,
            retry=RetryPolicy(retries=self.retries, interval=self.retry_interval),
            bwlimit=self.bwlimit or None,
        )

    def network_options(self) -> NetworkOptions:
        proxy: str | None = DIRECT if self.proxy_mode == "none" else None
        if self.proxy_mode in ("http", "socks5") and self.proxy_url:
            url = self.proxy_url
            if "://" not in url:
                # socks5h: the proxy resolves names, as company networks that hide DNS need.
                url = ("socks5h://" if self.proxy_mode == "socks5" else "http://") + url
            proxy = url
        return NetworkOptions(proxy=proxy, ca_bundle=self.ca_bundle or None, wait_for_endpoint=True)

    def language_code(self, system_locale: str) -> str:
        """The UI language: the user's choice, else Chinese for a Chinese OS locale, else English."""
        if self.language != "auto":
            return self.language
        return "zh_CN" if system_locale.lower().startswith("zh") else "en"


def apply_to_engine(settings: Settings, engine_settings: EngineSettings, engine: Any, executor: Any) -> None:
    """Push what can change at run time into a running engine: concurrency, bandwidth, sizes.

    Part size and threshold count for transfers planned from now on; retries for the next error.
    """
    engine_settings.part_size = settings.part_size
    engine_settings.threshold = settings.threshold
    engine_settings.parts_per_file = settings.parts_per_file
    engine_settings.files_at_once = settings.concurrency
    policy = RetryPolicy(retries=settings.retries, interval=settings.retry_interval)
    engine.set_retry(policy)
    # Two extra threads so cancels (aborts) and the prepare step never starve behind parts.
    executor.set_max_threads(settings.request_slots + 2)
    engine.set_concurrency(settings.request_slots)
    engine.set_bwlimit(settings.bwlimit or None)
