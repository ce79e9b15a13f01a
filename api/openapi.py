"""`python -m api.openapi write|check`: the committed openapi/openapi.json is the code's contract.

It also carries OpenAPI links (3.0, "Link Object"), added by `install_links`: a client — or a stateful fuzzer —
learns from the document how the id (and the `ETag`, for `If-Match`) of one response feeds the next request.
The rule is structural, so a new route is linked without editing a table: a response that carries a resource (the
201 of `POST /x`; the 200 of a `GET`, `PATCH` or state change returning that same schema; the first item of the page
`GET /x` returns) links to every operation under `/x/{id}` whose path parameters it can all fill, from its own body
(`id`) or from the path it was called on. Three request-body fields naming another resource (`legal_basis_id`,
`person_id`, `participant_id`) are linked the same way from `BODY_REFERENCES`.

Before the links, `refine` completes what FastAPI cannot know, from what the code does rather than from a table
kept by hand: the `ETag` header on the 2xx of every route whose endpoint sets one (`set_etag`/`set_tag`), `Location`
on every 201, `If-Match` required where the route depends on `api.http.if_match_required` (428 without it), the
503 (`overloaded`, `database_conflict`) with `Retry-After` on every operation the load shedder and the conflict retry
cover; and the global tags, `servers`, `info.contact`, and the examples of `api.examples`, keyed by operationId.
"""

from __future__ import annotations

import copy
import inspect
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from api import examples
from api.http import PROBLEM_JSON, if_match_required
from api.security.crypto import KeyRing
from api.settings import Settings
from api.shedding import EXEMPT as NOT_SHED

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


#: The global tags, in the order a newcomer needs them (Swagger UI and ReDoc show them in this order).
TAGS: tuple[dict[str, str], ...] = (
    {
        "name": "legal bases",
        "description": "Start here. The law, decree or ordinance (or the motivated authorisation of the procureur "
        "du Roi) that allows a concertation, names who may take part and for what purpose (art. 458ter §1, R1–R9). "
        "Every concertation rests on one.",
    },
    {
        "name": "concertations",
        "description": "Draft a concertation on a basis, read its compliance report (each check with its rule, legal "
        "ground and message), fix it with `PATCH` and `If-Match`, then schedule, start, end, close or cancel it. "
        "Its agenda.",
    },
    {
        "name": "participants",
        "description": "Invite the professionals the basis authorises (R16, R17). Each participant answers the "
        "invitation, acknowledges the secrecy notice in French, Dutch or English, and may stay silent; nobody else "
        "learns of a refusal or a silence (R38–R40).",
    },
    {
        "name": "person concerned",
        "description": "The person the concertation is about: identity (encrypted, every read audited), consents, "
        "what the person was told, and motivated exceptions to informing (R26–R33).",
    },
    {
        "name": "minutes",
        "description": "During and after a session: who joined or left, the minutes entries (sealed under the "
        "concertation's offence scope), reading them (audited), making an entry known to the person, finalising.",
    },
    {
        "name": "prosecution",
        "description": "A magistrate asks to use the minutes for named offences: granted only within the "
        "concertation's scope, otherwise refused whole with art. 458ter §2, kept and alerted (R49–R54).",
    },
    {
        "name": "disclosures",
        "description": "Which regime lets me speak? The routing question (R73) and the records of the other lawful "
        "ways to reveal a secret, beside concertations: shared professional secrecy exchanges (R67–R77), art. 458bis "
        "reports to the procureur du Roi (R101–R103) and state-of-necessity records (R99–R105). Checked before "
        "anything is stored; their texts sealed; only the discloser's organisation sees them.",
    },
    {
        "name": "audit",
        "description": "For auditors and the DPO: the append-only audit trail (ids, rule codes and hashes, never a "
        "plaintext) and the verification of its hash chain (R109).",
    },
    {
        "name": "reference",
        "description": "Reference data any authenticated caller may read: the purposes of art. 458ter, the offence "
        "catalogue, the offences art. 458bis lists, the deployment's policy and profiles.",
    },
    {
        "name": "partner systems",
        "description": "Tokens: the OAuth2 client-credentials grant for partner systems (RFC 6749 §4.4), and in "
        "development the service's own issuer. Send the token as `Authorization: Bearer`.",
    },
    {
        "name": "health",
        "description": "Liveness and readiness probes for an orchestrator; unauthenticated, never shed under load.",
    },
)
SERVERS: list[dict[str, str]] = [{"url": "/", "description": "This service: the host that serves this document"}]
CONTACT: dict[str, str] = {"name": "Concertation", "url": "https://concertation.example/"}

