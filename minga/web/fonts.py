"""Web fonts we serve ourselves: static, subset WOFF2 files made from pinned font packages.

The font packages ship one large variable TTF per family; phones on costly connections
should download a few small files instead, so we cut static weights and subset them once
(cached by font version) and copy them into the site.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import fontpkg

from minga.user_cache import user_cache

# Basic Latin and Latin-1 (English, Spanish, Swahili, French...), the punctuation and symbols our
# pages use. A session page must load in 75 KB (issue 11): each font is about 10 KB this way, 32 KB
# with Latin Extended and every OpenType feature. A character outside the subset is drawn by the
# phone's own font. Arabic is left to the phone's fonts (Android ships Noto Naskh / Noto Sans
# Arabic): a Noto Sans Arabic subset would cost about 22 KB per weight.
LATIN = "U+0020-007E,U+00A0-00FF,U+0152-0153,U+2013-2014,U+2018-201E,U+2022,U+2026,U+2032-2033,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF,U+2713"
# Kerning, ligatures and the features that pick the right glyph; no small caps, old-style figures...
FEATURES = ["kern", "liga", "locl", "ccmp"]
SUBSET_VERSION = "2"  # part of the cache path: a change of subset makes the fonts again


@dataclass(frozen=True)
class WebFont:
    family: str
    style: str
    weight: int
    unicodes: str

    @property
    def filename(self) -> str:
        return f"{self.family.lower().replace(' ', '-')}-{self.weight}{'-italic' if self.style == 'italic' else ''}.woff2"


# No italic file (11 KB): the browser slants the regular one for the few italic notes.
WEB_FONTS = (
    WebFont("Noto Sans", "normal", 400, LATIN),
    WebFont("Noto Sans", "normal", 700, LATIN),
)


def install_web_fonts(target: Path, cache: Path | None = None) -> list[Path]:
    """Copy every web font into `target`, making (and caching) the ones not made yet."""
    cache = cache or user_cache("fonts")  # made fonts are kept per user, not per clone
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for font in WEB_FONTS:
        family = fontpkg.family(font.family)
        cached = cache / f"{family.version}-{SUBSET_VERSION}" / font.filename
        if not cached.exists():
            _make(font, cached)
        shutil.copyfile(cached, target / font.filename)
        written.append(target / font.filename)
    return written


def _make(font: WebFont, out: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    source = fontpkg.path(font.family, style=font.style)
    ttf = TTFont(source)
    if "fvar" in ttf:
        ttf = instancer.instantiateVariableFont(ttf, {"wght": font.weight, "wdth": 100})
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(font.unicodes))
    subsetter.subset(ttf)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".tmp")
    ttf.flavor = "woff2"
    ttf.save(partial)
    partial.replace(out)
