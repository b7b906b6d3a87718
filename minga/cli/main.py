"""The `minga` command: check the curriculum, build the site, print the catalog."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from minga.checks.problems import errors
from minga.content.project import ProjectError, load_project
from minga.checks.report import format_report


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `minga status | head` ends quietly
    parser = argparse.ArgumentParser(prog="minga", description="Check and build a Minga curriculum.")
    parser.add_argument("--root", type=Path, default=None, help="repository folder (default: the one holding mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="read every content file and list problems; builds nothing")
    check.add_argument("--format", choices=("text", "json", "github"), default=None,
                       help="text (default), json (for tools), or github (annotations on a pull request)")
    build = commands.add_parser("build", help="check, then build the site into site/ (swapped in only on success)")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site/)")
    build.add_argument("--no-pdf", action="store_true", help="build the website only (no printable PDFs)")
    build.add_argument("--lang", action="append", help="only this language (may be repeated): one CI job per language, "
                       "then 'minga combine'")
    combine = commands.add_parser("combine", help="one site from one-language builds (minga build --lang)")
    combine.add_argument("out", type=Path, help="where the combined site goes")
    combine.add_argument("shards", type=Path, nargs="+", help="the site folders of the one-language builds")
    commands.add_parser("catalog", help="print catalog.json to standard output")
    status = commands.add_parser("status", help="print the translation status of every page in every language")
    status.add_argument("--lang", action="append", help="only this language (may be repeated)")
    status.add_argument("--fail-on-outdated-reviewed", action="store_true",
                        help="exit 1 when a reviewed translation is outdated (for CI)")
    tr = commands.add_parser("translation", help="start a translation, or record that it matches its source")
    tr_commands = tr.add_subparsers(dest="action", required=True)
    tr_start = tr_commands.add_parser("start", help="create <page>.<lang>.md from its source, marked draft")
    tr_start.add_argument("lang")
    tr_start.add_argument("source", type=Path, nargs="+")
    tr_stamp = tr_commands.add_parser("stamp", help="record the current source version in translated files")
    tr_stamp.add_argument("files", type=Path, nargs="+")
    tr_stamp.add_argument("--reviewed", action="store_true", help="also mark them reviewed by a fluent reader")
    from minga.cli.commands import add_commands, run_command

    add_commands(commands)
    args = parser.parse_args(argv)
    try:
        if args.command in ("new", "serve", "import"):
            return run_command(args)
        if args.command == "check":
            return _check(args.root, args.format)
        if args.command == "build":
            from minga.cli.build import build_site
            return build_site(load_project(args.root), args.site_dir, with_pdfs=not args.no_pdf, langs=args.lang)
        if args.command == "combine":
            return _combine(args)
        if args.command == "catalog":
            return _catalog(args.root)
        if args.command == "status":
            return _status(args)
        if args.command == "translation":
            return _translation(args)
    except ProjectError as exc:
        print(f"minga: {exc}", file=sys.stderr)
        return 2
    return 0


def _check(root: Path | None, output: str | None = None) -> int:
    from minga.checks.checking import check_project

    loaded, problems = check_project(root)
    if output == "json":
        from minga.cli.commands import problems_json

        print(problems_json(problems))
        return 1 if errors(problems) else 0
    if problems:
        print(format_report(problems, github=True if output == "github" else False if output == "text" else None))
    curriculum = loaded.curriculum
    if not errors(problems):
        print(f"All good: {len(curriculum.modules)} modules in {len(curriculum.tracks)} tracks, "
              f"{len(curriculum.pages)} pages, {len(curriculum.guides)} guides.")
        return 0
    return 1


def _combine(args) -> int:
    from minga.cli.shards import combine

    project = load_project(args.root)
    default = next(lang.code for lang in project.languages if lang.default)
    try:
        combine(args.shards, args.out, default, project.root)
    except (ValueError, OSError) as exc:
        print(f"minga: {exc}", file=sys.stderr)
        return 1
    print(f"Combined {len(args.shards)} builds into {args.out}/")
    return 0


def _status(args) -> int:
    from minga.checks.checking import check_project
    from minga.translation.status import format_table, outdated_reviewed

    loaded, problems = check_project(args.root)
    if errors(problems):
        print(format_report(problems), file=sys.stderr)
        return 1
    curriculum = loaded.curriculum
    langs = args.lang or [lang.code for lang in curriculum.languages if not lang.default]
    unknown = set(langs) - {lang.code for lang in curriculum.languages}
    if unknown:
        print(f"minga: unknown language(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    print("\n\n".join(format_table(curriculum, lang) for lang in langs))
    stale = [(lang, row) for lang, row in outdated_reviewed(curriculum) if lang in langs]
    if stale:
        print(f"\n{len(stale)} reviewed translation(s) are outdated: their English source changed after review.")
        for lang, row in stale:
            print(f"  {row.file}: update it, then run 'minga translation stamp --reviewed {row.file}' once a reviewer has checked it.")
        if args.fail_on_outdated_reviewed:
            return 1
    return 0


def _translation(args) -> int:
    from minga.translation.translate_cli import TranslationCommandError, stamp, start

    project = load_project(args.root)
    try:
        if args.action == "start":
            for source in args.source:
                print(f"Created {project.relative(start(project, args.lang, source))} (draft): translate its words, keep its structure.")
        else:
            for path in args.files:
                print(f"{project.relative(path.resolve())}: now matches its source ({stamp(project, path, args.reviewed)}).")
    except TranslationCommandError as exc:
        print(f"minga: {exc}", file=sys.stderr)
        return 1
    return 0


def _catalog(root: Path | None) -> int:
    from minga.web.catalog import catalog_json
    from minga.checks.checking import check_project

    loaded, problems = check_project(root)
    if errors(problems):
        print(format_report(problems), file=sys.stderr)
        return 1
    sys.stdout.write(catalog_json(loaded.curriculum))
    return 0


if __name__ == "__main__":
    sys.exit(main())
