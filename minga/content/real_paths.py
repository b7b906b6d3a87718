"""Paths after every link is resolved, each folder resolved once.

The check looks at thousands of files, and resolving a path walks every folder above it again:
a file's real path is its folder's real path plus its name, unless the file itself is a link.
One RealPaths serves one walk or one load (links may change between builds of `minga serve`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


class RealPaths:
    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def folder(self, path: Path) -> Path:
        real = self._folders.get(path)
        if real is None:
            real = self._folders[path] = path.resolve()
        return real

    def of(self, path: Path) -> Path:
        """Path(path).resolve(), reusing its folder's."""
        if path.name in ("", ".", "..") or os.path.islink(path):
            return path.resolve()
        return self.folder(path.parent) / path.name


@lru_cache(maxsize=32)
def real_root(root: Path) -> Path:
    """The repository's own real path (asked for every file)."""
    return root.resolve()
