"""Markdown we add to page bodies before MkDocs renders them (titles, glossary, data tables)."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from markupsafe import escape

from minga.content.body import slug
from minga.content.model import GlossaryTerm, ReferralService

# One line each ([^\S\n] is \s but the line break): found in the whole text, judged line by line.
RE_UNTITLED_BLOCK = re.compile(r"^([^\S\n]{0,3}/{3,}[^\S\n]*)(say|note|steps|discuss|handout|safety|adapt|aside|answer)[^\S\n]*$", re.M)
REFERRALS_MARKER = "<!-- minga:referrals -->"
GLOSSARY_MARKER = "<!-- minga:glossary -->"
FORMS_MARKER = "<!-- minga:forms -->"


def add_block_titles(markdown: str, t) -> str:
    """Give untitled blocks their localized default title ('/// say' -> '/// say | Say'), outside code fences."""
    from minga.content.body import in_code

    found = list(RE_UNTITLED_BLOCK.finditer(markdown))
    if not found:
        return markdown
    code = in_code(markdown.split("\n"))
    out, done, line, counted = [], 0, 0, 0
    for match in found:
        line += markdown.count("\n", counted, match.start())
        counted = match.start()
        if not code[line]:
            out += [markdown[done:match.start()], f"{match.group(1)}{match.group(2)} | {t('block_' + match.group(2))}"]
            done = match.end()
    return "".join(out) + markdown[done:]


@lru_cache(maxsize=64)  # the same for every page of a language
def glossary_abbreviations(terms: tuple[GlossaryTerm, ...]) -> tuple[tuple[str, str], ...]:
    """(word as written, definition) for Python-Markdown's abbr extension: each term shows its
    definition as a tooltip. Given to the extension as its `glossary` (rendering.markdown_glossary),
    not as '*[word]: definition' lines added to each page: Markdown would parse those as one
    paragraph each, on every page, which cost more than the rest of our additions together."""
    pairs = []
    for term in terms:
        definition = " ".join(term.definition.split())
        pairs += [(form, definition) for form in _forms(term)]
    return tuple(pairs)


def _forms(term: GlossaryTerm) -> list[str]:
    forms = []
    for text in (term.term, *term.aliases):
        for variant in (text, text[:1].upper() + text[1:]):
            if variant not in forms:
                forms.append(variant)
    return forms


@lru_cache(maxsize=64)  # asked for by every page of a language, used by the glossary page
def glossary_list(terms: tuple[GlossaryTerm, ...]) -> str:
    """The glossary page's entries, alphabetical, each with its own anchor."""
    out = []
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        out.append(f"### {term.term[:1].upper() + term.term[1:]} {{#{slug(term.term)}}}\n\n{term.definition}\n")
    return "\n".join(out)


def referral_table(services: tuple[ReferralService, ...], localized: bool, t) -> str:
    header = [t("referrals_need"), t("referrals_service"), t("referrals_contact"), t("referrals_hours"), t("referrals_notes")]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for s in services:
        cells = [s.need, s.service, s.contact, s.hours or "", s.notes or ""]
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    table = "\n".join(rows) + "\n"
    if not localized:
        table = f"/// safety\n{t('referrals_not_localized')}\n///\n\n" + table
    return table


def referral_sheet(services: tuple[ReferralService, ...], t) -> str:
    """For print while no local team has checked the table: the same rows, one per need, with
    empty cells tall enough to hand-write a name, a phone number and hours (print.css)."""
    head = "".join(f"<th>{escape(t(key))}</th>" for key in
                   ("referrals_need", "referral_sheet_service", "referral_sheet_contact", "referral_sheet_hours"))
    rows = []
    for s in services:
        notes = f'<br><small>{escape(" ".join(s.notes.split()))}</small>' if s.notes else ""
        rows.append(f"<tr><td><strong>{escape(' '.join(s.need.split()))}</strong>{notes}</td><td></td><td></td><td></td></tr>")
    checked = f'<p class="referral-sheet__checked">{escape(t("referral_sheet_checked"))}: <span></span></p>'
    # One raw HTML block (no blank line inside), so Markdown leaves it whole.
    return (f'<p class="referral-sheet__intro"><strong>{escape(t("referral_sheet_intro"))}</strong></p>\n\n'
            f'<table class="referral-sheet"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>\n\n'
            f"{checked}\n")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def forms_table(rows: list[dict], page_src_uri: str, page_site_url: str, t) -> str:
    """Every form: a link to its page (a Markdown link, checked by MkDocs) and its PDF in each language.

    `rows` come from views.forms_view; PDF addresses are made relative to the page's own address.
    """
    here = posixpath.dirname(page_src_uri)
    up = "../" * page_site_url.count("/")
    lines = [f"| {t('form')} | {t('form_purpose')} | {t('form_pdf')} |", "| --- | --- | --- |"]
    for row in rows:
        link = posixpath.relpath(row["src_uri"], here or ".")
        pdfs = "<br>".join(f'<bdi><a class="minga-download" href="{escape(up + pdf["url"])}" download hreflang="{pdf["lang"]}">'
                           f'{escape(pdf["name"])}</a> <small>{pdf["size"]}</small></bdi>' for pdf in row["pdfs"])
        lines.append(f"| [{_cell(row['title'])}]({link}) | {_cell(row['description'])} | {pdfs} |")
    return "\n".join(lines) + "\n"


def expand_markers(markdown: str, *, glossary: str, referrals: str, forms: str | None = None) -> str:
    markdown = markdown.replace(GLOSSARY_MARKER, glossary).replace(REFERRALS_MARKER, referrals)
    return markdown.replace(FORMS_MARKER, forms) if forms is not None else markdown
