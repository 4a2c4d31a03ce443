"""What the roster table's parts may use of the table: `RosterHost`.

The commands (`ops`), the column filters (`filters`) and the import (`importing`) are
handed the `RosterTable` they serve, but see it only through this Protocol, which names
exactly what they use: the model, proxy and view, the two requests they emit, the message
line and the selection. So none of them imports `table`, which puts them together
(`tests/gui/test_window_parts.py` checks the names). The table is also the widget their
dialogs and menus sit on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from unionclerk.formspec import FormDef
    from unionclerk.gui.roster.model import RosterModel
    from unionclerk.gui.roster.proxy import RosterProxy
    from unionclerk.gui.roster.view import RosterView


class RosterHost(Protocol):
    form: FormDef
    model: RosterModel
    proxy: RosterProxy
    view: RosterView
    rows_requested: SignalInstance  # (RowsPlan, the undo step's label)
    move_requested: SignalInstance  # (row uuid, new position)

    def say(self, text: str, error: bool = True) -> None: ...
    def select_rows(self, uuids: list[str], keys: list[str]) -> None: ...
    def update_status(self) -> None: ...
    def restore_order(self) -> None: ...
