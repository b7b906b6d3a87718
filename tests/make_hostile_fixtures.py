"""Regenerates tests/fixtures/hostile/ (run: python tests/make_hostile_fixtures.py; it replaces the folder).

The committed fixtures are the product; this script is how they were written. Edit it, rerun, review the diff."""
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests/fixtures/valid"
OUT = ROOT / "tests/fixtures/hostile"
CP = "curriculum/act/choice-point.md"
BP = "curriculum/act/being-present.md"
CP_TEXT = (VALID / CP).read_text()
BP_TEXT = (VALID / BP).read_text()
XSS = "<img src=x onerror=window.__pwned=1>"
ENC = "&lt;img src=x onerror=window.__pwned=1&gt;"

cases = {}

def case(name, cause, expect, files=None, delete=None, symlinks=None, generate=None, note=""):
    assert name not in cases, name
    cases[name] = dict(cause=cause, expect=expect, files=files or {}, delete=delete, symlinks=symlinks, generate=generate, note=note)

def refused(file, line=None, **extra):
    d = {"refused": True, "file": file}
    if line is not None:
        d["line"] = line
    d.update(extra)
    return d

def builds(**extra):
    d = {"builds": True}
    d.update(extra)
    return d

def cp(old, new, text=CP_TEXT):
    assert text.count(old) == 1, old
    return text.replace(old, new)

def yq(s):  # YAML single-quoted scalar
    return "'" + s.replace("'", "''") + "'"

def line_of(text, needle):
    for i, l in enumerate(text.split("\n"), 1):
        if needle in l:
            return i
    raise AssertionError(needle)

# ---------------- cause 1: markup in front matter and data strings ----------------
one = [
    ("module-title", "id: choice-point\ntitle: The choice point", f"id: choice-point\ntitle: {yq(XSS + 'The choice point')}"),
    ("module-title-closes-title", "id: choice-point\ntitle: The choice point", f"id: choice-point\ntitle: {yq('</title><script>window.__pwned=1</script>')}"),
    ("module-audience", "audience: Adults in community groups", f"audience: {yq(XSS)}"),
    ("module-objective", "  - Name moves towards and away from what matters", f"  - {yq(XSS)}"),
    ("module-material", "materials: []", f"materials: [{yq(XSS)}]"),
    ("safety-watch-for", "    - Strong distress", f"    - {yq(XSS)}"),
    ("safety-respond", "    - Pause and ground the group", f"    - {yq(XSS)}"),
    ("safety-refer", "  refer: Follow the safety protocol the same day.", f"  refer: {yq(XSS)}"),
    ("source-title", "  - title: ACT Made Simple", f"  - title: {yq(XSS)}"),
    ("source-author", "    author: Harris, R.", f"    author: {yq(XSS)}"),
    ("source-url-quote", "    year: 2019", "    year: 2019\n    url: 'https://example.org/\"onmouseover=\"window.__pwned=1\"x=\"'"),
    ("source-url-tag", "    year: 2019", "    year: 2019\n    url: 'https://example.org/\"><img/src=x/onerror=window.__pwned=1>'"),
    ("source-url-javascript", "    year: 2019", "    year: 2019\n    url: 'javascript:window.__pwned=1'"),
    ("source-license", "    year: 2019", f"    year: 2019\n    license: {yq(XSS)}"),
    ("module-license", "handouts:", f"license: {yq(XSS)}\nhandouts:"),
    ("home-practice", "handouts:", f"home_practice: {yq(XSS)}\nhandouts:"),
    ("key-messages", "handouts:", f"key_messages: [{yq(XSS)}]\npreparation: [{yq(XSS)}]\nhandouts:"),
    ("agenda-title", "  - {title: Closing, minutes: 15, mode: pairs}", "  - {title: 'Closing <b onmouseover=alert(1)>now</b>', minutes: 15, mode: pairs}"),
]
for name, old, new in one:
    text = cp(old, new)
    if name == "agenda-title":
        text = text.replace("## Closing", "## Closing <b onmouseover=alert(1)>now</b>")
    if name == "source-url-javascript":
        case(f"t1-{name}", 1, refused(CP, line_of(text, "url:")), {CP: text}, note="caught today by the url pattern")
    else:
        case(f"t1-{name}", 1, builds(), {CP: text})

