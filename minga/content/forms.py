"""Printable forms written as content: a page in curriculum/forms/ with a small, closed set of blocks.

A form is Markdown (instructions, notes, sources) plus form blocks that the website and the
print stylesheet draw as real boxes, tick boxes, tables and ruled writing lines:

    /// fields | Title (optional)      one labelled writing line per list item ('- Name of group')
    /// lines | 4                      a box of 4 ruled lines; the text inside is the prompt
    /// ticks | Title (optional)       one tick box per list item
    /// table | 12                     the list items are column headings; 12 empty rows
    /// scale | Title (optional)       '- 5 = All of the time' answers; '1. I have felt...' statements
    /// faces | Title (optional)       each list item with three faces to circle
    /// draw | What helped me          a large empty box to draw or write in

A list item may start with one of a few words in square brackets that stay in English in
translations: `[wide]` and `[narrow]` for table columns, `[thumbs-up]`, `[thumbs-down]`,
`[smile]`, `[neutral]`, `[frown]` as the picture of a `draw` box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import escape

from minga.content.body import RE_BLOCK_END, RE_BLOCK_START, RE_FENCE
from minga.checks.problems import Problem, did_you_mean

FORMS_DIR = "forms"
FORM_BLOCKS = ("fields", "lines", "ticks", "table", "scale", "faces", "draw")
# Blocks of sessions that a form page may also use (a note for whoever fills it in).
OTHER_BLOCKS_IN_FORMS = ("note", "safety")
COLUMN_WIDTHS = ("wide", "narrow")
PICTURES = ("thumbs-up", "thumbs-down", "smile", "neutral", "frown")
MAX_ROWS = 40
MAX_LINES = 30
DEFAULT_LINES = 3

RE_ITEM = re.compile(r"^\s{0,3}([-*+]|\d{1,3}[.)])\s+(.*\S)\s*$")
RE_TOKEN = re.compile(r"^\[([a-z-]+)\]\s*(.*)$")
RE_ANSWER = re.compile(r"^(\d{1,3})\s*=\s*(.+)$")


def is_form(src_uri: str) -> bool:
    """Whether a docs-relative page (language suffix removed) is a form: forms/<form>.md."""
    parts = src_uri.split("/")
    return len(parts) == 2 and parts[0] == FORMS_DIR and parts[1] != "index.md"


def form_id(src_uri: str) -> str:
    return src_uri.split("/")[-1][: -len(".md")]


@dataclass(frozen=True)
class Item:
    text: str
    numbered: bool
    token: str | None
    line: int


@dataclass(frozen=True)
class FormBlock:
    kind: str
    title: str | None
    line: int
    items: tuple[Item, ...] = ()
    prose: str = ""  # the text inside that is not a list item (a prompt)


@dataclass
class ParsedForm:
    """A form body as text chunks (Markdown) and form blocks, in order."""

    parts: list = field(default_factory=list)  # str | FormBlock

    @property
    def blocks(self) -> list[FormBlock]:
        return [p for p in self.parts if isinstance(p, FormBlock)]


def parse(body: str, first_line: int) -> ParsedForm:
    """Split a form body into Markdown and top-level form blocks (other blocks stay Markdown)."""
    parsed = ParsedForm()
    text: list[str] = []
    current: tuple[str, str | None, int, str, list[tuple[int, str]]] | None = None
    fence = None
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if current is not None:
            end = RE_BLOCK_END.match(line)
            if end and end.group(1) == current[3]:
                parsed.parts.append(_block(current))
                current = None
            else:
                current[4].append((number, line))
            continue
        fence_match = RE_FENCE.match(line)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0]:
                fence = None
        elif fence_match:
            fence = fence_match.group(1)
        start = RE_BLOCK_START.match(line) if fence is None else None
        if start and start.group(2) in FORM_BLOCKS:
            if text:
                parsed.parts.append("\n".join(text))
                text = []
            current = (start.group(2), start.group(3) or None, number, start.group(1), [])
            continue
        text.append(line)
    if current is not None:  # unclosed: reported by the 'unclosed-block' rule
        parsed.parts.append(_block(current))
    if text:
        parsed.parts.append("\n".join(text))
    return parsed


def _block(current) -> FormBlock:
    kind, title, line, _, lines = current
    items, prose = [], []
    for number, text in lines:
        match = RE_ITEM.match(text)
        if match:
            content = match.group(2)
            token = RE_TOKEN.match(content)
            items.append(Item(token.group(2).strip() if token else content, match.group(1)[0].isdigit(),
                              token.group(1) if token else None, number))
        elif items and text.strip() and text.startswith((" ", "\t")):
            last = items[-1]  # a list item continued on the next, indented line
            items[-1] = Item(f"{last.text} {text.strip()}", last.numbered, last.token, last.line)
        else:
            prose.append(text)
    return FormBlock(kind, title.strip() if title else None, line, tuple(items), "\n".join(prose).strip())


# --- Validation ------------------------------------------------------------------------------

def check(file: str, body: str, first_line: int) -> list[Problem]:
    """Every problem of one form's blocks, located."""
    problems = []
    for block in parse(body, first_line).blocks:
        problems += _check_block(file, block)
    return problems


