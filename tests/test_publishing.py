"""What may reach the site: pages we render and checked pictures, wherever links lead."""

from __future__ import annotations

from pathlib import Path

from minga.checks.checking import check_project
from minga.checks.publishing import publishable
from minga.content.project import load_project

from .test_rules import make_project


def _published(root: Path) -> set[str]:
    project = load_project(root)
    loaded, _ = check_project(project=project)
    pages = {str((root / item.file).resolve()) for item in [*loaded.all_modules, *loaded.curriculum.pages.values()]}
    return {p.relative_to(root.resolve()).as_posix() for p in publishable(project, pages)}


def test_only_pages_and_checked_pictures_are_published(tmp_path: Path):
    root = make_project(tmp_path / "project")
    docs = root / "curriculum"
    (docs / "page.html").write_text("<script>window.__pwned=1</script>", encoding="utf-8")
    (docs / "assets/images/bad.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>', encoding="utf-8")
    (docs / "assets/images/notes.txt").write_text("x", encoding="utf-8")
    (docs / ".hidden.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text("---\ntitle: secret\n---\nSECRET\n", encoding="utf-8")
    (docs / "linked").symlink_to(elsewhere)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[remote]\n", encoding="utf-8")
    (docs / "config.md").symlink_to(root / ".git" / "config")
    published = _published(root)
    assert "curriculum/index.md" in published
    assert "curriculum/assets/images/dot.svg" in published
    for refused in ("page.html", "assets/images/bad.svg", "assets/images/notes.txt", ".hidden.md"):
        assert f"curriculum/{refused}" not in published
    assert not any("secret" in p or p.startswith(".git") or p.endswith("config.md") for p in published), published
    codes = {p.code for p in check_project(root)[1]}
    assert {"unpublished-file", "svg-content", "symlink-outside", "file-name"} <= codes
