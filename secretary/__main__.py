"""`python -m secretary [COMMAND]`: see secretary.cli."""

from secretary.app import main

raise SystemExit(main())
