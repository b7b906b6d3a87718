"""`minga new module|track|page|guide`: new files that pass `minga check` at once.

Each file holds every key it may have, each with a comment saying what to write, so that a
co-designer fills in a form instead of copying another file and guessing what to delete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from minga.content.loader import DATA_DIR, load
from minga.content.project import Project
from minga.checks.publishing import RESERVED_IDS


class ScaffoldError(Exception):
    """A plain-language reason the file could not be made."""


@dataclass(frozen=True)
class Made:
    path: Path
    next_steps: str


def slug_of(title: str) -> str:
    """'Working with your team!' -> 'working-with-your-team' (ids and file names)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def _quoted(text: str) -> str:
    """A YAML double-quoted string: commas, colons and question marks are safe inside it."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _id(title: str, given: str | None) -> str:
    value = given or slug_of(title)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value or ""):
        raise ScaffoldError(f"Cannot make an id from {title!r}: give one with --id (lowercase words joined by hyphens).")
    return value


def _refuse_existing(path: Path, project: Project) -> None:
    if path.exists():
        raise ScaffoldError(f"{project.relative(path)} already exists: choose another title or --id.")


MODULE_TEMPLATE = """\
---
# A module is one facilitated session. Every key is explained in CONTRIBUTING.md ("Front matter keys").
id: {id}  # never change it once published: links, guides and translations use it
title: {title}  # the session title people see
track: {track}  # the track folder this file is in
order: {order}  # position in the track: 1, 2, 3...
duration_minutes: 60  # the whole session; the agenda minutes must add up to it
audience: Adults in community groups  # who the session is for, in one sentence
group_size: {{min: 6, max: 20}}  # fewest and most participants
objectives:  # what participants will be able to do (at least one)
  - Name one thing to try before the next session
materials: []  # what to bring, one '- item' per line; [] when nothing
preparation: []  # what the facilitator does before the session
agenda:  # one line per part of the session; each part has a '## ' section with the same title below
  - {{title: Welcome, minutes: 10, mode: plenary}}  # mode: plenary, small groups, pairs or individual
  - {{title: Activity, minutes: 40, mode: small groups}}
  - {{title: Closing, minutes: 10, mode: plenary}}
safety:  # never optional: what could go wrong in this session, and what to do
  watch_for:
    - A participant who becomes very upset
  respond:
    - Pause the activity, speak calmly and offer a break
  refer: Follow the safety and referral protocol the same day if distress continues.  # when and how to refer
  protocol: true  # link the shared safety and referral protocol
key_messages: []  # what participants take home, one per line
prerequisites: []  # ids of sessions to run before this one, e.g. [choice-point]
home_practice:  # a small practice until the next session (leave empty for none)
adaptations:  # how to change the session for other groups (leave empty for none)
  low_literacy:
  remote:
  large_group:
  youth:
handouts: []  # titles of '/// handout | Title' blocks in the body
sources: []  # what the session draws on: - {{title: "...", author: "...", year: 2020, url: "https://..."}}
license: CC-BY-SA-4.0  # an open licence: CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0...
needs_local_referrals: false  # true if the session must not run before the local referral table is checked
---

## Welcome

/// say
Welcome, everyone. Write here the words the facilitator says aloud.
///

## Activity

/// steps | The activity (40 minutes)
1. Write the steps of the activity here.
///

## Closing

/// discuss
- What will you try before we meet again?
///
"""


def new_module(project: Project, track: str, title: str, module_id: str | None = None) -> Made:
    loaded = load(project)
    tracks = [t.id for t in loaded.curriculum.tracks]
    if track not in tracks:
        raise ScaffoldError(f"There is no track '{track}'. Tracks: {', '.join(tracks)}. "
                            f"Make one first with: minga new track --title \"...\"")
    module_id = _id(title, module_id)
    if module_id in loaded.curriculum.modules:
        raise ScaffoldError(f"The id '{module_id}' is already used by {loaded.curriculum.modules[module_id].file}: give another with --id.")
    path = project.docs_dir / track / f"{module_id}.md"
    _refuse_existing(path, project)
    order = max((m.order for m in loaded.all_modules if m.track == track), default=0) + 1
    path.write_text(MODULE_TEMPLATE.format(id=module_id, title=_quoted(title), track=track, order=order), encoding="utf-8")
    return Made(path, "Fill in every line of the front matter and the sections, then run: minga check")


TRACK_PAGE = """\
---
title: {title}
description: {description}
---

