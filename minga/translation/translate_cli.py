"""`minga translation start|stamp`: the tooling that writes translation files' bookkeeping.

A translator never writes the source hash by hand: `start` makes a new translation from
its source (status draft), `stamp` records that a translation now matches its source.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from minga.translation import translation
from minga.content.frontmatter import read_document
from minga.content.loader import kind_of, load
from minga.content.project import Project


class TranslationCommandError(Exception):
    """A plain-language reason the command could not do what was asked."""


def _source_of(project: Project, path: Path) -> tuple[Path, str]:
    """(source path, language) of a translated file such as curriculum/act/x.es.md."""
    stem, _, lang = path.name[: -len(".md")].rpartition(".")
    if not stem or lang not in project.language_codes:
        raise TranslationCommandError(f"{path.name} is not named like a translation (name.<language>.md, with a language from mkdocs.yml).")
    return path.with_name(stem + ".md"), lang


def _words(project: Project, source: Path) -> tuple[str, ...]:
    loaded_tracks = {t.id for t in load(project).curriculum.tracks}
    src_uri = source.resolve().relative_to(project.docs_dir.resolve()).as_posix()
    return translation.MODULE_WORDS if kind_of(src_uri, loaded_tracks) == "module" else translation.PAGE_WORDS


def start(project: Project, lang: str, source: Path) -> Path:
    """Create source.<lang>.md: the source's words to translate, its body, status draft."""
    if lang not in project.language_codes or lang == next(l.code for l in project.languages if l.default):
        raise TranslationCommandError(f"'{lang}' is not one of the translated languages in mkdocs.yml: "
                                      + ", ".join(l.code for l in project.languages if not l.default))
    source = source.resolve()
    stem, _, suffix = source.name[: -len(".md")].rpartition(".")
    if stem and suffix in project.language_codes:
        # e.g. a shell pattern such as forms/*.md that also matched the translations made a moment ago
        raise TranslationCommandError(f"{project.relative(source)} is itself a translation: start from its source, "
                                      f"minga translation start {lang} {project.relative(source.with_name(stem + '.md'))}")
    target = source.with_name(source.name[: -len(".md")] + f".{lang}.md")
    if target.exists():
        raise TranslationCommandError(f"{project.relative(target)} already exists.")
    doc, problems = read_document(source, project.relative(source))
    if doc is None:
        raise TranslationCommandError("The source cannot be read: " + "; ".join(p.message for p in problems))
    words = _words(project, source)
    meta = {key: doc.meta[key] for key in words if key in doc.meta}
    if "hide" in doc.meta and words == translation.PAGE_WORDS:
        meta["hide"] = doc.meta["hide"]  # layout, not words: the translated page looks like its source
    if isinstance(meta.get("agenda"), list):
        meta["agenda"] = [{"title": item["title"]} for item in meta["agenda"] if isinstance(item, dict)]
    if isinstance(meta.get("safety"), dict):
        meta["safety"] = {k: v for k, v in meta["safety"].items() if k != "protocol"}
    if words == translation.MODULE_WORDS:
        for key in translation.WORDS_OUTSIDE_HASH:
            if isinstance(doc.meta.get(key), dict):
                meta[key] = {"alt": doc.meta[key].get("alt")}  # the picture itself comes from the source
            elif doc.meta.get(key):
                meta[key] = doc.meta[key]
    meta["translation"] = {"source_hash": translation.source_hash(doc, words), "status": "draft"}
    target.write_text("---\n" + _dump(meta) + "---\n" + doc.body, encoding="utf-8")
    _remember(project, source, meta["translation"]["source_hash"])
    return target


def stamp(project: Project, path: Path, reviewed: bool = False) -> str:
    """Record in `path` the hash of its source as it is now (and optionally mark it reviewed)."""
    path = path.resolve()
    source, _ = _source_of(project, path)
    source_doc, problems = read_document(source, project.relative(source))
    if source_doc is None:
        raise TranslationCommandError(f"The source {project.relative(source)} cannot be read.")
    doc, problems = read_document(path, project.relative(path))
    if doc is None or not doc.has_front_matter:
        raise TranslationCommandError(f"{project.relative(path)} has no readable front matter.")
    words = _words(project, source)
    current = doc.meta.get("translation") if isinstance(doc.meta.get("translation"), dict) else {}
    status = "reviewed" if reviewed else current.get("status", "draft")
    block = _dump({"translation": {"source_hash": translation.source_hash(source_doc, words), "status": status}})
    _remember(project, source, translation.source_hash(source_doc, words))
    text = path.read_text(encoding="utf-8")
    head, body = _split_front_matter(text)
    head = re.sub(r"^translation:.*\n(?:[ \t]+.*\n)*", "", head + "\n" if not head.endswith("\n") else head, flags=re.M)
    path.write_text(f"---\n{head}{block}---\n{body}", encoding="utf-8")
    return status


def _remember(project: Project, source: Path, hash_: str) -> None:
    """Keep this version of the source, so that 'what changed' works before anything is committed."""
    from minga.translation.changes import remember_source

    remember_source(project.root, project.relative(source), source.read_text(encoding="utf-8"), hash_)


def _split_front_matter(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    head = "\n".join(lines[1:end])
    return (head + "\n" if head else ""), "\n".join(lines[end + 1:])


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
