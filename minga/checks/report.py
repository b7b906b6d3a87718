"""The one reporter: problems as 'file:line: error[code] message' lines, or GitHub annotations."""

from __future__ import annotations

import os
from typing import Iterable

from minga.checks.problems import Problem
from minga.checks.publishing import printable


def format_problem(problem: Problem, github: bool = False) -> str:
    # Content quoted in a message may hold terminal escapes, bidi controls or newlines: never echo them.
    file = printable(problem.file).replace("\n", "\\n")
    message, hint = printable(problem.message), printable(problem.hint)
    where = f"{file}:{problem.line}" if problem.line else file
    if github:
        # GitHub shows these on the pull request, next to the line.
        line = f",line={problem.line}" if problem.line else ""
        text = message + (f" {hint}" if hint else "")
        return f"::{problem.severity} file={_escape_property(file)}{line},title={problem.code}::{_escape(text)}"
    out = f"{where}: {problem.severity}[{problem.code}] {message}"
    if hint:
        out += f"\n    fix: {hint}"
    return out


def format_report(problems: Iterable[Problem], github: bool | None = None) -> str:
    problems = list(problems)
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    lines = [format_problem(p, github) for p in problems]
    files = len({p.file for p in problems})
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems:
        lines.append(f"\n{errors} error(s) and {warnings} warning(s) in {files} file(s).")
    return "\n".join(lines)


def _escape(text: str) -> str:
    """GitHub workflow-command data escaping."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub workflow-command property escaping (a file name cannot end the property early)."""
    return _escape(text.replace("\n", "\\n")).replace(":", "%3A").replace(",", "%2C")
