"""Where the repository is, and the credentials every session server is started with."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACCESS_KEY = "skylift-test-key"
SECRET_KEY = "skylift-test-secret-0123456789"
