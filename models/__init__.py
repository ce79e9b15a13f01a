"""SQLModel tables and their wire schemas; importing this package registers every table in the metadata."""

from models.audit import AuditEvent
from models.concertation import Concertation, DataKey, Participant, PersonConcerned
from models.legal_basis import LegalBasis
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
    "Concertation",
    "ConsentRecord",
    "DataKey",
    "InformationException",
    "InformationRecord",
    "LegalBasis",
    "Participant",
    "PersonConcerned",
    "SecrecyAcknowledgement",
    "Silence",
]
