"""HTTP routes of the publicity service, one module per feature."""
