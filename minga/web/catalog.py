"""catalog.json: a machine-readable description of the whole curriculum, for other tools."""

from __future__ import annotations

import json

from minga.content.model import Curriculum
from minga.web.pictures import picture_path, site_url
from minga.web.printed import card_pdfs, form_pdfs, guide_pdfs, handout_pdfs
from minga.translation.status import status_of as translation_status
from minga.web.urls import page_url

CATALOG_VERSION = 1


def build_catalog(curriculum: Curriculum, manifest: dict | None = None) -> dict:
    """The catalog; `manifest` (pdf/index.json) adds the printed PDFs that exist."""
    manifest = manifest or {}
    default = curriculum.default_language.code
    modules = []
    for track in curriculum.tracks:
        for module in curriculum.modules_of(track.id):
            modules.append({
                "id": module.id,
                "track": module.track,
                "order": module.order,
                "title": module.title,
                "duration_minutes": module.duration_minutes,
                "audience": module.audience,
                "objectives": list(module.objectives),
                "agenda": [{"title": b.title, "minutes": b.minutes, "mode": b.mode} for b in module.agenda],
                "prerequisites": list(module.prerequisites),
                "handouts": list(module.handouts),
                "handout_pdfs": handout_pdfs(manifest, module.id),
                "picture": _picture(curriculum, module),
                "license": module.license,
                "needs_local_referrals": module.needs_local_referrals,
                "source": module.file,
                "url": page_url(module.src_uri, default, default),
                "translations": {
                    lang.code: {"status": translation_status(curriculum, module.src_uri, lang.code),
                                "url": page_url(module.src_uri, lang.code, default)}
                    for lang in curriculum.languages
                },
            })
    return {
        "version": CATALOG_VERSION,
        "languages": [{"code": lang.code, "name": lang.name, "dir": lang.dir, "default": lang.default}
                      for lang in curriculum.languages],
        "tracks": [{"id": t.id, "title": t.title, "description": t.description,
                    "url": page_url(f"{t.id}/index.md", default, default),
                    "modules": [m.id for m in curriculum.modules_of(t.id)]} for t in curriculum.tracks],
        "modules": modules,
        "guides": [{"id": g.id, "title": g.title, "audience": g.audience, "description": g.description,
                    "modules": list(g.modules), "source": g.file, "pdfs": guide_pdfs(manifest, g.id),
                    "card_pdfs": card_pdfs(manifest, g.id)}
                   for g in curriculum.guides],
        "forms": [_form(curriculum, form, manifest) for form in curriculum.forms.values()],
    }


def _picture(curriculum: Curriculum, module) -> dict | None:
    """A module's picture card: its file, and its URL and alt text in every language."""
    path = picture_path(module.picture.image) if module.picture else None
    if path is None:
        return None
    docs = curriculum.docs_dir.resolve().relative_to(curriculum.root.resolve()).as_posix()
    return {"source": f"{docs}/{path}",
            "languages": {lang.code: {"url": site_url(curriculum, path, lang.code),
                                      "alt": curriculum.in_language(module, lang.code).picture.alt}
                          for lang in curriculum.languages}}


def _form(curriculum: Curriculum, form, manifest: dict) -> dict:
    default = curriculum.default_language.code
    page = curriculum.pages.get(form.src_uri)
    return {
        "id": form.id,
        "title": page.title if page else form.id,
        "orientation": form.orientation,
        "source": form.file,
        "url": page_url(form.src_uri, default, default),
        "pdfs": form_pdfs(manifest, form.id),
        "translations": {
            lang.code: {"status": translation_status(curriculum, form.src_uri, lang.code),
                        "url": page_url(form.src_uri, lang.code, default)}
            for lang in curriculum.languages
        },
    }


def catalog_json(curriculum: Curriculum, manifest: dict | None = None) -> str:
    return json.dumps(build_catalog(curriculum, manifest), ensure_ascii=False, indent=2) + "\n"
