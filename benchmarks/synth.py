"""Synthetic curricula shaped like ours, for the benchmarks: any number of sessions, 1 to 6 languages.

Every session is a copy of one of our real sessions (its real front matter, body, handouts and
translations), renamed: copy `c` of `being-present` is `being-present-c<c>` in track `act-<b>`,
where a synthetic track holds BUNDLE copies of one of our tracks (about 20 sessions, like a real
track). Links between sessions follow the copies; translations are re-stamped so they stay
current. Each synthetic track gets its track page, its translated titles and a guide per language.

Languages: 1 = en; 3 = en, es, ar; 6 = en, es, ar, sw, fr, pt. Our curriculum has no French or
Portuguese, so fr and pt are copies of the Spanish text, and their interface strings are copies of
minga/web/locales/es.yml in a copy of the minga package (`package_dir`, put first on PYTHONPATH).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = 4  # copies of one of our tracks per synthetic track: 32, 20, 12, 16, 16 sessions
LANGUAGE_SETS = {1: ("en",), 3: ("en", "es", "ar"), 4: ("en", "es", "ar", "sw"), 6: ("en", "es", "ar", "sw", "fr", "pt")}
BORROWED = {"fr": ("es", "Français"), "pt": ("es", "Português")}  # synthetic language: (copied from, name)
NAMES = {"en": "English", "es": "Español", "ar": "العربية", "sw": "Kiswahili", **{k: v[1] for k, v in BORROWED.items()}}


@dataclass(frozen=True)
class Synthetic:
    project: Path  # the project folder (mkdocs.yml, curriculum/, ...)
    package_dir: Path | None  # put first on PYTHONPATH when a synthetic language needs its locale
    sessions: int
    langs: tuple[str, ...]

    def env(self, base: dict) -> dict:
        env = dict(base, NO_MKDOCS_2_WARNING="1")
        if self.package_dir:
            env["PYTHONPATH"] = str(self.package_dir) + (":" + base["PYTHONPATH"] if base.get("PYTHONPATH") else "")
        return env


def make(target: Path, sessions: int, languages: int) -> Synthetic:
    """A project in `target`/project with `sessions` sessions in `languages` languages."""
    import sys

    sys.path.insert(0, str(ROOT))
    from minga.checks.checking import check_project

    langs = LANGUAGE_SETS[languages]
    loaded, _ = check_project(ROOT)
    base = loaded.curriculum
    order = [m for t in base.tracks for m in base.modules_of(t.id)]
    if sessions < len(order):
        raise ValueError(f"at least {len(order)} sessions (the bundled curriculum is the first copy)")
    project = target / "project"
    shutil.rmtree(target, ignore_errors=True)
    _copy_base(project, langs)
    tracks: dict[str, tuple[str, int]] = {}  # synthetic track id -> (base track id, bundle)
    copies = [(c, m) for c in range(1, sessions) for m in order][: sessions - len(order)]
    for c, module in copies:
        bundle = (c - 1) // BUNDLE + 1
        tracks.setdefault(f"{module.track}-{bundle}", (module.track, bundle))
    present = {(c, m.id) for c, m in copies}
    for c, module in copies:
        _write_copy(project, module, c, present, langs)
    for track, (base_track, bundle) in tracks.items():
        _write_track(project, track, base_track, bundle, langs, [(c, m) for c, m in copies if m.track == base_track
                                                                  and (c - 1) // BUNDLE + 1 == bundle])
    _write_config(project, list(tracks), langs)
    package = _package(target, langs)
    return Synthetic(project, package, sessions, langs)


def _copy_base(project: Path, langs: tuple[str, ...]) -> None:
    """Our project with only the chosen languages (fr and pt copied from Spanish)."""
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "hooks", project / "hooks")
    shutil.copy2(ROOT / "build_pdf.py", project / "build_pdf.py")
    for folder in ("curriculum", "facilitator_guides"):
        for source in sorted((ROOT / folder).rglob("*")):
            if not source.is_file():
                continue
            rel = source.relative_to(ROOT)
            lang = _lang_of(source.name)
            if lang != "en" and lang not in langs:
                continue
            _copy(source, project / rel)
            for synthetic, (origin, _) in BORROWED.items():
                if lang == origin and synthetic in langs:
                    _copy(source, project / rel.with_name(source.name.replace(f".{origin}.", f".{synthetic}.")))


def _lang_of(name: str) -> str:
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in NAMES else "en"


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def _variants(path: Path, langs: tuple[str, ...]) -> list[tuple[str, Path]]:
    """(lang, file) of a source file and its translations, e.g. x.md, x.es.md."""
    out = []
    for lang in langs:
        origin = BORROWED.get(lang, (lang,))[0]
        file = path if lang == "en" else path.with_name(f"{path.stem}.{origin}.md")
        if file.is_file():
            out.append((lang, file))
    return out


def _write_copy(project: Path, module, c: int, present: set, langs: tuple[str, ...]) -> None:
    bundle = (c - 1) // BUNDLE + 1
    track = f"{module.track}-{bundle}"
    folder = project / "curriculum" / track
    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / module.file
    for lang, file in _variants(source, langs):
        text = file.read_text(encoding="utf-8")
        text = _retitle(text, f" {c}")
        text = _relink(text, module.track, c, bundle, present)
        if lang == "en":
            text = re.sub(r"^id: .*$", f"id: {module.id}-c{c}", text, count=1, flags=re.M)
            text = re.sub(r"^track: .*$", f"track: {track}", text, count=1, flags=re.M)
            text = re.sub(r"^order: (\d+)$", lambda m: f"order: {((c - 1) % BUNDLE) * 100 + int(m.group(1))}", text,
                          count=1, flags=re.M)
            text = re.sub(r"^prerequisites: \[(.*)\]$", lambda m: _prerequisites(m.group(1), c, present), text, count=1, flags=re.M)
        name = f"{module.id}-c{c}.md" if lang == "en" else f"{module.id}-c{c}.{lang}.md"
        (folder / name).write_text(text, encoding="utf-8")
    for lang, _ in _variants(source, langs):
        if lang != "en":
            _restamp(folder / f"{module.id}-c{c}.{lang}.md", folder / f"{module.id}-c{c}.md", "module")


def _retitle(text: str, suffix: str) -> str:
    def add(match: re.Match) -> str:
        value = match.group(1)
        if value[:1] in "\"'" and value[-1:] == value[:1]:
            return f"title: {value[:-1]}{suffix}{value[-1]}"
        return f"title: {value}{suffix}"

    return re.sub(r"^title: (.*)$", add, text, count=1, flags=re.M)


def _prerequisites(ids: str, c: int, present: set) -> str:
    kept = [f"{i.strip()}-c{c}" for i in ids.split(",") if (c, i.strip()) in present]
    return f"prerequisites: [{', '.join(kept)}]"


_LINK = re.compile(r"\]\((?:\.\./([a-z-]+)/)?([a-z0-9-]+)\.md(#[^)]*)?\)")


def _relink(text: str, track: str, c: int, bundle: int, present: set) -> str:
    """Links to another session follow the copies; a link to a session not copied goes to the safety protocol."""

    def fix(match: re.Match) -> str:
        folder, name, anchor = match.group(1), match.group(2), match.group(3) or ""
        if folder is None and (c, name) not in present:
            return match.group(0) if name == "index" else "](../safety-protocol.md)"
        if folder is None:
            return f"]({name}-c{c}.md{anchor})"
        if name == "index":
            return f"](../{folder}-{bundle}/index.md)"
        if (c, name) in present:
            return f"](../{folder}-{bundle}/{name}-c{c}.md{anchor})"
        return match.group(0) if not _is_module_folder(folder) else "](../safety-protocol.md)"

    return _LINK.sub(fix, text)


def _is_module_folder(folder: str) -> bool:
    return (ROOT / "curriculum" / folder / "index.md").is_file()


def _restamp(translated: Path, source: Path, kind: str) -> None:
    """Record the source hash of the copied source, so the copied translation is current."""
    from minga.translation import translation
    from minga.content.frontmatter import read_document

    doc, _ = read_document(source, source.name)
    words = translation.MODULE_WORDS if kind == "module" else translation.PAGE_WORDS
    text = translated.read_text(encoding="utf-8")
    text = re.sub(r"^(  source_hash: )[0-9a-f]+$", lambda m: m.group(1) + translation.source_hash(doc, words), text,
                  count=1, flags=re.M)
    translated.write_text(text, encoding="utf-8")


def _write_track(project: Path, track: str, base_track: str, bundle: int, langs: tuple[str, ...], copies: list) -> None:
    folder = project / "curriculum" / track
    for lang, file in _variants(ROOT / "curriculum" / base_track / "index.md", langs):
        text = _relink(_retitle(file.read_text(encoding="utf-8"), f" {bundle}"), base_track, 0, bundle, set())
        (folder / ("index.md" if lang == "en" else f"index.{lang}.md")).write_text(text, encoding="utf-8")
    for lang, _ in _variants(ROOT / "curriculum" / base_track / "index.md", langs):
        if lang != "en":
            _restamp(folder / f"index.{lang}.md", folder / "index.md", "page")
    for lang in langs:
        origin = BORROWED.get(lang, (lang,))[0]
        data = project / "curriculum" / "_data" / ("tracks.yml" if lang == "en" else f"tracks.{lang}.yml")
        source = ROOT / "curriculum" / "_data" / ("tracks.yml" if origin == "en" else f"tracks.{origin}.yml")
        entry = _track_entry(source.read_text(encoding="utf-8"), base_track)
        entry = re.sub(r"^- id: .*$", f"- id: {track}", entry, count=1, flags=re.M)
        entry = re.sub(r"^  title: (.*)$", lambda m: _retitle("title: " + m.group(1), f" {bundle}").replace("title:", "  title:", 1),
                       entry, count=1, flags=re.M)
        with data.open("a", encoding="utf-8") as out:
            out.write("\n" + entry)
        guide_source = ROOT / "facilitator_guides" / (f"{base_track}.yml" if origin == "en" else f"{base_track}.{origin}.yml")
        text = _retitle(guide_source.read_text(encoding="utf-8"), f" {bundle}")
        if lang == "en":
            text = re.sub(r"^modules: .*$", "modules: [" + ", ".join(f"{m.id}-c{c}" for c, m in copies) + "]", text,
                          count=1, flags=re.M)
        name = f"{track}.yml" if lang == "en" else f"{track}.{lang}.yml"
        (project / "facilitator_guides" / name).write_text(text, encoding="utf-8")


def _track_entry(text: str, track: str) -> str:
    blocks = re.split(r"(?m)^(?=- id: )", text)
    return next(b for b in blocks if b.startswith(f"- id: {track}\n")).rstrip("\n") + "\n"


def _write_config(project: Path, tracks: list[str], langs: tuple[str, ...]) -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = text.index("      languages:\n"), text.index("\n# Validation")
    entries = []
    for lang in langs:
        entry = f"        - locale: {lang}\n          name: {NAMES[lang]}\n          build: true\n"
        if lang == "en":
            entry = entry.replace("build: true", "default: true\n          build: true")
        else:
            origin = BORROWED.get(lang, (lang,))[0]
            title = re.search(rf"- locale: {origin}\n(?:.*\n)*?            Running a program: (.*)\n", text).group(1)
            entry += f"          nav_translations:\n            Running a program: {title}\n"
        entries.append(entry)
    text = text[:start] + "      languages:\n" + "".join(entries) + text[end:]
    anchor = "  - gender-equity/index.md\n"
    text = text.replace(anchor, anchor + "".join(f"  - {t}/index.md\n" for t in tracks), 1)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def _package(target: Path, langs: tuple[str, ...]) -> Path | None:
    """A copy of the minga package with the interface strings of the synthetic languages."""
    borrowed = [lang for lang in langs if lang in BORROWED]
    if not borrowed:
        return None
    package = target / "package"
    shutil.copytree(ROOT / "minga", package / "minga", ignore=shutil.ignore_patterns("__pycache__"))
    locales = Path("minga") / "web" / "locales"
    for lang in borrowed:
        shutil.copy2(ROOT / locales / f"{BORROWED[lang][0]}.yml", package / locales / f"{lang}.yml")
    return package


def plain_config(synthetic: Synthetic) -> Path:
    """mkdocs.plain.yml: the same content, theme, features, Markdown and i18n, with none of our hooks,
    templates or Markdown extensions, and the nav our hooks would make written out (every track with
    its sessions)."""
    import sys

    import yaml

    sys.path.insert(0, str(ROOT))
    from minga.checks.checking import check_project

    loaded, _ = check_project(synthetic.project)
    curriculum = loaded.curriculum
    text = (synthetic.project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^hooks:\n  - hooks/minga_hooks.py\n", "", text)
    # Our Markdown extensions too (figures, the glossary walk): the baseline runs none of our code.
    text = re.sub(r"(?m)^  - minga\..*\n", "", text)
    # Material has no Swahili: only the language partial our overrides add for it is kept.
    plain_theme = synthetic.project / "overrides-plain" / "partials"
    shutil.copytree(synthetic.project / "overrides" / "partials" / "languages", plain_theme / "languages", dirs_exist_ok=True)
    text = text.replace("  custom_dir: overrides\n", "  custom_dir: overrides-plain\n")
    # The menu our hooks make from the content (tracks.yml, nav_order), written out for plain MkDocs.
    from minga.web.nav import expand_nav
    from minga.web.site_nav import build_nav

    def plain(entry):  # section titles are escaped Markup for our templates: plain text for YAML
        if isinstance(entry, dict):
            return {str(key): plain(value) for key, value in entry.items()}
        return [plain(item) for item in entry] if isinstance(entry, list) else str(entry)

    nav = plain(expand_nav(build_nav(curriculum), curriculum))
    text = text.rstrip("\n") + "\n\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    path = synthetic.project / "mkdocs.plain.yml"
    path.write_text(text, encoding="utf-8")
    return path
