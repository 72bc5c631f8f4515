"""The Dokument menu: preview, save and print the protokoll, utdrag and anslagsbevis.

No real dialog opens: QFileDialog, QMessageBox and QPrintDialog are patched, and printing
goes to a QPrinter writing a PDF file."""

from __future__ import annotations

import datetime as dt
import errno
import gc
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from secretary.reports.protokoll import protokoll_pdf
from secretary.services import agenda, demo, register
from secretary.services.protokoll import protokoll_data
from secretary.ui.documents import files, render
from secretary.ui.documents.anslag_dialog import AnslagDialog
from secretary.ui.documents.preview import PreviewDialog
from secretary.ui.documents.utdrag_dialog import UtdragDialog
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING, ORGAN
from tests.ui.helpers import answer_dialogs, choose


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(autouse=True)
def _collect_garbage() -> Iterator[None]:
    """reportlab and pypdf leave large reference cycles full of None; collect them here, so a
    later test that counts references to None (test_session_window) does not see them go."""
    yield
    gc.collect()


@pytest.fixture
def window(qtbot, ctx) -> tuple[MainWindow, int]:  # type: ignore[no-untyped-def]
    demo.create_demo(ctx.store)
    organ = register.list_organs(ctx.store)[0]
    meeting = agenda.list_meetings(ctx.store, organ.id)[0]
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    choose(w, MEETING, meeting.id)
    return w, meeting.id


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(kind, text) of every QMessageBox shown."""
    shown: list[tuple[str, str]] = []

    def box(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return shown


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Make the save dialog answer `path`; returns the file names it proposed."""
    proposed: list[str] = []

    def ask(_parent: Any, _title: str, start: str, _filter: str, *_a: Any) -> tuple[str, str]:
        proposed.append(Path(start).name)
        return str(path), files.PDF_FILTER

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return proposed


def print_to(monkeypatch: pytest.MonkeyPatch, path: Path, pages: tuple[int, int] = (0, 0)) -> None:
    """Make the print dialog choose a PDF file as printer (and a page range)."""

    def exec_(self: QPrintDialog) -> int:
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setFromTo(*pages)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)


def test_document_actions_follow_the_selection(window) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    titles = [a.text() for a in w.documents.menu.actions() if not a.isSeparator()]
    assert titles == [
        "&Kallelse…",
        "&Föredragningslista…",
        "Kun&görelse…",
        "Kungörelsen &uppsatt…",
        "S&kicka kallelse…",
        "Protokoll – &utkast…",
        "Protokoll – &slutligt…",
        "Protokolls&utdrag…",
        "&Anslagsbevis…",
    ]
    assert w.documents.menu.menuAction() in w.menuBar().actions()
    assert all(a.isEnabled() for a in w.documents.actions)
    choose(w, ORGAN, register.list_organs(w.ctx.store)[0].id)
    assert not any(a.isEnabled() for a in w.documents.actions)


