"""Every language is first-class: status in the catalog, notices, switcher, search per language."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from minga.web import ui
from minga.checks.checking import check_project

from .conftest import ROOT, copy_project, run_minga

LOCALES = ROOT / "minga" / "web" / "locales"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_catalog_languages(catalog):
    langs = {lang["code"]: lang for lang in catalog["languages"]}
    assert set(langs) >= {"en", "es", "ar", "sw"}
    assert langs["ar"]["dir"] == "rtl" and langs["es"]["dir"] == "ltr"
    for module in catalog["modules"]:
        assert set(module["translations"]) == set(langs)


def test_arabic_pages_are_right_to_left(site, catalog):
    translated = [m for m in catalog["modules"] if m["translations"]["ar"]["status"] != "missing"]
    assert translated, "no Arabic module"
    for module in translated:
        soup = soup_of(site / module["translations"]["ar"]["url"] / "index.html")
        assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
        assert soup.body["dir"] == "rtl"


def test_status_in_catalog_matches_the_files(catalog):
    for module in catalog["modules"]:
        source = ROOT / module["source"]
        for lang, translation in module["translations"].items():
            if lang == "en":
                assert translation["status"] == "source"
                continue
            path = source.with_name(source.stem + f".{lang}.md")
            if not path.exists():
                assert translation["status"] == "missing"
            else:
                recorded = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["translation"]
                assert translation["status"] in ({"draft", "outdated"} if recorded["status"] == "draft" else {"current", "outdated"})


@pytest.fixture(scope="module")
def gappy(tmp_path_factory) -> tuple[Path, dict]:
    """A build in which one module lacks its Arabic and Swahili translations.

    Every bundled module may already be translated into every language, so the notices and
    switcher marks for a missing translation are tested on a copy with one removed."""
    project = copy_project(tmp_path_factory.mktemp("gappy") / "project")
    for lang in ("ar", "sw"):
        (project / "curriculum" / "act" / f"noticing-self.{lang}.md").unlink(missing_ok=True)
    result = run_minga("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    return site, json.loads((site / "catalog.json").read_text(encoding="utf-8"))


def test_fallback_page_says_so_in_the_readers_language(gappy):
    site, catalog = gappy
    module = next(m for m in catalog["modules"] if m["translations"]["sw"]["status"] == "missing")
    soup = soup_of(site / module["translations"]["sw"]["url"] / "index.html")
    notice = soup.select_one(".minga-notice--missing")
    assert notice and ui.strings("sw")["notice_missing_help"] in notice.get_text()
    english = notice.find_next_sibling("div")
    assert english["lang"] == "en" and english.find("h1").get_text(strip=True) == module["title"]
    # "Edit this page" leads to starting the translation, not to a file that does not exist.
    edit = soup.select_one("a.md-content__button")
    assert edit["href"].endswith("CONTRIBUTING.md#translations")


def test_switcher_says_which_languages_lack_the_page(gappy):
    site, catalog = gappy
    module = next(m for m in catalog["modules"] if m["translations"]["ar"]["status"] == "missing")
    soup = soup_of(site / module["url"] / "index.html")
    links = {a["hreflang"]: a for a in soup.select("a.md-select__link")}
    assert "minga-alt--missing" in links["ar"]["class"]
    assert ui.strings("en")["not_translated"] in links["ar"].get_text()
    assert "minga-alt--missing" not in links["en"]["class"]


def test_search_index_per_language_finds_every_page(gappy):
    """Each language's index holds its translated pages, and its fallback pages marked as English."""
    site, catalog = gappy
    labels = {"es": "En inglés", "ar": "بالإنجليزية", "sw": "Kwa Kiingereza"}
    fallbacks = [m for m in catalog["modules"] for lang in ("ar", "sw") if m["translations"][lang]["status"] == "missing"]
    assert fallbacks, "the gappy build must have pages that fall back to English"
    for lang in ("es", "ar", "sw"):
        index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        pages = {f"{lang}/{doc['location'].split('#')[0]}" for doc in index["docs"]}
        every = {m["translations"][lang]["url"] for m in catalog["modules"]}
        assert every <= pages, f"{lang}: pages that search cannot find: {sorted(every - pages)[:5]}"
        for module in catalog["modules"]:
            url = module["translations"][lang]["url"]
            titles = [d["title"] for d in index["docs"] if f"{lang}/{d['location']}" == url]
            assert titles, url
            in_english = module["translations"][lang]["status"] == "missing"
            assert (labels[lang] in titles[0]) is in_english, (url, titles[0])
    root = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].split("/")[0] in {"es", "ar", "sw"} for doc in root["docs"])
    assert not any("<small>" in doc["title"] for doc in root["docs"])
    arabic = json.loads((site / "ar" / "search" / "search_index.json").read_text())["config"]
    # lunr's Arabic support, and no English trimmer (it strips Arabic letters as non-word characters).
    assert arabic["lang"] == ["ar"] and "trimmer" not in arabic["pipeline"]
    sw = json.loads((site / "sw" / "search" / "search_index.json").read_text())["config"]
    assert "stemmer" not in sw["pipeline"]


