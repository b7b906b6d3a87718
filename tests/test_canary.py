"""Canary (issue 8): secrets of the build machine never reach the site or the PDFs.

A secret is put in the build's environment (MINGA_CANARY_SECRET, readable as /proc/self/environ)
and another in a file outside the project copy; `.git/config` gets a marker. Hostile content
tries to pull them in through folder links, links, pictures, SVG <image>, and `rel=attachment`
written across lines, in a module that is part of a guide. The site and that guide's PDF are built;
no byte of the output may hold a secret: not the files, not the decoded PDF streams, not the PDF's
embedded files or file-attachment annotations, not its images, not its text.
A located refusal (no traceback) also passes: nothing was published.
"""

from __future__ import annotations

import base64
import secrets as random
import sys
import zlib
from pathlib import Path

import pytest

from .hostile_support import ROOT, located_errors, make_hostile_project, minga, run

CP = "curriculum/act/choice-point.md"

# Each variant is one pull request: (extra body of choice-point.md, links to make, extra files).
VARIANTS = {
    "folder-of-links": (
        "Read [the notes](../assets/notes/environ.txt), [more](../assets/notes/secret.txt) "
        "and [config](../assets/notes/gitconfig.txt).\n\n![Notes](../assets/notes/secret.png)\n",
        ["notes/environ.txt -> /proc/self/environ", "notes/secret.txt -> {outside}/secret.txt",
         "notes/secret.png -> {outside}/secret.txt", "notes/gitconfig.txt -> ../.git/config",
         "curriculum/assets/notes -> ../../notes"],
        {"notes/README.txt": "links\n"}),
    "attachment-across-lines": (
        "See <a\nrel=\"attachment\"\nhref=\"file:///proc/self/environ\">env</a> and <a\nrel=\"attachment\"\n"
        "href=\"file://{outside}/secret.txt\">notes</a>.\n\n<link\nrel=attachment\nhref=\"file://{project}/.git/config\">\n",
        [], {}),
    "file-pictures": (
        "<img\nsrc=\"file://{outside}/secret.svg\" alt=\"x\">\n\n<img\nsrc=\"file:///proc/self/environ\" alt=\"y\">\n",
        [], {}),
    # Arabic text sends the picture through resvg, which reads <image href> files by itself.
    "svg-image-href": (
        "", [],
        {"curriculum/assets/images/dot.svg":
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="60">'
            '<text x="5" y="20" font-size="12">\u0645\u0631\u062d\u0628\u0627</text>'
            '<image href="file://{outside}/secret.svg" width="400" height="60"/>'
            '<image xlink:href="{outside}/secret.png" width="400" height="60"/>'
            '<image href="../../../outside/secret.png" width="400" height="60"/>'
            '<image href="file:///proc/self/environ" width="10" height="10"/></svg>\n'}),
    # Constructs today's line scanner misses (escaped backticks, a block title) carrying attachments.
    "scanner-bypass": (
        "Type \\`<a rel=\"attachment\" href=\"file:///proc/self/environ\">env</a>\\` here.\n\n"
        "/// note | <a rel=\"attachment\" href=\"file://{outside}/secret.txt\">notes</a>\nText.\n///\n\n"
        "Look <img alt=\"x\"\nsrc=\"file://{outside}/secret.png\"> here.\n",
        [], {}),
    "symlinked-picture": (
        "![A map](../assets/images/map.svg)\n", ["curriculum/assets/images/map.svg -> {outside}/secret.svg"], {}),
}


def _encodings(secret: str) -> list[bytes]:
    """The secret as bytes, UTF-16 and at each base64 alignment."""
    raw = secret.encode()
    forms = [raw, secret.encode("utf-16-be"), secret.encode("utf-16-le")]
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)[4 if shift else 0:-4]
        forms.append(encoded)
    return forms


def _pdf_payloads(path: Path) -> list[tuple[str, bytes]]:
    """Every decodable piece of a PDF: each object's decoded stream, attachments, annotations' files, images, text."""
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    reader = PdfReader(path)
    pieces: list[tuple[str, bytes]] = [("file", path.read_bytes())]
    size = int(reader.trailer.get("/Size", 0))
    for number in range(1, size):
        try:
            obj = reader.get_object(number)
        except Exception:  # free or broken entries
            continue
        if isinstance(obj, StreamObject):
            try:
                pieces.append((f"object {number}", obj.get_data()))
            except Exception:
                raw = obj._data or b""
                try:
                    pieces.append((f"object {number} (inflated)", zlib.decompress(raw)))
                except zlib.error:
                    pieces.append((f"object {number} (raw)", raw))
        else:
            pieces.append((f"object {number}", repr(obj).encode("utf-8", "replace")))
    for name, contents in reader.attachments.items():
        for content in contents:
            pieces.append((f"embedded file {name}", content))
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                stream = annotation["/FS"].get_object()["/EF"]["/F"].get_object()
                pieces.append((f"page {index + 1} file attachment", stream.get_data()))
        for image in page.images:
            pieces.append((f"page {index + 1} image {image.name}", image.data))
            if _has_red(image):
                pieces.append((f"page {index + 1} image {image.name}", b"RED-PIXELS-FROM-OUTSIDE"))
        pieces.append((f"page {index + 1} text", (page.extract_text() or "").encode()))
    return pieces


