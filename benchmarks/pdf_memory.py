#!/usr/bin/env python3
"""Peak memory and time of one large guide: every session of the curriculum in one PDF.

Usage: .venv/bin/python benchmarks/pdf_memory.py [--lang en] [--repeat N]

Copies the project to a temporary folder, adds a guide manifest listing every module, and
makes that one PDF with a fresh cache. Prints pages, seconds and the peak resident memory of
the worker process. WeasyPrint holds a whole document in memory while it lays it out, so
memory grows with pages; the figure to watch is MB per page staying flat as guides grow.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "curriculum", "overrides", "hooks", "facilitator_guides", "build_pdf.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--repeat", type=int, default=1, help="list every module this many times (bigger guides)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from minga.checks.checking import check_project

    loaded, _ = check_project(ROOT)
    curriculum = loaded.curriculum
    modules = [m.id for t in curriculum.tracks for m in curriculum.modules_of(t.id)] * args.repeat
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for part in PARTS:
            (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
        manifest = project / "facilitator_guides" / "everything.yml"
        manifest.write_text("title: Every session\naudience: Benchmark\ndescription: Every module of the curriculum.\n"
                            "modules: [" + ", ".join(modules) + "]\nfront_matter: [how-to-use.md]\n"
                            "back_matter: [safety-protocol.md, glossary.md]\n", encoding="utf-8")
        started = time.monotonic()
        result = subprocess.run([sys.executable, "build_pdf.py", "--guide", "everything", "--lang", args.lang,
                                 "--paper", "a4", "--jobs", "1", "--out", str(project / "pdf")],
                                cwd=project, capture_output=True, text=True)
        seconds = time.monotonic() - started
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            return 1
        from pypdf import PdfReader

        pages = len(PdfReader(str(project / "pdf" / args.lang / "everything.pdf")).pages)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"guide of {len(modules)} sessions, {args.lang}: {pages} pages in {seconds:.1f} s; "
              f"peak memory of one process {peak_mb:.0f} MB ({peak_mb / pages:.2f} MB per page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
