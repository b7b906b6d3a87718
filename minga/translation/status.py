"""Translation status of every module and page in every language: for the catalog, the
status pages, the page notices and `minga status`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from minga.translation import translation
from minga.content.gitinfo import git
from minga.content.model import Curriculum, Module, Page


@dataclass(frozen=True)
class Row:
    src_uri: str
    title: str
    status: str  # source | current | outdated | draft | missing
    reviewed: bool  # a reviewer had approved it (matters when it is now outdated)
    file: str  # the translation's file, or the source's when missing
    last_change: str  # YYYY-MM-DD of the last commit touching `file`, or ""


def status_of(curriculum: Curriculum, src_uri: str, lang: str) -> str:
    if lang == curriculum.default_language.code:
        return "source"
    item = curriculum.translations.get(src_uri, {}).get(lang)
    return translation.status(item.translation if item else None, item is not None)


def print_share(curriculum: Curriculum, guide, lang: str) -> dict:
    """How much of a printed guide is in `lang`: its sessions and pages, how many are translated,
    how many of those are drafts (or behind their source), for the cover and catalog.json."""
    uris = [curriculum.modules[m].src_uri for m in guide.modules if m in curriculum.modules]
    sessions = [status_of(curriculum, uri, lang) for uri in uris]
    pages = [status_of(curriculum, uri, lang) for uri in (*guide.front_matter, *guide.back_matter) if uri in curriculum.pages]
    return _share(sessions, pages)


def item_share(curriculum: Curriculum, src_uri: str, lang: str) -> dict:
    """The same measure for one module's handout or one form."""
    return _share([status_of(curriculum, src_uri, lang)], [])


def _share(sessions: list[str], pages: list[str]) -> dict:
    every = sessions + pages
    translated = [s for s in every if s != "missing"]
    return {
        "sessions": len(sessions),
        "sessions_in_english": sum(1 for s in sessions if s == "missing"),
        "translated": round(len(translated) / len(every), 3) if every else 1.0,
        "unreviewed": sum(1 for s in every if s in ("draft", "outdated")),
        "in_english": sum(1 for s in every if s == "missing"),
    }


def rows(curriculum: Curriculum, lang: str) -> dict[str, list[Row]]:
    """Rows by track id, plus '' for the other pages, in site order."""
    dates = last_changes(curriculum.root)
    out: dict[str, list[Row]] = {}
    for track in curriculum.tracks:
        items: list[Module | Page] = []
        if f"{track.id}/index.md" in curriculum.pages:
            items.append(curriculum.pages[f"{track.id}/index.md"])
        items += curriculum.modules_of(track.id)
        out[track.id] = [_row(curriculum, item, lang, dates) for item in items]
    others = [p for uri, p in sorted(curriculum.pages.items()) if p.track is None]
    out[""] = [_row(curriculum, page, lang, dates) for page in others]
    return out


def _row(curriculum: Curriculum, item: Module | Page, lang: str, dates: dict[str, str]) -> Row:
    shown = curriculum.in_language(item, lang)
    info = shown.translation if shown is not item else None
    return Row(item.src_uri, shown.title or item.src_uri, status_of(curriculum, item.src_uri, lang),
               bool(info and info.status == "reviewed"), shown.file, dates.get(shown.file, ""))


def progress(curriculum: Curriculum, lang: str) -> dict[str, int]:
    counts = {"current": 0, "draft": 0, "outdated": 0, "missing": 0, "source": 0}
    for group in rows(curriculum, lang).values():
        for row in group:
            counts[row.status] += 1
    counts["total"] = sum(v for k, v in counts.items() if k != "total")
    return counts


def outdated_reviewed(curriculum: Curriculum) -> list[tuple[str, Row]]:
    """Reviewed translations whose source has changed since: a safety problem if left."""
    found = []
    for lang in curriculum.languages:
        if lang.default:
            continue
        for group in rows(curriculum, lang.code).values():
            found += [(lang.code, row) for row in group if row.status == "outdated" and row.reviewed]
    return found


@lru_cache(maxsize=4)
def last_changes(root: Path) -> dict[str, str]:
    """Date of the last commit of every file, from one `git log` (empty outside a git checkout)."""
    log = git(root, "log", "--format=@%cs", "--name-only", "--no-renames")
    if log is None:
        return {}
    dates: dict[str, str] = {}
    current = ""
    for line in log.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line and line not in dates:
            dates[line] = current
    return dates


def format_table(curriculum: Curriculum, lang: str) -> str:
    """The status of one language as plain text, for a terminal."""
    lines = []
    counts = progress(curriculum, lang)
    done = counts["current"]
    lines.append(f"{lang}: {done} of {counts['total']} up to date · {counts['draft']} draft · "
                 f"{counts['outdated']} outdated · {counts['missing']} not translated")
    for track_id, group in rows(curriculum, lang).items():
        track = curriculum.track(track_id) if track_id else None
        lines.append(f"\n  {track.title if track else 'Other pages'}")
        for row in group:
            flag = " (was reviewed)" if row.status == "outdated" and row.reviewed else ""
            lines.append(f"    {row.status:<9} {row.last_change or '—':<10}  {row.src_uri}{flag}")
    return "\n".join(lines)
