"""`minga build` swaps the new site in only when everything succeeded."""

from __future__ import annotations

from .conftest import copy_project, run_minga


def test_failed_build_leaves_the_previous_site_intact(tmp_path):
    project = copy_project(tmp_path / "project")
    first = run_minga("build", "--no-pdf", cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    site = project / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (site / "catalog.json").is_file()

    # 1. Bad content: the check fails before anything is built.
    module = project / "curriculum" / "act" / "being-present.md"
    module.write_text(module.read_text(encoding="utf-8").replace("duration_minutes: 90", "duration_minutes: 95"), encoding="utf-8")
    second = run_minga("build", "--no-pdf", cwd=project)
    assert second.returncode == 1
    assert "curriculum/act/being-present.md:" in second.stdout and "error[agenda-total]" in second.stdout
    assert "Traceback" not in second.stdout + second.stderr
    assert "site is unchanged" in second.stderr

    # 2. The build itself fails after the check passed (a broken template).
    module.write_text(module.read_text(encoding="utf-8").replace("duration_minutes: 95", "duration_minutes: 90"), encoding="utf-8")
    (project / "overrides" / "track.html").write_text("{% extends 'main.html' %}{% block content %}{{ minga.nope( }}{% endblock %}")
    third = run_minga("build", "--no-pdf", cwd=project)
    assert third.returncode == 1
    assert "site is unchanged" in third.stderr

    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not (project / ".site.new").exists()
