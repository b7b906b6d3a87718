"""minga.content.frontmatter: safe YAML with line numbers, and property tests of the whole check."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minga.content import schema
from minga.checks.checking import check_project
from minga.content.frontmatter import MAX_DEPTH, Source, load_yaml, read_document, read_text, split
from minga.checks.report import format_problem
from minga.checks.rules import RULES

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
FUZZ_FILE = "curriculum/education/fuzz-module.md"
FUZZ_BODY = "\n## Routines\n\nText.\n"


def copy_valid(target: Path) -> Path:
    if not target.exists():
        shutil.copytree(VALID, target)
    return target


# --- Line numbers ---------------------------------------------------------------------------

NESTED = """\
title: Outer
agenda:
  - title: First
    minutes: 10
  - {title: Second, minutes: 20}
safety:
  watch_for:
    - one
    -
      - deep
  refer: >-
    folded
    text
"""


def test_line_of_every_key_and_item():
    data, problems = load_yaml(NESTED, "f.yml")
    assert problems == []
    assert data.data["agenda"][1] == {"title": "Second", "minutes": 20}
    lines = data.lines
    assert lines[("title",)] == 1
    assert lines[("agenda",)] == 2
    assert lines[("agenda", 0)] == 3
    assert lines[("agenda", 0, "title")] == 3
    assert lines[("agenda", 0, "minutes")] == 4
    assert lines[("agenda", 1)] == 5
    assert lines[("agenda", 1, "minutes")] == 5
    assert lines[("safety", "watch_for", 0)] == 8
    assert lines[("safety", "watch_for", 1)] == 10
    assert lines[("safety", "watch_for", 1, 0)] == 10
    assert lines[("safety", "refer")] == 11


def test_lines_in_a_document_count_from_the_top_of_the_file():
    text = "---\n" + NESTED + "---\n\n## Body\n"
    doc, problems = split(Source("m.md", text))
    assert problems == []
    assert doc.line_of(("agenda", 0, "minutes")) == 5
    assert doc.line_of(("safety", "watch_for", 1, 0)) == 11
    assert doc.line_of(("safety", "refer")) == 12
    # A path that is not in the file falls back to its nearest located parent, then to line 1.
    assert doc.line_of(("agenda", 1, "mode")) == 6
    assert doc.line_of(("nowhere", "at", "all")) == 1
    assert doc.body_line == 16  # the line after the closing '---'
    assert doc.body.split("\n")[17 - doc.body_line] == "## Body"


def test_duplicate_key_is_reported_at_the_second_key():
    data, problems = load_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yml", line_offset=1)
    assert data.data == {"a": 1, "b": {"c": 1}}
    assert [(p.line, p.code) for p in problems] == [(5, "duplicate-key")]


def test_syntax_error_line():
    _, problems = load_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yml", line_offset=1)
    assert [p.code for p in problems] == ["yaml-syntax"]
    assert problems[0].line >= 3


def test_deep_nesting_is_bounded():
    data, problems = load_yaml("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), "f.yml")
    assert [p.code for p in problems] == ["yaml-too-deep"]
    _, problems = load_yaml("a: " + "[" * 3000 + "]" * 3000, "f.yml")
    assert [p.code for p in problems] == ["yaml-too-deep"]


def test_control_characters_are_a_syntax_problem_on_their_line():
    _, problems = load_yaml("a: 1\nb: x\x07y\n", "f.yml", line_offset=1)
    assert [(p.line, p.code) for p in problems] == [(3, "yaml-syntax")]
    assert "#x0007" in problems[0].message


def test_complex_key_is_refused():
    data, problems = load_yaml("? [a, b]\n: 1\nc: 2\n", "f.yml")
    assert data.data == {"c": 2}
    assert [(p.line, p.code) for p in problems] == [(1, "yaml-key")]


# --- Anchors and aliases ----------------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("a: &x 1\nb: *x\n", 1),
    ("a: 1\nb: *x\n", 2),  # an alias without its anchor is refused the same way
    ("a:\n  - &item {title: x}\n", 2),
    ("base: &base {minutes: 10}\nblock:\n  <<: *base\n", 1),
])
def test_anchors_and_aliases_are_refused(text: str, line: int):
    data, problems = load_yaml(text, "f.yml")
    assert data is None
    assert [(p.line, p.code) for p in problems] == [(line, "yaml-alias")]


def test_billion_laughs_is_refused_quickly():
    laughs = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        laughs.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 10) + "]")
    text = "\n".join(laughs) + "\nboom: *lol9\n"
    start = time.perf_counter()
    data, problems = load_yaml(text, "f.yml")
    assert time.perf_counter() - start < 1
    assert data is None
    assert [(p.line, p.code) for p in problems] == [(1, "yaml-alias")]


def test_billion_laughs_in_a_module(tmp_path: Path):
    root = copy_valid(tmp_path / "project")
    laughs = "\n".join(f"x{n}: &x{n} [" + ", ".join([f"*x{n - 1}"] * 10) + "]" for n in range(1, 12))
    (root / FUZZ_FILE).write_text("---\nx0: &x0 [lol]\n" + laughs + "\n---\n" + FUZZ_BODY, encoding="utf-8")
    start = time.perf_counter()
    _, problems = check_project(root)
    assert time.perf_counter() - start < 2
    assert [format_problem(p).splitlines()[0] for p in problems] == [
        f"{FUZZ_FILE}:2: error[yaml-alias] YAML anchors (&name) and aliases (*name) are not allowed here.",
    ]


# --- Splitting a Markdown file ------------------------------------------------------------------

def test_byte_order_mark_is_ignored(tmp_path: Path):
    path = tmp_path / "page.md"
    path.write_bytes("\ufeff---\ntitle: Café\n---\n\nBody\n".encode("utf-8"))
    source, problems = read_text(path, "page.md")
    assert problems == [] and source.text.startswith("---\n")
    doc, problems = read_document(path, "page.md")
    assert problems == []
    assert doc.has_front_matter and doc.meta == {"title": "Café"}
    assert doc.lines[("title",)] == 2 and doc.body_line == 4


def test_module_with_byte_order_mark_and_windows_line_ends_is_valid(tmp_path: Path):
    root = copy_valid(tmp_path / "project")
    module = root / "curriculum/act/choice-point.md"
    text = module.read_text(encoding="utf-8").replace("\n", "\r\n")
    module.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    _, problems = check_project(root)
    assert problems == []


def test_no_front_matter():
    doc, problems = split(Source("p.md", "# Title\n\nText\n"))
    assert problems == [] and not doc.has_front_matter
    assert doc.meta == {} and doc.body_line == 1 and doc.line_of(("title",)) == 0


def test_empty_front_matter():
    doc, problems = split(Source("p.md", "---\n---\nText\n"))
    assert problems == [] and doc.meta == {} and doc.body == "Text\n" and doc.body_line == 3


def test_front_matter_closed_with_dots():
    doc, problems = split(Source("p.md", "---\ntitle: x\n...\nText\n"))
    assert problems == [] and doc.meta == {"title": "x"} and doc.body_line == 4


def test_unclosed_front_matter():
    doc, problems = split(Source("p.md", "---\ntitle: x\n\nText\n"))
    assert doc is None and [(p.line, p.code) for p in problems] == [(1, "front-matter-unclosed")]


@pytest.mark.parametrize("front", ["- a\n- b", "just words", "42"])
def test_front_matter_that_is_not_a_mapping(front: str):
    doc, problems = split(Source("p.md", f"---\n{front}\n---\nText\n"))
    assert doc is None and [(p.line, p.code) for p in problems] == [(2, "front-matter-shape")]


# --- Property tests: whatever the front matter, the check reports and never crashes ---------

FUZZ_SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

VALID_META = {
    "id": "fuzz-module",
    "title": "Fuzz",
    "track": "education",
    "order": 2,
    "duration_minutes": 30,
    "audience": "Teachers",
    "objectives": ["Try things"],
    "materials": [],
    "agenda": [{"title": "Routines", "minutes": 30, "mode": "pairs"}],
    "safety": {"watch_for": ["Distress"], "respond": ["Listen"], "refer": "Follow the protocol."},
}

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30))
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=15), children, max_size=4)),
    max_leaves=20,
)


@st.composite
def mutated_modules(draw):
    """The valid module above with some keys replaced, dropped or added: sometimes still valid."""
    meta = dict(VALID_META)
    for key in draw(st.lists(st.sampled_from(sorted(schema.MODULE.fields)), max_size=3, unique=True)):
        action = draw(st.sampled_from(["replace", "drop"]))
        if action == "drop":
            meta.pop(key, None)
        else:
            meta[key] = draw(yaml_values)
    meta.update(draw(st.dictionaries(st.text(max_size=15), yaml_values, max_size=2)))
    return meta


def check_fuzz_module(root: Path, front_matter: str) -> None:
    """Write the module, check the project, and hold the check to its promises."""
    (root / FUZZ_FILE).write_text(f"---\n{front_matter}\n---\n{FUZZ_BODY}", encoding="utf-8")
    loaded, problems = check_project(root)  # must never raise
    for problem in problems:
        assert problem.file and isinstance(problem.file, str)
        assert isinstance(problem.line, int) and problem.line >= 0
        assert problem.code in RULES
        assert problem.message
        format_problem(problem)
        format_problem(problem, github=True)
    module = next((m for m in loaded.all_modules if m.file == FUZZ_FILE), None)
    if module is None:
        # Not a valid module: it must not disappear silently.
        assert any(p.file == FUZZ_FILE for p in problems), "an invalid module was dropped without a problem"
        return
    # Accepted as a module: what the model holds must really have the declared shape.
    assert schema.KEBAB.match(module.id)
    assert module.title and module.audience and module.safety.refer
    assert isinstance(module.order, int) and not isinstance(module.order, bool) and 1 <= module.order <= 999
    assert isinstance(module.duration_minutes, int) and 5 <= module.duration_minutes <= 600
    assert module.objectives and module.safety.watch_for and module.safety.respond
    assert all(block.mode in schema.MODES and block.title for block in module.agenda)
    if not problems:
        assert sum(block.minutes for block in module.agenda) == module.duration_minutes
        assert module.track == "education"
        assert module.id not in {"choice-point", "being-present", "calm-classroom"}


def test_fuzz_module_fixture_is_valid(tmp_path: Path):
    root = copy_valid(tmp_path / "project")
    check_fuzz_module(root, yaml.safe_dump(VALID_META, sort_keys=False))
    assert check_project(root)[1] == []


@settings(max_examples=200, **FUZZ_SETTINGS)
@given(text=st.text())
def test_any_text_as_front_matter(tmp_path: Path, text: str):
    check_fuzz_module(copy_valid(tmp_path / "project"), text)


@settings(max_examples=100, **FUZZ_SETTINGS)
@given(meta=st.one_of(yaml_values, st.dictionaries(st.text(max_size=15), yaml_values, max_size=6), mutated_modules()))
def test_any_structure_as_front_matter(tmp_path: Path, meta):
    check_fuzz_module(copy_valid(tmp_path / "project"), yaml.safe_dump(meta, sort_keys=False))
