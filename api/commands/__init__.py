"""Operational commands of `concertation` (keys, audit, retention), each registering its own subcommands."""