def test_glossary_terms_are_checked_in_translations(tmp_path):
    """Where the source uses a glossary term, a translation without its language's term gets a located warning."""
    root = copy_project(tmp_path / "project")
    loaded, _ = check_project(root)
    source = loaded.curriculum.module_by_uri("act/being-present.md")
    spanish = root / "curriculum/act/being-present.es.md"
    glossary = yaml.safe_load((root / "curriculum/_data/glossary.es.yml").read_text(encoding="utf-8"))
    english = yaml.safe_load((root / "curriculum/_data/glossary.yml").read_text(encoding="utf-8"))
    text = spanish.read_text(encoding="utf-8")
    # A term the source body uses and the translation renders with its glossary term.
    index = next(i for i, term in enumerate(english)
                 if re.search(r"\b" + re.escape(term["term"]) + r"\b", source.body, re.I)
                 and glossary[i]["term"].casefold() in text.casefold())
    forms = [glossary[index]["term"], *glossary[index].get("aliases", [])]
    for form in sorted(forms, key=len, reverse=True):
        text = re.sub(r"\s+".join(map(re.escape, form.split())), "tierra firme", text, flags=re.I)
    spanish.write_text(text, encoding="utf-8")
    _, problems = check_project(root)
    found = [p for p in problems if p.code == "glossary-term" and p.file == "curriculum/act/being-present.es.md"]
    assert found and all(p.severity == "warning" and p.line > 1 for p in found), problems
    assert any(f"'{glossary[index]['term']}'" in p.message for p in found)
    # An accepted variant listed as an alias satisfies the check.
    glossary[index]["aliases"] = [*glossary[index].get("aliases", []), "tierra firme"]
    (root / "curriculum/_data/glossary.es.yml").write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    _, problems = check_project(root)
    assert not [p for p in problems if p.code == "glossary-term" and p.file == "curriculum/act/being-present.es.md"
                and glossary[index]["term"] in p.message]


def test_pages_search_their_own_language(site):
    soup = soup_of(site / "es" / "index.html")
    script = next(s.get_text() for s in soup.find_all("script") if "__config" in s.get_text() and "c.base" in s.get_text())
    assert '"/es/"' in script  # the base keeps its trailing slash: URLs resolve inside /es/


def test_sitemap_has_hreflang_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="es"' in sitemap and 'hreflang="ar"' in sitemap


def test_every_interface_string_exists_in_every_language():
    source = ui.strings("en")
    for path in sorted(LOCALES.glob("*.yml")):
        strings = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(strings) == set(source), f"{path.name}: {sorted(set(source) ^ set(strings))}"
        for key, text in source.items():
            assert set(re.findall(r"\{\w+\}", strings[key])) == set(re.findall(r"\{\w+\}", text)), f"{path.name}: {key}"


def test_swahili_interface_has_no_english_material_strings(site):
    soup = soup_of(site / "sw" / "index.html")
    assert soup.html["lang"] == "sw"
    placeholder = soup.select_one("input.md-search__input")["placeholder"]
    assert placeholder != "Search"
    assert (ROOT / "overrides" / "partials" / "languages" / "sw.html").is_file()


def _git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


