"""A right text layer for Arabic: what search, copy-paste and screen readers read from our PDFs.

WeasyPrint 70 writes each glyph's text (the PDF ToUnicode map) the first time it draws the
glyph, from a slice between neighbouring glyphs. When one character cluster is drawn with
several glyphs (a letter and its shadda, a letter and its vowel mark), the slice gives the whole
cluster to one glyph and nothing to the others; a glyph first met that way keeps the wrong text
in the whole document, so "الميسّر" extracted as "الميّ" (Kozea/WeasyPrint#2841, open; the fix
proposed in #2869 was not merged).

Before WeasyPrint draws a line, we give every glyph it has not mapped yet the text of its own
cluster, split one character per glyph when the counts agree (a letter, then its marks, in
reading order). WeasyPrint then finds them mapped and keeps them. Together with a font that
draws each letter form as its own glyph (minga/pdf/fonts.py), every Arabic word extracts as
written (tests/test_print_language.py).
"""

from __future__ import annotations

import re
import unicodedata

_installed = False
# Latin letters (precomposed, as in our fonts), general punctuation and currency signs: one glyph
# per character cluster, which WeasyPrint maps right. Any other character (marks, Arabic...) and
# the line is mapped here: most lines of guides in Latin script skip the work.
_MAY_DRAW_A_CLUSTER_IN_SEVERAL_GLYPHS = re.compile("[^\u0000-\u02ff\u2000-\u206f\u20a0-\u20cf]")


def install() -> None:
    """Wrap WeasyPrint's line drawing once per process. WeasyPrint is pinned; the tests check the result."""
    global _installed
    if _installed:
        return
    from weasyprint.draw import text as draw_text

    original = draw_text.draw_first_line

    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
        if textbox.style["font_size"] >= 1e-6 and _MAY_DRAW_A_CLUSTER_IN_SEVERAL_GLYPHS.search(textbox.text):
            _map_clusters(stream, textbox)
        return original(stream, textbox, text_overflow, block_ellipsis, matrix)

    draw_text.draw_first_line = draw_first_line
    _installed = True


def _map_clusters(stream, textbox) -> None:
    from weasyprint.text.ffi import ffi, pango

    first_line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        glyphs = glyph_item.glyphs
        item = glyph_item.item
        font, _ = stream.add_font(item.analysis.font)
        by_cluster: dict[int, list[tuple[int, bool]]] = {}
        for index in range(glyphs.num_glyphs):
            info = glyphs.glyphs[index]
            # (glyph id, whether it advances): marks (shadda, vowels) are drawn with no advance.
            by_cluster.setdefault(glyphs.log_clusters[index], []).append((info.glyph, info.geometry.width != 0))
        starts = sorted(by_cluster)
        right_to_left = item.analysis.level % 2
        for position, start in enumerate(starts):
            end = starts[position + 1] if position + 1 < len(starts) else item.length
            text = utf8[item.offset + start:item.offset + end].decode("utf-8", "replace")
            ids = by_cluster[start][::-1] if right_to_left else by_cluster[start]  # reading order
            for glyph_id, part in _split(ids, text):
                if glyph_id == pango.PANGO_GLYPH_EMPTY or glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                    continue
                font.to_unicode.setdefault(glyph_id, part)


def _split(glyphs: list[tuple[int, bool]], text: str) -> list[tuple[int, str]]:
    """Each glyph's share of its cluster's text, in reading order.

    As many glyphs as characters: one each. Otherwise (a ligature such as lam-alef, or shadda and
    kasra drawn as one mark): the letters go to the glyphs that advance, the marks to the others."""
    ids = [glyph_id for glyph_id, _ in glyphs]
    if len(ids) == len(text):
        return list(zip(ids, text))
    letters = "".join(ch for ch in text if unicodedata.category(ch) not in ("Mn", "Me"))
    marks = [ch for ch in text if unicodedata.category(ch) in ("Mn", "Me")]
    bases = [glyph_id for glyph_id, advances in glyphs if advances] or ids[:1]
    others = [glyph_id for glyph_id in ids if glyph_id not in bases]
    shares = [(bases[0], letters)] + [(glyph_id, "") for glyph_id in bases[1:]]
    if others and len(others) == len(marks):
        return shares + list(zip(others, marks))
    if others:  # marks drawn as one glyph (shadda with kasra): all of them on the first
        return shares + [(others[0], "".join(marks))] + [(glyph_id, "") for glyph_id in others[1:]]
    return [(bases[0], text)] + [(glyph_id, "") for glyph_id in bases[1:]]
