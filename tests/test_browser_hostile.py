"""Hostile content in a real browser (issue 8): no payload runs, whatever a reader does.

Four combined fixtures (tests/fixtures/hostile-browser/, overlays on tests/fixtures/valid/):
`text` puts markup in front matter and data strings (cause 1); `tooltips` puts entity-encoded markup
in glossary definitions, an abbreviation, link and image titles (cause 3: runs only on hover/focus);
`files` publishes an SVG and an HTML page with script and a file named like Material's bundle
(cause 4); `body` holds raw HTML that a line scanner misses (cause 2). `escaped` holds markup that the
check accepts because it is shown as text (front matter, data, doubly encoded titles): it must build,
and hovering and focusing everything must leave it text. It found that Material's content.tooltips
turns the visible text of a cut-off nav title into HTML, so that feature is off (mkdocs.yml).
Every payload, if it runs, sets `window.__pwned` (or opens an alert).

The site is built with `minga build --no-pdf`, served by a local http.server on 127.0.0.1, and
opened in headless Chromium (Debian's `chromium` and `chromium-driver`; Selenium Manager never
downloads anything). Every page is loaded; every element with a `title` and every `abbr` is hovered
and focused; Tab walks the page; links with a scheme other than http(s)/mailto/tel are clicked
(every page link is visited anyway); the search is typed into. A build that
refuses the content with a located error also passes: nothing was published.
Skipped only when Chromium is missing outside CI; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from .hostile_support import FIXTURES, located_errors, make_hostile_project, minga

BROWSER_FIXTURES = FIXTURES / "hostile-browser"
MARKER_JS = ("return !!(window.__pwned || (window.parent && window.parent.__pwned) || document.title === 'PWNED'"
             " || (function(){try{return localStorage.getItem('pwned')}catch(e){return null}})())")
SETTLE = 0.25


def _chromium() -> tuple[str | None, str | None]:
    return shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = _chromium()
    if not binary or not driver_path:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromedriver are required in CI (.ci/run installs chromium and chromium-driver)")
        pytest.skip("chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(10)
    try:
        yield driver
    finally:
        driver.quit()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.timeout = 5
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _fired(driver) -> str | None:
    """Why we believe a payload ran, or None."""
    from selenium.common.exceptions import NoAlertPresentException, WebDriverException

    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return f"an alert opened ({text!r})"
    except NoAlertPresentException:
        pass
    try:
        if driver.execute_script(MARKER_JS):
            return "window.__pwned was set"
    except WebDriverException as exc:  # an alert that appeared meanwhile, or a page that navigated away
        return _fired(driver) if "alert" in str(exc).lower() else None
    return None


def _visit(driver, url: str, ran: list[str], what: str) -> None:
    from selenium.common.exceptions import TimeoutException

    try:
        driver.get(url)
    except TimeoutException:
        pass
    time.sleep(SETTLE)
    why = _fired(driver)
    if why:
        ran.append(f"{url} ({what}): {why}")


TITLED = ".md-content [title], .md-content abbr, .md-sidebar [title], .md-header [title], .md-footer [title], [title]"
# Links a click could run something from: any scheme other than the web's (the page links are all visited anyway).
ODD_LINKS_JS = """
return Array.from(document.querySelectorAll('a[href], area[href]')).map((a, i) => [i, a.protocol])
  .filter(([i, p]) => !['http:', 'https:', 'mailto:', 'tel:'].includes(p)).map(([i]) => i);
"""


def _exercise_page(driver, url: str, ran: list[str]) -> None:
    """Load a page; hover and focus everything with a title and every abbr; Tab through; click odd links."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    before = len(ran)
    _visit(driver, url, ran, "load")
    if len(ran) > before:
        return
    for index, element in enumerate(driver.find_elements("css selector", TITLED)[:40]):
        try:
            if not element.is_displayed():
                driver.execute_script("arguments[0].focus()", element)
                continue
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            ActionChains(driver, duration=0).move_to_element(element).pause(0.1).perform()
            driver.execute_script("arguments[0].focus()", element)
        except (WebDriverException, IndexError):  # the page changed under us (a tooltip opened)
            continue
        if index % 10 == 9:
            why = _fired(driver)
            if why:
                ran.append(f"{url} (hover/focus of elements with a title, up to #{index}): {why}")
                return
    time.sleep(SETTLE)
    why = _fired(driver)
    if why:
        ran.append(f"{url} (hover/focus of elements with a title): {why}")
        return
    try:
        driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        chain = ActionChains(driver, duration=0)
        for _ in range(40):
            chain.send_keys(Keys.TAB).pause(0.03)
        chain.perform()
    except WebDriverException:
        pass
    time.sleep(SETTLE)
    why = _fired(driver)
    if why:
        ran.append(f"{url} (keyboard Tab): {why}")
        return
    try:
        odd = driver.execute_script(ODD_LINKS_JS) or []
    except WebDriverException:
        odd = []
    for index in odd[:20]:
        _visit(driver, url, [], "reload")
        try:
            link = driver.find_elements("css selector", "a[href], area[href]")[index]
            driver.execute_script("arguments[0].click()", link)
        except (WebDriverException, IndexError):
            continue
        time.sleep(SETTLE)
        why = _fired(driver)
        if why:
            ran.append(f"{url} (click on link #{index}): {why}")
            return


