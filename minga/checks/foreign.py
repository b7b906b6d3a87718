"""Blocks of other tools, and the Minga block or front matter key that holds the same thing.

Material copied from The Carpentries, Pandoc or Quarto (`::: challenge`) or from Material for
MkDocs (`!!! note`) carries block marks that Python-Markdown shows as plain text. The checker
names the Minga block to use instead (rules.check_no_foreign_blocks) and the importer
(minga.cli.importer) converts them with the same table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """Where the content of a foreign block goes in Minga."""

    block: str | None = None  # a '///' block type
    key: str | None = None  # or a front matter key (a list), the block then disappears from the body
    why: str = ""  # a few words on when this choice fits


FOREIGN_BLOCKS: dict[str, Target] = {
    # The Carpentries Workbench (sandpaper) and Pandoc fenced divs
    "challenge": Target("steps", why="an exercise for the group"),
    "exercise": Target("steps", why="an exercise for the group"),
    "checklist": Target("steps"),
    "solution": Target("answer", why="shown when opened on the web, printed in the guide"),
    "hint": Target("answer", why="shown when opened on the web, printed in the guide"),
    "spoiler": Target("answer", why="shown when opened on the web, printed in the guide"),
    "instructor": Target("note", why="for the facilitator only"),
    "callout": Target("aside", why="background for everyone"),
    "testimonial": Target("aside", why="background for everyone"),
    "prereq": Target("aside", why="background for everyone"),
    "discussion": Target("discuss"),
    "questions": Target("discuss"),
    "caution": Target("safety"),
    "objectives": Target(key="objectives"),
    "keypoints": Target(key="key_messages"),
    # Material for MkDocs admonitions ('!!! type' and collapsible '??? type')
    "note": Target("aside", why="background for everyone; '/// note' is for the facilitator only"),
    "abstract": Target("aside"), "summary": Target("aside"), "tldr": Target("aside"), "info": Target("aside"),
    "todo": Target("aside"), "tip": Target("aside"), "important": Target("aside"), "success": Target("aside"),
    "check": Target("aside"), "done": Target("aside"), "failure": Target("aside"), "fail": Target("aside"),
    "missing": Target("aside"), "bug": Target("aside"), "quote": Target("aside"), "cite": Target("aside"),
    "question": Target("discuss"), "help": Target("discuss"), "faq": Target("discuss"),
    "warning": Target("safety"), "attention": Target("safety"), "danger": Target("safety"), "error": Target("safety"),
    "example": Target("steps"),
}


def target_of(name: str) -> Target | None:
    return FOREIGN_BLOCKS.get(name.lower())


def describe_tool(fence: str) -> str:
    return "a Material for MkDocs admonition" if fence.startswith(("!", "?")) else "a Pandoc/Carpentries block"
