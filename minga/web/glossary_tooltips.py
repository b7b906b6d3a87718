"""Glossary tooltips: Python-Markdown's abbr extension, with a cheaper walk over each page.

The abbr extension looks for its words in every text of a page by calling itself once per
element, thousands of times a page (about a tenth of a large site's Markdown time). This walk
lets the words' regular expression rule out each text first, and wraps the words of the few
texts that hold one the way the extension does: the same words get the same <abbr>, in the same
places (tests/test_rendering.py renders pages both ways). Listed after `abbr` in mkdocs.yml;
with no glossary (a plain MkDocs build) the extension skips the walk either way.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString


class GlossaryWalker(AbbrTreeprocessor):
    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        search = self.RE.search
        texts, tails = [], []
        for element in el.iter():  # every element once, iterated in C; the words' expression rules out most texts
            text, tail = element.text, element.tail
            if text and search(text) and not isinstance(text, AtomicString):
                texts.append(element)
            if tail and element is not el and search(tail) and not isinstance(tail, AtomicString):
                tails.append(element)
        for element in texts:
            element.text, wrapped = self._wrap(element.text)
            element[0:0] = wrapped
        if tails:
            holders = {child: holder for holder in el.iter() for child in holder}
            for element in tails:
                holder = holders[element]
                element.tail, wrapped = self._wrap(element.tail)
                at = list(holder).index(element) + 1
                holder[at:at] = wrapped

    def _wrap(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first word, and an <abbr> for each word (the text after it its tail)."""
        wrapped = []
        for match in reversed(list(self.RE.finditer(text))):
            if self.abbrs[match.group(0)]:
                wrapped.append(self.create_element(self.abbrs[match.group(0)], match.group(0), text[match.end():]))
                text = text[:match.start()]
        return text, wrapped[::-1]


class GlossaryTooltipsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" not in md.treeprocessors:
            raise ValueError("minga.web.glossary_tooltips must come after abbr in markdown_extensions")
        # The abbr extension's own word list: it fills and empties it for every page.
        md.treeprocessors.register(GlossaryWalker(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)


def makeExtension(**kwargs) -> GlossaryTooltipsExtension:  # noqa: N802 - Python-Markdown's name
    return GlossaryTooltipsExtension(**kwargs)
