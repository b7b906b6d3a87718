#!/usr/bin/env python3
"""Make the printable facilitator guides, participant handouts and forms (see `--help`).

A thin adapter: everything lives in minga/pdf/, which shares the content model, the
validation and the Markdown settings with the website.
"""

import sys

from minga.pdf.cli import main

if __name__ == "__main__":
    sys.exit(main())
