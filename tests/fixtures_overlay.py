"""Fixture projects made of an overlay on tests/fixtures/valid/ (shared by the rule and hostile tests).

An overlay folder holds files that replace or add files at the same relative path;
`_delete.txt` lists relative paths to delete. Control files of the overlay (such as
`expected.txt` or `expect.yml`) are not copied.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"
OVERLAY_CONTROL_FILES = {"expected.txt", "_delete.txt"}


def make_project(target: Path, case: str | None = None, cases: Path = BROKEN,
                 control_files: set[str] | frozenset[str] = frozenset(OVERLAY_CONTROL_FILES)) -> Path:
    """A copy of the valid fixture project in `target`, with the overlay of `case` (a folder of `cases`) applied."""
    shutil.copytree(VALID, target, dirs_exist_ok=True)
    if case is None:
        return target
    overlay = cases / case
    for source in sorted(overlay.rglob("*")):
        rel = source.relative_to(overlay)
        if source.is_file() and rel.as_posix() not in control_files:
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / rel)
    deletions = overlay / "_delete.txt"
    if deletions.is_file():
        for line in deletions.read_text(encoding="utf-8").splitlines():
            if line.strip():
                path = target / line.strip()
                assert path.exists(), f"{case}/_delete.txt lists {line.strip()}, which is not in the fixture"
                shutil.rmtree(path) if path.is_dir() else path.unlink()
    return target
