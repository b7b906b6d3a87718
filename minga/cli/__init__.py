"""The `minga` command and what it drives: `python -m minga.cli` or `minga` (entry point `main.main`).

`main` parses the command line and hands work to the other packages: `build` checks
(`minga.checks`), builds the site aside with MkDocs and the PDFs (`minga.pdf`) and swaps it in;
`shards` builds one language at a time and combines them; `commands` holds `new`, `serve`, `import`
and the JSON check, with `scaffold` (new files that pass the check at once) and `importer` (modules
drafted from Carpentries or plain Markdown); `pr_summary` describes a pull request for its reviewers.
"""
