"""Which files of the repository may reach the site, and the rules that say why others may not.

Only pages we render and checked pictures are published. Every path is followed through its
links first: what it really is must lie inside the repository, outside any hidden folder such as
.git. File and folder names follow a plain pattern, so that no name can forge a message, a
terminal colour or a GitHub annotation, and no name takes the place of the theme's files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from minga.checks.problems import Problem
from minga.content.real_paths import RealPaths, real_root
from minga.checks.svg_policy import svg_problems

PICTURE_TYPES = frozenset({".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"})
PICTURE_FOLDER = "assets/images/"
SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
# Paths the build writes itself: content may not take them (language folders are added per project).
GENERATED = ("assets/javascripts", "assets/stylesheets", "assets/fonts", "search", "pdf", "offline",
             "catalog.json", "sitemap.xml", "sitemap.xml.gz", "404.html", "index.html")
RESERVED_IDS = frozenset({"assets", "search", "pdf", "offline", "catalog", "sitemap", "404", "site"})


@dataclass(frozen=True)
class Entry:
    """One file found under a content folder, as the build would see it."""

    path: Path  # as found (through links)
    rel: str  # relative to the folder walked, with '/'
    shown: str  # repository-relative, safe to print
    real: Path  # after resolving every link


def shown_path(path: Path, root: Path) -> str:
    """A path as contributors see it, with anything unprintable written as an escape."""
    try:
        text = path.relative_to(root).as_posix()
    except ValueError:
        text = path.as_posix()
    return printable(text).replace("\n", "\\n")  # a name is one line, whatever it holds


def printable(text: str) -> str:
    """`text` with control, format (bidi) and undecodable characters written as escapes (newlines kept:
    callers that need one line, such as file names in annotations, escape them again)."""
    import unicodedata

    out = []
    for char in text:
        if char in "\t\n" or (unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp") and char != "\x7f"):
            out.append(char)
        else:
            out.append(char.encode("unicode_escape", "backslashreplace").decode("ascii")
                       if ord(char) < 0xD800 or ord(char) > 0xDFFF else f"\\x{ord(char) - 0xDC00:02x}")
    return "".join(out)


def walk(top: Path, root: Path) -> Iterator[Entry]:
    """Every file under `top`, following folder links as MkDocs does, each folder once; a folder
    whose real place is outside the repository (or hidden) is given as one entry, not entered."""
    seen: set[Path] = set()
    real_paths = RealPaths()
    for folder, dirs, files in os.walk(top, followlinks=True):
        real_folder = real_paths.folder(Path(folder))
        if real_folder in seen:
            dirs[:] = []
            continue
        seen.add(real_folder)
        dirs.sort()
        linked = []
        for name in list(dirs):
            path = Path(folder) / name
            if name.startswith(".") or not contained(real_paths.of(path), root):
                dirs.remove(name)
                linked.append(name)
        for name in sorted(files) + linked:
            path = Path(folder) / name
            yield Entry(path, path.relative_to(top).as_posix(), shown_path(path, root), real_paths.of(path))


def contained(real: Path, root: Path) -> bool:
    """Inside the repository once every link is resolved, and outside its hidden folders (.git)."""
    root = real_root(root)
    if not real.is_relative_to(root):
        return False
    return not any(part.startswith(".") for part in real.relative_to(root).parts)


def is_picture(rel: str) -> bool:
    return rel.startswith(PICTURE_FOLDER) and Path(rel).suffix.lower() in PICTURE_TYPES


def publishable(project, page_paths: set[str]) -> set[Path]:
    """Real paths of the files the site may contain: the pages we render and checked pictures."""
    allowed = set()
    for entry in walk(project.docs_dir, project.root):
        if not contained(entry.real, project.root) or not entry.real.is_file():
            continue
        if str(entry.real) in page_paths or (is_picture(entry.rel) and _picture_ok(entry)):
            allowed.add(entry.real)
    return allowed


def _picture_ok(entry: Entry) -> bool:
    if entry.real.suffix.lower() != ".svg":
        return True
    try:
        return not svg_problems(entry.real.read_bytes())
    except OSError:
        return False


def reserved_paths(project, theme_dirs: Iterable[Path]) -> set[str]:
    """Site paths the build or the theme owns: a content file there would replace them."""
    reserved = set(GENERATED) | {code for code in project.language_codes}
    for folder in theme_dirs:
        for parent, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]  # .icons are inlined, not copied
            for name in files:
                if not name.endswith((".html", ".py", ".pyc")):
                    reserved.add((Path(parent) / name).relative_to(folder).as_posix())
    return reserved


def theme_dirs(project) -> list[Path]:
    import material

    return [project.root / "overrides", Path(material.__file__).parent / "templates"]


# --- Rules --------------------------------------------------------------------------------

def check_files_are_publishable(loaded) -> Iterable[Problem]:
    """Every file under curriculum/ and facilitator_guides/: contained, plainly named, of a known kind."""
    project_root = loaded.curriculum.root
    docs = loaded.curriculum.docs_dir
    view = _ProjectView(loaded)
    reserved = reserved_paths(view, theme_dirs(view))
    names = RESERVED_IDS | set(view.language_codes)
    for top in (docs, project_root / "facilitator_guides"):
        if not top.is_dir():
            continue
        for entry in walk(top, project_root):
            yield from _check_entry(entry, top == docs, reserved, names, project_root)


def _check_entry(entry: Entry, in_docs: bool, reserved: set[str], names: frozenset[str], root: Path) -> Iterable[Problem]:
    bad_part = next((part for part in entry.rel.split("/") if not SAFE_NAME.fullmatch(part)), None)
    if bad_part is not None:
        yield Problem(entry.shown, 0, "file-name",
                      f"The name '{printable(bad_part)}' has characters that are not allowed.".replace("\n", "\\n"),
                      "Rename it with letters a-z, digits, '-', '_' and '.', without spaces (e.g. 'my-session.md').")
        return
    if entry.rel.split("/")[0].startswith("."):
        return  # hidden files are never read nor published
    if not contained(entry.real, root):
        yield Problem(entry.shown, 0, "symlink-outside",
                      "This is a link to a file or folder outside the repository (or inside a hidden folder such as .git); "
                      "it will not be read or published.",
                      "Replace the link with a real file inside the repository.")
        return
    if entry.path.is_dir():
        return
    if not in_docs:
        if not entry.rel.endswith(".yml"):
            yield Problem(entry.shown, 0, "unpublished-file", "Only guide manifests (.yml) belong in facilitator_guides/.",
                          "Move or remove this file.")
        return
    rel = entry.rel
    if _collides(rel, reserved, names):
        yield Problem(entry.shown, 0, "reserved-path",
                      f"'{rel}' would take the place of a file the site makes itself (theme, search, PDFs, catalog, languages).",
                      "Rename the file or folder; pictures go in curriculum/assets/images/.")
        return
    if rel.endswith(".md") or rel.startswith("_data/"):
        if rel.startswith("_data/") and not rel.endswith(".yml"):
            yield Problem(entry.shown, 0, "unpublished-file", "Only data files (.yml) belong in _data/.", "Move or remove this file.")
        return
    if not is_picture(rel):
        yield Problem(entry.shown, 0, "unpublished-file",
                      f"Files of this kind are not published: only pages (.md) and pictures ({', '.join(sorted(PICTURE_TYPES))}) "
                      f"in curriculum/{PICTURE_FOLDER}.",
                      "Remove the file, or save a picture in curriculum/assets/images/.")
        return
    if rel.lower().endswith(".svg"):
        try:
            problems = svg_problems(entry.real.read_bytes())
        except OSError:
            return
        for problem in problems[:5]:
            yield Problem(entry.shown, 0, "svg-content", f"This picture cannot be published: {printable(problem)}.",
                          _svg_fix(problem))


def _svg_fix(problem: str) -> str:
    if "<style> loads" in problem:
        return ("Open the SVG in a text editor and delete the <style> element (from <style> to </style>): the text then "
                "uses the reader's fonts. Or export it again with 'embed fonts' off, or as PNG.")
    if "<image>" in problem:
        return "Save the bitmap as its own picture (.png or .jpg) in curriculum/assets/images/ and use that, or export the drawing as PNG."
    return ("Keep only drawing elements (paths, shapes, text); remove scripts, event handlers, styles, animations and "
            "links to other files. Exporting the picture again as PNG always works.")


def _collides(rel: str, reserved: set[str], names: frozenset[str]) -> bool:
    if rel in reserved:
        return True
    first = rel.split("/")[0]
    if first.split(".")[0] in names:
        return not rel.startswith(PICTURE_FOLDER)
    return any(rel.startswith(r + "/") for r in reserved)


@dataclass(frozen=True)
class _ProjectView:
    """The little of a Project that the rules need, from a loaded curriculum."""

    loaded: object

    @property
    def root(self) -> Path:
        return self.loaded.curriculum.root

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.loaded.curriculum.languages if not lang.default)
