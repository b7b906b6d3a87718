"""What a reader's phone downloads: the built site served as GitHub Pages serves it, weighed in Chromium.

`python -m minga.web.weight [site]` (`make weight`) prints the first-load weight (gzip) of every page
type in every language. The browser tests (tests/test_browser_site.py) use the same server and
weighing, and enforce the budgets below.

The server mirrors GitHub Pages: the site lives under its site_url path (/minga/), `dir/` serves
`dir/index.html`, `dir` answers 301 to `dir/`, and a missing path answers the root 404.html with
status 404. Each request is weighed as gzip -9 of its body (binary files as they are), so a
number here is what a phone pays on a host that compresses.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Budgets (KB of gzip) for the first load, with no input from the reader (issue 11).
SESSION_BUDGET_KB = 75
HOME_BUDGET_KB = 90
PREFIX = "/minga/"
_BINARY = (".png", ".jpg", ".jpeg", ".woff2", ".woff", ".zip", ".pdf", ".gz")


@dataclass
class Request:
    path: str
    status: int
    raw: int
    gzip: int


@dataclass
class Recorder:
    """Every request the server answered, in order (the browser's and its workers' alike)."""
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, request: Request) -> None:
        with self.lock:
            self.requests.append(request)

    def since(self, mark: int) -> list[Request]:
        with self.lock:
            return list(self.requests[mark:])

    def mark(self) -> int:
        with self.lock:
            return len(self.requests)


def _gzip_size(body: bytes, path: str) -> int:
    return len(body) if path.lower().endswith(_BINARY) else len(gzip.compress(body, 9, mtime=0))


class _PagesHandler(http.server.BaseHTTPRequestHandler):
    site: Path
    recorder: Recorder
    sizes: dict

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(PREFIX):
            return self._not_found(path)
        relative = path[len(PREFIX):]
        target = (self.site / relative).resolve()
        if not target.is_relative_to(self.site):
            return self._not_found(path)
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                self.recorder.add(Request(path, 301, 0, 0))
                return
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(path)
        self._send(path, 200, target)

    def _not_found(self, path: str) -> None:
        self._send(path, 404, self.site / "404.html")

    def _send(self, path: str, status: int, file: Path) -> None:
        body = file.read_bytes() if file.is_file() else b"Not found"
        self.send_response(status)
        self.send_header("Content-Type", _content_type(file))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        key = (str(file), status)
        if key not in self.sizes:
            self.sizes[key] = _gzip_size(body, file.name)
        self.recorder.add(Request(path, status, len(body), self.sizes[key]))


def _content_type(file: Path) -> str:
    return {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
            ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml",
            ".woff2": "font/woff2", ".pdf": "application/pdf", ".zip": "application/zip"}.get(file.suffix, "application/octet-stream")


class PagesServer:
    """The site under /minga/ on 127.0.0.1, in a thread; use as a context manager."""

    def __init__(self, site: Path):
        self.recorder = Recorder()
        handler = type("Handler", (_PagesHandler,), {"site": Path(site).resolve(), "recorder": self.recorder, "sizes": {}})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{PREFIX}"

    def __enter__(self) -> "PagesServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def chrome(width: int = 360, height: int = 800):
    """Headless Debian Chromium through Selenium (no download: chromedriver from the system)."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        raise FileNotFoundError("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update",
                     # No other host can answer: a request to one is seen in the log, never served.
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(20)
    # Chromium keeps a window at least 500 px wide: a phone's width is emulated.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for since the last call (page, frames and workers)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def foreign(urls: list[str]) -> list[str]:
    """The URLs that went to another host than the local server (data: and blob: stay on the page)."""
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob", "about", "file", "chrome-error")
            and urlsplit(u).hostname not in ("127.0.0.1",)]


