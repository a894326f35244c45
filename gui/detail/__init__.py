"""The detail pane: one deal, its fields, sources, alternatives, duplicates and history."""
