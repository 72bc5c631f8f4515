"""Meetings recorded once per module and their PDFs, shared by the report tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from secretary.reports.data import ProtokollData
from secretary.reports.protokoll import ProtokollPdf
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store, open_store
from tests.reports import scenarios


def _store(factory: pytest.TempPathFactory, template: Path) -> Store:
    path = factory.mktemp("reports") / "secretary.sqlite"
    shutil.copyfile(template, path)
    return open_store(path)


@pytest.fixture(scope="module")
def omstridd_store(
    tmp_path_factory: pytest.TempPathFactory, template_db: Path
) -> Iterator[tuple[Store, int, dict[str, int]]]:
    store = _store(tmp_path_factory, template_db)
    meeting_id, people = scenarios.omstridd(store)
    yield store, meeting_id, people
    store.close()


@pytest.fixture(scope="module")
def omstridd(omstridd_store: tuple[Store, int, dict[str, int]]) -> ProtokollData:
    store, meeting_id, _ = omstridd_store
    return protokoll_data(store, meeting_id)


@pytest.fixture(scope="module")
def slutligt(omstridd: ProtokollData) -> bytes:
    return ProtokollPdf(omstridd).render()


@pytest.fixture(scope="module")
def utkast(omstridd: ProtokollData) -> bytes:
    return ProtokollPdf(omstridd, utkast=True).render()


@pytest.fixture(scope="module")
def lund(
    tmp_path_factory: pytest.TempPathFactory, template_db: Path
) -> Iterator[tuple[Store, int, int]]:
    store = _store(tmp_path_factory, template_db)
    meeting_id, arende = scenarios.lund_ksau(store)
    yield store, meeting_id, arende
    store.close()
