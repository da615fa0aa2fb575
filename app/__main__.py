"""`python -m app` runs the command line, as the `tablesession` script does."""

import sys

from app.cli.main import main

sys.exit(main())
