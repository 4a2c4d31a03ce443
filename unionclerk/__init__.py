"""unionclerk — township trade-union reports: fill, check, export, merge."""

__version__ = "0.1.0"
APP_NAME = "unionclerk"
APP_TITLE = "工会报表助手"
