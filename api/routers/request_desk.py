"""The institution's request desk (rule book section J): art. 46bis/1 C. i. cr. requests of the procureur du Roi."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from fastapi.responses import JSONResponse

from api.deps import ActorDep, ClockDep, KeyRingDep, SessionDep, SettingsDep
from api.http import Cursor, IfMatchRequired, Limit, errors, expected_version, set_etag
from api.routers.disclosures import _voice
from api.services import request_desk
from models.request_desk import (
    Art46bis1AnswerCreate,
    Art46bis1Page,
    Art46bis1RequestCreate,
    Art46bis1RequestPublic,
    Art46bis1Routed,
)
from policies.messages import message

router = APIRouter()
TAG = "request-desk"
PATH = "/art-46bis1-requests"
RequestId = Annotated[uuid.UUID, Path(alias="request_id")]


@router.post(
    PATH,
    operation_id="createArt46bis1Request",
    tags=[TAG],
    status_code=status.HTTP_201_CREATED,
    response_model=Art46bis1RequestPublic,
    responses={
        202: {"model": Art46bis1Routed, "description": "Re-routed to the institution's designated handlers (R80)"},
        **errors(403),
    },
    summary="Register an art. 46bis/1 request",
)
def create(
    payload: Art46bis1RequestCreate,
    request: Request,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> Art46bis1RequestPublic | JSONResponse:
    """R78–R84, D16 — the procureur du Roi's request for administrative information: only his written, motivated
    decision (R78; the police only relay it), only within an investigation into terrorist offences of Book II,
    Title I ter (R79); otherwise refused and nothing stored. The request is the institution's (R80): registered by
    a designated handler (director general, president, referent) it is answered by the institution; registered by
    the worker who received it, it is re-routed to them (202, no id: he never sees it again). Each item that is not
    administrative data is refused from the start (R81). A staff "declaration" of terrorist indications is refused:
    the active duty was annulled by the Constitutional Court (44/2019, R84). Secret (R83): no list, count or audit
    detail shows it to anyone but the handlers."""
    render, cite, lang = _voice(request)
    row, texts = request_desk.create(session, actor, payload, settings, keyring, clock())
    if row is None:
        shown = request_desk.routed(message("art46bis1_rerouted", lang))
        return JSONResponse(shown.model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED)
    response.headers["Location"] = f"/v1{PATH}/{row.id}"
    set_etag(response, row.version)
    return request_desk.public(row, texts, render, cite)


@router.get(
    PATH,
    operation_id="listArt46bis1Requests",
    tags=[TAG],
    response_model=Art46bis1Page,
    responses=errors(403),
    summary="List the institution's art. 46bis/1 requests",
)
def list_requests(
    actor: ActorDep, session: SessionDep, clock: ClockDep, limit: Limit = 50, cursor: Cursor = None
) -> Art46bis1Page:
    """R83 — for the institution's designated handlers only, oldest first; ids and states, nothing else."""
    return request_desk.page(session, actor, limit, cursor, clock())


@router.get(
    f"{PATH}/{{request_id}}",
    operation_id="getArt46bis1Request",
    tags=[TAG],
    response_model=Art46bis1RequestPublic,
    responses=errors(404, 500),
    summary="Read an art. 46bis/1 request",
)
def read(
    request_id: RequestId,
    request: Request,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> Art46bis1RequestPublic:
    """R83 — the request and its sealed history, for its institution's handlers; to anyone else a 404, exactly as
    an unknown id. The reading joins the request's own history."""
    render, cite, _ = _voice(request)
    shown = request_desk.read(session, actor, request_id, keyring, clock(), render, cite)
    set_etag(response, shown.version)
    return shown


@router.post(
    f"{PATH}/{{request_id}}/answer",
    operation_id="answerArt46bis1Request",
    tags=[TAG],
    response_model=Art46bis1RequestPublic,
    responses=errors(403, 404, 409, 412, 428),
    summary="Answer an art. 46bis/1 request, item by item",
)
def answer(
    request_id: RequestId,
    payload: Art46bis1AnswerCreate,
    request: Request,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    keyring: KeyRingDep,
    clock: ClockDep,
    if_match: IfMatchRequired,
) -> Art46bis1RequestPublic:
    """R80–R82 — the institution's answer, once, by a signatory (director general or president; a referent or a
    worker is refused with R80): a decision on every requested item, `provided` only for administrative data (R81);
    `refused_other` on an admissible item is accepted with the warning that the law punishes it (R82). No free
    text: what is provided leaves through the institution's own channel."""
    render, cite, _ = _voice(request)
    shown = request_desk.answer(
        session, actor, request_id, payload, expected_version(if_match), settings, keyring, clock(), render, cite
    )
    set_etag(response, shown.version)
    return shown