case("t1-page-title", 1, builds(), {"curriculum/index.md": f"---\ntitle: {yq(XSS + 'Home')}\n---\n\nStart with [the choice point](act/choice-point.md).\n"})
case("t1-page-description", 1, builds(), {"curriculum/index.md": "---\ntitle: Fixture home\ndescription: '\"><script>window.__pwned=1</script>'\n---\n\nStart with [the choice point](act/choice-point.md).\n"})
case("t1-track-page-title", 1, builds(), {"curriculum/act/index.md": f"---\ntitle: {yq(XSS + 'Flexibility')}\n---\n\nRun these sessions in order.\n"})
TRACKS = (VALID / "curriculum/_data/tracks.yml").read_text()
case("t1-track-title", 1, builds(), {"curriculum/_data/tracks.yml": TRACKS.replace("title: Psychological flexibility", f"title: {yq(XSS + 'Flexibility')}")})
case("t1-track-description", 1, builds(), {"curriculum/_data/tracks.yml": TRACKS.replace("description: Skills for living with what is hard while doing what matters.", f"description: {yq(XSS)}")})
GLOSS = (VALID / "curriculum/_data/glossary.yml").read_text()
case("t1-glossary-term", 1, builds(), {"curriculum/_data/glossary.yml": GLOSS.replace("- term: values", f"- term: {yq('values' + XSS)}")})
case("t1-glossary-definition", 1, builds(), {"curriculum/_data/glossary.yml": GLOSS.replace("definition: What matters to us, as chosen directions.", f"definition: {yq(XSS)}")})
REF = lambda need="Immediate danger", service="Local clinic", contact="0 11 22 33", hours="Always", notes="Stay with the person.": (
    "localized: true\nservices:\n"
    f"  - need: {need}\n    service: {service}\n    contact: {contact}\n    hours: {hours}\n    notes: {notes}\n")
case("t1-referral-cells", 1, builds(), {"curriculum/_data/referrals.yml": REF(yq(XSS), yq("<script>window.__pwned=1</script>"), yq(XSS), yq(XSS), yq(XSS))})
GUIDE = (VALID / "facilitator_guides/foundations.yml").read_text()
case("t1-guide-title", 1, builds(), {"facilitator_guides/foundations.yml": GUIDE.replace("title: Foundations", f"title: {yq(XSS + 'Foundations')}")})
case("t1-guide-audience-description", 1, builds(), {"facilitator_guides/foundations.yml": GUIDE.replace("audience: New facilitators", f"audience: {yq(XSS)}").replace("description: Two sessions to begin.", f"description: {yq(XSS)}")})

# ---------------- cause 2: body HTML the line scanner misses ----------------
def body(name, snippet, line_needle=None, expect=None, note=""):
    text = CP_TEXT.rstrip("\n") + "\n\n" + snippet.rstrip("\n") + "\n"
    # The finding may be reported at any line of the snippet (where a construct starts, or where it is used).
    line = len(CP_TEXT.rstrip("\n").split("\n")) + 2 if line_needle else None
    if expect is None:
        expect = refused(CP, line)
        if line is not None and snippet.count("\n"):
            expect["line_span"] = snippet.count("\n")
    case(f"t2-{name}", 2, expect, {CP: text}, note=note)

