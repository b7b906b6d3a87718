"""`minga build`: check, build the site aside, and swap it in only when everything succeeded.

A failed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from minga.checks.checking import check_project
from urllib.parse import urlsplit

from minga.web.offline import ENV_OFFLINE_DIR
from minga.web.printed import ENV_PDF_DIR
from minga.checks.problems import errors
from minga.content.project import Project
from minga.checks.report import format_report
from minga.cli.shards import ENV_BUILD_LANGS


def build_site(project: Project, site_dir: Path | None = None, with_pdfs: bool = True, langs: list[str] | None = None) -> int:
    """Check; make the PDFs; build the site (which links and includes them); swap it in.
    `langs`: only these languages (one CI job per language; see minga/cli/shards.py)."""
    site = (site_dir or project.root / "site").resolve()
    loaded, problems = check_project(project=project, for_build=True)
    if problems:
        print(format_report(problems))
    if errors(problems):
        print(f"\nNothing was built; {_relative(site, project)} is unchanged.", file=sys.stderr)
        return 1
    unknown = sorted(set(langs or ()) - set(project.language_codes))
    if unknown:
        print(f"minga: unknown language(s): {', '.join(unknown)} (mkdocs.yml has {', '.join(project.language_codes)})",
              file=sys.stderr)
        return 2
    staging = site.with_name(f".{site.name}.new")
    pdfs = site.with_name(f".{site.name}.pdf")
    for folder in (staging, pdfs):
        shutil.rmtree(folder, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    ok = True
    if with_pdfs:
        from minga.pdf.cli import build_pdfs

        ok = build_pdfs(project, pdfs, langs=langs) == 0
    # The offline copies hold the PDFs: a whole build with PDFs makes them first, for the site to
    # list (a one-language build, for a CI shard, leaves them to the combined site).
    zips = site.with_name(f".{site.name}.offline")
    shutil.rmtree(zips, ignore_errors=True)
    offline_copies = with_pdfs and not langs
    if ok and offline_copies:
        ok = _build_offline(project, loaded.curriculum, staging, pdfs, zips)
    ok = ok and _run_mkdocs(project, staging, pdfs if with_pdfs else None, zips if offline_copies else None, langs=langs)
    shutil.rmtree(pdfs, ignore_errors=True)
    shutil.rmtree(zips, ignore_errors=True)
    if not ok:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nThe build failed; {_relative(site, project)} is unchanged.", file=sys.stderr)
        return 1
    _swap(staging, site)
    print(f"Built the site into {_relative(site, project)}/")
    return 0


def _run_mkdocs(project: Project, target: Path, pdfs: Path | None, zips: Path | None = None,
                extra: tuple[str, ...] = (), env_extra: dict | None = None, langs: list[str] | None = None) -> bool:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env_extra or {}))
    env.pop(ENV_BUILD_LANGS, None)
    if langs:
        env[ENV_BUILD_LANGS] = ",".join(langs)
    if pdfs is not None:
        env[ENV_PDF_DIR] = str(pdfs)
    if zips is not None:
        env[ENV_OFFLINE_DIR] = str(zips)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(project.root / "mkdocs.yml"), "--site-dir", str(target), *extra]
    return subprocess.run(command, cwd=project.root, env=env).returncode == 0


def _build_offline(project: Project, curriculum, staging: Path, pdfs: Path, zips: Path) -> bool:
    """The offline variant (pages as page.html), built into `staging` and packed per language into `zips`."""
    from minga.web.offline import ENV_OFFLINE, make_bundles, mend_links
    from minga.web.ui import translator

    if not _run_mkdocs(project, staging, pdfs, extra=("--no-directory-urls",), env_extra={ENV_OFFLINE: "1"}):
        return False
    site_path = urlsplit(project.site_url or "/").path or "/"
    mend_links(staging, site_path)
    languages = [(l.code, l.dir, translator(l.code)("offline_start")) for l in curriculum.languages]
    make_bundles(staging, zips, languages, curriculum.default_language.code)
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _swap(staging: Path, site: Path) -> None:
    """Replace `site` by `staging` with two renames, so there is never a half-written site."""
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def _relative(path: Path, project: Project) -> str:
    try:
        return path.relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)
