"""Translations: what a translated file may say, how it pairs with its source, how fresh it is.

A translation translates words (titles, objectives, agenda titles, body...). Numbers and
structure (id, order, durations, agenda minutes, prerequisites) always come from the source.
Each translation records the hash of the source's translatable content it was made from;
the hash is written by `minga translation stamp`, never by hand.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re

from minga.content import schema
from minga.content.frontmatter import Document
from minga.content.model import AgendaBlock, Module, Page, Safety, TranslationInfo
from minga.checks.problems import Problem

REVIEW_STATES = ("draft", "reviewed")
HASH_LENGTH = 12

# Keys whose words a translation replaces.
MODULE_WORDS = ("title", "audience", "objectives", "materials", "preparation", "key_messages", "agenda",
                "safety", "home_practice", "adaptations", "handouts")
PAGE_WORDS = ("title", "description")
# Words that a translation carries but that are left out of the source hash: a picture's alt text
# and the participant title were added to every translation at once, and the checks require them
# in every language (picture-alt), so leaving them out never hides a missing translation.
WORDS_OUTSIDE_HASH = ("participant_title", "picture_card")
# Keys that must be identical to the source when a translation repeats them.
MODULE_STRUCTURE = ("id", "track", "order", "duration_minutes", "prerequisites", "group_size", "sources", "license",
                    "needs_local_referrals")

TRANSLATION = schema.Mapping({
    "source_hash": schema.Field(schema.Text(re.compile(r"^[0-9a-f]{%d}$" % HASH_LENGTH),
                                            f"{HASH_LENGTH} characters written by 'minga translation stamp'",
                                            fix="Never edit it by hand: run 'minga translation stamp' on this file once it "
                                                "matches its source."), True),
    "status": schema.Field(schema.Choice(REVIEW_STATES), True),
})

_agenda_item = schema.Mapping({
    "title": schema.Field(schema.Text(), True),
    "minutes": schema.Field(schema.Whole(1, 600)),
    "mode": schema.Field(schema.Choice(schema.MODES, schema.MODE_ALIASES)),
})
_safety = schema.Mapping({**schema.SAFETY.fields, "watch_for": schema.Field(schema.ListOf(schema.Text(), 1)),
                          "respond": schema.Field(schema.ListOf(schema.Text(), 1)), "refer": schema.Field(schema.Text())})

TRANSLATED_MODULE = schema.Mapping({
    **{key: dataclasses.replace(spec, required=False) for key, spec in schema.MODULE.fields.items()},
    "title": schema.Field(schema.Text(), True),
    "agenda": schema.Field(schema.ListOf(_agenda_item, 1)),
    "safety": schema.Field(_safety),
    # The picture comes from the source; a translation says what it shows in its own words.
    "picture_card": schema.Field(schema.Mapping({"alt": schema.PICTURE.fields["alt"]})),
    "translation": schema.Field(TRANSLATION, True),
})

TRANSLATED_PAGE = schema.Mapping({**schema.PAGE.fields, "translation": schema.Field(TRANSLATION, True)})


def source_hash(doc: Document, words: tuple[str, ...]) -> str:
    """A short hash of everything a translator translates in `doc` (front matter words and body),
    worked out once per document (a source is asked for it by each of its translations)."""
    key = "source_hash:" + ",".join(words)
    if key not in doc.derived:
        doc.derived[key] = _source_hash(doc, words)
    return doc.derived[key]


def _source_hash(doc: Document, words: tuple[str, ...]) -> str:
    meta = {key: doc.meta.get(key) for key in words if key in doc.meta}
    if isinstance(meta.get("agenda"), list):
        meta["agenda"] = [item.get("title") if isinstance(item, dict) else item for item in meta["agenda"]]
    if isinstance(meta.get("safety"), dict):
        meta["safety"] = {k: v for k, v in meta["safety"].items() if k != "protocol"}
    body = "\n".join(line.rstrip() for line in doc.body.strip().split("\n"))
    payload = json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str) + "\n\n" + body
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def translated_module(doc: Document, source: Module, source_doc: Document, lang: str,
                      file: str) -> tuple[Module | None, list[Problem]]:
    """The source module with this translation's words, or problems saying what does not pair."""
    problems = schema.check_front_matter(doc, TRANSLATED_MODULE, "translated-module")
    if problems:
        return None, problems
    meta = doc.meta
    problems += _structure_matches(meta, source_doc.meta, file, doc)
    agenda, agenda_problems = _paired_agenda(meta.get("agenda"), source, file, doc)
    problems += agenda_problems
    if problems:
        return None, problems
    safety = meta.get("safety") or {}
    texts = lambda key, default: tuple(str(v).strip() for v in meta[key]) if meta.get(key) is not None else default  # noqa: E731
    module = dataclasses.replace(
        source,
        title=str(meta["title"]).strip(),
        audience=str(meta.get("audience", source.audience)).strip(),
        objectives=texts("objectives", source.objectives),
        materials=texts("materials", source.materials),
        preparation=texts("preparation", source.preparation),
        key_messages=texts("key_messages", source.key_messages),
        agenda=agenda,
        safety=Safety(
            tuple(str(v).strip() for v in safety["watch_for"]) if safety.get("watch_for") else source.safety.watch_for,
            tuple(str(v).strip() for v in safety["respond"]) if safety.get("respond") else source.safety.respond,
            str(safety.get("refer") or source.safety.refer).strip(), source.safety.protocol),
        home_practice=str(meta["home_practice"]).strip() if meta.get("home_practice") else source.home_practice,
        adaptations=tuple((k, str(v).strip()) for k, v in (meta.get("adaptations") or {}).items() if v) or source.adaptations,
        handouts=texts("handouts", source.handouts),
        picture=dataclasses.replace(source.picture, alt=str(meta["picture_card"]["alt"]).strip(), lang=lang,
                                    line=doc.line_of(("picture_card", "alt")))
        if source.picture and meta.get("picture_card") else source.picture,
        participant_title=str(meta["participant_title"]).strip() if meta.get("participant_title") else None,
        file=file, lang=lang, body=doc.body, body_line=doc.body_line, lines=doc.lines,
        translation=_info(meta, source_doc, MODULE_WORDS),
    )
    return module, []


