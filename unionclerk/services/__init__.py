"""Use cases: open a data folder, fill, check, complete, import, export. Own transactions."""
