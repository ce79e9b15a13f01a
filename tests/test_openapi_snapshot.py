"""The committed openapi/openapi.json is the code's contract: this fails when they drift apart."""

from __future__ import annotations

import json

from api.openapi import SNAPSHOT, generate, render


def test_committed_openapi_equals_the_generated_one() -> None:
    assert SNAPSHOT.exists(), "run `make openapi` and commit openapi/openapi.json"
    assert SNAPSHOT.read_text() == render(generate()), "openapi/openapi.json is stale: run `make openapi`"


def test_no_public_schema_exposes_ciphertext_hashes_or_key_ids() -> None:
    """STYLE: ciphertext, key ids and data keys never appear in a *Public schema."""
    schemas = generate()["components"]["schemas"]
    forbidden = ("ciphertext", "wrapped_dek", "kek_id", "identity_ciphertext", "dek")
    for name, schema in schemas.items():
        for prop in schema.get("properties", {}):
            assert not any(f in prop for f in forbidden), f"{name}.{prop}"


def test_every_operation_documents_problem_json_errors() -> None:
    doc = generate()
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if path in ("/healthz", "/readyz"):
                continue
            # 401 wherever a caller is authenticated, and only there (the development sign-in authenticates nobody).
            assert ("401" in op["responses"]) is bool(op.get("security")), f"{method} {path}"
            # RFC 6749 §5.2: the token endpoint answers a malformed request with 400, never 422.
            invalid = "400" if path == "/oauth/token" else "422"
            assert "application/problem+json" in op["responses"][invalid]["content"], f"{method} {path}"
    assert json.dumps(doc)  # serialisable as committed


def test_no_endpoint_counts_or_ranks_participants() -> None:
    """R40, R66, R108: no statistic, ranking or cooperation score per person or service — not even by accident."""
    doc = generate()
    words = ("stat", "count", "rank", "score", "cooperat", "export")
    for path in doc["paths"]:
        assert not any(w in path.lower() for w in words), path
    for name, schema in doc["components"]["schemas"].items():
        for prop in schema.get("properties", {}):
            assert not any(w in prop.lower() for w in ("rank", "score", "cooperat", "refusal_count")), f"{name}.{prop}"
