"""One entry point for validation, shared by the `minga` command and the MkDocs hooks."""

from __future__ import annotations

from pathlib import Path

from minga.checks import check_cache
from minga.content.loader import Loaded, load
from minga.checks.problems import Problem
from minga.content.project import Project, load_project
from minga.checks.rules import validate


def check_project(root: Path | None = None, project: Project | None = None) -> tuple[Loaded, list[Problem]]:
    project = project or load_project(root)
    memo = check_cache.begin(project.root)  # unchanged files are not parsed or rendered again
    loaded = load(project)
    problems = validate(loaded)
    memo.save()
    return loaded, problems
