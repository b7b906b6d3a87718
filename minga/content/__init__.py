"""The content model and reading it: what a session, track, page, guide or form is, and how files become one.

`loader` reads every file of a project (`project`) into the frozen data classes of `model`, through
`frontmatter` (safe YAML that keeps line numbers), `schema` (the declared shape of every key),
`body` (the marks a Markdown body holds), `licenses` and `forms`; `gitinfo` asks git for dates.
Everything here only reads and says what cannot be read, as located problems (`minga.checks.problems`);
the rules across files live in `minga.checks`, translations are paired in `minga.translation`, and
`minga.web` and `minga.pdf` turn the model into pages and PDFs.
"""
