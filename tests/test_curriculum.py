"""The bundled curriculum meets the bar a trainer relies on (issue: the curriculum).

These read the real content through the same loader as the build; they fail when a
module loses its script, handout, safety moment or sources.
"""

from __future__ import annotations

import re

import pytest

from minga.checks.checking import check_project

from .conftest import ROOT

MINIMUM_MODULES = {"act": 8, "liberation-psychology": 5, "community-design": 3, "education": 4, "gender-equity": 4}
PAGES = ("index.md", "about.md", "how-to-use.md", "facilitator-preparation.md", "supervision-and-fidelity.md",
         "safety-protocol.md", "glossary.md", "credits.md")


@pytest.fixture(scope="module")
def loaded():
    loaded, problems = check_project(ROOT)
    assert problems == [], problems
    return loaded


def modules(loaded):
    return sorted(loaded.curriculum.modules.values(), key=lambda m: (m.track, m.order))


def test_tracks_have_their_sessions(loaded):
    curriculum = loaded.curriculum
    for track, minimum in MINIMUM_MODULES.items():
        assert len(curriculum.modules_of(track)) >= minimum, track
    assert len(curriculum.modules) >= 24


def test_every_module_is_facilitator_ready(loaded):
    for module in modules(loaded):
        where = module.file
        assert 60 <= module.duration_minutes <= 150, where
        assert module.handouts, f"{where}: no participant handout"
        assert module.home_practice, f"{where}: no home practice"
        assert {"low_literacy", "remote", "large_group"} <= {key for key, _ in module.adaptations}, where
        assert module.sources, f"{where}: no sources"
        assert module.license == "CC-BY-SA-4.0", where
        structure = loaded.structures[module.file]
        assert any(b.name == "safety" for b in structure.blocks), f"{where}: no safety block in the session"
        assert any(b.name == "discuss" for b in structure.blocks), f"{where}: no discussion questions"
        assert any(b.name == "steps" for b in structure.blocks), f"{where}: no activity steps"


def test_every_agenda_block_has_a_facilitator_script(loaded):
    for module in modules(loaded):
        structure = loaded.structures[module.file]
        sections = [h for h in structure.headings if h.level == 2]
        for block in module.agenda:
            heading = next(h for h in sections if h.text == block.title)
            following = [h.line for h in sections if h.line > heading.line]
            end = following[0] if following else 10**9
            says = [b for b in structure.blocks if b.name == "say" and heading.line < b.line < end]
            assert says, f"{module.file}: the agenda block '{block.title}' has no '/// say' script"


def test_the_curriculum_is_long_enough_to_run(loaded):
    words = sum(len(re.findall(r"\w+", m.body)) for m in loaded.curriculum.modules.values())
    assert words >= 25_000, f"the module bodies hold {words} words"


def test_surrounding_pages_glossary_and_guides(loaded):
    curriculum = loaded.curriculum
    for page in PAGES:
        assert page in curriculum.pages, page
    assert len(curriculum.glossary["en"]) >= 30
    guides = {g.id: g for g in curriculum.guides}
    assert len(guides) >= 6
    assert len(guides["act-foundations"].modules) == 5
    for track in MINIMUM_MODULES:
        assert list(guides[track].modules) == [m.id for m in curriculum.modules_of(track)]


def test_referral_table_invents_no_phone_numbers(loaded):
    services = loaded.curriculum.referrals
    assert services and not loaded.curriculum.referrals_localized
    for service in services:
        assert not re.search(r"\d{3}", service.contact), f"{service.need}: a number in the template table"