def _search(driver, url: str, terms: list[str], ran: list[str]) -> None:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.action_chains import ActionChains

    for term in terms:
        before = len(ran)
        _visit(driver, url, ran, "load for search")
        if len(ran) > before:
            return
        try:
            driver.execute_script("document.getElementById('__search').checked = true;"
                                  "document.getElementById('__search').dispatchEvent(new Event('change'))")
            box = driver.find_element("css selector", "input.md-search__input")
            box.click()
            box.send_keys(term)
            time.sleep(1.2)
            for result in driver.find_elements("css selector", ".md-search-result__item, .md-search-result a")[:10]:
                ActionChains(driver, duration=0).move_to_element(result).pause(0.1).perform()
        except WebDriverException:
            pass
        time.sleep(SETTLE)
        why = _fired(driver)
        if why:
            ran.append(f"{url} (search for {term!r}): {why}")


def _pages(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    extra = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.svg"))
    return [p[: -len("index.html")] if p.endswith("index.html") else p for p in pages] + extra


@pytest.mark.parametrize("fixture", ["valid", "escaped", "text", "tooltips", "files", "body"])
def test_no_payload_runs_in_a_real_browser(fixture, browser, serve, tmp_path):
    """`valid` (the unchanged fixture) is the control: the harness itself raises no false alarm.
    `escaped` must build: its payloads are text, and the browser proves they stay text."""
    project, _ = make_hostile_project(tmp_path, None if fixture == "valid" else fixture, cases=BROWSER_FIXTURES)
    site = tmp_path / "site"
    code, output, _ = minga("build", "--no-pdf", "--site-dir", str(site), cwd=project, timeout=180)
    assert "Traceback (most recent call last)" not in output, output[-3000:]
    if fixture in ("valid", "escaped"):
        assert code == 0, f"{fixture} must build:\n{output[-3000:]}"
    if code != 0:
        assert code == 1 and located_errors(output), f"the build failed without a located error:\n{output[-3000:]}"
        return  # refused with a located error: nothing was published
    base = serve(site)
    ran: list[str] = []
    pages = _pages(site)
    assert "act/choice-point/" in pages and "glossary/" in pages
    for page in pages:
        if page.endswith((".svg",)) or page.endswith(".html"):
            _visit(browser, base + page, ran, "open the file directly")
        else:
            _exercise_page(browser, base + page, ran)
    # Directly opened files that the content may have tried to publish (cause 4).
    for path in ("evil.html", "assets/images/evil.svg"):
        _visit(browser, base + path, ran, "open the file directly")
    _search(browser, base, ["choice", "img", "onerror"], ran)
    assert not ran, "hostile content ran in the browser:\n  " + "\n  ".join(ran)
    if fixture == "escaped":
        # The payloads are on the page as visible text, and a glossary tooltip shows its text.
        _visit(browser, base + "act/choice-point/", ran, "read the page")
        text = browser.execute_script("return document.body.innerText")
        assert "<img src=x onerror=window.__pwned=1>" in text
        tooltip = browser.execute_script(
            "var a=document.querySelector('abbr[title]');return a?a.getAttribute('title'):null")
        assert tooltip and tooltip.startswith("&lt;img"), tooltip


def test_pages_load_at_phone_width(browser, serve, tmp_path):
    """At 360 px wide (a small phone) every page of the hostile `tooltips` build loads and shows its content."""
    project, _ = make_hostile_project(tmp_path, "tooltips", cases=BROWSER_FIXTURES)
    site = tmp_path / "site"
    code, output, _ = minga("build", "--no-pdf", "--site-dir", str(site), cwd=project, timeout=180)
    if code != 0:
        assert code == 1 and located_errors(output), output[-3000:]
        project, _ = make_hostile_project(tmp_path / "valid", None)
        code, output, _ = minga("build", "--no-pdf", "--site-dir", str(site), cwd=project, timeout=180)
        assert code == 0, output[-3000:]
    base = serve(site)
    browser.set_window_size(360, 740)
    try:
        ran: list[str] = []
        for page in [p for p in _pages(site) if not p.endswith((".svg", ".html"))]:
            _visit(browser, base + page, ran, "load at 360 px")
            state = browser.execute_script("return document.readyState")
            width = browser.execute_script("return window.innerWidth")
            article = browser.find_elements("css selector", "article, .md-content")
            assert state == "complete" and width <= 400, f"{page}: {state}, {width} px"
            assert article and article[0].is_displayed(), f"{page}: no visible content at 360 px"
        assert not ran, "hostile content ran in the browser:\n  " + "\n  ".join(ran)
    finally:
        browser.set_window_size(1280, 900)