def _count(block: FormBlock, maximum: int, default: int | None) -> int | None:
    if block.title is None:
        return default
    return int(block.title) if block.title.isdigit() and 1 <= int(block.title) <= maximum else None


def rows_of(block: FormBlock) -> int:
    if block.kind == "table":
        return _count(block, MAX_ROWS, None) or 0
    if block.kind == "lines":
        return _count(block, MAX_LINES, DEFAULT_LINES) or DEFAULT_LINES
    return 0


def _check_block(file: str, block: FormBlock) -> list[Problem]:
    problems = []
    kind, line = block.kind, block.line
    if kind == "table" and _count(block, MAX_ROWS, None) is None:
        problems.append(Problem(file, line, "form-rows",
                                f"'/// table' needs the number of empty rows after '|', between 1 and {MAX_ROWS}, "
                                f"but has {block.title!r}." if block.title else
                                "'/// table' needs the number of empty rows after '|'.",
                                "Write it like this: '/// table | 12' (the number stays the same in every translation)."))
    if kind == "lines" and block.title is not None and _count(block, MAX_LINES, None) is None:
        problems.append(Problem(file, line, "form-rows",
                                f"'/// lines' takes the number of writing lines after '|', between 1 and {MAX_LINES}, but has {block.title!r}.",
                                "Write it like this: '/// lines | 4', and put the question inside the block."))
    needs_items = {"fields": "one '- label' per writing line", "ticks": "one '- item' per tick box",
                   "table": "one '- column heading' per column", "faces": "one '- statement' per row of faces"}
    if kind in needs_items and not block.items:
        problems.append(Problem(file, line, "form-items", f"The '/// {kind}' block has no list items.",
                                f"Write {needs_items[kind]} inside the block."))
    if kind == "scale":
        answers = [i for i in block.items if not i.numbered]
        statements = [i for i in block.items if i.numbered]
        if len(answers) < 2 or not statements:
            problems.append(Problem(file, line, "form-items",
                                    f"The '/// scale' block has {len(answers)} answer(s) and {len(statements)} statement(s).",
                                    "Write at least two answers as '- 5 = All of the time' and at least one statement as '1. ...'."))
    allowed = {"table": COLUMN_WIDTHS, "draw": PICTURES}.get(kind, ())
    for item in block.items:
        if item.token is not None and item.token not in allowed:
            where = f"in '/// {kind}'"
            hint = ("Use one of: " + ", ".join(f"[{t}]" for t in allowed) + "." if allowed
                    else f"Remove '[{item.token}]': words in square brackets are only used in '/// table' and '/// draw'.")
            problems.append(Problem(file, item.line, "form-items",
                                    f"'[{item.token}]' is not a known word {where}.{did_you_mean(item.token, allowed)}", hint))
    return problems


def shape(body: str) -> list[tuple[str, int, int]]:
    """What a translation must keep: each block's kind, its rows and its number of items."""
    return [(b.kind, rows_of(b), len(b.items)) for b in parse(body, 1).blocks]


# --- HTML ------------------------------------------------------------------------------------

