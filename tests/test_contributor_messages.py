"""Messages a co-designer meets when bringing in material from elsewhere (issue 13, contributor trial).

Each test writes what the trial wrote and compares the whole message, fix line included.
"""

from __future__ import annotations

from pathlib import Path

from minga.checks.checking import check_project
from minga.content.project import load_project
from minga.checks.report import format_problem
from minga.translation.translate_cli import TranslationCommandError, start
from minga.web.views import translation_view

from .fixtures_overlay import make_project
from .test_rules import CALM, CHOICE, assert_fix_is_an_answer, rewrite


def report(root: Path) -> list[str]:
    _, problems = check_project(root)
    for problem in problems:
        assert_fix_is_an_answer(problem)
    return [format_problem(p) for p in problems]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_carpentries_and_material_blocks_name_the_minga_block(tmp_path):
    root = make_project(tmp_path / "p")
    append(root / CALM, "\n::: instructor\nTime it.\n:::\n\n??? tip \"A tip\"\n    Indented.\n\n```\n::: challenge\n```\n")
    assert report(root) == [
        f"{CALM}:25: error[foreign-block] '::: instructor' is a Pandoc/Carpentries block: Minga does not read it, "
        "and the page would show it as plain text.\n"
        "    fix: Use '/// note' (for the facilitator only): write '/// note | title' on this line, the lines inside, "
        "and a line with only '///' at its closing ':::'.",
        f"{CALM}:29: error[foreign-block] '??? tip' is a Material for MkDocs admonition: Minga does not read it, "
        "and the page would show it as plain text.\n"
        "    fix: Use '/// aside': write '/// aside | title' on this line, the lines inside, without their 4-space "
        "indent, and a line with only '///' at the end of its indented lines.",
    ]  # the one inside a code fence is an example, left alone


def test_agenda_title_with_a_question_mark_says_to_quote_it(tmp_path):
    root = make_project(tmp_path / "p")
    rewrite(root / CHOICE, "{title: Welcome, minutes: 15", "{title: Why are we here?, minutes: 15")
    rewrite(root / CHOICE, "## Welcome", "## Why are we here?")
    assert report(root) == [
        f"{CHOICE}:13: error[yaml-syntax] The title 'Why are we here?' contains a question mark: inside {{...}} such a "
        "value must be in quotes.\n"
        '    fix: Put the title in quotes: - {title: "Why are we here?", minutes: 15, mode: plenary}',
    ]


def test_agenda_title_with_commas_says_to_quote_it(tmp_path):
    root = make_project(tmp_path / "p")
    rewrite(root / CHOICE, "{title: Welcome, minutes: 15", "{title: Novice, competent practitioner, expert, minutes: 15")
    assert report(root) == [
        f"{CHOICE}:13: error[yaml-syntax] The title 'Novice, competent practitioner, expert' contains a comma: "
        "inside {...} such a value must be in quotes.\n"
        '    fix: Put the title in quotes: {title: "Novice, competent practitioner, expert", minutes: 15, mode: plenary}',
    ]


def test_quoted_titles_with_commas_are_fine(tmp_path):
    root = make_project(tmp_path / "p")
    rewrite(root / CHOICE, "{title: Welcome, minutes: 15", '{title: "Welcome: who, why?", minutes: 15')
    rewrite(root / CHOICE, "## Welcome", "## Welcome: who, why?")
    assert report(root) == []


def test_link_suggestion_is_relative_to_the_file_being_edited(tmp_path):
    """Following the advice must fix the link (the trial's advice looped)."""
    root = make_project(tmp_path / "p")
    append(root / CALM, "\n[Being present](act/being-present.md) and ![A dot](images/dot.svg)\n")
    assert report(root) == [
        f"{CALM}:25: error[broken-link] The link 'act/being-present.md' leads to a page or file that does not exist.\n"
        "    fix: Did you mean '../act/being-present.md'? Paths are relative to the folder of this file (curriculum/education/).",
        f"{CALM}:25: error[missing-image] The picture 'images/dot.svg' does not exist.\n"
        "    fix: Did you mean '../assets/images/dot.svg'? Check the file name and folder (names are case-sensitive); "
        "pictures live in curriculum/assets/images/.",
    ]
    rewrite(root / CALM, "](act/being-present.md)", "](../act/being-present.md)")
    rewrite(root / CALM, "](images/dot.svg)", "](../assets/images/dot.svg)")
    assert report(root) == []


