"""Offline copies: one zip per language that works from file://, with no server and no connection.

`minga build` makes a second MkDocs build with `use_directory_urls: false` (links go to
`page.html`, never to a folder, which file:// shows as a listing), with MINGA_OFFLINE set so
the hooks write `search_index.js` next to each search index (Material loads it by a <script>
from file://) and the pages say that they are the offline copy. This module then mends the
links a template wrote in the online form, and packs, per language:

- `minga/...` laid out as on the site: that language's pages (fallback pages included), the
  theme's files, the pictures and the PDFs its pages link to;
- `minga-<lang>.html`, the page to open first.

Every zip shares the `minga/` folder, so copies unzipped side by side make the language menu
work across them; a page says where to download the copies it lacks. The main build then
copies the zips to site/offline/ (MINGA_OFFLINE_DIR), lists them on the home page with their
size, and in catalog.json.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from minga.web.printed import human_size

ENV_OFFLINE = "MINGA_OFFLINE"  # set while MkDocs builds the offline variant
ENV_OFFLINE_DIR = "MINGA_OFFLINE_DIR"  # set while MkDocs builds the site: where the zips are
MANIFEST = "index.json"
ROOT = "minga"
# Never in a copy: source maps, what only a web host uses, and other languages' stemmers.
_SKIP_SUFFIXES = (".map", ".gz")
_SKIP_NAMES = {"sitemap.xml", "404.html", "catalog.json"}
_LINK = re.compile(r'(\s(?:href|src)=")([^"#?]*)([#?][^"]*)?(")')


@dataclass(frozen=True)
class Bundle:
    lang: str
    file: str  # offline/minga-<lang>.zip
    bytes: int

    @property
    def size(self) -> str:
        return human_size(self.bytes)


def building_offline() -> bool:
    return os.environ.get(ENV_OFFLINE) == "1"


def offline_dir() -> Path | None:
    folder = os.environ.get(ENV_OFFLINE_DIR)
    return Path(folder) if folder and (Path(folder) / MANIFEST).is_file() else None


def load_bundles(folder: Path | None) -> dict[str, Bundle]:
    if folder is None or not (folder / MANIFEST).is_file():
        return {}
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return {lang: Bundle(lang, entry["file"], entry["bytes"]) for lang, entry in data.items()}


def write_search_scripts(site: Path) -> None:
    """Each search index also as `search_index.js` (`var __index = ...`): file:// has no fetch."""
    for index in site.rglob("search/search_index.json"):
        index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")


def mend_links(site: Path, site_path: str) -> int:
    """Links that a template wrote in the online form, made to work from file://: a folder link
    (`choice-point/`) goes to its page (`choice-point.html` or `choice-point/index.html`), and a
    link from the site's root (`/minga/es/`) becomes relative. Returns how many were changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        folder = page.parent

        def fix(match: re.Match) -> str:
            nonlocal changed
            url = html.unescape(match.group(2))
            if not url or re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("//"):
                return match.group(0)
            if url.startswith(site_path):
                target = site / url[len(site_path):]
            elif url.startswith("/"):
                return match.group(0)
            else:
                target = folder / url
            if not (url.endswith("/") or url in (".", "..") or target.is_dir()) and not url.startswith(site_path):
                return match.group(0)
            resolved = _page_file(target)
            if resolved is None:
                return match.group(0)
            new = posixpath.relpath(resolved.as_posix(), folder.as_posix())
            changed += 1
            return f"{match.group(1)}{html.escape(new, quote=True)}{match.group(3) or ''}{match.group(4)}"

        mended = _LINK.sub(fix, text)
        if mended != text:
            page.write_text(mended, encoding="utf-8")
    return changed


def _page_file(target: Path) -> Path | None:
    target = Path(os.path.normpath(target))
    if target.is_file():
        return target
    for candidate in (target / "index.html", target.with_name(target.name + ".html")):
        if candidate.is_file():
            return candidate
    return None


def bundle_files(site: Path, lang: str, default: str, others: list[str]) -> list[Path]:
    """The files of one language's copy (paths inside `site`)."""
    chosen: set[Path] = set()
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix in _SKIP_SUFFIXES or path.name in _SKIP_NAMES:
            continue
        rel = path.relative_to(site)
        first = rel.parts[0]
        if first == "pdf" or first == "offline":
            continue  # PDFs: only those the pages link to (below)
        if first == "assets":
            if "lunr" in rel.parts and not _lunr_needed(rel.name, lang):
                continue
            chosen.add(path)
        elif lang == default and first not in others:
            chosen.add(path)
        elif first == lang:
            chosen.add(path)
    for page in [p for p in chosen if p.suffix == ".html"]:
        for match in _LINK.finditer(page.read_text(encoding="utf-8")):
            url = html.unescape(match.group(2))
            if url and not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
                target = Path(os.path.normpath(page.parent / url))
                if target.is_file() and target.is_relative_to(site) and target.relative_to(site).parts[0] == "pdf":
                    chosen.add(target)
    return sorted(chosen)


def _lunr_needed(name: str, lang: str) -> bool:
    return name in ("lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{lang}.min.js")


def start_page(lang: str, direction: str, title: str, label: str, home: str) -> str:
    """minga-<lang>.html, beside the minga/ folder: the page to open first (a plain link: the
    site's allowlist admits no redirect)."""
    href = html.escape(home, quote=True)
    return (f'<!doctype html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{html.escape(title)}</title></head>'
            f'<body><p><a href="{href}">{html.escape(label)}</a></p></body></html>\n')


def make_bundles(site: Path, out: Path, languages: list[tuple[str, str, str]], default: str) -> dict[str, Bundle]:
    """Zip each language's copy of the offline build `site` into `out`; write out/index.json.

    `languages`: (code, direction, start-link label) for each language.
    """
    out.mkdir(parents=True, exist_ok=True)
    codes = [code for code, _, _ in languages]
    others = [code for code in codes if code != default]
    bundles = {}
    for code, direction, label in languages:
        name = f"minga-{code}.zip"
        home = f"{ROOT}/index.html" if code == default else f"{ROOT}/{code}/index.html"
        with zipfile.ZipFile(out / name, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr(f"minga-{code}.html", start_page(code, direction, "Minga", label, home))
            for path in bundle_files(site, code, default, others):
                info = zipfile.ZipInfo(f"{ROOT}/{path.relative_to(site).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED if path.suffix in (".pdf", ".woff2", ".png") else zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
        bundles[code] = Bundle(code, f"offline/{name}", (out / name).stat().st_size)
    (out / MANIFEST).write_text(json.dumps({b.lang: {"file": b.file, "bytes": b.bytes} for b in bundles.values()},
                                           indent=1), encoding="utf-8")
    return bundles


def page_file_urls(urls: dict[str, set[str]], site: Path) -> dict[str, set[str]]:
    """Site URLs in folder form (`ar/act/being-present/`) as the offline build writes them
    (`ar/act/being-present.html`, `ar/act/index.html`): the form its search index uses."""
    out: dict[str, set[str]] = {}
    for lang, found in urls.items():
        for url in found:
            folder = url.rstrip("/")
            index = f"{folder}/index.html" if folder else "index.html"
            out.setdefault(lang, set()).add(index if (site / index).is_file() or not folder else f"{folder}.html")
    return out
