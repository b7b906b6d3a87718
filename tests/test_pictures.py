"""Pictures for people who do not read: picture cards on pages, handouts and card sets; the six
skills and the learning paths. Everything is read from the real build (the session `site` fixture)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from minga.checks.svg_policy import svg_problems

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "es", "ar", "sw")


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def drawn(pdf_page) -> bool:
    """Whether a PDF page shows a picture: WeasyPrint draws our SVGs as vector curves (text pages have
    none), and Arabic pictures as a raster image (resvg shapes their words)."""
    content = pdf_page.get_contents().get_data()
    return bool(pdf_page.images) or content.count(b" c\n") + content.count(b" l\n") >= 30


def test_every_picture_is_only_a_drawing():
    pictures = sorted((ROOT / "curriculum" / "assets" / "images").rglob("*.svg"))
    assert len(pictures) >= 24 + 4
    assert {p.name: svg_problems(p.read_bytes()) for p in pictures if svg_problems(p.read_bytes())} == {}


def test_every_module_page_shows_its_card_with_alt_text_in_its_language(site, catalog):
    for module in catalog["modules"]:
        picture = module["picture"]
        assert picture, f"{module['id']} has no picture card"
        assert (ROOT / picture["source"]).is_file()
        english = picture["languages"]["en"]["alt"]
        for lang in LANGS:
            shown = picture["languages"][lang]
            assert (site / shown["url"]).is_file(), f"{module['id']}: {shown['url']} is not in the site"
            if lang != "en":
                assert shown["alt"] and shown["alt"] != english, f"{module['id']} has no {lang} alt text"
            url = module["translations"][lang]["url"]
            figure = page(site, url).select_one("figure.minga-picture-card img")
            assert figure is not None, f"{url} shows no picture card"
            assert figure["alt"] == shown["alt"]
            assert (site / url / figure["src"]).resolve() == (site / shown["url"]).resolve()


def test_card_sets_have_one_card_per_page_in_a4_and_two_per_sheet_in_a5(site, catalog):
    modules = {m["id"]: m for m in catalog["modules"]}
    for guide in catalog["guides"]:
        acts = any(modules[m]["track"] == "act" for m in guide["modules"])
        cards = len(guide["modules"]) + (1 if acts else 0)  # ACT sets open with the six skills
        assert set(guide["card_pdfs"]) == set(LANGS), guide["id"]
        for lang in LANGS:
            a4, a5 = guide["card_pdfs"][lang]["a4"], guide["card_pdfs"][lang]["a5"]
            assert a4["url"] == f"pdf/{lang}/cards/{guide['id']}.pdf"
            for entry, pages, landscape in ((a4, cards, True), (a5, math.ceil(cards / 2), False)):
                reader = PdfReader(site / entry["url"])
                assert len(reader.pages) == pages == entry["pages"], entry["url"]
                box = reader.pages[0].mediabox
                width, height = float(box.width), float(box.height)
                assert (round(width), round(height)) == ((842, 595) if landscape else (595, 842)), entry["url"]
                assert all(drawn(p) for p in reader.pages), f"{entry['url']}: a page without its picture"


def test_track_page_links_the_card_sets(site, catalog):
    guide = next(g for g in catalog["guides"] if g["id"] == "act")
    html = (site / "ar" / "act" / "index.html").read_text(encoding="utf-8")
    assert guide["card_pdfs"]["ar"]["a5"]["url"].split("pdf/", 1)[1] in html


def test_handouts_show_their_picture_and_no_sensitive_title(site, catalog):
    for module_id in ("unhooking", "responding-to-disclosures"):
        for lang in ("en", "ar"):
            reader = PdfReader(site / "pdf" / lang / "handouts" / f"{module_id}.pdf")
            assert drawn(reader.pages[0]), f"{lang} {module_id} handout has no picture"
    text = " ".join(p.extract_text() for p in PdfReader(site / "pdf/en/handouts/responding-to-disclosures.pdf").pages)
    assert "violence" not in text.lower() and "listening well" in text.lower()  # the kicker prints in capitals


def test_track_pages_show_their_learning_path_drawn_from_the_model(site, catalog):
    for track in catalog["tracks"]:
        for lang in LANGS:
            svg = (site / "assets/images/paths" / f"{track['id']}.{lang}.svg").read_bytes()
            assert svg_problems(svg) == []
            text = svg.decode("utf-8")
            modules = [m for m in catalog["modules"] if m["track"] == track["id"]]
            assert len(re.findall(r">\d+</text>", text)) == len(modules)
            for module in modules:
                assert f">{module['duration_minutes']}" in text or f"{module['duration_minutes']}<" in text
        img = page(site, "ar/" + track["url"]).select_one("figure.minga-path-picture img")
        assert img is not None and img["alt"] and img["src"].endswith(f"{track['id']}.ar.svg")


@pytest.mark.parametrize("lang", LANGS)
def test_act_track_page_shows_the_six_skills_in_its_language(site, lang):
    url = "act/" if lang == "en" else f"{lang}/act/"
    img = page(site, url).select_one("figure.minga-hexaflex img")
    assert img is not None and len(img["alt"]) > 40
    picture = (site / url / img["src"]).resolve()
    expected = "hexaflex.svg" if lang == "en" else f"hexaflex.{lang}.svg"
    assert picture.read_bytes() == (ROOT / "curriculum/assets/images" / expected).read_bytes()
