"""The website's Markdown, made faster, renders exactly as before."""

from __future__ import annotations

from minga.checks.checking import check_project
from minga.checks.rendered_rules import every_item
from minga.web import markdown_prep
from minga.web.rendering import ContentRenderer, markdown_config, markdown_glossary, page_markdown

from .conftest import ROOT


def test_each_page_gets_only_its_own_glossary_words_and_renders_as_with_all():
    """Pages are given only the glossary words their Markdown holds (rendering.markdown_glossary):
    every page of every language renders to the same HTML as with the whole glossary."""
    loaded, _ = check_project(ROOT)
    curriculum = loaded.curriculum
    renderer = ContentRenderer(ROOT / "mkdocs.yml")
    pages = fewer = 0
    for item in every_item(loaded):
        text = page_markdown(curriculum, item)
        whole = dict(markdown_prep.glossary_abbreviations(curriculum.glossary.get(item.lang) or ()))
        own = markdown_glossary(curriculum, item, text)
        assert renderer.render(text, own) == renderer.render(text, whole), item.file
        pages += 1
        fewer += len(own) < len(whole)
    assert pages > 150 and fewer > pages * 0.9


def test_words_spelled_with_entities_escapes_or_across_lines_render_as_with_all():
    loaded, _ = check_project(ROOT)
    curriculum = loaded.curriculum
    item = curriculum.modules["being-present"]
    whole = dict(markdown_prep.glossary_abbreviations(curriculum.glossary["en"]))
    renderer = ContentRenderer(ROOT / "mkdocs.yml")
    for word in list(whole)[:12]:
        # One spelling per text: a word found in one spelling must not hide a miss in another.
        for text in (f"About &#{ord(word[0])};{word[1:]} today.", f"About \\{word} today.",
                     f"About {word.replace(' ', chr(10))} today.", f"**{word}**, and {word}s.", f"_{word}_ today.",
                     f"/// say | {word}\nSay {word[:3]}.\n///\n", f"snake_{word}_case.", f"{word}_1 and 2{word}.",
                     f"<span>{word}</span>", f"&amp;{word}<!-- x -->s", f"[{word}](#{word})", f"`{word}`"):
            own = markdown_glossary(curriculum, item, text)
            assert renderer.render(text, own) == renderer.render(text, whole), text


def test_untitled_blocks_get_their_title_on_their_own_line_only_outside_code():
    t = {"block_say": "Say", "block_note": "Note", "block_adapt": "Adapt"}.__getitem__
    text = "/// say\n\n\n///note  \r\n```\n/// say\n```\n  /// adapt\u00a0\n/// say | Already\n\n    ~~~\n/// say\n"
    assert markdown_prep.add_block_titles(text, t) == (
        "/// say | Say\n\n\n///note | Note\n```\n/// say\n```\n  /// adapt | Adapt\n/// say | Already\n\n    ~~~\n/// say | Say\n")


def test_the_glossary_walk_wraps_the_words_the_abbr_extension_wraps():
    """minga.web.glossary_tooltips (mkdocs.yml) walks each page its own way: every page of every
    language, and texts that hide words in tails, nested marks and code, render as with abbr's walk."""
    import markdown

    loaded, _ = check_project(ROOT)
    curriculum = loaded.curriculum
    ours = ContentRenderer(ROOT / "mkdocs.yml")
    extensions, configs, _ = markdown_config(ROOT / "mkdocs.yml")
    assert "minga.web.glossary_tooltips" in extensions
    abbr_only = [e for e in extensions if e != "minga.web.glossary_tooltips"]
    pages = 0
    for item in every_item(loaded):
        text = page_markdown(curriculum, item)
        words = markdown_glossary(curriculum, item, text)
        theirs = markdown.Markdown(extensions=abbr_only, extension_configs={**configs, "abbr": {"glossary": words}})
        assert ours.render(text, words) == theirs.convert(text), item.file
        pages += "<abbr" in theirs.convert(text)
    assert pages > 100
    words = dict(markdown_prep.glossary_abbreviations(curriculum.glossary["en"]))
    word, other = list(words)[:2]
    for text in (f"{word} *{other}* {word} **{word} _{other}_** {word}", f"- {word}\n    - *x* {other} `{word}` {word}",
                 f"| {word} | {other} |\n|---|---|\n| a {word} | {other}{other} |", f"[{word}](#x) {other} ![{word}](x.png) {word}"):
        theirs = markdown.Markdown(extensions=abbr_only, extension_configs={**configs, "abbr": {"glossary": words}})
        assert ours.render(text, words) == theirs.convert(text), text
