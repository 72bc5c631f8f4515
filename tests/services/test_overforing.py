"""Importing a transfer document: hostile or broken files are refused with a message naming
the problem, and a refused import leaves the database exactly as it was. Importing into a
database that already has the organ reuses its register and keeps every § number."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from secretary.reports.protokoll import protokoll_pdf
from secretary.services import agenda, demo, overforing, publicering, register, session
from secretary.services.errors import ServiceError
from secretary.services.overforing import importing
from secretary.services.overforing.format import MAX_BYTES, MAX_TEXT
from secretary.services.overforing.format import VERSION as FORMAT_VERSION
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store
from secretary.store.models import Organ, Setting
from tests.reports.pdftext import pages
from tests.services.overforing_helpers import counts, fresh, justerat


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> bytes:
    """The demo meeting, justerat and corrected, exported from a SQLite database."""
    with fresh("sqlite", template_db) as source:
        return overforing.export_bytes(source, justerat(source))


def _refused(store: Store, data: bytes, message: str) -> None:
    before = counts(store)
    with pytest.raises(ServiceError, match=message):
        overforing.import_bytes(store, data)
    assert counts(store) == before


def _edited(exported: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    doc = json.loads(exported)
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


def _meeting(doc: dict[str, Any]) -> dict[str, Any]:
    m: dict[str, Any] = doc["sammantrade"]
    return m


def _tamper_pdf(doc: dict[str, Any]) -> None:
    version = _meeting(doc)["versioner"][1]
    pdf = bytearray(base64.b64decode(version["pdf"]))
    pdf[len(pdf) // 2] ^= 1
    version["pdf"] = base64.b64encode(bytes(pdf)).decode()


def _other_arendes_yrkande(doc: dict[str, Any]) -> None:
    arenden = _meeting(doc)["arenden"]
    arenden[1]["beslut"] = copy.deepcopy(arenden[0]["beslut"])


V = f'"version": {FORMAT_VERSION}'.encode()  # as the export writes it
EDITS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "newer version": (
        lambda d: d.update(version=FORMAT_VERSION + 1),
        rf"version är {FORMAT_VERSION + 1}: filen är gjord av en nyare version av Secretary"
        r".*Uppdatera programmet",
    ),
    "not an export": (lambda d: d.update(format="något annat"), "ingen sammanträdesexport"),
    "wrong type": (
        lambda d: _meeting(d)["arenden"][1].update(rubrik=17),
        r"sammantrade\.arenden\[1\]\.rubrik ska vara en text, inte ett tal\.",
    ),
    "missing field": (
        lambda d: _meeting(d)["arenden"][2].pop("dnr"),
        r"sammantrade\.arenden\[2\]\.dnr saknas\.",
    ),
    "unknown field": (lambda d: d["organ"].update(hemligt=1), r"organ\.hemligt är ett okänt fält"),
    "long rubrik": (
        lambda d: _meeting(d)["arenden"][0].update(rubrik="x" * 501),
        r"arenden\[0\]\.rubrik är längre än 500 tecken \(501\)",
    ),
    "huge text": (
        lambda d: _meeting(d)["arenden"][0].update(sammanfattning="x" * (MAX_TEXT + 1)),
        rf"sammanfattning är längre än {MAX_TEXT} tecken",
    ),
    "NUL in a text": (
        lambda d: _meeting(d)["arenden"][0].update(rubrik="a\x00b"),
        r"rubrik innehåller ett otillåtet tecken",
    ),
    "dangling person": (
        lambda d: _meeting(d)["narvaro"][-1].update(person="p999"),
        r"sammantrade\.narvaro\[\d+\]\.person hänvisar till personen ”p999”, "
        r"som inte finns i filen",
    ),
    "dangling voter": (
        lambda d: _meeting(d)["arenden"][0]["beslut"]["resultat"]["0"][0]["votering"][
            "roster"
        ].update(p999="JA"),
        r"votering\.roster \(en nyckel\) hänvisar till personen ”p999”",
    ),
    "yrkande of another ärende": (
        _other_arendes_yrkande,
        r"arenden\[1\]\.beslut\.resultat\.0\[0\]\.votering\.nej hänvisar till yrkandet ”y2”, "
        r"som inte finns i samma ärende",
    ),
    "duplicate id": (
        lambda d: d["personer"][1].update(id=d["personer"][0]["id"]),
        r"personer\[1\]\.id ”p1” förekommer två gånger",
    ),
    "same person twice": (
        lambda d: d["personer"][1].update(
            first_name=d["personer"][0]["first_name"].upper(),
            last_name=d["personer"][0]["last_name"],
            party=d["personer"][0]["party"],
        ),
        r"personer\[1\] \(PETRA Sandström\) har samma namn och parti som personer\[0\]",
    ),
    "impossible date": (
        lambda d: _meeting(d).update(date="2026-02-30"),
        r"sammantrade\.date ska vara ett datum \(ÅÅÅÅ-MM-DD, år 1900–2200\), inte ”2026-02-30”",
    ),
    "a date the anslag arithmetic cannot reach": (
        lambda d: _meeting(d).update(justerat_datum="9999-12-31"),
        r"sammantrade\.justerat_datum ska vara ett datum \(ÅÅÅÅ-MM-DD, år 1900–2200\)",
    ),
    "time of day": (
        lambda d: _meeting(d).update(started_at="25:00:00"),
        r"started_at ska vara ett klockslag",
    ),
    "a number for a truth value": (
        lambda d: _meeting(d).update(under_behandling=1),
        r"under_behandling ska vara true eller false, inte ett tal",
    ),
    "a truth value for a number": (
        lambda d: _meeting(d).update(forsta_paragraf=True),
        r"forsta_paragraf ska vara ett heltal, inte ett sanningsvärde",
    ),
    "a number too large for the database": (
        lambda d: _meeting(d).update(forsta_paragraf=2**40),
        r"forsta_paragraf ska vara ett heltal från 1 till 1000000",
    ),
    "§ number out of step": (
        lambda d: _meeting(d)["arenden"][1].update(paragraf=999),
        r"arenden\[1\]\.paragraf ska vara 336",
    ),
    "bad base64": (
        lambda d: _meeting(d)["versioner"][0].update(pdf="###"),
        r"versioner\[0\]\.pdf är inte giltig base64",
    ),
    "tampered PDF": (
        _tamper_pdf,
        r"versioner\[1\]\.pdf stämmer inte med pdf_sha256: PDF-filen har ändrats",
    ),
    "tampered content": (
        lambda d: _meeting(d)["versioner"][2]["innehall"]["paragrafer"][0].update(rubrik="X"),
        r"versioner\[2\]\.innehall stämmer inte med innehall_sha256",
    ),
    "a bad item late in a list": (
        lambda d: _meeting(d)["logg"][-1].update(at="igår"),
        r"sammantrade\.logg\[\d+\]\.at ska vara en tidpunkt",
    ),
    "a vote for a proposal its question does not put": (
        lambda d: _meeting(d)["arenden"][0]["beslut"]["resultat"]["0"][0]["votering"].update(
            ja="-y1"
        ),
        r"sammantrade\.arenden\[0\] hänger inte ihop med resten av filen, så protokollet kan "
        r"inte skrivas",
    ),
    "a formal question without its yrkande": (
        lambda d: _meeting(d)["arenden"][0]["beslut"].update(
            ordning=[{"typ": "FORMELL", "yrkande": None}, {"typ": "HUVUD", "yrkande": None}]
        ),
        r"sammantrade\.arenden\[0\] hänger inte ihop",
    ),
    "unknown role": (
        lambda d: d["uppdrag"][-1].update(roll="KUNG"),
        r"uppdrag\[\d+\]\.roll ska vara ett av ”LEDAMOT”",
    ),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_a_broken_document_is_refused_naming_the_problem(
    store: Store, exported: bytes, edit: str
) -> None:
    change, message = EDITS[edit]
    _refused(store, _edited(exported, change), message)


BYTES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (
        lambda b: b[: len(b) // 2],
        r"inte giltig JSON: filen tar slut mitt i dokumentet; den är troligen avklippt",
    ),
    "not text": (lambda b: b"\x89PNG\r\n\x1a\n" + b, r"inte text i UTF-8"),
    "syntax": (lambda b: b.replace(V, V.replace(b":", b""), 1), r"ett kolon saknas"),
    "key twice": (
        lambda b: b.replace(V + b",", V + b", " + V + b",", 1),
        r"fältet ”version” förekommer två gånger i samma objekt",
    ),
    "NaN": (lambda b: b.replace(V, b'"version": NaN', 1), r"värdet NaN"),
    "enormous number": (
        lambda b: b.replace(V, V + b"0" * 5000, 1),
        r"orimligt stort tal",
    ),
    "deep nesting": (lambda b: b"[" * 200_000 + b"]" * 200_000, r"för djupt nästlad"),
    "too large": (lambda b: b" " * (MAX_BYTES + 1), r"Filen är för stor"),
}


@pytest.mark.parametrize("edit", BYTES, ids=list(BYTES))
def test_a_file_that_is_not_a_document_is_refused(store: Store, exported: bytes, edit: str) -> None:
    change, message = BYTES[edit]
    _refused(store, change(exported), message)


def test_a_file_too_large_is_refused_before_it_is_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "stor.json"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no disk used
    with pytest.raises(ServiceError, match=r"stor\.json är för stor"):
        overforing.import_file(store, path)


def test_the_same_meeting_is_not_imported_twice(store: Store, exported: bytes) -> None:
    overforing.import_bytes(store, exported)
    _refused(store, exported, "Samma sammanträde importeras inte två gånger")


def test_a_failure_while_writing_leaves_nothing_behind(
    store: Store, exported: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any) -> list[str]:
        raise RuntimeError("disken tog slut")

    monkeypatch.setattr(importing, "_keep_numbers", broken)
    before = counts(store)
    with pytest.raises(RuntimeError):
        overforing.import_bytes(store, exported)
    assert counts(store) == before


# --- into a database with a register of its own --------------------------------------------


def _demo_register(store: Store) -> int:
    """Exempelstad's register as the exporting database had it, without the meeting."""
    demo.create_demo(store)
    organ = register.list_organs(store)[0]
    agenda.delete_meeting(store, agenda.list_meetings(store, organ.id)[0].id)
    return organ.id