def _png_text(text: str):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    return info


def _has_red(image) -> bool:
    """Pure red pixels: only the pictures outside the repository have them."""
    try:
        pixels = image.image.convert("RGB")
    except Exception:
        return False
    pixels.thumbnail((200, 200))
    return any(r > 200 and g < 60 and b < 60 for r, g, b in pixels.getdata())


def _attachment_count(path: Path) -> int:
    from pypdf import PdfReader

    reader = PdfReader(path)
    count = sum(len(v) for v in reader.attachments.values())
    for page in reader.pages:
        count += sum(1 for a in page.get("/Annots") or [] if a.get_object().get("/Subtype") == "/FileAttachment")
    return count


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_no_secret_reaches_the_site_or_the_pdfs(variant, tmp_path):
    env_secret = f"ENV-CANARY-{random.token_hex(12)}"
    git_secret = f"GIT-CANARY-{random.token_hex(12)}"
    project, outside = make_hostile_project(tmp_path, None, git_marker=git_secret)
    file_secret = f"FILE-CANARY-{random.token_hex(12)}"
    (outside / "secret.txt").write_text(file_secret + "\n", encoding="utf-8")
    # Pictures outside the repository are pure red: red in a PDF picture means one was read.
    (outside / "secret.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><title>{file_secret}</title>'
        f'<rect width="400" height="60" fill="#ff0000"/><text x="5" y="40" font-size="20">{file_secret}</text></svg>\n',
        encoding="utf-8")
    from PIL import Image

    Image.new("RGB", (40, 6), (255, 0, 0)).save(outside / "secret.png", pnginfo=_png_text(file_secret))
    body, links, files = VARIANTS[variant]
    fill = lambda text: text.replace("{outside}", str(outside)).replace("{project}", str(project))
    module = project / CP
    module.write_text(module.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + fill(body), encoding="utf-8")
    for rel, text in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(fill(text), encoding="utf-8")
    for line in links:
        link, target = line.split(" -> ")
        (project / link).parent.mkdir(parents=True, exist_ok=True)
        (project / link).symlink_to(fill(target))

    env = {"MINGA_CANARY_SECRET": env_secret}
    site, pdfs = tmp_path / "site", tmp_path / "pdf"
    code, output, _ = minga("build", "--no-pdf", "--site-dir", str(site), cwd=project, timeout=300, env=env)
    assert "Traceback (most recent call last)" not in output, output[-3000:]
    pdf_code, pdf_output, _ = run([sys.executable, str(ROOT / "build_pdf.py"), "--root", str(project), "--guide", "foundations",
                                   "--lang", "en", "--paper", "a4", "--jobs", "1", "--out", str(pdfs)], project, 300, env)
    assert "Traceback (most recent call last)" not in pdf_output, pdf_output[-3000:]
    for what, result, text in (("site", code, output), ("PDF", pdf_code, pdf_output)):
        assert result in (0, 1), f"the {what} build exited {result}:\n{text[-3000:]}"
        if result == 1:  # refused: it must say where, and nothing may be left behind with a secret in it
            assert located_errors(text), f"the {what} build failed without a located error:\n{text[-3000:]}"

    secrets = {"environment": env_secret, "outside file": file_secret, ".git/config": git_secret}
    leaks = []
    outputs = [p for folder in (site, pdfs) if folder.exists() for p in folder.rglob("*") if p.is_file()]
    for path in outputs:
        pieces = _pdf_payloads(path) if path.suffix == ".pdf" else [("file", path.read_bytes())]
        for where, data in pieces:
            for name, secret in secrets.items():
                if any(form in data for form in _encodings(secret)):
                    leaks.append(f"{path.relative_to(tmp_path)} ({where}): the {name} secret")
            if data == b"RED-PIXELS-FROM-OUTSIDE":
                leaks.append(f"{path.relative_to(tmp_path)} ({where}): a picture from outside the repository")
            if b"[hostilemarker]" in data or b"repositoryformatversion" in data:
                leaks.append(f"{path.relative_to(tmp_path)} ({where}): .git/config content")
        if path.suffix == ".pdf" and _attachment_count(path):
            leaks.append(f"{path.relative_to(tmp_path)}: {_attachment_count(path)} attachment(s) in a guide PDF")
    assert not leaks, "secrets of the build machine reached the output:\n  " + "\n  ".join(sorted(set(leaks)))
    if pdf_code == 0:
        assert list(pdfs.rglob("*.pdf")), "the PDF build succeeded but made no PDF"
