"""Declared shapes of front matter and data files, and the one checker that reads them.

Each field says its type and whether it is required; `check` walks a value against a
shape and returns every problem, located, with wording that says what was expected
and what arrived.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

from minga.content.frontmatter import KeyPath
from minga.checks.html_policy import url_reason
from minga.content.licenses import OPEN_LICENSES
from minga.content.licenses import aliases as license_aliases
from minga.checks.problems import Problem, did_you_mean

Locate = Callable[[KeyPath], int]

# Controls, direction marks and other invisible format characters (joiners U+200C/U+200D, needed in
# some scripts, stay allowed): they can make what a reader sees differ from what the text says.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f"
                       "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Text:
    pattern: re.Pattern | None = None
    pattern_hint: str = ""
    max_length: int = 2000  # a value is repeated on many pages: a long one multiplies
    url: bool = False  # a web address: parsed, web schemes only, no quotes or spaces
    fix: str = ""  # what to write when the pattern does not match (else an example made from the value)
    what = "text"


@dataclass(frozen=True)
class Whole:
    minimum: int = 1
    maximum: int = 10_000
    fix: str = ""  # what to write instead of text
    what = "a whole number"


@dataclass(frozen=True)
class Flag:
    what = "true or false"


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()  # (words people write, the option they mean)

    @property
    def what(self) -> str:
        return "one of: " + ", ".join(self.options)


@dataclass(frozen=True)
class ListOf:
    item: Any
    min_items: int = 0

    @property
    def what(self) -> str:
        return "a list" + (" with at least one item" if self.min_items else "")


@dataclass(frozen=True)
class Field:
    type: Any
    required: bool = False
    example: str = ""


@dataclass(frozen=True)
class Mapping:
    fields: dict[str, Field] = field(default_factory=dict)
    example: str = ""  # how to write it, shown when something else was written
    what = "a set of 'key: value' lines"


def check_front_matter(doc, shape: Any, shape_name: str) -> list[Problem]:
    """Every problem of a document's front matter against `shape` (named `shape_name`): a pure
    function of the front matter's text and file name, so the check remembers it across runs."""
    from minga.checks.check_cache import memo

    compute = lambda: check(doc.meta, shape, (), doc.file, doc.line_of)  # noqa: E731
    if not doc.yaml_text:
        return compute()
    return memo("schema-" + shape_name, f"{doc.file}\0{doc.yaml_text}", compute)


def check(value: Any, shape: Any, path: KeyPath, file: str, locate: Locate) -> list[Problem]:
    """Every problem of `value` against `shape`."""
    name = _name(path)
    line = locate(path)
    if isinstance(shape, Mapping):
        if not isinstance(value, dict):
            return [_wrong(file, line, name, shape.what, value, _mapping_fix(shape))]
        return _check_mapping(value, shape, path, file, locate)
    if isinstance(shape, ListOf):
        if not isinstance(value, list):
            return [_wrong(file, line, name, shape.what, value, "Start each item on its own line with '- '.")]
        problems = []
        if len(value) < shape.min_items:
            problems.append(Problem(file, line, "empty-list", f"'{name}' needs at least {shape.min_items} item(s), but has {len(value)}.",
                                    "Add an item on its own line, starting with '- '."))
        for index, item in enumerate(value):
            problems += check(item, shape.item, path + (index,), file, locate)
        return problems
    if isinstance(shape, Text):
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            return [_wrong(file, line, name, "text", value, "Write the text after the colon; put it in quotes if it starts with a special character.")]
        text = str(value).strip()
        if not text:
            return [Problem(file, line, "empty-value", f"'{name}' is empty.", "Write the text after the colon.")]
        hidden = INVISIBLE.search(text)
        if hidden:
            return [Problem(file, line, "invisible-character",
                            f"'{name}' contains the invisible character U+{ord(hidden.group()):04X} "
                            f"({unicodedata.name(hidden.group(), 'a control character')}).",
                            "Delete it: invisible and direction-changing characters can make text (such as a phone "
                            "number) read differently from what it says. Retype the text if you cannot see it.")]
        if len(text) > shape.max_length:
            return [Problem(file, line, "too-long", f"'{name}' has {len(text)} characters; at most {shape.max_length} are allowed.",
                            "Shorten it; long explanations belong in the page body.")]
        if shape.url:
            reason = url_reason(text)
            if reason or not text.lower().startswith(("https://", "http://")):
                return [Problem(file, line, "bad-value", f"'{name}' should be a web address starting with https://, "
                                f"but {reason or 'it is not one'}: {text[:80]!r}.", _url_fix(text))]
        if shape.pattern and not shape.pattern.match(text):
            return [Problem(file, line, "bad-value", f"'{name}' should be {shape.pattern_hint}, but is {text!r}.",
                            shape.fix or f"For example: {_suggest_kebab(text)}.")]
        return []
    if isinstance(shape, Whole):
        if isinstance(value, bool) or not isinstance(value, int):
            return [_wrong(file, line, name, "a whole number", value, shape.fix or
                           f"Write digits only, for example {max(shape.minimum, min(90, shape.maximum))}.")]
        if not shape.minimum <= value <= shape.maximum:
            return [Problem(file, line, "out-of-range", f"'{name}' should be between {shape.minimum} and {shape.maximum}, but is {value}.",
                            f"Write a whole number from {shape.minimum} to {shape.maximum}.")]
        return []
    if isinstance(shape, Flag):
        if not isinstance(value, bool):
            return [_wrong(file, line, name, "true or false", value, "Write true or false.")]
        return []
    if isinstance(shape, Choice):
        if not isinstance(value, str) or value not in shape.options:
            meant = dict(shape.aliases).get(str(value).strip().casefold())
            guess = f"Did you mean '{meant}'?" if meant else did_you_mean(str(value), shape.options).strip()
            return [Problem(file, line, "bad-value", f"'{name}' should be {shape.what}, but is {value!r}.",
                            (guess + " " if guess else "") + f"Use one of: {', '.join(shape.options)}.")]
        return []
    raise TypeError(f"unknown shape {shape!r}")  # a programming error, not a content error


