"""The HTML of each printed document, from the content model and our Jinja templates."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import jinja2
import segno

from minga import __version__
from minga.content import forms
from minga.web import markdown_prep, pictures, ui, views
from minga.translation import status
from minga.web.anchors import body_with_source_anchors
from minga.content.gitinfo import git
from minga.content.licenses import license_name
from minga.content.model import Curriculum, Form, Guide, Module
from minga.web.urls import page_url
from minga.pdf.fetcher import RTL_TEXT
from minga.pdf.markdown import LinkContext, PrintMarkdown

PAPER = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True)
class Edition:
    """What the cover says about this printing: a version and a date, reproducible."""

    version: str
    date: str

    @staticmethod
    def of(root: Path, source_date_epoch: str | None) -> "Edition":
        commit = _git(root, "rev-parse", "--short", "HEAD")
        if source_date_epoch:
            stamp = datetime.fromtimestamp(int(source_date_epoch), timezone.utc)
        else:
            last = _git(root, "log", "-1", "--format=%ct")
            stamp = datetime.fromtimestamp(int(last), timezone.utc) if last else datetime.now(timezone.utc)
        date = stamp.strftime("%Y-%m-%d")
        return Edition(f"{__version__}" + (f" ({commit})" if commit else ""), date)


def _git(root: Path, *args: str) -> str | None:
    out = git(root, *args, timeout=10)
    return out.strip() if out and out.strip() else None


class DocumentMaker:
    """Makes the HTML of guides and handouts in one language."""

    def __init__(self, curriculum: Curriculum, project, templates: Path, markdown_renderer: PrintMarkdown,
                 edition: Edition, font_css: str):
        self.curriculum = curriculum
        self.project = project
        self.md = markdown_renderer
        self.edition = edition
        self.font_css = font_css
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        self.env.filters["license_name"] = license_name  # 'CC-BY-4.0' prints as 'CC BY 4.0'
        self.css = (templates / "print.css").read_text(encoding="utf-8")
        self.env.tests["rtl_text"] = lambda value: bool(RTL_TEXT.search(str(value)))
        self.pictures_css = (templates / "pictures.css").read_text(encoding="utf-8")

    # --- Guides -------------------------------------------------------------------------

    def guide_html(self, guide: Guide, lang: str, paper: str) -> str:
        c = self.curriculum
        default = c.default_language.code
        in_document = {c.modules[m].src_uri: f"session-{m}" for m in guide.modules if m in c.modules}
        sessions = [self._session(c.modules[m], lang, in_document) for m in guide.modules if m in c.modules]
        pages = lambda uris: [self._page(uri, lang, in_document) for uri in uris if uri in c.pages]  # noqa: E731
        language = self._language(lang)
        share = status.print_share(c, guide, lang)
        guide, guide_translated = c.guide_in(guide, lang)
        return self.env.get_template("guide.html").render(
            t=ui.translator(lang), lang=lang, dir=language.dir, guide=guide, guide_translated=guide_translated,
            sessions=sessions, share=share,
            front=pages(guide.front_matter), back=pages(guide.back_matter), edition=self.edition,
            languages=[l.name for l in c.languages], materials=_materials(sessions),
            glossary=self._glossary_used(sessions, lang), css=self._css(paper, language.dir),
            title=guide.title, site_url=self.md.site_url, pictures=self.guide_pictures(guide, lang),
            guide_url=self.md.site_url.rstrip("/") + "/" + page_url("index.md", lang, default) if self.md.site_url else "",
        )

    def _session(self, source: Module, lang: str, in_document: dict[str, str]) -> dict:
        module = self.curriculum.in_language(source, lang)
        anchor = f"session-{source.id}"
        ctx = self._context(source.src_uri, lang, in_document, prefix=f"{anchor}-")
        t_words = ui.translator(module.lang)
        body = markdown_prep.add_block_titles(body_with_source_anchors(self.curriculum, module), t_words)
        html = self.md.render(body, ctx)
        handouts = [{"title": title, "html": block} for title, block in zip(module.handouts, _handout_blocks(html))]
        view = views.module_view(self.curriculum, module, lang)
        html = _minutes_at_headings(html, view["timeline"], t_words)
        url = self._online_url(source.src_uri, lang)
        state = status.status_of(self.curriculum, source.src_uri, lang)
        return {"id": source.id, "anchor": anchor, "module": module, "view": view, "html": html,
                "handouts": handouts, "url": url, "qr": _qr_data_uri(url) if url else None,
                "fallback": module.lang != lang, "words_lang": module.lang,
                "t_words": t_words, "draft_note": _draft_note(state, ui.translator(lang))}

    def _page(self, src_uri: str, lang: str, in_document: dict[str, str]) -> dict:
        page = self.curriculum.in_language(self.curriculum.pages[src_uri], lang)
        anchor = "page-" + re.sub(r"[^a-z0-9]+", "-", src_uri[:-3])
        ctx = self._context(src_uri, lang, in_document, prefix=f"{anchor}-")
        t = ui.translator(lang)
        terms = self.curriculum.glossary.get(page.lang, ())
        body = markdown_prep.add_block_titles(body_with_source_anchors(self.curriculum, page), ui.translator(page.lang))
        services, checked = self.curriculum.referrals_in(page.lang)
        # On paper, an unchecked table is a sheet to fill in by hand, not rows of "to be filled in".
        referrals = (markdown_prep.referral_table(services, checked, t) if checked
                     else markdown_prep.referral_sheet(services, ui.translator(page.lang)))
        body = markdown_prep.expand_markers(body, glossary=markdown_prep.glossary_list(terms), referrals=referrals)
        html = self.md.render(body, ctx)
        html = re.sub(r"<h1[^>]*>.*?</h1>", "", html, count=1, flags=re.S)  # the template prints the title
        state = status.status_of(self.curriculum, src_uri, lang)
        return {"anchor": anchor, "title": page.title or src_uri, "html": html, "words_lang": page.lang,
                "fallback": page.lang != lang, "draft_note": _draft_note(state, t)}

    def _glossary_used(self, sessions: list[dict], lang: str) -> list:
        terms = self.curriculum.glossary.get(lang) or self.curriculum.glossary.get(self.curriculum.default_language.code, ())
        text = " ".join(re.sub(r"<[^>]+>", " ", s["html"]) for s in sessions).casefold()
        used = []
        for term in terms:
            forms = (term.term, *term.aliases)
            if any(re.search(r"(?<!\w)" + re.escape(form.casefold()) + r"(?!\w)", text) for form in forms):
                used.append(term)
        return sorted(used, key=lambda term: term.term.casefold())

    # --- Handouts -----------------------------------------------------------------------

    def handout_html(self, source: Module, lang: str, paper: str = "a4") -> str:
        module = self.curriculum.in_language(source, lang)
        ctx = self._context(source.src_uri, lang, {})
        html = self.md.render(markdown_prep.add_block_titles(module.body, ui.translator(module.lang)), ctx)
        blocks = _handout_blocks(html)
        language = self._language(lang)
        return self.env.get_template("handout.html").render(
            t=ui.translator(lang), lang=lang, dir=language.dir, module=module, handouts=list(zip(module.handouts, blocks)),
            url=self._online_url(source.src_uri, lang), css=self._css(paper, language.dir), edition=self.edition,
            title=f"{module.participant_title or module.title}: {ui.translator(lang)('participant_handout')}", words_lang=module.lang,
            draft_note=_draft_note(status.status_of(self.curriculum, source.src_uri, lang), ui.translator(lang)),
            picture=self._picture(module, lang),
            referrals_warning=source.needs_local_referrals and not self.curriculum.referrals_checked(lang))

    # --- Picture cards ------------------------------------------------------------------

    def cards_html(self, guide: Guide, lang: str, paper: str) -> str:
        """A guide's picture cards: one per A4 page (landscape), or two A5 cards per A4 sheet with cut marks."""
        c = self.curriculum
        cards = []
        for number, module_id in enumerate((m for m in guide.modules if m in c.modules), start=1):
            module = c.in_language(c.modules[module_id], lang)
            picture = self._picture(module, lang)
            if picture:
                cards.append({"number": number, "title": module.participant_title or module.title, **picture})
        hexaflex = pictures.hexaflex_path(c)
        if hexaflex and any(c.modules[m].track == pictures.HEXAFLEX_TRACK for m in guide.modules if m in c.modules):
            t = ui.translator(lang)
            cards.insert(0, {"number": None, "title": t("six_skills"), "alt": t("hexaflex_alt"), "alt_lang": lang,
                             "src": "minga:docs/" + pictures.localized(c, hexaflex, lang)})
        language = self._language(lang)
        guide, _ = c.guide_in(guide, lang)
        t = ui.translator(lang)
        size = "A4 landscape" if paper == "a4" else "A4"
        return self.env.get_template("cards.html").render(
            t=t, lang=lang, dir=language.dir, cards=cards, paper=paper, guide=guide,
            title=f"{guide.title}: {t('picture_cards')}",
            css=f"@page {{ size: {size}; margin: 12mm; }}\n{self.font_css}\n{self.pictures_css}")

    def _picture(self, module: Module, lang: str) -> dict | None:
        """A module's picture card for print: our own file in the language of the document."""
        view = pictures.picture_view(self.curriculum, module, lang)
        if view is None:
            return None
        return {"src": "minga:docs/" + view["docs_path"], "alt": view["alt"], "alt_lang": view["alt_lang"]}

    def guide_pictures(self, guide: Guide, lang: str) -> dict:
        """What the guide shows before its sessions: its path of sessions, and the six skills for ACT."""
        c = self.curriculum
        modules = [c.modules[m] for m in guide.modules if m in c.modules]
        t = ui.translator(lang)
        shown, _ = c.guide_in(guide, lang)
        svg = pictures.path_svg(c, modules, lang, t, shown.title)
        hexaflex = pictures.hexaflex_path(c)
        acts = hexaflex and any(m.track == pictures.HEXAFLEX_TRACK for m in modules)
        return {"path_src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii"),
                "path_alt": t("learning_path_alt"),
                "hexaflex_src": "minga:docs/" + pictures.localized(c, hexaflex, lang) if acts else None,
                "hexaflex_alt": t("hexaflex_alt")}

    # --- Forms --------------------------------------------------------------------------

    def form_html(self, form: Form, lang: str) -> str:
        """A form to photocopy: its Markdown and its blocks drawn as boxes, tick boxes and ruled lines."""
        page = self.curriculum.in_language(self.curriculum.pages[form.src_uri], lang)
        ctx = self._context(form.src_uri, lang, {})
        body = markdown_prep.add_block_titles(page.body, ui.translator(page.lang))
        html = forms.print_html(body, lambda text: self.md.render(text, ctx))
        html = re.sub(r"<h1[^>]*>.*?</h1>", "", html, count=1, flags=re.S)  # the template prints the title
        language = self._language(lang)
        return self.env.get_template("form.html").render(
            t=ui.translator(lang), lang=lang, dir=language.dir, form=form, title=page.title or form.id, html=html,
            url=self._online_url(form.src_uri, lang), css=self._css("a4", language.dir, form.orientation),
            edition=self.edition, words_lang=page.lang)

    # --- Helpers ------------------------------------------------------------------------

    def _context(self, src_uri: str, lang: str, in_document: dict[str, str], prefix: str = "") -> LinkContext:
        return LinkContext(src_uri, lang, self.curriculum.default_language.code, self.curriculum.docs_dir,
                           self.md.site_url, in_document, prefix)

    def _online_url(self, src_uri: str, lang: str) -> str:
        if not self.md.site_url:
            return ""
        return self.md.site_url.rstrip("/") + "/" + page_url(src_uri, lang, self.curriculum.default_language.code)

    def _language(self, lang: str):
        return next(l for l in self.curriculum.languages if l.code == lang)

    def _css(self, paper: str, direction: str, orientation: str = "portrait") -> str:
        size = PAPER[paper] + (" landscape" if orientation == "landscape" else "")
        css = f"@page {{ size: {size}; }}\n{self.font_css}\n{self.css}\n{self.pictures_css}"
        if direction == "rtl":
            # Running headers mirror: the guide title on the right, the session on the left.
            css += ("\n@page { @top-left { content: string(session-title); } @top-right { content: string(guide-title); }"
                    " @bottom-left { content: none; } @bottom-right { content: string(draft-note); font-size: 9pt;"
                    " vertical-align: top; padding-top: 3mm; } }"
                    "\n@page cover { @top-left { content: none; } @top-right { content: none; } }"
                    "\n@page handout { @top-left { content: none; } @top-right { content: none; } }")
        return css


