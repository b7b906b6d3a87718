"""The built site in a real browser, as a facilitator's phone meets it (issue 11).

The session-built site (with PDFs and offline copies) is served as GitHub Pages serves it: under
/minga/, with the root 404.html and status 404 for a missing path (minga/web/weight.py). One headless
Chromium at 360 px (Debian's chromium + chromium-driver, through Selenium) visits one page of each
type in each language once; the checks below read what that visit saw:
- first-load weight (gzip, with no input) within budget: 75 KB a session page, 90 KB the home page,
  and no search, Material script or sitemap.xml fetched before the reader searches;
- no request to another host, on load and after search, tooltip and language switch;
- axe-core (npm, pinned in the Makefile; never downloaded here) finds no serious or critical WCAG 2.1
  A/AA violation;
- nothing wider than the screen, in both directions.
The offline copy of each language is opened from file://: a link is followed and the search works.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from minga.web import weight

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(os.environ.get("MINGA_AXE_JS") or ROOT / ".venv" / "node_modules" / "axe-core" / "axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OVERFLOW_JS = """var de = document.documentElement;
return {scroll: de.scrollWidth, width: de.clientWidth, x: window.scrollX};"""


def _need(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI (.ci/run and make install it)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def phone():
    if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not shutil.which("chromedriver"):
        _need("chromium and chromedriver")
    if not AXE.is_file():
        _need(f"axe-core ({AXE}; `make test` installs it)")
    driver = weight.chrome(360, 800)
    driver.requested = []  # every URL the browser asked for, across all checks
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def served(site):
    with weight.PagesServer(site) as server:
        yield server


def _urls(driver) -> list[str]:
    urls = weight.requested_urls(driver)
    driver.requested.extend(urls)
    return urls


def _axe(driver) -> list[str]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
        ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map(function (n) {"
        " return n.target.join(' ') + ' ' + (n.any[0] ? n.any[0].message : ''); }).join(' | '); })); },"
        " function (e) { done(['axe failed: ' + e]); });", AXE_TAGS)
    return result


@pytest.fixture(scope="module")
def visits(phone, served, site):
    """One visit of each page type in each language: (kind, lang) -> what was seen."""
    seen = {}
    for (kind, lang), path in weight.page_types(site).items():
        load = weight.first_load(phone, served, path)
        seen[kind, lang] = {"path": path, "load": load, "overflow": phone.execute_script(OVERFLOW_JS),
                            "lang": phone.execute_script("return document.documentElement.lang"),
                            "axe": _axe(phone), "foreign": weight.foreign(_urls(phone))}
    return seen


def test_first_load_is_within_budget(visits):
    over = []
    for (kind, lang), seen in visits.items():
        limit = weight.budget(kind)
        if limit is not None and seen["load"].gzip_kb > limit:
            over.append(f"{kind} ({lang}) {seen['path']}: {seen['load'].gzip_kb:.1f} KB > {limit} KB\n{seen['load'].describe()}")
    assert not over, "\n".join(over)


def test_nothing_waits_for_a_search_nobody_made(visits):
    for (kind, lang), seen in visits.items():
        paths = [r.path for r in seen["load"].requests]
        assert not [p for p in paths if "search_index" in p or "/workers/" in p or "sitemap" in p or "bundle." in p], \
            f"{kind} ({lang}) fetched on load: {paths}"


def test_no_request_to_another_host_on_load(visits):
    assert not [(key, seen["foreign"]) for key, seen in visits.items() if seen["foreign"]]


def test_no_serious_accessibility_violation(visits):
    failures = [f"{kind} ({lang}) {seen['path']}: {v}" for (kind, lang), seen in visits.items() for v in seen["axe"]]
    assert not failures, "\n".join(failures)


def test_nothing_is_wider_than_a_phone(visits):
    wide = [(key, seen["overflow"]) for key, seen in visits.items()
            if seen["overflow"]["scroll"] > seen["overflow"]["width"] or seen["overflow"]["x"] != 0]
    assert not wide, wide


def test_each_language_has_its_own_404_page(visits, served):
    for (kind, lang), seen in visits.items():
        if kind == "404":
            assert seen["load"].requests[0].status == 404
            assert seen["lang"] == lang, f"{seen['path']} shows a {seen['lang']} 404 page"
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(served.root + "es/no-such-page/")
    assert missing.value.code == 404


def test_404_page_links_home_and_search(phone, served):
    phone.get(served.root + "ar/no-such-page/")
    time.sleep(0.3)
    assert phone.current_url.endswith("/minga/ar/404.html")
    home = phone.find_element("css selector", ".minga-404 a")
    assert home.get_attribute("href").endswith("/minga/ar/")
    phone.find_element("css selector", ".minga-404 label[for=__search]").click()
    box = phone.find_element("css selector", "input.md-search__input")
    box.send_keys("حاضرين")
    _wait_for_results(phone)
    assert not weight.foreign(_urls(phone))


def _wait_for_results(driver, limit: float = 8.0) -> list:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        results = driver.find_elements("css selector", ".md-search-result__item")
        if results:
            return results
        time.sleep(0.2)
    return []


@pytest.mark.parametrize("lang,term", [("en", "present"), ("es", "presente"), ("ar", "حاضرين"), ("sw", "sasa")])
def test_search_loads_on_first_use(phone, served, lang, term):
    path = ("" if lang == "en" else f"{lang}/") + "act/being-present/"
    weight.first_load(phone, served, path)
    mark = served.recorder.mark()
    phone.find_element("css selector", "label.md-header__button[for=__search]").click()
    phone.find_element("css selector", "input.md-search__input").send_keys(term)
    assert _wait_for_results(phone), f"no result for {term!r} on {path}"
    fetched = [r.path for r in served.recorder.since(mark)]
    assert any("search_index.json" in p for p in fetched), fetched
    assert not weight.foreign(_urls(phone))


def test_glossary_term_opens_with_the_keyboard(phone, served):
    from selenium.webdriver.common.keys import Keys

    weight.first_load(phone, served, "act/being-present/")
    term = phone.find_element("css selector", "article abbr[title][tabindex='0']")
    body = phone.find_element("css selector", "body")
    for _ in range(200):
        body.send_keys(Keys.TAB) if _ == 0 else phone.switch_to.active_element.send_keys(Keys.TAB)
        if phone.switch_to.active_element == term:
            break
    assert phone.switch_to.active_element == term, "Tab never reached the first glossary term"
    shown = phone.execute_script("var s = getComputedStyle(arguments[0], '::after');"
                                 "return [s.content, parseFloat(s.fontSize), s.fontWeight, s.color];", term)
    assert shown[0].strip('"') == term.get_attribute("title")
    assert shown[1] >= 12 and int(shown[2]) <= 400, f"tooltip text is {shown[1]} px, weight {shown[2]}"
    assert not weight.foreign(_urls(phone))


def test_skip_link_lands_before_the_session_panel_and_drawer_is_out_of_the_way(phone, served):
    from selenium.webdriver.common.keys import Keys

    weight.first_load(phone, served, "act/being-present/")
    phone.find_element("css selector", "body").send_keys(Keys.TAB)
    skip = phone.switch_to.active_element
    assert "md-skip" in skip.get_attribute("class")
    target = phone.execute_script("return document.querySelector(arguments[0].getAttribute('href'))", skip)
    assert target is not None
    assert phone.execute_script("return arguments[0].contains(document.querySelector('.minga-glance'))"
                                " && arguments[0].contains(document.querySelector('.minga-safety'))", target)
    outline = phone.execute_script("return getComputedStyle(arguments[0]).outlineStyle", skip)
    assert outline != "none", "focus is not visible on the skip link"
    in_drawer = 0
    for _ in range(25):
        phone.switch_to.active_element.send_keys(Keys.TAB)
        if phone.execute_script("return !!document.activeElement.closest('.md-sidebar--primary')"):
            in_drawer += 1
    assert in_drawer == 0, f"{in_drawer} of 25 tab stops were in the closed drawer"


def test_language_switch_lands_on_the_same_session(phone, served):
    weight.first_load(phone, served, "es/act/being-present/")
    phone.find_element("css selector", ".md-select .md-header__button").click()
    phone.find_element("css selector", ".md-select__link[hreflang=ar]").click()
    time.sleep(0.5)
    assert phone.current_url.endswith("/minga/ar/act/being-present/"), phone.current_url
    assert phone.execute_script("return document.documentElement.lang") == "ar"
    assert not weight.foreign(_urls(phone))


def test_print_keeps_boxes_whole_and_drops_navigation(phone, served):
    weight.first_load(phone, served, "act/being-present/")
    phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        styles = phone.execute_script(
            "function s(q){var e=document.querySelector(q);return e?getComputedStyle(e):null}"
            "return {safety: s('.minga-safety').breakInside, agenda: s('.minga-agenda').breakInside,"
            " h2: s('.md-typeset h2').breakAfter, nav: s('.minga-track-nav').display, footer: s('.md-footer').display}")
    finally:
        phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert styles["safety"] == "avoid" and styles["agenda"] == "avoid", styles
    assert styles["h2"] == "avoid", styles
    assert styles["nav"] == "none" and styles["footer"] == "none", styles


def test_offline_copy_works_from_file(phone, site, tmp_path):
    """The Arabic copy, unzipped, opened from file://: styles, a followed link, a picture, search."""
    with zipfile.ZipFile(site / "offline" / "minga-ar.zip") as archive:
        archive.extractall(tmp_path)
    start = tmp_path / "minga-ar.html"
    phone.get(start.as_uri())
    phone.find_element("css selector", "a").click()
    time.sleep(0.5)
    assert phone.current_url.endswith("/minga/ar/index.html"), phone.current_url
    header = phone.execute_script("return getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(0, 105, 92)", f"the stylesheets did not load: header is {header}"
    link = phone.find_element("css selector", ".minga-track-card")
    href = link.get_attribute("href")
    assert href.endswith(".html"), href
    phone.get(href)
    assert phone.find_elements("css selector", "article h1"), f"{href} is not a page"
    phone.get((tmp_path / "minga" / "ar" / "act" / "choice-point.html").as_uri())
    pictures = phone.execute_script("return [...document.querySelectorAll('article img')].map(i => i.naturalWidth)")
    assert pictures and all(w > 0 for w in pictures), pictures
    phone.find_element("css selector", "label.md-header__button[for=__search]").click()
    phone.find_element("css selector", "input.md-search__input").send_keys("حاضرين")
    assert _wait_for_results(phone), "search found nothing offline"
    languages = {a.get_attribute("hreflang"): a.get_attribute("href") for a in phone.find_elements("css selector", ".md-select__link")}
    assert languages["es"].endswith("/minga/es/act/choice-point.html"), languages
    assert not weight.foreign(_urls(phone))
    assert not weight.foreign(phone.requested), "a request went to another host"


def test_offline_copies_are_listed_with_their_size(site, catalog):
    assert set(catalog["offline"]) == {lang["code"] for lang in catalog["languages"]}
    home = (site / "index.html").read_text(encoding="utf-8")
    for lang, entry in catalog["offline"].items():
        zipped = site / entry["url"]
        assert zipped.is_file() and zipped.stat().st_size == entry["bytes"]
        assert f'href="{entry["url"]}"' in home and entry["size"] in home
        with zipfile.ZipFile(zipped) as archive:
            names = archive.namelist()
            folder_links = [(name, href) for name in names if name.endswith(".html")
                            for href in re.findall(r'href="([^"#:]*/)"', archive.read(name).decode("utf-8"))]
        assert not folder_links, f"links to folders (file:// shows a listing): {folder_links[:5]}"
        assert f"minga-{lang}.html" in names
        home_page = "minga/index.html" if lang == "en" else f"minga/{lang}/index.html"
        assert home_page in names and "minga/assets/javascripts/minga.js" in names
        others = [code for code in catalog["offline"] if code not in (lang, "en")]
        assert not [n for n in names if any(n.startswith(f"minga/{o}/") for o in others)], f"{lang} copy holds other languages"
        if any(n.startswith("minga/pdf/") for n in names):
            assert all(n.endswith(".pdf") for n in names if n.startswith("minga/pdf/"))


def test_reader_pages_hold_no_developer_command(site):
    for page in site.rglob("*.html"):
        assert "minga translation" not in page.read_text(encoding="utf-8"), page
