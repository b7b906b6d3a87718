"""Validation rules: one function per thing that must hold, each returning located problems.

`RULES` lists every problem code with what it means; the contributor guide mirrors it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import unquote

from minga.content import forms
from minga.checks.check_cache import memo
from minga.checks.foreign import describe_tool, target_of
from minga.web.anchors import effective_anchors
from minga.content.body import BodyStructure, in_code, slug
from minga.content.loader import Loaded, kind_of
from minga.content.real_paths import real_root
from minga.content.model import Module
from minga.checks.picture_rules import (check_picture_files_exist, check_pictures_described_in_every_language,
                            check_promised_pictures_exist)
from minga.checks.problems import Problem, did_you_mean
from minga.checks.publishing import check_files_are_publishable
from minga.checks.rendered_rules import check_rendered_html_is_allowed
from minga.checks.terminology import check_translations_use_glossary_terms
from minga.checks.timing import check_activities_fit_their_section

BLOCK_TYPES = ("say", "note", "steps", "discuss", "handout", "safety", "adapt", "aside", "answer")
MARKERS = ("minga:referrals", "minga:glossary", "minga:forms")
# Anchors our templates add to every module page, so that content can link to them.
MODULE_ANCHORS = ("at-a-glance", "agenda", "safety", "key-messages", "home-practice", "adaptations",
                  "handouts", "sources", "prerequisites")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

RULES = {
    "yaml-syntax": "Front matter or a data file is not valid YAML.",
    "yaml-alias": "YAML anchors and aliases are refused.",
    "yaml-too-deep": "YAML nested too deeply.",
    "file-too-large": "A content file is larger than 256 KB.",
    "not-utf8": "A file is not UTF-8 text.",
    "symlink-outside": "A file or folder that is a link to a place outside the repository.",
    "unreadable": "A file that cannot be read at all (permissions, a broken link...).",
    "front-matter-unclosed": "Front matter opened with '---' and never closed.",
    "front-matter-shape": "Front matter is not a set of 'key: value' lines.",
    "missing-front-matter": "A module has no front matter.",
    "duplicate-key": "The same key appears twice.",
    "yaml-key": "A YAML key that is a list or mapping instead of a plain word.",
    "missing-key": "A required key is missing.",
    "unknown-key": "A key that is not part of the format (with 'did you mean').",
    "wrong-type": "A value of the wrong kind (text, number, list...).",
    "empty-value": "A value that must not be empty is empty.",
    "empty-list": "A list that needs items is empty.",
    "bad-value": "A value outside the allowed set or pattern.",
    "out-of-range": "A number outside its allowed range.",
    "unknown-track": "A module names a track that tracks.yml does not declare.",
    "track-folder": "A module is not in the folder of its track.",
    "missing-track-page": "A declared track has no index.md page.",
    "module-outside-track": "A module file outside any track folder.",
    "duplicate-id": "Two modules share an id.",
    "duplicate-order": "Two modules of one track share an order.",
    "unknown-prerequisite": "A prerequisite names no module.",
    "prerequisite-cycle": "Prerequisites that go round in a circle.",
    "agenda-total": "Agenda minutes do not add up to duration_minutes.",
    "group-size": "group_size min is larger than max.",
    "agenda-section": "An agenda block has no '## ' section with its title.",
    "activity-time": "Timed activities in a section ('/// steps | Pairs (10 minutes)') take longer than its agenda block.",
    "unknown-block": "A '///' block type outside the closed set.",
    "todo": "A 'TODO:' left for a person to finish (minga import writes them where it cannot map something).",
    "foreign-block": "A block of another tool ('::: challenge', '!!! note') that would show as plain text.",
    "unclosed-block": "A '///' block that is never closed.",
    "stray-block-end": "A closing '///' with no open block.",
    "handout-mismatch": "handouts in front matter and handout blocks do not match.",
    "broken-link": "A link to a page or file that does not exist.",
    "broken-anchor": "A link to a section that does not exist.",
    "link-outside": "A link or picture that points outside the curriculum.",
    "missing-image": "A picture file that does not exist.",
    "image-alt": "A picture without a description (alt text).",
    "remote-image": "A picture loaded from another website.",
    "raw-html": "An HTML element outside the allowed set, found in the page as it renders.",
    "html-attribute": "An HTML attribute outside the allowed set (event handlers, styles, '<' in a title...).",
    "render-failed": "A page that Markdown cannot turn into HTML.",
    "attribute-list": "A '{key=value}' attribute list (attributes can carry scripts, styles or attachments).",
    "link-scheme": "A link that is not a web page, e-mail address or phone number (file:, javascript:, data:...).",
    "unknown-marker": "An HTML comment marker that Minga does not know.",
    "unknown-guide-module": "A guide lists a module id that does not exist.",
    "unknown-guide-page": "A guide lists a page that does not exist.",
    "translation-structure": "A translation changes a number or structural key of its source.",
    "translation-agenda": "A translated agenda that does not pair block by block with the source's.",
    "translation-orphan": "A translation whose source file does not exist.",
    "translation-anchor": "A translation that lacks a section other pages link to (its headings differ from the source's).",
    "missing-data-file": "A required data file is missing.",
    "invisible-character": "A control, direction or other invisible character in text.",
    "too-long": "A value longer than its limit (titles: 150 characters).",
    "duplicate-track": "The same track id is declared twice in tracks.yml.",
    "reserved-id": "A track id that the site uses for a language or its own files (es, assets, search, pdf...).",
    "duplicate-guide-module": "A guide lists the same module more than once.",
    "guide-too-long": "A guide whose sessions and pages hold more lines than one printed document may (about 400 pages).",
    "file-name": "A file or folder name with characters outside letters, digits, '-', '_' and '.'.",
    "unpublished-file": "A file of a kind the site does not publish (only pages, data files and pictures).",
    "reserved-path": "A file or folder that would take the place of the theme's, the search's, the PDFs' or a language's.",
    "svg-content": "An SVG picture with scripts, event handlers, styles, animation or links to other files.",
    "glossary-term": "A translation that does not use its language's glossary term where the source uses the term (warning).",
    "form-block": "A form block outside a form page, or a block a form page cannot use.",
    "form-rows": "A '/// table' without a number of rows (or '/// lines' with a wrong number).",
    "form-items": "A form block without the list items it needs, or an unknown '[word]' in an item.",
    "form-translation": "A translated form whose blocks, rows or items do not match its source.",
    "picture-missing": "A session that mentions a picture card or picture version has no 'picture_card'.",
    "picture-alt": "A translation of a session with a picture card does not say what the picture shows.",
}


def validate(loaded: Loaded) -> list[Problem]:
    """Every problem in the loaded curriculum, sorted by file and line."""
    problems = list(loaded.problems)
    for check in FILE_CHECKS:
        for file, structure in loaded.structures.items():
            problems += check(file, structure, loaded)
    for check in MODULE_CHECKS:
        for module in _every_module(loaded):
            problems += check(module, loaded.structures.get(module.file), loaded)
    for check in CURRICULUM_CHECKS:
        problems += check(loaded)
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.code, p.message))


def _every_module(loaded: Loaded) -> Iterator[Module]:
    yield from loaded.all_modules
    for by_lang in loaded.curriculum.translations.values():
        yield from (item for item in by_lang.values() if isinstance(item, Module))


# --- Module rules --------------------------------------------------------------------------

def check_track_is_declared(module: Module, structure, loaded: Loaded) -> Iterable[Problem]:
    declared = [t.id for t in loaded.curriculum.tracks]
    folder = module.src_uri.split("/")[0]
    if module.track not in declared:
        yield Problem(module.file, module.line_of("track"), "unknown-track",
                      f"The track '{module.track}' is not declared.{did_you_mean(module.track, declared)}",
                      "Use one of: " + ", ".join(declared) + " (declared in curriculum/_data/tracks.yml).")
    elif module.track != folder:
        yield Problem(module.file, module.line_of("track"), "track-folder",
                      f"The module says 'track: {module.track}' but is in the folder '{folder}'.",
                      f"Move the file to curriculum/{module.track}/, or write 'track: {folder}'.")


def check_agenda_adds_up(module: Module, structure, loaded: Loaded) -> Iterable[Problem]:
    total = sum(block.minutes for block in module.agenda)
    if total != module.duration_minutes:
        parts = " + ".join(str(b.minutes) for b in module.agenda)
        difference = module.duration_minutes - total
        change = f"add {difference} minutes to" if difference > 0 else f"remove {-difference} minutes from"
        yield Problem(module.file, module.line_of("agenda"), "agenda-total",
                      f"The agenda adds up to {total} minutes ({parts}), but duration_minutes is {module.duration_minutes}.",
                      f"Either {change} the agenda blocks, or set duration_minutes to {total}.")


def check_group_size_is_a_range(module: Module, structure, loaded: Loaded) -> Iterable[Problem]:
    if module.group_size and module.group_size.min > module.group_size.max:
        yield Problem(module.file, module.line_of("group_size"), "group-size",
                      f"group_size min ({module.group_size.min}) is larger than max ({module.group_size.max}).",
                      "Swap the two numbers.")


def check_agenda_blocks_have_sections(module: Module, structure: BodyStructure | None, loaded: Loaded) -> Iterable[Problem]:
    if structure is None:
        return
    sections = {h.text for h in structure.headings if h.level == 2}
    for index, block in enumerate(module.agenda):
        if block.title not in sections:
            close = did_you_mean(block.title, sections)
            yield Problem(module.file, block.line, "agenda-section",
                          f"The agenda block '{block.title}' has no section in the body.{close}",
                          f"Add the heading '## {block.title}' where the script of this block starts (the titles must be identical).")


def check_handouts_match_blocks(module: Module, structure: BodyStructure | None, loaded: Loaded) -> Iterable[Problem]:
    if structure is None:
        return
    blocks = [b for b in structure.blocks if b.name == "handout"]
    titles = {b.title for b in blocks}
    for index, title in enumerate(module.handouts):
        if title not in titles:
            yield Problem(module.file, module.line_of("handouts", index), "handout-mismatch",
                          f"The handout '{title}' has no '/// handout | {title}' block in the body.",
                          "Add the block with exactly this title, or remove the handout from the list.")
    for block in blocks:
        if block.title is None:
            yield Problem(module.file, block.line, "handout-mismatch", "A handout block has no title.",
                          "Give it one, as in '/// handout | My values compass', and list that title under 'handouts'.")
        elif block.title not in module.handouts:
            yield Problem(module.file, block.line, "handout-mismatch",
                          f"The handout block '{block.title}' is not listed under 'handouts' in the front matter.",
                          f"Add '- {block.title}' to 'handouts'.")


# --- Rules for every Markdown file ---------------------------------------------------------

def check_block_types_are_known(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    in_form = forms.is_form(_strip_lang(_src_uri_of(file, loaded), loaded))
    for block in structure.blocks:
        if in_form:
            allowed = forms.FORM_BLOCKS + forms.OTHER_BLOCKS_IN_FORMS
            if block.name not in allowed:
                guess = "" if block.name in BLOCK_TYPES else did_you_mean(block.name, allowed)
                yield Problem(file, block.line, "form-block",
                              f"A form cannot use the block type '{block.name}'.{guess}",
                              "Blocks in a form can be: " + ", ".join(allowed) + " (see CONTRIBUTING.md, 'Forms').")
        elif block.name in forms.FORM_BLOCKS:
            yield Problem(file, block.line, "form-block",
                          f"The block type '{block.name}' is only for forms (curriculum/forms/).",
                          "Move the form into curriculum/forms/, or use a session block: " + ", ".join(BLOCK_TYPES) + ".")
        elif block.name not in BLOCK_TYPES:
            yield Problem(file, block.line, "unknown-block",
                          f"Unknown block type '{block.name}'.{did_you_mean(block.name, BLOCK_TYPES)}",
                          "Blocks can be: " + ", ".join(BLOCK_TYPES) + " (see CONTRIBUTING.md).")


def check_no_foreign_blocks(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    for block in structure.foreign:
        shown = f"{block.fence} {block.name}"
        where = f"'{shown}' is {describe_tool(block.fence)}: Minga does not read it, and the page would show it as plain text."
        target = target_of(block.name)
        closing = "its closing ':::'" if block.fence.startswith(":") else "the end of its indented lines"
        indent = "" if block.fence.startswith(":") else ", without their 4-space indent"
        if target is None:
            hint = ("Use a Minga block: " + ", ".join(f"/// {b}" for b in BLOCK_TYPES) +
                    f". Write '/// type | title' on this line, the lines inside{indent}, and a line with only '///' at {closing}.")
        elif target.key:
            hint = f"Move its items into the front matter list '{target.key}', one '- item' per line, and delete the block."
        else:
            why = f" ({target.why})" if target.why else ""
            hint = (f"Use '/// {target.block}'{why}: write '/// {target.block} | title' on this line, the lines inside{indent}, "
                    f"and a line with only '///' at {closing}.")
        yield Problem(file, block.line, "foreign-block", where, hint)


RE_TODO = re.compile(r"\bTODO:\s*(.{0,120})")


def check_no_todo_left(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    """'TODO:' marks what a person must still do (minga import writes them): never published."""
    try:
        lines = (loaded.curriculum.root / file).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeError):
        return
    for number, what in memo("todo", "\n".join(lines), lambda: _todos(lines)):
        yield Problem(file, number, "todo", f"A TODO is left here: {what}",
                      "Do what it says and delete the 'TODO:' text (and the line, if nothing else is on it).")


def _todos(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, what is left to do) of each 'TODO:' outside code."""
    todos = []
    for number, (line, code) in enumerate(zip(lines, in_code(lines)), start=1):
        found = None if code else RE_TODO.search(line)
        if found:
            todos.append((number, found.group(1).strip().strip("\"'") or "this is not finished"))
    return todos