RE_DIV = re.compile(r"<div\b|</div>")
HANDOUT_OPEN = '<div class="admonition minga-handout">'
FACILITATOR_ONLY = ('<div class="admonition minga-say">', '<div class="admonition minga-note">')


def _balanced_end(html: str, start: int) -> int:
    """Index just after the </div> closing the <div> that opens at `start`."""
    depth = 0
    for match in RE_DIV.finditer(html, start):
        depth += 1 if match.group(0) == "<div" else -1
        if depth == 0:
            return match.end()
    return len(html)


def _remove_blocks(html: str, openings: tuple[str, ...]) -> str:
    for opening in openings:
        while (start := html.find(opening)) != -1:
            html = html[:start] + html[_balanced_end(html, start):]
    return html


def _handout_blocks(html: str) -> list[str]:
    """The inner HTML of each handout block, in order, without facilitator-only blocks nested in it."""
    blocks, position = [], 0
    while (start := html.find(HANDOUT_OPEN, position)) != -1:
        end = _balanced_end(html, start)
        inner = html[start + len(HANDOUT_OPEN): end - len("</div>")]
        inner = re.sub(r'^\s*<p class="admonition-title">.*?</p>', "", inner, count=1, flags=re.S)
        blocks.append(_remove_blocks(inner, FACILITATOR_ONLY))
        position = end
    return blocks