def _check_mapping(value: dict, shape: Mapping, path: KeyPath, file: str, locate: Locate) -> list[Problem]:
    split = _split_title(value, shape, path, file, locate)
    if split:
        return [split]
    problems = []
    for key in value:
        if key not in shape.fields:
            guess = did_you_mean(str(key), shape.fields)
            where = f" in '{_name(path)}'" if path else ""
            problems.append(Problem(file, locate(path + (key,)), "unknown-key",
                                    f"Unknown key '{key}'{where}.{guess}",
                                    "Known keys: " + ", ".join(shape.fields) + "."))
    for key, spec in shape.fields.items():
        if key in value and value[key] is None and spec.required:
            problems.append(Problem(file, locate(path + (key,)), "empty-value", f"'{_name(path + (key,))}' is empty.",
                                    f"Write a value after '{key}:'." + (f" For example: {spec.example}" if spec.example else "")))
            continue
        if key not in value:
            if spec.required:
                example = f" For example: {spec.example}" if spec.example else ""
                where = f" in '{_name(path)}'" if path else ""
                problems.append(Problem(file, locate(path), "missing-key",
                                        f"The required key '{key}' is missing{where}.",
                                        f"Add a line '{key}: ...'.{example}"))
            continue
        if value[key] is None:
            continue  # an optional key left empty means "not given"
        problems += check(value[key], spec.type, path + (key,), file, locate)
    return problems


def _split_title(value: dict, shape: Mapping, path: KeyPath, file: str, locate: Locate) -> Problem | None:
    """'{title: Novice, competent, expert, minutes: 5}' reads as keys 'competent' and 'expert' with no value:
    the title held commas. Say so, with the line written in quotes, instead of 'unknown key'."""
    from minga.content.frontmatter import flow_quote_problem

    strays = [k for k, v in value.items() if k not in shape.fields and v is None and isinstance(k, str)]
    if not strays or "title" not in shape.fields or not isinstance(value.get("title"), str):
        return None
    title = ", ".join([value["title"], *strays])
    rest = ", ".join(f"{k}: {v}" for k, v in value.items() if k in shape.fields and k != "title" and not isinstance(v, (dict, list)))
    example = '{title: "' + title.replace('"', '\\"') + '"' + (", " + rest if rest else "") + "}"
    return flow_quote_problem(file, locate(path + ("title",)), "title", title, example)


