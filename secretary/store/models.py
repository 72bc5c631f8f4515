"""SQLAlchemy 2 models. The same models run on SQLite and PostgreSQL.

Views never hold these objects: services copy what a view needs into dataclasses, because
ORM objects detach when their session closes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false, text

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012
        dict[str, Any]: JSON,
        list[str]: JSON,
        list[int]: JSON,
        list[Any]: JSON,
    }


class Setting(Base):
    """Application-wide facts, e.g. the municipality's name."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Andringsnummer(Base):
    """A change number that is not a meeting's: the register's (store.andringar)."""

    __tablename__ = "andringsnummer"
    namn: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class Party(Base):
    __tablename__ = "party"
    id: Mapped[int] = mapped_column(primary_key=True)
    short: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    email: Mapped[str] = mapped_column(String(200), default="")

    party: Mapped[Party | None] = relationship()
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class Organ(Base):
    __tablename__ = "organ"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(10))
    forvaringsplats: Mapped[str] = mapped_column(String(300), default="")
    dnr_pattern: Mapped[str] = mapped_column(String(100), default="")
    personliga_ersattare: Mapped[bool] = mapped_column(Boolean, default=False)
    labels: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The organ in running text: 'arbetsutskottet', 'kommunstyrelsen' ('' = from the kind).
    benamning: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # May ersättare who do not serve make a protokollsanteckning? (differs per organ)
    anteckning_ersattare: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    # Days before the meeting the kallelse must be out, as the reglemente says (None: the
    # default, domain.kallelse); fullmäktige's kungörelse is a week by law whatever this is.
    kallelse_dagar: Mapped[int | None] = mapped_column(Integer)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organ", cascade="all, delete-orphan"
    )
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="organ", cascade="all, delete-orphan"
    )
    party_order: Mapped[list[ErsattarordningParti]] = relationship(
        cascade="all, delete-orphan", order_by="ErsattarordningParti.position"
    )


