"""The roster editor: one spreadsheet-like table per roster form (see `table.RosterTable`)."""
