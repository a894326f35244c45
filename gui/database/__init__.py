"""The database file: new, open, recent, export, backups and the watch on other programs' writes."""
