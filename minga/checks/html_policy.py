"""What rendered content may contain: one allowlist of elements, attributes and URLs.

The checker walks the HTML that Python-Markdown produced for a page with a real HTML
parser (lexbor, which follows the HTML standard as browsers do) and reports what falls
outside this list; the website and the PDF step pass the same HTML through nh3 with the
same list, as a second lock. Content is untrusted (anyone can open a pull request), so
this is a list of what is allowed, never of what is forbidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import nh3
from selectolax.lexbor import LexborHTMLParser

# Every element Python-Markdown and our extensions (mkdocs.yml) produce for content, and no other.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
ELEMENTS: dict[str, frozenset[str]] = {
    name: frozenset(extra)
    for name, extra in {
        "a": {"href", "hreflang", "download"}, "abbr": set(), "bdi": set(), "blockquote": set(), "br": set(), "caption": set(), "code": set(),
        "dd": set(), "del": set(), "details": set(), "div": set(), "dl": set(), "dt": set(), "em": set(), "figcaption": set(),
        "figure": set(), "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(),
        "hr": set(), "img": {"src", "alt"}, "input": {"type", "disabled", "checked"}, "ins": set(),
        "kbd": set(), "label": set(), "li": set(), "mark": set(), "ol": {"start"}, "p": set(), "pre": set(),
        "s": set(), "small": set(), "span": set(), "strong": set(), "sub": set(), "summary": set(), "sup": set(),
        "table": set(), "tbody": set(), "td": {"style", "colspan", "rowspan"}, "tfoot": set(),
        "th": {"style", "colspan", "rowspan"}, "thead": set(), "tr": set(), "ul": set(),
    }.items()
}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Python-Markdown's tables write column alignment as a style; nothing else may carry one.
TABLE_ALIGN = re.compile(r"text-align: (left|right|center);")
NUMBER = re.compile(r"[0-9]{1,4}")
NAME_TOKEN = re.compile(r"[\w:.-]{1,200}")
CLASS_LIST = re.compile(r"[\w -]{0,300}")
LANG_CODE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")
# Whitespace, controls and quotes have no place in a URL we publish; browsers drop some of them
# before reading the scheme ("java\nscript:"), which is how loose patterns are fooled.
URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>\\`\u0080-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]")


@dataclass(frozen=True)
class Finding:
    """One thing in the rendered HTML that is not allowed."""

    element: str
    attribute: str | None  # None when the element itself is not allowed
    value: str
    reason: str


def url_reason(value: str, *, picture: bool = False) -> str | None:
    """Why a URL may not be published, or None. Pictures must be our own files (no scheme)."""
    if URL_UNSAFE.search(value):
        return "it contains spaces, quotes or invisible characters"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "it is not a valid address"
    if parts.scheme:
        if picture:
            return "pictures must be files of the curriculum"
        if parts.scheme.lower() not in LINK_SCHEMES:
            return f"'{parts.scheme}:' addresses are not web pages, e-mail addresses or phone numbers"
    elif parts.netloc or value.startswith("//"):
        return "pictures must be files of the curriculum" if picture else "write the address with https://"
    return None


def web_url(text: str | None) -> str | None:
    """A web address rebuilt from its parsed parts, or None when it is not one we publish."""
    if not text or url_reason(text) or urlsplit(text).scheme.lower() not in {"http", "https"}:
        return None
    return urlunsplit(urlsplit(text))


def tooltip_text(value: str) -> str:
    """Text for a title attribute: Material's tooltips insert it as HTML, so no angle brackets."""
    return str(value).replace("<", "\u2039").replace(">", "\u203a")


