"""Hostile pull requests (issue 8): every case is refused with a located error, or builds a safe site.

The corpus is tests/fixtures/hostile/ (format: tests/hostile_support.py). For each case:
(a) `minga check` never prints a traceback, and never echoes terminal escapes or bidi controls raw;
(b) a `refused` case exits 1 with `path:line: error[code]` naming the expected file;
(c) a `builds` case (or any case the check accepts) builds with `minga build --no-pdf`, and every
    output file passes tests/html_allowlist.py.
Test ids start with the number of the cause in issue 8 (`cause2-t2-tag-split-over-lines`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from . import html_allowlist
from .hostile_support import (ROOT, expectation, hostile_cases, located_errors, make_hostile_project, material_templates,
                              minga, names, overlay_paths)

CASES = hostile_cases()
RAW_CONTROL = re.compile("[\x00\x1b\x9b\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
TRACEBACK = "Traceback (most recent call last)"


def _param(case: str):
    return pytest.param(case, id=f"cause{expectation(case)['cause']}-{case}")


def test_the_corpus_covers_every_cause():
    causes = Counter(expectation(case)["cause"] for case in CASES)
    assert len(CASES) >= 60
    assert set(causes) == set(range(1, 9)), causes
    for case in CASES:
        expected = expectation(case)
        assert expected.get("refused") != expected.get("builds"), f"{case}: say refused: true or builds: true"
        if expected.get("refused"):
            assert expected.get("file"), f"{case}: a refused case names the file its error must name"


def _no_crash_no_raw_controls(output: str, what: str) -> None:
    assert TRACEBACK not in output, f"{what} crashed:\n{output[-3000:]}"
    raw = RAW_CONTROL.search(output)
    assert raw is None, f"{what} echoed the control character {raw.group()!r} raw:\n{output[max(0, raw.start() - 200):raw.start() + 200]!r}"


def build_and_scan(project: Path, tmp: Path, secrets: tuple[str, ...] = ()) -> tuple[int, str, list[str]]:
    """`minga build --no-pdf` into tmp/site; (exit code, output, allowlist findings in the built site)."""
    site = tmp / "site"
    code, output, _ = minga("build", "--no-pdf", "--site-dir", str(site), cwd=project, timeout=120)
    findings = []
    if code == 0:
        findings = html_allowlist.site_findings(site, [material_templates(), ROOT / "overrides"])
        for path in site.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                findings += [f"{path.relative_to(site)}: contains the secret {s!r}" for s in secrets if s.encode() in data]
    return code, output, findings


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_hostile_case(case, tmp_path):
    expected = expectation(case)
    project, outside = make_hostile_project(tmp_path, case, git_marker="GIT-CONFIG-MARKER-" + case)
    secrets = ((outside / "secret.txt").read_text().strip(), "GIT-CONFIG-MARKER-" + case)

    # Cases about slow paths run in their own process, killed if they hang; the others in this one.
    code, output, seconds = minga("check", cwd=project, timeout=expected.get("check_seconds", 20) * 3,
                                  in_process="check_seconds" not in expected)
    _no_crash_no_raw_controls(output, "minga check")
    if "check_seconds" in expected:
        assert seconds <= expected["check_seconds"], f"minga check took {seconds:.1f} s (limit {expected['check_seconds']} s)"
    if expected.get("github_forgery"):
        _, annotated, _ = minga("check", cwd=project, env={"GITHUB_ACTIONS": "true"}, in_process=True)
        _no_crash_no_raw_controls(annotated, "minga check (GitHub annotations)")
        forged = [ln for ln in annotated.splitlines() if ln.startswith(expected["github_forgery"])]
        assert not forged, f"a file name forged a GitHub annotation: {forged}"
    errors = located_errors(output)
    assert code in (0, 1), f"minga check exited {code} after {seconds:.1f} s:\n{output[-3000:]}"

    if expected.get("refused"):
        if code == 0:
            build_code, build_output, findings = build_and_scan(project, tmp_path, secrets)
            crashed = " with a traceback" if TRACEBACK in build_output else ""
            pytest.fail(f"minga check accepted it (expected a located error naming {expected['file']}).\n"
                        f"Today's build (--no-pdf) exited {build_code}{crashed}; allowlist findings in its output:\n  "
                        + "\n  ".join(findings[:15] or ["(none)"]) + f"\ncheck said:\n{output[-1500:]}")
        naming = [e for e in errors if names(e[0], expected["file"])]
        assert naming, f"no located error names {expected['file']}:\n{output[-3000:]}"
        if "line" in expected:
            lines = range(expected["line"], expected["line"] + expected.get("line_span", 0) + 1)
            assert any(e[1] in lines for e in naming), f"no error at line {expected['line']} (+{expected.get('line_span', 0)}): {naming}"
        return

    # builds: true. A located refusal naming a file of the overlay is acceptable too.
    if code == 1:
        mine = [e for e in errors if any(names(e[0], p) or e[0].startswith(p.rstrip("/")) for p in overlay_paths(case))]
        assert mine, f"minga check refused without naming a file of the case:\n{output[-3000:]}"
        return
    build_code, build_output, findings = build_and_scan(project, tmp_path, secrets)
    _no_crash_no_raw_controls(build_output, "minga build")
    if build_code != 0:
        mine = [e for e in located_errors(build_output)
                if any(names(e[0], p) or e[0].startswith(p.rstrip("/")) for p in overlay_paths(case))]
        assert build_code == 1 and mine, f"the build failed without a located error:\n{build_output[-3000:]}"
        return
    assert not findings, "the built site holds content outside the allowlist:\n  " + "\n  ".join(findings[:30])


def test_the_valid_fixture_builds_a_site_that_passes_the_allowlist(tmp_path):
    """The allowlist itself: the unchanged fixture project builds and passes (no false alarm)."""
    project, _ = make_hostile_project(tmp_path, None)
    code, output, findings = build_and_scan(project, tmp_path)
    assert code == 0, output[-3000:]
    assert findings == []


def test_the_bundled_curriculum_builds_a_site_that_passes_the_allowlist(site):
    """The repository's own curriculum (every language, PDFs included) passes the allowlist: no false alarms."""
    assert html_allowlist.site_findings(site, [material_templates(), ROOT / "overrides"]) == []
