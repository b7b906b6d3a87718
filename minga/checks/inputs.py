"""Everything `minga check` reads from a project, as one digest: same digest, same findings.

The check reads the files under the docs folder and facilitator_guides/ (through links), the
names of the theme's files, mkdocs.yml and our own code; the last two are in check_cache's salt.
Every name, kind, link target and file content counts, so that any change at all is seen:
a renamed file, a new link, a picture that changed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from minga.content.real_paths import real_root


def inputs_digest(project) -> str:
    digest = hashlib.sha256()
    seen: set[Path] = set()
    for top in (project.docs_dir, project.guides_dir, project.root / "overrides"):
        digest.update(b"\0top\0" + str(top).encode("utf-8", "surrogateescape"))
        _folder(Path(top), project.root, digest, seen, contents=top != project.root / "overrides")
    return digest.hexdigest()


def _folder(folder: Path, root: Path, digest, seen: set[Path], contents: bool) -> None:
    """Each entry of `folder`, depth first, in name order; a folder reached twice (links) once."""
    real = folder.resolve()
    if real in seen or not folder.is_dir():
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        digest.update(f"\0unreadable\0{folder}\0{exc.errno}".encode("utf-8", "surrogateescape"))
        return
    for entry in entries:
        path = Path(entry.path)
        digest.update(b"\0entry\0" + os.fsencode(entry.path))
        if entry.is_symlink():
            digest.update(b"\0link\0" + os.fsencode(os.readlink(entry.path)))
            target = path.resolve()
            if not target.is_relative_to(real_root(root)):
                continue  # refused by the check (symlink-outside), never read
        if entry.is_dir():  # through a link too
            _folder(path, root, digest, seen, contents)
        elif entry.is_file() and contents:
            try:
                data = path.read_bytes()
            except OSError as exc:
                data = f"\0unreadable {exc.errno}".encode()
            digest.update(b"\0file\0" + str(len(data)).encode() + b"\0" + data)
        else:
            digest.update(b"\0other\0")
