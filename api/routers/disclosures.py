"""The other disclosure regimes (rule book sections I and L): which regime applies, and its records."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response, status

from api.deps import ActorDep, ClockDep, KeyRingDep, SessionDep, SettingsDep
from api.http import Cursor, IfMatchRequired, Limit, errors, expected_version, set_etag
from api.problems import language
from api.services import disclosures
from api.services.common import Cite, Render
from models.disclosure import (
    Art458bisReportCreate,
    Art458bisReportPublic,
    ClassificationPublic,
    ClassifyRequest,
    DisclosureMetadata,
    DisclosurePage,
    FollowUpCreate,
    NecessityRecordCreate,
    NecessityRecordPublic,
    SharedSecretExchangeCreate,
    SharedSecretExchangePublic,
)
from policies import grounds
from policies.decision import Finding
from policies.messages import message
from policies.vocab import Regime

router = APIRouter()


def _voice(request: Request) -> tuple[Render, Cite, str]:
    lang = language(request)

    def render(f: Finding) -> str:
        return message(f.code, lang, f.params)

    def cite(ground: str) -> str:
        return grounds.cite(ground, lang)

    return render, cite, lang


@router.post(
    "/disclosures/classify",
    operation_id="classifyDisclosure",
    tags=["disclosures"],
    response_model=ClassificationPublic,
    responses=errors(403),
    summary="Which regime lets me speak?",
)
def classify(
    payload: ClassifyRequest,
    request: Request,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> ClassificationPublic:
    """R73 — given the facts of a contemplated exchange, every regime with the conditions met and unmet: shared
    professional secrecy (R67–R76), a 458ter concertation and the registered bases that fit, an art. 458bis report
    (R101, R102), the state of necessity (R99, R100). `routing` answers R73: `shared_secrecy` only when all four
    conditions hold, else `requires_458ter` when a registered basis fits, else `not_allowed`; `not_restricted` for
    the person concerned himself (R35). Consent alone opens nothing (R74, D3). Nothing is stored about the person;
    the classification is audited by codes only."""
    render, cite, lang = _voice(request)
    return disclosures.classify_exchange(session, actor, payload, settings, clock(), render, cite, lang)


def _records(
    regime: Regime,
    path: str,
    name: str,
    create_model: Any,
    public_model: Any,
    what: str,
    create_doc: str,
    *,
    follow_ups: bool,
) -> None:
    """The routes of one regime's records: create, list, read (and, R103, follow-ups)."""
    Id = Annotated[uuid.UUID, Path(alias=f"{name}_id")]
    camel = "".join(part.capitalize() for part in name.split("_"))

    def create(
        payload: create_model,
        request: Request,
        response: Response,
        actor: ActorDep,
        session: SessionDep,
        settings: SettingsDep,
        keyring: KeyRingDep,
        clock: ClockDep,
    ) -> Any:
        render, cite, lang = _voice(request)
        shown = disclosures.create_record(
            session, actor, regime, payload, settings, keyring, clock(), render, cite, lang
        )
        response.headers["Location"] = f"/v1{path}/{shown.id}"
        set_etag(response, shown.version)
        return shown

    create.__doc__ = create_doc
    router.post(
        path,
        operation_id=f"create{camel}",
        tags=["disclosures"],
        status_code=status.HTTP_201_CREATED,
        response_model=public_model,
        responses=errors(403),
        summary=f"Record {what}",
    )(create)

    def list_records(
        actor: ActorDep, session: SessionDep, clock: ClockDep, limit: Limit = 50, cursor: Cursor = None
    ) -> DisclosurePage:
        return disclosures.page(session, actor, regime, limit, cursor, clock())

    list_records.__doc__ = (
        "Your organisation's records of this regime, oldest first: its coordinators see them all, a professional "
        "his own, a partner system status metadata only (R45, R107); no person, no free text in the list."
    )
    router.get(
        path,
        operation_id=f"list{camel}s",
        tags=["disclosures"],
        response_model=DisclosurePage,
        responses=errors(403),
        summary=f"List {what}s",
    )(list_records)

    def read(
        record_id: Id,
        request: Request,
        response: Response,
        actor: ActorDep,
        session: SessionDep,
        keyring: KeyRingDep,
        clock: ClockDep,
    ) -> Any:
        render, cite, lang = _voice(request)
        shown, version = disclosures.get_record(session, actor, regime, record_id, keyring, clock(), render, cite, lang)
        set_etag(response, version)
        return shown

    read.__doc__ = (
        "The record, its texts opened, with the conditions as they were checked when it was recorded; for its "
        "author and his organisation's coordinators (the read is audited). A partner system of the organisation gets "
        "status metadata only; anyone else a 404 (R27)."
    )
    router.get(
        f"{path}/{{{name}_id}}",
        operation_id=f"get{camel}",
        tags=["disclosures"],
        response_model=public_model | DisclosureMetadata,
        responses=errors(404, 500),
        summary=f"Read {what}",
    )(read)

    if not follow_ups:
        return

    def add_follow_up(
        record_id: Id,
        payload: FollowUpCreate,
        request: Request,
        response: Response,
        actor: ActorDep,
        session: SessionDep,
        keyring: KeyRingDep,
        clock: ClockDep,
        if_match: IfMatchRequired,
    ) -> Any:
        render, cite, lang = _voice(request)
        shown = disclosures.follow_up(
            session, actor, regime, record_id, payload, expected_version(if_match), keyring, clock(), render, cite, lang
        )
        set_etag(response, shown.version)
        return shown

    add_follow_up.__doc__ = (
        "R103 — reporting does not end the duty to help: record that the support goes on, or to whom it was handed "
        "over. The record closes only when asked (`close`), never by itself; a closed record takes no more follow-up "
        "(409)."
    )
    router.post(
        f"{path}/{{{name}_id}}/follow-ups",
        operation_id=f"addFollowUpTo{camel}",
        tags=["disclosures"],
        response_model=public_model,
        responses=errors(403, 404, 409, 412, 428),
        summary="Record the follow-up (R103)",
    )(add_follow_up)


