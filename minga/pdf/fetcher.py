"""The only way the PDF step reads anything: our own files, and images given inline.

Content comes from pull requests and is untrusted. WeasyPrint would otherwise read any
path (`<img src="file:///etc/hostname">`) and embed any `rel="attachment"` target into the
PDF. This fetcher serves files under a few allowed folders, `data:` images, and nothing
else; every refusal is recorded so that the build can say who asked for what.
"""

from __future__ import annotations

import base64
import io
import re
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from minga.checks.svg_policy import svg_problems

MAX_DATA_BYTES = 2 * 1024 * 1024
RTL_TEXT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana...


@dataclass
class Refusal:
    url: str
    reason: str


@dataclass
class RestrictedFetcher(URLFetcher):
    """Serve files under `roots` (resolved, symlinks followed) and `data:image/...` URLs only."""

    roots: tuple[Path, ...] = ()
    names: dict[str, Path] = field(default_factory=dict)  # minga:<name>/<path> -> folder, see below
    font_files: tuple[Path, ...] = ()  # fonts for pictures whose text WeasyPrint cannot shape
    refusals: list[Refusal] = field(default_factory=list)

    def __post_init__(self):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, timeout=1)
        self.roots = tuple(root.resolve() for root in self.roots)

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "minga":
            return self._named(url)
        if scheme == "file":
            return self._file(url)
        if scheme == "data":
            return self._data(url)
        return self._refuse(url, "only the curriculum's own files can be used in a PDF")

    def _named(self, url: str):
        """minga:docs/assets/x.svg, minga:fonts/x.ttf: our files named without the machine's paths,
        so that the same sources give the same PDF bytes wherever they are built."""
        name, _, rest = url[len("minga:"):].partition("/")
        if name not in self.names:
            return self._refuse(url, "unknown Minga resource")
        return self._file((self.names[name] / unquote(rest)).as_uri(), shown_url=url)

    def _file(self, url: str, shown_url: str | None = None):
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            return self._refuse(shown_url or url, "this file is outside the folders the PDF may use")
        if not path.is_file():
            return self._refuse(shown_url or url, "this file does not exist")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = path.read_bytes()
        url = shown_url or url
        if mime == "image/svg+xml" and svg_problems(body):
            # WeasyPrint and resvg would follow its references by themselves: only drawings pass.
            return self._refuse(url, "this SVG picture holds more than a drawing: " + svg_problems(body)[0])
        if mime == "image/svg+xml" and RTL_TEXT.search(body.decode("utf-8", "replace")):
            # Not a file: URL, or WeasyPrint would re-read the SVG from disk by its path.
            return URLFetcherResponse("data:image/png;x-rasterized-from=" + path.name, self._raster(body),
                                      {"Content-Type": "image/png"})
        return URLFetcherResponse(url, body, {"Content-Type": mime})

    def _raster(self, svg: bytes) -> bytes:
        """WeasyPrint draws SVG text letter by letter, which breaks Arabic shaping; resvg shapes
        it correctly with our own fonts only (no system font). It gets the checked bytes, never a
        path: the SVG holds no reference to any file (svg_policy), so resvg reads nothing itself."""
        import resvg_py

        from PIL import Image

        png = bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), zoom=3, skip_system_fonts=True,
                                          font_files=[str(f) for f in self.font_files], sans_serif_family="Noto Sans"))
        # Flatten on white: WeasyPrint 70 fails on some RGBA PNGs (and paper is white anyway).
        image = Image.open(io.BytesIO(png)).convert("RGBA")
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        out = io.BytesIO()
        flat.save(out, format="PNG")
        return out.getvalue()

    def _data(self, url: str):
        header, _, payload = url[len("data:"):].partition(",")
        mime = header.split(";")[0].lower()
        if not mime.startswith("image/") or len(payload) > MAX_DATA_BYTES * 4 // 3 + 4:
            return self._refuse(url, "only small inline images are allowed")
        try:
            body = base64.b64decode(payload) if header.endswith(";base64") else unquote(payload).encode()
        except ValueError:
            return self._refuse(url, "this inline image cannot be read")
        if mime == "image/svg+xml":  # a picture we made (a learning path): the same rules as a file
            if svg_problems(body):
                return self._refuse(url, "this SVG picture holds more than a drawing: " + svg_problems(body)[0])
            if RTL_TEXT.search(body.decode("utf-8", "replace")):
                return URLFetcherResponse("data:image/png;x-rasterized", self._raster(body), {"Content-Type": "image/png"})
        return URLFetcherResponse(url, body, {"Content-Type": mime})

    def _refuse(self, url: str, reason: str):
        self.refusals.append(Refusal(url[:200], reason))
        raise URLFetchingError(f"refused: {url[:200]} ({reason})")
