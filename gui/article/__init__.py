"""The article pane: the source text and the sentences a deal was read from."""
