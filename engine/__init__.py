"""Skylift's transfer engine: pure Python, no Qt (a test enforces it)."""

__version__ = "0.1.0"
