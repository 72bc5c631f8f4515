"""Importing ärenden from the diarium's export: every row checked first, the column mapping
remembered per organ, nothing saved until accepted, a re-import updating by dnr.

The files are written here at test time (openpyxl, csv) so no binaries live in the
repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from secretary.services import agenda, arende_import
from secretary.services.arende_import import apply_arenden, preview_arenden
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests import builders

DATE = dt.date(2026, 4, 10)
# A Platina-like export: its own names for the columns, so the mapping must be chosen.
HEADER = ["Ärendenr", "Ärendemening", "Ansvarig", "Förslag", "Handlingar", "Skyddad", "Status"]
KOLUMNER = {
    "dnr": "Ärendenr",
    "rubrik": "Ärendemening",
    "handlaggare": "Ansvarig",
    "forslag_till_beslut": "Förslag",
    "beslutsunderlag": "Handlingar",
    "sekretess": "Skyddad",
}


def fourty() -> list[list[Any]]:
    rows: list[list[Any]] = [HEADER]
    for i in range(1, 41):
        rows.append(
            [
                f"KS 2026/{i:04d}",
                f"Ärende nummer {i} om Storgatan",
                "Eva Kristensson" if i % 2 else "Olof Lind",
                f"Kommunstyrelsen föreslås besluta att godkänna ärende {i}.",
                f"Tjänsteskrivelse 2026-03-{(i % 28) + 1:02d}\nBilaga {i}",
                "ja" if i == 7 else "",
                "Pågår",
            ]
        )
    return rows


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            ws.cell(row=number, column=column, value=value)
    wb.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "cp1252") -> Path:
    def quote(value: Any) -> str:
        text = "" if value is None else str(value)
        if any(c in text for c in ';"\n'):
            text = '"' + text.replace('"', '""') + '"'
        return text

    text = "\r\n".join(";".join(quote(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def meeting(store: Store) -> int:
    organ = builders.organ(store)
    return builders.meeting(store, organ, DATE).id


def test_fourty_arenden_with_planted_errors_are_listed_by_row(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    rows = fourty()
    rows[5][1] = ""  # row 6: no rubrik
    rows[12][0] = "KS 2026/0003"  # row 13: the dnr of row 4 again
    rows[20][0] = "KS-2026-21"  # row 21: not the organ's pattern 'KS ÅÅÅÅ/####'
    rows[30][3] = '=HYPERLINK("http://example.org";"Klicka")'  # row 31: a formula
    rows[35][1] = "Detaljplan för Östra Väster – ändring"  # row 36: cp1252's å ä ö and –
    path = write_csv(tmp_path / "platina.csv", rows, encoding="cp1252")

    preview = preview_arenden(store, meeting, path, KOLUMNER)

    assert len(preview.rows) == 40
    by_row = {r.row: r for r in preview.rows}
    assert by_row[6].errors == ("Rubrik saknas.",)
    assert by_row[13].errors == ("Diarienumret ”KS 2026/0003” finns redan på rad 4.",)
    assert by_row[21].ok and by_row[21].warnings == (
        "Diarienumret ”KS-2026-21” följer inte organets mönster ”KS ÅÅÅÅ/####”.",
    )
    assert len(by_row[31].errors) == 1
    assert by_row[31].errors[0].startswith("Cellen D31 (Förslag till beslut) ser ut som en formel")
    assert by_row[36].ok and by_row[36].rubrik == "Detaljplan för Östra Väster – ändring"
    assert [r.row for r in preview.error_rows] == [6, 13, 31]
    assert by_row[8].sekretess and not by_row[9].sekretess
    assert by_row[2].beslutsunderlag == ("Tjänsteskrivelse 2026-03-02", "Bilaga 1")
    assert preview.ignored_columns == ("Status",)
    assert preview.summary == "40 rader, 3 med fel – rätta filen och läs in den igen."

    with pytest.raises(ServiceError, match="3 av 40 rader har fel"):
        apply_arenden(store, meeting, preview)
    assert agenda.list_arenden(store, meeting) == []  # nothing saved until accepted


def test_an_accepted_import_saves_all_and_remembers_the_mapping(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "platina.xlsx", fourty())
    preview = preview_arenden(store, meeting, path, KOLUMNER)
    assert not preview.has_errors
    assert preview.summary == "40 rader: 40 nya. Inga fel – klicka på Importera."
    result = apply_arenden(store, meeting, preview)
    assert (result.new, result.updated) == (40, 0)

    saved = agenda.list_arenden(store, meeting)
    assert [a.dnr for a in saved[:2]] == ["KS 2026/0001", "KS 2026/0002"]
    assert saved[0].rubrik == "Ärende nummer 1 om Storgatan"
    assert saved[0].beslutsunderlag == ("Tjänsteskrivelse 2026-03-02", "Bilaga 1")
    organ = agenda.get_meeting(store, meeting).organ_id
    assert arende_import.sparade_kolumner(store, organ) == KOLUMNER

    # The next meeting of the same organ reads the list without choosing again.
    other = builders.meeting(store, organ, DATE + dt.timedelta(days=14)).id
    again = preview_arenden(store, other, path)
    assert dict(again.kolumner) == KOLUMNER and not again.has_errors


def test_a_reimport_updates_by_dnr_and_says_what_changed(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    rows = fourty()
    apply_arenden(
        store,
        meeting,
        preview_arenden(store, meeting, write_xlsx(tmp_path / "a.xlsx", rows), KOLUMNER),
    )

    rows[3][1] = "Ärende nummer 3, reviderat"  # row 4
    rows[10][1] = "Ärende nummer 10 om Lillgatan"  # row 11
    rows.append(["KS 2026/0041", "Ett nytt ärende", "", "", "", "", ""])
    preview = preview_arenden(store, meeting, write_xlsx(tmp_path / "b.xlsx", rows))
    assert (
        preview.summary
        == "41 rader: 1 nya, 2 ändras, 38 oförändrade. Inga fel – klicka på Importera."
    )
    changed = [r for r in preview.rows if r.andringar]
    assert [(r.row, r.andringar) for r in changed] == [
        (4, ("rubrik ”Ärende nummer 3 om Storgatan” → ”Ärende nummer 3, reviderat”",)),
        (11, ("rubrik ”Ärende nummer 10 om Storgatan” → ”Ärende nummer 10 om Lillgatan”",)),
    ]
    result = apply_arenden(store, meeting, preview)
    assert (result.new, result.updated) == (1, 2)
    assert result.andringar[0] == (
        "Rad 4 (KS 2026/0003): rubrik ”Ärende nummer 3 om Storgatan” → "
        "”Ärende nummer 3, reviderat”."
    )
    saved = agenda.list_arenden(store, meeting)
    assert len(saved) == 41
    assert saved[2].rubrik == "Ärende nummer 3, reviderat"
    assert saved[-1].dnr == "KS 2026/0041"


def test_a_list_changed_after_reading_is_not_imported_unseen(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", fourty()[:3])
    preview = preview_arenden(store, meeting, path, KOLUMNER)
    agenda.add_arende(store, meeting, agenda.ArendeInput("Ändrat", dnr="KS 2026/0001"))
    with pytest.raises(ServiceError, match="har ändrats sedan filen lästes in"):
        apply_arenden(store, meeting, preview)
    assert len(agenda.list_arenden(store, meeting)) == 1


def test_without_a_rubrik_column_the_secretary_is_asked_to_choose(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["Nr", "Text"], ["1", "Något"]])
    preview = preview_arenden(store, meeting, path)
    assert preview.has_errors and preview.rows == ()
    assert preview.summary.startswith("Välj vilken kolumn som är Rubrik (rad 1 har: Nr, Text)")
    chosen = preview_arenden(store, meeting, path, {"rubrik": "Text"})
    assert chosen.rows[0].rubrik == "Något" and not chosen.has_errors


def test_delegationsbeslut_are_imported_into_the_anmalan(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    arende = agenda.add_arende(store, meeting, agenda.ArendeInput("Anmälan av delegationsbeslut"))
    path = write_csv(
        tmp_path / "delegation.csv",
        [
            ["Dnr", "Beslut", "Datum", "Delegat"],
            ["KS 2026/0100", "Yttrande över remiss om kollektivtrafik", "2026-03-02", "Eva Ek"],
            ["", "Tillförordnad kommundirektör under påsken", "2026-03-20", "Ordföranden"],
            ["KS 2026/0102", "", "den 3 mars", "Eva Ek"],
        ],
    )
    preview = arende_import.preview_delegationsbeslut(path)
    assert [r.errors for r in preview.rows][2] == (
        "Beslut saknas.",
        "Ogiltigt datum ”den 3 mars” (skriv ÅÅÅÅ-MM-DD).",
    )
    with pytest.raises(ServiceError):
        arende_import.apply_delegationsbeslut(store, arende.id, preview)
    good = arende_import.preview_delegationsbeslut(
        write_csv(
            tmp_path / "ok.csv",
            [
                [c for c in row]
                for row in [
                    ["Dnr", "Beslut", "Datum", "Delegat"],
                    ["KS 2026/0100", "Yttrande över remiss", "2026-03-02", "Eva Ek"],
                ]
            ],
        )
    )
    assert arende_import.apply_delegationsbeslut(store, arende.id, good) == 1


def test_the_anmalan_prints_its_delegationsbeslut_as_a_list(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    from secretary.services import dokument
    from tests.reports.pdftext import flat, in_order, pages

    agenda.add_arende(store, meeting, agenda.ArendeInput("Budget", dnr="KS 2026/0001"))
    arende = agenda.add_arende(store, meeting, agenda.ArendeInput("Anmälan av delegationsbeslut"))
    path = write_xlsx(
        tmp_path / "delegation.xlsx",
        [
            ["Diarienummer", "Beslut", "Beslutsdatum", "Delegat"],
            ["KS 2026/0100", "Yttrande över remiss & svar", dt.datetime(2026, 3, 2), "Eva Ek"],
            ["", "Tillförordnad kommundirektör", "2026-03-20", "Ordföranden"],
        ],
    )
    arende_import.apply_delegationsbeslut(
        store, arende.id, arende_import.preview_delegationsbeslut(path)
    )
    text = flat(" ".join(pages(dokument.protokoll(store, meeting, utkast=True).pdf)))
    in_order(
        text,
        [
            "§ 2 Anmälan av delegationsbeslut",
            "Anmälda delegationsbeslut",
            "KS 2026/0100 Yttrande över remiss & svar (2026-03-02, Eva Ek)",
            "Tillförordnad kommundirektör (2026-03-20, Ordföranden)",
        ],
    )
    kallelse = flat(" ".join(pages(dokument.kallelse(store, meeting).pdf)))
    assert "– KS 2026/0100 Yttrande över remiss & svar (2026-03-02, Eva Ek)" in kallelse
