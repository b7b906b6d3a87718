"""Render content bodies exactly as the website does: mkdocs.yml's own Markdown configuration.

The checker validates this output (not a second reading of the source), so what it accepts
is what readers get.
"""

from __future__ import annotations

from pathlib import Path

import markdown

from minga.web import markdown_prep, ui
from minga.web.anchors import body_with_source_anchors
from minga.content.model import Curriculum, Module, Page


def markdown_config(config_file: Path) -> tuple[list, dict, str]:
    """(extensions, extension configs, site_url) as MkDocs reads them from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"]), config.get("site_url") or ""


def page_markdown(curriculum: Curriculum, item: Module | Page, forms: str | None = None) -> str:
    """The Markdown the website renders for `item`: block titles, data markers and glossary
    tooltips added, all in the language the words are written in. A form's blocks become
    placeholders (their HTML is ours, added after sanitizing); `forms` is the list of forms."""
    from minga.content import forms as form_pages

    t_words = ui.translator(item.lang)
    terms = curriculum.glossary.get(item.lang) or ()
    body = body_with_source_anchors(curriculum, item)  # translated headings keep the source's anchors
    body = form_pages.placeholder_markdown(body)[0] if form_pages.is_form(item.src_uri) else body
    text = markdown_prep.add_block_titles(body, t_words)
    text = markdown_prep.expand_markers(
        text,
        glossary=markdown_prep.glossary_list(terms),
        referrals=markdown_prep.referral_table(*curriculum.referrals_in(item.lang), t_words),
        forms=forms,
    )
    return text + markdown_prep.glossary_abbreviations(terms)


class ContentRenderer:
    """One Python-Markdown converter configured like the website, reused page after page."""

    def __init__(self, config_file: Path):
        extensions, configs, _ = markdown_config(config_file)
        self._md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(text)
