"""Shared fixtures: a real build of the bundled curriculum, made once per test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "curriculum", "overrides", "hooks", "facilitator_guides")


def run_minga(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed `minga` command, as a contributor runs it."""
    return subprocess.run([sys.executable, "-m", "minga.cli", *args], cwd=cwd, capture_output=True, text=True)


def empty_pdf_cache(folder: Path) -> dict:
    """An environment whose PDF cache starts empty (minga/user_cache.py), for tests that count what
    is made; made fonts, check results and compiled templates are the user's own, reused (making fonts takes long)."""
    from minga.user_cache import user_cache

    folder.mkdir(parents=True, exist_ok=True)
    for shared in ("fonts", "check", "templates"):
        user_cache(shared).mkdir(parents=True, exist_ok=True)
        (folder / shared).symlink_to(user_cache(shared), target_is_directory=True)
    return dict(os.environ, MINGA_CACHE_DIR=str(folder))


def copy_project(target: Path) -> Path:
    """A throw-away copy of the repository's project files, to change and build."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


SHARED = ("site", "catalog")  # the fixtures of the one real build all site and PDF tests share
_build: dict = {}


def _needs_build(item) -> bool:
    return bool(set(SHARED) & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(session, config, items):
    """Tests of the shared build run last (file order kept within each group), so that the build,
    started in the background as soon as the tests are collected, overlaps all the others: its
    PDF workers and the other tests share the two cores instead of taking turns."""
    items.sort(key=_needs_build)


def pytest_collection_finish(session):
    if os.environ.get("MINGA_TEST_SITE") or not any(_needs_build(item) for item in session.items):
        return
    folder = Path(tempfile.mkdtemp(prefix="minga-shared-build-"))
    log = open(folder / "build.log", "w", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "minga.cli", "build", "--site-dir", str(folder / "site")],
                               cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
    _build.update(process=process, folder=folder, log=log)


def pytest_sessionfinish(session, exitstatus):
    if "process" in _build:
        if _build["process"].poll() is None:  # interrupted before the build was needed
            _build["process"].kill()
            _build["process"].wait()
        _build["log"].close()
        shutil.rmtree(_build["folder"], ignore_errors=True)


@pytest.fixture(scope="session")
def site() -> Path:
    """The bundled curriculum built by `minga build` (started in the background at collection).

    MINGA_TEST_SITE=path reuses a site you built yourself, to rerun a few tests quickly while
    working; CI never sets it."""
    if os.environ.get("MINGA_TEST_SITE"):
        return Path(os.environ["MINGA_TEST_SITE"]).resolve()
    returncode = _build["process"].wait()
    _build["log"].flush()
    assert returncode == 0, (_build["folder"] / "build.log").read_text(encoding="utf-8")[-5000:]
    return _build["folder"] / "site"


@pytest.fixture(scope="session")
def catalog(site) -> dict:
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))
