"""Rules for picture cards: a session that promises a picture has one, the file exists, and
every language that translates the session says what the picture shows.

The SVG content itself is checked with every other picture (publishing.check_files_are_publishable,
code svg-content): a picture card may hold drawing only.
"""

from __future__ import annotations

import posixpath
import re
from typing import Iterable

from minga.content.loader import Loaded
from minga.content.model import Module
from minga.checks.problems import Problem

IMAGES = "assets/images"
# What the English sessions call the picture version of their material.
PROMISE = re.compile(r"picture[ -](?:card|version|handout)s?\b", re.I)


def picture_path(image: str) -> str | None:
    """The docs-relative path of a picture card, or None when it would leave assets/images/."""
    joined = posixpath.normpath(posixpath.join(IMAGES, image))
    return joined if joined.startswith(IMAGES + "/") else None


def check_promised_pictures_exist(module: Module, structure, loaded: Loaded) -> Iterable[Problem]:
    """A source module whose text mentions a picture card or picture version must have one."""
    if module.translation is not None or module.picture is not None:
        return
    text = (loaded.curriculum.root / module.file).read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        found = PROMISE.search(line)
        if found:
            yield Problem(module.file, number, "picture-missing",
                          f"The session mentions a '{found.group(0)}', but has no picture card.",
                          f"Draw the picture as an SVG in curriculum/{IMAGES}/cards/ and add to the front matter: "
                          f"'picture_card:' with 'image: cards/{module.id}.svg' and 'alt: what the picture shows, in words'.")
            return


def check_picture_files_exist(module: Module, structure, loaded: Loaded) -> Iterable[Problem]:
    if module.translation is not None or module.picture is None:
        return
    path = picture_path(module.picture.image)
    if path is None:
        yield Problem(module.file, module.picture.line, "link-outside",
                      f"The picture card '{module.picture.image}' points outside curriculum/{IMAGES}/.",
                      "Write the path from curriculum/assets/images/, for example 'cards/being-present.svg'.")
    elif not (loaded.curriculum.docs_dir / path).is_file():
        yield Problem(module.file, module.picture.line, "missing-image",
                      f"The picture card '{module.picture.image}' does not exist in curriculum/{IMAGES}/.",
                      "Check the file name and folder (names are case-sensitive).")


def check_pictures_described_in_every_language(loaded: Loaded) -> Iterable[Problem]:
    """Each translation of a module with a picture card says, in its language, what the picture shows."""
    for by_lang in loaded.curriculum.translations.values():
        for lang, item in sorted(by_lang.items()):
            if isinstance(item, Module) and item.picture is not None and item.picture.lang != lang:
                yield Problem(item.file, item.line_of("title"), "picture-alt",
                              "The session has a picture card, but this translation does not say what it shows.",
                              f"Add to the front matter 'picture_card:' with 'alt:' and, in this language, what the picture "
                              f"shows (in English: {_short(item.picture.alt)}).")


def _short(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")
