"""The Insights dock: deal flow, breakdowns and league tables of the deals the list shows."""
