"""``python -m app`` is the same as the ``stamps-pos`` command."""

import sys

from app.cli import main

sys.exit(main())
