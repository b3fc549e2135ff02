"""The ``skylift`` command line: ``main`` parses argv and runs one command."""

from app.cli.commands import main

__all__ = ["main"]
