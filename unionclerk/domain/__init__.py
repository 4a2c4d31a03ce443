"""Plain values and errors shared by every layer (no Qt, no SQL, no I/O).

Import from the modules themselves (`unionclerk.domain.period`, `.report`, ...): this package
imports nothing, so that the program's start-up only loads what it uses.
"""
