"""`minga import carpentries|markdown FILE`: draft a module from material written for another tool.

A Carpentries Workbench episode gives the title, the minutes (`teaching` + `exercises`), the
objectives, the key points and its callouts (`::: challenge`, `::: solution`, `::: instructor`...),
which become Minga blocks through the table in minga.checks.foreign. Each `## ` section becomes an agenda
block; a challenge's minutes ("(5 min)", "about 10 minutes") make it a timed activity. What cannot
be mapped is left for a person: a line starting with 'TODO:' (which `minga check` reports with its
line until it is done) or the foreign block itself (reported as `foreign-block`).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from minga.content.body import in_code
from minga.checks.foreign import target_of
from minga.content.frontmatter import Source, split
from minga.content.loader import load
from minga.content.project import Project
from minga.cli.scaffold import _quoted, slug_of

RE_DIV_OPEN = re.compile(r"^\s{0,3}(:{3,})\s*\{?\s*\.?([A-Za-z][\w-]*)")
RE_DIV_CLOSE = re.compile(r"^\s{0,3}:{3,}\s*$")
RE_MINUTES = re.compile(r"(?:\((\d{1,3})\s*min(?:utes?)?\)|(?:about|take|takes|for)\s+(\d{1,3})\s*min)", re.I)
RE_IMAGE_ATTRS = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)\{([^}]*)\}")
RE_ALT = re.compile(r"alt\s*=\s*['\"]([^'\"]*)['\"]")
RE_LIQUID = re.compile(r"^\s*\{%.*%\}\s*$")


class ImportError_(Exception):  # noqa: N801 - the builtin ImportError means something else
    """A plain-language reason the file could not be imported."""


@dataclass
class Callout:
    kind: str
    title: str | None
    lines: list[str] = field(default_factory=list)
    children: list["Callout"] = field(default_factory=list)


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)
    minutes_of_activities: list[int] = field(default_factory=list)
    untimed_challenges: int = 0


@dataclass(frozen=True)
class Imported:
    path: Path
    todos: int


def import_episode(project: Project, source: Path, track: str, fmt: str, module_id: str | None = None) -> Imported:
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise ImportError_(f"{source} cannot be read as UTF-8 text ({exc}).") from None
    loaded = load(project)
    if track not in {t.id for t in loaded.curriculum.tracks}:
        raise ImportError_(f"There is no track '{track}': make it first with minga new track --title \"...\" --description \"...\"")
    doc, problems = split(Source(str(source), text.replace("\r\n", "\n")))
    if doc is None:
        raise ImportError_("The episode's front matter cannot be read: " + "; ".join(p.message for p in problems))
    draft = _Draft.read(doc.meta, doc.body, fmt)
    title = draft.title or source.stem.replace("-", " ").strip().capitalize()
    module_id = module_id or slug_of(re.sub(r"^\d+[-_]", "", title)) or slug_of(source.stem)
    if module_id in loaded.curriculum.modules:
        raise ImportError_(f"The id '{module_id}' is already used by {loaded.curriculum.modules[module_id].file}: give another with --id.")
    target = project.docs_dir / track / f"{module_id}.md"
    if target.exists():
        raise ImportError_(f"{project.relative(target)} already exists.")
    _copy_pictures(draft, source.parent, project)
    order = max((m.order for m in loaded.all_modules if m.track == track), default=0) + 1
    text = draft.module_text(module_id, title, track, order, fmt)
    target.write_text(text, encoding="utf-8")
    return Imported(target, sum(1 for line in text.split("\n") if "TODO:" in line))


class _Draft:
    """An episode read into sections, callouts, timings and front matter lists."""

    def __init__(self):
        self.title: str | None = None
        self.teaching: int | None = None
        self.exercises: int | None = None
        self.objectives: list[str] = []
        self.key_messages: list[str] = []
        self.questions: list[str] = []
        self.sections: list[Section] = []
        self.pictures: list[str] = []

    @classmethod
    def read(cls, meta: dict, body: str, fmt: str) -> "_Draft":
        draft = cls()
        draft.title = str(meta.get("title")).strip() if meta.get("title") else None
        for key in ("teaching", "exercises"):
            if isinstance(meta.get(key), int) and not isinstance(meta.get(key), bool):
                setattr(draft, key, meta[key])
        draft._read_body(body, fmt)
        return draft

    # --- Reading ------------------------------------------------------------------------

    def _read_body(self, body: str, fmt: str) -> None:
        lines = _admonitions_to_divs(body.split("\n"))
        stack: list[Callout] = []
        current = Section("Introduction")
        for line, code in zip(lines, in_code(lines)):
            if code:
                self._add(line, stack, current)
                continue
            if fmt == "markdown" and line.startswith("# ") and self.title is None:
                self.title = line[2:].strip()
                continue
            div_open = RE_DIV_OPEN.match(line)
            if div_open:
                callout = Callout(div_open.group(2).lower(), None)
                if stack:
                    stack[-1].children.append(callout)
                stack.append(callout)
                continue
            if RE_DIV_CLOSE.match(line) and stack:
                done = stack.pop()
                if not stack:
                    self._place(done, current)
                continue
            if line.startswith("## ") and not stack:
                if _has_words(current) or current.title != "Introduction":  # an empty introduction is dropped
                    self.sections.append(current)
                current = Section(line[3:].strip().rstrip("#").strip())
                continue
            if RE_LIQUID.match(line):
                continue  # {% include links.md %}: the Workbench's own machinery
            self._add(line, stack, current)
        while stack:  # never closed: keep its words, marked for a person
            done = stack.pop()
            if not stack:
                done.lines.insert(0, "TODO: this block was never closed in the episode; check where it ends.")
                self._place(done, current)
        if _has_words(current) or current.title != "Introduction" or not self.sections:
            self.sections.append(current)

    def _add(self, line: str, stack: list[Callout], section: Section) -> None:
        line = self._picture(line)
        if stack:
            callout = stack[-1]
            heading = re.match(r"^#{2,4}\s+(.*)$", line)
            if heading and callout.title is None and not any(l.strip() for l in callout.lines):
                callout.title = heading.group(1).strip()
                return
            callout.lines.append(line)
        else:
            section.lines.append(line)

    def _picture(self, line: str) -> str:
        """![](fig/x.svg){alt="..."} -> ![...](../assets/images/x.svg): the alt text moves into the brackets."""
        def convert(match: re.Match) -> str:
            alt = match.group(1) or (RE_ALT.search(match.group(3)).group(1) if RE_ALT.search(match.group(3)) else "")
            name = match.group(2).rsplit("/", 1)[-1]
            self.pictures.append(match.group(2))
            return f"![{alt or 'TODO: describe this picture'}](../assets/images/{name})"
        return RE_IMAGE_ATTRS.sub(convert, line)

    def _place(self, callout: Callout, section: Section) -> None:
        """A top-level callout: into the front matter lists, or into the section as Minga blocks."""
        items = [re.sub(r"^\s*[-*]\s+", "", l).strip() for l in callout.lines if re.match(r"^\s*[-*]\s+", l)]
        target = target_of(callout.kind)
        if callout.kind == "objectives" and items:
            self.objectives += items
            return
        if callout.kind == "keypoints" and items:
            self.key_messages += items
            return
        if callout.kind == "questions" and items:
            self.questions += items
            return
        if target is None or target.block is None:
            section.lines += [f"::: {callout.kind}", *callout.lines, ":::"]  # left for a person: foreign-block
            return
        title = callout.title
        minutes = _minutes(" ".join([title or "", *callout.lines]))
        if callout.kind in ("challenge", "exercise"):
            if minutes:
                section.minutes_of_activities.append(minutes)
                title = f"{re.sub(RE_MINUTES, '', title or 'Exercise').strip(' :-')} ({minutes} minutes)"
            else:
                section.untimed_challenges += 1
        section.lines += ["", _opening(target.block, title), *_trim(callout.lines), "///", ""]
        for child in callout.children:
            child_target = target_of(child.kind)
            block = child_target.block if child_target and child_target.block else None
            if block is None:
                section.lines += [f"::: {child.kind}", *child.lines, ":::"]
                continue
            section.lines += [_opening(block, child.title), *_trim(child.lines), "///", ""]

    # --- Writing ------------------------------------------------------------------------

    def agenda(self) -> tuple[int, list[tuple[Section, int, str]]]:
        """(duration, [(section, minutes, mode)]): teaching minutes shared out, exercise minutes where they were timed."""
        sections = self.sections
        teaching = self.teaching if self.teaching is not None else 10 * len(sections)
        exercises = self.exercises or 0
        timed = sum(sum(s.minutes_of_activities) for s in sections)
        leftover = max(exercises - timed, 0)
        untimed = [s for s in sections if s.untimed_challenges] or sections[-1:]
        rows = []
        for index, section in enumerate(sections):
            minutes = teaching // len(sections) + (teaching % len(sections) if index == 0 else 0)
            minutes += sum(section.minutes_of_activities)
            if section in untimed:
                share = leftover // len(untimed) + (leftover % len(untimed) if section is untimed[0] else 0)
                minutes += share
            mode = "small groups" if section.minutes_of_activities or section.untimed_challenges else "plenary"
            rows.append((section, max(minutes, 1), mode))
        return sum(m for _, m, _ in rows), rows

    def module_text(self, module_id: str, title: str, track: str, order: int, fmt: str) -> str:
        duration, rows = self.agenda()
        guessed = self.teaching is None or fmt == "markdown"
        out = ["---", "# Drafted by 'minga import': 'minga check' reports each TODO below until a person finishes it.",
               f"id: {module_id}", f"title: {_quoted(title)}", f"track: {track}", f"order: {order}",
               f"duration_minutes: {duration}", f"audience: {_quoted('TODO: who is this session for?')}",
               "objectives:"]
        out += [f"  - {_quoted(o)}" for o in self.objectives] or [f"  - {_quoted('TODO: what participants will be able to do')}"]
        out += ["materials: []", "agenda:"]
        out += [f"  - {{title: {_quoted(section.title)}, minutes: {minutes}, mode: {mode}}}" for section, minutes, mode in rows]
        out += ["safety:", "  watch_for:", f"    - {_quoted('TODO: what could go wrong for someone in this session')}",
                "  respond:", f"    - {_quoted('TODO: what the facilitator does then')}",
                f"  refer: {_quoted('TODO: when and how to refer, following the safety and referral protocol')}"]
        if self.key_messages:
            out += ["key_messages:"] + [f"  - {_quoted(k)}" for k in self.key_messages]
        if fmt == "carpentries":
            out += ["sources:", f"  - title: {_quoted(title)}", "    author: The Carpentries", "    license: CC-BY-4.0",
                    "license: CC-BY-4.0  # adapted material keeps the episode's licence"]
        out += ["---", ""]
        for index, (section, minutes, _) in enumerate(rows):
            out += [f"## {section.title}", ""]
            if index == 0 and guessed:
                out += ["TODO: check the minutes of each agenda block: the importer shared them out evenly.", ""]
            if index == 0 and self.questions:
                out += ["/// discuss | Questions for this session", *[f"- {q}" for q in self.questions], "///", ""]
            out += _trim(section.lines) + [""]
        return "\n".join(_collapse_blank(out)).rstrip("\n") + "\n"


RE_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+"([^"]*)")?\s*$')


def _admonitions_to_divs(lines: list[str]) -> list[str]:
    """Material's '!!! tip "Title"' and its 4-space-indented lines, written as a fenced div to read as one."""
    out: list[str] = []
    code = in_code(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        found = None if code[index] else RE_ADMONITION.match(line)
        if not found:
            out.append(line)
            index += 1
            continue
        inner, index = [], index + 1
        while index < len(lines) and (not lines[index].strip() or lines[index].startswith("    ")):
            inner.append(lines[index][4:])
            index += 1
        out += [f"::: {found.group(1)}", *([f"### {found.group(2)}"] if found.group(2) else []), *inner, ":::"]
    return out


def _has_words(section: Section) -> bool:
    return any(line.strip() for line in section.lines)


def _opening(block: str, title: str | None) -> str:
    return f"/// {block}" + (f" | {title}" if title else "")


def _minutes(text: str) -> int | None:
    found = RE_MINUTES.search(text)
    return int(found.group(1) or found.group(2)) if found else None


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _collapse_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line.rstrip())
    return out


def _copy_pictures(draft: _Draft, folder: Path, project: Project) -> None:
    """Pictures next to the episode (fig/x.svg) are copied to curriculum/assets/images/ (the check then reads them)."""
    images = project.docs_dir / "assets" / "images"
    for reference in draft.pictures:
        found = (folder / reference).resolve()
        if found.is_file() and found.is_relative_to(folder.resolve().parent):
            images.mkdir(parents=True, exist_ok=True)
            if not (images / found.name).exists():
                shutil.copyfile(found, images / found.name)

