"""The website: what MkDocs renders and what the templates in overrides/ show, computed from the content model.

`rendering` is the website's own Markdown configuration (with `markdown_prep`, `anchors` and
`figures`), which `minga.checks` also renders to check what readers get. `views` gives the templates
plain data; `nav` and `site_nav` make the menu, `urls` says where each page lands, `ui` reads the
interface strings in `locales/`. `search_index`, `web_assets`, `fonts` and `offline` shape what a
reader downloads, which `weight` measures; `catalog` writes catalog.json and `printed` lists the
PDFs that `minga.pdf` made. The MkDocs hooks (hooks/minga_hooks.py) call into this package.
"""
