"""`minga import carpentries|markdown` (issue 13): a module drafted from a synthetic episode written
for this test (tests/fixtures/import/episodes/), then finished by a person until `minga check` passes."""

from __future__ import annotations

import json
from pathlib import Path

from minga.checks.checking import check_project
from minga.cli.importer import import_episode
from minga.content.project import load_project
from minga.checks.report import format_problem

from .conftest import run_minga
from .fixtures_overlay import make_project

EPISODES = Path(__file__).resolve().parent / "fixtures" / "import" / "episodes"
MODULE = "curriculum/act/listening-well.md"


def lines_of(root: Path) -> list[str]:
    return [format_problem(p).splitlines()[0] for p in check_project(root)[1]]


def test_episode_becomes_a_module_with_located_todos(tmp_path):
    root = make_project(tmp_path / "p")
    result = import_episode(load_project(root), EPISODES / "03-listening-well.md", "act", "carpentries")
    assert result.path == root / MODULE and result.todos == 4
    assert lines_of(root) == [
        f"{MODULE}:8: error[todo] A TODO is left here: who is this session for?",
        f"{MODULE}:18: error[todo] A TODO is left here: what could go wrong for someone in this session",
        f"{MODULE}:20: error[todo] A TODO is left here: what the facilitator does then",
        f"{MODULE}:21: error[todo] A TODO is left here: when and how to refer, following the safety and referral protocol",
        f"{MODULE}:65: error[foreign-block] '::: tab' is a Pandoc/Carpentries block: Minga does not read it, and the page "
        "would show it as plain text.",
    ]
    text = result.path.read_text(encoding="utf-8")
    # timings -> agenda: teaching 15 shared out, each challenge's minutes in its section; 15 + 20 in all
    assert "duration_minutes: 35\n" in text
    assert '  - {title: "Listening without words", minutes: 13, mode: small groups}\n' in text
    assert '  - {title: "Summing up", minutes: 22, mode: small groups}\n' in text
    # callouts -> blocks and front matter
    for expected in ("/// steps | Three signs (5 minutes)\n", "/// answer\nEye contact", "/// note\nKeep this part short",
                     "/// aside | Why summarising helps\n", "/// steps | Say it back (15 minutes)\n",
                     "/// discuss | Questions for this session\n- What does it feel like to be listened to?",
                     '  - "Practise summarising what a partner said"\n', '  - "Summing up checks that we understood"\n',
                     "![Two people facing each other, one nodding](../assets/images/nodding.svg)",
                     "```markdown\n::: callout\n", "license: CC-BY-4.0"):
        assert expected in text, expected
    assert "{% include" not in text
    assert (root / "curriculum/assets/images/nodding.svg").is_file()

    # A person finishes the draft: the check then passes.
    finished = (text.replace('"TODO: who is this session for?"', "Volunteers who run peer groups")
                .replace('"TODO: what could go wrong for someone in this session"', "Someone who feels unheard and withdraws")
                .replace('"TODO: what the facilitator does then"', "Check in with them quietly at the break")
                .replace('"TODO: when and how to refer, following the safety and referral protocol"', "Follow the safety protocol.")
                .replace("::: tab\n\nA tabbed panel the importer cannot map.\n\n:::\n", ""))
    result.path.write_text(finished, encoding="utf-8")
    assert lines_of(root) == []


def test_plain_markdown_is_imported_with_guessed_minutes(tmp_path):
    root = make_project(tmp_path / "p")
    source = tmp_path / "notes.md"
    source.write_text("# Sharing stories\n\nIntro words.\n\n## Opening round\n\nEach person says a word.\n\n"
                      "## A story in pairs\n\n!!! tip \"Short\"\n    Keep it short.\n\n    Really.\n\nAfter.\n", encoding="utf-8")
    result = import_episode(load_project(root), source, "education", "markdown")
    file = "curriculum/education/sharing-stories.md"
    assert [line.split(" A TODO")[0] for line in lines_of(root)] == [
        f"{file}:8: error[todo]", f"{file}:10: error[todo]", f"{file}:18: error[todo]", f"{file}:20: error[todo]",
        f"{file}:21: error[todo]",
        f"{file}:26: error[todo]",  # "check the minutes": nothing in plain Markdown says how long each part is
    ]
    text = result.path.read_text(encoding="utf-8")
    assert "## Introduction\n\nTODO: check the minutes" in text and "/// aside | Short\nKeep it short.\n\nReally.\n///\n\nAfter." in text


def test_commands_new_import_and_check_json(tmp_path):
    root = make_project(tmp_path / "p")
    made = run_minga("new", "module", "--track", "act", "--title", "Values: what matters, and why?", cwd=root)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Created curriculum/act/values-what-matters-and-why.md.")
    again = run_minga("new", "module", "--track", "nowhere", "--title", "X", cwd=root)
    assert again.returncode == 1 and "There is no track 'nowhere'" in again.stderr and "Traceback" not in again.stderr
    imported = run_minga("import", "carpentries", str(EPISODES / "03-listening-well.md"), "--track", "act", cwd=root)
    assert imported.returncode == 0 and "4 place(s) need a person" in imported.stdout, imported.stderr
    checked = run_minga("check", "--format", "json", cwd=root)
    report = json.loads(checked.stdout)
    assert checked.returncode == 1 and report["ok"] is False and report["errors"] == 5
    assert {(p["file"], p["code"]) for p in report["problems"]} == {(MODULE, "todo"), (MODULE, "foreign-block")}
    assert all(p["fix"] and p["line"] for p in report["problems"])
    github = run_minga("check", "--format", "github", cwd=root)
    assert github.stdout.startswith(f"::error file={MODULE},line=8,title=todo::")
