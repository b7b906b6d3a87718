"""Read every content file of a project into the content model, checking each file's shape.

Cross-file rules (unique ids, prerequisites, links...) live in `rules`; this module only
reads, and reports what cannot be read or does not have the declared shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from minga.content import forms, schema
from minga.translation import translation
from minga.content.body import BodyStructure, scan
from minga.content.frontmatter import Document, load_yaml, read_document, read_text
from minga.content.frontmatter import locate as frontmatter_locate
from minga.content.model import (AgendaBlock, Curriculum, Form, GlossaryTerm, GroupSize, Guide, Module, Page,
                    Picture, ReferralService, Safety, SourceRef, Track)
from minga.checks.check_cache import memo
from minga.checks.problems import Problem, did_you_mean
from minga.checks.html_policy import web_url
from minga.checks.publishing import RESERVED_IDS, contained
from minga.content.project import Project
from minga.content.real_paths import RealPaths

DATA_DIR = "_data"


@dataclass
class Loaded:
    """The curriculum, the problems found while reading it, and each file's body structure."""

    curriculum: Curriculum
    problems: list[Problem] = field(default_factory=list)
    structures: dict[str, BodyStructure] = field(default_factory=dict)  # by repository-relative file
    track_lines: dict[str, int] = field(default_factory=dict)
    guide_lines: dict[str, dict] = field(default_factory=dict)  # guide id -> key path -> line
    all_modules: list[Module] = field(default_factory=list)  # every readable module, duplicates included
    first_module_at: dict[str, Module] = field(default_factory=dict)  # src_uri -> the first module read there
    source_docs: dict[str, Document] = field(default_factory=dict)  # default-language documents by src_uri
    # Ids of modules whose front matter has problems: other files may still name them
    # without a second, misleading "unknown id" problem.
    unreadable_ids: set[str] = field(default_factory=set)
    # Body structures of files whose front matter cannot be read: only their anchors are used.
    salvaged: dict[str, BodyStructure] = field(default_factory=dict)


@dataclass(frozen=True)
class ContentFile:
    path: Path
    file: str  # relative to the repository root
    src_uri: str  # relative to docs_dir, language suffix removed
    lang: str


def load(project: Project) -> Loaded:
    curriculum = Curriculum(project.root, project.docs_dir, project.languages)
    loaded = Loaded(curriculum)
    _load_tracks(project, loaded)
    _load_glossaries(project, loaded)
    _load_referrals(project, loaded)
    track_ids = {t.id for t in curriculum.tracks}
    contents = discover(project)
    default = curriculum.default_language.code
    # Sources first: a translation takes its structure from its source.
    for content in contents:
        if content.lang == default:
            _load_markdown(project, content, track_ids, loaded)
    for content in contents:
        if content.lang != default:
            _load_translation(project, content, track_ids, loaded)
    _load_guides(project, loaded)
    return loaded


def discover(project: Project) -> list[ContentFile]:
    """Every Markdown file under docs_dir (outside _data), with its language."""
    default = next(lang.code for lang in project.languages if lang.default)
    others = set(project.language_codes) - {default}
    found = []
    real_paths = RealPaths()
    for path in sorted(project.docs_dir.rglob("*.md")):
        rel = path.relative_to(project.docs_dir)
        if rel.parts[0] == DATA_DIR or any(part.startswith(".") for part in rel.parts):
            continue
        if not contained(real_paths.of(path), project.root):
            continue  # reported by publishing.check_files_are_publishable; never read

        stem_parts = rel.name[: -len(".md")].split(".")
        lang = default
        if len(stem_parts) > 1 and stem_parts[-1] in others | {default}:
            lang = stem_parts[-1]
            rel = rel.with_name(".".join(stem_parts[:-1]) + ".md")
        found.append(ContentFile(path, project.relative(path, real_paths), rel.as_posix(), lang))
    return found


def kind_of(src_uri: str, track_ids: set[str]) -> str:
    parts = src_uri.split("/")
    if len(parts) == 2 and parts[0] in track_ids:
        return "track" if parts[1] == "index.md" else "module"
    return "page"


def _read(content: ContentFile, loaded: Loaded) -> Document | None:
    """Read one Markdown file, record its problems and the structure of its body."""
    doc, problems = read_document(content.path, content.file)
    loaded.problems += problems
    if doc is not None:
        # A pure function of the body: remembered across checks, like the front matter.
        loaded.structures[content.file] = memo("scan", f"{doc.body_line}\0{doc.body}", lambda: scan(doc.body, doc.body_line))
    else:
        _salvage(content, loaded)
    return doc


