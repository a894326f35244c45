"""The Help menu: keyboard shortcuts, the user guide and the about box."""
