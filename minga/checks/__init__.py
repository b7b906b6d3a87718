"""Validation: everything `minga check` refuses, located at a file and line with a fix.

`checking.check_project` is the one entry point, shared by the `minga` command and the MkDocs hooks:
it loads the content (`minga.content`), then runs `rules` (one function per thing that must hold,
with the help of `timing`, `terminology`, `picture_rules`, `foreign` and `publishing`) and
`rendered_rules`, which renders each page as the website does (`minga.web.rendering`) and holds the
HTML against one allowlist (`html_policy`, with `svg_policy` for pictures). Problems are values
(`problems`) printed by one reporter (`report`); `check_cache` remembers the slow steps.
"""
