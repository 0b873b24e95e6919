"""``python -m teilhabe_core`` runs the ``teilhabe`` command line."""

from .cli import main

raise SystemExit(main())
