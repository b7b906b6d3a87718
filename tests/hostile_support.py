"""Hostile fixture projects: an overlay on tests/fixtures/valid/ plus what git cannot hold.

A case folder in tests/fixtures/hostile/ is an overlay exactly like tests/fixtures/broken/ ones
(files replace or add files; `_delete.txt` lists paths to delete), plus these control files:

- `expect.yml`: what must happen.
    cause: 1..8            the numbered cause of issue 8 that the case covers
    refused: true          `minga check` must exit 1 with a located error `file:line: error[code] ...`
      file: <path>         ... naming this file (a path ending in '/' names a folder: any file under it)
      line: <n>            ... at this line (optional; 0 or no line means the whole file)
      line_span: <n>       ... or at one of the n lines after it (a construct written over several lines)
      github_forgery: <s>  with GITHUB_ACTIONS=true, no output line may start with <s>
    builds: true           the build may succeed, but every output file must pass tests/html_allowlist.py
                           (a located refusal naming a file of the overlay is also accepted)
    check_seconds: <n>     `minga check` must finish within n seconds
    note: <text>           for people
- `_symlinks.txt`: one link a line, `link/path -> target`, both relative to the project root for the
  link and as written for the target; `{outside}` in a target is a folder outside the project copy
  holding `secret.txt` and `secret.md` (made at test time). Links are made after the overlay.
- `_generate.yml`: files made at test time (names git cannot hold, or big files). A list of:
    path: <relative path>  percent-decoded into bytes, so `%FF` is an invalid UTF-8 byte, `%0A` a newline
    text: <content>        or
    from: <relative path>  start from this file of the project, then
      append_repeat: [unit, count]          add a line made of `unit` repeated `count` times, or
      replace: [old, piece, [unit, count]]  replace `old` (once) by the pieces joined
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import yaml

from .fixtures_overlay import FIXTURES, make_project

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = FIXTURES / "hostile"
CONTROL_FILES = frozenset({"expect.yml", "_delete.txt", "_symlinks.txt", "_generate.yml"})
# `path:line: error[code] message`, or `path: error[code] message` for a whole file (line 0).
LOCATED = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+))?: error\[(?P<code>[a-z0-9-]+)\]", re.M)
GIT_MARKER_KEY = "hostilemarker"


def hostile_cases() -> list[str]:
    return sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())


def expectation(case: str) -> dict:
    return yaml.safe_load((HOSTILE / case / "expect.yml").read_text(encoding="utf-8"))


def material_templates() -> Path:
    import material
    return Path(material.__file__).resolve().parent / "templates"


def buildable_config(fixture_config: str) -> str:
    """The repository's mkdocs.yml (theme, hooks, extensions) with the fixture's languages and no nav."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if "\nnav:" in text:
        text = text[:text.index("\nnav:")] + "\n"
    langs = fixture_config[fixture_config.index("      languages:"):]
    langs = "\n".join(line for line in langs.splitlines() if line.startswith("        ") or "languages:" in line) + "\n"
    return re.sub(r"      languages:\n(?:        .*\n)+", lambda _: langs, text, count=1)


