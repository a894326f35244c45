"""Feeds in the window: the feed list dialog, background polling and the inbox of deals from feeds."""
