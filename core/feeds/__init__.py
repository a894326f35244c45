"""Feeds: subscriptions to RSS and Atom feeds whose new entries are imported as web addresses are (no Qt here)."""
