"""What the templates show: plain dictionaries computed from the model, no HTML.

URLs here are relative to the site root; templates pass them through MkDocs' `url` filter.
"""

from __future__ import annotations

from minga.web import pictures
from minga.web.anchors import effective_anchors
from minga.content.body import slug
from minga.content.model import Curriculum, Module
from minga.web.urls import page_url


def clock(minutes: int) -> str:
    """Running time from the start of a session: 0:00, 1:05..."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def timeline(module: Module, anchors: dict[str, str] | None = None) -> list[dict]:
    """Agenda blocks with running clock times and their share of the session.

    `anchors` maps section headings to their anchors on the page (a translation's are its source's)."""
    anchors = anchors or {}
    blocks, start = [], 0
    total = sum(block.minutes for block in module.agenda) or 1
    for block in module.agenda:
        blocks.append({
            "title": block.title,
            "minutes": block.minutes,
            "mode": block.mode,
            "mode_key": "mode_" + block.mode.replace(" ", "_"),
            "start": clock(start),
            "end": clock(start + block.minutes),
            "percent": round(100 * block.minutes / total, 3),
            "anchor": anchors.get(block.title, slug(block.title)),
        })
        start += block.minutes
    return blocks


def hours_minutes(total: int) -> dict:
    return {"hours": total // 60, "minutes": total % 60}


def module_view(curriculum: Curriculum, module: Module, lang: str) -> dict:
    """Everything a module page shows around its body, in `lang`."""
    default = curriculum.default_language.code
    source = curriculum.modules.get(module.id, module)
    siblings = curriculum.modules_of(source.track)
    position = next((i for i, m in enumerate(siblings) if m.id == source.id), 0)
    track = curriculum.track(source.track, module.lang)  # in the words of the page

    def link(other: Module) -> dict:
        shown = curriculum.in_language(other, lang)
        return {"title": shown.title, "url": page_url(other.src_uri, lang, default), "minutes": other.duration_minutes}

    return {
        "module": module,
        "timeline": timeline(module, effective_anchors(curriculum, module)),  # a translation pairs block by block with its source
        "duration": source.duration_minutes,
        "track": {"id": source.track, "title": track.title if track else source.track,
                  "url": page_url(f"{source.track}/index.md", lang, default)},
        "position": position + 1,
        "count": len(siblings),
        "previous": link(siblings[position - 1]) if position > 0 else None,
        "next": link(siblings[position + 1]) if position + 1 < len(siblings) else None,
        "prerequisites": [link(curriculum.modules[p]) for p in source.prerequisites if p in curriculum.modules],
        "protocol_url": page_url("safety-protocol.md", lang, default) if "safety-protocol.md" in curriculum.pages else None,
        "adaptations": [{"key": "adapt_" + key, "text": text} for key, text in module.adaptations],
        # Said at the top of the page and of its printouts until this language's referral table is checked.
        "referrals_warning": source.needs_local_referrals and not curriculum.referrals_checked(lang),
        "picture": pictures.picture_view(curriculum, module, lang),
    }


def track_view(curriculum: Curriculum, track_id: str, lang: str) -> dict:
    """A track's learning path: its modules in order with durations and total time."""
    default = curriculum.default_language.code
    modules = curriculum.modules_of(track_id)
    track = curriculum.track(track_id, lang)
    total = sum(m.duration_minutes for m in modules)
    steps = []
    for number, module in enumerate(modules, start=1):
        shown = curriculum.in_language(module, lang)
        steps.append({
            "number": number, "id": module.id, "title": shown.title, "minutes": module.duration_minutes,
            "url": page_url(module.src_uri, lang, default), "objectives": shown.objectives,
            "audience": shown.audience, "prerequisites": module.prerequisites,
        })
    hexaflex = pictures.hexaflex_path(curriculum) if track_id == pictures.HEXAFLEX_TRACK else None
    return {"track": track, "steps": steps, "total": total, "total_hm": hours_minutes(total), "count": len(steps),
            "path_picture": f"{pictures.PATHS}/{track_id}.{lang}.svg",
            "hexaflex": pictures.site_url(curriculum, hexaflex, lang) if hexaflex else None}


def tracks_view(curriculum: Curriculum, lang: str) -> list[dict]:
    """Every track with its size, for the home page."""
    default = curriculum.default_language.code
    out = []
    for track in curriculum.tracks:
        modules = curriculum.modules_of(track.id)
        total = sum(m.duration_minutes for m in modules)
        track = curriculum.track(track.id, lang)
        out.append({"id": track.id, "title": track.title, "description": track.description,
                    "url": page_url(f"{track.id}/index.md", lang, default), "count": len(modules),
                    "total_hm": hours_minutes(total)})
    return out


