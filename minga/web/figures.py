"""Pictures with a caption and a credit line, on the website and in print.

A picture alone in its paragraph whose Markdown title holds text becomes a figure:

    ![Three portraits](../assets/images/skill-level.svg "Three levels of skill | The Carpentries, CC-BY-4.0")

The text before ' | ' is the caption, the text after it the credit (author, licence). A title is
otherwise only a tooltip that print never shows. Registered in mkdocs.yml (markdown_extensions),
so the website, the checker and the PDFs all render figures the same way.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CREDIT_SEPARATOR = " | "


def split_title(title: str) -> tuple[str, str]:
    """(caption, credit) from an image title."""
    caption, _, credit = title.partition(CREDIT_SEPARATOR)
    return caption.strip(), credit.strip()


class _Figures(Treeprocessor):
    def run(self, root):
        for paragraph in root.iter("p"):
            children = list(paragraph)
            if len(children) != 1 or children[0].tag != "img" or (paragraph.text or "").strip() \
                    or (children[0].tail or "").strip():
                continue
            image = children[0]
            caption, credit = split_title(image.get("title") or "")
            if not caption and not credit:
                continue
            del image.attrib["title"]
            paragraph.tag = "figure"
            paragraph.set("class", "minga-figure")
            image.tail = None
            figcaption = etree.SubElement(paragraph, "figcaption")
            figcaption.text = caption or None
            if credit:
                small = etree.SubElement(figcaption, "small")
                small.set("class", "minga-credit")
                small.text = credit
        return None


class FiguresExtension(Extension):
    def extendMarkdown(self, md):
        # After inline processing (priority 20) has made the <img>; before print link rewriting (1).
        md.treeprocessors.register(_Figures(md), "minga_figures", 5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return FiguresExtension(**kwargs)
