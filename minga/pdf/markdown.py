"""Markdown to HTML for print, with the same extensions and settings as the website.

The extensions come from mkdocs.yml through MkDocs' own config loader, so a page and its
printed version are rendered by one pipeline. A tree processor then rewrites links for
paper (to sessions in the same guide, or to the website) and images to our own files, and
drops attributes that could fetch or embed anything.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from minga.checks.html_policy import sanitize
from minga.web.rendering import markdown_config
from minga.web.urls import page_url

UNSAFE_ATTRIBUTE = re.compile(r"^(on|style$|rel$|srcset$|formaction$)", re.I)
REMOVED_TAGS = {"script", "style", "link", "iframe", "object", "embed", "form", "input", "meta", "base"}


@dataclass
class LinkContext:
    """Where the text being rendered comes from and where its links should go."""

    src_uri: str  # the page being rendered, e.g. act/being-present.md
    lang: str
    default_lang: str
    docs_dir: Path
    site_url: str
    in_document: dict[str, str] = field(default_factory=dict)  # src_uri -> anchor in this PDF
    id_prefix: str = ""


class _PrintLinks(Treeprocessor):
    def __init__(self, md, context_ref, askers):
        super().__init__(md)
        self.context_ref = context_ref
        self.askers = askers

    def run(self, root):
        ctx: LinkContext = self.context_ref[0]
        for parent in root.iter():
            for child in list(parent):
                if child.tag in REMOVED_TAGS:
                    parent.remove(child)
        for element in root.iter():
            for name in list(element.attrib):
                if UNSAFE_ATTRIBUTE.match(name):
                    del element.attrib[name]
            if ctx.id_prefix and "id" in element.attrib:
                element.set("id", ctx.id_prefix + element.get("id"))
            if element.tag == "a" and "href" in element.attrib:
                element.set("href", self._link(element.get("href"), ctx))
            if element.tag == "img" and "src" in element.attrib:
                element.set("src", self._image(element.get("src"), ctx))
        return None

    def _link(self, href: str, ctx: LinkContext) -> str:
        if re.match(r"^(https?|mailto|tel):", href, re.I):
            return href
        if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("//"):
            return "#"  # refused by validation already; never followed on paper
        path, _, anchor = href.partition("#")
        target = ctx.src_uri if not path else posixpath.normpath(posixpath.join(posixpath.dirname(ctx.src_uri), unquote(path)))
        if target in ctx.in_document:
            return "#" + (f"{ctx.in_document[target]}-{anchor}" if anchor else ctx.in_document[target])
        if target.endswith(".md") and ctx.site_url:
            url = ctx.site_url.rstrip("/") + "/" + page_url(target, ctx.lang, ctx.default_lang)
            return url + (f"#{anchor}" if anchor else "")
        return "#"

    def _image(self, src: str, ctx: LinkContext) -> str:
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith("//"):
            return src  # the restricted fetcher refuses it and says so
        target = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.src_uri), unquote(src)))
        stem, dot, extension = target.rpartition(".")
        localized = f"{stem}.{ctx.lang}.{extension}" if dot else ""
        if localized and ctx.lang != ctx.default_lang and (ctx.docs_dir / localized).is_file():
            target = localized  # the same picture with its labels translated, as on the website
        url = "minga:docs/" + quote(target)  # served by the restricted fetcher
        self.askers[url] = (ctx.src_uri, ctx.lang)  # who asked, should the fetcher refuse it
        return url


RE_CHECKBOX = re.compile(r'<input\b[^<>]*\btype="checkbox"[^<>]*>')


def _checkboxes_to_boxes(html: str) -> str:
    """A checklist ('- [ ] item') prints as boxes to tick by hand: pymdownx.tasklist writes form inputs,
    which paper cannot show."""
    def box(match: re.Match) -> str:
        if re.search(r"\bchecked\b", match.group(0)):
            return '<span class="tick tick--checked">\u2713</span>'
        return '<span class="tick"></span>'
    return RE_CHECKBOX.sub(box, html)


class _PrintExtension(Extension):
    def __init__(self, context_ref, askers):
        super().__init__()
        self.context_ref = context_ref
        self.askers = askers

    def extendMarkdown(self, md):
        # After inline processing (priority 20) so that links exist; before serialization.
        md.treeprocessors.register(_PrintLinks(md, self.context_ref, self.askers), "minga_print_links", 1)


class PrintMarkdown:
    """One Markdown converter configured from mkdocs.yml, reused for every page of a PDF."""

    def __init__(self, config_file: Path):
        extensions, configs, self.site_url = markdown_config(config_file)
        self._context: list[LinkContext | None] = [None]
        self.askers: dict[str, tuple[str, str]] = {}  # minga:docs/... URL -> (src_uri, lang) of the page using it
        self._md = markdown.Markdown(extensions=[*extensions, _PrintExtension(self._context, self.askers)],
                                     extension_configs=configs)

    def render(self, text: str, context: LinkContext) -> str:
        self._context[0] = context
        self._md.reset()
        # Validation refused anything outside the allowlist; this is the second lock on the door
        # (no rel="attachment", however it is written, reaches WeasyPrint).
        return _numbered_from_start(sanitize(_checkboxes_to_boxes(self._md.convert(text)), for_print=True))


RE_OL_START = re.compile(r'<ol start="([0-9]{1,4})">')


def _numbered_from_start(html: str) -> str:
    """WeasyPrint reads <ol start> only with presentational hints, which we leave off: say it in
    CSS, so "2. Why?" after a writing line prints 2 (in right-to-left lists too, print.css)."""
    return RE_OL_START.sub(lambda m: f'<ol start="{m.group(1)}" style="counter-reset: list-item {int(m.group(1)) - 1}">', html)