def attribute_reason(element: str, name: str, value: str) -> str | None:
    """Why this attribute may not be published, or None."""
    allowed = ELEMENTS.get(element, frozenset())
    if name not in GLOBAL_ATTRIBUTES and name not in allowed:
        return "this attribute is not allowed"
    if name == "href":
        return url_reason(value)
    if name == "src":
        return url_reason(value, picture=True)
    if name == "title" or name == "alt":
        # Material's tooltips insert a title as HTML: a '<' in it would become markup.
        return "it contains '<' or '>'" if "<" in value or ">" in value else None
    if name == "style":
        return None if TABLE_ALIGN.fullmatch(value) else "styles are not allowed"
    if name == "type":
        return None if value == "checkbox" else "only check boxes are allowed"
    if name == "hreflang":
        return None if LANG_CODE.fullmatch(value) else "not a language code"
    if name in {"disabled", "checked", "download"}:
        return None if value in {"", name} else "unexpected value"
    if name in {"start", "colspan", "rowspan"}:
        return None if NUMBER.fullmatch(value) else "a number was expected"
    if name == "id":
        return None if NAME_TOKEN.fullmatch(value) else "not a plain name"
    if name == "class":
        return None if CLASS_LIST.fullmatch(value) else "not a list of plain names"
    if name == "lang":
        return None if LANG_CODE.fullmatch(value) else "not a language code"
    if name == "dir":
        return None if value in {"ltr", "rtl", "auto"} else "unexpected value"
    return None


def findings(html: str) -> list[Finding]:
    """Everything in `html` (a fragment) outside the allowlist, in document order."""
    found: list[Finding] = []
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>")
    head = tree.head
    if head is not None and head.child is not None:
        # Elements that the parser moves to <head> (e.g. <meta>, <link>, <style>) come from content too.
        for node in head.traverse(include_text=False):
            if node.tag != "head":
                found.append(Finding(node.tag, None, node.html or "", "this element is not allowed"))
    for node in tree.body.traverse(include_text=False):
        if node.tag == "body":
            continue
        if node.tag == "-comment":
            continue  # comments never render; nh3 removes them from the output
        if node.tag not in ELEMENTS:
            found.append(Finding(node.tag, None, "", "this element is not allowed"))
            continue
        for name, value in node.attributes.items():
            reason = attribute_reason(node.tag, name, value or "")
            if reason:
                found.append(Finding(node.tag, name, value or "", reason))
    return found


# The PDF step names our own pictures minga:docs/<path> (served only by its restricted fetcher).
PRINT_PICTURE = re.compile(r"minga:docs/[\w./%-]{1,300}")


@lru_cache(maxsize=8192)  # nh3 asks for every attribute of every page; most are the same few
def _keep(element: str, name: str, value: str) -> str | None:
    return None if attribute_reason(element, name, value) else value


def _keep_print(element: str, name: str, value: str) -> str | None:
    if element == "img" and name == "src" and PRINT_PICTURE.fullmatch(value):
        return value
    return _keep(element, name, value)


# The only characters html5ever's parsing and serializing change in text (NUL, CR, &, <, >, no-break
# space; every code point was tried, tests/test_html_policy.py): a text without any is returned as it is.
_CHANGED_BY_CLEANING = re.compile("[\x00\r&<>\u00a0]")
_TAGS = frozenset(ELEMENTS)
_ATTRIBUTES = {"*": set(GLOBAL_ATTRIBUTES), **{k: set(v) for k, v in ELEMENTS.items() if v}}
_CLEAN_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})


def sanitize(html: str, *, for_print: bool = False) -> str:
    """`html` with everything outside the allowlist removed (nh3 / ammonia, html5ever's parser)."""
    if not _CHANGED_BY_CLEANING.search(html):
        return html  # no markup, no entity: what nh3 would give back (most search index texts)
    return clean(html, for_print=for_print)


def clean(html: str, *, for_print: bool = False) -> str:
    return _cleaner(for_print).clean(html)


@lru_cache(maxsize=2)  # the allowlist is given to nh3 once, not at every page
def _cleaner(for_print: bool) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes=_ATTRIBUTES,
        attribute_filter=_keep_print if for_print else _keep,
        url_schemes=set(LINK_SCHEMES) | ({"minga"} if for_print else set()),
        link_rel=None,
        strip_comments=True,
    )