def test_an_import_into_the_same_register_keeps_every_paragraf_number(
    store: Store, exported: bytes
) -> None:
    organ_id = _demo_register(store)
    early = agenda.create_meeting(
        store, organ_id, agenda.MeetingInput(dt.date(2026, 11, 2), first_paragraf_override=334)
    )
    late = agenda.create_meeting(store, organ_id, agenda.MeetingInput(dt.date(2026, 12, 14)))
    for meeting, count in ((early.id, 3), (late.id, 2)):
        for i in range(count):
            agenda.add_arende(store, meeting, agenda.ArendeInput(f"Ärende {i}"))
    assert agenda.get_meeting(store, late.id).first_paragraf == 337

    result = overforing.import_bytes(store, exported)

    # Found by name and party, 'Hedvig Åberg (KD)' too (SQLite folds only A-Z).
    assert (result.new_organ, result.new_persons, result.new_memberships) == (False, 0, 0)
    assert result.organ_id == organ_id
    numbers = [a.paragraf for a in agenda.list_arenden(store, result.meeting_id)]
    assert numbers == [335, 336, 337, 338, 339]
    assert agenda.get_meeting(store, early.id).first_paragraf == 334
    assert agenda.get_meeting(store, late.id).first_paragraf == 337
    assert any("2026-12-14 behåller sina paragrafnummer" in n for n in result.notes)
    assert any("§ 335–339 används också av sammanträdet 2026-11-02" in n for n in result.notes)


