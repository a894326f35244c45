"""Watch lists in the window: the flag column's icon, the Watch lists dialog, its undo commands and the notice."""
