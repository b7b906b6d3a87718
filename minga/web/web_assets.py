"""Small rewrites of Material's head and scripts for a light first load (issue 11)."""

from __future__ import annotations

import re

from markupsafe import Markup

_HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')


def without_hreflang_links(head: str) -> Markup:
    """The head without its per-language <link rel="alternate">: Material's script fetches
    `<alternate>/sitemap.xml` for each one (a 404 page apiece on every page view)."""
    return Markup(_HREFLANG_LINK.sub("", str(head)))


def script_sources(html: str) -> list[str]:
    """The src of every <script src> in Material's scripts block, in order (the bundle first)."""
    return _SCRIPT_SRC.findall(str(html))


_SKIP_LINK = re.compile(r'<a href="[^"]*" class="md-skip">')
_ARTICLE = '<article class="md-content__inner md-typeset">'
SKIP_TARGET = "minga-content"


def point_skip_link(html: str) -> str:
    """"Skip to content" lands at the top of the content (title, session panel, safety box), not at
    the first heading of the body, which comes after the agenda."""
    if _ARTICLE not in html:
        return html
    html = html.replace(_ARTICLE, f'<article id="{SKIP_TARGET}" class="md-content__inner md-typeset">', 1)
    return _SKIP_LINK.sub(f'<a href="#{SKIP_TARGET}" class="md-skip">', html, count=1)


_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def focusable_terms(html: str) -> str:
    """The first use of each glossary term on a page takes keyboard focus, which shows its
    definition (minga.css); later uses stay out of the tab order (one stop per term, not fifty)."""
    seen: set[str] = set()

    def mark(match: re.Match) -> str:
        key = match.group(2).strip().lower()
        if key in seen:
            return match.group(0)
        seen.add(key)
        return f'<abbr title="{match.group(1)}" tabindex="0">{match.group(2)}</abbr>'

    return _ABBR.sub(mark, html)


def focusable_tables(html: str) -> str:
    """A content table scrolls sideways on a phone: it takes focus, so a keyboard can scroll it."""
    return html.replace("<table>", '<table tabindex="0">')