body("tag-split-over-lines", "Look <img src=\"x\"\nonerror=\"window.__pwned=1\"> here.", "Look <img")
body("comment-then-tag", "<!-- a note --> <img src=\"x\" onerror=\"window.__pwned=1\">", "<!-- a note")
body("comment-multiline", "<!--\nnothing here\n--><img src=\"x\" onerror=\"window.__pwned=1\">", "--><img")
body("escaped-backticks", "Type \\`<img src=\"x\" onerror=\"window.__pwned=1\">\\` to see.", "Type \\`")
body("fence-looking-text", "    ```\n<img src=\"x\" onerror=\"window.__pwned=1\">\n\n    ```", "<img src=\"x\"")
body("fence-inline-backticks", "A line with ``` in it\n<img src=\"x\" onerror=\"window.__pwned=1\">\nand ``` again", "<img src=\"x\"", expect=builds(), note="an inline code span across lines: the tag is code text")
body("reference-url-next-line", "Read [this][x].\n\n[x]:\n    javascript:window.__pwned=1", "[x]:")
body("newline-in-url", "Read [this](<java\nscript:window.__pwned=1>).", "Read [this]")
body("block-title", "/// note | <img src=\"x\" onerror=\"window.__pwned=1\">\nTitle.\n///", "/// note |")
body("block-title-entity", "/// note | &lt;img src=\"x\" onerror=\"window.__pwned=1\"&gt;\nTitle.\n///", "/// note |", expect=builds(), note="entities in a block title must stay text")
body("allowed-tag-attribute", "Press <kbd title=x onmouseover=\"window.__pwned=1\">Enter</kbd>.", "Press <kbd")
body("allowed-tag-attribute-split", "Press <kbd\nonmouseover=\"window.__pwned=1\">Enter</kbd>.", "Press <kbd")
body("allowed-tag-style", "<mark\nstyle=\"position:fixed;inset:0;background:url(https://evil.example/x)\">cover</mark>", "<mark")
body("details-ontoggle", "<details open\nontoggle=\"window.__pwned=1\"><summary>More</summary>Text</details>", "<details open")
body("iframe-srcdoc", "<iframe\nsrcdoc=\"<script>parent.__pwned=1</script>\"></iframe>", "<iframe")
body("object-data", "<object\ndata=\"data:text/html,<script>parent.__pwned=1</script>\"></object>", "<object")
body("embed", "<embed\nsrc=\"data:image/svg+xml,<svg onload='parent.__pwned=1'/>\">", "<embed")
body("svg-onload", "<svg\nonload=\"window.__pwned=1\"></svg>", "<svg")
body("math-href", "<math><maction\nactiontype=statusline href=\"javascript:window.__pwned=1\">x</maction></math>", "<math>")
body("style-element", "<style>\n.md-content{display:none}\n</style>", "<style>")
body("link-element", "<link\nrel=stylesheet href=\"https://evil.example/x.css\">", "<link")
body("meta-refresh", "<meta\nhttp-equiv=refresh content=\"0;url=https://evil.example/\">", "<meta")
body("base-element", "<base\nhref=\"https://evil.example/\">", "<base")
body("form-formaction", "<form\naction=\"https://evil.example/\"><button formaction=\"javascript:window.__pwned=1\">Go</button></form>", "<form")
body("entity-javascript-link", "Read [this](&#106;avascript:window.__pwned=1).", "Read [this]")
body("entity-javascript-href", "<a\nhref=\"&#x6A;avascript:window.__pwned=1\">this</a>", "<a")
body("data-url-link", "Read [this](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+).", "Read [this]")
body("data-url-image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9J3dpbmRvdy5fX3B3bmVkPTEnLz4=)", "![x](data")
body("html-block-script-split", "<div>\n<script\n>window.__pwned=1</script>\n</div>", "<div>")
body("noscript-mxss", "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned=1>\"></noscript>", "<noscript>")
body("template-element", "<template\nshadowrootmode=open><img src=\"x\" onerror=\"window.__pwned=1\"></template>", "<template")
body("autolink-javascript", "<javascript:window.__pwned=1>", "<javascript:")
# bare CR line endings: the scanner sees one line, Markdown sees three
cr = CP_TEXT.rstrip("\n") + "\n\nA line.\r<script>window.__pwned=1</script>\rEnd.\n"
case("t2-bare-cr-line-endings", 2, refused(CP), {CP: cr})
cr_all = CP_TEXT.replace("\n", "\r").rstrip("\r") + "\r\r<img src=\"x\"\ronerror=\"window.__pwned=1\">\r"
case("t2-bare-cr-whole-file", 2, refused(CP), {CP: cr_all})

