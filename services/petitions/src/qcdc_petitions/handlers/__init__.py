"""Commands and time-driven changes of the petitions service, one module per feature."""