def _name(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "front matter"


def _wrong(file: str, line: int, name: str, expected: str, value: Any, hint: str) -> Problem:
    return Problem(file, line, "wrong-type", f"'{name}' should be {expected}, but is {_describe(value)}.", hint)


def _mapping_fix(shape: Mapping) -> str:
    keys = ", ".join(shape.fields)
    return f"Write it as {shape.example}." if shape.example else f"Write it as 'key: value' lines, indented under it (keys: {keys})."


def _url_fix(text: str) -> str:
    """How to write a reference as a web address (a DOI has one); never the wrong value back."""
    doi = re.match(r"^\s*(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)\s*$", text, re.I)
    if doi:
        return f"Write the DOI as a web address: https://doi.org/{doi.group(1)}"
    return "Write the whole address as the browser shows it, starting with https://, or leave 'url' out."


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text {str(value)!r}"


def _suggest_kebab(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-module"


# --- The shapes of our files -------------------------------------------------------------

MODES = ("plenary", "small groups", "pairs", "individual")
ADAPTATIONS = ("low_literacy", "remote", "large_group", "youth")
ID = Text(KEBAB, "lowercase words joined by hyphens", max_length=60)
TITLE = Text(max_length=150)

# What the site shows for each mode (minga/web/locales/en.yml), and other ways people say it.
MODE_ALIASES = (("whole group", "plenary"), ("whole-group", "plenary"), ("all together", "plenary"),
                ("group", "small groups"), ("small group", "small groups"), ("groups", "small groups"),
                ("pair", "pairs"), ("in pairs", "pairs"), ("alone", "individual"), ("individually", "individual"),
                ("solo", "individual"))

AGENDA_BLOCK = Mapping({
    "title": Field(TITLE, True),
    "minutes": Field(Whole(1, 600), True),
    "mode": Field(Choice(MODES, MODE_ALIASES), True),
}, example="{title: Welcome, minutes: 10, mode: plenary}")

SAFETY = Mapping({
    "watch_for": Field(ListOf(Text(), 1), True),
    "respond": Field(ListOf(Text(), 1), True),
    "refer": Field(Text(), True),
    "protocol": Field(Flag()),
})

SOURCE = Mapping({
    "title": Field(Text(max_length=300), True),  # a publication title can be long; it is shown once
    "author": Field(Text()),
    "year": Field(Whole(1000, 2100, fix="Write the year in digits, for example 2019, or leave 'year' out when the source has no date.")),
    "url": Field(Text(url=True, max_length=500)),
    "license": Field(Text()),
})

# A session's picture card (an SVG under curriculum/assets/images/, usually cards/<id>.svg).
PICTURE = Mapping({
    "image": Field(Text(max_length=200), True, "image: cards/being-present.svg"),
    "alt": Field(Text(max_length=600), True, "alt: A small boat held by an anchor on rough water"),
})

MODULE = Mapping({
    "id": Field(ID, True, "id: being-present"),
    "title": Field(TITLE, True, "title: Being present"),
    "track": Field(Text(), True, "track: act"),
    "order": Field(Whole(1, 999), True, "order: 2"),
    "duration_minutes": Field(Whole(5, 600), True, "duration_minutes: 90"),
    "audience": Field(Text(), True, "audience: Adults in community groups"),
    "objectives": Field(ListOf(Text(), 1), True),
    "materials": Field(ListOf(Text()), True, "materials: []"),
    "agenda": Field(ListOf(AGENDA_BLOCK, 1), True),
    "safety": Field(SAFETY, True),
    "key_messages": Field(ListOf(Text())),
    "preparation": Field(ListOf(Text())),
    "group_size": Field(Mapping({"min": Field(Whole(1, 1000), True), "max": Field(Whole(1, 1000), True)},
                                example="{min: 6, max: 24}")),
    "prerequisites": Field(ListOf(ID)),
    "home_practice": Field(Text()),
    "adaptations": Field(Mapping({key: Field(Text()) for key in ADAPTATIONS})),
    "handouts": Field(ListOf(Text())),
    "sources": Field(ListOf(SOURCE)),
    # An open licence, by SPDX id (minga/content/licenses.py); the site's licence when left out.
    "license": Field(Choice(tuple(OPEN_LICENSES), license_aliases())),
    # true for a session that cannot be run safely without a checked local referral table:
    # its pages and printouts warn while that language's table is not `localized: true`.
    "needs_local_referrals": Field(Flag()),
    "picture_card": Field(PICTURE),
    # A neutral title for handouts and picture cards that participants take home, where the
    # session title names a sensitive topic (a paper found at home can put someone at risk).
    "participant_title": Field(TITLE),
})

# Where a page sits in the site menu (minga/web/site_nav.py): no edit to mkdocs.yml is needed.
NAV_KEYS = {
    "nav_order": Field(Whole(1, 9999)),  # smaller comes first; pages without one come last
    "nav_section": Field(Text(max_length=80)),  # the English title of a menu section holding the page
}

PAGE = Mapping({
    "title": Field(TITLE),
    "description": Field(Text()),
    "hide": Field(ListOf(Choice(("navigation", "toc", "footer", "feedback", "path", "tags")))),
    **NAV_KEYS,
})

# A printable form (curriculum/forms/<id>.md): a page, plus how it sits on the paper.
FORM = Mapping({
    "title": Field(Text(), True, "title: Attendance register"),
    "description": Field(Text(), True, "description: One line on what the form is for"),
    "orientation": Field(Choice(("portrait", "landscape"))),
    **NAV_KEYS,
})

TRACK = Mapping({
    "id": Field(ID, True),
    "title": Field(TITLE, True),
    "description": Field(Text(), True),
})

GLOSSARY_TERM = Mapping({
    "term": Field(Text(), True),
    "definition": Field(Text(), True),
    "aliases": Field(ListOf(Text())),
})

GUIDE = Mapping({
    "title": Field(TITLE, True),
    "audience": Field(Text(), True),
    "description": Field(Text(), True),
    "modules": Field(ListOf(ID, 1), True),
    "front_matter": Field(ListOf(Text())),
    "back_matter": Field(ListOf(Text())),
})

# A guide's translation: its words only; the modules and pages come from the source manifest.
GUIDE_WORDS = Mapping({
    "title": Field(TITLE, True),
    "audience": Field(Text(), True),
    "description": Field(Text(), True),
})

REFERRAL_SERVICE = Mapping({
    "id": Field(ID),  # a stable name for the row, the same in every language (sessions and tests rely on it)
    "need": Field(Text(), True),
    "service": Field(Text(), True),
    "contact": Field(Text(), True),
    "hours": Field(Text()),
    "notes": Field(Text()),
})

REFERRALS = Mapping({
    "localized": Field(Flag()),
    "services": Field(ListOf(REFERRAL_SERVICE, 1), True),
})
