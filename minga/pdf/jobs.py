"""Which PDFs to make, whether each is already made (content hash), and making them in parallel."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

from minga import __version__

PAPERS = ("a4", "letter")
CARD_PAPERS = ("a4", "a5")


@dataclass(frozen=True)
class Job:
    kind: str  # guide | handout | form | cards
    item: str  # guide id, module id or form id
    lang: str
    paper: str = "a4"

    @property
    def output(self) -> str:
        """Path under the PDF folder, e.g. es/act.pdf, es/act-letter.pdf, es/handouts/being-present.pdf,
        es/forms/attendance-register.pdf."""
        if self.kind == "guide":
            return f"{self.lang}/{self.item}{'' if self.paper == 'a4' else '-' + self.paper}.pdf"
        if self.kind == "form":
            return f"{self.lang}/forms/{self.item}.pdf"
        if self.kind == "cards":  # a guide's picture cards: one per A4 page, or two A5 cards per A4 sheet
            return f"{self.lang}/cards/{self.item}{'' if self.paper == 'a4' else '-' + self.paper}.pdf"
        return f"{self.lang}/handouts/{self.item}{'' if self.paper == 'a4' else '-' + self.paper}.pdf"


@dataclass
class Outcome:
    job: Job
    made: bool  # False when the cached PDF was reused
    pages: int
    bytes: int
    refusals: list
    error: str | None = None  # why this PDF could not be made


def plan(curriculum, guides=None, langs=None, papers=PAPERS, forms=None) -> list[Job]:
    """Every PDF to make; `forms` (a list of form ids, or True for all) makes only forms."""
    langs = langs or [lang.code for lang in curriculum.languages]
    jobs = []
    for lang in langs:
        if forms:
            jobs += [Job("form", f, lang) for f in curriculum.forms if forms is True or f in forms]
            continue
        for guide in curriculum.guides:
            if guides and guide.id not in guides:
                continue
            jobs += [Job("guide", guide.id, lang, paper) for paper in papers]
        if not guides:  # like handouts, picture cards come with a whole build, not with --guide
            jobs += [Job("cards", guide.id, lang, paper) for guide in curriculum.guides for paper in CARD_PAPERS]
            for track in curriculum.tracks:
                jobs += [Job("handout", m.id, lang, paper) for m in curriculum.modules_of(track.id) if m.handouts
                         for paper in papers]
            jobs += [Job("form", f, lang) for f in curriculum.forms]
    return jobs


def content_hash(job: Job, curriculum, project, shared: str) -> str:
    """A hash of everything that affects this PDF: its sources in every language it uses,
    data files, templates, CSS, fonts, versions and options."""
    digest = hashlib.sha256()
    digest.update(json.dumps(asdict(job), sort_keys=True).encode())
    digest.update(shared.encode())
    for path in sorted(_inputs(job, curriculum, project)):
        digest.update(path.encode())
        file = project.root / path
        digest.update(file.read_bytes() if file.is_file() else b"<missing>")
    for module in _mentioned(job, curriculum):
        digest.update(_as_mentioned(module, curriculum).encode())
    return digest.hexdigest()


def _mentioned(job: Job, curriculum) -> list:
    """Sessions a guide names without holding them: the other sessions of its tracks (learning
    path) and prerequisites. Only what is shown of them counts (_as_mentioned), so that a change
    to one session remakes only the documents that contain it."""
    if job.kind not in ("guide", "cards"):
        return []
    guide = next(g for g in curriculum.guides if g.id == job.item)
    held = [curriculum.modules[m] for m in guide.modules if m in curriculum.modules]
    named = {}
    for module in held:
        for other in [*curriculum.modules_of(module.track),
                      *(curriculum.modules[p] for p in module.prerequisites if p in curriculum.modules)]:
            named.setdefault(other.id, other)
    return [named[key] for key in sorted(set(named) - {m.id for m in held})]


def _as_mentioned(module, curriculum) -> str:
    """What a guide shows of a session it only names: its place, length and title in every language."""
    shown = [curriculum.in_language(module, lang.code) for lang in curriculum.languages]
    return json.dumps([module.id, module.src_uri, module.track, module.order, module.duration_minutes,
                       [[item.lang, item.title] for item in shown]], ensure_ascii=False)


def _inputs(job: Job, curriculum, project) -> set[str]:
    docs = project.relative(project.docs_dir)
    files = {f"{docs}/_data/{name}" for name in os.listdir(project.docs_dir / "_data")} if (project.docs_dir / "_data").is_dir() else set()
    # Pictures are inputs too: a picture that changes (or is removed) must remake the PDFs.
    assets = project.docs_dir / "assets"
    if assets.is_dir():
        files |= {project.relative(path) for path in assets.rglob("*") if path.is_file()}
    if job.kind in ("guide", "cards"):
        guide = next(g for g in curriculum.guides if g.id == job.item)
        files.add(guide.file)
        uris = [curriculum.modules[m].src_uri for m in guide.modules if m in curriculum.modules]
        uris += list(guide.front_matter) + list(guide.back_matter)
        # Sessions it only names (learning path, prerequisites): _mentioned.
    elif job.kind == "form":
        uris = [curriculum.forms[job.item].src_uri]
    else:
        module = curriculum.modules[job.item]
        uris = [module.src_uri]
    for uri in uris:
        stem = uri[:-3]
        files.add(f"{docs}/{uri}")
        files |= {f"{docs}/{stem}.{lang.code}.md" for lang in curriculum.languages if not lang.default}
    return files


def shared_inputs(project, templates: Path) -> str:
    """What every PDF depends on: templates, stylesheet, interface strings, fonts, versions."""
    import weasyprint

    from minga.pdf.fonts import versions

    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    # All of our code: the cache is shared by every clone and branch of the user's, and a change
    # anywhere (reading, checking, rendering) may change what is printed.
    for folder in (templates, package):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".css", ".py", ".yml"}:
                digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    digest.update((project.root / "mkdocs.yml").read_bytes())
    digest.update(f"{weasyprint.__version__};{__version__};{versions()};{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    return digest.hexdigest()


# --- Workers -----------------------------------------------------------------------------

_worker: dict = {}


def _init_worker(root: str, epoch: str | None) -> None:
    from minga.checks.checking import check_project
    from minga.content.project import load_project
    from minga.pdf.documents import DocumentMaker, Edition
    from minga.pdf.fonts import font_face_css, prepare_fonts
    from minga.pdf.markdown import PrintMarkdown
    from minga.pdf.tagging import install as tag_languages
    from minga.pdf.text_layer import install as map_text_layer

    tag_languages()
    map_text_layer()
    project = load_project(Path(root))
    loaded, _ = check_project(project=project, for_build=True)
    templates = project.root / "overrides" / "pdf"
    fonts = prepare_fonts()
    maker = DocumentMaker(loaded.curriculum, project, templates, PrintMarkdown(project.root / "mkdocs.yml"),
                          Edition.of(project.root, epoch), font_face_css(fonts))
    _worker.update(project=project, curriculum=loaded.curriculum, maker=maker, fonts=[p for _, p in fonts])


def document_html(job: Job) -> str:
    """The HTML of one PDF, in a worker (_init_worker)."""
    maker, curriculum = _worker["maker"], _worker["curriculum"]
    if job.kind in ("guide", "cards"):
        guide = next(g for g in curriculum.guides if g.id == job.item)
        return (maker.guide_html if job.kind == "guide" else maker.cards_html)(guide, job.lang, job.paper)
    if job.kind == "form":
        return maker.form_html(curriculum.forms[job.item], job.lang)
    return maker.handout_html(curriculum.modules[job.item], job.lang, job.paper)


def _render(job: Job, target: str) -> tuple[int, list]:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from minga.pdf.fetcher import RestrictedFetcher

    maker, curriculum, project = _worker["maker"], _worker["curriculum"], _worker["project"]
    html = document_html(job)
    font_root = _worker["fonts"][0].parent.parent
    fetcher = RestrictedFetcher(roots=(project.docs_dir / "assets", font_root),
                                names={"docs": project.docs_dir, "fonts": font_root},
                                font_files=tuple(_worker["fonts"]))
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=str(project.docs_dir) + "/", url_fetcher=fetcher).render(font_config=fonts)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    partial = f"{target}.{os.getpid()}.part"  # two builds may make the same cached PDF at once
    document.write_pdf(partial, pdf_variant="pdf/ua-1", attachments=[], uncompressed_pdf=False, font_config=fonts)
    os.replace(partial, target)
    return len(document.pages), [(r.url, r.reason, _asker(r.url, maker, curriculum)) for r in fetcher.refusals]


def _asker(url: str, maker, curriculum) -> str | None:
    """The content file whose page asked for `url`, when the print renderer recorded it."""
    asked = maker.md.askers.get(url)
    if asked is None:
        return None
    src_uri, lang = asked
    item = curriculum.pages.get(src_uri) or curriculum.module_by_uri(src_uri)
    return curriculum.in_language(item, lang).file if item else None


def _run(job: Job, target: str) -> tuple[Job, int, list]:
    pages, refusals = _render(job, target)
    return job, pages, refusals


def make_all(project, curriculum, jobs: list[Job], out_dir: Path, cache_dir: Path, workers: int | None = None,
             progress=None) -> list[Outcome]:
    """Make every PDF of `jobs` into `out_dir`, reusing cached ones whose hash has not changed."""
    templates = project.root / "overrides" / "pdf"
    shared = shared_inputs(project, templates)
    outcomes, todo = [], []
    cache_dir.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        key = content_hash(job, curriculum, project, shared)
        cached = cache_dir / f"{key}.pdf"
        target = out_dir / job.output
        if cached.is_file():
            os.utime(cached)  # recently used: kept by prune_cache
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
            meta = json.loads(cached.with_suffix(".json").read_text()) if cached.with_suffix(".json").is_file() else {}
            outcomes.append(Outcome(job, False, meta.get("pages", 0), target.stat().st_size, meta.get("refusals", [])))
            if progress:
                progress(len(outcomes), len(jobs))
        else:
            todo.append((job, cached, target))
    if todo:
        workers = workers or os.cpu_count() or 1
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        with ProcessPoolExecutor(max_workers=min(workers, len(todo)), initializer=_init_worker,
                                 initargs=(str(project.root), epoch)) as pool:
            futures = {pool.submit(_run, job, str(cached)): (job, cached, target) for job, cached, target in todo}
            for future in as_completed(futures):
                job, cached, target = futures[future]
                try:
                    _, pages, refusals = future.result()
                except Exception as exc:  # one bad document must not hide the others
                    outcomes.append(Outcome(job, False, 0, 0, [], f"{type(exc).__name__}: {exc}"))
                    if progress:
                        progress(len(outcomes), len(jobs))
                    continue
                cached.with_suffix(".json").write_text(json.dumps({"pages": pages, "refusals": refusals}))
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cached, target)
                outcomes.append(Outcome(job, True, pages, target.stat().st_size, refusals))
                if progress:
                    progress(len(outcomes), len(jobs))
    prune_cache(cache_dir)
    return sorted(outcomes, key=lambda o: o.job.output)


def prune_cache(cache_dir: Path, max_age_days: int = 30) -> None:
    """Forget PDFs no build has used for a month, so the cache does not grow without end."""
    limit = time.time() - max_age_days * 86400
    for path in cache_dir.glob("*.*"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def terminal_progress(done: int, total: int) -> None:
    """A progress bar on a terminal; in logs (CI), a plain line at every tenth of the way."""
    if not sys.stderr.isatty():
        step = max(total // 10, 1)
        if done == total or done % step == 0:
            sys.stderr.write(f"  PDFs: {done}/{total} made\n")
            sys.stderr.flush()
        return
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r  PDFs [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
