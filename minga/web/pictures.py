"""Pictures around the text: each session's picture card in the reader's language, and each
track's learning path drawn from the content model.

A picture with words has a copy per language next to it (`hexaflex.es.svg`); the website and the
PDFs use the copy of their language when it exists. The learning path is made here, as SVG
drawing and text only (it passes svg_policy), with the session titles and minutes of one language.
"""

from __future__ import annotations

import textwrap
from html import escape

from minga.content.model import Curriculum, Module, RTL_LANGUAGES
from minga.checks.picture_rules import IMAGES, picture_path

PATHS = "assets/images/paths"  # where the built site keeps the learning path pictures
HEXAFLEX = "hexaflex.svg"  # under assets/images/, shown on the ACT track page and in ACT guides
HEXAFLEX_TRACK = "act"


def localized(curriculum: Curriculum, docs_path: str, lang: str) -> str:
    """`docs_path` (e.g. assets/images/hexaflex.svg), or its copy in `lang` when there is one."""
    stem, dot, extension = docs_path.rpartition(".")
    if dot and lang != curriculum.default_language.code and (curriculum.docs_dir / f"{stem}.{lang}.{extension}").is_file():
        return f"{stem}.{lang}.{extension}"
    return docs_path


def site_url(curriculum: Curriculum, docs_path: str, lang: str) -> str:
    """The site URL of a picture for a page in `lang` (mkdocs-static-i18n publishes a language's
    copy of a picture under that language's folder, with the language suffix removed)."""
    if localized(curriculum, docs_path, lang) != docs_path:
        return f"{lang}/{docs_path}"
    return docs_path


def picture_view(curriculum: Curriculum, module: Module, lang: str) -> dict | None:
    """The picture card of a module page in `lang`: site URL, alt text and the language of the alt."""
    if module.picture is None:
        return None
    path = picture_path(module.picture.image)
    if path is None:
        return None
    return {"url": site_url(curriculum, path, lang), "docs_path": localized(curriculum, path, lang),
            "alt": module.picture.alt, "alt_lang": module.picture.lang}


def hexaflex_path(curriculum: Curriculum) -> str | None:
    path = f"{IMAGES}/{HEXAFLEX}"
    return path if (curriculum.docs_dir / path).is_file() else None


# --- The learning path ------------------------------------------------------------------------

ROW = 78
WIDTH = 800


def learning_path_svg(curriculum: Curriculum, track_id: str, lang: str, t) -> str:
    """A track's sessions in order as a path of numbered stones, each with its title and minutes."""
    track = curriculum.track(track_id, lang)
    return path_svg(curriculum, curriculum.modules_of(track_id), lang, t, track.title if track else track_id)


def path_svg(curriculum: Curriculum, modules: list[Module], lang: str, t, name: str) -> str:
    """Sessions in order (a track's, or a guide's) as a path of numbered stones with titles and minutes."""
    rtl = lang in RTL_LANGUAGES
    font = "Noto Sans Arabic, Noto Sans, sans-serif" if rtl else "Noto Sans, sans-serif"
    height = 40 + ROW * len(modules) + 60

    def x(value: float) -> float:  # mirrored for right-to-left languages
        return WIDTH - value if rtl else value

    start, end = ("end", "start") if rtl else ("start", "end")
    parts = [f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#fff"/>']
    if len(modules) > 1:
        parts.append(f'<path d="M{x(60)},{40 + ROW // 2} L{x(60)},{40 + ROW * (len(modules) - 1) + ROW // 2}" fill="none" '
                     'stroke="#000" stroke-width="6" stroke-dasharray="2 14" stroke-linecap="round"/>')
    for index, module in enumerate(modules):
        shown = curriculum.in_language(module, lang)
        y = 40 + ROW * index + ROW // 2
        parts.append(f'<circle cx="{x(60)}" cy="{y}" r="28" fill="#fff" stroke="#000" stroke-width="5"/>')
        parts.append(f'<text x="{x(60)}" y="{y + 9}" font-family="{font}" font-size="26" font-weight="bold" '
                     f'text-anchor="middle" fill="#000">{index + 1}</text>')
        lines = textwrap.wrap(shown.title, 38)[:2] or [shown.title]
        first = y + 8 - (len(lines) - 1) * 14
        for number, line in enumerate(lines):
            parts.append(f'<text x="{x(110)}" y="{first + number * 28}" font-family="{font}" font-size="24" '
                         f'text-anchor="{start}" fill="#000">{escape(line)}</text>')
        parts.append(f'<text x="{x(776)}" y="{y + 8}" font-family="{font}" font-size="24" font-weight="bold" '
                     f'text-anchor="{end}" fill="#000">{escape(t("minutes_short", n=module.duration_minutes))}</text>')
    total = sum(m.duration_minutes for m in modules)
    summary = f'{t("sessions_count", n=len(modules))} · {t("total_time", hours=total // 60, minutes=total % 60)}'
    parts.append(f'<path d="M{x(30)},{height - 50} L{x(770)},{height - 50}" stroke="#000" stroke-width="3"/>')
    parts.append(f'<text x="{x(776)}" y="{height - 18}" font-family="{font}" font-size="24" text-anchor="{end}" '
                 f'fill="#000">{escape(summary)}</text>')
    title = escape(f'{t("learning_path")}: {name}')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'role="img"><title>{title}</title>' + "".join(parts) + "</svg>\n")
