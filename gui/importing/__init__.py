"""Importing and re-parsing: the dialog, drops and the clipboard in, parsing on the pool, the summary out."""
