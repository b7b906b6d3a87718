"""The content model: frozen data classes, independent of MkDocs.

Every object remembers the file it came from (relative to the repository root) and the
line of its fields, so that later checks can point at them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi"})


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool = False

    @property
    def dir(self) -> str:
        return "rtl" if self.code in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    description: str
    line: int


@dataclass(frozen=True)
class AgendaBlock:
    title: str
    minutes: int
    mode: str
    line: int


@dataclass(frozen=True)
class Safety:
    watch_for: tuple[str, ...]
    respond: tuple[str, ...]
    refer: str
    protocol: bool = True


@dataclass(frozen=True)
class SourceRef:
    title: str
    author: str | None = None
    year: int | None = None
    url: str | None = None
    license: str | None = None


@dataclass(frozen=True)
class Picture:
    """A session's picture card: an SVG in assets/images/ and what it shows, in words."""

    image: str  # path under curriculum/assets/images/, e.g. cards/being-present.svg
    alt: str  # what the picture shows, for people who cannot see it
    lang: str  # the language of `alt`: a translation without its own alt keeps its source's
    line: int = 0


@dataclass(frozen=True)
class GroupSize:
    min: int
    max: int


@dataclass(frozen=True)
class TranslationInfo:
    """What a translated file records about its source, and what the source is now."""

    source_hash: str  # hash of the source's translatable content the translation was made from
    status: str  # draft | reviewed
    current_source_hash: str  # hash of the source as it is now


@dataclass(frozen=True)
class Module:
    """One facilitated session, in one language."""

    id: str
    title: str
    track: str
    order: int
    duration_minutes: int
    audience: str
    objectives: tuple[str, ...]
    materials: tuple[str, ...]
    agenda: tuple[AgendaBlock, ...]
    safety: Safety
    file: str  # path from the repository root, e.g. curriculum/act/being-present.md
    src_uri: str  # path from the docs dir, without language suffix, e.g. act/being-present.md
    lang: str
    body: str
    body_line: int
    lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    key_messages: tuple[str, ...] = ()
    preparation: tuple[str, ...] = ()
    group_size: GroupSize | None = None
    prerequisites: tuple[str, ...] = ()
    home_practice: str | None = None
    adaptations: tuple[tuple[str, str], ...] = ()
    handouts: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    license: str = "CC-BY-SA-4.0"
    translation: TranslationInfo | None = None  # set on translations only
    needs_local_referrals: bool = False  # cannot be run until the local referral table is checked
    picture: Picture | None = None  # the picture card, shown on the page, the handout and the card set
    participant_title: str | None = None  # printed on participant material instead of a title naming a sensitive topic

    def line_of(self, *path) -> int:
        from minga.content.frontmatter import locate

        return locate(self.lines, path)


@dataclass(frozen=True)
class Page:
    """Any other Markdown page (home, about, a track page...), in one language."""

    title: str | None
    file: str
    src_uri: str
    lang: str
    body: str
    body_line: int
    track: str | None = None  # set for a track's index.md
    translation: TranslationInfo | None = None  # set on translations only
    nav_order: int | None = None  # place in the site menu (minga/web/site_nav.py); None: after the numbered ones
    nav_section: str | None = None  # the menu section it is listed in, e.g. "Running a program"


@dataclass(frozen=True)
class Form:
    """A printable form (curriculum/forms/<id>.md): a page whose blocks print as boxes and lines."""

    id: str
    src_uri: str
    file: str
    orientation: str = "portrait"  # portrait | landscape


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    audience: str
    description: str
    modules: tuple[str, ...]
    front_matter: tuple[str, ...]
    back_matter: tuple[str, ...]
    file: str


@dataclass(frozen=True)
class ReferralService:
    need: str
    service: str
    contact: str
    hours: str | None = None
    notes: str | None = None
    id: str | None = None  # stable across languages


@dataclass
class Curriculum:
    """Everything the site, the PDFs and the catalog are made from."""

    root: Path
    docs_dir: Path
    languages: tuple[Language, ...]
    tracks: tuple[Track, ...] = ()
    translated_tracks: dict[str, dict[str, Track]] = field(default_factory=dict)  # lang -> id -> track
    modules: dict[str, Module] = field(default_factory=dict)  # default-language modules by id
    pages: dict[str, Page] = field(default_factory=dict)  # default-language pages by src_uri
    translations: dict[str, dict[str, Module | Page]] = field(default_factory=dict)  # src_uri -> lang -> item
    glossary: dict[str, tuple[GlossaryTerm, ...]] = field(default_factory=dict)  # lang -> terms
    guides: tuple[Guide, ...] = ()
    guide_words: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # lang -> guide id -> words
    referrals: tuple[ReferralService, ...] = ()
    referrals_localized: bool = False
    translated_referrals: dict[str, tuple[tuple[ReferralService, ...], bool]] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)  # by id, in file name order
    # modules_of, asked for by every page: modules are only ever added (loader.py), so the count keys it.
    _by_track: dict[tuple[str, int], tuple[Module, ...]] = field(default_factory=dict, repr=False, compare=False)

    def referrals_in(self, lang: str) -> tuple[tuple[ReferralService, ...], bool]:
        """The referral table (and whether a local team checked it) in `lang`, else the default one."""
        return self.translated_referrals.get(lang, (self.referrals, self.referrals_localized))

    def referrals_checked(self, lang: str) -> bool:
        """Whether a local team has filled in and checked the referral table shown in `lang`."""
        return self.referrals_in(lang)[1]

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    def track(self, track_id: str, lang: str | None = None) -> Track | None:
        """A track, with its title and description in `lang` when translated."""
        if lang and track_id in self.translated_tracks.get(lang, {}):
            return self.translated_tracks[lang][track_id]
        return next((t for t in self.tracks if t.id == track_id), None)

    def guide_in(self, guide: Guide, lang: str) -> tuple[Guide, bool]:
        """The guide with its title, audience and description in `lang`, and whether they are translated."""
        words = self.guide_words.get(lang, {}).get(guide.id)
        if words is None:
            return guide, lang == self.default_language.code
        return dataclasses.replace(guide, **words), True

    def modules_of(self, track_id: str) -> list[Module]:
        key = (track_id, len(self.modules))
        if key not in self._by_track:
            self._by_track[key] = tuple(sorted((m for m in self.modules.values() if m.track == track_id),
                                               key=lambda m: (m.order, m.id)))
        return list(self._by_track[key])

    def module_by_uri(self, src_uri: str) -> Module | None:
        return next((m for m in self.modules.values() if m.src_uri == src_uri), None)

    def in_language(self, item: Module | Page, lang: str) -> Module | Page:
        """The translation of `item` in `lang`, or the item itself when there is none."""
        return self.translations.get(item.src_uri, {}).get(lang, item)