def test_preview_shows_every_page_of_the_protocol(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, meeting_id = window
    expected = page_count(protokoll_pdf(protokoll_data(w.ctx.store, meeting_id), utkast=True))

    dialog = w.documents.protokoll(utkast=True)

    assert isinstance(dialog, PreviewDialog)
    assert dialog.isVisible()
    assert len(dialog.pages) == len(dialog.page_widgets) == expected == 6
    assert dialog.page_spin.text() == "Sida 1 (6)"
    assert dialog.doc.filnamn == "KSAU 2026-11-30 protokoll utkast.pdf"
    assert "UTKAST" in pdf_text(dialog.doc.pdf)
    width = dialog.page_widgets[0].width()
    dialog.zoom_in_button.click()
    assert dialog.page_widgets[0].width() > width
    assert dialog.zoom_label.text() == "110 %"
    dialog.go_to_page(4)
    assert dialog.page_spin.value() == 4
    dialog.page_widgets[3].grab()  # draws the page through pdfium
    dialog.close()


def test_save_writes_the_final_protocol(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    folder = tmp_path / "sparat"
    folder.mkdir()
    proposed = save_to(monkeypatch, folder / "protokoll")  # the .pdf is added
    dialog = w.documents.protokoll(utkast=False)

    saved = dialog.save()

    assert proposed == ["KSAU 2026-11-30 protokoll.pdf"]
    assert saved == folder / "protokoll.pdf"
    text = pdf_text(saved.read_bytes())
    assert "Kommunstyrelsens arbetsutskott" in text
    assert "Sida 1" in text
    assert "UTKAST" not in text
    assert w.ctx.settings.value(files.FOLDER_KEY) == str(folder)
    assert [p.name for p in folder.iterdir()] == ["protokoll.pdf"]  # no temporary left
    dialog.close()


def test_print_paints_every_page(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    out = tmp_path / "printed.pdf"
    print_to(monkeypatch, out)
    dialog = w.documents.protokoll(utkast=True)

    assert dialog.print_() == 6

    assert page_count(out.read_bytes()) == 6
    box = PdfReader(out).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (595, 842)  # A4 unless the user chose
    dialog.close()


def test_print_honours_the_page_range(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    out = tmp_path / "printed.pdf"
    print_to(monkeypatch, out, pages=(2, 3))
    dialog = w.documents.protokoll(utkast=True)

    assert dialog.print_() == 2

    assert page_count(out.read_bytes()) == 2
    dialog.close()


def test_painting_onto_a_pdf_printer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The painting function on its own, with no dialog at all."""
    source = tmp_path / "source.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(source))
    from PySide6.QtGui import QPainter

    painter = QPainter(printer)
    for i in range(3):
        if i:
            printer.newPage()
        painter.drawText(100, 100, f"Sida {i + 1}")
    painter.end()
    pages = render.PdfPages(source.read_bytes())
    out = tmp_path / "out.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))

    assert render.paint_pages(pages, printer) == 3

    assert page_count(out.read_bytes()) == 3
    pages.close()


def test_utdrag_of_one_paragraf(window, monkeypatch, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    dialog = w.documents.utdrag()
    assert isinstance(dialog, UtdragDialog)
    dialog.set_chosen({337})

    with qtbot.waitSignal(dialog.preview_requested) as shown:
        dialog.preview_button.click()

    doc = shown.args[0]
    (preview,) = (d for d in w.documents.open_dialogs if isinstance(d, PreviewDialog))
    assert preview.doc is doc
    assert len(preview.pages) == page_count(doc.pdf)
    preview.close()
    assert doc.filnamn == "KSAU 2026-11-30 utdrag § 337.pdf"
    text = pdf_text(doc.pdf)
    assert "§ 337" in text
    assert "Rätt utdraget intygar" in text
    assert "§ 336" not in text
    dialog.close()


def test_utdrag_per_mottagare_writes_one_file_each(window, messages, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    target = tmp_path / "utdrag"
    target.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(target))
    )
    dialog = w.documents.utdrag()
    dialog.set_all(True)

    written = dialog.save_per_mottagare()

    names = sorted(p.name for p in target.iterdir())
    assert names == sorted(p.name for p in written)
    assert len(names) == 7
    assert "KSAU 2026-11-30 utdrag §§ 335–339 till Akten.pdf" in names
    assert "KSAU 2026-11-30 utdrag § 337 till Byggnadsnämnden.pdf" in names
    text = pdf_text((target / "KSAU 2026-11-30 utdrag § 337 till Byggnadsnämnden.pdf").read_bytes())
    assert "§ 337" in text
    assert "§ 336" not in text
    assert messages[-1][0] == "information"
    assert messages[-1][1].startswith("7 utdrag skrevs till mappen")
    dialog.close()


def test_utdrag_per_mottagare_only_for_the_marked_paragrafer(
    window, messages, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(tmp_path / "ut"))
    )
    (tmp_path / "ut").mkdir()
    dialog = w.documents.utdrag()
    dialog.set_chosen({336})
    assert "ger 2 filer: Akten, Ekonomiavdelningen" in dialog.summary.text()

    written = dialog.save_per_mottagare()

    assert sorted(p.name for p in written) == [
        "KSAU 2026-11-30 utdrag § 336 till Akten.pdf",
        "KSAU 2026-11-30 utdrag § 336 till Ekonomiavdelningen.pdf",
    ]
    dialog.close()


def test_anslagsbevis_with_dates(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w, _ = window

    def fill(d: AnslagDialog) -> None:
        d.dates_box.setChecked(True)
        d.upp_edit.setDate(dt.date(2026, 12, 2))

    answer_dialogs(monkeypatch, AnslagDialog, fill)

    dialog = w.documents.anslagsbevis()

    assert dialog.doc.filnamn == "KSAU 2026-11-30 anslagsbevis.pdf"
    text = pdf_text(dialog.doc.pdf)
    assert "Anslagsbevis" in text
    assert "2026-12-02" in text
    assert "2026-12-24" in text  # taken down the day after the last day of appeal
    assert len(dialog.pages) == 1
    dialog.close()


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root writes anyway: fail as the file system would

        def refuse(_directory: Path) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(files, "_open_temp", refuse)


def test_saving_in_a_read_only_folder_says_why_in_swedish(
    window, messages, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    _read_only(monkeypatch, folder)
    save_to(monkeypatch, folder / "protokoll.pdf")
    dialog = w.documents.protokoll(utkast=True)

    try:
        assert dialog.save() is None
    finally:
        folder.chmod(0o755)

    ((kind, text),) = messages
    assert kind == "warning"
    assert "Du saknar behörighet att skriva ”protokoll.pdf”" in text
    assert "Dokumentet är inte förlorat" in text
    assert "Traceback" not in text and "Errno" not in text
    assert list(folder.iterdir()) == []
    assert dialog.isVisible()  # the preview stays open to save elsewhere
    dialog.close()


def test_a_full_disk_keeps_the_old_file(window, messages, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    folder = tmp_path / "sparat"
    folder.mkdir()
    old = folder / "protokoll.pdf"
    old.write_bytes(b"the signed version")
    save_to(monkeypatch, old)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    dialog = w.documents.protokoll(utkast=True)

    assert dialog.save() is None

    assert "Det finns inte plats på disken" in messages[-1][1]
    assert old.read_bytes() == b"the signed version"
    assert [p.name for p in folder.iterdir()] == ["protokoll.pdf"]
    dialog.close()


def test_without_pdfium_the_system_viewer_opens(window, messages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    opened: list[str] = []
    monkeypatch.setattr(render, "pdfium", None)
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )

    assert w.documents.protokoll(utkast=True) is None

    assert "Förhandsgranskning i programmet är inte tillgänglig" in messages[0][1]
    (path,) = opened
    assert Path(path).name == "KSAU 2026-11-30 protokoll utkast.pdf"
    assert page_count(Path(path).read_bytes()) == 6
    Path(path).unlink()


def test_file_names_drop_what_file_systems_refuse() -> None:
    assert files.filnamn("KS/AU", "2026-11-30", "utdrag till Kultur: fritid?") == (
        "KS-AU 2026-11-30 utdrag till Kultur- fritid-.pdf"
    )


def test_anslag_dates_follow_the_law(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AnslagDialog(dt.date(2026, 12, 3))
    qtbot.addWidget(dialog)
    # Three weeks end on julafton: the last day of appeal moves to Monday 28 December.
    assert "2026-12-28, tre veckor från anslaget, flyttad till nästa vardag" in dialog.hint.text()
    assert dialog.anslag().nedtagen == dt.date(2026, 12, 29)
    dialog.upp_edit.setDate(dt.date(2026, 12, 1))
    assert "2026-12-22, tre veckor från anslaget. " in dialog.hint.text()
    dialog.dates_box.setChecked(False)
    assert dialog.anslag().uppsatt is None