_records(
    Regime.SHARED_SECRECY,
    "/shared-secret-exchanges",
    "shared_secret_exchange",
    SharedSecretExchangeCreate,
    SharedSecretExchangePublic,
    "a shared-secrecy exchange",
    """R67 — an exchange under shared professional secrecy: every recipient bound by secrecy (R68; never police,
    parquet, school staff or relatives: R20, R72, R112), the same mission (R69), the master of the secret informed
    and, in `consent_required` mode, agreeing to each recipient and item (R70, D4), each item strictly necessary and
    in his exclusive interest (R71); a team only if all its members are bound and the person was told (R75); the
    hierarchy only for supervision or support, pseudonymised (R76). Checked before anything is stored; refused with
    `not_shared_secrecy` and every failing condition. What is shared is sealed under the exchange's own data key.""",
    follow_ups=False,
)
_records(
    Regime.ART_458BIS_REPORT,
    "/art-458bis-reports",
    "art_458bis_report",
    Art458bisReportCreate,
    Art458bisReportPublic,
    "an art. 458bis report",
    """R101–R103 — a report to the procureur du Roi: discloser bound by secrecy; an offence art. 458bis lists
    (`GET /v1/reference/art-458bis-offences`); a minor or vulnerable victim; a grave and imminent danger, or
    indications that others will be victims, and no way to protect alone or with others; the procureur du Roi as the
    only recipient; real facts, not worry or rumour (R102); never a lawyer's own client (R21, art. 458quater); a
    follow-up plan, because reporting does not end the duty to help (R103). Art. 422bis is shown as guidance only
    (R104). Refused with `art_458bis_conditions_not_met` and every failing condition.""",
    follow_ups=True,
)
_records(
    Regime.STATE_OF_NECESSITY,
    "/necessity-records",
    "necessity_record",
    NecessityRecordCreate,
    NecessityRecordPublic,
    "a state-of-necessity record",
    """R99, R100, R103–R105 — a disclosure under the state of necessity, every condition recorded and checked: a
    grave and imminent danger to another, present or to come (not past); the interest protected weighed as more
    compelling (D17); no other means, alternatives tried listed; only what averts the danger disclosed; who assessed
    it and when. A missing or "unknown" answer is a refusal (R115). Weighed with secret-bound colleagues or a lawyer
    and the person spoken to (R100); a follow-up plan (R103). Art. 29 C. i. cr. never overrides secrecy (R105);
    art. 422bis is guidance only (R104). Refused with `necessity_record_refused` and every failing condition.""",
    follow_ups=True,
)
