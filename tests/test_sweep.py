"""`minga check` is the whole truth: over a sweep of contributor changes, check passes => build passes.

Each mutation is what a co-designer did in the contributor trial (issue 13): a new track with a
session, a new page, translated headings linked from another page, pasted Carpentries material,
an Excalidraw picture... Applied to a small buildable project (the valid fixture, in English and
Spanish), each is checked; when the check accepts it, `minga build --no-pdf` must succeed; when
it refuses it, the refusal names a file and line. Builds are small (about a second each).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

import pytest

from minga.checks.checking import check_project
from minga.web.nav import expand_nav
from minga.checks.problems import errors
from minga.content.project import load_project
from minga.cli.scaffold import new_module, new_page, new_track
from minga.web.site_nav import build_nav
from minga.translation.translate_cli import start

from .conftest import run_minga
from .hostile_support import make_hostile_project

CALM = "curriculum/education/calm-classroom.md"
PRESENT = "curriculum/act/being-present.md"


def append(project: Path, file: str, text: str) -> None:
    path = project / file
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- Mutations: (name, change, whether the check must accept it) -----------------------------

def new_track_with_sessions(project: Path) -> None:
    """F1: a track and its sessions need no edit to mkdocs.yml."""
    p = load_project(project)
    new_track(p, "Teaching facilitators", "How people learn, and how to help them: practice, memory, motivation.")
    for title in ("Building skill with practice", "Memory and cognitive load", "Why do we teach? Motivation, demotivation"):
        new_module(p, "teaching-facilitators", title)


def new_page_without_config(project: Path) -> None:
    new_page(load_project(project), "Working with interpreters", "How to run sessions through an interpreter.")
    (project / "curriculum/notes-for-hosts.md").write_text("---\ntitle: Notes for hosts\n---\n\nNo nav_order: listed last.\n",
                                                          encoding="utf-8")


def translated_headings_keep_anchors(project: Path) -> None:
    """F2: a translation translates a heading that another page links to."""
    made = start(load_project(project), "es", project / PRESENT)
    text = made.read_text(encoding="utf-8")
    for english, spanish in (("Review", "Repaso"), ("Dropping anchor", "Echar el ancla")):
        text = text.replace(f"- title: {english}\n", f"- title: {spanish}\n").replace(f"## {english}\n", f"## {spanish}\n")
    made.write_text(text, encoding="utf-8")
    append(project, CALM, "\nPractise [dropping anchor](../act/being-present.md#dropping-anchor) first.\n")


def translation_with_other_headings(project: Path) -> None:
    translated_headings_keep_anchors(project)
    replace(project, "curriculum/act/being-present.es.md", "## Repaso", "### Antes de empezar\n\n## Repaso")


def real_material_markdown(project: Path) -> None:
    """Answers, asides, captions, checklists, timed activities, tables, code, footnotes, autolinks."""
    replace(project, CALM, "/// note\nKeep it short.\n///", """/// note
Keep it short.
///

/// steps | Plan a routine in pairs (10 minutes)
1. Each pair writes one routine.
///

/// answer
Breathing together for one minute works in most classrooms.
///

/// aside | Why routines help
Children settle faster when they know what comes next.
///

![A dot](../assets/images/dot.svg "A dot drawn by hand | Ana Pérez, CC-BY-4.0")

- [ ] Chairs in a circle
- [x] A bell

| Level | Sign |
| --- | --- |
| Novice | Follows steps |

```text
/// say
Inside a code fence.
///
```

Watch <https://www.example.org/video?id=1> or write to <someone@example.org>. See [the guide][guide].

