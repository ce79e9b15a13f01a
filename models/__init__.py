"""SQLModel tables and their wire schemas; importing this package registers every table in the metadata."""

from models.audit import AuditEvent
from models.client import OAuthClient
from models.concertation import Concertation, DataKey, Participant, PersonConcerned
from models.disclosure import DisclosureKey, DisclosureRecord
from models.idempotency import IdempotencyRecord
from models.legal_basis import BasisKey, LegalBasis
from models.minutes import MinutesEntry, ProsecutionRequest
from models.participation import (
    AgendaItem,
    Attendance,
    ConsentRecord,
    InformationException,
    InformationRecord,
    SecrecyAcknowledgement,
    Silence,
)
from models.request_desk import AdminInfoKey, AdminInfoRequest

__all__ = [
    "AdminInfoKey",
    "AdminInfoRequest",
    "AgendaItem",
    "Attendance",
    "AuditEvent",
    "BasisKey",
    "Concertation",
    "ConsentRecord",
    "DataKey",
    "DisclosureKey",
    "DisclosureRecord",
    "IdempotencyRecord",
    "InformationException",
    "InformationRecord",
    "LegalBasis",
    "MinutesEntry",
    "OAuthClient",
    "Participant",
    "PersonConcerned",
    "ProsecutionRequest",
    "SecrecyAcknowledgement",
    "Silence",
]