def translated_urls(curriculum: Curriculum) -> dict[str, set[str]]:
    """Site URLs of the pages that exist in each non-default language."""
    default = curriculum.default_language.code
    urls: dict[str, set[str]] = {}
    for src_uri, by_lang in curriculum.translations.items():
        for lang in by_lang:
            urls.setdefault(lang, set()).add(page_url(src_uri, lang, default))
    return urls


def translation_view(curriculum: Curriculum, item, lang: str, project, docs: str | None = None) -> dict:
    """The translation state of the page being built in `lang`, for notices and the switcher.
    `docs`: the docs folder relative to the repository, when the caller has it (asked for every page)."""
    from minga.translation import status as status_module
    from minga.translation.changes import source_changes
    from minga.translation.translation import MODULE_WORDS, PAGE_WORDS

    default = curriculum.default_language.code
    state = status_module.status_of(curriculum, item.src_uri, lang)
    docs = docs if docs is not None else project.relative(project.docs_dir)
    source_file = f"{docs}/{item.src_uri}"
    language = next((l for l in curriculum.languages if l.code == lang), None)
    diff = None
    if state == "outdated" and item.translation:
        words = MODULE_WORDS if isinstance(item, Module) else PAGE_WORDS
        diff = source_changes(project.root, source_file, item.translation.source_hash, words)
    return {
        "status": state,
        "lang": lang,
        "language_name": language.name if language else lang,
        "source_url": page_url(item.src_uri, default, default),
        "start_command": f"minga translation start {lang} {source_file}",
        "help_url": f"{project.repo_url}/blob/main/CONTRIBUTING.md#translations" if project.repo_url else None,
        "diff": diff,
        "alternates": {l.code: status_module.status_of(curriculum, item.src_uri, l.code) for l in curriculum.languages},
    }


def status_view(curriculum: Curriculum, lang: str) -> dict:
    """The translation status page of one language (the default language shows every language)."""
    from minga.translation import status as status_module

    default = curriculum.default_language.code
    langs = [l for l in curriculum.languages if not l.default] if lang == default else \
        [l for l in curriculum.languages if l.code == lang]
    out = []
    for language in langs:
        groups = []
        for track_id, rows in status_module.rows(curriculum, language.code).items():
            track = curriculum.track(track_id, lang) if track_id else None
            groups.append({"title": track.title if track else None, "rows": [
                {"title": r.title, "status": r.status, "last_change": r.last_change,
                 "url": page_url(r.src_uri, language.code, default)} for r in rows]})
        counts = status_module.progress(curriculum, language.code)
        out.append({"code": language.code, "name": language.name, "groups": groups, "counts": counts,
                    "percent": round(100 * counts["current"] / counts["total"]) if counts["total"] else 0,
                    "percent_draft": round(100 * counts["draft"] / counts["total"]) if counts["total"] else 0})
    return {"languages": out}


def guides_view(curriculum: Curriculum, manifest: dict, lang: str, track: str | None = None) -> list[dict]:
    """Printable guides in `lang` that exist, with their sizes (all guides, or those of one track)."""
    from minga.web.printed import card_pdfs, guide_pdfs

    out = []
    for guide in curriculum.guides:
        if track and not all(curriculum.modules.get(m) and curriculum.modules[m].track == track for m in guide.modules):
            continue
        pdfs = guide_pdfs(manifest, guide.id).get(lang)
        if pdfs:
            shown, _ = curriculum.guide_in(guide, lang)
            out.append({"id": guide.id, "title": shown.title, "sessions": len(guide.modules), "pdfs": pdfs,
                        "cards": card_pdfs(manifest, guide.id).get(lang, {})})
    return out


def forms_view(curriculum: Curriculum, manifest: dict, lang: str) -> list[dict]:
    """Every form, in `lang` where translated: its web page and its PDF in each language that has one."""
    from minga.content.frontmatter import read_document
    from minga.web.printed import form_pdfs

    default = curriculum.default_language.code
    out = []
    for form in curriculum.forms.values():
        page = curriculum.in_language(curriculum.pages[form.src_uri], lang)
        pdfs = form_pdfs(manifest, form.id)
        out.append({"id": form.id, "src_uri": form.src_uri, "title": page.title or form.id, "description": _description(curriculum, page, read_document),
                    "url": page_url(form.src_uri, lang, default),
                    "pdfs": [{"lang": l.code, "name": l.name, **pdfs[l.code]} for l in curriculum.languages if l.code in pdfs]})
    return out


def _description(curriculum: Curriculum, page, read_document) -> str:
    doc, _ = read_document(curriculum.root / page.file, page.file)
    value = doc.meta.get("description") if doc is not None else None
    return str(value).strip() if value else ""