#: Where an endpoint sends its ETag only with some representations (the others are always sent).
ETAG_SOMETIMES: dict[str, str] = {
    "getConcertation": "Sent with the whole concertation (to its coordinator or chair), not with an invitation or "
    "status metadata: the `If-Match` of `PATCH` and of the state changes",
}
_ETAG_SETTERS = frozenset({"set_etag", "set_tag"})
_HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        "description": "The version of what this response carries: send it back as `If-Match` to change it",
        "required": True,
        "schema": {"type": "string", "examples": ['"3"', '"23e2abe40316f9168a833fb41d555889"']},
    },
    "Location": {
        "description": "Where what was created is read (a silence: where it is lifted; an agenda item or minutes "
        "entry: the agenda or minutes it is on; an acknowledgement: the participant's flags)",
        "required": True,
        "schema": {"type": "string", "format": "uri-reference"},
    },
    "RetryAfter": {
        "description": "Seconds to wait before trying again (safe to retry with the same `Idempotency-Key`)",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "examples": [1]},
    },
}
_UNAVAILABLE: dict[str, Any] = {
    "description": "Service Unavailable: this worker is at capacity (`overloaded`), or a database conflict "
    "persisted after the retries (`database_conflict`). Nothing was done: retry after `Retry-After` seconds.",
    "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
    "content": {PROBLEM_JSON: {"schema": {"$ref": _REF + "Problem"}, "example": examples.OVERLOADED}},
}


def _depends_on(dependant: Dependant, call: Callable[..., Any]) -> bool:
    return any(d.call is call or _depends_on(d, call) for d in dependant.dependencies)


def _sets_etag(route: APIRoute) -> bool:
    """Whether the endpoint's own code calls `set_etag` or `set_tag` (the names its bytecode loads)."""
    code = getattr(inspect.unwrap(route.endpoint), "__code__", None)
    return code is not None and bool(_ETAG_SETTERS & set(code.co_names))


def _declare_headers(operation: dict[str, Any], route: APIRoute) -> None:
    op_id = operation["operationId"]
    for status, response in operation.get("responses", {}).items():
        if not status.startswith("2"):
            continue
        headers = response.setdefault("headers", {})
        if _sets_etag(route):
            if op_id in ETAG_SOMETIMES:
                sometimes = {"required": False, "description": ETAG_SOMETIMES[op_id]}
                headers["ETag"] = {**copy.deepcopy(_HEADERS["ETag"]), **sometimes}
            else:
                headers["ETag"] = {"$ref": "#/components/headers/ETag"}
        if status == "201":
            headers["Location"] = {"$ref": "#/components/headers/Location"}
        if not headers:
            del response["headers"]


def _if_match(operation: dict[str, Any], route: APIRoute) -> None:
    """`If-Match` is a string (a header is never null), required where the route depends on `if_match_required`."""
    required = _depends_on(route.dependant, if_match_required)
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "header" and parameter.get("name") == "If-Match":
            parameter["schema"] = {"type": "string", "examples": ['"1"']}
            parameter["required"] = required
    if required and "428" not in operation["responses"]:
        raise ValueError(f"{operation['operationId']} requires If-Match but does not document its 428")


def _invalid(operation: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any] | None:
    """The 422 example of an operation `api.examples` gives none for: a malformed value of its first required body
    field, else of its `limit`, else of its last path parameter."""
    body = _json_schema(operation.get("requestBody", {})).get("$ref", "").removeprefix(_REF)
    if body in schemas:
        fields = schemas[body].get("required") or list(schemas[body].get("properties", {}))
        return examples.invalid_value(fields[0])
    names = [(p["in"], p["name"]) for p in operation.get("parameters", [])]
    if ("query", "limit") in names:
        return examples.INVALID_LIMIT
    in_path = [name for where, name in names if where == "path"]
    return examples.invalid_value(in_path[-1]) if in_path else None


