"""SQLModel tables and their wire schemas; importing this package registers every table in the metadata."""

from models.audit import AuditEvent
from models.concertation import Concertation, DataKey, Participant, PersonConcerned
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

__all__ = [
    "AgendaItem",
    "Attendance",
    "AuditEvent",
    "BasisKey",
    "Concertation",
    "ConsentRecord",
    "DataKey",
    "InformationException",
    "InformationRecord",
    "LegalBasis",
    "MinutesEntry",
    "Participant",
    "PersonConcerned",
    "ProsecutionRequest",
    "SecrecyAcknowledgement",
    "Silence",
]
