"""Read the structure of a Markdown body: headings, blocks, links, images and raw HTML.

This is not a second Markdown parser: it only finds the marks our rules check, with
their line numbers, skipping fenced code. Rendering is left to Python-Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pymdownx.slugs import slugify as _pymdownx_slugify

# The same slug function mkdocs.yml gives the toc extension, so anchors agree.
_slugify = _pymdownx_slugify(case="lower")

RE_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
RE_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
RE_HEADING_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
RE_BLOCK_START = re.compile(r"^\s{0,3}(/{3,})\s*([\w-]+)\s*(?:\|\s*(.*?)\s*)?$")
RE_BLOCK_END = re.compile(r"^\s{0,3}(/{3,})\s*$")
# Blocks of other tools, which Python-Markdown shows as plain text (rows of colons...):
# Pandoc / Carpentries fenced divs ('::: challenge', '::: {.callout}') and Material admonitions
# ('!!! note', '??? tip'). Only opening lines carry a name; closing ':::' lines are left alone.
RE_FOREIGN_DIV = re.compile(r"^\s{0,3}(:{3,})\s*\{?\s*\.?([A-Za-z][\w-]{0,40})")
RE_FOREIGN_ADMONITION = re.compile(r"^\s{0,3}(!!!|\?\?\?\+?)\s+([A-Za-z][\w-]{0,40})")
RE_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](target "title") and ![alt](target "title"); nested brackets are rare in our content.
# Quantifiers are bounded so that checking stays linear in the length of a line (an unbounded
# one retries from every '[' to the end of the line: minutes for one long hostile line).
RE_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\]\n]{0,80}\]){0,200})\]\(\s*<?([^)\s>]{0,2000})>?(?:\s+[\"'][^\"']{0,300}[\"'])?\s*\)")
RE_REF_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
RE_HTML_COMMENT = re.compile(r"<!--(.{0,200}?)-->")
RE_ATTR_LIST = re.compile(r"\{:?\s*([^{}]*=[^{}]*)\}")  # attr_list with key=value pairs
RE_INLINE_MARKS = re.compile(r"[*_`]+|\[([^\]]{0,200})\]\([^)]{0,2000}\)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass(frozen=True)
class Block:
    name: str
    title: str | None
    line: int
    fence: str


@dataclass(frozen=True)
class Link:
    target: str
    text: str
    line: int
    is_image: bool


@dataclass(frozen=True)
class Comment:
    text: str
    line: int


@dataclass
class BodyStructure:
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    unclosed: list[Block] = field(default_factory=list)
    stray_ends: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    attributes: list[Comment] = field(default_factory=list)  # '{key=value}' attribute lists
    foreign: list[Block] = field(default_factory=list)  # '::: name' and '!!! name' blocks of other tools

    @property
    def anchors(self) -> set[str]:
        return {h.anchor for h in self.headings}


def in_code(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included): text there is an example."""
    out, fence = [], None
    for line in lines:
        opening = RE_FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(True)
        elif opening:
            fence = opening.group(1)
            out.append(True)
        else:
            out.append(False)
    return out


def heading_text(raw: str) -> str:
    """Heading text as the reader sees it: without {#id} attributes and inline marks."""
    raw = RE_HEADING_ID.sub("", raw)
    return RE_INLINE_MARKS.sub(lambda m: m.group(1) or "", raw).strip()


def slug(text: str) -> str:
    return _slugify(text, "-")


def scan(body: str, first_line: int) -> BodyStructure:
    """Find headings, blocks, links, images and HTML in `body` (whose first line is `first_line`)."""
    found = BodyStructure()
    stack: list[Block] = []
    fence: str | None = None
    seen_slugs: dict[str, int] = {}
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        fence_match = RE_FENCE.match(line)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        if len(line) > 2000:
            continue  # refused as too long (rendered_rules); not worth scanning
        if _scan_block_line(line, number, stack, found):
            continue
        foreign = RE_FOREIGN_DIV.match(line) or RE_FOREIGN_ADMONITION.match(line)
        if foreign:
            found.foreign.append(Block(foreign.group(2).lower(), None, number, foreign.group(1)))
            continue
        heading = RE_HEADING.match(line)
        if heading:
            found.headings.append(_heading(heading, number, seen_slugs))
        _scan_inline(RE_CODE_SPAN.sub("", line), number, found)
    found.unclosed.extend(stack)
    return found


def _scan_block_line(line: str, number: int, stack: list[Block], found: BodyStructure) -> bool:
    end = RE_BLOCK_END.match(line)
    if end:
        fence = end.group(1)
        # A closing fence closes the innermost open block with the same fence length.
        for index in range(len(stack) - 1, -1, -1):
            if stack[index].fence == fence:
                del stack[index:]
                return True
        found.stray_ends.append(number)
        return True
    start = RE_BLOCK_START.match(line)
    if start:
        block = Block(start.group(2), start.group(3) or None, number, start.group(1))
        found.blocks.append(block)
        stack.append(block)
        return True
    return False


def _heading(match: re.Match, number: int, seen: dict[str, int]) -> Heading:
    raw = match.group(2)
    explicit = RE_HEADING_ID.search(raw)
    text = heading_text(raw)
    anchor = explicit.group(1) if explicit else slug(text)
    # Python-Markdown's toc makes repeated ids unique with _1, _2...
    if anchor in seen:
        seen[anchor] += 1
        anchor = f"{anchor}_{seen[anchor]}"
    else:
        seen[anchor] = 0
    return Heading(len(match.group(1)), text, anchor, number)


def _scan_inline(line: str, number: int, found: BodyStructure) -> None:
    for match in RE_LINK.finditer(line):
        found.links.append(Link(match.group(3), match.group(2), number, match.group(1) == "!"))
    ref = RE_REF_DEF.match(line)
    if ref and not ref.group(1).startswith("^"):
        found.links.append(Link(ref.group(2), ref.group(1), number, False))
    for comment in RE_HTML_COMMENT.finditer(line):
        found.comments.append(Comment(comment.group(1).strip(), number))
    for attrs in RE_ATTR_LIST.finditer(line):
        found.attributes.append(Comment(attrs.group(1).strip(), number))