def test_editing_the_source_makes_the_translation_outdated(tmp_path):
    project = copy_project(tmp_path / "project")
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-qm", "start", cwd=project)
    loaded, _ = check_project(project)
    translated = next(uri for uri, by_lang in loaded.curriculum.translations.items()
                      if "es" in by_lang and uri.count("/") == 1 and not uri.endswith("index.md"))
    source = project / "curriculum" / translated
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\n## ", "\nA new sentence the translation does not have.\n\n## ", 1), encoding="utf-8")
    result = run_minga("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    catalog = json.loads((project / "site" / "catalog.json").read_text(encoding="utf-8"))
    module = next(m for m in catalog["modules"] if m["source"] == f"curriculum/{translated}")
    assert module["translations"]["es"]["status"] == "outdated"
    soup = soup_of(project / "site" / module["translations"]["es"]["url"] / "index.html")
    notice = soup.select_one(".minga-notice--outdated")
    assert notice is not None
    assert "A new sentence the translation does not have." in notice.select_one("details pre").get_text()
    english = notice.find("a", hreflang="en")
    assert english["href"].rstrip("/").endswith(module["url"].rstrip("/"))

    # The translator catches up and records it: the status is no longer outdated.
    status = run_minga("status", "--lang", "es", cwd=project)
    assert "outdated" in status.stdout
    translation_file = source.with_name(source.stem + ".es.md")
    stamped = run_minga("translation", "stamp", "--reviewed", str(translation_file), cwd=project)
    assert stamped.returncode == 0, stamped.stderr
    loaded, problems = check_project(project)
    assert problems == []
    item = loaded.curriculum.translations[translated]["es"]
    assert item.translation.source_hash == item.translation.current_source_hash and item.translation.status == "reviewed"

    # A reviewed translation that falls behind fails `minga status --fail-on-outdated-reviewed`.
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more change.\n", encoding="utf-8")
    strict = run_minga("status", "--fail-on-outdated-reviewed", cwd=project)
    assert strict.returncode == 1 and str(translation_file.relative_to(project)) in strict.stdout
    assert run_minga("status", cwd=project).returncode == 0


def test_translation_start_writes_words_and_hash(tmp_path):
    project = copy_project(tmp_path / "project")
    # The page may already be translated in the bundled curriculum: start from a copy without it.
    (project / "curriculum" / "about.sw.md").unlink(missing_ok=True)
    created = run_minga("translation", "start", "sw", "curriculum/about.md", cwd=project)
    assert created.returncode == 0, created.stderr
    target = project / "curriculum" / "about.sw.md"
    meta = yaml.safe_load(target.read_text(encoding="utf-8").split("---")[1])
    assert meta["translation"]["status"] == "draft" and len(meta["translation"]["source_hash"]) == 12
    loaded, problems = check_project(project)
    # The new draft still holds the English text, so it cannot use the Swahili glossary terms yet.
    assert [p for p in problems if not (p.code == "glossary-term" and p.file == "curriculum/about.sw.md")] == []
    assert loaded.curriculum.translations["about.md"]["sw"].translation.current_source_hash == meta["translation"]["source_hash"]
    again = run_minga("translation", "start", "sw", "curriculum/about.md", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr


@pytest.fixture
def test_language():
    """A language added as the contributor guide says: a config entry and a locale file."""
    path = LOCALES / "fr.yml"
    shutil.copyfile(LOCALES / "en.yml", path)
    ui.strings.cache_clear()
    yield "fr"
    path.unlink()
    ui.strings.cache_clear()


def test_adding_a_language_is_one_config_entry(tmp_path, test_language):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("        - locale: sw\n", "        - locale: fr\n          name: Français\n          build: true\n        - locale: sw\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    created = run_minga("translation", "start", "fr", "curriculum/index.md", cwd=project)
    assert created.returncode == 0, created.stderr
    result = run_minga("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert soup_of(site / "fr" / "index.html").html["lang"] == "fr"
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert "fr" in {lang["code"] for lang in catalog["languages"]}
    assert all(m["translations"]["fr"]["status"] == "missing" for m in catalog["modules"])
    assert soup_of(site / "fr" / "act" / "choice-point" / "index.html").select_one(".minga-notice--missing")
    assert (site / "fr" / "search" / "search_index.json").is_file()


def test_missing_interface_strings_fail_the_build_with_a_message(tmp_path, test_language):
    (LOCALES / "fr.yml").write_text("agenda: Programme\n", encoding="utf-8")
    ui.strings.cache_clear()
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("        - locale: sw\n", "        - locale: fr\n          name: Français\n          build: true\n        - locale: sw\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_minga("build", "--no-pdf", cwd=project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "minga/web/locales/fr.yml lacks:" in output and "at_a_glance" in output
    assert "Traceback" not in output


def test_status_page_per_language(site, catalog):
    soup = soup_of(site / "es" / "translation-status" / "index.html")
    tables = soup.select("article table")
    assert len(tables) == len(catalog["tracks"]) + 1  # a table per track, plus the other pages
    statuses = {span.get_text(strip=True) for span in soup.select(".minga-status")}
    assert statuses <= {ui.strings("es")[f"status_{s}"] for s in ("current", "outdated", "draft", "missing")}
    assert soup.select_one(".minga-progress")
    overview = soup_of(site / "translation-status" / "index.html")
    assert {h["id"] for h in overview.select("h2[id^=status-]")} == {"status-es", "status-ar", "status-sw"}


def test_minga_status_prints_every_language():
    result = run_minga("status", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for lang in ("es:", "ar:", "sw:"):
        assert lang in result.stdout
    assert "act/being-present.md" in result.stdout


def test_translation_start_refuses_a_translation_as_its_source(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_minga("translation", "start", "ar", "curriculum/about.es.md", cwd=project)
    assert result.returncode == 1 and "is itself a translation" in result.stderr, result.stdout + result.stderr
    assert not (project / "curriculum" / "about.es.ar.md").exists()
