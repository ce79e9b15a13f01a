"""The benchmark of SPEC §7 (`make bench`): the service against a bare FastAPI + SQLModel baseline, same load."""
