"""Localized interface strings for our templates: one file, one lookup."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


class MissingString(Exception):
    """A template asked for a string that a language does not have: a build error, never English."""


@lru_cache(maxsize=1)
def _all_strings() -> dict[str, dict[str, str]]:
    text = resources.files("minga").joinpath("ui_strings.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def languages() -> tuple[str, ...]:
    return tuple(_all_strings())


def strings(lang: str) -> dict[str, str]:
    table = _all_strings()
    if lang not in table:
        raise MissingString(f"minga/ui_strings.yml has no strings for the language '{lang}'; add a section '{lang}:' with every key of 'en'.")
    return table[lang]


def translator(lang: str):
    """t(key, **values) for one language; a missing key raises MissingString."""
    table = strings(lang)

    def t(key: str, **values) -> str:
        if key not in table:
            raise MissingString(f"minga/ui_strings.yml: the language '{lang}' has no string '{key}'.")
        return table[key].format(**values) if values else table[key]

    return t
