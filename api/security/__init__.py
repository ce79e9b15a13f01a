"""Authentication primitives (SPEC §4): bearer-token verification and development signing keys."""