def make_hostile_project(tmp: Path, case: str | None, git_marker: str | None = None, cases: Path = HOSTILE) -> tuple[Path, Path]:
    """(project, outside): the overlaid project, buildable with the repository's theme and hooks."""
    project, outside = tmp / "project", tmp / "outside"
    make_project(project, case, cases, CONTROL_FILES)
    config = project / "mkdocs.yml"
    config.write_text(buildable_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    for part in ("overrides", "hooks"):
        shutil.copytree(ROOT / part, project / part)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(f"OUTSIDE-SECRET-{secrets.token_hex(8)}\n", encoding="utf-8")
    (outside / "secret.md").write_text("---\ntitle: Stolen\n---\n\n" + (outside / "secret.txt").read_text(), encoding="utf-8")
    if git_marker is not None:
        subprocess.run(["git", "init", "-q", str(project)], check=True)
        with open(project / ".git" / "config", "a", encoding="utf-8") as f:
            f.write(f"[{GIT_MARKER_KEY}]\n\tvalue = {git_marker}\n")
    if case is not None:
        _generate(project, cases / case / "_generate.yml")
        _symlinks(project, cases / case / "_symlinks.txt", outside)
    return project, outside


def _pieces(parts) -> str:
    return "".join(p[0] * p[1] if isinstance(p, list) else p for p in parts)


def _generate(project: Path, manifest: Path) -> None:
    if not manifest.is_file():
        return
    for entry in yaml.safe_load(manifest.read_text(encoding="utf-8")):
        target = os.path.join(os.fsencode(project), unquote_to_bytes(entry["path"]))
        if "text" in entry:
            text = entry["text"]
        else:
            text = (project / entry["from"]).read_text(encoding="utf-8")
            if "append_repeat" in entry:
                unit, count = entry["append_repeat"]
                text = text.rstrip("\n") + "\n\n" + unit * count + "\n"
            if "replace" in entry:
                old, *parts = entry["replace"]
                assert text.count(old) == 1, f"{manifest}: {old!r} should appear once"
                text = text.replace(old, _pieces(parts))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(text.encode("utf-8"))


def _symlinks(project: Path, manifest: Path, outside: Path) -> None:
    if not manifest.is_file():
        return
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        link, target = (part.strip() for part in line.split(" -> "))
        path = project / link
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        path.symlink_to(target.replace("{outside}", str(outside)))


def overlay_paths(case: str) -> list[str]:
    """The project paths a case adds or changes (for matching located errors)."""
    folder = HOSTILE / case
    paths = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name not in CONTROL_FILES]
    for name in ("_symlinks.txt",):
        if (folder / name).is_file():
            paths += [ln.split(" -> ")[0].strip() for ln in (folder / name).read_text().splitlines() if " -> " in ln]
    if (folder / "_generate.yml").is_file():
        for entry in yaml.safe_load((folder / "_generate.yml").read_text(encoding="utf-8")):
            paths.append(unquote_to_bytes(entry["path"]).decode("utf-8", "replace").split("\n")[0].rsplit("/", 1)[0] + "/")
    return paths


def run(args: list[str], cwd: Path, timeout: float, env: dict | None = None) -> tuple[int, str, float]:
    """Run a command; (exit code, stdout+stderr as text with undecodable bytes escaped, seconds)."""
    import time
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    environment.update(env or {})
    started = time.monotonic()
    try:
        result = subprocess.run(args, cwd=cwd, capture_output=True, timeout=timeout, env=environment)
    except subprocess.TimeoutExpired as exc:
        out = ((exc.stdout or b"") + b"\n" + (exc.stderr or b"")).decode("utf-8", "backslashreplace")
        return -9, f"(killed after {timeout:.0f} s)\n{out}", time.monotonic() - started
    elapsed = time.monotonic() - started
    out = (result.stdout + b"\n" + result.stderr).decode("utf-8", "backslashreplace")
    return result.returncode, out, elapsed


def minga(*args: str, cwd: Path, timeout: float = 120, env: dict | None = None,
          in_process: bool = False) -> tuple[int, str, float]:
    """The `minga` command in a new process (a hang is killed after `timeout`), or, for a quick
    `check`, in this process (the same code, without a second Python start for each case)."""
    if in_process:
        return _in_process(list(args), cwd, env)
    return run([sys.executable, "-m", "minga.cli", *args], cwd, timeout, env)


def _in_process(args: list[str], cwd: Path, env: dict | None) -> tuple[int, str, float]:
    import contextlib
    import io
    import signal
    import time

    from minga.cli.main import main

    saved = dict(os.environ)
    handler = signal.getsignal(signal.SIGPIPE)
    os.environ.pop("GITHUB_ACTIONS", None)
    os.environ.update(env or {})
    out = io.StringIO()
    started = time.monotonic()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                code = main(["--root", str(cwd), *args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
        signal.signal(signal.SIGPIPE, handler)
    text = out.getvalue().encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return code, text, time.monotonic() - started


def located_errors(output: str) -> list[tuple[str, int, str]]:
    return [(m["file"], int(m["line"] or 0), m["code"]) for m in LOCATED.finditer(output)]


def names(error_file: str, wanted: str) -> bool:
    return error_file.startswith(wanted) if wanted.endswith("/") else error_file == wanted