Write here, in a few sentences, who this track is for and what its sessions build together.
Its sessions are listed below this text by themselves, in their order.
"""


def new_track(project: Project, title: str, description: str, track_id: str | None = None) -> Made:
    loaded = load(project)
    track_id = _id(title, track_id)
    if track_id in {t.id for t in loaded.curriculum.tracks}:
        raise ScaffoldError(f"The track '{track_id}' already exists in curriculum/{DATA_DIR}/tracks.yml.")
    if track_id in RESERVED_IDS | set(project.language_codes):
        raise ScaffoldError(f"'{track_id}' is a name the site uses itself: give another with --id.")
    folder = project.docs_dir / track_id
    _refuse_existing(folder / "index.md", project)
    tracks = project.docs_dir / DATA_DIR / "tracks.yml"
    text = tracks.read_text(encoding="utf-8") if tracks.is_file() else ""
    entry = f"- id: {track_id}\n  title: {_quoted(title)}\n  description: {_quoted(description)}\n"
    tracks.write_text(text + ("" if not text or text.endswith("\n") else "\n") + entry, encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(TRACK_PAGE.format(title=_quoted(title), description=_quoted(description)), encoding="utf-8")
    return Made(folder / "index.md",
                f"The track is listed last in curriculum/{DATA_DIR}/tracks.yml (move its lines to change its place). "
                f"Add sessions with: minga new module --track {track_id} --title \"...\"")


PAGE_TEMPLATE = """\
---
title: {title}
description: {description}  # one line, shown in search results and link previews
nav_order: {order}  # its place in the site menu among the top-level pages (smaller comes first)
---

Write the page here, in plain Markdown.
"""


def new_page(project: Project, title: str, description: str, page_id: str | None = None) -> Made:
    from minga.web.site_nav import top_level_pages

    loaded = load(project)
    page_id = _id(title, page_id)
    path = project.docs_dir / f"{page_id}.md"
    _refuse_existing(path, project)
    if page_id in {t.id for t in loaded.curriculum.tracks} | RESERVED_IDS | set(project.language_codes):
        raise ScaffoldError(f"'{page_id}' is a track or a name the site uses itself: give another with --id.")
    orders = [entry.order for entry in top_level_pages(project) if entry.order is not None]
    path.write_text(PAGE_TEMPLATE.format(title=_quoted(title), description=_quoted(description),
                                         order=(max(orders, default=0) // 10 + 1) * 10), encoding="utf-8")
    return Made(path, "Write the page, change nav_order to move it in the menu, then run: minga check")


GUIDE_TEMPLATE = """\
# A printable facilitator guide: which sessions, in which order (see CONTRIBUTING.md).
title: {title}
audience: {audience}
description: {description}
modules:  # module ids, in the order they are printed
{modules}
front_matter: [{front}]  # pages printed before the sessions
back_matter: [{back}]  # pages printed after the sessions (safety protocol, glossary...)
"""


def new_guide(project: Project, track: str, title: str | None = None, guide_id: str | None = None) -> Made:
    loaded = load(project)
    found = loaded.curriculum.track(track)
    if found is None:
        raise ScaffoldError(f"There is no track '{track}'. Tracks: {', '.join(t.id for t in loaded.curriculum.tracks)}.")
    modules = loaded.curriculum.modules_of(track)
    if not modules:
        raise ScaffoldError(f"The track '{track}' has no sessions yet: add one with minga new module --track {track} --title \"...\"")
    guide_id = _id(title or found.title, guide_id or track)
    path = project.guides_dir / f"{guide_id}.yml"
    _refuse_existing(path, project)
    pages = loaded.curriculum.pages
    back = ", ".join(p for p in ("safety-protocol.md", "glossary.md") if p in pages)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GUIDE_TEMPLATE.format(
        title=_quoted(title or found.title), audience=_quoted("Facilitators of the " + found.title + " sessions"),
        description=_quoted(found.description), modules="\n".join(f"  - {m.id}" for m in modules),
        front=f"{track}/index.md", back=back), encoding="utf-8")
    return Made(path, "The guide is printed in every language by 'make build' (or: python build_pdf.py --guide " + guide_id + ").")