# ---------------- cause 3: tooltip payloads (titles turned into HTML) ----------------
case("t3-glossary-definition-entity", 3, builds(), {"curriculum/_data/glossary.yml": GLOSS.replace("definition: A moment when we can move towards or away from what matters.", f"definition: {yq(ENC)}")})
case("t3-glossary-alias-entity", 3, builds(), {"curriculum/_data/glossary.yml": GLOSS + f"  aliases: [{yq(ENC)}]\n"})
body("abbreviation-entity", f"Ask about HTML.\n\n*[HTML]: {ENC}", expect=builds())
cases["t3-abbreviation-entity"] = cases.pop("t2-abbreviation-entity"); cases["t3-abbreviation-entity"]["cause"] = 3
case("t3-link-title-entity", 3, builds(), {BP: BP_TEXT.replace("(choice-point.md#the-choice-point)", f"(choice-point.md#the-choice-point \"{ENC}\")")})
case("t3-image-title-entity", 3, builds(), {CP: cp("![A fork in a path](../assets/images/dot.svg)", f"![A fork in a path](../assets/images/dot.svg \"{ENC}\")")})
case("t3-allowed-tag-title", 3, builds(), {CP: CP_TEXT + f"\nPress <kbd title=\"{ENC}\">Enter</kbd>.\n"})
case("t3-reference-title-entity", 3, builds(), {CP: CP_TEXT + f"\nRead [this][r].\n\n[r]: https://example.org/ \"{ENC}\"\n"})

# ---------------- cause 4: files published as they are ----------------
EVIL_HTML = "<!doctype html><title>x</title><script>window.__pwned=1</script>\n"
case("t4-html-file", 4, builds(), {"curriculum/evil.html": EVIL_HTML})
case("t4-htm-file-in-track", 4, builds(), {"curriculum/act/notes.htm": EVIL_HTML})
case("t4-xhtml-file", 4, builds(), {"curriculum/assets/page.xhtml": "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>window.__pwned=1</script></html>\n"})
case("t4-js-file", 4, builds(), {"curriculum/assets/extra.js": "window.__pwned=1;\n"})
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{}</svg>\n'
case("t4-svg-script", 4, builds(), {"curriculum/assets/images/dot.svg": SVG.format("<script>window.__pwned=1</script>")})
case("t4-svg-onload", 4, builds(), {"curriculum/assets/images/dot.svg": SVG.format("").replace("<svg ", "<svg onload=\"window.__pwned=1\" ")})
case("t4-svg-external-image", 4, builds(), {"curriculum/assets/images/dot.svg": SVG.format('<image href="https://evil.example/track.png" width="10" height="10"/>')})
case("t4-svg-use-external", 4, builds(), {"curriculum/assets/images/dot.svg": SVG.format('<use href="http://evil.example/sprite.svg#a"/><use xlink:href="http://evil.example/sprite.svg#b"/>')})
case("t4-svg-foreignobject", 4, builds(), {"curriculum/assets/images/extra.svg": SVG.format('<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:parent.__pwned=1"></iframe></foreignObject>')})
case("t4-svg-animate-href", 4, builds(), {"curriculum/assets/images/extra.svg": SVG.format('<a><animate attributeName="href" values="javascript:window.__pwned=1"/><text y="9">x</text></a>')})
case("t4-theme-bundle-js", 4, refused("curriculum/assets/javascripts/bundle.a5f9d56c.min.js"), {"curriculum/assets/javascripts/bundle.a5f9d56c.min.js": "window.__pwned=1;\n"},
     note="the name of mkdocs-material 9.8.2's bundle")