def settle(recorder: Recorder, quiet: float = 0.6, limit: float = 8.0) -> None:
    """Wait until the server has seen no new request for `quiet` seconds (the page is idle)."""
    start = time.monotonic()
    count, since = recorder.mark(), time.monotonic()
    while time.monotonic() - start < limit:
        time.sleep(0.1)
        now = recorder.mark()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


@dataclass
class Load:
    url: str
    requests: list[Request]

    @property
    def gzip_kb(self) -> float:
        return sum(r.gzip for r in self.requests) / 1000

    def describe(self) -> str:
        return "\n".join(f"  {r.status} {r.path} {r.gzip / 1000:.1f} KB" for r in self.requests)


def first_load(driver, server: PagesServer, path: str) -> Load:
    """Open `path` (relative to /minga/) and weigh everything fetched with no input from the reader."""
    driver.get("about:blank")
    mark = server.recorder.mark()
    driver.get(server.root + path)
    settle(server.recorder)
    return Load(path, server.recorder.since(mark))


def page_types(site: Path) -> dict[tuple[str, str], str]:
    """One page of each type in each language, as URLs under /minga/: (kind, lang) -> path.

    "session" is the session the audit weighed (the first of its track with a full agenda);
    "heaviest session" is, per language, the session page whose HTML is largest.
    """
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    codes, default = languages(site)
    modules = catalog["modules"]
    chosen = next((m for m in modules if m["id"] == "being-present"), modules[0])
    pages = {}
    for lang in codes:
        def here(path: str) -> str:
            return path if lang == default else f"{lang}/{path}"
        sessions = [m["translations"].get(lang, {}).get("url") or here(m["url"]) for m in modules]
        heaviest = max(sessions, key=lambda url: _gzip_size((site / url / "index.html").read_bytes(), "x.html"))
        pages.update({("home", lang): here(""), ("track", lang): here(catalog["tracks"][0]["url"]),
                      ("session", lang): chosen["translations"].get(lang, {}).get("url") or here(chosen["url"]),
                      ("heaviest session", lang): heaviest,
                      ("glossary", lang): here("glossary/"), ("safety-protocol", lang): here("safety-protocol/"),
                      ("translation-status", lang): here("translation-status/"), ("404", lang): here("no-such-page/")})
    return pages


def languages(site: Path) -> tuple[list[str], str]:
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    codes = [lang["code"] for lang in catalog["languages"]]
    default = next(lang["code"] for lang in catalog["languages"] if lang.get("default"))
    return codes, default


def budget(kind: str) -> int | None:
    return SESSION_BUDGET_KB if "session" in kind else HOME_BUDGET_KB if kind == "home" else None


def report(site: Path) -> tuple[str, dict]:
    codes, _ = languages(site)
    pages = page_types(site)
    weights: dict[tuple[str, str], float] = {}
    driver = chrome()
    try:
        with PagesServer(site) as server:
            for key, path in pages.items():
                weights[key] = first_load(driver, server, path).gzip_kb
    finally:
        driver.quit()
    kinds = list(dict.fromkeys(kind for kind, _ in pages))
    lines = ["First load, KB gzip, no input from the reader (budgets: session "
             f"{SESSION_BUDGET_KB}, home {HOME_BUDGET_KB})", "",
             "| page | " + " | ".join(codes) + " |", "|---|" + "---|" * len(codes)]
    for kind in kinds:
        lines.append(f"| {kind} | " + " | ".join(f"{weights[kind, lang]:.1f}" for lang in codes) + " |")
    return "\n".join(lines), weights


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    site = Path(args[0] if args else "site")
    if not (site / "catalog.json").is_file():
        print(f"No built site in {site}/: run `make build` first.", file=sys.stderr)
        return 2
    text, weights = report(site)
    print(text)
    over = [f"{kind} ({lang}): {kb:.1f} KB" for (kind, lang), kb in weights.items()
            if budget(kind) is not None and kb > budget(kind)]
    if over:
        print("\nOver budget: " + "; ".join(over))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
