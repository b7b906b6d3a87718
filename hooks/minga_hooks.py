"""MkDocs hooks: a thin adapter between MkDocs and the `minga` package.

Validation runs first and fails the build with located messages; pages then get their
model (session panel, agenda, learning path) through the template context.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from minga import markdown_prep, ui, views
from minga.catalog import catalog_json
from minga.checking import check_project
from minga.fonts import install_web_fonts
from minga.model import Module, Page
from minga.nav import expand_nav
from minga.problems import errors
from minga.project import ProjectError, load_project
from minga.report import format_report

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
        loaded, problems = check_project(project=project)
        if errors(problems):
            raise PluginError("The curriculum has problems to fix before it can be built:\n\n" + format_report(problems))
        for problem in problems:
            log.warning(format_report([problem]))
        _state.update(config_id=id(config), loaded=loaded, by_file=_index_by_file(loaded))
    config.nav = expand_nav(config.nav, _state["loaded"].curriculum)
    return config


def _index_by_file(loaded) -> dict[str, Module | Page]:
    curriculum = loaded.curriculum
    items = list(curriculum.modules.values()) + list(curriculum.pages.values())
    for by_lang in curriculum.translations.values():
        items += by_lang.values()
    return {str((curriculum.root / item.file).resolve()): item for item in items}


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else _state["loaded"].curriculum.default_language.code


def _item(page):
    return _state["by_file"].get(str(Path(page.file.abs_src_path).resolve())) if page.file.abs_src_path else None


def on_page_markdown(markdown, page, config, files):
    item = _item(page)
    if item is None:
        return markdown
    curriculum = _state["loaded"].curriculum
    lang = _language(config)
    t = ui.translator(lang)
    markdown = markdown_prep.add_block_titles(markdown, t)
    terms = curriculum.glossary.get(lang) or curriculum.glossary.get(curriculum.default_language.code, ())
    markdown = markdown_prep.expand_markers(
        markdown,
        glossary=markdown_prep.glossary_list(terms),
        referrals=markdown_prep.referral_table(curriculum.referrals, curriculum.referrals_localized, t),
    )
    if isinstance(item, Module):
        page.meta["template"] = "module.html"
    elif item.track:
        page.meta["template"] = "track.html"
    elif item.src_uri == "index.md":
        page.meta["template"] = "home.html"
    return markdown + markdown_prep.glossary_abbreviations(terms)


def on_page_context(context, page, config, nav):
    item = _item(page)
    curriculum = _state["loaded"].curriculum
    lang = _language(config)
    context["t"] = ui.translator(lang)
    if isinstance(item, Module):
        context["minga"] = views.module_view(curriculum, item, lang)
    elif isinstance(item, Page) and item.track:
        context["minga"] = views.track_view(curriculum, item.track, lang)
    elif isinstance(item, Page) and item.src_uri == "index.md":
        context["minga"] = {"tracks": views.tracks_view(curriculum, lang)}
    return context


def on_post_build(config):
    site = Path(config.site_dir)
    (site / "catalog.json").write_text(catalog_json(_state["loaded"].curriculum), encoding="utf-8")
    install_web_fonts(site / "assets" / "fonts")
