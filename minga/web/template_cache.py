"""Templates compiled once per process, not once per language.

mkdocs-static-i18n builds each language with a new Jinja environment, and each environment
compiles every template it uses again (theme and ours: about a fifth of the templates' time).
Jinja's bytecode cache hands the compiled code to the next environment; it checks each
template's source checksum, so an edited template (`minga serve`) is compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


# One per process: every language's environment of a build has the same templates, filters and
# autoescape rule (hooks/minga_hooks.py on_env), so their compiled code is the same.
COMPILED = MemoryBytecodeCache()
