"""The law as data: the rule table (``rules.toml``) with its rows in force by date, the Vietnamese
working calendar, and the deadlines they compute (CAL-COUNT, CAL-WHY). Pure: no I/O but reading
the packaged table."""
