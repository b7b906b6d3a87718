"""MkDocs hooks: a thin adapter between MkDocs and the `minga` package.

Validation runs first and fails the build with located messages; pages then get their
model (session panel, agenda, learning path, translation state) through the template context.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from minga.content import forms
from minga.web import markdown_prep, offline, printed, template_cache, ui, views, web_assets
from minga.cli import shards
from minga.checks.html_policy import sanitize, tooltip_text
from minga.content.licenses import license_name, license_url
from minga.checks.publishing import publishable
from minga.web.rendering import markdown_glossary, page_markdown
from minga.web.catalog import catalog_json
from minga.checks.checking import check_project
from minga.web.fonts import install_web_fonts
from minga.content.model import Module, Page
from minga.web.nav import expand_nav
from minga.web.site_nav import build_nav
from minga.checks.problems import errors
from minga.content.project import ProjectError, load_project
from minga.content.real_paths import RealPaths
from minga.checks.report import format_report
from minga.web.search_index import split_search_index
from minga.web.urls import page_url

log = logging.getLogger("mkdocs.minga")
_state: dict = {}


def on_config(config):
    # mkdocs-static-i18n calls the whole build (on_config included) once per language:
    # validate once per loaded configuration.
    if _state.get("config_id") != id(config):
        try:
            project = load_project(Path(config.config_file_path).parent)
        except ProjectError as exc:
            raise PluginError(str(exc)) from None
        loaded, problems = check_project(project=project, for_build=True)
        if errors(problems):
            raise PluginError("The curriculum has problems to fix before it can be built:\n\n" + format_report(problems))
        # Warnings are advice (e.g. glossary terms), not refusals: `--strict` must not turn them
        # into a failed build, and `minga check` / `minga build` have already printed them.
        if problems:
            log.info(format_report(problems))
        missing = {lang.code: ui.missing_keys(lang.code) for lang in project.languages if _has_locale(lang.code)}
        absent = [lang.code for lang in project.languages if not _has_locale(lang.code)]
        if absent or any(missing.values()):
            raise PluginError(_locale_report(absent, missing))
        pdfs = printed.pdf_dir()
        for remembered in ("item_of", "publishable", "published"):  # a new build (minga serve): look again
            _state.pop(remembered, None)
        real_paths = RealPaths()  # links may change between builds of `minga serve`, not within one
        _state.update(config_id=id(config), project=project, loaded=loaded, real_paths=real_paths,
                      by_file=_index_by_file(loaded, real_paths), docs=project.relative(project.docs_dir, real_paths),
                      pdf_dir=pdfs, manifest=printed.load_manifest(pdfs),
                      offline_dir=offline.offline_dir(), bundles=offline.load_bundles(offline.offline_dir()))
    curriculum = _state["loaded"].curriculum
    wanted = shards.wanted_languages()
    if wanted and config.plugins.get("i18n"):
        shards.limit_i18n_languages(config.plugins["i18n"], wanted)  # `minga build --lang`: one CI job per language
    # The menu comes from tracks.yml and the pages' nav_order (minga/web/site_nav.py) unless mkdocs.yml lists one.
    config.nav = expand_nav(config.nav or build_nav(curriculum), curriculum)
    _translate_track_sections(config, curriculum)
    return config


def _translate_track_sections(config, curriculum) -> None:
    """Track section titles in the navigation come from tracks.<lang>.yml (i18n's nav_translations)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    for language in i18n.config.languages:
        translated = curriculum.translated_tracks.get(language.locale, {})
        titles = {escape(t.title): escape(translated[t.id].title) for t in curriculum.tracks if t.id in translated}
        language.nav_translations = {**(language.nav_translations or {}), **titles}


def _has_locale(lang: str) -> bool:
    try:
        ui.strings(lang)
        return True
    except ui.MissingString:
        return False


def _locale_report(absent: list[str], missing: dict[str, list[str]]) -> str:
    lines = [f"minga/web/locales/{code}.yml is missing: copy minga/web/locales/en.yml and translate it." for code in absent]
    lines += [f"minga/web/locales/{code}.yml lacks: {', '.join(keys)}" for code, keys in missing.items() if keys]
    return "Interface strings are missing (no page may fall back to English words):\n" + "\n".join(lines)


def _index_by_file(loaded, real_paths: RealPaths) -> dict[str, Module | Page]:
    curriculum = loaded.curriculum
    items = list(curriculum.modules.values()) + list(curriculum.pages.values())
    for by_lang in curriculum.translations.values():
        items += by_lang.values()
    return {str(real_paths.of(curriculum.root / item.file)): item for item in items}


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else _state["loaded"].curriculum.default_language.code


def _item(page):
    """The content item a page shows (asked for by several events of every page: resolved once)."""
    path = page.file.abs_src_path
    if not path:
        return None
    items = _state.setdefault("item_of", {})
    if path not in items:
        items[path] = _state["by_file"].get(str(_state["real_paths"].of(Path(path))))
    return items[path]


def on_env(env, config, files):
    # MkDocs makes its Jinja environment without autoescape: our templates escape every value
    # (content is untrusted); Material's own templates keep their behaviour, and the values they
    # print from content (titles, descriptions) are escaped before they reach them (on_page_markdown).
    theme_files = _our_templates(config)
    env.autoescape = lambda name: name in theme_files
    env.bytecode_cache = template_cache.for_environment(env, theme_files)  # compiled once, not at every build
    env.filters["tooltip"] = tooltip_text
    env.filters["without_hreflang_links"] = web_assets.without_hreflang_links
    env.filters["script_sources"] = web_assets.script_sources
    wanted = shards.wanted_languages()
    if wanted and config.plugins.get("i18n"):
        # The first build's language switcher lists every language: keep it for all, then skip the others.
        alternate = _state.setdefault("alternate", list(config.extra.get("alternate") or []))
        config.extra["alternate"] = alternate
        shards.skip_unwanted(config.plugins["i18n"], wanted)
    env.filters["license_name"] = license_name
    env.filters["license_url"] = license_url
    return env


def _our_templates(config) -> frozenset[str]:
    overrides = Path(config.config_file_path).parent / "overrides"
    return frozenset(p.relative_to(overrides).as_posix() for p in overrides.rglob("*.html")
                     if not p.relative_to(overrides).as_posix().startswith(("pdf/", "partials/languages/")))


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made each language's files
def on_files(files, config):
    # Publish only what we render and pictures we checked, judged by where each file really is
    # (every link resolved); theme files are not under docs_dir and are left as they are.
    if "publishable" not in _state:  # the same files for every language's build
        _state["publishable"] = publishable(_state["project"], set(_state["by_file"]))
    published = _state.setdefault("published", {})  # path -> bool: most files are in every language's build
    for file in list(files):
        if not file.abs_src_path:
            continue
        if file.abs_src_path not in published:
            published[file.abs_src_path] = _published(Path(file.abs_src_path), Path(config.docs_dir))
        if not published[file.abs_src_path]:
            files.remove(file)
    return files


def _published(path: Path, docs_dir: Path) -> bool:
    real = _state["real_paths"].of(path)
    outside = not (path.absolute().is_relative_to(docs_dir.absolute())
                   or real.is_relative_to(_state["real_paths"].folder(docs_dir)))
    return outside or real in _state["publishable"]


def on_page_markdown(markdown, page, config, files):
    item = _item(page)
    if item is None:
        return ""  # not part of the curriculum: on_files keeps such files out of the site
    curriculum = _state["loaded"].curriculum
    # Our reader, not MkDocs', decides what the body and the front matter are: one parser.
    page.meta = _safe_meta(page.meta, item)
    lang = _language(config)
    forms_list = None
    if markdown_prep.FORMS_MARKER in item.body:
        rows = views.forms_view(curriculum, _state["manifest"], lang)
        forms_list = markdown_prep.forms_table(rows, item.src_uri, page_url(item.src_uri, lang, curriculum.default_language.code),
                                               ui.translator(lang))
    markdown = page_markdown(curriculum, item, forms=forms_list)
    # Glossary tooltips in the page's own language: MkDocs makes each page's Markdown converter
    # from mdx_configs right after this event.
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": markdown_glossary(curriculum, item, markdown)}
    if isinstance(item, Module):
        page.meta["template"] = "module.html"
    elif forms.is_form(item.src_uri):
        page.meta["template"] = "form.html"  # its blocks were set aside as placeholders (rendering.page_markdown)
    elif item.track:
        page.meta["template"] = "track.html"
    elif item.src_uri == "index.md":
        page.meta["template"] = "home.html"
    elif item.src_uri == "translation-status.md":
        page.meta["template"] = "status.html"
    return markdown


def _offline_view(config, lang: str) -> dict:
    """The offline copies for the home page: the zips with their size, or (in a copy) where to get them."""
    names = {l.code: l.name for l in _state["loaded"].curriculum.languages}
    copies = [{"lang": b.lang, "name": names.get(b.lang, b.lang), "url": b.file, "size": b.size}
              for b in _state["bundles"].values()]
    return {"building": offline.building_offline(), "copies": copies,
            "download_url": (config.site_url or "").rstrip("/") + "/offline/"}


def _safe_meta(meta: dict, item) -> dict:
    """The front matter Material reads, as escaped text: it prints these without escaping."""
    safe = {}
    if item.title:
        safe["title"] = escape(item.title)
    if isinstance(meta.get("description"), str):
        safe["description"] = escape(meta["description"])
    if isinstance(meta.get("hide"), list):
        safe["hide"] = [h for h in meta["hide"] if h in ("navigation", "toc", "footer", "feedback", "path", "tags")]
    return safe


def on_page_content(html, page, config, files):
    # Validation refused anything outside the allowlist; this is the second lock on the door.
    item = _item(page)
    if item is None:
        return html
    html = web_assets.focusable_tables(web_assets.focusable_terms(sanitize(html)))
    if forms.is_form(item.src_uri):
        # Form blocks are HTML we make (boxes, lines, line drawings), put back after the sanitizer.
        html = forms.fill_placeholders(html, forms.placeholder_markdown(item.body)[1])
    return html


def on_page_context(context, page, config, nav):
    item = _item(page)
    curriculum = _state["loaded"].curriculum
    lang = _language(config)
    context["t"] = context["t_reader"] = ui.translator(lang)
    if item is None:
        return context
    notice = views.translation_view(curriculum, item, lang, _state["project"], _state["docs"])
    context["minga_translation"] = notice
    # A fallback page is English throughout (marked lang="en"); only its notice speaks the reader's language.
    context["t"] = ui.translator(item.lang)
    if notice["status"] == "missing" and notice["help_url"]:
        page.edit_url = notice["help_url"]  # "Edit" on a fallback page starts the translation
    manifest = _state["manifest"]
    if isinstance(item, Module):
        context["minga"] = views.module_view(curriculum, item, lang)
        context["minga"]["handout_pdf"] = printed.handout_pdfs(manifest, item.id).get(lang)
    elif item.track:
        context["minga"] = views.track_view(curriculum, item.track, lang)
        context["minga"]["guides"] = views.guides_view(curriculum, manifest, lang, track=item.track)
    elif item.src_uri == "index.md":
        context["minga"] = {"tracks": views.tracks_view(curriculum, lang),
                            "guides": views.guides_view(curriculum, manifest, lang),
                            "offline": _offline_view(config, lang)}
    elif item.src_uri == "translation-status.md":
        context["minga"] = views.status_view(curriculum, lang)
    elif forms.is_form(item.src_uri):
        context["minga"] = {"form_pdf": printed.form_pdfs(manifest, forms.form_id(item.src_uri)).get(lang)}
    return context


def _write_learning_paths(site: Path, curriculum) -> None:
    """Each track's learning path as a picture, in every language (track pages and guides show it)."""
    from minga.web.pictures import PATHS, learning_path_svg

    folder = site / PATHS
    folder.mkdir(parents=True, exist_ok=True)
    for track in curriculum.tracks:
        for lang in curriculum.languages:
            svg = learning_path_svg(curriculum, track.id, lang.code, ui.translator(lang.code))
            (folder / f"{track.id}.{lang.code}.svg").write_text(svg, encoding="utf-8")


_HTML_TAG = re.compile(r"<html lang=\"([^\"]+)\"")


def on_post_page(output, page, config):
    # Material puts dir on <body>; assistive tools and the PDF step read it on <html>.
    lang = _language(config)
    direction = next((l.dir for l in _state["loaded"].curriculum.languages if l.code == lang), "ltr")
    output = _HTML_TAG.sub(lambda m: f'<html lang="{m.group(1)}" dir="{direction}"', output, count=1)
    return web_assets.point_skip_link(output)


def on_template_context(context, template_name, config):
    # The 404 page (one per language, see on_post_template) speaks the reader's language.
    if template_name == "404.html":
        lang = _language(config)
        default = _state["loaded"].curriculum.default_language.code
        others = [l.code for l in _state["loaded"].curriculum.languages if not l.default]
        base = urlsplit(config.site_url or "/").path
        context["t"] = context["t_reader"] = ui.translator(lang)
        context["minga_404"] = {"home": "" if lang == default else f"{lang}/", "base": base,
                                "pattern": "^" + re.escape(base) + "([a-z]{2,3})/",
                                "others": others if lang == default else []}
    return context


def on_post_template(output, template_name, config):
    # MkDocs writes 404.html at the site root once per language build (the last one won): each
    # language keeps its own in <lang>/404.html; the root one is the default language's.
    if template_name != "404.html":
        return output
    lang = _language(config)
    html = web_assets.point_skip_link(_HTML_TAG.sub(
        lambda m: f'<html lang="{m.group(1)}" dir="{_direction(lang)}"', output, count=1))
    if lang == _state["loaded"].curriculum.default_language.code:
        _state["root_404"] = html
        return html
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return _state.get("root_404", html)


def _direction(lang: str) -> str:
    return next((l.dir for l in _state["loaded"].curriculum.languages if l.code == lang), "ltr")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged search
def on_post_build(config):
    site = Path(config.site_dir)
    curriculum = _state["loaded"].curriculum
    i18n = config.plugins.get("i18n")
    if i18n is None or not i18n.building:  # once, after the last language
        catalog = catalog_json(curriculum, _state["manifest"])
        if _state["bundles"]:  # the offline copies, when this build made them (minga/web/offline.py)
            catalog = json.dumps(dict(json.loads(catalog), offline={
                b.lang: {"url": b.file, "bytes": b.bytes, "size": b.size} for b in _state["bundles"].values()}),
                ensure_ascii=False, indent=2) + "\n"
        (site / "catalog.json").write_text(catalog, encoding="utf-8")
        if _state["pdf_dir"] is not None:
            shutil.copytree(_state["pdf_dir"], site / "pdf", dirs_exist_ok=True)
        if _state["offline_dir"] is not None:
            (site / "offline").mkdir(exist_ok=True)
            for bundle in _state["bundles"].values():
                shutil.copyfile(_state["offline_dir"] / Path(bundle.file).name, site / bundle.file)
        install_web_fonts(site / "assets" / "fonts")
        _write_learning_paths(site, curriculum)
        if (site / "search" / "search_index.json").is_file():
            theme_dirs = tuple(Path(d) for d in config.theme.dirs)
            translated = views.translated_urls(curriculum)
            if offline.building_offline():  # pages are page.html there: so are the index's addresses
                translated = offline.page_file_urls(translated, site)
            split_search_index(site, curriculum.languages, translated, theme_dirs,
                               english_label=lambda lang: ui.translator(lang)("search_in_english"))
            if offline.building_offline():
                offline.write_search_scripts(site)
