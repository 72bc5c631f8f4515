"""Reading the register inside a unit of work: organs as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from secretary.domain.labels import resolve_labels
from secretary.domain.register import OrganKind
from secretary.services.rows import get_row
from secretary.store.models import Organ


@dataclass(frozen=True)
class OrganData:
    id: int
    name: str
    kind: OrganKind
    short_name: str
    forvaringsplats: str
    dnr_pattern: str
    personliga_ersattare: bool
    label_overrides: dict[str, str]

    @property
    def labels(self) -> dict[str, str]:
        return resolve_labels(self.label_overrides)


def organ_data(organ: Organ) -> OrganData:
    return OrganData(
        id=organ.id,
        name=organ.name,
        kind=OrganKind(organ.kind),
        short_name=organ.short_name,
        forvaringsplats=organ.forvaringsplats,
        dnr_pattern=organ.dnr_pattern,
        personliga_ersattare=organ.personliga_ersattare,
        label_overrides=dict(organ.labels or {}),
    )


def get_organ_row(session: Session, organ_id: int) -> Organ:
    return get_row(session, Organ, organ_id, "Organet")
