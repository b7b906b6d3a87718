"""One entry point for validation, shared by the `minga` command and the MkDocs hooks."""

from __future__ import annotations

from pathlib import Path

from .loader import Loaded, load
from .problems import Problem
from .project import Project, load_project
from .rules import validate


def check_project(root: Path | None = None, project: Project | None = None) -> tuple[Loaded, list[Problem]]:
    project = project or load_project(root)
    loaded = load(project)
    return loaded, validate(loaded)
