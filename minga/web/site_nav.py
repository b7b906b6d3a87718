"""The site menu, made from the content: no page or track needs an entry in mkdocs.yml.

- Tracks come from curriculum/_data/tracks.yml, in its order, together at place TRACKS_NAV_ORDER;
  each becomes a section with its sessions (minga/web/nav.py).
- Other pages are placed by their front matter: `nav_order` (smaller first) and, for pages grouped
  under a heading, `nav_section` (its English title; mkdocs.yml's i18n `nav_translations` translate
  it). A section sits where its first page would. Pages without `nav_order` come last, by path.

The hooks give MkDocs this menu when mkdocs.yml has no `nav:` (`make serve` and `make build` alike).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from minga.content.model import Curriculum

TRACKS_NAV_ORDER = 50
UNNUMBERED = 100_000


@dataclass(frozen=True)
class NavEntry:
    src_uri: str
    order: int | None
    section: str | None


def top_level_pages(project_or_curriculum) -> list[NavEntry]:
    """Every page of the menu other than tracks, in the default language, with its place."""
    curriculum = project_or_curriculum if isinstance(project_or_curriculum, Curriculum) else _load(project_or_curriculum)
    return [NavEntry(page.src_uri, page.nav_order, page.nav_section)
            for page in sorted(curriculum.pages.values(), key=lambda p: p.src_uri) if not page.track]


def _load(project) -> Curriculum:
    from minga.content.loader import load

    return load(project).curriculum


def build_nav(curriculum: Curriculum) -> list:
    """The `nav` MkDocs would read from mkdocs.yml: page paths, and {section title: [paths]}."""
    placed: list[tuple[int, int, object]] = []  # (order, tie-break, entry)
    sections: dict[str, list[tuple[int, str]]] = {}
    for index, entry in enumerate(top_level_pages(curriculum)):
        order = entry.order if entry.order is not None else UNNUMBERED + index
        if entry.section:
            sections.setdefault(entry.section, []).append((order, entry.src_uri))
        else:
            placed.append((order, 0, entry.src_uri))
    for title, pages in sections.items():
        pages.sort()
        # Material prints section titles unescaped, as nav.expand_nav does for tracks.
        placed.append((pages[0][0], 0, {escape(title): [uri for _, uri in pages]}))
    for position, track in enumerate(curriculum.tracks):
        if f"{track.id}/index.md" in curriculum.pages:
            placed.append((TRACKS_NAV_ORDER, 1 + position, f"{track.id}/index.md"))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in placed]
