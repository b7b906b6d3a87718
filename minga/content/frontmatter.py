"""Split a Markdown file into YAML front matter and body, safely, keeping line numbers.

YAML is loaded with the safe loader only; anchors and aliases are refused (a few
nested aliases can expand to millions of items) and files are bounded in size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from minga.checks.problems import Problem

MAX_FILE_BYTES = 256 * 1024
QUOTE_FIX = ("Check indentation, and put quotes around text that contains ': ' or starts with a special character "
             "such as *, &, !, [ or {.")
DEEP_FIX = "Write the values with less nesting, like the front matter of another module."
MAX_DEPTH = 12

KeyPath = tuple  # e.g. ("agenda", 2, "minutes")


@dataclass(frozen=True)
class Source:
    """A text file read for the content model."""

    file: str  # relative path shown in messages
    text: str


@dataclass
class Document:
    """A Markdown file: its front matter data, the line of every value, and its body."""

    file: str
    meta: dict[str, Any]
    lines: dict[KeyPath, int]  # line (1-based, in the file) of each key or item
    body: str
    body_line: int  # file line on which the body starts
    has_front_matter: bool = True
    yaml_text: str = ""  # the front matter as written: checks of it are remembered by this text
    # What has been worked out from this document once (e.g. its source hash), by name.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, path: KeyPath) -> int:
        return locate(self.lines, path, 1 if self.has_front_matter else 0)


def locate(lines: dict[KeyPath, int], path: KeyPath, default: int = 1) -> int:
    """The line of a key path, or of its nearest located parent."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return default


@dataclass
class YamlData:
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)


