"""The `minga` command: check the curriculum, build the site, print the catalog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import errors
from .project import ProjectError, load_project
from .report import format_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minga", description="Check and build a Minga curriculum.")
    parser.add_argument("--root", type=Path, default=None, help="repository folder (default: the one holding mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="read every content file and list problems; builds nothing")
    build = commands.add_parser("build", help="check, then build the site into site/ (swapped in only on success)")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site/)")
    commands.add_parser("catalog", help="print catalog.json to standard output")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.root)
        if args.command == "build":
            from .build import build_site
            return build_site(load_project(args.root), args.site_dir)
        if args.command == "catalog":
            return _catalog(args.root)
    except ProjectError as exc:
        print(f"minga: {exc}", file=sys.stderr)
        return 2
    return 0


def _check(root: Path | None) -> int:
    from .checking import check_project

    loaded, problems = check_project(root)
    if problems:
        print(format_report(problems))
    curriculum = loaded.curriculum
    if not errors(problems):
        print(f"All good: {len(curriculum.modules)} modules in {len(curriculum.tracks)} tracks, "
              f"{len(curriculum.pages)} pages, {len(curriculum.guides)} guides.")
        return 0
    return 1


def _catalog(root: Path | None) -> int:
    from .catalog import catalog_json
    from .checking import check_project

    loaded, problems = check_project(root)
    if errors(problems):
        print(format_report(problems), file=sys.stderr)
        return 1
    sys.stdout.write(catalog_json(loaded.curriculum))
    return 0


if __name__ == "__main__":
    sys.exit(main())