case("t4-theme-search-worker", 4, refused("curriculum/assets/javascripts/workers/search.a7633da7.min.js"), {"curriculum/assets/javascripts/workers/search.a7633da7.min.js": "self.__pwned=1;\n"})
case("t4-theme-stylesheet", 4, refused("curriculum/assets/stylesheets/main.57a0d79d.min.css"), {"curriculum/assets/stylesheets/main.57a0d79d.min.css": "body{display:none}\n"})
case("t4-minga-stylesheet", 4, refused("curriculum/assets/stylesheets/minga.css"), {"curriculum/assets/stylesheets/minga.css": "body{display:none}\n"})
case("t4-pdf-path", 4, refused("curriculum/pdf/"), {"curriculum/pdf/en/foundations.pdf": "%PDF-1.4 not a real guide\n", "curriculum/pdf/print.css": "body{display:none}\n"})
case("t4-catalog-json", 4, refused("curriculum/catalog.json"), {"curriculum/catalog.json": "{\"modules\": []}\n"})
case("t4-search-index", 4, refused("curriculum/search/search_index.json"), {"curriculum/search/search_index.json": "{\"config\": {}, \"docs\": [{\"location\": \"\", \"title\": \"<img src=x onerror=window.__pwned=1>\", \"text\": \"\"}]}\n"})
case("t4-sitemap", 4, refused("curriculum/sitemap.xml"), {"curriculum/sitemap.xml": "<?xml version=\"1.0\"?><urlset/>\n"})
case("t4-favicon", 4, refused("curriculum/assets/images/favicon.png"), {"curriculum/assets/images/favicon.png": "<svg onload=window.__pwned=1>\n"})

# ---------------- cause 5: links that lead outside ----------------
case("t5-folder-link-to-folder-of-links", 5, refused("curriculum/assets/"), {"notes/README.txt": "A folder of links.\n"},
     symlinks=["notes/environ -> /proc/self/environ", "notes/hostname -> /etc/hostname", "notes/gitconfig -> ../.git/config",
               "notes/secret -> {outside}/secret.txt", "curriculum/assets/notes -> ../../notes"])
case("t5-nested-folder-links", 5, refused("curriculum/"), {"deep/inner/README.txt": "x\n"},
     symlinks=["deep/inner/hostname -> /etc/hostname", "deep/hop -> inner", "curriculum/assets/hop -> ../../deep/hop"])
case("t5-file-link-outside", 5, refused("curriculum/assets/images/secret.png"), symlinks=["curriculum/assets/images/secret.png -> {outside}/secret.txt"])
case("t5-file-link-to-git-config", 5, refused("curriculum/assets/config.txt"), symlinks=["curriculum/assets/config.txt -> ../../.git/config"])
case("t5-folder-link-to-dotgit", 5, refused("curriculum/assets/git"), symlinks=["curriculum/assets/git -> ../../.git"])
case("t5-page-link-outside", 5, refused("curriculum/act/stolen.md"), symlinks=["curriculum/act/stolen.md -> {outside}/secret.md"])
case("t5-proc-environ-link", 5, refused("curriculum/assets/environ.txt"), symlinks=["curriculum/assets/environ.txt -> /proc/self/environ"])
case("t5-image-through-folder-link", 5, refused("curriculum/"), {CP: cp("![A fork in a path](../assets/images/dot.svg)", "![A fork in a path](../assets/notes/hostname)")},
     symlinks=["notes/hostname -> /etc/hostname", "curriculum/assets/notes -> ../../notes"])

