"""How long work reports how far it got, and how it stops when the person cancels.

Export, import, merge and backup run in a worker thread (the window) or straight through (the
command line). They take a `Progress` callback (`done`, `total`, what is being done now) and a
`cancelled()` poll; when the poll turns true they raise `Cancelled` with nothing written.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The person cancelled; nothing was written."""
