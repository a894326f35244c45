"""Pure rules on deals: when two reports are one deal, splitting one apart, laying a re-parse over it; no SQL."""
