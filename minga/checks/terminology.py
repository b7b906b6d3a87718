"""Terms stay consistent: where a source uses a glossary term, its translation uses that
language's term for it (or an accepted variant listed as an alias).

Glossaries pair by position: entry N of glossary.<lang>.yml translates entry N of glossary.yml.
Findings are warnings (a translator may have good reason), located at the translated section
that corresponds to the source's section where the term is first used.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Iterable

from minga.checks.check_cache import memo
from minga.content.loader import Loaded
from minga.content.model import GlossaryTerm, Module, Page
from minga.checks.problems import Problem

RE_SECTION = re.compile(r"^#{1,3}\s", re.M)


def _forms(term: GlossaryTerm) -> list[str]:
    return [form.casefold() for form in (term.term, *term.aliases) if form.strip()]


@lru_cache(maxsize=None)
def _pattern(form: str, whole_words: bool) -> re.Pattern:
    # A term may wrap onto the next line of the file: any run of spaces matches a space.
    words = r"\s+".join(re.escape(word) for word in form.split())
    # Arabic and Swahili attach prefixes (ال، و، ku-...) to words: translations match inside words.
    return re.compile(r"(?<!\w)" + words + r"(?!\w)" if whole_words else words)


def _uses(text: str, forms: list[str], whole_words: bool) -> int | None:
    """Offset of the first use of any form in `text` (already casefolded), or None."""
    best = None
    for form in forms:
        match = _pattern(form, whole_words).search(text)
        position = match.start() if match else None
        if position is not None and (best is None or position < best):
            best = position
    return best


def _section_of(text: str, offset: int) -> int:
    return len(RE_SECTION.findall(text[:offset]))


def _section_line(item: Module | Page, section: int) -> int:
    if section == 0:
        return item.body_line
    seen = 0
    for number, line in enumerate(item.body.split("\n")):
        if RE_SECTION.match(line):
            seen += 1
            if seen == section:
                return item.body_line + number
    return item.body_line


def check_translations_use_glossary_terms(loaded: Loaded) -> Iterable[Problem]:
    curriculum = loaded.curriculum
    source_terms = curriculum.glossary.get(curriculum.default_language.code) or ()
    for src_uri, by_lang in sorted(curriculum.translations.items()):
        source = curriculum.pages.get(src_uri) or curriculum.module_by_uri(src_uri)
        if source is None:
            continue
        for lang, translation in sorted(by_lang.items()):
            terms = curriculum.glossary.get(lang) or ()
            if len(terms) != len(source_terms):
                continue  # glossary.<lang>.yml does not pair entry by entry: nothing to compare
            # A pure function of both texts and both glossaries: remembered by minga/checks/check_cache.py.
            key = json.dumps([translation.file, translation.body_line, source.body, translation.body, lang,
                              [[t.term, *t.aliases] for t in source_terms], [[t.term, *t.aliases] for t in terms]],
                             ensure_ascii=False)
            yield from memo("glossary-term", key, lambda: list(_missing_terms(source, translation, source_terms, terms, lang)))


@lru_cache(maxsize=1024)
def _source_uses(source_body: str, source_terms: tuple[GlossaryTerm, ...]) -> tuple[int | None, ...]:
    """Where a source first uses each glossary term: found once, asked for by each of its translations."""
    text = source_body.casefold()
    return tuple(_uses(text, _forms(term), whole_words=True) for term in source_terms)


def _missing_terms(source: Module | Page, translation: Module | Page, source_terms, terms, lang: str) -> Iterable[Problem]:
    text = translation.body.casefold()
    for english, local, used_at in zip(source_terms, terms, _source_uses(source.body, tuple(source_terms))):
        if used_at is None or _uses(text, _forms(local), whole_words=False) is not None:
            continue
        line = _section_line(translation, _section_of(source.body, used_at))
        yield Problem(translation.file, line, "glossary-term",
                      f"The source uses the glossary term '{english.term}' here, but this translation never uses "
                      f"'{local.term}' or one of its aliases.",
                      f"Use '{local.term}', or add the word you use to its aliases in "
                      f"curriculum/_data/glossary.{lang}.yml if it is an accepted variant.", "warning")
