"""One entry point for validation, shared by the `minga` command and the MkDocs hooks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from minga.checks import check_cache
from minga.checks.inputs import inputs_digest
from minga.content.loader import Loaded, load
from minga.content.model import Module
from minga.checks.problems import Problem
from minga.content.project import Project, load_project
from minga.checks.rules import validate
from minga.web.anchors import effective_anchors


def check_project(root: Path | None = None, project: Project | None = None,
                  for_build: bool = False) -> tuple[Loaded, list[Problem]]:
    """The project's content model and its problems. `for_build`: the build's steps each check
    (`minga build`, its PDF workers, the MkDocs hooks of every language): the whole result is
    remembered, by a digest of everything the check reads, so that the steps after the first
    find it ready; it holds the model without what only the rules read (_model_only).
    Not for `minga check` alone: a large project's result takes a while to store."""
    project = project or load_project(root)
    memo = check_cache.begin(project.root)  # unchanged files are not parsed or rendered again
    if memo.path is None or not for_build:
        loaded, problems = _check(project)
        memo.save()
        return loaded, problems
    digest = inputs_digest(project)
    remembered = memo.remembered("project", digest)
    if remembered is not None:
        return remembered
    loaded, problems = _check(project)
    _scan_headings_of_sessions(loaded)
    loaded = _model_only(loaded)
    memo.remember("project", digest, (loaded, problems))
    memo.save()
    return loaded, problems


def _model_only(loaded: Loaded) -> Loaded:
    """What a build reads: the model, without what only the rules look at (each file's body
    structure, the source documents), which is most of the time it takes to read back."""
    return dataclasses.replace(loaded, structures={}, salvaged={}, source_docs={})


def _scan_headings_of_sessions(loaded: Loaded) -> None:
    """Every session page's timeline links to its headings (minga/web/views.py): scanned here, while
    the memo is open, they are stored with the check and each build's pages find them ready."""
    curriculum = loaded.curriculum
    translated = (item for by_lang in curriculum.translations.values() for item in by_lang.values())
    for module in [*curriculum.modules.values(), *translated]:
        if isinstance(module, Module):
            effective_anchors(curriculum, module)


def _check(project: Project) -> tuple[Loaded, list[Problem]]:
    loaded = load(project)
    return loaded, validate(loaded)
