"""What printed PDFs exist (from pdf/index.json written by build_pdf.py), for pages and the catalog.

Kept apart from minga.pdf so that the website never imports WeasyPrint.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

MANIFEST = "index.json"
ENV_PDF_DIR = "MINGA_PDF_DIR"  # set by `minga build` while MkDocs builds the site


def pdf_dir() -> Path | None:
    folder = os.environ.get(ENV_PDF_DIR)
    return Path(folder) if folder and (Path(folder) / MANIFEST).is_file() else None


def load_manifest(folder: Path | None) -> dict[str, dict]:
    if folder is None or not (folder / MANIFEST).is_file():
        return {}
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def human_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def _entry(path: str, meta: dict) -> dict:
    entry = {"url": f"pdf/{path}", "bytes": meta["bytes"], "size": human_size(meta["bytes"]), "pages": meta.get("pages", 0)}
    if "translation" in meta:
        # How much of it is in its language: translated share, unreviewed (draft) parts, parts in English.
        entry["translation"] = meta["translation"]
    return entry


def guide_pdfs(manifest: dict, guide_id: str) -> dict[str, dict[str, dict]]:
    """lang -> paper -> {url, bytes, size, pages}."""
    out: dict[str, dict[str, dict]] = {}
    for path, meta in manifest.items():
        if meta["kind"] == "guide" and meta["item"] == guide_id:
            out.setdefault(meta["lang"], {})[meta["paper"]] = _entry(path, meta)
    return out


def handout_pdfs(manifest: dict, module_id: str) -> dict[str, dict[str, dict]]:
    """lang -> paper -> {url, bytes, size, pages}."""
    out: dict[str, dict[str, dict]] = {}
    for path, meta in manifest.items():
        if meta["kind"] == "handout" and meta["item"] == module_id:
            out.setdefault(meta["lang"], {})[meta.get("paper", "a4")] = _entry(path, meta)
    return out


def form_pdfs(manifest: dict, form_id: str) -> dict[str, dict]:
    """lang -> {url, bytes, size, pages} of one form."""
    return {meta["lang"]: _entry(path, meta) for path, meta in manifest.items()
            if meta["kind"] == "form" and meta["item"] == form_id}


def card_pdfs(manifest: dict, guide_id: str) -> dict[str, dict[str, dict]]:
    """lang -> paper (a4 | a5) -> {url, bytes, size, pages} of a guide's picture cards."""
    out: dict[str, dict[str, dict]] = {}
    for path, meta in manifest.items():
        if meta["kind"] == "cards" and meta["item"] == guide_id:
            out.setdefault(meta["lang"], {})[meta["paper"]] = _entry(path, meta)
    return out
