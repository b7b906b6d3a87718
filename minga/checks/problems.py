"""Problems found in content: values that carry a file, a line and a fix."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located and explained.

    `message` says what was expected and what arrived; `hint` says what to change.
    """

    file: str  # path relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the file as a whole
    code: str  # stable rule code, e.g. "unknown-key"
    message: str
    hint: str = ""
    severity: Severity = "error"


def relpath(path: Path, root: Path) -> str:
    """A path as contributors see it: relative to the repository root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' when a choice is close to `word`, else ''."""
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{matches[0]}'?" if matches else ""


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
