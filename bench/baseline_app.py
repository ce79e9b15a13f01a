"""The bare baseline of SPEC §7: FastAPI + SQLModel, nothing else — no authentication library, no policy, no
encryption, no audit trail. The same database (URL in `BENCH_BASELINE_DATABASE_URL`), the same durability settings
(SQLite: WAL, `synchronous=FULL`), the same worker count and a table of similar width to `concertation`.

Run: `BENCH_BASELINE_DATABASE_URL=… uvicorn bench.baseline_app:app --workers 2`. The benchmark creates the table.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException
from sqlalchemy import JSON, Column, Engine, LargeBinary, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Field, Session, SQLModel, col, select


class BenchRowBase(SQLModel):
    org: str = Field(max_length=200, index=True)
    group_key: str = Field(max_length=64, index=True)
    state: str = Field(default="draft", max_length=16)
    kind: str | None = Field(default=None, max_length=64)
    category: str | None = Field(default=None, max_length=64)
    title: str = Field(max_length=200)
    statement: str = Field(max_length=2000)
    chair_name: str | None = Field(default=None, max_length=200)
    chair_organisation: str | None = Field(default=None, max_length=200)
    requester_name: str | None = Field(default=None, max_length=200)
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None


class BenchRowCreate(BenchRowBase):
    tags: list[str] = []
    details: dict[str, Any] = {}
    content: str = ""


class BenchRow(BenchRowBase, table=True):
    __tablename__ = "bench_baseline_row"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    content: bytes = Field(default=b"", sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC), index=True)
    updated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class BenchRowPublic(BenchRowBase):
    id: uuid.UUID
    tags: list[str]
    details: dict[str, Any]
    created_at: datetime


def make_baseline_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return engine


def create_table(engine: Engine) -> None:
    BenchRow.__table__.create(engine, checkfirst=True)  # type: ignore[attr-defined]


engine = make_baseline_engine(os.environ.get("BENCH_BASELINE_DATABASE_URL", "sqlite:///var/bench-baseline.db"))
app = FastAPI(title="bench baseline")


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/rows", status_code=201, response_model=BenchRowPublic)
def insert(row: BenchRowCreate, session: SessionDep) -> BenchRow:
    stored = BenchRow.model_validate({**row.model_dump(), "content": row.content.encode()})
    session.add(stored)
    session.commit()
    session.refresh(stored)
    return stored


@app.get("/rows", response_model=list[BenchRowPublic])
def read(session: SessionDep, group: str, limit: int = 50) -> list[BenchRow]:
    query = select(BenchRow).where(BenchRow.group_key == group).order_by(col(BenchRow.created_at)).limit(limit)
    return list(session.exec(query).all())


@app.get("/whoami")
def whoami(authorization: Annotated[str | None, Header()] = None) -> dict[str, str]:
    """A trivial authenticated endpoint: a static bearer token, compared."""
    if authorization != "Bearer bench":
        raise HTTPException(401)
    return {"sub": "bench"}