def check_blocks_are_closed(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    for block in structure.unclosed:
        yield Problem(file, block.line, "unclosed-block", f"The '{block.fence} {block.name}' block is never closed.",
                      f"Add a line with only '{block.fence}' where the block ends.")
    for line in structure.stray_ends:
        yield Problem(file, line, "stray-block-end", "This '///' line closes no open block.",
                      "Remove it, or check that the block above opens with the same number of slashes.")


def check_no_attribute_lists(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    for attrs in structure.attributes:
        yield Problem(file, attrs.line, "attribute-list", f"The attribute list '{{{attrs.text}}}' is not allowed.",
                      "Remove it: use plain Markdown. Only '{#anchor-name}' after a heading is allowed.")


def check_markers_are_known(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    for comment in structure.comments:
        if comment.text.startswith("minga:") and comment.text not in MARKERS:
            yield Problem(file, comment.line, "unknown-marker", f"Unknown marker '<!-- {comment.text} -->'.{did_you_mean(comment.text, MARKERS)}",
                          "Known markers: " + ", ".join(f"<!-- {m} -->" for m in MARKERS) + ".")


def check_images(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    docs_dir = loaded.curriculum.docs_dir
    for link in structure.links:
        if not link.is_image:
            continue
        if not link.text.strip():
            yield Problem(file, link.line, "image-alt", f"The picture '{link.target}' has no description.",
                          "Describe it between the brackets, for people who cannot see it: ![Two people talking](...)")
        if EXTERNAL.match(link.target) or link.target.startswith("//"):
            continue  # reported on the rendered page (rendered_rules)
        path = _resolve(file, link.target.split("#")[0], loaded)
        if path is None:
            yield Problem(file, link.line, "link-outside", f"The picture '{link.target}' points outside the curriculum folder.",
                          "Keep pictures in curriculum/assets/images/.")
        elif not _is_file(docs_dir / path):
            guess = suggest_path(path, _src_uri_of(file, loaded), loaded)
            hint = f"Did you mean '{guess}'? " if guess and guess != link.target.split("#")[0] else ""
            yield Problem(file, link.line, "missing-image", f"The picture '{link.target}' does not exist.",
                          hint + "Check the file name and folder (names are case-sensitive); pictures live in curriculum/assets/images/.")


def check_links(file: str, structure: BodyStructure, loaded: Loaded) -> Iterable[Problem]:
    docs_dir = loaded.curriculum.docs_dir
    anchors = anchor_index(loaded)
    own_uri = _src_uri_of(file, loaded)
    for link in structure.links:
        if link.is_image or EXTERNAL.match(link.target) or link.target.startswith("//") or not link.target:
            continue
        path_part, _, anchor = link.target.partition("#")
        if link.target.startswith("/"):
            yield Problem(file, link.line, "broken-link", f"The link '{link.target}' starts with '/'.",
                          "Use a path relative to this file, for example '../safety-protocol.md'.")
            continue
        target_uri = own_uri if not path_part else _resolve(file, path_part, loaded)
        if target_uri is None:
            yield Problem(file, link.line, "link-outside", f"The link '{link.target}' points outside the curriculum folder.",
                          "Link only to pages and files inside curriculum/.")
            continue
        if path_part and not _is_file(docs_dir / target_uri):
            yield Problem(file, link.line, "broken-link", f"The link '{link.target}' leads to a page or file that does not exist.",
                          _link_hint(path_part, target_uri, own_uri, loaded))
            continue
        if anchor and target_uri.endswith(".md") and anchor not in anchors.get(target_uri, set()):
            known = anchors.get(target_uri, set())
            yield Problem(file, link.line, "broken-anchor",
                          f"The section '#{anchor}' does not exist in {target_uri}.{did_you_mean(anchor, known)}",
                          "A section's anchor is its heading in lowercase with hyphens, e.g. '## When to refer' is '#when-to-refer'.")


def _is_file(path: Path) -> bool:
    """Whether a link target is a file; a target the system cannot even look up (too long...) is not."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _link_hint(path_part: str, target_uri: str, own_uri: str, loaded: Loaded) -> str:
    if path_part.endswith("/") or "." not in posixpath.basename(path_part):
        return "Link to the Markdown file itself, for example 'being-present.md' or '../act/index.md'."
    folder = posixpath.join(_docs_rel(loaded), posixpath.dirname(own_uri))
    guess = suggest_path(target_uri, own_uri, loaded)
    if guess and guess != path_part:
        return f"Did you mean '{guess}'? Paths are relative to the folder of this file ({folder}/)."
    return (f"Paths are relative to the folder of this file ({folder}/): write '../' to go up one folder; "
            "pictures live in curriculum/assets/images/.")


def suggest_path(target_uri: str, own_uri: str, loaded: Loaded) -> str | None:
    """The existing file closest to what a link asked for, written relative to the linking page.

    Files of the same kind only (a page for a page, a picture for a picture), matched first by
    their whole path, then by their name wherever they are."""
    docs = loaded.curriculum.docs_dir
    suffix = posixpath.splitext(target_uri)[1].lower()
    same_kind = [p.relative_to(docs).as_posix() for p in docs.rglob(f"*{suffix}") if "_data" not in p.parts] if suffix else []
    match = difflib.get_close_matches(target_uri, same_kind, n=1, cutoff=0.6)
    if not match:
        by_name: dict[str, str] = {}
        for candidate in same_kind:
            by_name.setdefault(posixpath.basename(candidate), candidate)
        names = difflib.get_close_matches(posixpath.basename(target_uri), list(by_name), n=1, cutoff=0.75)
        match = [by_name[names[0]]] if names else []
    if not match:
        return None
    return posixpath.relpath(match[0], posixpath.dirname(own_uri) or ".")


def _src_uri_of(file: str, loaded: Loaded) -> str:
    docs = _docs_rel(loaded)
    return file[len(docs) + 1:] if file.startswith(docs + "/") else file


def _resolve(file: str, target: str, loaded: Loaded) -> str | None:
    """The docs-relative path a relative link points to, or None when it leaves the docs folder."""
    here = posixpath.dirname(_src_uri_of(file, loaded))
    joined = posixpath.normpath(posixpath.join(here, unquote(target)))
    if joined.startswith("../") or joined == ".." or posixpath.isabs(joined):
        return None
    return joined


def anchor_index(loaded: Loaded) -> dict[str, set[str]]:
    """Section anchors of every page, by docs-relative path (including language-suffixed files)."""
    cached = getattr(loaded, "_anchors", None)
    if cached is not None:
        return cached
    index: dict[str, set[str]] = {}
    track_ids = {t.id for t in loaded.curriculum.tracks}
    translated = {item.file: item for by_lang in loaded.curriculum.translations.values() for item in by_lang.values()}
    for file, structure in [*loaded.structures.items(), *loaded.salvaged.items()]:
        uri = _src_uri_of(file, loaded)
        anchors = set(structure.anchors)
        if file in translated:  # rendered with its source's anchors (minga/web/anchors.py)
            anchors = set(effective_anchors(loaded.curriculum, translated[file]).values())
        if kind_of(_strip_lang(uri, loaded), track_ids) == "module":
            anchors |= set(MODULE_ANCHORS)
        if any(c.text == "minga:glossary" for c in structure.comments):
            for terms in loaded.curriculum.glossary.values():
                anchors |= {slug(term.term) for term in terms}
        index[uri] = anchors
    loaded._anchors = index
    return index


def check_translations_keep_linked_anchors(loaded: Loaded) -> Iterable[Problem]:
    """A link to 'page.md#section' leads, in each language, to that page's translation: the section
    must be there too, or the build stops on a page the translator never touched."""
    anchors = anchor_index(loaded)
    docs = _docs_rel(loaded)
    reported: set[tuple[str, str]] = set()
    for file, structure in sorted(loaded.structures.items()):
        own_uri = _src_uri_of(file, loaded)
        for link in structure.links:
            if link.is_image or EXTERNAL.match(link.target) or "#" not in link.target or link.target.startswith(("/", "#")):
                continue
            path_part, _, anchor = link.target.partition("#")
            target = _resolve(file, path_part, loaded)
            if not target or not target.endswith(".md") or anchor not in anchors.get(target, set()):
                continue  # a broken link or anchor in the source is reported by check_links
            for lang, item in sorted(loaded.curriculum.translations.get(target, {}).items()):
                if anchor in anchors.get(_src_uri_of(item.file, loaded), set()) or (item.file, anchor) in reported:
                    continue
                reported.add((item.file, anchor))
                yield Problem(item.file, item.body_line, "translation-anchor",
                              f"{file} (line {link.line}) links to the section '#{anchor}' of {docs}/{target}, "
                              "but this translation has no heading with that anchor.",
                              "Keep the source's headings, in the same order and at the same levels: translated headings then "
                              f"keep their anchors by themselves. Or write '{{#{anchor}}}' at the end of the heading that translates it.")


def _strip_lang(uri: str, loaded: Loaded) -> str:
    stem, _, last = uri[:-3].rpartition(".")
    return f"{stem}.md" if stem and last in {lang.code for lang in loaded.curriculum.languages} else uri


# --- Rules across the curriculum -----------------------------------------------------------

def check_ids_are_unique(loaded: Loaded) -> Iterable[Problem]:
    first: dict[str, Module] = {}
    for module in loaded.all_modules:
        if module.id in first:
            other = first[module.id]
            yield Problem(module.file, module.line_of("id"), "duplicate-id",
                          f"The id '{module.id}' is already used by {other.file} (line {other.line_of('id')}).",
                          "Give this module its own id; ids never change once published, so change the newer one.")
        else:
            first[module.id] = module


def check_orders_are_unique(loaded: Loaded) -> Iterable[Problem]:
    seen: dict[tuple[str, int], Module] = {}
    for module in loaded.all_modules:
        key = (module.track, module.order)
        if key in seen and seen[key].id != module.id:
            yield Problem(module.file, module.line_of("order"), "duplicate-order",
                          f"Order {module.order} in track '{module.track}' is also used by {seen[key].file}.",
                          "Give each module of a track its own position.")
        seen.setdefault(key, module)


def check_prerequisites_exist(loaded: Loaded) -> Iterable[Problem]:
    ids = loaded.curriculum.modules
    for module in loaded.all_modules:
        for index, prerequisite in enumerate(module.prerequisites):
            if prerequisite == module.id:
                yield Problem(module.file, module.line_of("prerequisites", index), "prerequisite-cycle",
                              f"The module '{module.id}' lists itself as a prerequisite.", "Remove it from 'prerequisites'.")
            elif prerequisite not in ids and prerequisite not in loaded.unreadable_ids:
                yield Problem(module.file, module.line_of("prerequisites", index), "unknown-prerequisite",
                              f"The prerequisite '{prerequisite}' is not the id of any module.{did_you_mean(prerequisite, ids)}",
                              "Use the 'id' written in the front matter of the other module.")


def check_prerequisites_have_no_cycle(loaded: Loaded) -> Iterable[Problem]:
    modules = loaded.curriculum.modules
    state: dict[str, int] = {}  # 1 = visiting, 2 = done
    reported: set[frozenset] = set()

    def visit(module_id: str, path: list[str]) -> Iterator[Problem]:
        state[module_id] = 1
        for prerequisite in modules[module_id].prerequisites:
            if prerequisite not in modules or prerequisite == module_id:
                continue
            if state.get(prerequisite) == 1:
                cycle = path[path.index(prerequisite):] + [prerequisite]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    module = modules[module_id]
                    line = module.line_of("prerequisites", module.prerequisites.index(prerequisite))
                    yield Problem(module.file, line, "prerequisite-cycle",
                                  "Prerequisites go round in a circle: " + " -> ".join(cycle) + ".",
                                  "Remove one of these prerequisites so that there is a first module to run.")
            elif state.get(prerequisite) is None:
                yield from visit(prerequisite, path + [prerequisite])
        state[module_id] = 2

    for module_id in sorted(modules):
        if module_id not in state:
            yield from visit(module_id, [module_id])


def check_tracks_have_pages(loaded: Loaded) -> Iterable[Problem]:
    for track in loaded.curriculum.tracks:
        if f"{track.id}/index.md" not in loaded.curriculum.pages:
            yield Problem(f"{_docs_rel(loaded)}/_data/tracks.yml", track.line, "missing-track-page",
                          f"The track '{track.id}' has no page.",
                          f"Create curriculum/{track.id}/index.md with a 'title:' and a short introduction.")


def check_guides(loaded: Loaded) -> Iterable[Problem]:
    modules = loaded.curriculum.modules
    for guide in loaded.curriculum.guides:
        lines = loaded.guide_lines.get(guide.id, {})
        listed: set[str] = set()
        for index, module_id in enumerate(guide.modules):
            if module_id in listed:
                yield Problem(guide.file, lines.get(("modules", index), lines.get(("modules",), 1)), "duplicate-guide-module",
                              f"The guide lists '{module_id}' more than once.", "List each session once.")
                continue
            listed.add(module_id)
            if module_id not in modules and module_id not in loaded.unreadable_ids:
                yield Problem(guide.file, lines.get(("modules", index), lines.get(("modules",), 1)), "unknown-guide-module",
                              f"The guide lists '{module_id}', which is not the id of any module.{did_you_mean(module_id, modules)}",
                              "Use the 'id' from the module's front matter.")
        yield from _guide_size(guide, lines, loaded)
        for key in ("front_matter", "back_matter"):
            for index, page in enumerate(getattr(guide, key)):
                if page not in loaded.curriculum.pages:
                    yield Problem(guide.file, lines.get((key, index), 1), "unknown-guide-page",
                                  f"The page '{page}' in '{key}' does not exist.{did_you_mean(page, loaded.curriculum.pages)}",
                                  "Write the page path relative to curriculum/, for example 'safety-protocol.md'.")


MAX_GUIDE_LINES = 15000  # about 400 printed pages: WeasyPrint holds a whole document in memory while laying it out


def _guide_size(guide, lines: dict, loaded: Loaded) -> Iterable[Problem]:
    """A guide is one PDF made in one process: its size, hence the memory of that process, is bounded."""
    curriculum = loaded.curriculum
    items = [curriculum.modules[m] for m in dict.fromkeys(guide.modules) if m in curriculum.modules]
    items += [curriculum.pages[p] for p in (*guide.front_matter, *guide.back_matter) if p in curriculum.pages]
    total = sum(item.body.count("\n") + 1 for item in items)
    if total > MAX_GUIDE_LINES:
        yield Problem(guide.file, lines.get(("modules",), 1), "guide-too-long",
                      f"The guide's sessions and pages hold {total} lines; one guide may hold at most {MAX_GUIDE_LINES} "
                      "(about 400 printed pages).",
                      "Split it into two guides (for example one per part of the program), each with its own manifest.")


def check_forms(loaded: Loaded) -> Iterable[Problem]:
    """Each form's blocks (source and translations); a translation keeps its source's blocks and rows."""
    curriculum = loaded.curriculum
    for form in curriculum.forms.values():
        source = curriculum.pages.get(form.src_uri)
        if source is None:
            continue
        yield from forms.check(source.file, source.body, source.body_line)
        expected = forms.shape(source.body)
        for lang, page in sorted(curriculum.translations.get(form.src_uri, {}).items()):
            yield from forms.check(page.file, page.body, page.body_line)
            got = forms.shape(page.body)
            if got == expected:
                continue
            blocks = forms.parse(page.body, page.body_line).blocks
            index = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            line = blocks[index].line if index < len(blocks) else page.body_line
            if index >= len(got) or index >= len(expected):
                message = f"This translation has {len(got)} form block(s), but its source {source.file} has {len(expected)}."
            else:
                (kind, rows, items), (s_kind, s_rows, s_items) = got[index], expected[index]
                message = (f"Form block {index + 1} is '/// {kind}' with {rows} row(s) and {items} item(s), but in the source it is "
                           f"'/// {s_kind}' with {s_rows} row(s) and {s_items} item(s).")
            yield Problem(page.file, line, "form-translation", message,
                          "Translate the words only: keep every block of the source, in the same order, with the same "
                          "number after '|' and the same number of list items.")


def _docs_rel(loaded: Loaded) -> str:
    return _docs_folder(loaded.curriculum.docs_dir, loaded.curriculum.root)


@lru_cache(maxsize=16)
def _docs_folder(docs_dir: Path, root: Path) -> str:
    """The docs folder relative to the repository (resolved once: it is asked for every link)."""
    return docs_dir.resolve().relative_to(real_root(root)).as_posix()


FILE_CHECKS = (check_block_types_are_known, check_no_foreign_blocks, check_no_todo_left, check_blocks_are_closed, check_no_attribute_lists,
               check_markers_are_known, check_images, check_links)
MODULE_CHECKS = (check_track_is_declared, check_agenda_adds_up, check_group_size_is_a_range,
                 check_agenda_blocks_have_sections, check_handouts_match_blocks, check_activities_fit_their_section,
                 check_promised_pictures_exist, check_picture_files_exist)
CURRICULUM_CHECKS = (check_ids_are_unique, check_orders_are_unique, check_prerequisites_exist,
                     check_prerequisites_have_no_cycle, check_tracks_have_pages, check_guides,
                     check_files_are_publishable, check_rendered_html_is_allowed, check_forms,
                     check_translations_use_glossary_terms, check_translations_keep_linked_anchors,
                     check_pictures_described_in_every_language)
