"""`python -m storyhub.cli`: the storyhub command."""

import sys

from storyhub.cli.main import main

sys.exit(main())
