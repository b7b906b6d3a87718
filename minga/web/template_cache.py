"""Templates compiled once, not at every build and once per language.

mkdocs-static-i18n builds each language with a new Jinja environment, and each environment
compiles every template it uses again (Material's and ours); every build starts by compiling
them all. Compiling is a fifth to a third of a small site's template time. Jinja's bytecode cache
hands the compiled code to the next environment, in memory, and to the next build, in the user's
cache (minga/user_cache.py, then templates/): never in the repository, whose files a pull request
writes. Jinja checks each template's source checksum, so an edited template (`minga serve`, a
theme upgrade) is compiled afresh; what else shapes the compiled code (Jinja and Python versions,
the environment's syntax and extensions, which templates are escaped) names the folder.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from minga.user_cache import user_cache

_UNUSED_DAYS = 14  # throw-away projects (tests, benchmarks) leave compiled templates behind


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, and in `folder` when given."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._compiled: dict[str, bytes] = {}
        if folder is not None:
            _forget_unused(folder)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is None and self.folder is not None:
            code = self._read(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # refused by Jinja if the template's source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self._compiled[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            self._write(bucket.key, code)

    def _read(self, key: str) -> bytes | None:
        path = self.folder / f"{key}.jinja"
        try:
            code = path.read_bytes()
            os.utime(path)  # used: kept by _forget_unused
        except OSError:
            return None
        self._compiled[key] = code
        return code

    def _write(self, key: str, code: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as out:
                out.write(code)
            os.replace(out.name, self.folder / f"{key}.jinja")
        except OSError:
            pass  # a read-only home is only a slower build next time


_by_settings: dict[str, CompiledTemplates] = {}


def for_environment(env: Environment, escaped: frozenset[str]) -> CompiledTemplates:
    """The cache for `env`, whose autoescape rule escapes the templates named in `escaped`.
    One per process and settings: every language's environment of a build shares it."""
    settings = _settings(env, escaped)
    if settings not in _by_settings:
        remembered = os.environ.get("MINGA_TEMPLATE_CACHE", "1") != "0"
        _by_settings[settings] = CompiledTemplates(user_cache("templates") / settings if remembered else None)
    return _by_settings[settings]


def _settings(env: Environment, escaped: frozenset[str]) -> str:
    """What the code Jinja compiles depends on, besides a template's source."""
    shape = (jinja2.__version__, sys.version, sorted(escaped), sorted(env.extensions),
             env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
             env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
             env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
             _name(env.finalize), env.is_async)
    return hashlib.sha256(repr(shape).encode()).hexdigest()[:16]


def _name(function) -> str | None:
    return None if function is None else f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"


def _forget_unused(folder: Path) -> None:
    """Compiled templates not used for a while, in every settings' folder."""
    limit = time.time() - _UNUSED_DAYS * 86400
    for path in folder.parent.glob("*/*.jinja") if folder.parent.is_dir() else ():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass
