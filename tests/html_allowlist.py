"""What a built Minga site may contain: the one allowlist the hostile-content tests check output against.

Every finding is a short string saying where and what. An empty list means the output is safe.
The engine's own rendered-HTML validation (issue 8) should agree with this module: anything it
accepts must pass `html_findings`, `svg_findings` and `site_findings` here.

- HTML is parsed with html5lib (what a browser builds), never matched with patterns.
- Scripts: only Material's bundle and search worker by `src` under assets/javascripts/, Material's
  `__config` JSON, and Material's three known inline scripts.
- No `on*` attribute anywhere; attributes outside the allowlist are findings.
- URLs (href, src, action, ...) are relative or http/https/mailto/tel; `src` is relative only.
- `title` holds no markup: Material's tooltips insert an element's `title` as HTML (its bundle sets
  `innerHTML` from `e.title`); other text attributes (aria-label, alt) are only read as text.
- SVG files: parsed as XML, no script, no `on*`, no reference outside the file.
- Site files: known types at known places; theme files byte-identical to the theme's.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import html5lib

HTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# Elements a page may contain (Material's layout, our templates, and Markdown output).
ELEMENTS = frozenset("""
html head body title meta link script noscript
header footer main nav section article aside div span p br hr
h1 h2 h3 h4 h5 h6 a abbr b i em strong small sub sup kbd mark code pre samp var q cite blockquote
ul ol li dl dt dd table thead tbody tfoot tr th td caption colgroup col
img figure figcaption picture source
label input button form
time del ins s u wbr bdi
details summary
svg path g circle rect line polyline polygon ellipse
""".split())

# Never, anywhere (also caught by ELEMENTS; listed for clear messages).
FORBIDDEN_ELEMENTS = frozenset("""
iframe frame frameset object embed applet base style template portal math
maction annotation-xml foreignobject animate set animatemotion animatetransform use image
dialog marquee textarea select option
""".split())

ATTRIBUTES = frozenset("""
id class lang dir title role tabindex hidden translate
href rel target hreflang type media charset name content download
src alt width height loading decoding srcset sizes
colspan rowspan scope headers start reversed value datetime
for placeholder autocomplete autocorrect autocapitalize spellcheck required checked disabled
xmlns viewbox d fill stroke stroke-width stroke-linejoin stroke-linecap fill-rule clip-rule transform points cx cy r rx ry x y x1 y1 x2 y2
style
""".split())
ATTRIBUTE_PREFIXES = ("aria-", "data-md-", "data-minga-")

# Attributes holding URLs. `src`-like ones must stay on the site.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                            "ping", "xlink:href", "srcset", "longdesc", "manifest", "codebase", "icon"})
LOCAL_ONLY_URL_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background"})
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
TEXT_ATTRIBUTES = frozenset({"title"})
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
STYLE_DECLARATION = re.compile(r"^\s*(flex-grow\s*:\s*\d+(\.\d+)?|width\s*:\s*\d+(\.\d+)?%)\s*;?\s*$")
LINK_RELS = frozenset({"canonical", "prev", "next", "icon", "stylesheet", "alternate", "search"})
META_NAMES = frozenset({"viewport", "description", "generator", "author", "robots", "theme-color"})
FORBIDDEN_REL = frozenset({"attachment", "import", "preload", "modulepreload", "prefetch", "dns-prefetch", "preconnect", "manifest"})

# Material's own inline scripts, with `new URL("<base>", location)` normalised to BASE.
MATERIAL_INLINE_SCRIPTS = frozenset({
    '__md_scope=new URL(BASE,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
    '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
    '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
    'palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
    'palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}'
    'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}',
    'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))',
    # Ours (hooks/minga_hooks.py): each language searches its own index; "/LANG/" is the language code.
    '(function(){var e=document.getElementById("__config"),c=JSON.parse(e.textContent);'
    'c.base=c.base.replace(/\\/?$/,"/LANG/");e.textContent=JSON.stringify(c)})()',
})
SCRIPT_SRC = re.compile(r"^(\.\./|\./|(?:/[A-Za-z0-9_.-]+)*/)*assets/javascripts/(bundle\.[0-9a-f]{8}\.min\.js|workers/search\.[0-9a-f]{8}\.min\.js|minga\.js)$")
_BASE = re.compile(r'new URL\("[^"\\]*",location\)')
_LANG = re.compile(r'"/[a-z]{2,3}(?:-[A-Za-z]{2,4})?/"')

# Search-index strings are rendered by Material as HTML: only these elements, no attributes but these.
SEARCH_ELEMENTS = frozenset("p br code pre em strong b i small sub sup kbd mark ul ol li dl dt dd table thead tbody tr th td abbr blockquote span a h1 h2 h3 h4 h5 h6 cite".split())


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _attr_name(key) -> str:
    if isinstance(key, tuple):  # html5lib namespaced attribute: (namespace, name)
        namespace, name = key
        return ("xlink:" if namespace == XLINK_NS else "") + name.lower() if namespace else name.lower()
    if key.startswith("{"):
        namespace, name = key[1:].split("}", 1)
        return ("xlink:" if namespace == XLINK_NS else "") + name.lower()
    return key.lower()


def url_finding(value: str, local_only: bool = False, local_schemes: tuple[str, ...] = ()) -> str | None:
    """Why a URL is not allowed, or None. `value` is as the browser sees it (entities decoded).
    `local_schemes`: schemes that name our own files (the PDF step's `minga:`)."""
    if re.search(r"[\x00-\x20\x7f\"'<>`\\]", value):
        return f"URL with whitespace, control characters, quotes or angle brackets: {value[:80]!r}"
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        return f"unparseable URL {value[:80]!r}: {exc}"
    if parts.scheme and parts.scheme.lower() in local_schemes:
        return None
    if parts.scheme:
        if local_only:
            return f"URL leaves the site: {value[:80]!r}"
        if parts.scheme.lower() not in SCHEMES:
            return f"URL scheme {parts.scheme!r} not allowed: {value[:80]!r}"
    elif value.startswith("//") and local_only:
        return f"URL leaves the site: {value[:80]!r}"
    return None


def _element_findings(tag: str, attrs: dict, text: str, where: str, search: bool = False,
                      local_schemes: tuple[str, ...] = ()) -> list[str]:
    found = []
    allowed = SEARCH_ELEMENTS if search else ELEMENTS
    if tag in FORBIDDEN_ELEMENTS or tag not in allowed:
        found.append(f"{where}: element <{tag}> not allowed")
    names = {_attr_name(k): v for k, v in attrs.items()}
    for name, value in names.items():
        if name.startswith("on"):
            found.append(f"{where}: event attribute {name}= on <{tag}>")
        elif search and name not in {"class", "id", "title", "href"}:
            found.append(f"{where}: attribute {name}= on <{tag}> in search text")
        elif name not in ATTRIBUTES and not name.startswith(ATTRIBUTE_PREFIXES):
            found.append(f"{where}: attribute {name}= not allowed on <{tag}>")
        if name in URL_ATTRIBUTES:
            for one in ([v.strip().split(" ")[0] for v in value.split(",")] if name == "srcset" else [value]):
                why = url_finding(one, local_only=name in LOCAL_ONLY_URL_ATTRIBUTES, local_schemes=local_schemes)
                if why:
                    found.append(f"{where}: <{tag} {name}>: {why}")
        if name in TEXT_ATTRIBUTES and MARKUP.search(value):
            found.append(f"{where}: markup inside {name}= of <{tag}> (tooltips insert it as HTML): {value[:80]!r}")
        if name == "style" and not STYLE_DECLARATION.match(value):
            found.append(f"{where}: style= {value[:80]!r} on <{tag}>")
        if name == "rel" and set(value.lower().split()) & FORBIDDEN_REL:
            found.append(f"{where}: rel={value!r} on <{tag}>")
    if tag == "script":
        src = names.get("src")
        if src is not None:
            if not SCRIPT_SRC.match(src) or text.strip():
                found.append(f"{where}: script src={src!r} is not Material's")
        elif names.get("type") == "application/json" and names.get("id") == "__config":
            try:
                json.loads(text)
            except ValueError:
                found.append(f"{where}: Material's __config is not JSON")
        elif _LANG.sub('"/LANG/"', _BASE.sub("new URL(BASE,location)", text.strip())) not in MATERIAL_INLINE_SCRIPTS:
            found.append(f"{where}: inline script not from Material: {text.strip()[:80]!r}")
    if tag == "link":
        rels = set(names.get("rel", "").lower().split())
        if not rels or not rels <= LINK_RELS:
            found.append(f"{where}: <link rel={names.get('rel')!r}>")
        elif rels & {"stylesheet", "icon", "search"} and url_finding(names.get("href", ""), local_only=True):
            found.append(f"{where}: <link rel={names.get('rel')!r}> loads {names.get('href', '')[:80]!r} from elsewhere")
    if tag == "meta":
        if "http-equiv" in names:
            found.append(f"{where}: <meta http-equiv={names['http-equiv']!r}>")
        elif "charset" not in names and names.get("name", "").lower() not in META_NAMES:
            found.append(f"{where}: <meta name={names.get('name')!r}>")
    material_forms = {("search", None), (None, "palette")}
    if tag == "form" and ("action" in names or (names.get("name"), names.get("data-md-component")) not in material_forms):
        found.append(f"{where}: a <form> that is not Material's search form")
    if tag in {"input", "button"} and ("formaction" in names or names.get("type", "").lower() in {"image", "submit"} and tag == "input"):
        found.append(f"{where}: <{tag}> that submits somewhere")
    return found


PRINT_SCHEMES = ("minga",)  # minga/pdf/fetcher.py serves `minga:docs/...` from our own folders


def html_findings(html: str, where: str = "page", fragment: bool = False, search: bool = False,
                  local_schemes: tuple[str, ...] = ()) -> list[str]:
    """Everything in `html` outside the allowlist, as a browser would build it."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=True)
    root = parser.parseFragment(html) if fragment else parser.parse(html)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments
            continue
        tag = _local(element.tag)
        if fragment and element is root:
            continue
        found.extend(_element_findings(tag, dict(element.attrib), "".join(element.itertext()) if tag == "script" else "",
                                       where, search, local_schemes))
    return found


def svg_findings(data: bytes, where: str = "svg") -> list[str]:
    """An SVG file as the browser opens it (same origin as the site): no script, handlers or outside references."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return [f"{where}: DOCTYPE/ENTITY in an SVG"]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{where}: not well-formed XML ({exc})"]
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        if tag in {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}:
            found.append(f"{where}: <{tag}> in an SVG")
        if tag in {"animate", "set", "animatemotion", "animatetransform"}:
            found.append(f"{where}: animation element <{tag}> (can rewrite href)")
        for key, value in element.attrib.items():
            name = _attr_name(key)
            if name.startswith("on"):
                found.append(f"{where}: event attribute {name}= on <{tag}>")
            if name in {"href", "xlink:href", "src"} and not value.strip().startswith("#"):
                found.append(f"{where}: <{tag} {name}={value[:80]!r}> refers outside the file")
            if "url(" in value.replace(" ", "") and not re.fullmatch(r"\s*url\(\s*#[^)]*\)\s*", value):
                found.append(f"{where}: {name}= with url() outside the file")
        if tag == "style" and re.search(r"url\(\s*(?!#)|@import", element.text or ""):
            found.append(f"{where}: <style> with url() or @import")
    return found


# Site files: known kinds at known places.
PAGE_PATH = re.compile(r"^(?:[a-z]{2,3}/)?(?:[a-z0-9][a-z0-9._-]*/)*(?:index|404)\.html$")
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})
FONT_PATH = re.compile(r"^assets/fonts/[a-z0-9-]+\.(woff2|css)$")


def site_findings(site: Path, theme_dirs: list[Path]) -> list[str]:
    """Walk a built site: every file of an expected kind, every page/SVG/search index checked.

    `theme_dirs`: folders whose files may be copied as they are (Material's templates, our overrides).
    A `.js`, `.css` or `.map` file must be byte-identical to the file with the same path in one of them.
    """
    found = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_symlink():
            found.append(f"{rel}: a link in the built site")
            continue
        if not path.is_file():
            continue
        found.extend(_file_findings(rel, path.read_bytes(), theme_dirs))
    return found


# The offline copies (minga/web/offline.py): zips of the site's files laid out as pages `name.html`.
OFFLINE_ZIP = re.compile(r"^offline/minga-[a-z]{2,3}\.zip$")
OFFLINE_PAGE_PATH = re.compile(r"^(?:[a-z]{2,3}/)?(?:[a-z0-9][a-z0-9._-]*/)*[a-z0-9][a-z0-9._-]*\.html$")
OFFLINE_START = re.compile(r"^minga-[a-z]{2,3}\.html$")
OFFLINE_SEARCH_SCRIPT = re.compile(r"^(?:[a-z]{2,3}/)?search/search_index\.js$")


