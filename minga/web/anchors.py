"""Translated headings keep the anchors of their source, in every language.

A link such as `being-present.md#dropping-anchor` is written once, in the source's words, and the
site sends readers of each language to that page's translation. So the n-th heading of a translation
takes the anchor of the n-th heading of its source (when both have the same levels in the same
order), by adding `{#anchor}` to it at render time: the website, the checker and the PDFs all
render the translation this way. A heading the translator gave its own `{#id}` keeps it.
"""

from __future__ import annotations

from functools import lru_cache

from minga.content.body import RE_HEADING_ID, Heading, scan
from minga.content.model import Curriculum, Module, Page


@lru_cache(maxsize=8192)
def headings_of(body: str) -> tuple[Heading, ...]:
    """The headings of a body. Remembered: the check, the pages and the PDFs ask for the same
    bodies several times (a source once per language), and scanning is most of the check's time;
    the check also remembers them across runs (minga/checks/check_cache.py)."""
    from minga.checks.check_cache import memo

    return memo("headings", body, lambda: tuple(scan(body, 1).headings))


def paired_anchors(body: str, source_body: str) -> list[tuple[Heading, str]]:
    """(heading of the translation, anchor it takes) for every heading that pairs with the source's."""
    mine, theirs = headings_of(body), headings_of(source_body)
    pairs = []
    for own, source in zip(mine, theirs):
        if own.level != source.level:
            break  # the structure differs from here on: nothing below can be paired safely
        pairs.append((own, source.anchor))
    return pairs


def with_source_anchors(body: str, source_body: str) -> str:
    """`body` with each paired heading given its source's anchor, unless it has its own `{#id}`."""
    lines = body.split("\n")
    for heading, anchor in paired_anchors(body, source_body):
        index = heading.line - 1
        if RE_HEADING_ID.search(lines[index]) or heading.anchor == anchor:
            continue
        lines[index] = lines[index].rstrip() + f" {{#{anchor}}}"
    return "\n".join(lines)


def source_of(curriculum: Curriculum, item: Module | Page) -> Module | Page | None:
    """The default-language item a translation translates (None for sources and fallbacks)."""
    if item.translation is None:
        return None
    if isinstance(item, Module):
        return curriculum.modules.get(item.id)
    return curriculum.pages.get(item.src_uri)


def body_with_source_anchors(curriculum: Curriculum, item: Module | Page) -> str:
    source = source_of(curriculum, item)
    return item.body if source is None else with_source_anchors(item.body, source.body)


def effective_anchors(curriculum: Curriculum, item: Module | Page) -> dict[str, str]:
    """Heading text -> the anchor it has on the rendered page (the source's when paired)."""
    body = body_with_source_anchors(curriculum, item)
    return {heading.text: heading.anchor for heading in headings_of(body)}
