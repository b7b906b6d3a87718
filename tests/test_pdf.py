"""The printed guides and handouts: real PDFs, opened with pypdf."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from minga.checks.checking import check_project
from minga.pdf.fetcher import RestrictedFetcher
from minga.pdf.markdown import LinkContext, PrintMarkdown

from .conftest import ROOT, copy_project, empty_pdf_cache, run_minga


@lru_cache(maxsize=None)
def reader(path: Path) -> PdfReader:
    return PdfReader(str(path))


@lru_cache(maxsize=None)
def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(path).pages)


def fonts_of(pdf: PdfReader) -> dict[str, bool]:
    """Every font used on any page: name -> embedded?"""
    fonts = {}
    for page in pdf.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")] + [d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            embedded = any(d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors)
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


@pytest.fixture(scope="module")
def curriculum():
    loaded, _ = check_project(ROOT)
    return loaded.curriculum


def test_every_guide_and_handout_exists_in_every_language(site, catalog, curriculum):
    for guide in catalog["guides"]:
        for lang in curriculum.languages:
            assert (site / "pdf" / lang.code / f"{guide['id']}.pdf").is_file()
            assert (site / "pdf" / lang.code / f"{guide['id']}-letter.pdf").is_file()
            assert set(guide["pdfs"][lang.code]) == {"a4", "letter"}
    for module in catalog["modules"]:
        if module["handouts"]:
            for lang in curriculum.languages:
                assert set(module["handout_pdfs"][lang.code]) == {"a4", "letter"}
                for entry in module["handout_pdfs"][lang.code].values():
                    assert (site / entry["url"]).stat().st_size == entry["bytes"]


def test_pages_link_the_pdfs_with_their_size(site, catalog):
    home = BeautifulSoup((site / "es" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = home.select("#printable-guides ~ ul a[href$='.pdf']")
    assert len(links) == 4 * len(catalog["guides"])  # the guide in A4 and Letter, its picture cards in A4 and A5
    assert all("/pdf/es/" in "/" + a["href"].lstrip("./") or "pdf/es/" in a["href"] for a in links)
    module = next(m for m in catalog["modules"] if m["handouts"])
    page = BeautifulSoup((site / module["url"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one("a.minga-download")
    assert link["href"].endswith(f"pdf/en/handouts/{module['id']}.pdf")
    assert re.search(r"\d+ KB", link.find_next_sibling("small").get_text())


def test_table_of_contents_matches_where_sessions_start(site, catalog):
    for guide in catalog["guides"]:
        path = site / "pdf" / "en" / f"{guide['id']}.pdf"
        pdf = reader(path)
        starts = {}
        for item in pdf.outline:
            if not isinstance(item, list):
                starts[item.title.strip()] = pdf.get_destination_page_number(item) + 1
        toc_text = next(page.extract_text() for page in pdf.pages[:4] if "Contents" in (page.extract_text() or ""))
        titles = [next(m["title"] for m in catalog["modules"] if m["id"] == mid) for mid in guide["modules"]]
        for number, title in enumerate(titles, start=1):
            assert title in starts, f"{path.name}: no bookmark for {title}"
            line = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", toc_text, re.M)
            assert line, f"{path.name}: '{title}' not in the table of contents"
            assert int(line.group(1)) == starts[title], f"{path.name}: TOC says {line.group(1)}, session starts on {starts[title]}"
        assert len(pdf.pages) > len(titles) * 2


def test_fonts_are_ours_embedded_and_arabic_uses_the_arabic_font(site):
    for path in [site / "pdf" / "en" / "act-foundations.pdf", site / "pdf" / "ar" / "act.pdf",
                 site / "pdf" / "sw" / "handouts" / "choice-point.pdf", site / "pdf" / "es" / "gender-equity-letter.pdf"]:
        fonts = fonts_of(reader(path))
        assert fonts and all(fonts.values()), f"{path}: a font is not embedded: {fonts}"
        assert all("Noto" in name or "IBM-Plex-Sans-Arabic" in name for name in fonts), f"{path}: a system font slipped in: {list(fonts)}"
    arabic = fonts_of(reader(site / "pdf" / "ar" / "act.pdf"))
    assert any("IBM-Plex-Sans-Arabic" in name for name in arabic)
    assert re.search("[\u0600-\u06ff]{4,}", text_of(site / "pdf" / "ar" / "act.pdf"))


def test_no_embedded_files_and_accessible_metadata(site):
    for path in sorted((site / "pdf").rglob("*.pdf"))[:40]:
        pdf = reader(path)
        assert not pdf.attachments, f"{path}: embedded files {list(pdf.attachments)}"
        root = pdf.trailer["/Root"]
        assert "/Lang" in root and "/StructTreeRoot" in root, path
        assert pdf.metadata.title, path
    assert str(reader(site / "pdf" / "ar" / "act.pdf").trailer["/Root"]["/Lang"]) == "ar"


def test_outline_has_every_session(site, catalog):
    guide = next(g for g in catalog["guides"] if g["id"] == "act")
    titles = {item.title for item in reader(site / "pdf" / "en" / "act.pdf").outline if not isinstance(item, list)}
    for module_id in guide["modules"]:
        assert next(m["title"] for m in catalog["modules"] if m["id"] == module_id) in titles


def test_handouts_hold_participant_content_only(site, curriculum):
    checked = 0
    for module in curriculum.modules.values():
        if not module.handouts:
            continue
        text = " ".join(text_of(site / "pdf" / "en" / "handouts" / f"{module.id}.pdf").split())
        assert module.handouts[0] in text
        says = re.findall(r"^/// say[^\n]*\n(.+?)\n///", module.body, re.M | re.S)
        for say in says:
            sentence = " ".join(re.sub(r"[*_`]", "", say.strip().split("\n")[0]).split())[:60]
            assert sentence not in text, f"{module.id}: facilitator script printed on the handout"
        checked += 1
    assert checked >= 20


def test_guides_carry_link_and_qr_to_the_online_session(site):
    text = text_of(site / "pdf" / "en" / "act.pdf")
    assert "https://minga-curriculum.github.io/minga/act/being-present/" in text.replace("\n", "")
    images = sum(len(page.images) for page in reader(site / "pdf" / "en" / "act.pdf").pages)
    assert images >= 8  # a QR code per session


def test_cache_skips_unchanged_and_remakes_changed(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "build_pdf.py", project / "build_pdf.py")
    out = tmp_path / "pdf"
    command = [sys.executable, "build_pdf.py", "--guide", "act-foundations", "--guide", "education",
               "--lang", "en", "--paper", "a4", "--out", str(out)]
    env = empty_pdf_cache(tmp_path / "cache")  # PDFs cached by other tests' builds are not reused
    first = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "(2 made, 0 unchanged)" in first.stdout
    before = (out / "en" / "act-foundations.pdf").read_bytes()
    second = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert "(0 made, 2 unchanged)" in second.stdout
    # being-present is in ACT foundations, not in the education guide: only the first is made again.
    module = project / "curriculum" / "act" / "being-present.md"
    module.write_text(module.read_text(encoding="utf-8").replace("Welcome back.", "Welcome back, everyone.", 1), encoding="utf-8")
    third = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert "(1 made, 1 unchanged)" in third.stdout, third.stdout + third.stderr
    assert (out / "en" / "act-foundations.pdf").read_bytes() != before
    assert "Welcome back, everyone." in " ".join(text_of(out / "en" / "act-foundations.pdf").split())
    # opening-up is in neither guide; ACT foundations names it in its learning path, by title only.
    other = project / "curriculum" / "act" / "opening-up.md"
    text = other.read_text(encoding="utf-8")
    other.write_text(text + "\nOne more sentence for the facilitator.\n", encoding="utf-8")
    fourth = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert "(0 made, 2 unchanged)" in fourth.stdout, fourth.stdout + fourth.stderr
    title = re.search(r"^title: (.+)$", text, re.M).group(1)
    other.write_text(text.replace(f"title: {title}", f"title: {title} again", 1), encoding="utf-8")
    fifth = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert "(1 made, 1 unchanged)" in fifth.stdout, fifth.stdout + fifth.stderr


def test_bytes_are_reproducible_under_source_date_epoch(tmp_path):
    outputs = []
    for run in ("a", "b"):
        project = copy_project(tmp_path / run)
        shutil.copy2(ROOT / "build_pdf.py", project / "build_pdf.py")
        # Each run its own PDF cache: the second must make its PDF, not reuse the first's.
        env = dict(empty_pdf_cache(tmp_path / run / "cache"), SOURCE_DATE_EPOCH="1767225600")
        result = subprocess.run([sys.executable, "build_pdf.py", "--lang", "ar", "--guide", "act-foundations",
                                 "--paper", "letter", "--out", str(tmp_path / run / "pdf")],
                                cwd=project, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append((tmp_path / run / "pdf" / "ar" / "act-foundations-letter.pdf").read_bytes())
    assert outputs[0] == outputs[1]
    assert b"2026-01-01" in outputs[0] or "2026-01-01" in text_of(tmp_path / "a" / "pdf" / "ar" / "act-foundations-letter.pdf")


SECRET_PATHS = ("/etc/hostname", "/proc/self/environ")


def test_content_asking_for_local_files_is_refused_by_the_check(tmp_path):
    project = copy_project(tmp_path / "project")
    module = project / "curriculum" / "act" / "being-present.md"
    text = module.read_text(encoding="utf-8")
    text = text.replace("\n## ", "\n![host](file:///etc/hostname)\n\n[env](file:///proc/self/environ)\n\n"
                                  "<link rel=\"attachment\" href=\"file:///etc/hostname\">\n\n"
                                  "[x](being-present.md){rel=\"attachment\"}\n\n## ", 1)
    module.write_text(text, encoding="utf-8")
    shutil.copy2(ROOT / "build_pdf.py", project / "build_pdf.py")
    result = subprocess.run([sys.executable, "build_pdf.py", "--lang", "en", "--guide", "act", "--out", str(tmp_path / "pdf")],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    for code in ("remote-image", "link-scheme", "raw-html", "attribute-list"):
        assert f"curriculum/act/being-present.md:" in result.stdout and f"error[{code}]" in result.stdout, code
    assert not (tmp_path / "pdf").exists() or not list((tmp_path / "pdf").rglob("*.pdf"))
    assert "Traceback" not in result.stdout + result.stderr


def test_the_pdf_step_itself_never_reads_or_embeds_local_files(tmp_path, monkeypatch):
    """Defence in depth: even HTML that bypassed the check cannot reach the build machine's files."""
    from weasyprint import HTML

    secret = "MINGA-SECRET-7f3a9c1e5b"
    monkeypatch.setenv("MINGA_TEST_SECRET", secret)  # now in /proc/self/environ
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(secret + "-file", encoding="utf-8")

    markdown = PrintMarkdown(ROOT / "mkdocs.yml")
    body = ('<link rel="attachment" href="file:///etc/hostname">\n\n'
            '<a rel="attachment" href="file:///proc/self/environ">env</a>\n\n'
            '<div style="background: url(file:///etc/hostname)">x</div>\n\n'
            '![host](file:///etc/hostname)\n\n[y](../act/choice-point.md){rel="attachment"}\n')
    context = LinkContext("act/being-present.md", "en", "en", ROOT / "curriculum", "https://example.org/")
    html = markdown.render(body, context)
    assert "attachment" not in html and "<link" not in html and "style=" not in html
    # Even raw, unsanitized HTML goes through the fetcher, which refuses it.
    raw = ("<html lang='en'><head><title>t</title><link rel='attachment' href='file:///etc/hostname'>"
           "<style>body { background: url(file:///proc/self/environ) }</style></head><body>"
           "<a rel='attachment' href='file:///proc/self/environ'>env</a><img src='file:///etc/hostname' alt='x'>"
           "<img src='https://example.org/x.png' alt='y'>"
           f"<a rel='attachment' href='{secret_file.as_uri()}'>s</a><img src='{secret_file.as_uri()}' alt='s'>"
           "<img src='minga:docs/../../../etc/hostname' alt='h'>" + html + "</body></html>")
    fetcher = RestrictedFetcher(roots=(ROOT / "curriculum" / "assets",))
    out = tmp_path / "x.pdf"
    fetcher.names = {"docs": ROOT / "curriculum"}
    HTML(string=raw, base_url=str(ROOT / "curriculum") + "/", url_fetcher=fetcher).write_pdf(
        out, attachments=[], uncompressed_pdf=True)
    pdf = PdfReader(str(out))
    assert not pdf.attachments
    data = out.read_bytes()
    assert secret.encode() not in data and b"EmbeddedFile" not in data
    refused = {r.url for r in fetcher.refusals}
    assert secret_file.as_uri() in refused and "minga:docs/../../../etc/hostname" in refused
    assert "file:///etc/hostname" in refused and "https://example.org/x.png" in refused
    assert any(u.startswith("file:///proc/self/environ") for u in refused)


