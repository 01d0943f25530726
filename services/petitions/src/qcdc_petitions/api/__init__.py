"""HTTP routes of the petitions service, one module per feature."""