# ---------------- cause 6: the PDF path ----------------
body("rel-attachment-multiline", "See <a\nrel=\"attachment\"\nhref=\"file:///etc/hostname\">notes</a>.", "See <a")
cases["t6-rel-attachment-multiline"] = cases.pop("t2-rel-attachment-multiline"); cases["t6-rel-attachment-multiline"]["cause"] = 6
body("link-rel-attachment", "<link\nrel=attachment\nhref=\"file:///proc/self/environ\">", "<link")
cases["t6-link-rel-attachment"] = cases.pop("t2-link-rel-attachment"); cases["t6-link-rel-attachment"]["cause"] = 6
body("img-file-url", "<img\nsrc=\"file:///etc/hostname\" alt=\"x\">", "<img")
cases["t6-img-file-url"] = cases.pop("t2-img-file-url"); cases["t6-img-file-url"]["cause"] = 6
case("t6-svg-image-file-url", 6, builds(), {"curriculum/assets/images/dot.svg": SVG.format('<image href="file:///etc/hostname" width="10" height="10"/><image xlink:href="/proc/self/environ" width="10" height="10"/>')},
     note="dot.svg is used by choice-point, which is in the foundations guide")
case("t6-svg-image-relative-outside", 6, builds(), {"curriculum/assets/images/dot.svg": SVG.format('<image href="../../../../../etc/hostname" width="10" height="10"/>')})

# ---------------- cause 7: names and text that reach terminals, CI logs and readers ----------------
case("t7-invalid-utf8-file-name", 7, refused("curriculum/"), generate=[{"path": "curriculum/assets/images/bad%FF%FEname.svg", "text": SVG.format("")}])
case("t7-invalid-utf8-module-name", 7, refused("curriculum/"), generate=[{"path": "curriculum/act/caf%E9.md", "text": "---\ntitle: x\n---\n\nText.\n"}])
case("t7-invalid-utf8-folder-name", 7, refused("curriculum/"), generate=[{"path": "curriculum/na%EFve/index.md", "text": "---\ntitle: x\n---\n\nText.\n"}])
case("t7-newline-in-file-name", 7, refused("curriculum/", github_forgery="::error title=FORGED"),
     generate=[{"path": "curriculum/assets/images/x%0A::error title=FORGED::forged annotation%0Ay.svg", "text": SVG.format("")}])
case("t7-newline-in-page-name", 7, refused("curriculum/", github_forgery="::warning title=FORGED"),
     generate=[{"path": "curriculum/act/notes%0A::warning title=FORGED::forged%0A.md", "text": "---\ntitle: x\n---\n\nText.\n"}])
case("t7-escape-codes-in-title", 7, refused(CP, 3), {CP: cp("id: choice-point\ntitle: The choice point", 'id: choice-point\ntitle: "\\e[31mRed\\e[0m \\e]0;PWNED\\a title"')})
case("t7-escape-codes-in-key", 7, refused(CP), {CP: cp("audience: Adults in community groups", 'audience: Adults in community groups\n"\\e[2J\\e]0;PWNED\\a": x')})
case("t7-escape-codes-in-link", 7, refused(BP), {BP: BP_TEXT.replace("(choice-point.md#the-choice-point)", "(choice-point.md#\x1b[2Jgone)")})
case("t7-bidi-in-title", 7, refused(CP, 3), {CP: cp("id: choice-point\ntitle: The choice point", 'id: choice-point\ntitle: "The \\u202Etniop eciohc"')})
case("t7-bidi-isolate-track-title", 7, refused("curriculum/_data/tracks.yml"), {"curriculum/_data/tracks.yml": TRACKS.replace("title: Education", 'title: "Edu\\u2066cation\\u2069"')})
case("t7-bidi-in-referral-contact", 7, refused("curriculum/_data/referrals.yml"), {"curriculum/_data/referrals.yml": REF(contact='"\\u202E33 22 11 0"')})
case("t7-escape-in-referral-contact", 7, refused("curriculum/_data/referrals.yml"), {"curriculum/_data/referrals.yml": REF(contact='"\\e[8m0 11 22 33"')})
case("t7-nul-in-title", 7, refused(CP, 3), {CP: cp("id: choice-point\ntitle: The choice point", 'id: choice-point\ntitle: "The choice\\0 point"')})
case("t7-bidi-in-body", 7, refused(CP), {CP: CP_TEXT + "\nCall \u202E33 22 11 0\u202C today.\n"})

