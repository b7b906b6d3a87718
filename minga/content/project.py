"""Where the project's files are, and the settings we read from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from minga.content.model import Language
from minga.content.real_paths import RealPaths, real_root


class ProjectError(Exception):
    """The project itself (not its content) is set up wrongly; the message says how."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads our own mkdocs.yml: MkDocs' !!python/name and !ENV tags are kept as plain text."""


def _tag_as_text(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("!", _tag_as_text)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tag_as_text)


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    guides_dir: Path
    languages: tuple[Language, ...]
    repo_url: str
    edit_uri: str
    site_url: str
    license: str = "CC-BY-SA-4.0"

    def relative(self, path: Path, real_paths: RealPaths | None = None) -> str:
        # A linked file is shown under its own name: its target may be missing or outside the repository.
        real_paths = real_paths or RealPaths()
        where = real_paths.folder(path.parent) / path.name if path.is_symlink() and not path.is_dir() else real_paths.of(path)
        return where.relative_to(real_root(self.root)).as_posix()

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectError(f"No mkdocs.yml found in {here} or above: run minga inside the curriculum repository.")


def load_project(root: Path | None = None) -> Project:
    root = find_root(root)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"mkdocs.yml cannot be read: {exc}") from None
    try:
        extra = (config.get("extra") or {}).get("minga") or {}
        return Project(
            root=root,
            docs_dir=root / config.get("docs_dir", "docs"),
            guides_dir=root / "facilitator_guides",
            languages=_languages(config),
            repo_url=str(config.get("repo_url", "")).rstrip("/"),
            edit_uri=str(config.get("edit_uri", "edit/main/")),
            site_url=str(config.get("site_url", "")),
            license=str(extra.get("license", "CC-BY-SA-4.0")),
        )
    except (AttributeError, KeyError, TypeError) as exc:
        # e.g. a list where a mapping belongs, or an i18n language without 'locale'
        raise ProjectError(f"mkdocs.yml is not laid out as expected ({type(exc).__name__}: {exc}): check docs_dir, "
                           "extra and the i18n plugin's languages (each with 'locale:').") from None


def _languages(config: dict) -> tuple[Language, ...]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            langs = tuple(
                Language(str(entry["locale"]), str(entry.get("name", entry["locale"])), bool(entry.get("default", False)))
                for entry in entries
                if entry.get("build", True)
            )
            if sum(lang.default for lang in langs) != 1:
                raise ProjectError("mkdocs.yml: exactly one i18n language must have 'default: true'.")
            return langs
    return (Language("en", "English", True),)
