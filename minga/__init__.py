"""Minga: validated Markdown session plans become a curriculum website, PDFs and a catalog.

Pipeline: load (frontmatter, loader) -> validate (rules) -> render (views, catalog) -> write.
"""

__version__ = "0.1.0"
