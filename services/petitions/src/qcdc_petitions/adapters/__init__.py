"""Adapters of the petitions service: tables, repositories, events."""
