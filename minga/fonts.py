"""Web fonts we serve ourselves: static, subset WOFF2 files made from pinned font packages.

The font packages ship one large variable TTF per family; phones on costly connections
should download a few small files instead, so we cut static weights and subset them once
(cached by font version) and copy them into the site.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import fontpkg

# Basic Latin, Latin-1, Latin Extended-A (Spanish, Swahili, French...), punctuation and symbols.
LATIN = "U+0000-024F,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF,U+2713"


@dataclass(frozen=True)
class WebFont:
    family: str
    style: str
    weight: int
    unicodes: str

    @property
    def filename(self) -> str:
        return f"{self.family.lower().replace(' ', '-')}-{self.weight}{'-italic' if self.style == 'italic' else ''}.woff2"


WEB_FONTS = (
    WebFont("Noto Sans", "normal", 400, LATIN),
    WebFont("Noto Sans", "normal", 700, LATIN),
    WebFont("Noto Sans", "italic", 400, LATIN),
)


def cache_dir() -> Path:
    """Made fonts are kept per user (not per clone): MINGA_CACHE_DIR, else ~/.cache/minga."""
    base = os.environ.get("MINGA_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minga"
    return Path(base) / "fonts"


def install_web_fonts(target: Path, cache: Path | None = None) -> list[Path]:
    """Copy every web font into `target`, making (and caching) the ones not made yet."""
    cache = cache or cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for font in WEB_FONTS:
        family = fontpkg.family(font.family)
        cached = cache / family.version / font.filename
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
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(font.unicodes))
    subsetter.subset(ttf)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".tmp")
    ttf.flavor = "woff2"
    ttf.save(partial)
    partial.replace(out)
