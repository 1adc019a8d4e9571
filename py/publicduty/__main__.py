"""Allow ``python -m publicduty``."""

import sys

from publicduty.cli.main import main

sys.exit(main())
