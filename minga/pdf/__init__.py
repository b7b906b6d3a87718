"""Printable facilitator guides and participant handouts, made with WeasyPrint.

load (minga.content.loader) -> HTML (documents, Jinja templates in overrides/pdf/) ->
WeasyPrint with a restricted URL fetcher (fetcher) -> PDF, in parallel with a cache (jobs).
A PDF is made only from content that `minga.checks` accepts, and it says what the website says:
the Markdown preparation, views, pictures and interface strings come from `minga.web`.
`build_pdf.py` and `minga build` (minga.cli.build) run it through `cli`.
"""