class Membership(Base):
    """A person's seat or place on an organ for a mandate period."""

    __tablename__ = "membership"
    id: Mapped[int] = mapped_column(primary_key=True)
    organ_id: Mapped[int] = mapped_column(ForeignKey("organ.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    roll: Mapped[str] = mapped_column(String(20))
    funktion: Mapped[str] = mapped_column(String(20), default="")
    # Seat order for ledamöter (roll-call order); rank within the party for ersättare.
    ordning: Mapped[int] = mapped_column(Integer, default=0)
    personlig_ersattare_for_id: Mapped[int | None] = mapped_column(
        ForeignKey("membership.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)

    organ: Mapped[Organ] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(back_populates="memberships")


class ErsattarordningParti(Base):
    """The order in which other parties' ersättare are called in (decided by fullmäktige).

    `for_party_id` None is the organ's general order; a row with a party is that party's own
    order and takes precedence for its members' seats.
    """

    __tablename__ = "ersattarordning_parti"
    __table_args__ = (UniqueConstraint("organ_id", "for_party_id", "party_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organ_id: Mapped[int] = mapped_column(ForeignKey("organ.id", ondelete="CASCADE"))
    for_party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class Meeting(Base):
    """A sammanträde of one organ."""

    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    organ_id: Mapped[int] = mapped_column(ForeignKey("organ.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    planned_start: Mapped[dt.time | None] = mapped_column(Time)
    justering_place: Mapped[str] = mapped_column(String(300), default="")
    justering_date: Mapped[dt.date | None] = mapped_column(Date)
    justering_time: Mapped[dt.time | None] = mapped_column(Time)
    first_paragraf_override: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), default="planerat")
    started_at: Mapped[dt.time | None] = mapped_column(Time)
    ended_at: Mapped[dt.time | None] = mapped_column(Time)
    # The live cursor: the ärende being handled (or next to be), and whether it has begun.
    current_arende_id: Mapped[int | None] = mapped_column(
        ForeignKey("arende.id", ondelete="SET NULL", use_alter=True)
    )
    under_behandling: Mapped[bool] = mapped_column(Boolean, default=False)
    # After the meeting: the day of justering and the notice on the anslagstavla.
    justerat_datum: Mapped[dt.date | None] = mapped_column(Date)
    anslag_uppsatt: Mapped[dt.date | None] = mapped_column(Date)
    sista_overklagandedag: Mapped[dt.date | None] = mapped_column(Date)
    anslag_nedtagning: Mapped[dt.date | None] = mapped_column(Date)
    # Names, addresses and the like the secretary marked to be masked in the public version,
    # kept so that the next web version (after a rättelse, say) masks them again.
    maskeringstermer: Mapped[list[str]] = mapped_column(
        JSON, default=list, server_default=text("'[]'")
    )
    # Before the meeting: the day fullmäktige's kungörelse went up on the anslagstavla.
    kungorelse_uppsatt: Mapped[dt.date | None] = mapped_column(Date)
    # Raised by every commit that changes the meeting or its rows (store.andringar).
    andringsnummer: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))

    organ: Mapped[Organ] = relationship(back_populates="meetings")
    arenden: Mapped[list[Arende]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="Arende.position",
        foreign_keys="Arende.meeting_id",
    )
    justerare: Mapped[list[MeetingJusterare]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingJusterare.position"
    )


class MeetingJusterare(Base):
    __tablename__ = "meeting_justerare"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship()


class Arende(Base):
    """An agenda item; once handled it is a numbered § of the protocol."""

    __tablename__ = "arende"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    rubrik: Mapped[str] = mapped_column(String(500))
    dnr: Mapped[str] = mapped_column(String(100), default="")
    sammanfattning: Mapped[str] = mapped_column(Text, default="")
    forslag_till_beslut: Mapped[str] = mapped_column(Text, default="")
    beslutsunderlag: Mapped[list[str]] = mapped_column(default=list)
    expedieras_till: Mapped[list[str]] = mapped_column(default=list)
    # How the proposal reads in the beslutsgång ('' = 'förvaltningens förslag').
    forslag_namn: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # From the diarium: the official who prepared the ärende.
    handlaggare: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # An anmälan av delegationsbeslut (KL 6 kap. 40 §): the decisions reported, each a dict
    # with "dnr", "beslut", "datum" (ISO) and "delegat".
    delegationsbeslut: Mapped[list[dict[str, str]]] = mapped_column(
        JSON, default=list, server_default=text("'[]'")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="arenden", foreign_keys=[meeting_id])


class NarvaroHandelse(Base):
    """One attendance event (secretary.domain.narvaro.Handelse). It stands before
    `arende_id`; `vid_upprop` puts it at the roll call, before whatever ärende comes first;
    neither means after the last §."""

    __tablename__ = "narvaro_handelse"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    vid_upprop: Mapped[bool] = mapped_column(Boolean, default=False)
    arende_id: Mapped[int | None] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"))
    time: Mapped[dt.time | None] = mapped_column(Time)
    distans: Mapped[bool] = mapped_column(Boolean, default=False)
    seat_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    only_this: Mapped[bool] = mapped_column(Boolean, default=False)


class Ajournering(Base):
    """A break in the meeting, from–to (to is empty while it lasts); printed on the front
    page as "Ajournering kl. 14.05–14.20"."""

    __tablename__ = "ajournering"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    fran: Mapped[dt.time] = mapped_column(Time)
    till: Mapped[dt.time | None] = mapped_column(Time)


class Logg(Base):
    """What happened to a meeting and when: state changes, quorum overrides."""

    __tablename__ = "logg"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    arende_id: Mapped[int | None] = mapped_column(ForeignKey("arende.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text, default="")


class YrkandeRad(Base):
    """A yrkande made on an ärende (secretary.domain.yrkanden.Yrkande)."""

    __tablename__ = "yrkande"
    # Ids never come back on SQLite: the propositionsordning names yrkanden by id (0007).
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012
    id: Mapped[int] = mapped_column(primary_key=True)
    arende_id: Mapped[int] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"), index=True)
    typ: Mapped[str] = mapped_column(String(20))
    yrkare_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    instammande: Mapped[list[int]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    stodjer_id: Mapped[int | None] = mapped_column(ForeignKey("yrkande.id", ondelete="SET NULL"))
    aterkallat: Mapped[bool] = mapped_column(Boolean, default=False)


class ParagrafBeslut(Base):
    """How an ärende was decided: the propositionsordning, what the chair found at each step
    (with any votering and its roll call), the beslut, flags, and texts the secretary edited.
    `ordning` None means the legal order the application proposes."""

    __tablename__ = "paragraf_beslut"
    arende_id: Mapped[int] = mapped_column(
        ForeignKey("arende.id", ondelete="CASCADE"), primary_key=True
    )
    ordning: Mapped[list[Any] | None] = mapped_column(JSON)
    ordning_godkand: Mapped[bool] = mapped_column(Boolean, default=False)
    resultat: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    beslut_rubrik: Mapped[str] = mapped_column(String(300), default="")
    beslut_att: Mapped[list[str] | None] = mapped_column(JSON)
    omedelbar_justering: Mapped[bool] = mapped_column(Boolean, default=False)
    sekretess: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the § was justerad omedelbart (its own document); it is locked from then on.
    omedelbart_justerad: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # section -> {"text": edited text, "genererad": the generated text when it was edited}
    redigerat: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ReservationRad(Base):
    __tablename__ = "reservation"
    id: Mapped[int] = mapped_column(primary_key=True)
    arende_id: Mapped[int] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    typ: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")  # written grounds, a bilaga


class Protokollsanteckning(Base):
    __tablename__ = "protokollsanteckning"
    id: Mapped[int] = mapped_column(primary_key=True)
    arende_id: Mapped[int] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")


class SigneradPdf:
    """A stored PDF that signatories sign: the PDF as fixed, its digest, and the PDF as
    signed so far (the stored PDF with the signatures appended as incremental updates, so
    it starts with `pdf`, byte for byte) with its digest. `created` is when it was fixed:
    no signature may be older (reports.signatur.granska)."""

    created: Mapped[dt.datetime] = mapped_column(DateTime)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    signerad_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    signerad_sha256: Mapped[str | None] = mapped_column(String(64))


class Signatur:
    """A signatory and the state of their signature: when, by whom, how, and for an
    e-signature the validation result kept as evidence (signer certificate, chain, time,
    result; reports.signatur.Signaturgranskning.som_dict). `falt` is the signature field
    on their line in the PDF."""

    roll: Mapped[str] = mapped_column(String(40))
    namn: Mapped[str] = mapped_column(String(200))
    falt: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="väntar")
    datum: Mapped[dt.date | None] = mapped_column(Date)
    satt: Mapped[str] = mapped_column(String(20), default="")
    signerare: Mapped[str] = mapped_column(String(300), default="")
    registrerad: Mapped[dt.datetime | None] = mapped_column(DateTime)
    granskning: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Protokollversion(SigneradPdf, Base):
    """A stored version of the protocol: a draft sent for review (utkast), the justerat
    protocol, one after a rättelse, or an omedelbart justerad § (omedelbar). The PDF and the
    content snapshot (§ texts as JSON) each carry a SHA-256 digest, checked for tampering;
    the justerat version is signed (SigneradPdf)."""

    __tablename__ = "protokollversion"
    __table_args__ = (UniqueConstraint("meeting_id", "nummer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    nummer: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    paragrafer: Mapped[list[int]] = mapped_column(JSON, default=list)  # an omedelbar's §§
    innehall: Mapped[dict[str, Any]] = mapped_column(JSON)
    innehall_sha256: Mapped[str] = mapped_column(String(64))


class Underskrift(Signatur, Base):
    """A signatory of a justerat version and the state of their signature (Signatur)."""

    __tablename__ = "underskrift"
    __table_args__ = (UniqueConstraint("version_id", "falt"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(
        ForeignKey("protokollversion.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class Bestyrkande(SigneradPdf, Signatur, Base):
    """A bestyrkt document of a justerat meeting, fixed when it was issued for signing: an
    utdrag certified "Rätt utdraget intygar" by its bestyrkare, or the anslagsbevis signed by
    the one who posts the notice. It keeps what it covers (the §§, the recipient of an
    utdrag made per "Expedieras till", the dates printed) and its one signatory (Signatur)
    in the same states as the protocol's (services.bestyrkande)."""

    __tablename__ = "bestyrkande"
    __table_args__ = (UniqueConstraint("meeting_id", "nummer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    nummer: Mapped[int] = mapped_column(Integer)
    slag: Mapped[str] = mapped_column(String(20))  # "utdrag" or "anslagsbevis"
    paragrafer: Mapped[list[int]] = mapped_column(JSON, default=list)
    mottagare: Mapped[str] = mapped_column(String(300), default="")
    intygas: Mapped[dt.date | None] = mapped_column(Date)  # the utdrag's intyg date printed
    anslag_uppsatt: Mapped[dt.date | None] = mapped_column(Date)  # the anslagsbevis's dates
    anslag_nedtagen: Mapped[dt.date | None] = mapped_column(Date)


class Justeringskommentar(Base):
    """A justerare's comment on a § of a draft, and what the secretary did with it."""

    __tablename__ = "justeringskommentar"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    arende_id: Mapped[int] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    version_nummer: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="öppen")
    svar: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime)


class ParagrafGodkand(Base):
    """A justerare's OK on a § of a draft."""

    __tablename__ = "paragraf_godkand"
    __table_args__ = (UniqueConstraint("arende_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    arende_id: Mapped[int] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    version_nummer: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class Rattelse(Base):
    """The correction log: what a rättelse after justering changed, why, by whom, and the
    version it made. `fore` and `efter` are the section's paragraphs before and after."""

    __tablename__ = "rattelse"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    arende_id: Mapped[int] = mapped_column(ForeignKey("arende.id", ondelete="CASCADE"))
    del_: Mapped[str] = mapped_column("del", String(40))
    fore: Mapped[list[str]] = mapped_column(JSON)
    efter: Mapped[list[str]] = mapped_column(JSON)
    varfor: Mapped[str] = mapped_column(Text)
    av: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("protokollversion.id", ondelete="SET NULL")
    )


class ParagrafVal(Base):
    """A § of kind val: its posts (with nominations, the way of electing, what was counted
    and any lottning drawn) and its entlediganden, as one JSON record
    (secretary.services.val). `registrerat` is when the register followed the decision, at
    justering (it is done once)."""

    __tablename__ = "paragraf_val"
    arende_id: Mapped[int] = mapped_column(
        ForeignKey("arende.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    registrerat: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Kallelse(Base):
    """A kallelse as it was sent: number 1 is the kallelse, every later one an "Ändrad
    kallelse" listing what changed since the one before. `innehall` is what it said (to
    compare the next one with), `pdf` the document exactly as sent."""

    __tablename__ = "kallelse"
    __table_args__ = (UniqueConstraint("meeting_id", "nummer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    nummer: Mapped[int] = mapped_column(Integer)
    skickad: Mapped[dt.datetime] = mapped_column(DateTime)
    innehall: Mapped[dict[str, Any]] = mapped_column(JSON)
    andringar: Mapped[list[str]] = mapped_column(JSON, default=list)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
