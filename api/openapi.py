"""`python -m api.openapi write|check`: the committed openapi/openapi.json is the code's contract.

It also carries OpenAPI links (3.0, "Link Object"), added by `install_links`: a client — or a stateful fuzzer —
learns from the document how the id (and the `ETag`, for `If-Match`) of one response feeds the next request.
The rule is structural, so a new route is linked without editing a table: a response that carries a resource (the
201 of `POST /x`; the 200 of a `GET`, `PATCH` or state change returning that same schema; the first item of the page
`GET /x` returns) links to every operation under `/x/{id}` whose path parameters it can all fill, from its own body
(`id`) or from the path it was called on. Three request-body fields naming another resource (`legal_basis_id`,
`person_id`, `participant_id`) are linked the same way from `BODY_REFERENCES`.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from api.security.crypto import KeyRing
from api.settings import Settings

SNAPSHOT = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"
_REF = "#/components/schemas/"
_PARAM = re.compile(r"\{([^}]+)\}")

#: A request-body field that names a resource: (field, schema of that resource, where the id is in its response).
BODY_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("legal_basis_id", "LegalBasisPublic", "$response.body#/id"),
    ("person_id", "ConcertationPublic", "$response.body#/persons_concerned/0/id"),
    ("participant_id", "ParticipantPublic", "$response.body#/id"),
)

Operation = tuple[str, str, dict[str, Any]]  # path, method, operation object


def _operations(doc: dict[str, Any]) -> Iterator[Operation]:
    for path, item in doc.get("paths", {}).items():
        for method, operation in item.items():
            yield path, method, operation


def _json_schema(node: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = node.get("content", {}).get("application/json", {}).get("schema", {})
    return schema


def _carried(path: str, method: str, schema: dict[str, Any], collections: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(resource schema, JSON pointer of its id) for what a response carries: a resource, or a page of a collection
    (the `GET` on the path its resources are created on; its first item)."""
    for variant in schema.get("anyOf", [schema]):
        ref = variant.get("$ref", "")
        if ref.startswith(_REF):
            yield ref.removeprefix(_REF), "/id"
    for resource, collection in collections.items():
        if method == "get" and collection == path:
            yield resource, "/items/0/id"


def _changes(operation: dict[str, Any], resource: str) -> bool:
    """Whether `operation` changes `resource` itself under `If-Match` (and so answers with it)."""
    if_match = any(p.get("in") == "header" and p.get("name") == "If-Match" for p in operation.get("parameters", []))
    answers = _json_schema(operation.get("responses", {}).get("200", {})).get("$ref") == _REF + resource
    return if_match and answers


def _link(target: dict[str, Any], parameters: dict[str, str], body: dict[str, str] | None = None) -> dict[str, Any]:
    link: dict[str, Any] = {"operationId": target["operationId"], "parameters": parameters}
    if body:
        link["requestBody"] = body
    return link


def _under(collection: str | None, operations: list[Operation]) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """(path, method) -> (item parameter, operation) of every operation on an item of `collection`."""
    found: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for path, method, operation in operations:
        if collection is not None and path.startswith(f"{collection}/{{"):
            found[path, method] = (path.removeprefix(f"{collection}/").partition("/")[0].strip("{}"), operation)
    return found


def _links_of(
    source: Operation, response: dict[str, Any], doc: dict[str, Any], collections: dict[str, str]
) -> dict[str, Any]:
    path, method, operation = source
    components = doc.get("components", {}).get("schemas", {})
    operations = list(_operations(doc))
    known = set(_PARAM.findall(path))
    links: dict[str, Any] = {}
    for resource, pointer in _carried(path, method, _json_schema(response), collections):
        items = _under(collections.get(resource), operations)
        for (target_path, _), (own, target) in items.items():
            needed = set(_PARAM.findall(target_path)) - {own}
            if target is not operation and needed <= known:
                parameters = {own: f"$response.body#{pointer}"} | {p: f"$request.path.{p}" for p in sorted(needed)}
                if pointer == "/id" and _changes(target, resource):
                    parameters["header.If-Match"] = "$response.header.ETag"  # the version this response showed
                links[target["operationId"]] = _link(target, parameters)
        for field, referenced, where in BODY_REFERENCES if pointer == "/id" else ():
            for target_path, target_method, target in operations if referenced == resource else ():
                body = _json_schema(target.get("requestBody", {})).get("$ref", "").removeprefix(_REF)
                if field not in components.get(body, {}).get("properties", {}):
                    continue
                needed = set(_PARAM.findall(target_path))
                fill = {p: f"$request.path.{p}" for p in sorted(needed & known)}
                if (target_path, target_method) in items:  # on an item of this resource: its id fills the item
                    fill.setdefault(items[target_path, target_method][0], "$response.body#/id")
                if needed <= set(fill):
                    links[target["operationId"]] = _link(target, dict(sorted(fill.items())), {field: where})
    return dict(sorted(links.items()))


def add_links(doc: dict[str, Any]) -> None:
    """Add the links of the module docstring to every 2xx response of `doc` (in place; idempotent)."""
    collections: dict[str, str] = {}  # resource schema -> the path of the POST that creates it (its 201)
    for path, method, operation in _operations(doc):
        created = _json_schema(operation.get("responses", {}).get("201", {})).get("$ref", "")
        if method == "post" and created.startswith(_REF):
            collections.setdefault(created.removeprefix(_REF), path)
    for source in _operations(doc):
        for status, response in source[2].get("responses", {}).items():
            links = _links_of(source, response, doc, collections) if status.startswith("2") else {}
            if links:
                response["links"] = links


def install_links(app: Any) -> None:
    """Serve the document with its links, added once to the document FastAPI caches."""
    generate: Callable[[], dict[str, Any]] = app.openapi
    linked: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        doc = generate()
        if not any(d is doc for d in linked):
            add_links(doc)
            linked.append(doc)
        return doc

    app.openapi = openapi


def generate() -> dict[str, Any]:
    """The OpenAPI document of an app built on a throwaway directory (no database or key is touched)."""
    from api.main import create_app

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(var_dir=Path(tmp), database_url=f"sqlite:///{tmp}/openapi.db")
        app = create_app(settings, keyring=KeyRing({"k": bytes(32)}, "k"))
        doc: dict[str, Any] = app.openapi()
        app.state.engine.dispose()
        return doc


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    text = render(generate())
    if command == "write":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(text)
        print(f"wrote {SNAPSHOT}")
        return 0
    if not SNAPSHOT.exists() or SNAPSHOT.read_text() != text:
        print("openapi/openapi.json differs from the code: run `make openapi` and commit it", file=sys.stderr)
        return 1
    print("openapi/openapi.json matches the code")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
