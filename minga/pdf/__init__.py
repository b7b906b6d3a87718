"""Printable facilitator guides and participant handouts, made with WeasyPrint.

load (minga.loader) -> HTML (documents, Jinja templates in overrides/pdf/) ->
WeasyPrint with a restricted URL fetcher (fetcher) -> PDF, in parallel with a cache (jobs).
"""