def _file_findings(rel: str, data: bytes, theme_dirs: list[Path], offline: bool = False) -> list[str]:
    found = []
    suffix = Path(rel).suffix.lower()
    if suffix == ".html":
        if not (OFFLINE_PAGE_PATH if offline else PAGE_PATH).match(rel):
            found.append(f"{rel}: an HTML file that is not a rendered page")
        found.extend(html_findings(data.decode("utf-8", "replace"), rel))
    elif offline and OFFLINE_SEARCH_SCRIPT.match(rel):
        prefix = b"var __index = "
        if not data.startswith(prefix):
            found.append(f"{rel}: not a search index script")
        else:
            found.extend(search_index_findings(data[len(prefix):], rel))
    elif suffix in {".js", ".css", ".map"}:
        if not FONT_PATH.match(rel) and not any((theme / rel).is_file() and (theme / rel).read_bytes() == data for theme in theme_dirs):
            found.append(f"{rel}: script or stylesheet that is not the theme's own file")
    elif suffix == ".json":
        if re.fullmatch(r"(?:[a-z]{2,3}/)?search/search_index\.json", rel):
            found.extend(search_index_findings(data, rel))
        elif rel not in {"catalog.json", "pdf/index.json"}:
            found.append(f"{rel}: unexpected JSON file")
    elif suffix in IMAGE_SUFFIXES:
        if suffix == ".svg":
            found.extend(svg_findings(data, rel))
        elif not _image_magic(data):
            found.append(f"{rel}: not a {suffix} picture")
    elif suffix == ".woff2":
        if not FONT_PATH.match(rel) or not data.startswith(b"wOF2"):
            found.append(f"{rel}: unexpected font file")
    elif rel in {"sitemap.xml", "sitemap.xml.gz"} or re.fullmatch(r"[a-z]{2,3}/sitemap\.xml(\.gz)?", rel):
        pass
    elif suffix == ".pdf":
        if not rel.startswith("pdf/") or not data.startswith(b"%PDF-"):
            found.append(f"{rel}: unexpected PDF")
    elif not offline and OFFLINE_ZIP.match(rel):
        found.extend(zip_findings(data, rel, theme_dirs))
    else:
        found.append(f"{rel}: unexpected file type")
    return found


