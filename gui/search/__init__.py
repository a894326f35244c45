"""Search and filters: the query the list shows and the facet counts beside it."""
