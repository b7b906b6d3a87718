"""Property tests (issue 8): arbitrary bodies and front-matter strings never crash the check, and
whatever the check accepts renders to HTML inside the allowlist (tests/html_allowlist.py).

The module is tests/fixtures/valid's choice-point (part of a guide), with generated text appended
to its body or put into its front-matter strings. `check_project` (minga/checks/checking.py) is called in
process. Accepted bodies are rendered with the build's own Markdown configuration (mkdocs.yml's
extensions through MkDocs' config loader, as the site does) and with minga's print renderer
(minga/pdf/markdown.py's PrintMarkdown), and both results are held to the allowlist.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from minga.checks.checking import check_project
from minga.checks.problems import errors
from minga.checks.report import format_problem

from . import html_allowlist
from .hostile_support import make_hostile_project

CP = "curriculum/act/choice-point.md"
TOKENS = ["<", ">", "&", "\"", "'", "`", "```", "\n", "\r", "\r\n", "\0", "\t", " ", "    ", "\\", "/", "=", ":", ";",
          "#", "*", "_", "|", "[", "]", "(", ")", "{", "}", "!", "-", "a", "b", "x", "\u202e", "\u2066", "\u200f", "\x1b[31m",
          "img", "script", "svg", "iframe", "details", "onerror", "onload", "src=x", "href=", "title=", "javascript:",
          "data:text/html,", "file:///etc/hostname", "&lt;", "&gt;", "&#106;", "&#x6A;", "&quot;", "<!--", "-->", "///",
          "/// note | ", "](", "[x]:", "*[HTML]: ", "<img src=x onerror=alert(1)>", "<a\nhref=", "rel=attachment",
          "{onclick=x}", "<kbd", "</", "<br>", "![a](", "<math>", "<style>", "\u00e9", "\u0627", "\U0001F600",
          '<img src="x" onerror="alert(1)">', '<img src="x"\nonerror="alert(1)">', "\\`", "<a\nrel=\"attachment\" href=\"",
          '/// note | <b onclick="alert(1)">t</b>\nText.\n///', '<kbd\nonclick="alert(1)">k</kbd>', "[x]:\n    javascript:alert(1)",
          "](<java\nscript:alert(1)>)", "    ```\n"]

piece = st.one_of(
    st.sampled_from(TOKENS),
    st.text(max_size=6),
    st.tuples(st.sampled_from(["a", "<", "[", "`", "&", "*_", "[x](", "<a ", " "]), st.integers(1, 1500)).map(lambda t: t[0] * t[1]),
)
hostile_text = st.lists(piece, min_size=1, max_size=25).map("".join)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    project, _ = make_hostile_project(tmp_path_factory.mktemp("properties"), None)
    original = (project / CP).read_text(encoding="utf-8")
    _, front, body = original.split("---\n", 2)
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    site_md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    from minga.pdf.markdown import LinkContext, PrintMarkdown

    printer = PrintMarkdown(project / "mkdocs.yml")
    context = LinkContext("act/choice-point.md", "en", "en", project / "curriculum", printer.site_url)
    return {"root": project, "front": yaml.safe_load(front), "body": body, "site_md": site_md,
            "print": lambda text: printer.render(text, context)}


def _check(root: Path) -> list:
    loaded, problems = check_project(root)  # must never raise
    for problem in problems:
        assert isinstance(problem.line, int) and problem.line >= 0 and problem.file
        format_problem(problem)
        format_problem(problem, github=True)
    return problems


def _accepted(problems) -> bool:
    return not errors(problems)


def _render_findings(workspace, body: str) -> list[str]:
    found = []
    site_md = workspace["site_md"]
    site_md.reset()
    found += html_allowlist.html_findings(site_md.convert(body), "site rendering", fragment=True)
    found += html_allowlist.html_findings(workspace["print"](body), "print rendering", fragment=True,
                                          local_schemes=html_allowlist.PRINT_SCHEMES)
    return found


# No shrinking: a failure is reported as found (shrinking re-runs the check hundreds of times).
SETTINGS = settings(max_examples=60, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


@SETTINGS
@given(extra=hostile_text)
def test_any_body_is_refused_or_renders_inside_the_allowlist(workspace, extra):
    body = workspace["body"].rstrip("\n") + "\n\n" + extra + "\n"
    front = yaml.safe_dump(workspace["front"], sort_keys=False, allow_unicode=True)
    with open(workspace["root"] / CP, "w", encoding="utf-8", newline="") as f:
        f.write(f"---\n{front}---\n{body}")
    problems = _check(workspace["root"])
    if _accepted(problems):
        findings = _render_findings(workspace, body)
        assert not findings, f"minga check accepted a body that renders outside the allowlist: {findings[:5]}\nbody: {extra[:300]!r}"


FIELDS = [("title",), ("audience",), ("objectives", 0), ("materials", None), ("safety", "refer"),
          ("safety", "watch_for", 0), ("sources", 0, "title"), ("sources", 0, "author"), ("handouts", 0)]


@SETTINGS
@given(value=hostile_text, where=st.sampled_from(FIELDS))
def test_any_front_matter_string_never_crashes_the_check(workspace, value, where):
    front = yaml.safe_load(yaml.safe_dump(workspace["front"]))
    target = front
    for key in where[:-1]:
        target = target[key]
    if where[-1] is None:
        target.append(value)
    else:
        target[where[-1]] = value
    body = workspace["body"]
    if where == ("handouts", 0):
        body = body.replace("/// handout | My choice point", "/// handout | " + value.replace("\n", " ").replace("\r", " "))
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
    with open(workspace["root"] / CP, "w", encoding="utf-8", newline="") as f:
        f.write(f"---\n{text}---\n{body}")
    problems = _check(workspace["root"])
    if _accepted(problems) and where == ("handouts", 0):
        # The handout title is also a block title (`/// handout | ...`), rendered by Markdown.
        findings = _render_findings(workspace, body)
        assert not findings, f"an accepted handout title renders outside the allowlist: {findings[:5]}\nvalue: {value[:300]!r}"
