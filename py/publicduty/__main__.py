"""Allow ``python -m publicduty``."""

import sys

from publicduty.cli import main

sys.exit(main())
