"""One entry point for validation, shared by the `minga` command and the MkDocs hooks."""

from __future__ import annotations

from pathlib import Path

from . import check_cache
from .loader import Loaded, load
from .problems import Problem
from .project import Project, load_project
from .rules import validate


def check_project(root: Path | None = None, project: Project | None = None) -> tuple[Loaded, list[Problem]]:
    project = project or load_project(root)
    memo = check_cache.begin(project.root)  # unchanged files are not parsed or rendered again
    loaded = load(project)
    problems = validate(loaded)
    memo.save()
    return loaded, problems
