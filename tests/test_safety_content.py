"""Safety wording a facilitator follows literally (issue 9, safety part).

These read the real curriculum through the same loader as the build, in every language
that has the text, and one small real build of a copy of the project. Each fails when the
wording it guards is removed or broken.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from minga.web import ui
from minga.checks.checking import check_project
from minga.content.project import load_project

from .conftest import ROOT, copy_project, run_minga

DISCLOSURES = "gender-equity/responding-to-disclosures.md"
PROTOCOL = "safety-protocol.md"
NEEDS_REFERRALS = {"responding-to-disclosures", "student-in-distress"}

# How each language writes the two time windows after rape (HIV medicine, emergency contraception).
WINDOWS = {
    "en": ("72 hours", "120 hours", "5 days"),
    "es": ("72 horas", "120 horas", "5 días"),
    "ar": ("72 ساعة", "120 ساعة", "5 أيام"),
    "sw": ("saa 72", "saa 120", "siku 5"),
}
# The "at once (same hour)" item of the protocol, and how it names a recent rape.
SAME_HOUR = {
    "en": ("(same hour)", "rape in the last 5 days"),
    "es": ("(en la misma hora)", "violación en los últimos 5 días"),
    "ar": ("(خلال الساعة نفسها)", "اغتصاب خلال الأيام الخمسة الماضية"),
    "sw": ("(ndani ya saa hiyo hiyo)", "ubakaji ndani ya siku 5"),
}
# The limits of confidentiality, said aloud: the two exceptions, and that nobody can promise for everyone.
LIMITS = {
    "en": ("life is in danger", "child is being harmed", "nobody can promise"),
    "es": ("vida de alguien está en peligro", "le están haciendo daño", "nadie puede prometerlo"),
    "ar": ("حياة أحد في خطر", "طفل يتعرّض للأذى", "لا أحد يستطيع أن يعد"),
    "sw": ("maisha ya mtu yakiwa hatarini", "mtoto akiwa anadhuriwa", "hakuna anayeweza kuahidi"),
}
# Talks promised "at the break".
AT_THE_BREAK = {"en": r"\bat\s+the\s+break\b", "es": r"\ben\s+el\s+descanso\b", "ar": r"في\s+الاستراحة", "sw": r"wakati\s+wa\s+mapumziko"}

REFERRAL_ROWS = {
    "suicide-risk", "violence-now", "medical-emergency", "care-after-rape", "mental-health",
    "crisis-helpline", "child-helpline", "survivor-support", "police-protection", "child-protection",
    "staff-support", "complaints",
}

SAY_BLOCK = re.compile(r"^/{3,} say[^\n]*\n(.*?)^/{3,}\s*$", re.M | re.S)


@pytest.fixture(scope="module")
def loaded():
    loaded, problems = check_project(ROOT)
    assert problems == [], problems
    return loaded


def versions(curriculum, item):
    """The source and every translation of a module or page, by language."""
    return {item.lang: item, **curriculum.translations.get(item.src_uri, {})}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_post_rape_windows_in_the_disclosure_session_and_the_protocol(loaded):
    curriculum = loaded.curriculum
    items = [curriculum.module_by_uri(DISCLOSURES), curriculum.pages[PROTOCOL]]
    for item in items:
        for lang, version in versions(curriculum, item).items():
            assert lang in WINDOWS, f"{version.file}: add how {lang} writes the time windows to this test"
            text = flat(version.body)
            for window in WINDOWS[lang]:
                assert window in text, f"{version.file}: the window '{window}' is missing"
            assert not re.search(r"within three days|dentro de los\s+tres días", text), \
                f"{version.file}: one window of three days for HIV and pregnancy is wrong"


def test_recent_rape_is_in_the_protocols_act_at_once_group(loaded):
    curriculum = loaded.curriculum
    for lang, page in versions(curriculum, curriculum.pages[PROTOCOL]).items():
        same_hour, recent_rape = SAME_HOUR[lang]
        items = re.split(r"\n- ", page.body)
        at_once = [i for i in items if same_hour in i]
        assert len(at_once) == 1, f"{page.file}: no single 'at once' item"
        assert recent_rape in flat(at_once[0]), f"{page.file}: a rape in the last 5 days is not in the 'at once' group"


def test_the_referral_guidance_states_the_real_time_windows(loaded):
    curriculum = loaded.curriculum
    for lang in (l.code for l in curriculum.languages):
        services, _ = curriculum.referrals_in(lang)
        row = next(s for s in services if s.id == "care-after-rape")
        assert "72" in row.notes and "120" in row.notes, f"{lang}: the care-after-rape row lacks its time windows"
    for path in (ROOT / "curriculum" / "_data").glob("referrals*.yml"):
        header = path.read_text(encoding="utf-8").split("\nlocalized:")[0]
        assert "72" in header and "120" in header, f"{path.name}: the guidance for local teams lacks the time windows"


def test_every_first_session_says_the_limits_of_confidentiality(loaded):
    curriculum = loaded.curriculum
    assert curriculum.tracks
    for track in curriculum.tracks:
        first = curriculum.modules_of(track.id)[0]  # the model's order, not a list kept here
        for lang, module in versions(curriculum, first).items():
            said = [block for block in SAY_BLOCK.findall(module.body)
                    if all(phrase in flat(block) for phrase in LIMITS[lang])]
            assert said, f"{module.file}: no '/// say' block states both limits of confidentiality and that nobody can promise for everyone"


def test_no_session_promises_unconditional_secrecy(loaded):
    for module in loaded.curriculum.modules.values():
        assert not re.search(r"what is said here\s+stays here", module.body), \
            f"{module.file}: 'what is said here stays here' without its limits"


def test_every_agenda_of_two_hours_or_more_has_a_break(loaded):
    long = [m for m in loaded.curriculum.modules.values() if m.duration_minutes >= 120]
    assert long
    for module in long:
        assert any(block.title == "Break" for block in module.agenda), f"{module.file}: {module.duration_minutes} minutes and no break"


def test_every_talk_promised_at_the_break_has_a_break(loaded):
    curriculum = loaded.curriculum
    for source in curriculum.modules.values():
        has_break = any(block.title == "Break" for block in source.agenda)
        for lang, module in versions(curriculum, source).items():
            if re.search(AT_THE_BREAK[lang], module.body):
                assert has_break, f"{module.file}: promises a talk at the break, but the agenda has none"


def test_the_referral_rows_the_sessions_rely_on_exist_in_every_language(loaded):
    curriculum = loaded.curriculum
    default_ids = [s.id for s in curriculum.referrals]
    for language in curriculum.languages:
        if language.default:
            services, localized = curriculum.referrals, curriculum.referrals_localized
        else:
            assert language.code in curriculum.translated_referrals, f"referrals.{language.code}.yml is missing"
            services, localized = curriculum.translated_referrals[language.code]
        ids = [s.id for s in services]
        assert not localized, f"{language.code}: the bundled table must not claim to be checked"
        assert len(ids) == len(set(ids)), f"{language.code}: a row id appears twice"
        assert REFERRAL_ROWS <= set(ids), f"{language.code}: missing rows {sorted(REFERRAL_ROWS - set(ids))}"
        assert ids == default_ids, f"{language.code}: not the same rows, in the same order, as referrals.yml"
        for service in services:
            assert not re.search(r"\d{3}", service.contact), f"{language.code} {service.id}: a number in the template table"


def test_facilitator_pages_hold_no_developer_instructions(loaded):
    curriculum = loaded.curriculum
    items = list(curriculum.modules.values()) + list(curriculum.pages.values())
    items += [t for by_lang in curriculum.translations.values() for t in by_lang.values()]
    for item in items:
        assert not re.search(r"_data/|\.yml\b|minga translation", item.body), f"{item.file}: a developer instruction"
    for language in curriculum.languages:
        for key, text in ui.strings(language.code).items():
            assert not re.search(r"_data/|\.yml\b", text), f"minga/web/locales/{language.code}.yml {key}: a developer instruction"


def test_the_sessions_that_need_the_local_table_say_so(loaded):
    marked = {m.id for m in loaded.curriculum.modules.values() if m.needs_local_referrals}
    assert NEEDS_REFERRALS <= marked


@pytest.fixture(scope="module")
def spanish_table_checked(tmp_path_factory) -> Path:
    """A copy of the project where only the Spanish referral table is marked as checked."""
    project = copy_project(tmp_path_factory.mktemp("referrals") / "project")
    table = project / "curriculum" / "_data" / "referrals.es.yml"
    text = table.read_text(encoding="utf-8")
    assert "\nlocalized: false" in text
    table.write_text(text.replace("\nlocalized: false", "\nlocalized: true", 1), encoding="utf-8")
    return project


def warning_in(page: Path) -> str | None:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    notice = soup.select_one(".minga-notice--referrals")
    return notice.get_text(" ", strip=True) if notice else None


def test_the_web_page_warns_until_that_languages_table_is_checked(spanish_table_checked):
    site = spanish_table_checked / "built"
    result = run_minga("build", "--no-pdf", "--site-dir", str(site), cwd=spanish_table_checked)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in ("gender-equity/responding-to-disclosures", "education/student-in-distress"):
        english = warning_in(site / path / "index.html")
        assert english and ui.strings("en")["referrals_required"] in english, path
        arabic = warning_in(site / "ar" / path / "index.html")  # an English fallback page, warned in Arabic
        assert arabic and ui.strings("ar")["referrals_required"] in arabic, path
        assert warning_in(site / "es" / path / "index.html") is None, f"es/{path}: warns although the Spanish table is checked"
    assert warning_in(site / "act" / "choice-point" / "index.html") is None, "a session that does not need the table warns"


def test_the_printed_guide_and_handout_warn_until_that_languages_table_is_checked(spanish_table_checked):
    from minga.pdf.documents import DocumentMaker, Edition
    from minga.pdf.markdown import PrintMarkdown

    project = load_project(spanish_table_checked)
    loaded, problems = check_project(project=project)
    assert problems == [], problems
    curriculum = loaded.curriculum
    maker = DocumentMaker(curriculum, project, project.root / "overrides" / "pdf", PrintMarkdown(project.root / "mkdocs.yml"),
                          Edition.of(project.root, None), "")
    guide = next(g for g in curriculum.guides if g.id == "gender-equity")
    module = curriculum.modules["responding-to-disclosures"]
    assert ui.strings("en")["referrals_required"] in maker.guide_html(guide, "en", "a4")
    assert ui.strings("en")["referrals_required_handout"] in maker.handout_html(module, "en")
    assert ui.strings("es")["referrals_required"] not in maker.guide_html(guide, "es", "a4")
    assert ui.strings("es")["referrals_required_handout"] not in maker.handout_html(module, "es")
