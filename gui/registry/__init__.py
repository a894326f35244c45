"""The party registry window: names, aliases and merges of parties."""
