"""The ``skylift`` command line: ``main`` parses argv and runs one command."""

from app.cli.commands import COMMANDS, main

__all__ = ["COMMANDS", "main"]