def test_a_new_membership_reaching_a_meeting_already_held_is_refused(
    store: Store, exported: bytes
) -> None:
    """The file's extra ledamot, without a period, would also sit in the organ's earlier
    meeting here, and change its attendance list and justerat protocol."""
    organ_id = _demo_register(store)
    held = agenda.create_meeting(store, organ_id, agenda.MeetingInput(dt.date(2026, 11, 2)))
    agenda.add_arende(store, held.id, agenda.ArendeInput("Ärende"))
    session.start_session(store, held.id, dt.datetime(2026, 11, 2, 13, 0))

    def add_ledamot(doc: dict[str, Any]) -> None:
        doc["personer"].append(
            {"id": "p99", "first_name": "Ny", "last_name": "Ledamot", "party": "pa3", "email": ""}
        )
        doc["uppdrag"].append(
            {**doc["uppdrag"][0], "id": "u99", "person": "p99", "funktion": "", "ordning": 99}
        )

    _refused(
        store,
        _edited(exported, add_ledamot),
        r"Ny Ledamot \(L\) ett uppdrag i Kommunstyrelsens arbetsutskott som också gäller "
        r"sammanträdet den 2026-11-02",
    )


def test_an_organ_that_differs_is_refused(store: Store, exported: bytes) -> None:
    organ_id = _demo_register(store)
    with store.session() as s:
        organ = s.get(Organ, organ_id)
        assert organ is not None
        organ.forvaringsplats = "Stadsarkivet"
    _refused(store, exported, r"annan uppgift om förvaringsplats \(”Stadsarkivet”\)")


def test_a_register_that_would_change_the_attendance_is_refused(
    store: Store, exported: bytes
) -> None:
    organ_id = _demo_register(store)
    register.add_member(
        store,
        organ_id,
        register.MemberInput("Ny", "Ledamot", register.Roll.LEDAMOT, party="S", ordning=8),
    )
    _refused(store, exported, r"i databasen är Ny Ledamot \(S\) ledamot i Kommunstyrelsens")


