"""Commands and time-driven changes of the publicity service, one module per feature."""
