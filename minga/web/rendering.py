"""Render content bodies exactly as the website does: mkdocs.yml's own Markdown configuration.

The checker validates this output (not a second reading of the source), so what it accepts
is what readers get.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import markdown
from markdown.extensions.abbr import AbbrExtension

from minga.web import markdown_prep, ui
from minga.web.anchors import body_with_source_anchors, source_of
from minga.content.model import Curriculum, Module, Page


def markdown_config(config_file: Path) -> tuple[list, dict, str]:
    """(extensions, extension configs, site_url) as MkDocs reads them from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"]), config.get("site_url") or ""


def page_markdown(curriculum: Curriculum, item: Module | Page, forms: str | None = None) -> str:
    """The Markdown the website renders for `item`: block titles and data markers added, in the
    language the words are written in (its glossary tooltips are markdown_glossary). A form's
    blocks become placeholders (their HTML is ours, added after sanitizing); `forms` is the list of forms."""
    from minga.content import forms as form_pages

    t_words = ui.translator(item.lang)
    terms = curriculum.glossary.get(item.lang) or ()
    body = body_with_source_anchors(curriculum, item)  # translated headings keep the source's anchors
    body = form_pages.placeholder_markdown(body)[0] if form_pages.is_form(item.src_uri) else body
    text = markdown_prep.add_block_titles(body, t_words)
    # The data tables are made only for the pages that show them (most pages do not).
    text = markdown_prep.expand_markers(
        text,
        glossary=markdown_prep.glossary_list(terms) if markdown_prep.GLOSSARY_MARKER in text else "",
        referrals=markdown_prep.referral_table(*curriculum.referrals_in(item.lang), t_words)
        if markdown_prep.REFERRALS_MARKER in text else "",
        forms=forms,
    )
    return text


def markdown_glossary(curriculum: Curriculum, item: Module | Page, markdown: str) -> dict[str, str]:
    """The glossary tooltips of `item`'s page (its page_markdown is `markdown`), in the language its
    words are written in: the `glossary` option of Python-Markdown's abbr extension (word -> definition).

    Only the words the page's Markdown holds: the extension looks for every word it is given in
    every text of the page, and most pages use a few of the glossary's words, or none. A word the
    extension can find is in the Markdown as written: entities and escapes are set aside before it
    looks (tests/test_rendering.py renders every page both ways)."""
    pairs = markdown_prep.glossary_abbreviations(curriculum.glossary.get(item.lang) or ())
    # The extension matches a word between \b boundaries, so the word's first run of letters and
    # digits is a whole run in the text (and in the Markdown): one pass over the page rules out
    # most words, instead of one search of the page per word.
    runs = {"", *_RUNS.findall(markdown)}
    return {word: definition for first, group in _by_first_run(pairs) if first in runs
            for word, definition in group if word in markdown}


# Runs of letters and digits: `_` is a word character to \b but Markdown's emphasis (`_word_`).
_RUNS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=64)
def _by_first_run(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for word, definition in pairs:
        first = _RUNS.search(word)
        groups.setdefault(first.group() if first else "", []).append((word, definition))
    return tuple((first, tuple(group)) for first, group in groups.items())


def language_data_key(curriculum: Curriculum, lang: str) -> str:
    """What page_markdown takes from the curriculum's data files in `lang` (glossary, referrals)."""
    return repr((curriculum.glossary.get(lang) or (), curriculum.referrals_in(lang)))


def page_markdown_key(curriculum: Curriculum, item: Module | Page, data_key: str) -> str:
    """A text that determines page_markdown(curriculum, item) (without `forms`), for remembering
    what was found in a page without making its Markdown: its language, whether it is a form,
    its body, its source's body (anchors) and `data_key` (language_data_key of its language).
    Interface strings are part of our code, which the check cache already keys on."""
    from minga.content import forms as form_pages

    source = source_of(curriculum, item)
    return "\0".join((item.lang, str(form_pages.is_form(item.src_uri)), data_key, item.body,
                      "" if source is None else source.body))


class ContentRenderer:
    """One Python-Markdown converter configured like the website, reused page after page."""

    def __init__(self, config_file: Path):
        extensions, configs, _ = markdown_config(config_file)
        self._md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(self, text: str, glossary: dict[str, str] | None = None) -> str:
        """`text` as HTML, with `glossary` (markdown_glossary) as the abbr extension's, like the website."""
        abbr = next((e for e in self._md.registeredExtensions if isinstance(e, AbbrExtension)), None)
        if abbr is not None:
            abbr.reset_glossary()
            abbr.load_glossary(glossary or {})
        self._md.reset()
        return self._md.convert(text)
