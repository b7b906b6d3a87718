"""Localized interface strings for our templates: one file per language in minga/web/locales/."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

SOURCE_LANGUAGE = "en"


class MissingString(Exception):
    """A template asked for a string that a language does not have: a build error, never English."""


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, str]:
    path = resources.files("minga.web").joinpath("locales", f"{lang}.yml")
    if not path.is_file():
        raise MissingString(f"minga/web/locales/{lang}.yml does not exist: copy minga/web/locales/en.yml and translate every string.")
    # libyaml's safe loader when PyYAML has it: these files are ours, read at each build.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def missing_keys(lang: str) -> list[str]:
    """Keys of the source language that `lang` lacks (empty when complete)."""
    return sorted(set(strings(SOURCE_LANGUAGE)) - set(strings(lang)))


def translator(lang: str):
    """t(key, **values) for one language; a missing key raises MissingString."""
    table = strings(lang)

    def t(key: str, **values) -> str:
        if key not in table:
            raise MissingString(f"minga/web/locales/{lang}.yml has no string '{key}'.")
        return table[key].format(**values) if values else table[key]

    return t
