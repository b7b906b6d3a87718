"""Building one language at a time, and putting the languages' sites back together.

A large curriculum can be built in parallel, one CI job per language (`minga build --lang es`),
then combined (`minga combine`). A one-language build writes that language's pages under
<lang>/ (the default language at the root) and its PDFs under pdf/<lang>/; the language
switcher still lists every language, since the combined site has them all.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

ENV_BUILD_LANGS = "MINGA_BUILD_LANGS"  # set by `minga build --lang`, read by the MkDocs hooks


def wanted_languages() -> list[str] | None:
    """The languages `minga build --lang` asked for, or None for every language."""
    value = os.environ.get(ENV_BUILD_LANGS, "").strip()
    return [code for code in value.split(",") if code] or None


def limit_i18n_languages(i18n, wanted: list[str]) -> None:
    """Make mkdocs-static-i18n build the wanted languages only; its first build is the first wanted one.

    Called before i18n's own on_config (whose first build is otherwise always the default
    language).
    """
    if i18n.current_language is None:
        default = next(lang.locale for lang in i18n.config.languages if lang.default)
        i18n.current_language = default if default in wanted else wanted[0]


def skip_unwanted(i18n, wanted: list[str]) -> None:
    """Before i18n loops over the other languages: build only the wanted ones. The language
    switcher, made earlier from every language, keeps them all."""
    for lang in i18n.config.languages:
        if lang.locale not in wanted:
            lang.build = False


def combine(shards: list[Path], out: Path, default_lang: str, root: Path) -> None:
    """One site from one-language builds: the default language's build is the base (root pages,
    assets, search of the default language); every other build gives its <lang>/ and pdf/<lang>/."""
    base = next((s for s in shards if (s / "index.html").is_file()), None)
    if base is None:
        raise ValueError(f"no build of the default language ({default_lang}) among {', '.join(map(str, shards))}")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(base, out)
    manifest = _manifest(base)
    for shard in shards:
        if shard == base:
            continue
        for folder in sorted(p for p in shard.iterdir() if p.is_dir() and (p / "index.html").is_file()):
            shutil.copytree(folder, out / folder.name, dirs_exist_ok=True)
        pdfs = shard / "pdf"
        for folder in sorted(p for p in pdfs.iterdir() if p.is_dir()) if pdfs.is_dir() else ():
            shutil.copytree(folder, out / "pdf" / folder.name, dirs_exist_ok=True)
        manifest.update(_manifest(shard))
    if manifest:
        (out / "pdf" / "index.json").write_text(json.dumps(dict(sorted(manifest.items())), indent=1), encoding="utf-8")
    from minga.web.catalog import catalog_json
    from minga.content.loader import load
    from minga.content.project import load_project

    curriculum = load(load_project(root)).curriculum
    (out / "catalog.json").write_text(catalog_json(curriculum, manifest), encoding="utf-8")


def _manifest(site: Path) -> dict:
    path = site / "pdf" / "index.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


def main(argv: list[str] | None = None) -> int:
    """`python -m minga.cli.shards languages`: the language codes of mkdocs.yml as a JSON list (for a CI matrix)."""
    from minga.content.project import load_project

    args = argv if argv is not None else sys.argv[1:]
    if args != ["languages"]:
        print("usage: python -m minga.cli.shards languages", file=sys.stderr)
        return 2
    codes = list(load_project().language_codes)
    bad = [code for code in codes if not LANGUAGE_CODE.match(code)]
    if bad:
        print(f"mkdocs.yml: language codes must look like 'es' or 'pt-BR': {', '.join(bad)}", file=sys.stderr)
        return 1
    print(json.dumps(codes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
