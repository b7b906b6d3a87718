"""Forms (curriculum/forms/): real PDFs in every language, the catalog, the "Running a program" page.

The PDF checks build only the forms (`build_pdf.py --forms`, a few seconds; the cache is shared
with the full build of the `site` fixture).
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from minga.content import forms
from minga.checks.checking import check_project

from .conftest import ROOT, copy_project, run_minga

WHO5_ITEMS = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
WHO5_ANSWERS = ("All of the time", "Most of the time", "More than half of the time", "Less than half of the time",
                "Some of the time", "At no time")


@pytest.fixture(scope="module")
def curriculum():
    loaded, _ = check_project(ROOT)
    return loaded.curriculum


@pytest.fixture(scope="module")
def forms_pdf(tmp_path_factory) -> Path:
    """Every form in every language, made by the PDF command alone (no guides, no handouts)."""
    out = tmp_path_factory.mktemp("forms") / "pdf"
    result = subprocess.run([sys.executable, "build_pdf.py", "--forms", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@lru_cache(maxsize=None)
def _reader(path: Path) -> PdfReader:
    return PdfReader(str(path))


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in _reader(path).pages).split())


def _drawn(page) -> int:
    """Rectangles and stroked paths on a page: the boxes, cells and ruled lines a pen fills in."""
    data = page.get_contents().get_data().decode("latin-1")
    return len(re.findall(r"\sre\n", data)) + len(re.findall(r"\sS\n", data))


def _expected_marks(body: str) -> int:
    """At least one drawn mark per box, cell, tick box and ruled line the form declares."""
    total = 0
    for block in forms.parse(body, 1).blocks:
        if block.kind == "table":
            total += forms.rows_of(block) * len(block.items)
        elif block.kind == "scale":
            answers = [i for i in block.items if not i.numbered]
            total += len(answers) * (len(block.items) - len(answers))
        elif block.kind == "lines":
            total += forms.rows_of(block)
        elif block.kind in ("fields", "ticks", "faces"):
            total += len(block.items)
        elif block.kind == "draw":
            total += 1
    return total


def test_the_bundled_forms_are_the_ones_a_program_needs(curriculum):
    assert set(curriculum.forms) >= {"attendance-register", "session-log", "referral-slip", "referral-log",
                                     "incident-report", "who-5-wellbeing", "feedback"}
    wide = {f.id for f in curriculum.forms.values() if f.orientation == "landscape"}
    assert {"attendance-register", "referral-log"} <= wide


def test_every_form_exists_in_every_language_and_in_the_catalog(site, catalog, curriculum):
    listed = {f["id"]: f for f in catalog["forms"]}
    assert set(listed) == set(curriculum.forms)
    for form_id, entry in listed.items():
        assert entry["source"] == f"curriculum/forms/{form_id}.md"
        assert (site / entry["url"] / "index.html").is_file()
        for lang in curriculum.languages:
            pdf = entry["pdfs"][lang.code]
            assert pdf["url"] == f"pdf/{lang.code}/forms/{form_id}.pdf"
            assert (site / pdf["url"]).stat().st_size == pdf["bytes"] > 0
            assert entry["translations"][lang.code]["status"] in {"source", "draft", "current", "outdated", "missing"}


def test_running_a_program_links_every_form_in_every_language(site, catalog, curriculum):
    default = curriculum.default_language.code
    for lang in curriculum.languages:
        prefix = "" if lang.code == default else f"{lang.code}/"
        url = f"https://example.org/{prefix}running-a-program/"
        soup = BeautifulSoup((site / prefix / "running-a-program" / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {urljoin(url, a["href"]) for a in soup.select("article a[href]")}
        for form in catalog["forms"]:
            assert f"https://example.org/{form['translations'][lang.code]['url']}" in links, (lang.code, form["id"])
            for pdf in form["pdfs"].values():
                assert f"https://example.org/{pdf['url']}" in links, (lang.code, pdf["url"])
        for page in ("code-of-conduct", "before-a-group-starts"):
            assert f"https://example.org/{prefix}{page}/" in links
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("nav a[href$='running-a-program/']"), "the page is not in the site navigation"


def test_a_form_page_on_the_website_draws_its_boxes_and_links_its_pdf(site):
    page = BeautifulSoup((site / "forms" / "who-5-wellbeing" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page.select(".minga-form--scale .minga-form__box")) == 5 * 6
    assert page.select_one("a.minga-download")["href"].endswith("pdf/en/forms/who-5-wellbeing.pdf")
    arabic = BeautifulSoup((site / "ar" / "forms" / "attendance-register" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert arabic.html["dir"] == "rtl" and len(arabic.select(".minga-form__table tbody tr")) == 12


def test_each_form_pdf_has_its_boxes_lines_language_and_one_page(forms_pdf, curriculum):
    for form in curriculum.forms.values():
        for lang in curriculum.languages:
            path = forms_pdf / lang.code / "forms" / f"{form.id}.pdf"
            pdf = _reader(path)
            page = curriculum.in_language(curriculum.pages[form.src_uri], lang.code)
            assert str(pdf.trailer["/Root"]["/Lang"]) == lang.code, path
            assert len(pdf.pages) == 1, f"{path}: {len(pdf.pages)} pages; a form to photocopy keeps to one page"
            box = pdf.pages[0].mediabox
            assert (box.width > box.height) == (form.orientation == "landscape"), path
            expected = _expected_marks(page.body)
            assert _drawn(pdf.pages[0]) >= expected > 0, f"{path}: fewer boxes and lines drawn than the form declares"
            text = _text(path)
            if lang.dir == "ltr":
                assert " ".join(page.title.split()) in text, path
                for block in forms.parse(page.body, 1).blocks:
                    if block.kind == "table":  # every column heading is printed
                        assert all(" ".join(i.text.split())[:12] in text for i in block.items), path
            else:
                assert re.search("[\u0600-\u06ff]{3,}", text), path


def test_arabic_forms_run_right_to_left(forms_pdf):
    def first_text_x(path: Path) -> float:
        found = []

        def visit(text, cm, tm, font, size):
            if text.strip() and not found:
                found.append(cm[0] * tm[4] + cm[4])
        _reader(path).pages[0].extract_text(visitor_text=visit)
        return found[0]

    for form in ("session-log", "attendance-register", "referral-slip"):
        width = float(_reader(forms_pdf / "en" / "forms" / f"{form}.pdf").pages[0].mediabox.width)
        assert first_text_x(forms_pdf / "en" / "forms" / f"{form}.pdf") < width / 3
        assert first_text_x(forms_pdf / "ar" / "forms" / f"{form}.pdf") > width / 2, f"{form}: the Arabic title is not on the right"


def test_the_who5_keeps_its_published_items_scale_scoring_and_citation(forms_pdf, curriculum):
    text = _text(forms_pdf / "en" / "forms" / "who-5-wellbeing.pdf")
    for item in WHO5_ITEMS:
        assert item in text
    for answer in WHO5_ANSWERS:
        assert answer.split()[-1] in text
    for words in ("× 4", "0 to 100", "not a diagnosis", "DepCare", "1998", "Topp", "84(3), 167–176"):
        assert words in text, words
    for lang in curriculum.languages:
        if not lang.default:
            translated = curriculum.translations["forms/who-5-wellbeing.md"][lang.code]
            assert "WHO-5" in translated.body and "167–176" in translated.body and "Topp" in translated.body
            assert "DepCare" in translated.body  # the notes say whether this is the official translation


def test_a_broken_form_gives_a_located_error(tmp_path):
    project = copy_project(tmp_path / "project")
    form = project / "curriculum" / "forms" / "attendance-register.md"
    lines = form.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("/// table"))
    lines[number - 1] = "/// table | twelve"
    form.write_text("\n".join(lines), encoding="utf-8")
    translated = project / "curriculum" / "forms" / "referral-log.es.md"
    text = translated.read_text(encoding="utf-8")
    translated.write_text(text.replace("- Notas\n", "", 1), encoding="utf-8")
    table_line = next(i for i, line in enumerate(translated.read_text(encoding="utf-8").split("\n"), start=1)
                      if line.startswith("/// table"))
    result = run_minga("check", cwd=project)
    assert result.returncode == 1
    assert f"curriculum/forms/attendance-register.md:{number}: error[form-rows]" in result.stdout
    assert f"curriculum/forms/referral-log.es.md:{table_line}: error[form-translation]" in result.stdout
    assert "fix:" in result.stdout and "Traceback" not in result.stdout + result.stderr