# ---------------- cause 8: amplification and slow paths ----------------
long_body = lambda unit: {"path": CP, "append": "\n", "repeat": unit}
case("t8-long-line-letters", 8, builds(check_seconds=10), generate=[{"path": CP, "from": CP, "append_repeat": ["a", 200000]}])
case("t8-long-line-brackets", 8, builds(check_seconds=10), generate=[{"path": CP, "from": CP, "append_repeat": ["[x](", 50000]}])
case("t8-long-line-angles", 8, builds(check_seconds=10), generate=[{"path": CP, "from": CP, "append_repeat": ["`<", 100000]}])
case("t8-long-line-stars", 8, builds(check_seconds=10), generate=[{"path": CP, "from": CP, "append_repeat": ["*_", 100000]}])
case("t8-long-line-entities", 8, builds(check_seconds=10), generate=[{"path": CP, "from": CP, "append_repeat": ["&#", 100000]}])
case("t8-long-title", 8, refused(CP, 3), generate=[{"path": CP, "from": CP, "replace": ["id: choice-point\ntitle: The choice point", "id: choice-point\ntitle: ", ["Long ", 2000]]}])
case("t8-long-track-title", 8, refused("curriculum/_data/tracks.yml"), generate=[{"path": "curriculum/_data/tracks.yml", "from": "curriculum/_data/tracks.yml", "replace": ["title: Education", "title: ", ["E", 10000]]}])
case("t8-guide-repeats-module", 8, refused("facilitator_guides/foundations.yml"), generate=[{"path": "facilitator_guides/foundations.yml", "from": "facilitator_guides/foundations.yml", "replace": ["modules: [choice-point, being-present]", "modules: [", ["choice-point, ", 1000], "being-present]"]}])
case("t8-track-declared-twice", 8, refused("curriculum/_data/tracks.yml", 7), {"curriculum/_data/tracks.yml": TRACKS + "- id: act\n  title: Again\n  description: A second act track.\n"})
MK_ES = (VALID / "mkdocs.yml").read_text() + "        - locale: es\n          name: Español\n"
def reserved_track(tid, extra_files=None):
    files = {"curriculum/_data/tracks.yml": TRACKS + f"- id: {tid}\n  title: Reserved\n  description: A track with a reserved id.\n",
             f"curriculum/{tid}/index.md": "---\ntitle: Reserved\n---\n\nA track page.\n"}
    files.update(extra_files or {})
    case(f"t8-track-id-{tid}", 8, refused("curriculum/_data/tracks.yml", 7), files)
reserved_track("es", {"mkdocs.yml": MK_ES})
reserved_track("assets")
reserved_track("search")
reserved_track("pdf")
reserved_track("en")

# ---------------- write ----------------
import yaml
if OUT.exists():
    shutil.rmtree(OUT)
for name, c in sorted(cases.items()):
    folder = OUT / name
    folder.mkdir(parents=True)
    for rel, text in c["files"].items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        with open(folder / rel, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    exp = {"cause": c["cause"], **c["expect"]}
    if c["note"]:
        exp["note"] = c["note"]
    with open(folder / "expect.yml", "w", encoding="utf-8") as f:
        yaml.safe_dump(exp, f, sort_keys=False, allow_unicode=False)
    if c["symlinks"]:
        (folder / "_symlinks.txt").write_text("\n".join(c["symlinks"]) + "\n", encoding="utf-8")
    if c["generate"]:
        with open(folder / "_generate.yml", "w", encoding="utf-8") as f:
            yaml.safe_dump(c["generate"], f, sort_keys=False, allow_unicode=False, width=1000)
print(len(cases), "cases")
from collections import Counter
print(Counter(c["cause"] for c in cases.values()))