def test_a_pdf_committed_into_the_repository_is_never_reused(tmp_path):
    """A pull request can commit ignored files too (`git add -f .cache/...`): a PDF planted where the
    cache once was, under the very key the build would look for, must not reach readers."""
    from minga.content.project import load_project
    from minga.pdf.jobs import content_hash, plan, shared_inputs

    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "build_pdf.py", project / "build_pdf.py")
    loaded, _ = check_project(project=load_project(project))
    shared = shared_inputs(load_project(project), project / "overrides" / "pdf")
    jobs = plan(loaded.curriculum, langs=["en"], forms=True)
    for folder in (project / ".cache" / "minga" / "pdf", project / ".cache" / "pdf"):
        folder.mkdir(parents=True)
        for job in jobs:
            key = content_hash(job, loaded.curriculum, load_project(project), shared)
            (folder / f"{key}.pdf").write_bytes(b"%PDF-1.4\n% PLANTED by a pull request\n%%EOF\n")
            (folder / f"{key}.json").write_text('{"pages": 1, "refusals": []}')
    out = tmp_path / "pdf"
    env = empty_pdf_cache(tmp_path / "cache")
    result = subprocess.run([sys.executable, "build_pdf.py", "--forms", "--lang", "en", "--out", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"({len(jobs)} made, 0 unchanged)" in result.stdout
    made = sorted(out.rglob("*.pdf"))
    assert len(made) == len(jobs)
    for pdf in made:
        assert b"PLANTED" not in pdf.read_bytes()
        assert len(reader(pdf).pages) >= 1
