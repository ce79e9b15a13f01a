"""SQLModel tables and their wire schemas; importing this package registers every table in the metadata."""

from models.audit import AuditEvent
from models.concertation import Concertation, ConcertationKey, Participant, PersonConcerned
from models.legal_basis import LegalBasis

__all__ = ["AuditEvent", "Concertation", "ConcertationKey", "LegalBasis", "Participant", "PersonConcerned"]