def _draft_note(state: str, t) -> str:
    """The footer of a translation nobody fluent has reviewed, or that is behind its source."""
    return {"draft": t("print_draft_footer"), "outdated": t("print_outdated_footer")}.get(state, "")


RE_H2 = re.compile(r"(<h2\b[^>]*>)(.*?)(</h2>)", re.S)


def _minutes_at_headings(html: str, timeline: list[dict], t) -> str:
    """Each section heading that names an agenda block shows its minutes, for a facilitator mid-session."""
    minutes = {" ".join(b["title"].split()).casefold(): b["minutes"] for b in timeline}

    def add(match: re.Match) -> str:
        words = re.sub(r'<a class="headerlink".*?</a>', "", match.group(2), flags=re.S)
        text = " ".join(re.sub(r"<[^>]+>", "", words).split()).casefold()
        if text not in minutes:
            return match.group(0)
        label = t("minutes_heading", n=minutes[text])
        return f'{match.group(1)}{match.group(2)} <span class="minutes">· {label}</span>{match.group(3)}'

    return RE_H2.sub(add, html)


def _materials(sessions: list[dict]) -> list[dict]:
    rows: dict[str, dict] = {}
    for number, session in enumerate(sessions, start=1):
        for item in session["module"].materials:
            key = item.casefold()
            rows.setdefault(key, {"material": item, "sessions": []})["sessions"].append(number)
    return list(rows.values())


def _qr_data_uri(url: str) -> str:
    # A small PNG (drawn without smoothing, see print.css) scans reliably from a photocopy.
    return segno.make(url, error="m").png_data_uri(scale=4, border=2)
