"""Importing a member list from Excel or CSV: every row checked first, then all or nothing.

The files are written here at test time (openpyxl, csv) so no binaries live in the repository.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from secretary.domain.register import Funktion, Roll
from secretary.services import member_import, register
from secretary.services.errors import ServiceError
from secretary.services.member_import import apply_import, preview_import, read_member_file
from secretary.store.database import Store, open_store
from tests import builders

HEADER = ["Förnamn", "Efternamn", "Parti", "Roll", "Funktion", "Ordning", "Titel", "E-post"]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Ledamöter"
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            ws.cell(row=number, column=column, value=value)
    wb.save(path)
    return path


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def good_rows() -> list[list[Any]]:
    return [
        [*HEADER, "Personlig ersättare för", "Från", "Till"],
        ["Petra", "Sandström", "L", "Ledamot", "Ordförande", 1, "", "petra@exempel.se",
         "", dt.datetime(2023, 1, 1), dt.datetime(2026, 12, 31)],
        ["Anders", "Almqvist", "S", "Ledamot", "1:e vice ordförande", 2, "", "",
         "", "2023-01-01", "2026-12-31"],
        ["Maria", "Öberg", "M", "L", "2:e vice ordf.", 3, "", "", "", None, None],
        ["Johan", "Berg", "S", "Ledamot", "", None, "", "", "", None, None],
        ["Fanny", "Johansson", "S", "E", "", 1, "", "", "Anders Almqvist", None, None],
        ["Karin", "Åberg", "M", "Ersättare", "", None, "", "", "", None, None],
        ["Lars", "Nilsson", "", "Övrig", "", None, "Kommundirektör", "lars@exempel.se",
         "", None, None],
    ]  # fmt: skip


def members_by_name(store: Store, organ_id: int) -> dict[str, register.MemberRow]:
    return {m.name: m for m in register.list_members(store, organ_id)}


def test_a_good_xlsx_imports_every_row_and_is_there_after_a_restart(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    path = write_xlsx(tmp_path / "ks.xlsx", good_rows())

    preview = preview_import(store, organ_id, path)
    assert not preview.has_errors, preview.error_rows
    assert [r.row for r in preview.rows] == [2, 3, 4, 5, 6, 7, 8]
    result = apply_import(store, organ_id, preview)
    assert (result.new, result.updated) == (7, 0)

    store.close()
    reopened = open_store(db_path)
    try:
        members = members_by_name(reopened, organ_id)
    finally:
        reopened.close()
    assert len(members) == 7
    petra = members["Petra Sandström"]
    assert (petra.roll, petra.funktion, petra.ordning) == (Roll.LEDAMOT, Funktion.ORDFORANDE, 1)
    assert petra.email == "petra@exempel.se"
    assert petra.period_from == dt.date(2023, 1, 1)
    assert petra.period_to == dt.date(2026, 12, 31)
    assert members["Anders Almqvist"].funktion is Funktion.FORSTE_VICE
    assert members["Anders Almqvist"].period_from == dt.date(2023, 1, 1)
    assert members["Maria Öberg"].funktion is Funktion.ANDRE_VICE
    assert members["Johan Berg"].ordning == 4  # no Ordning: after the file's seats 1-3
    fanny = members["Fanny Johansson"]
    assert fanny.roll is Roll.ERSATTARE
    assert fanny.personlig_ersattare_for == "Anders Almqvist (S)"
    assert members["Karin Åberg"].ordning == 1  # first ersättare of (M)
    lars = members["Lars Nilsson"]
    assert (lars.roll, lars.party, lars.title) == (Roll.OVRIG, "", "Kommundirektör")


def test_a_broken_xlsx_lists_each_bad_row_with_its_reason_and_imports_nothing(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Sven Ek", "C")
    rows = [
        [*HEADER, "Personlig ersättare för", "Från"],
        ["Petra", "Sandström", "L", "Ledamot", "Ordförande", 1, "", "", "", ""],
        ["Anna", "Berg", "S", "Suppleant?", "", 2, "", "", "", ""],
        ["Olle", "Ek", "S", "Ledamot", "", "tre", "", "", "", ""],
        ["Stina", "Lind", "V", "Ledamot", "", 4, "", "", "", "2023-13-01"],
        ["Petra", "Sandström", "L", "Ledamot", "", 5, "", "", "", ""],
        ["Jens", "Holm", "MP", "Ledamot", "Ordförande", 6, "", "", "", ""],
        ["Eva", "Ström", "KD", "Ersättare", "", 1, "", "", "Nils Okänd", ""],
        ["Bo", "Kvist", "", "Ledamot", "", 7, "", "", "", ""],
        [],
        ["Gun", "Pil", "SD", "Ledamot", "", 8, "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "fel.xlsx", rows)

    preview = preview_import(store, organ_id, path)
    reasons = {r.row: " ".join(r.errors) for r in preview.error_rows}
    assert set(reasons) == {3, 4, 5, 6, 7, 8, 9}
    assert "Okänd roll ”Suppleant?”" in reasons[3]
    assert "Ordning måste vara ett heltal" in reasons[4]
    assert "Ogiltigt datum i Från: ”2023-13-01”" in reasons[5]
    assert "Samma person finns redan på rad 2" in reasons[6]
    assert "Ordförande finns redan på rad 2" in reasons[7]
    assert "ingen ledamot med det namnet" in reasons[8]
    assert "måste ha ett parti" in reasons[9]
    assert [r.row for r in preview.rows][-1] == 11  # the empty row 10 is skipped, not renumbered
    assert preview.summary == "9 rader, 7 med fel – rätta filen och läs in den igen."

    with pytest.raises(ServiceError, match="7 av 9 rader har fel"):
        apply_import(store, organ_id, preview)
    assert [m.name for m in register.list_members(store, organ_id)] == ["Sven Ek"]


def test_a_semicolon_csv_from_swedish_excel_in_cp1252_keeps_aao(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    text = (
        "Förnamn;Efternamn;Parti;Roll;Uppdrag;Nr\r\n"
        "Åsa;Öhrström;S;Ledamot;Ordförande;1\r\n"
        "Örjan;Ärlig;M;Ledamot;Vice ordförande;2\r\n"
        ";;;;;\r\n"
        "Märta;Ågren;S;Ersättare;;1\r\n"
    )
    path = write_csv(tmp_path / "lista.csv", text, "cp1252")

    preview = preview_import(store, organ_id, path)
    assert not preview.has_errors, preview.error_rows
    assert [(r.row, r.first_name, r.last_name) for r in preview.rows] == [
        (2, "Åsa", "Öhrström"),
        (3, "Örjan", "Ärlig"),
        (5, "Märta", "Ågren"),
    ]
    apply_import(store, organ_id, preview)
    members = members_by_name(store, organ_id)
    assert members["Åsa Öhrström"].funktion is Funktion.ORDFORANDE
    assert members["Örjan Ärlig"].funktion is Funktion.FORSTE_VICE
    assert members["Märta Ågren"].roll is Roll.ERSATTARE


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), ("\t", "utf-8"), (";", "utf-8-sig")]
)
def test_csv_with_one_name_column_split_at_the_last_space(
    tmp_path: Path, delimiter: str, encoding: str
) -> None:
    lines = [
        ["Namn", "Parti", "Roll", "Personlig ersättare för", "Fr.o.m."],
        ["Anna Maria Berg", "S", "Ledamot", "", "2023-01-01"],
        ["Berg, Olof", "M", "Ledamot", "", ""],
        ["Kalle Ek (S)", "", "Ersättare", "Anna Maria Berg (S)", ""],
    ]
    path = tmp_path / "namn.csv"
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(lines)
    preview = read_member_file(path)
    assert not preview.has_errors, preview.error_rows
    assert [(r.first_name, r.last_name, r.party) for r in preview.rows] == [
        ("Anna Maria", "Berg", "S"),
        ("Olof", "Berg", "M"),
        ("Kalle", "Ek", "S"),
    ]
    assert preview.rows[2].ersattare_for_row == 2
    first = preview.rows[0].member
    assert first is not None and first.period_from == dt.date(2023, 1, 1)


def test_a_failure_midway_leaves_the_database_unchanged(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Sven Ek", "C", ordning=1)
    before = register.list_members(store, organ_id)
    preview = preview_import(store, organ_id, write_xlsx(tmp_path / "ks.xlsx", good_rows()))
    assert not preview.has_errors

    calls = 0
    real = member_import.apply_member

    def fail_on_the_fourth(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise ServiceError("Disken är full.")
        return real(*args, **kwargs)

    monkeypatch.setattr(member_import, "apply_member", fail_on_the_fourth)
    with pytest.raises(ServiceError, match=r"Rad 5: Disken är full\. Inget har importerats\."):
        apply_import(store, organ_id, preview)
    assert register.list_members(store, organ_id) == before
    assert [p.short for p in register.list_parties(store)] == ["C"]


def test_a_database_error_midway_is_a_message_and_saves_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    organ_id = builders.organ(store)
    preview = preview_import(store, organ_id, write_xlsx(tmp_path / "ks.xlsx", good_rows()))
    calls = 0
    real = member_import.apply_member

    def locked(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        return real(*args, **kwargs)

    monkeypatch.setattr(member_import, "apply_member", locked)
    with pytest.raises(ServiceError, match="inget har sparats"):
        apply_import(store, organ_id, preview)
    assert register.list_members(store, organ_id) == []


def test_importing_the_same_list_again_updates_rather_than_duplicates(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    rows = good_rows()
    apply_import(
        store, organ_id, preview_import(store, organ_id, write_xlsx(tmp_path / "a.xlsx", rows))
    )
    first = members_by_name(store, organ_id)

    rows[4][6] = "Gruppledare"  # Johan Berg gets a title
    rows[1][7] = ""  # Petra's e-mail cell left empty: keeps the address on file
    preview = preview_import(store, organ_id, write_xlsx(tmp_path / "b.xlsx", rows))
    assert not preview.has_errors, preview.error_rows
    assert preview.summary == "7 rader: 7 uppdateras. Inga fel – klicka på Importera."
    result = apply_import(store, organ_id, preview)
    assert (result.new, result.updated) == (0, 7)

    again = members_by_name(store, organ_id)
    assert len(again) == 7
    assert {n: m.membership_id for n, m in again.items()} == {
        n: m.membership_id for n, m in first.items()
    }
    assert again["Johan Berg"].title == "Gruppledare"
    assert again["Johan Berg"].ordning == 4
    assert again["Petra Sandström"].email == "petra@exempel.se"
    assert again["Fanny Johansson"].personlig_ersattare_for == "Anders Almqvist (S)"


def test_a_party_written_in_another_case_is_the_party_already_registered(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Sven Ek", "S")
    text = "Namn;Parti;Roll;Funktion\nsven ek;s;Ledamot;Ordförande\nEva Ros;mp;Ersättare;\n"
    preview = preview_import(store, organ_id, write_csv(tmp_path / "p.csv", text))
    assert preview.update_count == 1
    apply_import(store, organ_id, preview)
    assert [p.short for p in register.list_parties(store)] == ["S", "mp"]
    assert [m.label for m in register.list_members(store, organ_id)] == [
        "Sven Ek (S)",
        "Eva Ros (mp)",
    ]


def test_new_members_without_ordning_go_after_the_existing_ones(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Sven Ek", "C", ordning=5)
    builders.member(store, organ_id, "Eva Ros", "S", roll=Roll.ERSATTARE, ordning=2)
    text = (
        "Förnamn;Efternamn;Parti;Roll\n"
        "Ny;Ledamot;M;Ledamot\n"
        "Ny;Ersättare;S;Ersättare\n"
        "Annan;Ersättare;M;Ersättare\n"
    )
    preview = preview_import(store, organ_id, write_csv(tmp_path / "ny.csv", text))
    assert [(r.ordning_text, r.ordning_assigned) for r in preview.rows] == [
        ("6", True),
        ("3", True),
        ("1", True),
    ]


def test_a_chair_handed_over_within_the_file_is_not_two_chairs(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Petra Sandström", "L", funktion=Funktion.ORDFORANDE)
    builders.member(store, organ_id, "Sven Ek", "C", funktion=Funktion.FORSTE_VICE)
    text = (
        "Förnamn;Efternamn;Parti;Roll;Funktion\n"
        "Petra;Sandström;L;Ledamot;\n"
        "Jens;Holm;MP;Ledamot;Ordförande\n"
        "Eva;Ros;S;Ledamot;1:e vice ordförande\n"
    )
    preview = preview_import(store, organ_id, write_csv(tmp_path / "ny.csv", text))
    reasons = {r.row: " ".join(r.errors) for r in preview.error_rows}
    # Sven Ek is not in the file and stays 1:e vice: Eva Ros cannot be it too.
    assert reasons == {
        4: "Sven Ek (C) är redan 1:e vice ordförande i organet. Ta bort funktionen i "
        "registret först, eller rätta filen."
    }

    text = text.replace("Eva;Ros;S;Ledamot;1:e vice ordförande", "Eva;Ros;S;Ledamot;")
    preview = preview_import(store, organ_id, write_csv(tmp_path / "ny2.csv", text))
    assert not preview.has_errors, preview.error_rows
    apply_import(store, organ_id, preview)
    members = members_by_name(store, organ_id)
    assert members["Jens Holm"].funktion is Funktion.ORDFORANDE
    assert members["Petra Sandström"].funktion is Funktion.INGEN
    assert members["Sven Ek"].funktion is Funktion.FORSTE_VICE


def test_a_personlig_ersattare_for_a_ledamot_already_on_the_organ(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Sven Ek", "C", ordning=1)
    text = "Namn;Parti;Roll;Personlig ersättare för\nEva Ros;C;Ersättare;sven ek\n"
    preview = preview_import(store, organ_id, write_csv(tmp_path / "pe.csv", text))
    assert not preview.has_errors, preview.error_rows
    apply_import(store, organ_id, preview)
    assert members_by_name(store, organ_id)["Eva Ros"].personlig_ersattare_for == "Sven Ek (C)"


def test_a_person_already_on_the_organ_in_another_roll_is_a_row_error(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Eva Ros", "S", roll=Roll.ERSATTARE)
    text = "Namn;Parti;Roll\nEva Ros;S;Ledamot\n"
    preview = preview_import(store, organ_id, write_csv(tmp_path / "r.csv", text))
    (row,) = preview.error_rows
    assert row.errors == (
        "Eva Ros (S) är redan ersättare i organet. Ändra rollen i registret först, eller rätta "
        "filen.",
    )


def test_the_register_changing_after_the_preview_is_caught_at_import(
    store: Store, tmp_path: Path
) -> None:
    organ_id = builders.organ(store)
    text = "Namn;Parti;Roll;Funktion\nEva Ros;S;Ledamot;Ordförande\n"
    preview = preview_import(store, organ_id, write_csv(tmp_path / "r.csv", text))
    builders.member(store, organ_id, "Sven Ek", "C", funktion=Funktion.ORDFORANDE)
    with pytest.raises(ServiceError, match="har ändrats sedan filen lästes in"):
        apply_import(store, organ_id, preview)
    assert [m.name for m in register.list_members(store, organ_id)] == ["Sven Ek"]


def _corrupt_zip(path: Path) -> None:
    write_xlsx(path, good_rows())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_not_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hej.txt", "inte en arbetsbok")


def _xlsx_broken_xml(path: Path) -> None:
    write_xlsx(path, good_rows())
    src = zipfile.ZipFile(path)
    parts = {n: src.read(n) for n in src.namelist()}
    src.close()
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row><c>"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("skräp.xlsx", lambda p: p.write_bytes(bytes(range(256)) * 8), "inte en Excel-arbetsbok"),
        ("skräp.csv", lambda p: p.write_bytes(bytes(range(256)) * 8), "inte en textfil"),
        ("tom.csv", lambda p: p.write_bytes(b""), "är tom"),
        ("tom.xlsx", lambda p: p.write_bytes(b""), "är tom"),
        ("tomt-blad.xlsx", lambda p: write_xlsx(p, []), "Första bladet i tomt-blad.xlsx är tomt"),
        ("blank.csv", lambda p: p.write_text("\n ;;\n", encoding="utf-8"), "är tom"),
        ("halv.xlsx", _corrupt_zip, "inte en Excel-arbetsbok"),
        ("zip.xlsx", _zip_not_xlsx, "kunde inte läsas som en Excel-arbetsbok"),
        ("trasig.xlsx", _xlsx_broken_xml, "kunde inte läsas som en Excel-arbetsbok"),
        ("gammal.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 500), "\\.xls"),
        ("gammal.xlsx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 500), "gamla"),
        ("lista.pdf", lambda p: p.write_bytes(b"%PDF-1.4"), "varken en Excel-arbetsbok"),
        ("rubriker.csv", lambda p: p.write_text("Namn;Parti;Roll\n"), "inga rader med"),
        ("fel.csv", lambda p: p.write_text("Namn;Parti\nEva Ros;S\n"), "Kolumnen Roll saknas"),
        (
            "fel2.csv",
            lambda p: p.write_text("Telefon;Adress\n1;2\n"),
            "Kolumnerna Förnamn och Efternamn \\(eller Namn\\) och Roll saknas",
        ),
        ("saknas.csv", None, "finns inte"),
    ],
)
def test_a_file_that_is_not_a_member_list_gives_a_swedish_message(
    tmp_path: Path, name: str, make: Any, message: str
) -> None:
    path = tmp_path / name
    if make is not None:
        make(path)
    with pytest.raises(ServiceError, match=message):
        read_member_file(path)


def test_a_missing_party_column_is_named(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", "Namn;Roll\nEva Ros;Ledamot\nOlle Ek;Övrig\n")
    preview = read_member_file(path)
    assert [r.errors for r in preview.error_rows] == [("Kolumnen Parti saknas i filen.",)]


def test_roll_and_funktion_are_read_from_either_column(tmp_path: Path) -> None:
    text = (
        "Namn;Parti;Uppdrag\n"
        "Eva Ros;S;Ordförande\n"
        "Olle Ek;M;Ledamot\n"
        "Bo Kvist;C;Ersättare\n"
        "Gun Pil;L;Andre vice ordförande\n"
        "Jens Holm;MP;3:e vice ordförande\n"
    )
    preview = read_member_file(write_csv(tmp_path / "u.csv", text))
    got = [(r.roll_text, r.funktion_text) for r in preview.rows]
    assert got[:4] == [
        ("Ledamot", "Ordförande"),
        ("Ledamot", ""),
        ("Ersättare", ""),
        ("Ledamot", "2:e vice ordförande"),
    ]
    assert preview.rows[4].errors == (
        "Okänd funktion ”3:e vice ordförande” (skriv Ordförande, 1:e vice ordförande eller "
        "2:e vice ordförande).",
        "Roll saknas (skriv Ledamot, Ersättare, Adjungerad eller Övrig).",
    )


def test_a_formula_looking_cell_is_an_error_that_names_the_cell(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "formel.csv",
        "Förnamn;Efternamn;Parti;Roll;Titel\n"
        'Anna;Berg;S;Ledamot;=HYPERLINK("http://x")\n'
        "Bo;Ek;M;Ledamot;- ersättare för ordföranden\n",
    )
    preview = read_member_file(path)
    first, second = preview.rows
    assert any("Cellen E2 (Titel) ser ut som en formel" in e for e in first.errors)
    assert second.ok