RE_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9-]{1,60})['\"]?\s*$", re.M)


def _salvage(content: ContentFile, loaded: Loaded) -> None:
    """A file whose front matter cannot be read still has an id and sections that other files name:
    keep them, so that its one problem does not turn into 'unknown id' and 'missing section' elsewhere."""
    try:
        text = content.path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if not lines or lines[0].rstrip() != "---" or closing is None:
        return
    found = RE_ID_LINE.search("\n".join(lines[1:closing]))
    if found:
        loaded.unreadable_ids.add(found.group(1))
    loaded.salvaged[content.file] = scan("\n".join(lines[closing + 1:]), closing + 2)


def _load_markdown(project: Project, content: ContentFile, track_ids: set[str], loaded: Loaded) -> None:
    doc = _read(content, loaded)
    if doc is None:
        return
    loaded.source_docs[content.src_uri] = doc
    kind = kind_of(content.src_uri, track_ids)
    if kind == "module":
        item = _module(doc, content, project, loaded)
    else:
        item = _page(doc, content, kind, loaded)
    if item is None:
        return
    curriculum = loaded.curriculum
    if isinstance(item, Module):
        loaded.all_modules.append(item)
        loaded.first_module_at.setdefault(item.src_uri, item)
        curriculum.modules.setdefault(item.id, item)
    else:
        curriculum.pages[item.src_uri] = item


def _load_translation(project: Project, content: ContentFile, track_ids: set[str], loaded: Loaded) -> None:
    doc = _read(content, loaded)
    if doc is None:
        return
    source_doc = loaded.source_docs.get(content.src_uri)
    doubled = content.src_uri[:-3].rpartition(".")[2] in project.language_codes
    if source_doc is None and doubled:
        loaded.problems.append(Problem(content.file, 0, "translation-orphan",
                                       "This file's name has two language codes: it translates a translation.",
                                       f"Delete it. Translations are started from the source, e.g. "
                                       f"minga translation start {content.lang} {project.relative(project.docs_dir)}/"
                                       f"{content.src_uri[:-3].rpartition('.')[0]}.md"))
        return
    if source_doc is None:
        source_file = f"{project.relative(project.docs_dir)}/{content.src_uri}"
        if not (project.docs_dir / content.src_uri).exists():
            loaded.problems.append(Problem(content.file, 0, "translation-orphan",
                                           f"This translation has no source: {source_file} does not exist.",
                                           f"Name the file after the page it translates, e.g. {content.src_uri[:-3]}.{content.lang}.md next to it."))
        return
    if not doc.has_front_matter:
        loaded.problems.append(Problem(content.file, 1, "missing-front-matter",
                                       "A translation must start with front matter holding at least 'title' and 'translation'.",
                                       f"Run: minga translation start {content.lang} {project.relative(project.docs_dir)}/{content.src_uri}"))
        return
    kind = kind_of(content.src_uri, track_ids)
    curriculum = loaded.curriculum
    if kind == "module":
        source = loaded.first_module_at.get(content.src_uri)
        if source is None:
            return  # the source's own problems are reported; nothing to pair with
        item, problems = translation.translated_module(doc, source, source_doc, content.lang, content.file)
    else:
        page = Page(_text(doc.meta.get("title")), content.file, content.src_uri, content.lang, doc.body, doc.body_line,
                    content.src_uri.split("/")[0] if kind == "track" else None)
        item, problems = translation.translated_page(doc, source_doc, page)
    loaded.problems += problems
    if item is not None:
        curriculum.translations.setdefault(content.src_uri, {})[content.lang] = item


def _module(doc: Document, content: ContentFile, project: Project, loaded: Loaded) -> Module | None:
    if not doc.has_front_matter:
        loaded.problems.append(Problem(content.file, 1, "missing-front-matter",
                                       "A module must start with front matter between two '---' lines.",
                                       "Copy the front matter of another module in this folder and change its values."))
        return None
    problems = schema.check_front_matter(doc, schema.MODULE, "module")
    loaded.problems += problems
    if problems:
        if isinstance(doc.meta.get("id"), str):
            loaded.unreadable_ids.add(doc.meta["id"].strip())
        return None
    meta = doc.meta
    group = meta.get("group_size")
    return Module(
        id=str(meta["id"]).strip(), title=str(meta["title"]).strip(), track=str(meta["track"]), order=meta["order"],
        duration_minutes=meta["duration_minutes"], audience=str(meta["audience"]).strip(),
        objectives=_texts(meta["objectives"]), materials=_texts(meta["materials"]),
        agenda=tuple(AgendaBlock(str(b["title"]).strip(), b["minutes"], b["mode"], doc.line_of(("agenda", i)))
                     for i, b in enumerate(meta["agenda"])),
        safety=Safety(_texts(meta["safety"]["watch_for"]), _texts(meta["safety"]["respond"]),
                      str(meta["safety"]["refer"]).strip(), meta["safety"].get("protocol", True) is not False),
        file=content.file, src_uri=content.src_uri, lang=content.lang, body=doc.body, body_line=doc.body_line,
        lines=doc.lines,
        key_messages=_texts(meta.get("key_messages")), preparation=_texts(meta.get("preparation")),
        group_size=GroupSize(group["min"], group["max"]) if group else None,
        prerequisites=_texts(meta.get("prerequisites")),
        home_practice=_text(meta.get("home_practice")),
        adaptations=tuple((key, str(text).strip()) for key, text in (meta.get("adaptations") or {}).items() if text),
        handouts=_texts(meta.get("handouts")),
        sources=tuple(SourceRef(str(s["title"]).strip(), _text(s.get("author")), s.get("year"), web_url(_text(s.get("url"))),
                                _text(s.get("license"))) for s in meta.get("sources") or ()),
        license=_text(meta.get("license")) or project.license,
        needs_local_referrals=meta.get("needs_local_referrals") is True,
        picture=Picture(str(meta["picture_card"]["image"]).strip(), str(meta["picture_card"]["alt"]).strip(), content.lang,
                        doc.line_of(("picture_card", "image"))) if meta.get("picture_card") else None,
        participant_title=_text(meta.get("participant_title")),
    )


def _page(doc: Document, content: ContentFile, kind: str, loaded: Loaded) -> Page | None:
    if {"id", "agenda", "duration_minutes"} & set(doc.meta):
        loaded.problems.append(Problem(content.file, 1, "module-outside-track",
                                       "This file looks like a module, but it is not in the folder of a track.",
                                       "Move it into curriculum/<track>/, where <track> is an id from curriculum/_data/tracks.yml."))
        return None
    is_form = kind == "page" and forms.is_form(content.src_uri)
    problems = schema.check_front_matter(doc, schema.FORM if is_form else schema.PAGE, "form" if is_form else "page")
    loaded.problems += problems
    if is_form:
        form_id = forms.form_id(content.src_uri)
        loaded.curriculum.forms[form_id] = Form(form_id, content.src_uri, content.file,
                                                doc.meta.get("orientation") or "portrait" if not problems else "portrait")
    track = content.src_uri.split("/")[0] if kind == "track" else None
    order = doc.meta.get("nav_order") if not problems and isinstance(doc.meta.get("nav_order"), int) else None
    section = _text(doc.meta.get("nav_section")) if not problems else None
    return Page(_text(doc.meta.get("title")), content.file, content.src_uri, content.lang, doc.body, doc.body_line, track,
                nav_order=order, nav_section=section)


def _load_yaml_file(path: Path, project: Project, loaded: Loaded, shape) -> tuple[object, dict] | None:
    file = project.relative(path)
    if not contained(path.resolve(), project.root):
        return None  # reported by publishing.check_files_are_publishable (symlink-outside); never read
    source, problems = read_text(path, file)
    loaded.problems += problems
    if source is None:
        return None
    data, problems = load_yaml(source.text, file)
    loaded.problems += problems
    if data is None or problems:
        return None
    locate = lambda key_path: frontmatter_locate(data.lines, key_path)  # noqa: E731
    problems = schema.check(data.data, shape, (), file, locate)
    loaded.problems += problems
    return (None, data.lines) if problems else (data.data, data.lines)


def _load_tracks(project: Project, loaded: Loaded) -> None:
    path = project.docs_dir / DATA_DIR / "tracks.yml"
    file = project.relative(path) if path.exists() else f"{project.relative(project.docs_dir)}/{DATA_DIR}/tracks.yml"
    if not path.is_file():
        loaded.problems.append(Problem(file, 0, "missing-data-file", "The list of tracks is missing.",
                                       "Create it with one '- id: ..., title: ..., description: ...' entry per track."))
        return
    result = _load_yaml_file(path, project, loaded, schema.ListOf(schema.TRACK, 1))
    if not result or result[0] is None:
        return
    data, lines = result
    tracks = []
    reserved = RESERVED_IDS | set(project.language_codes)
    for index, entry in enumerate(data):
        track_id = str(entry["id"]).strip()
        if track_id in loaded.track_lines:
            loaded.problems.append(Problem(file, lines[(index,)], "duplicate-track",
                                           f"The track '{track_id}' is declared twice (first on line {loaded.track_lines[track_id]}).",
                                           "Keep one entry per track."))
            continue
        if track_id in reserved:
            loaded.problems.append(Problem(file, lines[(index,)], "reserved-id",
                                           f"'{track_id}' cannot be a track id: the site uses that name for a language or its own files.",
                                           "Choose another id (reserved: " + ", ".join(sorted(reserved)) + ")."))
            continue
        tracks.append(Track(track_id, str(entry["title"]).strip(), str(entry["description"]).strip(), lines[(index,)]))
        loaded.track_lines[track_id] = lines[(index,)]
    loaded.curriculum.tracks = tuple(tracks)
    for lang in project.languages:
        if not lang.default:
            _load_translated_tracks(project, loaded, lang.code)


def _load_translated_tracks(project: Project, loaded: Loaded, lang: str) -> None:
    """tracks.<lang>.yml: the same track ids, with translated titles and descriptions."""
    path = project.docs_dir / DATA_DIR / f"tracks.{lang}.yml"
    if not path.is_file():
        return
    result = _load_yaml_file(path, project, loaded, schema.ListOf(schema.TRACK, 1))
    if not result or result[0] is None:
        return
    data, lines = result
    known = {t.id for t in loaded.curriculum.tracks}
    translated = {}
    for index, entry in enumerate(data):
        track_id = str(entry["id"]).strip()
        if track_id not in known:
            loaded.problems.append(Problem(project.relative(path), lines[(index,)], "unknown-track",
                                           f"The track '{track_id}' is not in tracks.yml.{did_you_mean(track_id, known)}",
                                           "Track ids are never translated: use the ids from tracks.yml."))
            continue
        translated[track_id] = Track(track_id, str(entry["title"]).strip(), str(entry["description"]).strip(), lines[(index,)])
    loaded.curriculum.translated_tracks[lang] = translated


def _load_glossaries(project: Project, loaded: Loaded) -> None:
    for lang in project.languages:
        name = "glossary.yml" if lang.default else f"glossary.{lang.code}.yml"
        path = project.docs_dir / DATA_DIR / name
        if not path.is_file():
            continue
        result = _load_yaml_file(path, project, loaded, schema.ListOf(schema.GLOSSARY_TERM))
        if result and result[0] is not None:
            loaded.curriculum.glossary[lang.code] = tuple(
                GlossaryTerm(str(t["term"]).strip(), str(t["definition"]).strip(), _texts(t.get("aliases")))
                for t in result[0])


def _load_referrals(project: Project, loaded: Loaded) -> None:
    """referrals.yml, and referrals.<lang>.yml where a local team wrote the table in that language."""
    for lang in project.languages:
        name = "referrals.yml" if lang.default else f"referrals.{lang.code}.yml"
        path = project.docs_dir / DATA_DIR / name
        if not path.is_file():
            continue
        result = _load_yaml_file(path, project, loaded, schema.REFERRALS)
        if result and result[0] is not None:
            data = result[0]
            services = tuple(
                ReferralService(str(s["need"]), str(s["service"]), str(s["contact"]), _text(s.get("hours")), _text(s.get("notes")),
                                _text(s.get("id")))
                for s in data["services"])
            table = (services, bool(data.get("localized", False)))
            if lang.default:
                loaded.curriculum.referrals, loaded.curriculum.referrals_localized = table
            else:
                loaded.curriculum.translated_referrals[lang.code] = table


def _load_guides(project: Project, loaded: Loaded) -> None:
    if not project.guides_dir.is_dir():
        return
    guides, translated = [], []
    others = set(project.language_codes) - {loaded.curriculum.default_language.code}
    for path in sorted(project.guides_dir.glob("*.y*ml")):
        stem, _, lang = path.stem.rpartition(".")
        if stem and lang in others:
            translated.append((path, stem, lang))
            continue
        result = _load_yaml_file(path, project, loaded, schema.GUIDE)
        if not result or result[0] is None:
            continue
        data, lines = result
        guides.append(Guide(path.stem, str(data["title"]).strip(), str(data["audience"]).strip(),
                            str(data["description"]).strip(), _texts(data["modules"]),
                            _texts(data.get("front_matter")), _texts(data.get("back_matter")), project.relative(path)))
        loaded.guide_lines[path.stem] = lines
    loaded.curriculum.guides = tuple(guides)
    ids = {g.id for g in guides}
    for path, guide_id, lang in translated:
        if guide_id not in ids:
            loaded.problems.append(Problem(project.relative(path), 0, "translation-orphan",
                                           f"This translation has no source: facilitator_guides/{guide_id}.yml does not exist.",
                                           "Name the file after the guide it translates: <guide>.<language>.yml."))
            continue
        result = _load_yaml_file(path, project, loaded, schema.GUIDE_WORDS)
        if result and result[0] is not None:
            data = result[0]
            loaded.curriculum.guide_words.setdefault(lang, {})[guide_id] = {
                key: str(data[key]).strip() for key in ("title", "audience", "description")}


def _texts(values) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in values or ())


def _text(value) -> str | None:
    return str(value).strip() if value is not None and str(value).strip() else None
