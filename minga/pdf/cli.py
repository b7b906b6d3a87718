"""`python build_pdf.py`: make the printable guides, handouts and forms."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from minga.checks.problems import errors
from minga.content.project import ProjectError, load_project
from minga.checks.report import format_report
from minga.checks.publishing import printable
from minga.pdf.jobs import PAPERS, Outcome, make_all, plan, terminal_progress
from minga.user_cache import user_cache

MANIFEST = "index.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_pdf.py", description="Make printable facilitator guides, participant handouts and forms.")
    parser.add_argument("--guide", action="append", help="only this guide id (may be repeated); skips handouts and picture cards")
    parser.add_argument("--form", action="append", help="only this form id (may be repeated); skips guides and handouts")
    parser.add_argument("--forms", action="store_true", help="only the forms (curriculum/forms/), every one")
    parser.add_argument("--lang", action="append", help="only this language (may be repeated)")
    parser.add_argument("--paper", choices=PAPERS, action="append", help="only this paper size for guides and handouts")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: site/pdf)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--root", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        project = load_project(args.root)
    except ProjectError as exc:
        print(f"build_pdf.py: {exc}", file=sys.stderr)
        return 2
    out = (args.out or project.root / "site" / "pdf").resolve()
    forms = args.form or (True if args.forms else None)
    return build_pdfs(project, out, guides=args.guide, langs=args.lang, papers=tuple(args.paper or PAPERS), workers=args.jobs,
                      forms=forms)


def build_pdfs(project, out: Path, guides=None, langs=None, papers=PAPERS, workers=None, forms=None) -> int:
    from minga.checks.checking import check_project

    loaded, problems = check_project(project=project, for_build=True)
    if errors(problems):
        print(format_report(problems))
        print("\nNo PDF was made.", file=sys.stderr)
        return 1
    curriculum = loaded.curriculum
    known_langs = {lang.code for lang in curriculum.languages}
    unknown = [x for x in (langs or []) if x not in known_langs] + [g for g in (guides or []) if g not in {g.id for g in curriculum.guides}]
    unknown += [f for f in (forms if isinstance(forms, list) else []) if f not in curriculum.forms]
    if unknown:
        print(f"build_pdf.py: unknown language, guide or form: {', '.join(unknown)}", file=sys.stderr)
        return 2
    jobs = plan(curriculum, guides, langs, papers, forms=forms)
    started = time.monotonic()
    # Cached PDFs are kept per user, never in the checkout, where a pull request could commit one.
    outcomes = make_all(project, curriculum, jobs, out, user_cache("pdf"), workers, terminal_progress)
    refused = _report_refusals(outcomes, curriculum, project)
    failed = [o for o in outcomes if o.error]
    for outcome in failed:
        print(f"error[pdf-failed] {outcome.job.output} could not be made: {outcome.error}")
    outcomes = [o for o in outcomes if not o.error]
    _write_manifest(out, outcomes, curriculum)
    made = sum(o.made for o in outcomes)
    print(f"PDFs: {len(outcomes)} in {project.relative(out) if out.is_relative_to(project.root) else out} "
          f"({made} made, {len(outcomes) - made} unchanged) in {time.monotonic() - started:.1f} s.")
    return 1 if refused or failed else 0


def _report_refusals(outcomes: list[Outcome], curriculum, project) -> bool:
    """Say which content file asked for what; a refused request fails the PDF step."""
    found = False
    sources = {}
    for item in [*curriculum.modules.values(), *curriculum.pages.values(),
                 *(t for by_lang in curriculum.translations.values() for t in by_lang.values())]:
        sources[item.file] = (project.root / item.file).read_text(encoding="utf-8")
    for outcome in outcomes:
        for url, reason, *asked in outcome.refusals:
            needle = url.split("://", 1)[-1].split("?")[0][:60]
            askers = [asked[0]] if asked and asked[0] else \
                [file for file, text in sources.items() if needle and needle in text] or ["(a template)"]
            for asker in askers:
                print(f"{printable(asker)}: error[pdf-refused] {outcome.job.output} asked for {printable(url)}: {printable(reason)}.")
            found = True
    return found


def _write_manifest(out: Path, outcomes: list[Outcome], curriculum) -> None:
    """pdf/index.json: what exists, with sizes, pages and how much is translated, for the site and the catalog."""
    manifest = {o.job.output: {"kind": o.job.kind, "item": o.job.item, "lang": o.job.lang, "paper": o.job.paper,
                               "bytes": o.bytes, "pages": o.pages, "translation": _translation(o.job, curriculum)}
                for o in outcomes}
    existing = out / MANIFEST
    if existing.is_file():
        old = json.loads(existing.read_text(encoding="utf-8"))
        manifest = {**{k: v for k, v in old.items() if (out / k).is_file()}, **manifest}
    out.mkdir(parents=True, exist_ok=True)
    existing.write_text(json.dumps(dict(sorted(manifest.items())), indent=1), encoding="utf-8")


def _translation(job, curriculum) -> dict:
    from minga.translation import status

    if job.kind in ("guide", "cards"):
        return status.print_share(curriculum, next(g for g in curriculum.guides if g.id == job.item), job.lang)
    src_uri = curriculum.forms[job.item].src_uri if job.kind == "form" else curriculum.modules[job.item].src_uri
    return status.item_share(curriculum, src_uri, job.lang)
