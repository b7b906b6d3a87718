"""Rules over what is rendered: each page's HTML, as the website makes it, against the allowlist.

Findings are located back in the source by looking for the element, attribute or address
they came from; generated parts (glossary tooltips, the referral table) point at their data file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from minga.checks.check_cache import memo
from minga.checks.html_policy import Finding, findings
from minga.content.loader import DATA_DIR, Loaded
from minga.content.model import Module, Page
from minga.checks.problems import Problem
from minga.web.rendering import ContentRenderer, language_data_key, markdown_glossary, page_markdown, page_markdown_key

HTML_HINT = ("Use plain Markdown: **bold**, *italic*, lists, tables, [links](page.md), ![pictures](assets/images/x.svg). "
             "HTML elements, attributes, styles and scripts cannot be published.")
LINK_HINT = ("Link to web pages with https://..., to e-mail with mailto:, to phones with tel:, or to a file of the "
             "curriculum by its path; write the address without spaces or quotes.")


def every_item(loaded: Loaded) -> Iterator[Module | Page]:
    """Every readable content file in every language (duplicated module ids included)."""
    curriculum = loaded.curriculum
    yield from loaded.all_modules
    yield from curriculum.pages.values()
    for by_lang in curriculum.translations.values():
        yield from by_lang.values()


def check_rendered_html_is_allowed(loaded: Loaded) -> Iterable[Problem]:
    config = loaded.curriculum.root / "mkdocs.yml"
    if not config.is_file():
        return
    renderers: list[ContentRenderer] = []  # made on the first page not remembered (reading mkdocs.yml takes time)
    seen: set[tuple[str, int, str]] = set()  # a data file's problem shows on every page: say it once
    curriculum = loaded.curriculum
    data_keys = {lang.code: language_data_key(curriculum, lang.code) for lang in curriculum.languages}
    for item in every_item(loaded):
        data_key = data_keys.get(item.lang) or language_data_key(curriculum, item.lang)
        # Remembered by what the page's Markdown is made from, so an unchanged page is not even prepared.
        key = f"{item.file}\0{item.body_line}\0" + page_markdown_key(curriculum, item, data_key)
        own, failed, found = memo("page-findings", key, lambda: _page_findings(renderers, config, loaded, item))
        yield from own
        if failed:
            yield Problem(item.file, item.body_line, "render-failed",
                          f"This page cannot be turned into a web page ({failed}).",
                          "Look for very deep nesting (lists or quotes inside each other) or unusual marks, and simplify them.")
            continue
        for finding in found:
            problem = _problem(item, finding, loaded)
            key = (problem.file, problem.line, problem.message)
            if key not in seen:
                seen.add(key)
                yield problem


def _page_findings(renderers: list[ContentRenderer], config: Path, loaded: Loaded,
                   item: Module | Page) -> tuple[list[Problem], str | None, list[Finding]]:
    """(problems of the body's text, why rendering failed or None, what the HTML holds outside the allowlist)."""
    own = [p for p in (_invisible_in_body(item), _too_long(item)) if p is not None]
    if own and own[-1].code == "too-long":
        return own, None, []  # Markdown's inline parsing is quadratic in a paragraph's length: never render one
    text = page_markdown(loaded.curriculum, item)
    return (own, *_render_findings(renderers, config, text, markdown_glossary(loaded.curriculum, item, text)))


def _render_findings(renderers: list[ContentRenderer], config: Path, text: str,
                     glossary: dict[str, str]) -> tuple[str | None, list[Finding]]:
    """(why rendering failed, or None; what the HTML holds outside the allowlist): a pure function
    of the page's Markdown, our code and mkdocs.yml."""
    if not renderers:
        renderers.append(ContentRenderer(config))
    try:
        html = renderers[0].render(text, glossary)
    except Exception as exc:  # noqa: BLE001 - any input Markdown cannot handle is a located problem, never a traceback
        return type(exc).__name__, []
    return None, findings(html)


MAX_LINE = 2000
MAX_PARAGRAPH = 8000


def _too_long(item: Module | Page) -> Problem | None:
    """Lines and paragraphs are bounded, so that checking and building stay linear in a file's size."""
    paragraph, start = 0, 0
    for offset, text in enumerate(item.body.split("\n")):
        if len(text) > MAX_LINE:
            return Problem(item.file, item.body_line + offset, "too-long",
                           f"This line has {len(text)} characters; at most {MAX_LINE} are allowed.",
                           "Break it into shorter paragraphs with an empty line between them.")
        if text.strip():
            start = start if paragraph else offset
            paragraph += len(text) + 1
            if paragraph > MAX_PARAGRAPH:
                return Problem(item.file, item.body_line + start, "too-long",
                               f"This paragraph has more than {MAX_PARAGRAPH} characters.",
                               "Break it into shorter paragraphs with an empty line between them.")
        else:
            paragraph = 0
    return None


def _invisible_in_body(item: Module | Page) -> Problem | None:
    import unicodedata

    from minga.content.schema import INVISIBLE

    for offset, text in enumerate(item.body.split("\n")):
        found = INVISIBLE.search(text.rstrip("\r"))
        if found:
            char = found.group()
            return Problem(item.file, item.body_line + offset, "invisible-character",
                           f"This line contains the invisible character U+{ord(char):04X} "
                           f"({unicodedata.name(char, 'a control character')}).",
                           "Delete it: invisible and direction-changing characters can make text read differently "
                           "from what it says. Retype the line if you cannot see it.")
    return None


def _problem(item: Module | Page, finding: Finding, loaded: Loaded) -> Problem:
    file, line = _locate(item, finding, loaded)
    shown = _short(finding.value)
    if finding.attribute is None:
        return Problem(file, line, "raw-html", f"The HTML element <{finding.element}> is not allowed.", HTML_HINT)
    if finding.attribute == "src" and "curriculum" in finding.reason:
        return Problem(file, line, "remote-image", f"The picture address '{shown}' cannot be published: {finding.reason}.",
                       "Save the picture in curriculum/assets/images/ and link to it there.")
    if finding.attribute in ("href", "src") and _local_name_with_space(finding.value):
        what = "picture" if finding.attribute == "src" else "file"
        renamed = re.sub(r"\s+", "-", finding.value.strip())
        return Problem(file, line, "file-name", f"The {what} '{shown}' has a space in its name.",
                       f"Rename the file without spaces and write the new name here: '{_short(renamed)}'. "
                       "Names use letters, digits, '-', '_' and '.'.")
    if finding.attribute in ("href", "src"):
        what = "picture" if finding.attribute == "src" else "link"
        return Problem(file, line, "link-scheme", f"The {what} address '{shown}' cannot be published: {finding.reason}.",
                       LINK_HINT)
    return Problem(file, line, "html-attribute",
                   f"The attribute '{finding.attribute}' on <{finding.element}> cannot be published"
                   f"{': ' + finding.reason if finding.reason else ''} ('{shown}').", HTML_HINT)


def _local_name_with_space(value: str) -> bool:
    """'../assets/images/my map.png': a file of ours whose name has a space (not a web address)."""
    return " " in value.strip() and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|//", value.strip()) and "\n" not in value


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _needles(finding: Finding) -> tuple[list[str], list[str]]:
    """(strong, weak) texts to look for: the value itself first, then the attribute or element name."""
    value = finding.value.strip()
    strong = []
    if value and finding.attribute:
        # The source may write it with entities (&lt;) or across lines: words of it are found too.
        strong = [value[:40], value.replace("<", "&lt;").replace(">", "&gt;")[:40], value.split()[0][:40],
                  *[w for w in re.findall(r"[\w.=:/-]{6,40}", value) if re.search(r"[=:/]", w)][:2]]
    elif finding.attribute is None:
        strong = [f"<{finding.element}>", f"<{finding.element} ", f"<{finding.element}/"]
    weak = ([finding.attribute + "=", finding.attribute] if finding.attribute else []) + ["<" + finding.element]
    return [n.casefold() for n in strong if n], [n.casefold() for n in weak]


def _find(needles: list[str], lines: list[str]) -> int | None:
    for needle in needles:
        for index, text in enumerate(lines):
            if needle in text:
                return index
    return None


def _locate(item: Module | Page, finding: Finding, loaded: Loaded) -> tuple[str, int]:
    """The source file and line a finding came from: the body, else the data files the page uses."""
    strong, weak = _needles(finding)
    body_lines = item.body.casefold().splitlines()
    found = _find(strong, body_lines)
    if found is not None:
        return item.file, item.body_line + found
    docs = loaded.curriculum.docs_dir
    for name in (f"glossary.{item.lang}.yml", "glossary.yml", f"referrals.{item.lang}.yml", "referrals.yml"):
        path = docs / DATA_DIR / name
        try:
            lines = path.read_text(encoding="utf-8").casefold().splitlines() if path.is_file() else []
        except (OSError, UnicodeError):
            continue
        found = _find(strong, lines)
        if found is not None:
            return _relative(path, loaded), found + 1
    found = _find(weak, body_lines)
    return item.file, item.body_line + (found or 0)


def _relative(path: Path, loaded: Loaded) -> str:
    return path.relative_to(loaded.curriculum.root).as_posix()