[guide]: https://www.example.org/guide
""")
    replace(project, CALM, "prerequisites: [being-present]", "prerequisites: [being-present]\nlicense: CC-BY-4.0")


def picture_with_a_space(project: Path) -> None:
    """F7a."""
    shutil.copy(project / "curriculum/assets/images/dot.svg", project / "curriculum/assets/images/my map.svg")
    append(project, CALM, "\n![A map](../assets/images/my map.svg)\n")


def translation_of_a_translation(project: Path) -> None:
    """F7b: a translation started from a translation."""
    made = start(load_project(project), "es", project / PRESENT)
    shutil.copy(made, made.with_name("being-present.es.es.md"))


def pasted_carpentries_episode(project: Path) -> None:
    """F4."""
    append(project, CALM, "\n::: challenge\n## Plan a routine\n\nWrite one.\n\n:::: solution\nBreathing.\n::::\n:::\n")


def excalidraw_picture(project: Path) -> None:
    """F3."""
    (project / "curriculum/assets/images/dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><style>@font-face { font-family: "Virgil"; '
        'src: url("https://excalidraw.com/Virgil.woff2"); }</style></defs><rect width="10" height="10"/></svg>',
        encoding="utf-8")


def agenda_title_with_a_question_mark(project: Path) -> None:
    """F5."""
    replace(project, CALM, "{title: Routines, minutes: 30", "{title: Why routines?, minutes: 30")


MUTATIONS: list[tuple[Callable[[Path], None], bool]] = [
    (new_track_with_sessions, True),
    (new_page_without_config, True),
    (translated_headings_keep_anchors, True),
    (real_material_markdown, True),
    (translation_with_other_headings, False),
    (picture_with_a_space, False),
    (translation_of_a_translation, False),
    (pasted_carpentries_episode, False),
    (excalidraw_picture, False),
    (agenda_title_with_a_question_mark, False),
]
LOCATED = re.compile(r"^\S+?(:\d+)?: error\[[a-z0-9-]+\] ", re.M)


def bilingual_project(tmp: Path) -> Path:
    project, _ = make_hostile_project(tmp, None)
    replace(project, "mkdocs.yml", "          default: true\n",
            "          default: true\n        - locale: es\n          name: Español\n          build: true\n")
    return project


@pytest.mark.parametrize("mutation, accepted", MUTATIONS, ids=[m.__name__ for m, _ in MUTATIONS])
def test_check_passes_implies_build_passes(mutation, accepted, tmp_path):
    project = bilingual_project(tmp_path)
    mutation(project)
    _, problems = check_project(project)
    refused = errors(problems)
    assert bool(refused) != accepted, [f"{p.file}:{p.line} {p.code} {p.message}" for p in refused]
    if refused:
        assert all(p.file and p.hint for p in refused)
        return
    result = run_minga("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]


def test_new_track_is_in_the_menu_in_tracks_yml_order(tmp_path):
    project = bilingual_project(tmp_path)
    new_track_with_sessions(project)
    new_page_without_config(project)
    loaded, _ = check_project(project)
    assert expand_nav(build_nav(loaded.curriculum), loaded.curriculum) == [
        "working-with-interpreters.md",  # nav_order 10, written by 'minga new page'
        {"Psychological flexibility": ["act/index.md", "act/choice-point.md", "act/being-present.md"]},
        {"Education": ["education/index.md", "education/calm-classroom.md"]},
        {"Teaching facilitators": ["teaching-facilitators/index.md", "teaching-facilitators/building-skill-with-practice.md",
                                   "teaching-facilitators/memory-and-cognitive-load.md",
                                   "teaching-facilitators/why-do-we-teach-motivation-demotivation.md"]},
        "glossary.md", "index.md", "notes-for-hosts.md", "safety-protocol.md",  # no nav_order: last, by path
    ]
    result = run_minga("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    spanish = (tmp_path / "site/es/act/being-present/index.html").read_text(encoding="utf-8")
    assert "teaching-facilitators/" in spanish  # every language's menu has the track (pruned menus link its page)
    assert (tmp_path / "site/es/working-with-interpreters/index.html").is_file()


def test_translated_headings_keep_the_source_anchors_on_the_page(tmp_path):
    project = bilingual_project(tmp_path)
    translated_headings_keep_anchors(project)
    result = run_minga("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site/es/act/being-present/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="dropping-anchor">Echar el ancla', page)
    assert 'href="#dropping-anchor"' in page  # the agenda timeline links to the section it names


def test_new_guide_for_a_new_track_passes_the_check(tmp_path):
    from minga.cli.scaffold import new_guide

    project = bilingual_project(tmp_path)
    new_track_with_sessions(project)
    made = new_guide(load_project(project), "teaching-facilitators")
    loaded, problems = check_project(project)
    assert problems == []
    guide = next(g for g in loaded.curriculum.guides if g.id == "teaching-facilitators")
    assert made.path.name == "teaching-facilitators.yml" and guide.modules == (
        "building-skill-with-practice", "memory-and-cognitive-load", "why-do-we-teach-motivation-demotivation")
