"""Translations: how a translated file pairs with its source, how fresh it is, and the tools that keep it so.

`translation` holds what a translation may say and the hash of the source it was made from, used by
`minga.content.loader` when it reads a translated file; `status` gives each page's status in every
language (for the catalog, the website's notices and `minga status`); `changes` shows what changed
in a source since its translation; `translate_cli` is `minga translation start|stamp`, which writes
a translation's bookkeeping so that no translator writes a hash by hand.
"""
