"""Regenerates tests/fixtures/hostile-browser/ (run: python tests/make_browser_fixtures.py; it replaces the folder)."""
from pathlib import Path
import shutil
ROOT = Path(__file__).resolve().parent.parent; VALID = ROOT/"tests/fixtures/valid"; OUT = ROOT/"tests/fixtures/hostile-browser"
CP = "curriculum/act/choice-point.md"; BP = "curriculum/act/being-present.md"
X = "<img src=x onerror=window.__pwned=1>"
E = "&lt;img src=x onerror=window.__pwned=1&gt;"
q = lambda s: "'" + s.replace("'", "''") + "'"
cp = (VALID/CP).read_text()
def rep(t, old, new):
    assert t.count(old) == 1, old
    return t.replace(old, new)
if OUT.exists(): shutil.rmtree(OUT)
# ---- text: front matter and data strings (cause 1): run on load
t = cp
t = rep(t, "id: choice-point\ntitle: The choice point", f"id: choice-point\ntitle: {q(X + 'The choice point')}")
t = rep(t, "audience: Adults in community groups", f"audience: {q(X)}")
t = rep(t, "  - Name moves towards and away from what matters", f"  - {q(X)}")
t = rep(t, "materials: []", f"materials: [{q(X)}]")
t = rep(t, "    - Strong distress", f"    - {q(X)}")
t = rep(t, "    - Pause and ground the group", f"    - {q(X)}")
t = rep(t, "  refer: Follow the safety protocol the same day.", f"  refer: {q(X)}")
t = rep(t, "  - title: ACT Made Simple\n    author: Harris, R.\n    year: 2019",
        f"  - title: {q(X)}\n    author: {q(X)}\n    year: 2019\n    url: 'https://example.org/\"onmouseover=\"window.__pwned=1\"onfocus=\"window.__pwned=1\"autofocus=\"'")
t = rep(t, "handouts:", f"home_practice: {q(X)}\nkey_messages: [{q(X)}]\nhandouts:")
files = {CP: t}
files["curriculum/_data/glossary.yml"] = f"- term: choice point\n  definition: A moment of choice.\n- term: values\n  definition: {q(X)}\n"
files["curriculum/_data/tracks.yml"] = f"- id: act\n  title: {q(X + 'Flexibility')}\n  description: {q(X)}\n- id: education\n  title: Education\n  description: Sessions for teachers.\n"
files["curriculum/_data/referrals.yml"] = f"localized: true\nservices:\n  - need: {q(X)}\n    service: {q('<script>window.__pwned=1</script>')}\n    contact: {q(X)}\n    hours: Always\n    notes: {q(X)}\n"
files["curriculum/index.md"] = f"---\ntitle: {q(X + 'Home')}\ndescription: '\"><script>window.__pwned=1</script>'\n---\n\nStart with [the choice point](act/choice-point.md) and the values.\n"
files["curriculum/act/index.md"] = f"---\ntitle: {q(X + 'Flexibility')}\n---\n\nRun these sessions in order.\n"
files["facilitator_guides/foundations.yml"] = (VALID/"facilitator_guides/foundations.yml").read_text().replace("title: Foundations", f"title: {q(X + 'Foundations')}")
def write(name, files):
    for rel, text in files.items():
        p = OUT/name/rel; p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f: f.write(text)
write("text", files)
# ---- tooltips: entity-encoded markup that only runs when a title becomes a tooltip (cause 3)
t = rep(cp, "![A fork in a path](../assets/images/dot.svg)", f"![A fork in a path](../assets/images/dot.svg \"{E}\")\n\nAsk about HTML.\n\nRead [this][r] and the [choice point](#the-choice-point \"{E}\").\n\n[r]: https://example.org/ \"{E}\"\n\n*[HTML]: {E}")
write("tooltips", {
    CP: t,
    BP: rep((VALID/BP).read_text(), "(choice-point.md#the-choice-point)", f"(choice-point.md#the-choice-point \"{E}\")"),
    "curriculum/_data/glossary.yml": f"- term: choice point\n  definition: {q(E)}\n- term: values\n  definition: {q(E)}\n",
    "curriculum/index.md": "---\ntitle: Fixture home\n---\n\nStart with [the choice point](act/choice-point.md): values matter.\n",
})
# ---- files: published as they are and opened directly (cause 4)
write("files", {
    "curriculum/assets/images/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1" width="10" height="10"><script>window.__pwned=1</script></svg>\n',
    "curriculum/evil.html": "<!doctype html><title>x</title><script>window.__pwned=1</script>\n",
    "curriculum/assets/javascripts/bundle.a5f9d56c.min.js": "window.__pwned=1;\n",
})
# ---- body: what the line scanner misses (cause 2) and rel=attachment (cause 6)
P = '<img src="x" onerror="window.__pwned=1">'
b = cp.rstrip("\n") + "\n\n" + "\n\n".join([
    'Look <img src="x"\nonerror="window.__pwned=1"> here.',
    f"Type \\`{P}\\` to see.",
    f"/// note | {P}\nTitle.\n///",
    'Press <kbd\nonmouseover="window.__pwned=1" onfocus="window.__pwned=1" tabindex="0">Enter</kbd>.',
]) + "\n"
# Links that run script only when clicked, on a page of their own.
bp_links = (VALID/BP).read_text().rstrip("\n") + "\n\nRead [one](<java\nscript:window.__pwned=1>) and [two][x].\n\n[x]:\n    javascript:window.__pwned=1\n"
write("body", {CP: b, BP: bp_links})
# ---- escaped: markup that the check accepts because it is shown as text (front matter, data,
# doubly encoded titles): it builds, and the browser must show every payload as text, also in
# tooltips on hover and focus (causes 1 and 3).
D = "&amp;lt;img src=x onerror=window.__pwned=1&amp;gt;"  # a title attribute holding the text "&lt;img ...&gt;"
t = rep(cp, "id: choice-point\ntitle: The choice point", f"id: choice-point\ntitle: {q(X + 'The choice point')}")
t = rep(t, "audience: Adults in community groups", f"audience: {q(X)}")
t = rep(t, "  - Name moves towards and away from what matters", f"  - {q(X)}")
t = rep(t, "    - Strong distress", f"    - {q(X)}")
t = rep(t, "  refer: Follow the safety protocol the same day.", f"  refer: {q(X)}")
t = rep(t, "handouts:", f"home_practice: {q(X)}\nkey_messages: [{q(X)}]\nhandouts:")
t = rep(t, "![A fork in a path](../assets/images/dot.svg)",
        f"![A fork in a path](../assets/images/dot.svg \"{D}\")\n\nRead the [choice point](#the-choice-point \"{D}\").")
write("escaped", {
    CP: t,
    "curriculum/_data/glossary.yml": f"- term: choice point\n  definition: {q(D + ' A moment of choice.')}\n- term: values\n  definition: {q(D)}\n",
    "curriculum/_data/tracks.yml": f"- id: act\n  title: {q(X + 'Flexibility')}\n  description: {q(X)}\n- id: education\n  title: Education\n  description: Sessions for teachers.\n",
    "curriculum/index.md": f"---\ntitle: {q(X + 'Home')}\ndescription: '\"><script>window.__pwned=1</script>'\n---\n\nStart with [the choice point](act/choice-point.md) and the values.\n",
    "curriculum/act/index.md": f"---\ntitle: {q(X + 'Flexibility')}\n---\n\nRun these sessions in order.\n",
    "facilitator_guides/foundations.yml": (VALID/"facilitator_guides/foundations.yml").read_text().replace("title: Foundations", f"title: {q(X + 'Foundations')}"),
})
print("ok")
