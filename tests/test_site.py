"""The real site built from the bundled curriculum: pages, panels, links, catalog, no third parties."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from minga.checks.checking import check_project
from minga.web.views import clock

from .conftest import ROOT

TRACKS = ("act", "liberation-psychology", "community-design", "education", "gender-equity")


@lru_cache(maxsize=None)
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    """A built page, parsed once (tests only read it)."""
    return _parse(site / url / "index.html" if not url.endswith(".html") else site / url)


@pytest.fixture(scope="module")
def curriculum():
    loaded, _ = check_project(ROOT)
    return loaded.curriculum


def test_bundled_curriculum_has_a_module_in_every_track(catalog):
    tracks = {t["id"]: t for t in catalog["tracks"]}
    assert tuple(tracks) == TRACKS
    for track_id in TRACKS:
        assert tracks[track_id]["modules"], f"track {track_id} has no module"


def test_catalog_keys(catalog):
    assert set(catalog) >= {"languages", "tracks", "modules", "guides"}
    for language in catalog["languages"]:
        assert set(language) >= {"code", "name", "dir", "default"}
    assert [lang["code"] for lang in catalog["languages"] if lang["default"]] == ["en"]
    for track in catalog["tracks"]:
        assert set(track) >= {"id", "title", "modules"}
    for module in catalog["modules"]:
        assert set(module) >= {"id", "track", "order", "title", "duration_minutes", "agenda", "source", "url", "translations"}
        for block in module["agenda"]:
            assert set(block) == {"title", "minutes", "mode"}
        assert sum(b["minutes"] for b in module["agenda"]) == module["duration_minutes"]
        for lang, translation in module["translations"].items():
            assert translation["status"] in {"source", "current", "outdated", "draft", "missing"}
        assert module["translations"]["en"]["status"] == "source"


def test_catalog_matches_the_files(catalog, site):
    """Every module file is in the catalog, with its source path and a page at its URL."""
    files = sorted(p.relative_to(ROOT).as_posix() for track in TRACKS
                   for p in (ROOT / "curriculum" / track).glob("*.md")
                   if p.name != "index.md" and p.name.count(".") == 1)
    assert sorted(m["source"] for m in catalog["modules"]) == files
    for module in catalog["modules"]:
        front = yaml.safe_load((ROOT / module["source"]).read_text(encoding="utf-8").split("---")[1])
        assert module["id"] == front["id"] and module["duration_minutes"] == front["duration_minutes"]
        assert (site / module["url"] / "index.html").is_file()
    for track in catalog["tracks"]:
        orders = [next(m["order"] for m in catalog["modules"] if m["id"] == mid) for mid in track["modules"]]
        assert orders == sorted(orders)


def test_catalog_lists_guides(catalog):
    guides = {g["id"]: g for g in catalog["guides"]}
    ids = {m["id"] for m in catalog["modules"]}
    assert guides, "no facilitator guide in the catalog"
    for guide in guides.values():
        assert guide["title"] and guide["modules"] and set(guide["modules"]) <= ids


def test_every_module_page_has_panel_agenda_safety_and_links(catalog, site):
    for module in catalog["modules"]:
        soup = page(site, module["url"])
        where = module["source"]
        assert soup.find("h1").get_text(strip=True) == module["title"], where
        glance = soup.select_one("section.minga-glance")
        assert glance and f"{module['duration_minutes']} minutes" in glance.get_text(), where
        safety = soup.select_one("section.minga-safety")
        assert safety and safety.find("li"), where
        items = soup.select("ol.minga-agenda__list > li")
        assert len(items) == len(module["agenda"]), where
        start = 0
        for item, block in zip(items, module["agenda"]):
            assert item.select_one(".minga-agenda__clock").get_text() == f"{clock(start)}–{clock(start + block['minutes'])}"
            anchor = item.select_one("a")["href"].lstrip("#")
            assert soup.find(id=anchor) is not None, f"{where}: agenda link #{anchor} has no section"
            start += block["minutes"]
        assert soup.select(".admonition.minga-say"), f"{where}: no facilitator script"
        _assert_internal_links_resolve(soup, site, module["url"])


def test_prerequisites_and_track_navigation_are_links(catalog, site):
    by_id = {m["id"]: m for m in catalog["modules"]}
    for module in catalog["modules"]:
        soup = page(site, module["url"])
        prereq_links = soup.select("#prerequisites a")
        assert len(prereq_links) == len(module["prerequisites"]), module["id"]
        for link, prereq in zip(prereq_links, module["prerequisites"]):
            assert urljoin("/" + module["url"], link["href"]) == "/" + by_id[prereq]["url"]
    for track in catalog["tracks"]:
        ids = track["modules"]
        for index, module_id in enumerate(ids):
            soup = page(site, by_id[module_id]["url"])
            nxt = soup.select_one("a.minga-track-nav__next")
            if index + 1 < len(ids):
                assert urljoin("/" + by_id[module_id]["url"], nxt["href"]) == "/" + by_id[ids[index + 1]]["url"]
            else:
                assert nxt is None


def test_track_pages_show_the_learning_path_in_order(catalog, site):
    by_id = {m["id"]: m for m in catalog["modules"]}
    for track in catalog["tracks"]:
        soup = page(site, track["url"])
        steps = soup.select("ol.minga-path > li")
        titles = [s.select_one(".minga-path__title").get_text(strip=True) for s in steps]
        assert titles == [by_id[m]["title"] for m in track["modules"]]
        total = sum(by_id[m]["duration_minutes"] for m in track["modules"])
        assert f"{total // 60} h {total % 60} min" in soup.select_one(".minga-path-summary").get_text()


def test_home_page_lists_the_tracks(catalog, site):
    soup = page(site, "")
    cards = soup.select("a.minga-track-card")
    assert [c.find("strong").get_text() for c in cards] == [t["title"] for t in catalog["tracks"]]


def test_glossary_terms_are_tooltips_and_listed(site, curriculum):
    terms = curriculum.glossary["en"]
    assert len(terms) >= 30
    glossary = page(site, "glossary")
    assert len(glossary.select("article h3")) == len(terms)
    module = page(site, "act/choice-point")
    titles = {abbr.get("title") for abbr in module.find_all("abbr")}
    assert any(t.definition == title for t in terms for title in titles)


def test_referral_table_is_rendered_from_the_data_file(site, curriculum):
    soup = page(site, "safety-protocol")
    rows = soup.select("article table tbody tr")
    assert len(rows) == len(curriculum.referrals)
    assert "<!-- minga:referrals -->" not in str(soup)


def test_edit_this_page_leads_to_the_source_file(site):
    soup = page(site, "act/being-present")
    edit = soup.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"] == "https://github.com/minga-curriculum/minga/edit/main/curriculum/act/being-present.md"


def test_search_index_holds_the_modules(site, catalog):
    import json
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for module in catalog["modules"]:
        assert module["url"] in locations


REMOTE = re.compile(r"^(https?:)?//", re.I)


def test_no_request_to_a_third_party_host(site):
    """Nothing a page loads (scripts, styles, fonts, images, frames) comes from another host."""
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "img", "iframe", "audio", "video", "source", "embed", "object"]):
            url = tag.get("src") or tag.get("data") or ""
            assert not REMOTE.match(url), f"{html}: {tag.name} loads {url}"
        for link in soup.find_all("link"):
            rel = set(link.get("rel") or [])
            if rel & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "manifest", "modulepreload"}:
                assert not REMOTE.match(link.get("href", "")), f"{html}: link loads {link.get('href')}"
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)
        # Material's "source" component fetches repository facts from the GitHub API.
        assert not soup.select('[data-md-component="source"]'), f"{html}: repository facts would be fetched"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert not REMOTE.match(url), f"{css}: loads {url}"
        assert "@import" not in text or not re.search(r"@import\s+(url\()?['\"]?https?:", text)


def test_our_fonts_are_served(site):
    fonts = sorted(p.name for p in (site / "assets" / "fonts").glob("*.woff2"))
    assert "noto-sans-400.woff2" in fonts and "noto-sans-700.woff2" in fonts
    css = (site / "assets" / "stylesheets" / "minga.css").read_text(encoding="utf-8")
    for name in fonts:
        assert f"../fonts/{name}" in css
    for font in (site / "assets" / "fonts").glob("*.woff2"):
        assert font.read_bytes()[:4] == b"wOF2"


def test_pages_declare_language_and_direction(site):
    soup = page(site, "act/being-present")
    assert soup.html["lang"] == "en"
    assert soup.body.get("dir", "ltr") == "ltr"


def _assert_internal_links_resolve(soup: BeautifulSoup, site: Path, url: str) -> None:
    for link in soup.select("article a[href]"):
        href = link["href"]
        parsed = urlparse(href)
        if parsed.scheme or href.startswith("//") or href.startswith("mailto:"):
            continue
        target = urlparse(urljoin("/" + url, href))
        path = site / target.path.lstrip("/")
        if target.path.endswith("/") or not target.path:
            path = path / "index.html"
        assert path.exists(), f"{url}: link {href} leads nowhere"
        if target.fragment and path.suffix == ".html":
            other = _parse(path)
            assert other.find(id=target.fragment), f"{url}: link {href} has no anchor"


def test_contributor_guide_lists_every_check():
    from minga.checks.rules import RULES

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [code for code in RULES if f"`{code}`" not in guide]
    assert not missing, f"CONTRIBUTING.md does not explain: {missing}"


def test_every_page_has_one_title(site):
    for html in site.rglob("index.html"):
        soup = _parse(html)
        if soup.select_one("article.md-content__inner"):
            assert len(soup.select("article h1")) == 1, html


def test_referral_table_in_the_readers_language(site, curriculum):
    for lang in ("es", "ar", "sw"):
        services, _ = curriculum.referrals_in(lang)
        soup = page(site, f"{lang}/safety-protocol")
        rows = soup.select("article table tbody tr")
        assert [r.find("td").get_text(strip=True) for r in rows] == [s.need for s in services], lang


def test_material_never_turns_text_into_tooltip_html():
    """Material's content.tooltips inserts titles as HTML and copies cut-off visible text into titles:
    escaped text would become markup on hover. It stays off (browser tooltips show text only)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    features = [line.split("-", 1)[1].split("#")[0].strip() for line in config.splitlines()
                if line.strip().startswith("- ") and line.strip()[2:].split("#")[0].strip().startswith(("content.", "navigation.", "search.", "toc."))]
    assert features and "content.tooltips" not in features
