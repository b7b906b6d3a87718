"""Scale: the benchmark scripts keep working (a smoke run, no timing asserted), one-language builds
combine into one site, and the per-language CI workflow stays safe and consistent with the project."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, run_minga

WORKFLOW = ROOT / ".github" / "workflows" / "build-by-language.yml"


def test_benchmark_smoke(tmp_path):
    """The smallest synthetic curriculum, one run of each site step: rows, tables and a chart come out."""
    out = tmp_path / "results"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "25", "--langs", "1",
                             "--runs", "1", "--pdf-sizes", "", "--steps", "check,site,plain", "--name", "smoke",
                             "--out", str(out), "--work", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = json.loads((out / "smoke.json").read_text(encoding="utf-8"))["rows"]
    assert {r["step"] for r in rows} == {"check-cold", "check", "check-one-changed", "site", "plain"}
    assert all(r["sessions"] == 25 and r["wall"] > 0 and r["cpu"] > 0 and r["peak_mb"] > 10 for r in rows)
    table = (out / "smoke.md").read_text(encoding="utf-8")
    assert "| 25 | 1 | plain | 1 |" in table
    chart = ET.fromstring((out / "smoke.svg").read_text(encoding="utf-8"))
    assert chart.tag.endswith("svg") and len(chart.findall(".//{http://www.w3.org/2000/svg}polyline")) >= 2


def test_plain_baseline_runs_none_of_our_code(tmp_path, monkeypatch):
    """The benchmark's plain MkDocs config: same content, theme and extensions, but no hooks, no
    templates of ours and none of our Markdown extensions (its ratio would flatter ours)."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import synth

    plain = synth.plain_config(synth.make(tmp_path / "s25", 25, 1)).read_text(encoding="utf-8")
    assert "\nhooks:" not in plain and "custom_dir: overrides-plain\n" in plain
    assert "\n  - abbr" in plain and "\n  - pymdownx.superfences" in plain
    assert not re.search(r"(?m)^  - minga\.", plain)


def test_one_language_build_combines_with_the_others(site, tmp_path):
    """`minga build --lang es` builds Spanish only (its switcher still lists every language), and
    `minga combine` puts it together with a build of the default language."""
    shard = tmp_path / "es"
    result = run_minga("build", "--no-pdf", "--lang", "es", "--site-dir", str(shard), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (shard / "index.html").exists() and not (shard / "ar" / "index.html").exists()
    page = shard / "es" / "act" / "being-present" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "es"
    assert {a.get("hreflang") for a in soup.select("a[hreflang]")} >= {"en", "es", "ar", "sw"}

    combined = tmp_path / "combined"
    result = run_minga("combine", str(combined), str(site), str(shard), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (combined / "es" / "act" / "being-present" / "index.html").read_bytes() == page.read_bytes()
    assert (combined / "ar" / "act" / "being-present" / "index.html").read_bytes() == \
        (site / "ar" / "act" / "being-present" / "index.html").read_bytes()
    catalog = json.loads((combined / "catalog.json").read_text(encoding="utf-8"))
    assert {lang["code"] for lang in catalog["languages"]} == {"en", "es", "ar", "sw"}
    assert json.loads((combined / "pdf" / "index.json").read_text(encoding="utf-8")) == \
        json.loads((site / "pdf" / "index.json").read_text(encoding="utf-8"))


def test_unknown_language_is_refused_before_building(tmp_path):
    result = run_minga("build", "--no-pdf", "--lang", "xx", "--site-dir", str(tmp_path / "s"), cwd=ROOT)
    assert result.returncode == 2 and "unknown language(s): xx" in result.stderr
    assert not (tmp_path / "s").exists()


def _steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            yield name, step


def test_workflow_is_safe_for_pull_requests():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")
    uses = [step["uses"] for _, step in _steps(workflow) if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    for _, step in _steps(workflow):
        if "actions/checkout" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] is False
        # Values that come from the pull request's mkdocs.yml reach scripts through the environment only.
        assert "${{" not in step.get("run", ""), step["run"]


def test_workflow_shards_by_the_projects_languages_and_combines():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    listing = next(s["run"] for s in jobs["check"]["steps"] if s.get("id") == "languages")
    command = re.search(r"\$\((.*)\)", listing).group(1).replace(".venv/bin/python", sys.executable)
    printed = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert json.loads(printed) == ["en", "es", "ar", "sw"]
    assert jobs["build"]["needs"] == "check"
    assert jobs["build"]["strategy"]["matrix"]["lang"] == "${{ fromJSON(needs.check.outputs.languages) }}"
    build = next(s for s in jobs["build"]["steps"] if "minga build" in s.get("run", ""))
    assert '--lang "$BUILD_LANG"' in build["run"] and build["env"]["BUILD_LANG"] == "${{ matrix.lang }}"
    upload = next(s for s in jobs["build"]["steps"] if "upload-artifact" in s.get("uses", ""))
    download = next(s for s in jobs["combine"]["steps"] if "download-artifact" in s.get("uses", ""))
    assert upload["with"]["name"] == "shard-${{ matrix.lang }}" and download["with"]["pattern"] == "shard-*"
    assert jobs["combine"]["needs"] == "build"
    assert any("minga combine site shards/*" in s.get("run", "") for s in jobs["combine"]["steps"])
    targets = subprocess.run(["make", "-n", ".venv/.installed", "check"], cwd=ROOT, capture_output=True, text=True)
    assert targets.returncode == 0, targets.stderr  # the make targets the workflow calls exist
