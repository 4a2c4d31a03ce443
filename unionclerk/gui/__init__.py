"""The desktop window (PySide6). Talks to services only, never to the database."""
