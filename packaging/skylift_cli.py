"""Entry script of the bundle's ``skylift-cli`` executable (packaging/skylift.spec): the command line
alone, like ``python -m app``. A file of its own because PyInstaller names a program script by its
file name, and ``app/__main__.py`` would clash with ``ui/__main__.py`` in the shared analysis."""

import sys

from app.__main__ import main

sys.exit(main())