def test_autolinks_are_markdown(tmp_path):
    root = make_project(tmp_path / "p")
    append(root / CALM, "\nWatch <https://www.example.org/video?id=1> or write to <someone@example.org>.\n")
    assert report(root) == []


def test_fix_lines_never_echo_the_wrong_value(tmp_path):
    root = make_project(tmp_path / "p")
    rewrite(root / CHOICE, "mode: small groups}", "mode: whole group}")
    rewrite(root / CHOICE, "    year: 2019", "    year: n.d.\n    url: doi:10.1207/s15516709cog1202_4")
    rewrite(root / CHOICE, "order: 1", "order: 0")
    rewrite(root / CHOICE, "group_size: {min: 4, max: 20}", "group_size: 4-20")
    assert report(root) == [
        f"{CHOICE}:5: error[out-of-range] 'order' should be between 1 and 999, but is 0.\n"
        "    fix: Write a whole number from 1 to 999.",
        f"{CHOICE}:8: error[wrong-type] 'group_size' should be a set of 'key: value' lines, but is the text '4-20'.\n"
        "    fix: Write it as {min: 6, max: 24}.",
        f"{CHOICE}:14: error[bad-value] 'agenda[2].mode' should be one of: plenary, small groups, pairs, individual, "
        "but is 'whole group'.\n"
        "    fix: Did you mean 'plenary'? Use one of: plenary, small groups, pairs, individual.",
        f"{CHOICE}:27: error[wrong-type] 'sources[1].year' should be a whole number, but is the text 'n.d.'.\n"
        "    fix: Write the year in digits, for example 2019, or leave 'year' out when the source has no date.",
        f"{CHOICE}:28: error[bad-value] 'sources[1].url' should be a web address starting with https://, but 'doi:' addresses are not "
        "web pages, e-mail addresses or phone numbers: 'doi:10.1207/s15516709cog1202_4'.\n"
        "    fix: Write the DOI as a web address: https://doi.org/10.1207/s15516709cog1202_4",
    ]


def with_spanish(root: Path) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        - locale: es\n          name: Español\n", encoding="utf-8")
    return root


def test_translation_start_refuses_a_translation_and_names_the_source(tmp_path):
    root = with_spanish(make_project(tmp_path / "p"))
    project = load_project(root)
    start(project, "es", root / "curriculum/act/being-present.md")
    try:
        start(project, "es", root / "curriculum/act/being-present.es.md")
    except TranslationCommandError as exc:
        assert str(exc) == ("curriculum/act/being-present.es.md is itself a translation: start from its source, "
                            "minga translation start es curriculum/act/being-present.md")
    else:
        raise AssertionError("a translation was accepted as a source")
    assert not (root / "curriculum/act/being-present.es.es.md").exists()


def test_what_changed_works_before_anything_is_committed(tmp_path):
    """No git at all: the text the translation was made from is kept by 'translation start'."""
    root = with_spanish(make_project(tmp_path / "p"))
    project = load_project(root)
    start(project, "es", root / "curriculum/act/choice-point.md")
    append(root / CHOICE, "\nA sentence added after the translation was made.\n")
    loaded, problems = check_project(root)
    assert [p for p in problems if p.severity == "error"] == []
    item = loaded.curriculum.translations["act/choice-point.md"]["es"]
    view = translation_view(loaded.curriculum, item, "es", project)
    assert view["status"] == "outdated"
    assert "+A sentence added after the translation was made." in view["diff"]
