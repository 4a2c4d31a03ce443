"""`python -m unionclerk` runs the command line, same as the `unionclerk` command."""

from unionclerk.app import main

raise SystemExit(main())
