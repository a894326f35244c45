"""Deal Tracker: a local desk for business deals in the news."""