class _AliasRefused(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors (&name) and aliases (*name)."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


def read_text(path: Path, file: str) -> tuple[Source | None, list[Problem]]:
    """Read a UTF-8 text file within the size bound."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""  # e.g. a folder named like a file fails here
    except OSError as exc:
        return None, [Problem(file, 0, "unreadable", f"The file cannot be read ({exc.strerror}).",
                              "Check that the file exists and can be opened: a link to a missing file, or a file without read permission, cannot be read.")]
    if size > MAX_FILE_BYTES:
        return None, [Problem(file, 0, "file-too-large",
                              f"The file is {-(-size // 1024)} KB; files may be at most {MAX_FILE_BYTES // 1024} KB.",
                              "Split it into smaller files, or move pictures out of it.")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(file, line, "not-utf8", "The file is not saved as UTF-8 text.",
                              "Save it as UTF-8 in your editor (\"Save with encoding\").")]
    return Source(file, text.removeprefix("\ufeff")), []


def load_yaml(text: str, file: str, line_offset: int = 0) -> tuple[YamlData | None, list[Problem]]:
    """Load YAML safely; report syntax errors, anchors and aliases with their line (remembered by
    minga/checks/check_cache.py: parsing keeps every value's line, in pure Python)."""
    from minga.checks.check_cache import memo

    return memo("yaml", f"{file}\0{line_offset}\0{text}", lambda: _load_yaml(text, file, line_offset))


def _load_yaml(text: str, file: str, line_offset: int) -> tuple[YamlData | None, list[Problem]]:
    try:
        loader = _NoAliasLoader(text)  # the reader refuses control characters here, before parsing
    except yaml.reader.ReaderError as exc:
        return None, [_reader_problem(exc, text, file, line_offset)]
    try:
        node = loader.get_single_node()
    except _AliasRefused as exc:
        return None, [Problem(file, exc.mark.line + 1 + line_offset, "yaml-alias",
                              "YAML anchors (&name) and aliases (*name) are not allowed here.",
                              "Write the value out in full where it is needed.")]
    except yaml.reader.ReaderError as exc:
        return None, [_reader_problem(exc, text, file, line_offset)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        flow = _flow_title_problem(text, mark, file, line) if mark else None
        if flow:
            return None, [flow]
        what = exc.problem or "the text is not valid YAML"
        return None, [Problem(file, line, "yaml-syntax", f"The YAML cannot be read: {what}.",
                              QUOTE_FIX)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 1 + line_offset, "yaml-syntax", f"The YAML cannot be read: {exc}.", QUOTE_FIX)]
    except RecursionError:
        return None, [Problem(file, 1 + line_offset, "yaml-too-deep", "The YAML is nested too deeply to be read.", DEEP_FIX)]
    finally:
        loader.dispose()
    if node is None:
        return YamlData(None), []
    problems: list[Problem] = []
    result = YamlData(None)
    result.data = _to_python(node, (), result.lines, problems, file, line_offset, 0)
    return result, problems


RE_FLOW_TITLE = re.compile(r"\{\s*(\w+):\s*(.*?)\s*,\s*(minutes|mode|min|max|url|year|author|license)\s*:")


def _flow_title_problem(text: str, mark: yaml.Mark, file: str, line: int) -> Problem | None:
    """A '{title: Why do you teach?, minutes: 10}' line: the title holds ',', ':' or '?' and needs quotes."""
    lines = text.split("\n")
    source = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    found = RE_FLOW_TITLE.search(source)
    if not found or found.group(2).startswith(("'", '"')):
        return None
    key, value = found.group(1), found.group(2)
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return flow_quote_problem(file, line, key, value, source.strip().replace(value, quoted, 1))


def flow_quote_problem(file: str, line: int, key: str, value: str, example: str) -> Problem:
    """The one message for a value inside '{...}' that holds a comma, a colon or a question mark."""
    marks = [name for char, name in ((",", "a comma"), (":", "a colon"), ("?", "a question mark")) if char in value]
    has = " and ".join(marks) if marks else "a special character"
    return Problem(file, line, "yaml-syntax",
                   f"The {key} '{value}' contains {has}: inside {{...}} such a value must be in quotes.",
                   f"Put the {key} in quotes: {example}")


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str, line_offset: int) -> Problem:
    """A character YAML does not accept (a control character, often pasted from another program)."""
    position = exc.position if isinstance(exc.position, int) else 0
    character = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
    return Problem(file, text.count("\n", 0, position) + 1 + line_offset, "yaml-syntax",
                   f"The YAML cannot be read: it contains the character {character}, which is not allowed.",
                   "Delete the invisible control character on this line (retype the line if you cannot see it).")


def _to_python(node, path, lines, problems, file, offset, depth):
    """Build plain Python values from a YAML node, recording the line of every key/item."""
    line = node.start_mark.line + 1 + offset
    if depth > MAX_DEPTH:
        problems.append(Problem(file, line, "yaml-too-deep", "The YAML is nested too deeply.", DEEP_FIX))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_line, "yaml-key", "A key must be a plain word, not a list or mapping.",
                                    "Write a plain word before the colon, for example 'title: ...'."))
                continue
            key = _scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            if key in out:
                problems.append(Problem(file, key_line, "duplicate-key", f"The key '{key}' appears twice.",
                                        "Keep one of them."))
                continue
            lines[path + (key,)] = key_line
            out[key] = _to_python(value_node, path + (key,), lines, problems, file, offset, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1 + offset
            items.append(_to_python(item, path + (index,), lines, problems, file, offset, depth + 1))
        return items
    return _scalar(node)


def _scalar(node: yaml.ScalarNode):
    """A typed scalar (int, bool, str...) as the safe loader would make it; unknown tags stay text."""
    constructor = yaml.SafeLoader.yaml_constructors.get(node.tag)
    if constructor is None or not isinstance(node, yaml.ScalarNode):
        return node.value if isinstance(node, yaml.ScalarNode) else None
    try:
        return constructor(_SCALAR_LOADER, node)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError):
        return node.value


_SCALAR_LOADER = yaml.SafeLoader("")


def split(source: Source) -> tuple[Document | None, list[Problem]]:
    """Separate front matter (between '---' lines at the top) from the body."""
    text, file = source.text, source.file
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Document(file, {}, {}, text, 1, has_front_matter=False), []
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        return None, [Problem(file, 1, "front-matter-unclosed",
                              "The front matter that starts on line 1 is never closed.",
                              "Add a line with only '---' after the last front matter key.")]
    yaml_text = "\n".join(lines[1:index])
    data, problems = load_yaml(yaml_text, file, line_offset=1)
    if data is None:
        return None, problems
    meta = data.data
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, problems + [Problem(file, 2, "front-matter-shape",
                                         "The front matter must be a list of 'key: value' lines.",
                                         "Start each line with a key, for example 'title: Being present'.")]
    body = "\n".join(lines[index + 1:])
    return Document(file, meta, data.lines, body, index + 2, yaml_text=yaml_text), problems


def read_document(path: Path, file: str) -> tuple[Document | None, list[Problem]]:
    source, problems = read_text(path, file)
    if source is None:
        return None, problems
    return split(source)
