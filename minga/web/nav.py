"""The site navigation: each track page listed in mkdocs.yml becomes a section with its modules."""

from __future__ import annotations

from markupsafe import escape

from minga.content.model import Curriculum


def expand_nav(nav: list | None, curriculum: Curriculum) -> list | None:
    """Replace each 'track/index.md' entry with a section: the track page, then its modules in order.

    Idempotent, since mkdocs-static-i18n runs on_config once per language on the same config.
    """
    if nav is None:
        return None
    out = []
    for entry in nav:
        track = _track_of(entry, curriculum)
        if track is None:
            out.append(entry)
            continue
        modules = [m.src_uri for m in curriculum.modules_of(track.id)]
        out.append({escape(track.title): [  # Material prints section titles unescaped
            f"{track.id}/index.md", *modules]})
    return out


def _track_of(entry, curriculum: Curriculum):
    if isinstance(entry, str) and entry.endswith("/index.md"):
        return curriculum.track(entry[: -len("/index.md")])
    return None
