"""What changed in a source since a translation was made: found by the hash the translation records.

The old text is looked for in the copy `minga translation start|stamp` keeps (so the panel works
before anything is committed), then in the git index, then in git history.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from minga.content.frontmatter import Source, split
from minga.content.gitinfo import git
from minga.translation.translation import source_hash

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


SNAPSHOTS = Path(".cache") / "minga" / "translated-sources"


def _snapshot(root: Path, source_file: str, hash_: str) -> Path:
    return root / SNAPSHOTS / source_file.replace("/", "__") / f"{hash_}.md"


def remember_source(root: Path, source_file: str, text: str, hash_: str) -> None:
    """Keep the source text a translation was made from, under the hash it records (local, never published)."""
    path = _snapshot(root, source_file, hash_)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        pass  # only a convenience: git history is still searched


def _candidates(root: Path, source_file: str, wanted: str):
    try:
        yield _snapshot(root, source_file, wanted).read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        pass
    yield git(root, "show", f":{source_file}")  # staged, not yet committed
    revisions = git(root, "log", f"-{MAX_REVISIONS}", "--format=%H", "--", source_file)
    for revision in (revisions or "").split():
        yield git(root, "show", f"{revision}:{source_file}")


def _text_with_hash(root: Path, source_file: str, wanted: str, words: tuple[str, ...]) -> str | None:
    for text in _candidates(root, source_file, wanted):
        if text is None:
            continue
        doc, _ = split(Source(source_file, text))
        if doc is not None and source_hash(doc, words) == wanted:
            return text
    return None

