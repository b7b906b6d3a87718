"""What changed in a source since a translation was made: found in git history by the
hash the translation records."""

from __future__ import annotations

import difflib
from pathlib import Path

from .frontmatter import Source, split
from .gitinfo import git
from .translation import source_hash

MAX_REVISIONS = 60
MAX_DIFF_LINES = 120


def source_changes(root: Path, source_file: str, old_hash: str, words: tuple[str, ...]) -> str | None:
    """A unified diff from the translated version of `source_file` to its current text, or None."""
    old_text = _text_with_hash(root, source_file, old_hash, words)
    if old_text is None:
        return None
    current = (root / source_file).read_text(encoding="utf-8")
    diff = list(difflib.unified_diff(old_text.splitlines(), current.splitlines(), "translated version", "now",
                                     lineterm="", n=1))
    if len(diff) > MAX_DIFF_LINES:
        diff = diff[:MAX_DIFF_LINES] + [f"... ({len(diff) - MAX_DIFF_LINES} more lines)"]
    return "\n".join(diff[2:]) if diff else None


def _text_with_hash(root: Path, source_file: str, wanted: str, words: tuple[str, ...]) -> str | None:
    revisions = git(root, "log", f"-{MAX_REVISIONS}", "--format=%H", "--", source_file)
    for revision in (revisions or "").split():
        text = git(root, "show", f"{revision}:{source_file}")
        if text is None:
            continue
        doc, _ = split(Source(source_file, text))
        if doc is not None and source_hash(doc, words) == wanted:
            return text
    return None

