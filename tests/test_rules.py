"""Every validation rule, triggered by a small broken copy of the valid fixture project.

Each folder in tests/fixtures/broken/ is an overlay on tests/fixtures/valid/: its files
replace or add files at the same relative path, `_delete.txt` lists relative paths to
delete, and `expected.txt` holds the exact report lines (the first line of
`format_problem`), in the order `check_project` returns them. A folder is named after the
rule code it triggers, optionally followed by `--variant`.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from minga.checks.checking import check_project
from minga.content.frontmatter import MAX_FILE_BYTES
from minga.checks.problems import Problem
from minga.content.project import ProjectError, load_project
from minga.checks.report import format_problem, format_report
from minga.checks.rules import RULES

from .fixtures_overlay import BROKEN, FIXTURES, OVERLAY_CONTROL_FILES, VALID, make_project


CASES = sorted(folder.name for folder in BROKEN.iterdir() if folder.is_dir())
# Codes triggered by files generated inside the tests below (no big or binary file committed).
GENERATED = {"file-too-large", "not-utf8", "symlink-outside", "file-name",
             "glossary-term"}  # needs a second language: tests/test_translation.py
# Needs a file the checker cannot read (permissions); not reproducible as a fixture.
# render-failed guards against Python-Markdown raising on some input; no such input is known.
UNTESTED = {"unreadable", "render-failed"}

CALM = "curriculum/education/calm-classroom.md"
CHOICE = "curriculum/act/choice-point.md"


def report_lines(problems: list[Problem]) -> list[str]:
    return [format_problem(problem).splitlines()[0] for problem in problems]


def check_lines(root: Path) -> list[str]:
    _, problems = check_project(root)
    return report_lines(problems)


def code_of(case: str) -> str:
    return case.split("--")[0]


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- The fixture cases ---------------------------------------------------------------------

def test_valid_fixture_has_no_problems():
    loaded, problems = check_project(VALID)
    assert report_lines(problems) == []
    assert sorted(loaded.curriculum.modules) == ["being-present", "calm-classroom", "choice-point"]


@pytest.mark.parametrize("case", CASES)
def test_broken_case(case: str, tmp_path: Path):
    expected_file = BROKEN / case / "expected.txt"
    assert expected_file.is_file(), f"{case} has no expected.txt"
    expected = [line for line in expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert expected, f"{case}/expected.txt is empty"
    assert any(f"error[{code_of(case)}]" in line for line in expected), \
        f"{case}/expected.txt does not report the code the folder is named after"

    _, problems = check_project(make_project(tmp_path / "project", case))
    assert report_lines(problems) == expected
    for problem in problems:
        assert_fix_is_an_answer(problem)


def assert_fix_is_an_answer(problem: Problem) -> None:
    """Every problem says what to change, and never offers the wrong value back as the answer."""
    assert problem.hint.strip(), f"{problem.file}:{problem.line} {problem.code} has no fix: line"
    quoted_wrong = set(re.findall(r"'([^']+)'", problem.message)) | set(re.findall(r'"([^"]+)"', problem.message))
    for suggestion in re.findall(r"Did you mean '([^']+)'\?|For example: ([^\s]+?)\.?$", problem.hint):
        offered = next(s for s in suggestion if s)
        assert offered not in quoted_wrong, f"{problem.code}: the fix offers back {offered!r}, the value that is wrong"


def test_every_case_is_named_after_a_rule():
    unknown = [case for case in CASES if code_of(case) not in RULES]
    assert unknown == []


def test_every_rule_has_a_case():
    covered = {code_of(case) for case in CASES} | GENERATED
    missing = sorted(set(RULES) - UNTESTED - covered)
    assert missing == [], f"rules without a case folder in tests/fixtures/broken/: {missing}"


def test_every_code_the_engine_emits_is_listed_in_rules():
    """A code used by the engine but missing from RULES would be undocumented and untested."""
    engine = Path(__file__).resolve().parent.parent / "minga"
    emitted = set()
    for source in engine.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem" and len(node.args) > 2:
                code = node.args[2]
                assert isinstance(code, ast.Constant), f"{source.name}:{node.lineno}: the code should be a literal"
                emitted.add(code.value)
    assert len(emitted) > 30, "Problem(...) calls not found: the test is out of date"
    assert sorted(emitted - set(RULES)) == []


# --- Rules triggered by generated files ----------------------------------------------------

def test_file_too_large(tmp_path: Path):
    root = make_project(tmp_path / "project")
    module = root / CALM
    text = module.read_text(encoding="utf-8")
    module.write_text(text + "x" * (MAX_FILE_BYTES + 1 - len(text.encode("utf-8"))), encoding="utf-8")
    assert module.stat().st_size == MAX_FILE_BYTES + 1
    assert check_lines(root) == [
        f"{CALM}: error[file-too-large] The file is 257 KB; files may be at most 256 KB.",
    ]


def test_file_at_the_size_limit_is_accepted(tmp_path: Path):
    root = make_project(tmp_path / "project")
    module = root / CALM
    text = module.read_text(encoding="utf-8")
    filler = ("x" * 99 + "\n") * 40 + "\n"  # paragraphs within the line and paragraph limits
    room = MAX_FILE_BYTES - len(text.encode("utf-8"))
    module.write_text(text + (filler * (room // len(filler) + 1))[:room], encoding="utf-8")
    assert module.stat().st_size == MAX_FILE_BYTES
    assert check_lines(root) == []


def test_large_data_file(tmp_path: Path):
    root = make_project(tmp_path / "project")
    glossary = root / "curriculum/_data/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "#" * (MAX_FILE_BYTES * 2) + "\n", encoding="utf-8")
    assert check_lines(root) == [
        "curriculum/_data/glossary.yml: error[file-too-large] The file is 513 KB; files may be at most 256 KB.",
    ]


def test_not_utf8_module(tmp_path: Path):
    root = make_project(tmp_path / "project")
    module = root / CALM
    text = module.read_text(encoding="utf-8").replace("audience: Teachers", "audience: Teachers in café schools")
    module.write_bytes(text.encode("latin-1"))
    assert check_lines(root) == [f"{CALM}:7: error[not-utf8] The file is not saved as UTF-8 text."]


def test_not_utf8_data_file(tmp_path: Path):
    root = make_project(tmp_path / "project")
    glossary = root / "curriculum/_data/glossary.yml"
    glossary.write_bytes(glossary.read_bytes() + b"- term: caf\xe9\n  definition: A place to meet.\n")
    assert check_lines(root) == ["curriculum/_data/glossary.yml:5: error[not-utf8] The file is not saved as UTF-8 text."]


def test_utf16_file_is_not_utf8(tmp_path: Path):
    root = make_project(tmp_path / "project")
    module = root / CALM
    module.write_bytes(module.read_text(encoding="utf-8").encode("utf-16"))
    lines = check_lines(root)
    assert len(lines) == 1 and lines[0].startswith(f"{CALM}:") and "error[not-utf8]" in lines[0]


def test_control_character_in_front_matter(tmp_path: Path):
    """PyYAML refuses control characters before parsing; this used to escape as a ReaderError."""
    root = make_project(tmp_path / "project")
    rewrite(root / CALM, "audience: Teachers", "audience: Teach\x01ers")
    assert check_lines(root) == [
        f"{CALM}:7: error[yaml-syntax] The YAML cannot be read: it contains the character #x0001, which is not allowed.",
    ]


def test_control_character_in_data_file(tmp_path: Path):
    root = make_project(tmp_path / "project")
    rewrite(root / "curriculum/_data/glossary.yml", "What matters to us", "What\x00 matters to us")
    assert check_lines(root) == [
        "curriculum/_data/glossary.yml:4: error[yaml-syntax] The YAML cannot be read: it contains the character #x0000, which is not allowed.",
    ]


def test_unreadable_dangling_link(tmp_path: Path):
    """'unreadable' has no fixture folder; a link to a missing file triggers it (even when run as root)."""
    root = make_project(tmp_path / "project")
    (root / "curriculum/act/ghost.md").symlink_to("nowhere.md")
    assert check_lines(root) == [
        "curriculum/act/ghost.md: error[unreadable] The file cannot be read (No such file or directory).",
    ]


def test_folder_named_like_a_content_file(tmp_path: Path):
    root = make_project(tmp_path / "project")
    (root / "curriculum/notes.md").mkdir()
    (root / "facilitator_guides/extra.yml").mkdir()
    assert check_lines(root) == [
        "curriculum/notes.md: error[unreadable] The file cannot be read (Is a directory).",
        "facilitator_guides/extra.yml: error[unreadable] The file cannot be read (Is a directory).",
    ]


def test_link_to_a_file_outside_the_project(tmp_path: Path):
    root = make_project(tmp_path / "project")
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Outside\n---\n\nText.\n", encoding="utf-8")
    (root / "curriculum/outside.md").symlink_to(outside)
    (root / "curriculum/assets/images/host.svg").symlink_to("/etc/hostname")
    (root / "facilitator_guides/secret.yml").symlink_to("/proc/self/environ")
    loaded, problems = check_project(root)
    assert [format_problem(p).splitlines()[0] for p in problems] == [
        "curriculum/assets/images/host.svg: error[symlink-outside] This is a link to a file or folder outside the repository (or inside a hidden folder such as .git); it will not be read or published.",
        "curriculum/outside.md: error[symlink-outside] This is a link to a file or folder outside the repository (or inside a hidden folder such as .git); it will not be read or published.",
        "facilitator_guides/secret.yml: error[symlink-outside] This is a link to a file or folder outside the repository (or inside a hidden folder such as .git); it will not be read or published.",
    ]
    assert "outside.md" not in loaded.curriculum.pages


# --- Regressions: bad input that used to crash or mislead --------------------------------

def test_numeric_module_id_does_not_crash(tmp_path: Path):
    """'id: 123' is read by YAML as a number; ids must still be compared and sorted as text."""
    root = make_project(tmp_path / "project")
    rewrite(root / CHOICE, "id: choice-point", "id: 123")
    rewrite(root / CALM, "id: calm-classroom", "id: 7")
    loaded, problems = check_project(root)
    assert sorted(loaded.curriculum.modules) == ["123", "7", "being-present"]
    assert [p.code for p in problems] == ["unknown-prerequisite", "unknown-guide-module"]


def test_module_id_is_stripped(tmp_path: Path):
    root = make_project(tmp_path / "project")
    rewrite(root / CHOICE, "id: choice-point", "id: '  choice-point '")
    loaded, problems = check_project(root)
    assert problems == []
    assert "choice-point" in loaded.curriculum.modules


def test_numeric_track_id_does_not_crash(tmp_path: Path):
    root = make_project(tmp_path / "project")
    tracks = root / "curriculum/_data/tracks.yml"
    tracks.write_text(tracks.read_text(encoding="utf-8") + "- id: 2024\n  title: Year\n  description: This year.\n",
                      encoding="utf-8")
    rewrite(root / CALM, "track: education", "track: 2025")
    assert check_lines(root) == [
        "curriculum/_data/tracks.yml:7: error[missing-track-page] The track '2024' has no page.",
        f"{CALM}:4: error[unknown-track] The track '2025' is not declared. Did you mean '2024'?",
    ]


def test_required_key_left_empty_points_at_its_line(tmp_path: Path):
    """'title:' with nothing after it used to be reported as missing, on line 1."""
    root = make_project(tmp_path / "project")
    rewrite(root / CALM, "title: A calm classroom", "title:")
    rewrite(root / CHOICE, "  - {title: Closing, minutes: 15, mode: pairs}", "  - {title: Closing, minutes: 15, mode: }")
    assert check_lines(root) == [
        f"{CHOICE}:15: error[empty-value] 'agenda[3].mode' is empty.",
        f"{CALM}:3: error[empty-value] 'title' is empty.",
    ]


def test_very_long_link_target_does_not_crash(tmp_path: Path):
    root = make_project(tmp_path / "project")
    long_name = "a" * 1900  # lines may hold 2000 characters
    (root / "curriculum/index.md").write_text(
        f"---\ntitle: Home\n---\n\n[x]({long_name}.md)\n\n![A dot]({long_name}.svg)\n", encoding="utf-8")
    assert [line.split(" ")[:2] for line in check_lines(root)] == [
        ["curriculum/index.md:5:", "error[broken-link]"],
        ["curriculum/index.md:7:", "error[missing-image]"],
    ]


@pytest.mark.parametrize("config", [
    "- a list\n",
    "docs_dir: [curriculum]\n",
    "docs_dir: curriculum\nplugins: 3\n",
    "docs_dir: curriculum\nplugins:\n  - i18n:\n      languages: [en]\n",
    "docs_dir: curriculum\nplugins:\n  - i18n:\n      languages:\n        - {name: English, default: true}\n",
    "docs_dir: curriculum\nextra: [minga]\n",
])
def test_badly_shaped_mkdocs_yml_is_a_project_error(config: str, tmp_path: Path):
    root = make_project(tmp_path / "project")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    with pytest.raises(ProjectError, match="mkdocs.yml"):
        load_project(root)


def test_mkdocs_yml_not_utf8_is_a_project_error(tmp_path: Path):
    root = make_project(tmp_path / "project")
    (root / "mkdocs.yml").write_bytes(b"site_name: Caf\xe9\n")
    with pytest.raises(ProjectError, match="mkdocs.yml cannot be read"):
        load_project(root)


# --- The command and the report formats ----------------------------------------------------

def minga_command() -> list[str]:
    script = Path(sys.executable).parent / "minga"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "minga.cli"]


def test_check_command_on_broken_project(tmp_path: Path):
    root = make_project(tmp_path / "project", "agenda-total")
    result = subprocess.run([*minga_command(), "--root", str(root), "check"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert f"{CALM}:10: error[agenda-total] The agenda adds up to 30 minutes (30), but duration_minutes is 40." in result.stdout
    assert "    fix: Either add 10 minutes to the agenda blocks, or set duration_minutes to 30." in result.stdout
    assert "1 error(s) and 0 warning(s) in 1 file(s)." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_command_as_module_from_inside_the_project(tmp_path: Path):
    root = make_project(tmp_path / "project", "yaml-syntax")
    env_free = [sys.executable, "-m", "minga.cli", "check"]
    result = subprocess.run(env_free, capture_output=True, text=True, cwd=root / "curriculum" / "act")
    assert result.returncode == 1
    assert f"{CALM}:3: error[yaml-syntax]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_command_on_valid_project(tmp_path: Path):
    root = make_project(tmp_path / "project")
    result = subprocess.run([*minga_command(), "--root", str(root), "check"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("All good: 3 modules in 2 tracks")
    assert "Traceback" not in result.stdout + result.stderr


def test_check_command_with_broken_mkdocs_yml(tmp_path: Path):
    root = make_project(tmp_path / "project")
    (root / "mkdocs.yml").write_text("plugins: 3\n", encoding="utf-8")
    result = subprocess.run([*minga_command(), "--root", str(root), "check"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("minga: mkdocs.yml")
    assert "Traceback" not in result.stdout + result.stderr


def test_github_annotations(tmp_path: Path):
    _, problems = check_project(make_project(tmp_path / "project", "agenda-total"))
    report = format_report(problems, github=True).splitlines()
    assert report[0] == (
        f"::error file={CALM},line=10,title=agenda-total::"
        "The agenda adds up to 30 minutes (30), but duration_minutes is 40. "
        "Either add 10 minutes to the agenda blocks, or set duration_minutes to 30."
    )
    assert report[-1] == "1 error(s) and 0 warning(s) in 1 file(s)."


def test_annotations_cannot_be_forged_by_a_file_name():
    problem = Problem("curriculum/a\n::error file=x.md,line=1::forged\x1b[31m", 0, "file-name", "bad \u202e name")
    annotation = format_problem(problem, github=True)
    assert annotation.count("\n") == 0 and annotation.count("::") == 2 and "\x1b" not in annotation
    assert "\u202e" not in annotation and "\\u202e" in annotation


def test_github_annotation_escapes_and_whole_file_problems():
    problem = Problem("curriculum/_data/tracks.yml", 0, "missing-data-file", "100% missing\r\nreally", "Create it.")
    assert format_problem(problem, github=True) == (
        "::error file=curriculum/_data/tracks.yml,title=missing-data-file::100%25 missing\\r%0Areally Create it.")
    assert format_problem(problem) == (
        "curriculum/_data/tracks.yml: error[missing-data-file] 100% missing\\r\nreally\n    fix: Create it.")


def test_github_format_is_chosen_on_github_actions(tmp_path: Path, monkeypatch):
    _, problems = check_project(make_project(tmp_path / "project", "missing-image"))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert format_report(problems).startswith(f"::error file={CHOICE},line=38,title=missing-image::")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert format_report(problems).startswith(f"{CHOICE}:38: error[missing-image]")