def zip_findings(data: bytes, where: str, theme_dirs: list[Path]) -> list[str]:
    """An offline copy: its start page and every file under minga/, checked as the site's files are."""
    import io
    import zipfile

    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            body = archive.read(name)
            if OFFLINE_START.match(name):
                found.extend(f"{where}: {f}" for f in html_findings(body.decode("utf-8", "replace"), name))
            elif name.startswith("minga/") and not name.endswith("/") and ".." not in name.split("/"):
                found.extend(f"{where}: {f}" for f in _file_findings(name[len("minga/"):], body, theme_dirs, offline=True))
            else:
                found.append(f"{where}: {name}: unexpected entry")
    return found


def _image_magic(data: bytes) -> bool:
    return data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def search_index_findings(data: bytes, where: str) -> list[str]:
    """Material renders titles and texts of the search index as HTML: check them as HTML."""
    try:
        index = json.loads(data)
    except ValueError as exc:
        return [f"{where}: not JSON ({exc})"]
    found = []
    for doc in index.get("docs", []):
        location = doc.get("location", "?")
        for key in ("title", "text"):
            value = doc.get(key) or ""
            if not isinstance(value, str):
                found.append(f"{where} [{location}] {key}: not text")
                continue
            found.extend(html_findings(value, f"{where} [{location}] {key}", fragment=True, search=True))
        if url_finding(location):
            found.append(f"{where} [{location}]: location {url_finding(location)}")
    return found
