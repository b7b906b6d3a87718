"""Print that trainers can photocopy as it is: language labels, the referral sheet, numbering,
agendas, Arabic text, right-to-left runs, paper sizes and margins. Real PDFs, opened with pypdf."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from minga.web import ui
from minga.checks.checking import check_project

from .conftest import ROOT, copy_project, run_minga

MM = 72 / 25.4
A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


@lru_cache(maxsize=None)
def reader(path: Path) -> PdfReader:
    return PdfReader(str(path))


@lru_cache(maxsize=None)
def pages_text(path: Path) -> tuple[str, ...]:
    return tuple(page.extract_text() or "" for page in reader(path).pages)


def text_of(path: Path) -> str:
    return "\n".join(pages_text(path))


def letters(text: str) -> str:
    """Only the letters, in order: what a search for a word depends on (marks and spacing aside)."""
    return "".join(ch for ch in text if unicodedata.category(ch).startswith("L"))


@pytest.fixture(scope="module")
def curriculum():
    loaded, _ = check_project(ROOT)
    return loaded.curriculum


# --- Arabic text layer -------------------------------------------------------------------

def test_arabic_titles_extract_as_written(site, curriculum):
    """Search, copy and screen readers read the real Arabic words (Noto Sans Arabic's shared
    glyphs used to turn "نقطة الاختيار" into "ف ة ط ة ال ف ة يار")."""
    for guide in curriculum.guides:
        path = site / "pdf" / "ar" / f"{guide.id}.pdf"
        found = letters(text_of(path))
        outline = {item.title for item in reader(path).outline if not isinstance(item, list)}
        for module_id in guide.modules:
            title = curriculum.in_language(curriculum.modules[module_id], "ar").title
            assert letters(title) in found, f"{path.name}: the Arabic title {title!r} does not extract as written"
            assert title in outline, f"{path.name}: no bookmark reads {title!r}"
    handout = curriculum.in_language(curriculum.modules["roots-of-distress"], "ar").handouts[0]
    assert letters(handout) in letters(text_of(site / "pdf" / "ar" / "handouts" / "roots-of-distress.pdf"))


def test_arabic_words_mostly_extract_exactly(site):
    """Word by word, the Arabic text layer matches the Arabic sources (spacing around a few marks aside)."""
    words = lambda text: re.findall(r"[\u0621-\u064a\u064b-\u0652]+", text)  # noqa: E731
    vocabulary = set()
    for path in [*(ROOT / "curriculum").rglob("*.ar.md"), *(ROOT / "curriculum").rglob("*.ar.yml"), ROOT / "minga/web/locales/ar.yml"]:
        vocabulary |= set(words(path.read_text(encoding="utf-8")))
    extracted = words(text_of(site / "pdf" / "ar" / "act.pdf"))
    exact = sum(word in vocabulary for word in extracted) / len(extracted)
    assert exact > 0.95, f"only {exact:.0%} of Arabic words extract as written"


# --- Honest language labels --------------------------------------------------------------

def test_draft_translations_say_so_on_the_cover_and_on_every_session(site, curriculum):
    for lang in ("es", "ar", "sw"):
        t = ui.translator(lang)
        pages = pages_text(site / "pdf" / lang / "act.pdf")
        label = t("print_draft_cover").split(":")[0]  # "Draft translation" (lines of a right-to-left paragraph come out of order)
        assert letters(label) in letters(pages[0]), f"{lang}: no draft notice on the cover"
        footers = sum(letters(t("print_draft_footer")) in letters(page) for page in pages)
        sessions = len(next(g for g in curriculum.guides if g.id == "act").modules)
        assert footers >= 2 * sessions, f"{lang}: the draft footer is on {footers} pages only"
    english = pages_text(site / "pdf" / "en" / "act.pdf")
    assert not any(ui.translator("en")("print_draft_footer") in page for page in english)
    handout = text_of(site / "pdf" / "es" / "handouts" / "culture-circle.pdf")
    assert ui.translator("es")("print_draft_footer") in handout


def test_catalog_says_how_much_of_each_pdf_is_translated(catalog):
    guide = next(g for g in catalog["guides"] if g["id"] == "act")
    english, spanish = guide["pdfs"]["en"]["a4"]["translation"], guide["pdfs"]["es"]["a4"]["translation"]
    assert english["translated"] == 1.0 and english["unreviewed"] == 0 and english["in_english"] == 0
    assert spanish["sessions"] == len(guide["modules"]) and spanish["unreviewed"] > 0
    module = next(m for m in catalog["modules"] if m["id"] == "culture-circle")
    assert module["handout_pdfs"]["ar"]["letter"]["translation"]["unreviewed"] == 1


@pytest.fixture(scope="module")
def gappy_pdf(tmp_path_factory) -> Path:
    """One Arabic guide printed from a copy that lacks one Arabic session (no other PDF)."""
    project = copy_project(tmp_path_factory.mktemp("gappy-print") / "project")
    (project / "curriculum" / "act" / "noticing-self.ar.md").unlink()
    result = run_minga("build", "--no-pdf", cwd=project)  # the check passes; PDFs below, one only
    assert result.returncode == 0, result.stdout + result.stderr
    import subprocess
    import sys
    out = project / "pdf"
    made = subprocess.run([sys.executable, str(ROOT / "build_pdf.py"), "--root", str(project), "--guide", "act",
                           "--lang", "ar", "--paper", "a4", "--out", str(out), "--jobs", "1"],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    return out


def test_untranslated_session_is_announced_in_the_readers_language_and_tagged_english(gappy_pdf):
    t = ui.translator("ar")
    path = gappy_pdf / "ar" / "act.pdf"
    pages = pages_text(path)
    # pypdf reorders the runs of a right-to-left line around digits and colons: look for each run.
    for run in re.split(r"[\d:]+", t("print_fallback_cover", n=1, total=8)):
        assert letters(run) in letters(pages[0]), f"the cover does not say {run!r}"
    notice = [i for i, page in enumerate(pages) if letters(t("printed_in_english")) in letters(page)]
    assert notice and "The noticing self" in pages[notice[0]]
    # The English session is tagged as English in the structure tree, for screen readers.
    langs = set()
    stack = [reader(path).trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, dict):
            if "/Lang" in node and node.get("/Type") == "/StructElem":
                langs.add(str(node["/Lang"]))
            kids = node.get("/K")
            stack += (kids if isinstance(kids, list) else [kids]) if kids is not None else []
        elif isinstance(node, list):
            stack += node
    assert "en" in langs
    manifest = json.loads((gappy_pdf / "index.json").read_text(encoding="utf-8"))
    assert manifest["ar/act.pdf"]["translation"]["sessions_in_english"] == 1


# --- The referral sheet --------------------------------------------------------------------

def test_referral_sheet_is_to_fill_in_by_hand_and_rows_never_split(site, curriculum):
    t = ui.translator("en")
    pages = pages_text(site / "pdf" / "en" / "act.pdf")
    whole = "\n".join(pages)
    assert "To be filled in locally" not in whole and "referrals.yml" not in whole
    assert t("referral_sheet_intro")[:40] in whole
    pages = [" ".join(page.split()) for page in pages]
    sheet_pages = [page for page in pages if t("referral_sheet_contact") in page and t("referral_sheet_service") in page]
    assert sheet_pages, "no referral sheet"
    for service in curriculum.referrals:
        need = " ".join(service.need.split())
        # A row kept whole: its need and its notes are on one page of the sheet.
        holder = [page for page in sheet_pages if need[:30] in " ".join(page.split())]
        assert len(holder) == 1, f"row {service.id} is on {len(holder)} pages"
        if service.notes:
            assert " ".join(service.notes.split())[-25:] in " ".join(holder[0].split()), f"row {service.id} splits"


# --- Numbering, agendas, checklists, headings -----------------------------------------------

@pytest.mark.parametrize("lang,module,count", [("en", "culture-circle", 4), ("es", "culture-circle", 4),
                                                 ("en", "historical-memory", 4), ("en", "awareness-to-action", 6),
                                                 ("ar", "roots-of-distress", 4)])
def test_handout_questions_are_numbered_in_order(site, lang, module, count):
    text = text_of(site / "pdf" / lang / "handouts" / f"{module}.pdf")
    # pypdf reads a right-to-left line's number last: ".1" at the end of the line.
    pattern = r"(?m)\.(\d)\s*$" if lang == "ar" else r"(?m)^\s*(\d)\.\s"
    numbers = [int(n) for n in re.findall(pattern, text)]
    assert numbers[:count] == list(range(1, count + 1)), f"{lang}/{module}: numbers read {numbers}"


def test_website_keeps_numbering_after_writing_lines(site):
    html = (site / "liberation-psychology" / "culture-circle" / "index.html").read_text(encoding="utf-8")
    assert '<ol start="2">' in html and '<ol start="4">' in html


def test_agenda_is_whole_and_total_is_printed_once(site, curriculum):
    t = ui.translator("en")
    for guide in curriculum.guides:
        pages = pages_text(site / "pdf" / "en" / f"{guide.id}.pdf")
        for module_id in guide.modules:
            module = curriculum.modules[module_id]
            total = t("agenda_total", minutes=module.duration_minutes)
            first, last = module.agenda[0].title, module.agenda[-1].title
            # The page that holds the agenda's first row also holds its last row and its total.
            holders = [page for page in pages if f"0:00–0:{module.agenda[0].minutes:02d}" in page and first in page
                       and module.title in page]  # the running header names the session
            assert holders, f"{guide.id}/{module_id}: agenda not found"
            assert last in holders[0] and total in holders[0], f"{guide.id}/{module_id}: the agenda splits"
        totals = sum(page.count("Total:") for page in pages)
        assert totals == len(guide.modules), f"{guide.id}: 'Total' printed {totals} times for {len(guide.modules)} sessions"


def test_each_session_has_a_facilitator_checklist_and_minutes_at_its_headings(site, curriculum):
    t = ui.translator("en")
    text = text_of(site / "pdf" / "en" / "liberation-psychology.pdf")
    assert text.count(t("checklist_title")) >= len(next(g for g in curriculum.guides if g.id == "liberation-psychology").modules)
    block = curriculum.modules["culture-circle"].agenda[1]
    assert f"{block.title} · {t('minutes_heading', n=block.minutes)}" in text


def test_bookmarks_nest_a_sessions_parts_under_it(site):
    outline = reader(site / "pdf" / "en" / "act.pdf").outline
    nested = [item for item in outline if isinstance(item, list)]
    assert nested, "no session has bookmarks under it"
    titles = {entry.title for group in nested for entry in group if not isinstance(entry, list)}
    assert {"Safety in this session", "Agenda"} & titles or any("Safety" in x for x in titles), titles


def test_no_page_holds_only_a_title(site):
    for path in [site / "pdf" / lang / "act.pdf" for lang in ("en", "es")]:
        for number, page in enumerate(pages_text(path), start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            assert len(lines) > 4, f"{path.name} page {number} holds only: {lines}"


# --- Paper sizes and margins -----------------------------------------------------------------

def _text_extent(page) -> tuple[float, float]:
    """Lowest and highest baseline of any text on the page, in points from the bottom edge."""
    ys = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            ys.append(tm[5] * cm[3] + cm[5] if cm[3] else tm[5])

    page.extract_text(visitor_text=visit)
    return min(ys), max(ys)


@pytest.mark.parametrize("relative,size", [("en/handouts/culture-circle.pdf", A4), ("en/handouts/culture-circle-letter.pdf", LETTER),
                                           ("ar/handouts/unhooking-letter.pdf", LETTER), ("es/act.pdf", A4),
                                           ("es/act-letter.pdf", LETTER)])
def test_paper_size_and_print_safe_margins(site, relative, size):
    pdf = reader(site / "pdf" / relative)
    for page in list(pdf.pages)[:12]:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (round(size[0]), round(size[1]))
        low, high = _text_extent(page)
        # 12 mm is what printers keep clear; a guide in A4 printed on Letter also loses 8.8 mm at
        # each end (handouts come in both sizes, so each keeps 12 mm on its own paper).
        safe = 12 * MM + (8.8 * MM if size == A4 and "handouts" not in relative else 0)
        assert low >= safe - 0.5 * MM and height - high >= safe, f"{relative}: text {low / MM:.1f} mm / {(height - high) / MM:.1f} mm from the edges"


def test_every_handout_keeps_to_one_sheet(site, catalog):
    for module in catalog["modules"]:
        for lang, papers in module["handout_pdfs"].items():
            for paper, entry in papers.items():
                assert entry["pages"] == 1, f"{entry['url']}: {entry['pages']} pages; a handout to photocopy keeps to one sheet"


def test_running_text_is_black_and_large_enough_to_copy():
    css = (ROOT / "overrides" / "pdf" / "print.css").read_text(encoding="utf-8")
    for rule in re.findall(r"@(?:top|bottom)-\w+ \{[^}]*\}", css) + re.findall(r"\.(?:license|handout-footer)[^{]*\{[^}]*\}", css):
        assert not re.search(r"color: #(?!000)", rule), rule
        size = re.search(r"font-size: ([\d.]+)pt", rule)
        assert not size or float(size.group(1)) >= 9, rule
