"""Shared fixtures: a real build of the bundled curriculum, made once per test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "curriculum", "overrides", "hooks", "facilitator_guides")


def run_minga(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed `minga` command, as a contributor runs it."""
    return subprocess.run([sys.executable, "-m", "minga.cli", *args], cwd=cwd, capture_output=True, text=True)


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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The bundled curriculum built by `minga build` into a temporary folder.

    MINGA_TEST_SITE=path reuses a site you built yourself, to rerun a few tests quickly while
    working; CI never sets it."""
    if os.environ.get("MINGA_TEST_SITE"):
        return Path(os.environ["MINGA_TEST_SITE"]).resolve()
    out = tmp_path_factory.mktemp("build") / "site"
    result = run_minga("build", "--site-dir", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def catalog(site) -> dict:
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))
