"""The GitHub workflows, templates and pre-commit configuration parse and keep their promises:
pull requests get read-only permissions, no secrets, annotations, a built preview and a summary;
third-party actions are pinned by commit."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from minga.cli.pr_summary import summary
from minga.content.project import load_project
from minga.translation.translate_cli import start

from .fixtures_overlay import make_project

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w.-]+)*@[0-9a-f]{40}$")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_by_commit_and_no_secret_is_used():
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "secrets." not in text and "pull_request_target" not in text, path.name
        for step in steps(workflow(path.name)):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is not pinned by commit"


def test_pull_request_workflow_is_read_only_and_reports():
    data = workflow("pr.yml")
    assert "pull_request" in data["on"]
    assert data["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in data["jobs"].values())
    runs = " ".join(step.get("run", "") for step in steps(data))
    assert "minga check --format github" in runs and "minga build" in runs and "--no-pdf" not in runs
    assert "minga.cli.pr_summary" in runs and "GITHUB_STEP_SUMMARY" in runs
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps(data))
    checkout = next(step for step in steps(data) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    # main's build cache is restored, never saved from a pull request
    caches = [step for step in steps(data) if step.get("uses", "").startswith("actions/cache")]
    assert caches and all(step["uses"].startswith("actions/cache/restore@") for step in caches)
    assert all(step["with"]["path"] == "~/.cache/minga" for step in caches)


def test_deploy_workflow_publishes_main_with_pages_permission_only():
    data = workflow("deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in steps(data))


def test_templates_and_pre_commit_parse():
    for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.name == "config.yml" or (data["name"] and data["body"]), path.name
    names = {p.name for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")}
    assert {"new-session-idea.yml", "translation.yml", "site-problem.yml"} <= names
    assert (ROOT / ".github" / "pull_request_template.md").is_file()
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert hooks[0]["entry"].endswith("minga check") and re.match(hooks[0]["files"], "curriculum/act/x.md")


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True)


def test_summary_lists_changed_pages_pdfs_and_translation_status(tmp_path):
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        - locale: es\n          name: Español\n", encoding="utf-8")
    start(load_project(root), "es", root / "curriculum/act/choice-point.md")
    _git("init", "-q", "-b", "main", cwd=root)
    _git("add", "-A", cwd=root)
    _git("commit", "-qm", "base", cwd=root)
    module = root / "curriculum/act/choice-point.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nA new closing sentence.\n", encoding="utf-8")
    _git("commit", "-qam", "change", cwd=root)
    text = summary(load_project(root), "HEAD~1")
    assert "- `curriculum/act/choice-point.md` → `act/choice-point/`" in text
    assert "- `pdf/en/foundations.pdf`" in text and "- `pdf/es/handouts/choice-point.pdf`" in text
    assert "- `act/choice-point.md` (es): draft → outdated" in text
