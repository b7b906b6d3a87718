"""`python -m minga.cli`: the same command as `minga`."""

import sys

from minga.cli.main import main

sys.exit(main())
