"""More `minga` commands for co-designers: `new`, `serve`, `import`, and the JSON form of a check.

Kept apart from main.py so that the core commands stay short; main.py hands these over.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

from minga.checks.problems import Problem
from minga.content.project import load_project


def add_commands(commands) -> None:
    new = commands.add_parser("new", help="write a new module, track, page or guide that passes 'minga check' at once")
    kinds = new.add_subparsers(dest="kind", required=True)
    module = kinds.add_parser("module", help="a session in a track: curriculum/<track>/<id>.md")
    module.add_argument("--track", required=True, help="the track id (curriculum/_data/tracks.yml)")
    module.add_argument("--title", required=True)
    module.add_argument("--id", default=None, help="default: made from the title")
    track = kinds.add_parser("track", help="a track: an entry in tracks.yml and curriculum/<id>/index.md")
    track.add_argument("--title", required=True)
    track.add_argument("--description", required=True, help="one or two sentences on what the track is for")
    track.add_argument("--id", default=None, help="default: made from the title")
    page = kinds.add_parser("page", help="a page of the site menu: curriculum/<id>.md")
    page.add_argument("--title", required=True)
    page.add_argument("--description", default="One line on what this page is for.")
    page.add_argument("--id", default=None, help="default: made from the title")
    guide = kinds.add_parser("guide", help="a printable guide of a track's sessions: facilitator_guides/<id>.yml")
    guide.add_argument("--track", required=True)
    guide.add_argument("--title", default=None, help="default: the track's title")
    guide.add_argument("--id", default=None, help="default: the track id")

    serve = commands.add_parser("serve", help="live preview at http://127.0.0.1:8000/minga/ while you edit (no PDFs)")
    serve.add_argument("--dev-addr", default=None, help="address:port to serve on (default 127.0.0.1:8000)")

    imp = commands.add_parser("import", help="draft a module from material written for another tool")
    imp.add_argument("format", choices=("carpentries", "markdown"), help="carpentries: a Workbench episode; markdown: plain Markdown")
    imp.add_argument("source", type=Path, help="the episode or Markdown file to read")
    imp.add_argument("--track", required=True, help="the track the module goes in")
    imp.add_argument("--id", default=None, help="default: made from the title")


def run_command(args) -> int:
    if args.command == "new":
        return _new(args)
    if args.command == "serve":
        return _serve(args)
    return _import(args)


def _new(args) -> int:
    from minga.cli.scaffold import ScaffoldError, new_guide, new_module, new_page, new_track

    project = load_project(args.root)
    try:
        if args.kind == "module":
            made = new_module(project, args.track, args.title, args.id)
        elif args.kind == "track":
            made = new_track(project, args.title, args.description, args.id)
        elif args.kind == "page":
            made = new_page(project, args.title, args.description, args.id)
        else:
            made = new_guide(project, args.track, args.title, args.id)
    except ScaffoldError as exc:
        print(f"minga: {exc}", file=sys.stderr)
        return 1
    print(f"Created {project.relative(made.path)}. {made.next_steps}")
    return 0


def _serve(args) -> int:
    project = load_project(args.root)
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(project.root / "mkdocs.yml")]
    if args.dev_addr:
        command += ["--dev-addr", args.dev_addr]
    try:
        return subprocess.run(command, cwd=project.root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")).returncode
    except KeyboardInterrupt:
        return 0


def _import(args) -> int:
    from minga.cli.importer import ImportError_, import_episode

    project = load_project(args.root)
    try:
        result = import_episode(project, args.source, args.track, args.format, args.id)
    except ImportError_ as exc:
        print(f"minga: {exc}", file=sys.stderr)
        return 1
    print(f"Created {project.relative(result.path)} from {args.source}.")
    if result.todos:
        print(f"{result.todos} place(s) need a person: 'minga check' lists each as a TODO with its line.")
    return 0


def problems_json(problems: Iterable[Problem]) -> str:
    """The check's result for tools: every problem with file, line, code, message, fix and severity."""
    items = [asdict(problem) for problem in problems]
    for item in items:
        item["fix"] = item.pop("hint")
    errors = sum(item["severity"] == "error" for item in items)
    return json.dumps({"ok": errors == 0, "errors": errors, "warnings": len(items) - errors, "problems": items},
                      ensure_ascii=False, indent=2)
