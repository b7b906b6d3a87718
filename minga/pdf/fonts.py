"""Fonts embedded in the PDFs: pinned packages, Noto Sans for Latin and Devanagari, IBM Plex
Sans Arabic for Arabic.

Why not Noto Sans Arabic: it draws a dotted letter as a skeleton glyph shared by several
letters plus a dots glyph, and WeasyPrint 70 maps each glyph to the first letter it drew with
it, so the text layer came out wrong ("نقطة" extracted as "ف ة ط ة"; Kozea/WeasyPrint#2841).
Plex draws every letter form as its own glyph, so search, copy and screen readers get the
real words (tests/test_print_language.py extracts the Arabic titles).

Variable fonts are cut into static instances (regular, bold) once and cached, so that
WeasyPrint embeds (and subsets) exactly the weights it uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fontpkg

from minga.user_cache import user_cache


@dataclass(frozen=True)
class PrintFont:
    family: str
    weight: int
    style: str = "normal"

    @property
    def filename(self) -> str:
        return f"{self.family.lower().replace(' ', '-')}-{self.weight}{'-italic' if self.style == 'italic' else ''}.ttf"


PRINT_FONTS = (
    PrintFont("Noto Sans", 400), PrintFont("Noto Sans", 700), PrintFont("Noto Sans", 400, "italic"),
    PrintFont("IBM Plex Sans Arabic", 400), PrintFont("IBM Plex Sans Arabic", 700),
    PrintFont("Noto Sans Devanagari", 400), PrintFont("Noto Sans Devanagari", 700),
)
FAMILY_STACK = '"Noto Sans", "IBM Plex Sans Arabic", "Noto Sans Devanagari"'


def font_folder() -> Path:
    return user_cache("fonts") / "print"


def prepare_fonts() -> list[tuple[PrintFont, Path]]:
    """Static TTF files for every print font, made on first use."""
    out = []
    for font in PRINT_FONTS:
        family = fontpkg.family(font.family)
        target = font_folder() / family.version / font.filename
        if not target.exists():
            _instance(font, target)
        out.append((font, target))
    return out


def versions() -> str:
    return ";".join(f"{name}={fontpkg.family(name).version}" for name in sorted({f.family for f in PRINT_FONTS}))


def font_face_css(fonts: list[tuple[PrintFont, Path]]) -> str:
    rules = []
    for font, path in fonts:
        rules.append(f'@font-face {{ font-family: "{font.family}"; font-weight: {font.weight}; '
                     f'font-style: {font.style}; src: url("minga:fonts/{path.parent.name}/{path.name}"); }}')
    return "\n".join(rules)


def _instance(font: PrintFont, target: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    source = fontpkg.path(font.family, weight=font.weight, style=font.style, nearest=True)
    ttf = TTFont(source)
    if "fvar" in ttf:
        axes = {axis.axisTag: axis.defaultValue for axis in ttf["fvar"].axes}
        axes["wght"] = font.weight
        if "wdth" in axes:
            axes["wdth"] = 100
        ttf = instancer.instantiateVariableFont(ttf, axes)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    ttf.save(partial)
    partial.replace(target)
