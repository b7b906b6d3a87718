"""Where each page lands on the site (MkDocs' use_directory_urls layout, i18n suffix structure)."""

from __future__ import annotations


def page_url(src_uri: str, lang: str, default_lang: str) -> str:
    """Site-root-relative URL of a page: 'act/being-present/', 'es/act/being-present/'."""
    path = src_uri[: -len(".md")]
    if path == "index":
        path = ""
    elif path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    prefix = "" if lang == default_lang else f"{lang}/"
    return prefix + path