def test_a_different_municipality_is_refused(store: Store, exported: bytes) -> None:
    with store.session() as s:
        s.add(Setting(key="kommun", value="Annanstads kommun"))
    _refused(store, exported, r"inställningen kommun ”Annanstads kommun”")


def test_the_imported_protocol_reads_as_the_original(store: Store, template_db: Path) -> None:
    """From the backend under test (PostgreSQL too) into a fresh SQLite file."""
    meeting_id = justerat(store)
    with fresh("sqlite", template_db) as target:
        result = overforing.import_bytes(target, overforing.export_bytes(store, meeting_id))
        original = pages(protokoll_pdf(protokoll_data(store, meeting_id)))
        imported = pages(protokoll_pdf(protokoll_data(target, result.meeting_id)))
        assert imported == original
        masked = publicering.termer(target, result.meeting_id)
        assert masked == ("Storgatan 1", "Maria Ek") == publicering.termer(store, meeting_id)
        assert "§ 335" in original[1]
        assert result.text.startswith(
            "Sammanträdet Kommunstyrelsens arbetsutskott 2026-11-30 är importerat. "
            "Nytt i registret: organet, 21 personer, 21 uppdrag."
        )


def test_export_to_a_file_and_import_from_it(store: Store, tmp_path: Path) -> None:
    meeting_id = justerat(store)
    path = tmp_path / "möte.json"
    size = overforing.export_file(store, meeting_id, path)
    assert path.stat().st_size == size
    assert not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(ServiceError, match="Samma sammanträde importeras inte två gånger"):
        overforing.import_file(store, path)
    with pytest.raises(ServiceError, match="kan inte läsas"):
        overforing.import_file(store, tmp_path / "finns-inte.json")
    with pytest.raises(ServiceError, match="kan inte sparas"):
        overforing.export_file(store, meeting_id, tmp_path / "saknad-mapp" / "x.json")


def test_the_command_line_exports_and_imports(
    db_path: Path, template_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from secretary import cli
    from secretary.store.database import open_store

    source = open_store(db_path)
    demo.create_demo(source)
    meeting_id = agenda.list_meetings(source, register.list_organs(source)[0].id)[0].id
    source.close()
    target = tmp_path / "mål.sqlite"
    shutil.copyfile(template_db, target)
    path = tmp_path / "möte.json"

    def run(*argv: str) -> int:
        return cli.run(cli.parse(list(argv)))

    assert run("--db", str(db_path), "export", "--meeting", str(meeting_id), "-o", str(path)) == 0
    assert "2026-11-30 är exporterat till" in capsys.readouterr().out
    assert run("import", "--db", str(target), str(path)) == 0
    assert "är importerat" in capsys.readouterr().out
    assert run("--db", str(target), "import", str(path)) == 1
    assert "importeras inte två gånger" in capsys.readouterr().err
    assert run("--db", str(db_path), "export", "--meeting", "999", "-o", str(path)) == 1
    assert "inget sammanträde med id 999" in capsys.readouterr().err


def test_an_ordning_naming_a_removed_yrkande_travels_without_that_question(store: Store) -> None:
    """The question about a removed yrkande is not put (services.beslut reads past it), so the
    document leaves it out and the imported § decides exactly as the exported one."""
    from secretary.domain.yrkanden import Fraga, FragaTyp, YrkandeTyp
    from secretary.services import beslut
    from tests.services.justering_helpers import utkast

    meeting_id, arenden, p = utkast(store)
    a = arenden[0]
    y = beslut.add_yrkande(store, a, YrkandeTyp.ATERREMISS, p["Maria Ek"], text="Mer underlag").id
    beslut.set_ordning(store, a, [Fraga(FragaTyp.FORMELL, y), Fraga(FragaTyp.HUVUD)])
    beslut.remove_yrkande(store, y)
    document = json.loads(overforing.export_bytes(store, meeting_id))
    ordning = document["sammantrade"]["arenden"][0]["beslut"]["ordning"]
    assert ordning == [{"typ": "HUVUD", "yrkande": None}]


def test_a_file_built_to_exhaust_the_machine_is_refused_early(
    store: Store, exported: bytes
) -> None:
    before = counts(store)
    flood = b'{"format": "secretary-sammantrade", "x": [' + b"{}," * 300_000 + b"{}]}"
    with pytest.raises(ServiceError, match="fler än 250 000 objekt och listor"):
        overforing.import_bytes(store, flood)
    document = json.loads(exported)
    document["sammantrade"]["arenden"] = document["sammantrade"]["arenden"] * 81
    with pytest.raises(ServiceError, match="har 405 ärenden; ett sammanträde har högst 400"):
        overforing.import_bytes(store, json.dumps(document).encode())
    assert counts(store) == before
