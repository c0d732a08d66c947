"""The staff console: a web channel for the centre's team (inbox, knowledge, events, statistics)."""
