"""Blocks real material needs (issue 13): answers, asides, figures with credits, checklists, licences.

Rendered with the website's and the printed guides' own converters, both configured from the
real mkdocs.yml; the check-implies-build sweep (test_sweep.py) builds a site holding them.
"""

from __future__ import annotations

from pathlib import Path

import weasyprint
from bs4 import BeautifulSoup

from minga.checks.checking import check_project
from minga.checks.html_policy import findings
from minga.pdf.markdown import LinkContext, PrintMarkdown
from minga.web.rendering import ContentRenderer
from minga.checks.timing import activity_minutes

from .fixtures_overlay import make_project
from .test_rules import CHOICE, rewrite

ROOT = Path(__file__).resolve().parent.parent
MATERIAL = """/// answer | What the group found
Breathing **slowly** helps.
///

/// aside | Why this works
Background for everyone.
///

![A dot](../assets/images/dot.svg "A dot drawn by hand | Ana Pérez, CC-BY-4.0")

- [ ] Chairs in a circle
- [x] Bell
"""


def web_html() -> BeautifulSoup:
    html = ContentRenderer(ROOT / "mkdocs.yml").render(MATERIAL)
    assert findings(html) == []  # inside the allowlist the checker and the sanitizer share
    return BeautifulSoup(html, "html.parser")


def print_html() -> BeautifulSoup:
    context = LinkContext("act/being-present.md", "en", "en", ROOT / "curriculum", "https://example.org/")
    return BeautifulSoup(PrintMarkdown(ROOT / "mkdocs.yml").render(MATERIAL, context), "html.parser")


def test_answer_is_folded_on_the_web_and_aside_is_its_own_block():
    soup = web_html()
    answer = soup.select_one("details.minga-answer")
    assert answer is not None and answer.get("open") is None
    assert answer.summary.get_text() == "What the group found" and answer.strong.get_text() == "slowly"
    assert soup.select_one("div.admonition.minga-aside > p.admonition-title").get_text() == "Why this works"


def test_picture_caption_and_credit_on_the_web_and_in_print():
    for soup in (web_html(), print_html()):
        figure = soup.select_one("figure.minga-figure")
        assert figure.img["alt"] == "A dot" and not figure.img.get("title")
        assert figure.figcaption.contents[0].strip() == "A dot drawn by hand"
        assert figure.select_one(".minga-credit").get_text() == "Ana Pérez, CC-BY-4.0"


def test_checklist_prints_as_boxes_and_answers_print_open():
    soup = print_html()
    assert not soup.select("input")
    assert [span["class"] for span in soup.select(".task-list-item span")] == [["tick"], ["tick", "tick--checked"]]
    soup.select_one("figure").decompose()  # pictures are served by the guide's own fetcher, not here
    css = (ROOT / "overrides/pdf/print.css").read_text(encoding="utf-8")
    document = weasyprint.HTML(string=f"<style>{css}</style>{soup}").render()
    boxes = list(_boxes(document.pages[0]._page_box))
    text = " ".join(b.text for b in boxes if hasattr(b, "text"))
    assert "Breathing" in text and "Chairs in a circle" in text  # the answer is printed, not folded
    ticks = [b for b in boxes if type(b).__name__ == "InlineBlockBox" and "tick" in (b.element.get("class") or "")]
    assert len(ticks) == 2 and all(b.border_top_width > 0 and b.width > 0 for b in ticks)


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def test_timed_activities_read_in_every_language():
    assert [activity_minutes(t) for t in ("Pairs (10 minutes)", "Parejas (10 minutos)", "Jozi (dakika 10)",
                                          "أزواج (10 دقائق)", "Pairs (5 min)", "Step (2)", None)] == [10, 10, 10, 10, 5, None, None]


def test_timed_activities_that_fit_pass(tmp_path):
    root = make_project(tmp_path / "p")
    rewrite(root / CHOICE, "/// steps\n", "/// steps | Drawing it (20 minutes)\n")
    rewrite(root / CHOICE, "/// discuss\n- What will you try?", "/// discuss | In pairs (15 minutes)\n- What will you try?")
    assert check_project(root)[1] == []


def test_open_licences_by_spdx_id(tmp_path):
    root = make_project(tmp_path / "p")
    rewrite(root / CHOICE, "    year: 2019\n", "    year: 2019\nlicense: CC-BY-4.0\n")
    loaded, problems = check_project(root)
    assert problems == [] and loaded.curriculum.modules["choice-point"].license == "CC-BY-4.0"
    rewrite(root / CHOICE, "license: CC-BY-4.0", "license: CC-BY-NC-4.0")
    assert [(p.code, p.hint.startswith("Did you mean 'CC-BY-4.0'?")) for p in check_project(root)[1]] == [("bad-value", True)]
