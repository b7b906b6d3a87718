"""Timed activities inside a section: a block whose title ends with its minutes, '(10 minutes)'.

A section (the '## ' heading of an agenda block) may hold several activities, each timed in its
block title: '/// steps | Pair exercise (10 minutes)'. Their minutes must fit the minutes the
agenda gives that section. The minutes word may be in any of our languages; the number is what counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from minga.content.body import BodyStructure, Heading
from minga.content.model import Module
from minga.checks.problems import Problem

# '(10 minutes)', '(10 min)', '(10 minutos)', '(dakika 10)', '(10 دقائق)'
MINUTE_WORDS = r"(?:min(?:ute)?s?|minutos?|dakika|دقائق|دقيقة|د)"
RE_TIMED = re.compile(r"\(\s*(?:(\d{1,3})\s*" + MINUTE_WORDS + r"|" + MINUTE_WORDS + r"\s*(\d{1,3}))\s*\.?\)\s*$", re.I)


@dataclass(frozen=True)
class Activity:
    title: str
    minutes: int
    line: int


def activity_minutes(title: str | None) -> int | None:
    """The minutes a block title gives its activity, or None when it gives none."""
    found = RE_TIMED.search(title or "")
    if not found:
        return None
    return int(found.group(1) or found.group(2))


def activities_by_section(structure: BodyStructure) -> dict[str, list[Activity]]:
    """Timed activities, by the text of the '## ' section that holds them."""
    sections: list[Heading] = [h for h in structure.headings if h.level == 2]
    out: dict[str, list[Activity]] = {}
    for block in structure.blocks:
        minutes = activity_minutes(block.title)
        if minutes is None:
            continue
        owner = next((h for h in reversed(sections) if h.line < block.line), None)
        if owner is not None:
            out.setdefault(owner.text, []).append(Activity(block.title or "", minutes, block.line))
    return out


def check_activities_fit_their_section(module: Module, structure: BodyStructure | None, loaded) -> Iterable[Problem]:
    if structure is None:
        return
    timed = activities_by_section(structure)
    for block in module.agenda:
        activities = timed.get(block.title, [])
        total = sum(a.minutes for a in activities)
        if total > block.minutes:
            parts = " + ".join(str(a.minutes) for a in activities)
            yield Problem(module.file, activities[-1].line, "activity-time",
                          f"The timed activities in '## {block.title}' add up to {total} minutes ({parts}), "
                          f"but its agenda block has {block.minutes}.",
                          f"Shorten the activities to {block.minutes} minutes in all, or give the agenda block "
                          f"{total} minutes (and change duration_minutes to match).")