def _put_examples(operation: dict[str, Any], schemas: dict[str, Any]) -> None:
    """The examples of `api.examples` for this operation (an example for what the operation lacks is an error), and
    a 422 example where it has none."""
    op_id = operation["operationId"]
    if op_id in examples.REQUESTS:
        content = operation["requestBody"]["content"]
        (media,) = content
        content[media]["example"] = copy.deepcopy(examples.REQUESTS[op_id])
    chosen = dict(examples.RESPONSES.get(op_id, {}))
    invalid = _invalid(operation, schemas) if "422" in operation["responses"] else None
    if invalid is not None:
        chosen.setdefault("422", invalid)
    for status, example in chosen.items():
        content = operation["responses"][status]["content"]
        media = PROBLEM_JSON if status.startswith(("4", "5")) else "application/json"
        content[media]["example"] = copy.deepcopy(example)  # a copy: whoever changes the document, not the module


def _errors_sent(operation: dict[str, Any]) -> None:
    """A body that is not JSON is answered 400 wherever a JSON body is read; 401 only where a caller is
    authenticated."""
    if "application/json" in operation.get("requestBody", {}).get("content", {}):
        malformed = "a body that is not well-formed JSON: `malformed_json` or `bad_request`"
        responses = operation["responses"]
        if "400" in responses:
            description = responses["400"]["description"].removesuffix(")")
            responses["400"]["description"] = f"{description}; or {malformed})"
        else:
            content = {PROBLEM_JSON: {"schema": {"$ref": _REF + "Problem"}}}
            responses["400"] = {"description": f"Bad Request ({malformed})", "content": content}
    if not operation.get("security"):
        operation["responses"].pop("401", None)


def _problems_only(operation: dict[str, Any]) -> None:
    """An error is answered as problem+json only: FastAPI's `application/json` twin of each error goes."""
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        if status[0] in "45" and PROBLEM_JSON in content:
            content.pop("application/json", None)


def _routes(routes: Sequence[Any]) -> dict[tuple[str, str], APIRoute]:
    """(path as documented, method) -> the route that serves it, through the routers the app includes."""
    found: dict[tuple[str, str], APIRoute] = {}
    for context in iter_route_contexts(routes):
        route = context.original_route
        if isinstance(route, APIRoute) and route.include_in_schema:
            for method in context.methods or ():
                found[str(context.path_format), method.lower()] = route
    return found


def refine(doc: dict[str, Any], routes: Sequence[Any]) -> None:
    """Complete `doc` (in place) with what the code does and the documentation a client needs; see the module doc."""
    by_path = _routes(routes)
    doc["info"]["contact"] = dict(CONTACT)
    doc["servers"] = copy.deepcopy(SERVERS)
    doc["tags"] = [dict(t) for t in TAGS]
    components = doc.setdefault("components", {})
    components["headers"] = copy.deepcopy(_HEADERS)
    components["responses"] = {"ServiceUnavailable": copy.deepcopy(_UNAVAILABLE)}
    for path, method, operation in _operations(doc):
        route = by_path.get((path, method))
        if route is not None:
            _declare_headers(operation, route)
            _if_match(operation, route)
        if path not in NOT_SHED:
            operation["responses"]["503"] = {"$ref": "#/components/responses/ServiceUnavailable"}
        _errors_sent(operation)
        _problems_only(operation)
        _put_examples(operation, components.get("schemas", {}))
    unknown = (set(examples.REQUESTS) | set(examples.RESPONSES)) - {op["operationId"] for _, _, op in _operations(doc)}
    if unknown:
        raise ValueError(f"api.examples names operations the API does not have: {sorted(unknown)}")


def install_links(app: Any) -> None:
    """Serve the document refined (`refine`) and with its links, both added once to the document FastAPI caches."""
    generate: Callable[[], dict[str, Any]] = app.openapi
    linked: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        doc = generate()
        if not any(d is doc for d in linked):
            refine(doc, app.routes)
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
