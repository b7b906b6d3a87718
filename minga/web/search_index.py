"""One search index per language.

mkdocs-static-i18n merges every language into one index (ultrabug/mkdocs-static-i18n#98),
so a Spanish reader would get English results. We split it: each language's pages get
their own index under <lang>/search/, with locations relative to that folder, and the
lunr language settings of that language.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from minga.checks.html_policy import sanitize
from minga.content.model import Language

# lunr-languages that Material ships stemmers for; other languages search without stemming.
LUNR_LANGUAGES = {"ar", "da", "de", "du", "es", "fi", "fr", "hi", "hu", "it", "ja", "jp", "ko", "nl", "no",
                  "pt", "ro", "ru", "sv", "ta", "te", "th", "tr", "vi", "zh"}


def split_search_index(site: Path, languages: tuple[Language, ...], translated: dict[str, set[str]],
                       theme_dirs: tuple[Path, ...] = (), english_label=None) -> dict[str, int]:
    """Rewrite site/search/search_index.json for the default language and write one per other language.

    `translated` holds, per language, the site URLs of pages that exist in that language. A
    fallback page (English text under /es/) stays in the Spanish index, so that everything can
    be found, and its results say they are in English (`english_label(lang)` words it).
    """
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    others = {lang.code for lang in languages if not lang.default}
    by_lang: dict[str, list[dict]] = {lang.code: [] for lang in languages}
    default = next(lang.code for lang in languages if lang.default)
    for doc in merged["docs"]:
        # Material shows titles and text of results as HTML: only allowlisted HTML goes in.
        doc = dict(doc, title=sanitize(str(doc.get("title", ""))), text=sanitize(str(doc.get("text", ""))))
        first = doc["location"].split("/", 1)[0]
        if first in others:
            # mkdocs-static-i18n already dropped fallback pages (copies of the English entries).
            if doc["location"].split("#", 1)[0] in translated.get(first, set()):
                by_lang[first].append(dict(doc, location=doc["location"][len(first) + 1:]))
        else:
            by_lang[default].append(doc)
    for code in others:
        by_lang[code] += _fallback_entries(by_lang[default], code, translated.get(code, set()),
                                           english_label(code) if english_label else "English")
    counts = {}
    for code, docs in by_lang.items():
        folder = site / "search" if code == default else site / code / "search"
        folder.mkdir(parents=True, exist_ok=True)
        index = {"config": _config(merged["config"], code, theme_dirs), "docs": docs}
        (folder / "search_index.json").write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[code] = len(docs)
    return counts


def _fallback_entries(english: list[dict], code: str, translated: set[str], label: str) -> list[dict]:
    """The English entries of pages not translated into `code`: the reader finds them too, at the
    page's address in their language (which shows it in English with a notice), marked as English."""
    entries = []
    for doc in english:
        if f"{code}/{doc['location'].split('#', 1)[0]}" in translated:
            continue
        entries.append(dict(doc, title=f'{doc["title"]} <small>· {escape(label)}</small>'))
    return entries


def _config(config: dict, code: str, theme_dirs: tuple[Path, ...] = ()) -> dict:
    config = dict(config)
    if code == "en":
        config["lang"] = ["en"]
    elif code in LUNR_LANGUAGES:
        config["lang"] = [code]
    else:
        # No lunr stemmer for this language (e.g. Swahili): English stemming would mangle
        # words, so search on whole words only.
        config["lang"] = ["en"]
        config["pipeline"] = ["trimmer"]
    # Material's own per-language choices win (e.g. Arabic: no English trimmer, which would
    # strip every Arabic letter as "non-word" and leave empty queries).
    for key, value in _theme_search_settings(code, theme_dirs).items():
        config[key] = value
    return config


def _theme_search_settings(code: str, theme_dirs: tuple[Path, ...]) -> dict:
    """search.config.* from the theme's partials/languages/<code>.html (ours first, then Material's)."""
    import re

    for folder in theme_dirs:
        path = folder / "partials" / "languages" / f"{code}.html"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found = dict(re.findall(r'"search\.config\.(pipeline|separator)":\s*"((?:[^"\\]|\\.)*)"', text))
            settings = {}
            if "pipeline" in found:
                settings["pipeline"] = [name.strip() for name in found["pipeline"].split(",") if name.strip()]
            if "separator" in found:
                settings["separator"] = found["separator"].encode().decode("unicode_escape")
            return settings
    return {}
