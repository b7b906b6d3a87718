"""Minga: validated Markdown session plans become a curriculum website, PDFs and a catalog.

Pipeline: read (content) -> validate (checks) -> render (web, pdf) -> write, driven by the `minga`
command (cli); translation pairs each translated file with its source.
"""

__version__ = "0.1.0"