def translated_page(doc: Document, source_doc: Document | None, page: Page) -> tuple[Page | None, list[Problem]]:
    problems = schema.check_front_matter(doc, TRANSLATED_PAGE, "translated-page")
    if problems:
        return None, problems
    info = _info(doc.meta, source_doc, PAGE_WORDS) if source_doc else None
    return dataclasses.replace(page, translation=info), []


def _info(meta: dict, source_doc: Document, words: tuple[str, ...]) -> TranslationInfo:
    return TranslationInfo(meta["translation"]["source_hash"], meta["translation"]["status"],
                           source_hash(source_doc, words))


def _structure_matches(meta: dict, source_meta: dict, file: str, doc: Document) -> list[Problem]:
    problems = []
    for key in MODULE_STRUCTURE:
        if key in meta and meta[key] != source_meta.get(key):
            problems.append(Problem(file, doc.line_of((key,)), "translation-structure",
                                    f"This translation says '{key}: {meta[key]}', but its source says '{source_meta.get(key)}'.",
                                    f"Remove '{key}' from the translation: numbers and structure always come from the source."))
    if isinstance(meta.get("safety"), dict) and "protocol" in meta["safety"] and \
            meta["safety"]["protocol"] != (source_meta.get("safety") or {}).get("protocol", True):
        problems.append(Problem(file, doc.line_of(("safety", "protocol")), "translation-structure",
                                "This translation changes 'safety.protocol'.", "Remove 'protocol' from the translation."))
    return problems


def _paired_agenda(items, source: Module, file: str, doc: Document) -> tuple[tuple[AgendaBlock, ...], list[Problem]]:
    if items is None:
        return tuple(dataclasses.replace(b, line=doc.line_of(("title",))) for b in source.agenda), []
    if len(items) != len(source.agenda):
        return (), [Problem(file, doc.line_of(("agenda",)), "translation-agenda",
                            f"The agenda has {len(items)} block(s), but the source has {len(source.agenda)}.",
                            "Translate each block of the source's agenda, in the same order: one '- title: ...' per block.")]
    blocks, problems = [], []
    for index, (item, block) in enumerate(zip(items, source.agenda)):
        for key in ("minutes", "mode"):
            if key in item and item[key] != getattr(block, key):
                problems.append(Problem(file, doc.line_of(("agenda", index, key)), "translation-agenda",
                                        f"Agenda block {index + 1} says '{key}: {item[key]}', but the source says '{getattr(block, key)}'.",
                                        f"Remove '{key}' from the translated agenda: it always comes from the source."))
        blocks.append(dataclasses.replace(block, title=str(item["title"]).strip(), line=doc.line_of(("agenda", index))))
    return tuple(blocks), problems


def status(info: TranslationInfo | None, exists: bool) -> str:
    """current | outdated | draft | missing, for one translation."""
    if not exists or info is None:
        return "missing"
    if info.source_hash != info.current_source_hash:
        return "outdated"
    return "draft" if info.status == "draft" else "current"
