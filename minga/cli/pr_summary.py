"""What a pull request changes, for its reviewers: pages, PDFs and translation status (Markdown).

    python -m minga.cli.pr_summary BASE_REF >> "$GITHUB_STEP_SUMMARY"

Pages are listed with their address in every language; PDFs are those whose inputs changed; the
translation status of each page is compared with the base (read from git into a temporary folder).
Read-only: it runs git, reads files and prints.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from minga.content.gitinfo import git
from minga.content.loader import load
from minga.content.model import Curriculum
from minga.content.project import Project, load_project
from minga.translation.status import status_of
from minga.web.urls import page_url


def changed_files(root: Path, base: str) -> list[str]:
    out = git(root, "diff", "--name-only", f"{base}...HEAD") or git(root, "diff", "--name-only", base) or ""
    return sorted(line for line in out.splitlines() if line.strip())


def statuses(curriculum: Curriculum) -> dict[tuple[str, str], str]:
    uris = sorted({*curriculum.pages, *(m.src_uri for m in curriculum.modules.values())})
    langs = [lang.code for lang in curriculum.languages if not lang.default]
    return {(uri, lang): status_of(curriculum, uri, lang) for uri in uris for lang in langs}


def base_curriculum(project: Project, base: str) -> Curriculum | None:
    """The curriculum as it is at `base`, read from a `git archive` of it (nothing is checked out)."""
    archive = subprocess.run(["git", "archive", base, "mkdocs.yml", "curriculum", "facilitator_guides"],
                             cwd=project.root, capture_output=True)
    if archive.returncode != 0:
        return None
    folder = Path(tempfile.mkdtemp(prefix="minga-base-"))
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return load(load_project(folder)).curriculum


def summary(project: Project, base: str) -> str:
    from minga.pdf.jobs import _inputs, plan

    curriculum = load(project).curriculum
    changed = changed_files(project.root, base)
    docs = project.relative(project.docs_dir)
    default = curriculum.default_language.code
    lines = ["## What this pull request changes", ""]
    pages = []
    for file in changed:
        if file.startswith(f"{docs}/") and file.endswith(".md"):
            uri = file[len(docs) + 1:]
            stem, _, last = uri[:-3].rpartition(".")
            lang = last if stem and last in project.language_codes else default
            source = f"{stem}.md" if lang != default else uri
            pages.append(f"- `{file}` → `{page_url(source, lang, default)}`" + ("" if (project.root / file).exists() else " (removed)"))
    lines += ["### Pages", "", *(pages or ["No page changed."]), ""]
    pdfs = sorted({job.output for job in plan(curriculum) if _inputs(job, curriculum, project) & set(changed)})
    lines += ["### Printed guides and handouts (PDF)", ""]
    lines += [f"- `pdf/{name}`" for name in pdfs] or ["No PDF changes."]
    before = base_curriculum(project, base)
    after = statuses(curriculum)
    moved = []
    if before is not None:
        old = statuses(before)
        moved = [f"- `{uri}` ({lang}): {old.get((uri, lang), 'new page')} → {state}"
                 for (uri, lang), state in sorted(after.items()) if old.get((uri, lang), "missing") != state]
    lines += ["", "### Translation status", "", *(moved or ["No translation changed status."])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m minga.cli.pr_summary BASE_REF", file=sys.stderr)
        return 2
    sys.stdout.write(summary(load_project(), args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
