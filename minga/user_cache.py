"""Where Minga keeps what it can make again (fonts, check results, compiled templates, PDFs): per user,
never in the repository.

A pull request can commit any file, ignored ones included (`git add -f`): a cache inside the
checkout could hand the build a PDF, or a check result, that nobody made from the content.
MINGA_CACHE_DIR, else $XDG_CACHE_HOME/minga, else ~/.cache/minga.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache(name: str) -> Path:
    base = os.environ.get("MINGA_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minga"
    return Path(base) / name
