"""Remembered results of the check's slow steps, so a check of an unchanged file is nearly free.

Reading YAML front matter (pure-Python parsing, to keep every value's line), scanning bodies,
checking front matter against its shape and rendering each page to HTML to hold it against the
allowlist take most of `minga check`'s time; each is a pure function of its input text. Results
are kept by a hash of that text together with a hash of our code, mkdocs.yml and the library
versions, so any change there starts afresh. A build's steps also find the whole check of an
unchanged project here (minga/checks/checking.py, by minga/checks/inputs.py's digest).

The cache lives outside the repository (minga/user_cache.py, then check/): it holds
pickles, and nothing a pull request contains may ever be unpickled. MINGA_CHECK_CACHE=0 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # minga/: every module and locale file
_LIBRARIES = ("markdown", "pymdown-extensions", "pyyaml", "nh3", "selectolax", "mkdocs", "mkdocs-material",
              "mkdocs-static-i18n")


class Memo:
    """key -> pickled result, loaded from one file per project and written back when changed."""

    def __init__(self, path: Path | None, salt: str):
        self.path, self.salt = path, salt
        self.entries: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.dirty = False
        if path is not None and path.is_file():
            try:
                stored = pickle.loads(path.read_bytes())
                if stored.get("salt") == salt:
                    self.entries = stored["entries"]
            except Exception:  # noqa: BLE001 - a damaged cache is only a slower check
                self.entries = {}

    def get(self, kind: str, text: str, compute):
        value = self.remembered(kind, text)
        if value is None:
            value = compute()
            self.remember(kind, text, value)
        return value

    def remembered(self, kind: str, text: str):
        """What was remembered for this kind and text, or None."""
        key = _key(kind, text)
        if key not in self.entries:
            return None
        self.used.add(key)
        return pickle.loads(self.entries[key])

    def remember(self, kind: str, text: str, value) -> None:
        key = _key(kind, text)
        self.used.add(key)
        self.entries[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.dirty = True

    def save(self) -> None:
        """Keep what this check used (so the file does not grow without end); write atomically."""
        if self.path is None or not (self.dirty or len(self.used) < len(self.entries)):
            return
        kept = {key: value for key, value in self.entries.items() if key in self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, delete=False) as out:
                out.write(pickle.dumps({"salt": self.salt, "entries": kept}, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(out.name, self.path)
        except OSError:
            pass  # a read-only home is only a slower check next time


def _key(kind: str, text: str) -> str:
    return hashlib.sha256(f"{kind}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


_current: Memo | None = None


def begin(root: Path) -> Memo:
    """The memo for checking the project at `root` (one per process and project)."""
    global _current
    path = None
    if os.environ.get("MINGA_CHECK_CACHE", "1") != "0":
        from minga.user_cache import user_cache

        folder = user_cache("check")
        path = folder / (hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16] + ".pickle")
    if path is not None:
        _forget_old(path.parent)
    salt = _salt(root)
    if _current is None or _current.path != path or _current.salt != salt:
        _current = Memo(path, salt)
    _current.used = set()
    return _current


def memo(kind: str, text: str, compute):
    """compute(), or its remembered result for the same kind and text (no memo outside a check)."""
    return _current.get(kind, text, compute) if _current is not None else compute()


def _forget_old(folder: Path, max_age_days: int = 14) -> None:
    """Projects checked in throw-away folders (tests, benchmarks) leave files: forget unused ones."""
    import time

    limit = time.time() - max_age_days * 86400
    for path in folder.glob("*.pickle") if folder.is_dir() else ():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


def _salt(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")) + sorted((_PACKAGE / "web" / "locales").glob("*.yml")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + path.read_bytes())
    config = root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"")
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    return digest.hexdigest()