def block_html(block: FormBlock) -> str:
    """The HTML of one form block: real boxes and lines, no script, no style attribute."""
    kind = block.kind
    title = f'<p class="minga-form__title">{escape(block.title)}</p>' if block.title and kind not in ("table", "lines") else ""
    prose = f'<p class="minga-form__prompt">{escape(block.prose)}</p>' if block.prose else ""
    if kind == "fields":
        rows = "".join(f'<div class="minga-form__field"><span class="minga-form__label">{escape(i.text)}</span></div>'
                       for i in block.items)
        inner = title + prose + f'<div class="minga-form__grid">{rows}</div>'
    elif kind == "lines":
        inner = prose + '<div class="minga-form__ruled">' + '<div class="minga-form__rule"></div>' * rows_of(block) + "</div>"
    elif kind == "ticks":
        inner = title + prose + '<ul class="minga-form__ticks">' + "".join(
            f'<li><span class="minga-form__box" aria-hidden="true"></span> {escape(i.text)}</li>' for i in block.items) + "</ul>"
    elif kind == "table":
        head = "".join(f'<th class="minga-form__col--{i.token}">{escape(i.text)}</th>' if i.token else f"<th>{escape(i.text)}</th>"
                       for i in block.items)
        cells = "<td></td>" * len(block.items)
        body = "".join(f"<tr>{cells}</tr>" for _ in range(rows_of(block)))
        inner = prose + f'<table class="minga-form__table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    elif kind == "scale":
        answers = [i for i in block.items if not i.numbered]
        statements = [i for i in block.items if i.numbered]
        head = "<th></th>" + "".join(_answer_th(a) for a in answers)
        rows = "".join(f'<tr><th class="minga-form__statement">{n}. {escape(s.text)}</th>'
                       + '<td><span class="minga-form__box" aria-hidden="true"></span></td>' * len(answers) + "</tr>"
                       for n, s in enumerate(statements, start=1))
        inner = title + prose + f'<table class="minga-form__scale"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    elif kind == "faces":
        faces = "".join(f'<span class="minga-form__face">{picture(p)}</span>' for p in ("smile", "neutral", "frown"))
        rows = "".join(f'<tr><th>{escape(i.text)}</th><td class="minga-form__faces">{faces}</td></tr>' for i in block.items)
        inner = title + prose + f'<table class="minga-form__faces-table"><tbody>{rows}</tbody></table>'
    else:  # draw
        token = next((i.token for i in block.items if i.token in PICTURES), None)
        words = [escape(i.text) for i in block.items if i.text]
        icon = f'<span class="minga-form__icon">{picture(token)}</span>' if token else ""
        heading = f'<p class="minga-form__title">{icon}{escape(block.title or "")}</p>' if (icon or block.title) else ""
        inner = heading + (f'<p class="minga-form__prompt">{" ".join(words)}</p>' if words else prose) + \
            '<div class="minga-form__space"></div>'
    return f'<div class="minga-form minga-form--{kind}">{inner}</div>'


def _answer_th(answer: Item) -> str:
    match = RE_ANSWER.match(answer.text)
    if match:
        return f'<th class="minga-form__answer">{escape(match.group(2).strip())}<br><strong>{match.group(1)}</strong></th>'
    return f'<th class="minga-form__answer">{escape(answer.text)}</th>'


# Simple line pictures drawn here (no copied artwork): a face is a circle, two eyes and a mouth.
_FACE = ('<circle cx="20" cy="20" r="17" fill="none" stroke="#000" stroke-width="2"/>'
         '<circle cx="14" cy="16" r="2"/><circle cx="26" cy="16" r="2"/>')
_MOUTHS = {
    "smile": '<path d="M12 24 Q20 32 28 24" fill="none" stroke="#000" stroke-width="2"/>',
    "neutral": '<path d="M13 27 L27 27" fill="none" stroke="#000" stroke-width="2"/>',
    "frown": '<path d="M12 30 Q20 22 28 30" fill="none" stroke="#000" stroke-width="2"/>',
}
_THUMB = ('<path d="M6 18 h7 v16 h-7 z M13 19 l6 -10 c1 -3 5 -3 5 1 l-1 7 h9 c3 0 4 3 3 5 l-3 10 '
          'c-1 2 -2 3 -4 3 h-15 z" fill="none" stroke="#000" stroke-width="2" stroke-linejoin="round"/>')
_LABELS = {"smile": "a smiling face", "neutral": "a face with a straight mouth", "frown": "a sad face",
           "thumbs-up": "thumbs up", "thumbs-down": "thumbs down"}


def picture(name: str | None) -> str:
    if name in _MOUTHS:
        shape_ = _FACE + _MOUTHS[name]
    elif name == "thumbs-up":
        shape_ = _THUMB
    elif name == "thumbs-down":
        shape_ = f'<g transform="rotate(180 20 20)">{_THUMB}</g>'
    else:
        return ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40" role="img" '
            f'aria-label="{_LABELS[name]}">{shape_}</svg>')


PLACEHOLDER = "MINGA-FORM-BLOCK-{}"


def placeholder_markdown(body: str) -> tuple[str, list[str]]:
    """The body with each form block replaced by a placeholder paragraph, and the blocks' HTML.

    The Markdown around the blocks is content (checked and sanitized like any page); the
    blocks' HTML is made here from escaped text, so it is put back after the sanitizer."""
    out, blocks = [], []
    for part in parse(body, 1).parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append("\n" + PLACEHOLDER.format(len(blocks)) + "\n")
            blocks.append(block_html(part))
    return "\n".join(out), blocks


def fill_placeholders(html: str, blocks: list[str]) -> str:
    for number, block in enumerate(blocks):
        html = html.replace(f"<p>{PLACEHOLDER.format(number)}</p>", block, 1)
    return html


def print_html(body: str, render_markdown) -> str:
    """The body as HTML for print: Markdown chunks rendered by `render_markdown`, form blocks by us."""
    return "\n".join(render_markdown(part) if isinstance(part, str) else block_html(part)
                     for part in parse(body, 1).parts)
