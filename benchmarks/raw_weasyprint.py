#!/usr/bin/env python3
"""The PDF baseline: WeasyPrint alone on the HTML documents our pipeline makes.

`dump PROJECT OUT --lang en` writes the HTML of every PDF `build_pdf.py --lang en --paper a4` would
make (our own renderer, in this process; not timed) with our named resources (`minga:docs/...`,
`minga:fonts/...`) written as file URLs, so that WeasyPrint's own fetcher can read them.
`render OUT` then lays out and writes every document in one process: the raw engine's work, timed
by the benchmark as a whole process like our pipeline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def dump(project_root: Path, out: Path, langs: list[str], papers: tuple[str, ...]) -> int:
    from minga.pdf import jobs

    jobs._init_worker(str(project_root), None)
    worker = jobs._worker
    curriculum, project = worker["curriculum"], worker["project"]
    font_root = worker["fonts"][0].parent.parent
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for job in jobs.plan(curriculum, langs=langs, papers=papers):
        html = jobs.document_html(job)  # the very HTML our workers lay out
        html = html.replace("minga:docs/", project.docs_dir.resolve().as_uri() + "/")
        html = html.replace("minga:fonts/", font_root.resolve().as_uri() + "/")
        (out / (job.output.replace("/", "__")[:-4] + ".html")).write_text(html, encoding="utf-8")
        count += 1
    print(f"{count} documents")
    return 0


def render(folder: Path) -> int:
    from weasyprint import HTML

    for path in sorted(folder.glob("*.html")):
        HTML(filename=str(path)).write_pdf(str(path.with_suffix(".pdf")), pdf_variant="pdf/ua-1")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    d = commands.add_parser("dump")
    d.add_argument("project", type=Path)
    d.add_argument("out", type=Path)
    d.add_argument("--lang", action="append", required=True)
    r = commands.add_parser("render")
    r.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.project, args.out, args.lang, ("a4",))
    return render(args.folder)


if __name__ == "__main__":
    sys.exit(main())
