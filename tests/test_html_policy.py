"""The allowlist itself: what the checker reports and what the sanitizer removes, on real HTML.

The checker and the sanitizer use different parsers (lexbor and html5ever), both following the
HTML standard: each payload below must be reported by one and removed by the other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minga.checks.html_policy import findings, sanitize, url_reason, web_url
from minga.pdf.markdown import LinkContext, PrintMarkdown
from minga.checks.svg_policy import svg_problems

ROOT = Path(__file__).resolve().parent.parent

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    '<img/src="x"/onerror="window.__pwned=1">',
    "<svg onload=window.__pwned=1></svg>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<details open ontoggle=window.__pwned=1>x</details>",
    "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
    '<link rel="attachment" href="file:///etc/hostname">',
    '<a\nrel="attachment"\nhref="file:///etc/hostname">x</a>',
    '<meta http-equiv="refresh" content="0;url=https://example.org">',
    '<base href="https://example.org/">',
    "<style>body{background:url(https://example.org/x)}</style>",
    '<p style="background:url(https://example.org/x)">x</p>',
    '<form action="https://example.org"><input name=q></form>',
    '<object data="x.swf"></object>',
    '<abbr title="&lt;img src=x onerror=alert(1)&gt;">x</abbr>',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_reported(payload: str):
    assert findings(payload), payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_removed_by_the_sanitizer(payload: str):
    cleaned = sanitize(payload)
    assert findings(cleaned) == [], cleaned
    for word in ("onerror", "onload", "ontoggle", "javascript", "attachment", "script", "iframe", "style", "refresh"):
        assert word not in cleaned.lower() or "title=" in cleaned, cleaned


def test_markdown_output_passes_unchanged():
    html = ('<h2 id="a">T<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
            '<p>See <a href="../x/">x</a> and <abbr title="a word">w</abbr>.</p>'
            '<table><thead><tr><th style="text-align: left;">a</th></tr></thead></table>'
            '<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled> x</li></ul>'
            '<p><img alt="A fork" src="../assets/images/choice-point.svg"></p>')
    assert findings(html) == []
    assert findings(sanitize(html)) == []


@pytest.mark.parametrize("url, ok", [
    ("https://www.who.int/publications", True), ("mailto:a@b.org", True), ("tel:+1555", True),
    ("../act/index.md#x", True), ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("java\tscript:alert(1)", False), ("https://a.org/\"onmouseover=x", False), ("//evil.org/x", False),
    ("file:///etc/hostname", False), ("data:text/html,x", False), ("vbscript:x", False),
])
def test_urls_are_parsed(url: str, ok: bool):
    assert (url_reason(url) is None) is ok


def test_source_urls_are_rebuilt_or_dropped():
    assert web_url("https://www.who.int/a b") is None
    assert web_url("javascript:alert(1)") is None
    assert web_url("HTTPS://www.who.int/x?y=1#z") == "https://www.who.int/x?y=1#z"


def test_printed_html_never_keeps_an_attachment():
    renderer = PrintMarkdown(ROOT / "mkdocs.yml")
    context = LinkContext("act/being-present.md", "en", "en", ROOT / "curriculum", "")
    html = renderer.render('<a\nrel="attachment"\nhref="file:///etc/hostname">x</a>\n\n'
                           '<link rel=attachment href=/proc/self/environ>\n\n![A fork](../assets/images/choice-point.svg)',
                           context)
    assert "attachment" not in html and "/etc/hostname" not in html and "environ" not in html
    assert 'src="minga:docs/assets/images/choice-point.svg"' in html  # our own pictures stay


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/hostname"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="https://e.org/a.svg#b"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://e.org/x)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:red"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>',
    b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
])
def test_svg_with_more_than_a_drawing_is_refused(svg: bytes):
    assert svg_problems(svg)


def test_our_pictures_are_drawings():
    for path in (ROOT / "curriculum" / "assets" / "images").glob("*.svg"):
        assert svg_problems(path.read_bytes()) == [], path


def test_every_picture_byte_is_in_the_pdf_cache_key(tmp_path):
    """A changed or removed picture remakes the PDFs that may show it (the key covers every input byte)."""
    from minga.checks.checking import check_project
    from minga.pdf.jobs import Job, content_hash
    from minga.content.project import load_project

    from .conftest import copy_project

    root = copy_project(tmp_path / "project")
    project = load_project(root)
    loaded, _ = check_project(project=project)
    job = Job("guide", loaded.curriculum.guides[0].id, "en")
    before = content_hash(job, loaded.curriculum, project, "shared")
    picture = root / "curriculum/assets/images/choice-point.svg"
    picture.write_bytes(picture.read_bytes().replace(b"#ffffff", b"#fffffe"))
    assert content_hash(job, loaded.curriculum, project, "shared") != before
    picture.unlink()
    assert content_hash(job, loaded.curriculum, project, "shared") != before


def test_the_print_renderer_remembers_which_page_asked_for_each_picture():
    renderer = PrintMarkdown(ROOT / "mkdocs.yml")
    context = LinkContext("act/choice-point.md", "es", "en", ROOT / "curriculum", "")
    renderer.render("![Un cruce](../assets/images/choice-point.svg)", context)
    asked = {url: who for url, who in renderer.askers.items() if "choice-point" in url}
    assert asked and set(asked.values()) == {("act/choice-point.md", "es")}


def test_text_without_markup_is_given_back_exactly_as_nh3_would():
    """sanitize() skips nh3 for a text holding none of the characters html5ever changes: every code
    point, alone between letters, must come back from nh3 unchanged unless it is one of them."""
    from minga.checks.html_policy import _CHANGED_BY_CLEANING, clean

    plain = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and not _CHANGED_BY_CLEANING.search(chr(c))]
    assert len(plain) == 0x110000 - 0x800 - 6
    for start in range(0, len(plain), 4096):  # in runs, each character between letters
        text = "a" + "a".join(plain[start:start + 4096]) + "b"
        assert clean(text) == text, start
    for char in "\x00\r&<>\u00a0":
        assert sanitize(f"a{char}b") == clean(f"a{char}b") != f"a{char}b"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sanitize_is_nh3(text):
    from minga.checks.html_policy import clean

    assert sanitize(text) == clean(text)
