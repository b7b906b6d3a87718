"""Passages in another language are tagged with it in the PDF's structure tree.

An Arabic guide can print a session in English while it is not translated yet. The HTML says
so (`<section lang="en">`), but WeasyPrint 70 writes /Lang only on the document, so a screen
reader would read that English with an Arabic voice. PDF/UA asks for /Lang on the structure
element of any passage in another language: we add it where the element's `lang` differs from
its parent's.
"""

from __future__ import annotations

import pydyf

_installed = False


def install() -> None:
    """Wrap WeasyPrint's structure-tree builder once per process (pinned WeasyPrint: tests check it)."""
    global _installed
    if _installed:
        return
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, tags_):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and getattr(box, "element_tag", None) not in ("html", "body") else None
        document_lang = getattr(pdf.catalog.get("Lang"), "string", None)
        for structure in original(box, parent, pdf, page_number, nums, annotations, tags_):
            # Only the element made for this box (its children are tagged by their own call).
            if lang and lang != document_lang and structure.get("P") == parent.reference and "Lang" not in structure:
                structure["Lang"] = pydyf.String(lang)
            yield structure

    tags._build_box_tree = build_box_tree
    _installed = True
