"""The § panel for the ärende at the cursor: yrkanden, propositionsordning, the next
proposition and its votering, the beslut, reservationer and the protocol text.

Every key is one service call through an undo command on the window's QUndoStack, then one
`load_paragraf` and the models refreshed in place. Refusals go to the window's banner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from secretary.domain.beslutsgang import ReservationTyp
from secretary.domain.votering import Rost
from secretary.domain.yrkanden import YrkandeTyp
from secretary.services import beslut
from secretary.services.beslut import ParagrafVy
from secretary.services.errors import ServiceError
from secretary.ui.session.commands import Call, Ids, SessionCommand
from secretary.ui.session.panels import hint
from secretary.ui.session.paragraf import rows
from secretary.ui.session.paragraf.commands import Created, Lika, Removed, Steg
from secretary.ui.session.paragraf.widgets import NOTE, WARN, ParagrafWidgets
from secretary.ui.table import action, select_row, selected_row

if TYPE_CHECKING:
    from secretary.ui.session.window import SessionWindow

WIDGET = Qt.ShortcutContext.WidgetShortcut
CHILDREN = Qt.ShortcutContext.WidgetWithChildrenShortcut
R = Rost
HINTS = {
    "yrkanden": hint(
        ("Å", "återtas/återinförs"),
        ("I", "instämmer"),
        ("F2", "ändra lydelse"),
        ("Delete", "ta bort"),
    ),
    "ordning": hint(
        ("Ctrl+↑/↓", "flytta"),
        ("S", "samlad proposition"),
        ("R", "lagens ordning"),
        ("G", "godkänd av organet"),
    ),
    "people": hint(
        ("R", "reserverar sig (eget yrkande)"),
        ("S", "skriftlig reservation"),
        ("P", "protokollsanteckning"),
        ("Delete", "ta bort"),
    ),
}


class ParagrafPanel(ParagrafWidgets):
    def __init__(self, window: SessionWindow) -> None:
        super().__init__(window)
        self.host = window
        self.store = window.ctx.store
        self.yrkande_ids = Ids()
        self.reservation_ids = Ids()
        self.arende_id: int | None = None
        self.vy: ParagrafVy | None = None
        self.prop: rows.Proposition | None = None
        self.votering_armed = False
        self.expanded = False  # Alt+7/Alt+8 during a roll call: the folded sections shown
        self.reservationer: dict[int, tuple[int, ReservationTyp]] = {}
        labels = window.labels
        self.texts["yrkanden"].title.setText(f"<b>{labels.get('yrkanden', 'Yrkanden')}</b>")
        self.texts["beslutsgang"].title.setText(
            f"<b>{labels.get('beslutsgang', 'Beslutsgång')}</b>"
        )
        self.texts["reservation"].title.setText(
            f"<b>{labels.get('reservation', 'Reservation')}</b>"
        )
        self._connect()
        self._make_actions()

    # --- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.entry.submitted.connect(self.add_yrkande)
        self.entry.joined.connect(self.join_yrkande)
        self.entry.message.connect(self.host.refuse)
        self.entry.left.connect(lambda: self.yrkanden.setFocus())
        self.entry.changed.connect(self._show_pending)
        self.omedelbar.toggled.connect(lambda on: self._flag("omedelbar_justering", on))
        self.sekretess.toggled.connect(lambda on: self._flag("sekretess", on))
        self.val.toggled.connect(lambda _on: self._show_keys())

    def _act(
        self, widget: QWidget, text: str, keys: tuple[str, ...], slot: Any, ctx=WIDGET
    ) -> None:  # type: ignore[no-untyped-def]
        act = action(widget, text, *keys, context=ctx)
        act.triggered.connect(slot)
        widget.addAction(act)

    def _make_actions(self) -> None:
        y, o, r, p = self.yrkanden, self.ordning, self.roster, self.people
        self._act(y, "Återtas", ("Å",), self.toggle_aterkallat)
        self._act(y, "Ta bort yrkandet", ("Delete",), self.remove_yrkande)
        self._act(y, "Instämmer", ("I",), self.start_join)
        self._act(y, "Ändra lydelse", ("F2",), self.edit_yrkande_text)
        self._act(o, "Flytta upp", ("Ctrl+Up",), lambda: self.move_fraga(-1))
        self._act(o, "Flytta ner", ("Ctrl+Down",), lambda: self.move_fraga(1))
        self._act(o, "Samlad proposition", ("S",), self.toggle_samlad)
        self._act(o, "Lagens ordning", ("R",), self.reset_ordning)
        self._act(o, "Godkänd", ("G",), self.toggle_godkand)
        for n in range(1, 10):
            self._act(r, f"Alternativ {n}", (str(n),), lambda _=False, n=n: self.digit(n))
        self._act(r, "Votering begärs", ("V",), self.arm_votering)
        self._act(r, "Öppna voteringen", ("Return", "Enter"), self.open_huvudvotering)
        self._act(r, "Ja", ("J",), lambda: self.vote(R.JA))
        self._act(r, "Nej", ("N",), lambda: self.vote(R.NEJ))
        self._act(r, "Avstår", ("A",), lambda: self.vote(R.AVSTAR))
        self._act(r, "Resten ja", ("Shift+J",), lambda: self.rest(R.JA))
        self._act(r, "Resten nej", ("Shift+N",), lambda: self.rest(R.NEJ))
        self._act(r, "Byt Ja och Nej", ("B",), self.swap)
        self._act(r, "Ta tillbaka rösten", ("Backspace",), self.unvote)
        self._act(r, "Val", ("Ctrl+L",), self.val.toggle)
        self._act(p, "Reserverar sig", ("R",), lambda: self.reserve(ReservationTyp.EGET_YRKANDE))
        self._act(
            p, "Skriftlig reservation", ("S",), lambda: self.reserve(ReservationTyp.SKRIFTLIG)
        )
        self._act(p, "Protokollsanteckning", ("P",), self.add_anteckning)
        self._act(p, "Ta bort", ("Delete",), self.remove_person_item)
        self._act(self.beslut_box, "Spara beslutet", ("Ctrl+S",), self.save_beslut, CHILDREN)
        self._act(self.beslut_box, "Återställ", ("Ctrl+Shift+R",), self.reset_beslut, CHILDREN)
        for section in self.texts.values():
            self._act(
                section,
                "Spara texten",
                ("Ctrl+S",),
                lambda _=False, s=section.key: self.save_text(s),
                CHILDREN,
            )
            self._act(
                section,
                "Genererad text",
                ("Ctrl+Shift+R",),
                lambda _=False, s=section.key: self.reset_text(s),
                CHILDREN,
            )

    def hint_for(self, widget: QWidget | None) -> str:
        if widget is self.yrkanden:
            return HINTS["yrkanden"]
        if widget is self.ordning:
            return HINTS["ordning"]
        if widget is self.people:
            return HINTS["people"]
        if widget is self.roster:
            return self.prop_keys.text()
        if widget is not None and self.entry.isAncestorOf(widget):
            return hint(
                ("Enter", "nästa fält"),
                ("↑/↓", "välj i listan"),
                ("Ctrl+Enter", "spara"),
                ("Esc", "börja om"),
            )
        return ""

    # --- showing ---------------------------------------------------------------------------

    def _show_pending(self) -> None:
        self.pending_note.setVisible(self.entry.pending())

    def settle_pending(self, may_stay: bool = True) -> bool:
        """Before leaving the § (another ärende, closing): a half-entered yrkande is saved on
        the § it was typed for, or thrown away, only when the secretary says so. False: stay.
        Without `may_stay` (the § has already changed under it) only Spara or Kasta."""
        if not self.entry.pending():
            return True
        B = QMessageBox.StandardButton
        para = f"§ {self.vy.paragraf}" if self.vy is not None else "paragrafen"
        buttons = B.Save | B.Discard | (B.Cancel if may_stay else B.NoButton)
        answer = QMessageBox.question(
            self,
            "Yrkandet är inte sparat",
            f"Ett yrkande i {para} är inte sparat:\n\n{self.entry.summary_text()}\n\n"
            f"Spara det i {para}, kasta det"
            + (" eller avbryt och stanna kvar?" if may_stay else "?"),
            buttons,
            B.Cancel if may_stay else B.Save,
        )
        if answer == B.Discard:
            self.entry.reset()
            return True
        if answer == B.Save:
            self.entry.submit()
            if not self.entry.pending():
                return True
            # Incomplete (no kind, say): the message says what is missing; stay and fix it.
            self.host.pages.setCurrentWidget(self)
            return False
        self.host.pages.setCurrentWidget(self)
        self.entry.vem.setFocus()
        return False

    def show_arende(self, arende_id: int | None) -> None:
        if arende_id != self.arende_id:
            kept = self.arende_id is not None and not self.settle_pending(may_stay=False)
            self.arende_id = arende_id
            if not kept:  # never thrown away unasked: what could not be saved stays in view
                self.entry.reset()
            self.votering_armed = False
        self.refresh()

    def refresh(self) -> None:
        if self.arende_id is None:
            self.heading.setText("Inget ärende")
            return
        vy = beslut.load_paragraf(self.store, self.arende_id)
        self.vy = vy
        self.reservationer = {
            r.person_id: (r.id, r.typ)
            for r in beslut.list_reservationer(self.store, self.arende_id)
        }
        self.heading.setText(f"Paragraf § {vy.paragraf} – {vy.rubrik} – Beslutsgång")
        self.entry.set_people(list(vy.tjanstgorande))
        self.yrkande_model.set_rows(rows.yrkande_rows(vy))
        self.ordning_model.set_rows(rows.fraga_rows(vy))
        self._show_ordning(vy)
        self._show_proposition(vy)
        self._show_beslut(vy)
        self.person_model.set_rows(rows.person_rows(vy, self.reservationer))
        self._show_texts(vy)

    def _show_ordning(self, vy: ParagrafVy) -> None:
        parts = []
        if vy.beslut.ordning_godkand:
            parts.append("<b style='color:#14532d'>✔ Godkänd av organet</b>")
        elif len(vy.beslut.ordning) > 1:
            parts.append("<b style='color:#92400e'>Inte godkänd – G när organet godkänt</b>")
        if rows.ordning_andrad(vy):
            parts.append("ändrad av sekreteraren (R: lagens ordning)")
        parts += [f"<span style='color:#7f1d1d'>⚠ {w}</span>" for w in vy.varningar]
        self.ordning_state.setText(" · ".join(parts))

    def _show_proposition(self, vy: ParagrafVy) -> None:
        prop = rows.proposition(vy)
        self.prop = prop
        self.prop_title.setText(prop.title)
        self.prop_text.setText(prop.text)
        if prop.mode in (rows.FYND, rows.LIKA):
            self.prop_alts.setText(
                "<br>".join(
                    f"<b>{n}</b> &nbsp;{name}" for n, (_, name) in enumerate(prop.alternativ, 1)
                )
            )
        else:
            self.prop_alts.setText("")
        nr, shown = rows.shown_votering(vy)
        serving = len(vy.tjanstgorande)
        if shown is None:
            self.totals.setText("")
        else:
            state = "pågår" if vy.oppen_votering is not None else "klar"
            self.totals.setText(f"Votering {nr} ({state}): {rows.totals(shown, serving)}")
        self.rost_model.set_rows(rows.rost_rows(vy, shown))
        self._fold_for_roll_call(prop.mode == rows.ROSTNING)
        self._show_keys()

    def _fold_for_roll_call(self, voting: bool) -> None:
        """While a roll call is open it gets the height: the entry line, the yrkanden and the
        propositionsordning fold to their headings (Alt+7 / Alt+8 unfold them). A
        half-entered yrkande is never hidden."""
        if not voting:
            self.expanded = False
        fold = voting and not self.expanded
        for widget in (self.yrkanden, self.ordning, self.ordning_state):
            widget.setVisible(not fold)
        self.entry.setVisible(not fold or self.entry.pending())
        lay = self.left_layout
        lay.setStretchFactor(self.yrkande_box, 0 if fold else 3)
        lay.setStretchFactor(self.ordning_box, 0 if fold else 1)
        folded = " <span style='color:#92400e; font-weight:normal'>(dolt under voteringen)</span>"
        for box, title, keys in (
            (self.yrkande_box, "Yrkanden", "Alt+7"),
            (self.ordning_box, "Propositionsordning", "Alt+8"),
        ):
            box.heading.setText(  # type: ignore[attr-defined]
                f"{title} <span style='color:#6b7280; font-weight:normal'>{keys}</span>"
                + (folded if fold else "")
            )

    def unfold(self) -> None:
        """Alt+7 or Alt+8 during a roll call: show what was folded away."""
        if not self.expanded and self.prop is not None and self.prop.mode == rows.ROSTNING:
            self.expanded = True
            self._fold_for_roll_call(True)

    def _show_keys(self) -> None:
        prop = self.prop
        if prop is None:
            return
        mode = prop.mode
        if mode == rows.FYND:
            if self.votering_armed:
                keys = hint(
                    ("1…", "ordförandens förslag till beslut – votering begärs"), ("Esc", "avbryt")
                )
                keys = (
                    "<b style='color:#92400e'>VOTERING BEGÄRS</b> – välj vad ordföranden fann: "
                    + keys
                )
            else:
                n = len(prop.alternativ)
                keys = hint(
                    (f"1…{n}" if n > 1 else "1", "ordföranden finner (acklamation)"),
                    ("V", "votering begärs, sedan siffra"),
                )
        elif mode == rows.HUVUDVOTERING:
            keys = hint(("Enter", "öppna huvudvoteringen"))
        elif mode == rows.ROSTNING:
            keys = hint(
                ("J", "ja"),
                ("N", "nej"),
                ("A", "avstår"),
                ("Shift+J", "resten ja"),
                ("Shift+N", "resten nej"),
                ("B", "byt Ja/Nej före första rösten"),
                ("Backspace", "ta tillbaka"),
            )
        elif mode == rows.LIKA:
            keys = hint(("1", "Ja-sidan vinner"), ("2", "Nej-sidan vinner"))
        else:
            keys = "Reservationer: Alt+0 · Beslut: Alt+B · Text: Alt+T"
        if mode in (rows.FYND, rows.HUVUDVOTERING):
            keys += " &nbsp; " + hint(("Ctrl+L", "val (lottning vid lika)"))
        self.prop_keys.setText(keys)
        self.val.setVisible(mode in (rows.FYND, rows.HUVUDVOTERING))
        if self.roster.hasFocus():
            self.host.hints.show_hints(keys, self.host.general_hint)

    def _show_beslut(self, vy: ParagrafVy) -> None:
        if not self.rubrik.isModified() or not self.rubrik.hasFocus():
            self.rubrik.setText(vy.beslut_rubrik)
            self.rubrik.setModified(False)
        att = "\n".join(vy.beslut_att)
        if not self.att.document().isModified() and self.att.toPlainText() != att:
            self.att.setPlainText(att)
            self.att.document().setModified(False)
        edited = vy.beslut_att != rows.prefill(vy)
        self.beslut_state.setText(
            "Att-satserna är redigerade (Ctrl+Shift+R: tillbaka till förslaget)"
            if edited
            else "Ifyllt från det vinnande förslaget; skriv för att ändra, Ctrl+S sparar."
        )
        for box, on in ((self.omedelbar, vy.omedelbar_justering), (self.sekretess, vy.sekretess)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def _show_texts(self, vy: ParagrafVy) -> None:
        texts = {
            "yrkanden": vy.yrkanden_text,
            "beslutsgang": vy.beslutsgang_text,
            "reservation": vy.reservation_text,
        }
        for key, section in self.texts.items():
            text = "\n\n".join(texts[key])
            if not section.edit.document().isModified() and section.edit.toPlainText() != text:
                section.edit.setPlainText(text)
                section.edit.document().setModified(False)
            if key in vy.inaktuella:
                section.state.setStyleSheet(WARN)
                section.state.setText(
                    "⚠ Redigerad text – det registrerade har ändrats sedan. Kontrollera texten "
                    "eller Ctrl+Shift+R för den genererade."
                )
            else:
                section.state.setStyleSheet(NOTE)
                section.state.setText("Redigerad" if self._edited(vy, key) else "Genererad")

    def _edited(self, vy: ParagrafVy, key: str) -> bool:
        from secretary.domain.beslutsgang import beslutsgang_text, yrkanden_text

        if key == "yrkanden":
            return vy.yrkanden_text != tuple(yrkanden_text(vy.beslut))
        if key == "beslutsgang":
            return vy.beslutsgang_text != tuple(beslutsgang_text(vy.beslut, vy.organ))
        return False

    # --- running ---------------------------------------------------------------------------

    def _args(self) -> tuple:  # type: ignore[type-arg]
        return (self.store, self.host.meeting_id, self.yrkande_ids)

    def run(self, command: SessionCommand, done: str = "") -> bool:
        try:
            command.perform()
        except ServiceError as exc:
            self.host.refuse(str(exc))
            return False
        self.host.undo_stack.push(command)
        self.host.banner.clear_message()
        self.refresh()
        self.host.statusBar().showMessage(done or command.text())
        return True

    def _call(self, text: str, do: Any, undo: Any) -> bool:
        return self.run(Call(*self._args(), text, do, undo))

    # --- yrkanden --------------------------------------------------------------------------

    def add_yrkande(self, data: tuple[int, YrkandeTyp, str, list[int]]) -> None:
        yrkare, typ, text, instammande = data
        a, store = self.arende_id, self.store
        assert a is not None
        who = self.vy.person(yrkare) if self.vy else None
        command = Created(
            *self._args(),
            f"Yrkande: {who.label if who else ''} {typ.label.lower()}",
            lambda keep: beslut.add_yrkande(
                store, a, typ, yrkare, text=text, instammande=instammande, yrkande_id=keep
            ),
            lambda i: beslut.remove_yrkande(store, i),
        )
        if self.run(command):
            self.entry.done()

    def _yrkande(self) -> Any:
        row = self.yrkande_model.row_at(selected_row(self.yrkanden))
        if row is None or self.vy is None:
            return None
        return next((y for y in self.vy.beslut.yrkanden if y.id == row.id), None)

    def toggle_aterkallat(self) -> None:
        y = self._yrkande()
        if y is None:
            return
        store, ids, on = self.store, self.yrkande_ids, not y.aterkallat
        self._call(
            f"{y.yrkare.label}: yrkandet {'återtas' if on else 'återinförs'}",
            lambda: beslut.update_yrkande(store, ids.current(y.id), aterkallat=on),
            lambda: beslut.update_yrkande(store, ids.current(y.id), aterkallat=not on),
        )

    def remove_yrkande(self) -> None:
        y = self._yrkande()
        if y is None or self.arende_id is None:
            return
        store, a = self.store, self.arende_id
        instammande = [p.person_id for p in y.instammande]
        command = Removed(
            *self._args(),
            f"Borttaget yrkande: {y.yrkare.label}",
            lambda keep: beslut.add_yrkande(
                store,
                a,
                y.typ,
                y.yrkare.person_id,
                text=y.text,
                instammande=instammande,
                stodjer=y.stodjer,
                yrkande_id=keep,
            ),
            lambda i: beslut.remove_yrkande(store, i),
            first=y.id,
        )
        self.run(command)

    def start_join(self) -> None:
        y = self._yrkande()
        if y is not None:
            self.entry.start_joining(y.id, f"{y.yrkare.label}: {y.typ.label.lower()}")

    def join_yrkande(self, yrkande_id: int, person_id: int) -> None:
        y = (
            next(
                (
                    y
                    for y in self.vy.beslut.yrkanden
                    if y.id == self.yrkande_ids.current(yrkande_id)
                ),
                None,
            )
            if self.vy
            else None
        )
        if y is None:
            return
        before = [p.person_id for p in y.instammande]
        after = [*before, person_id]
        store, ids = self.store, self.yrkande_ids
        who = self.vy.person(person_id) if self.vy else None
        self._call(
            f"{who.label if who else ''} instämmer",
            lambda: beslut.update_yrkande(store, ids.current(y.id), instammande=after),
            lambda: beslut.update_yrkande(store, ids.current(y.id), instammande=before),
        )

    def edit_yrkande_text(self) -> None:
        y = self._yrkande()
        if y is None:
            return
        text, ok = QInputDialog.getText(
            self, "Yrkandets lydelse", f"{y.yrkare.label}:", QLineEdit.EchoMode.Normal, y.text
        )
        self.yrkanden.setFocus()
        if not ok or text.strip() == y.text:
            return
        store, ids, old = self.store, self.yrkande_ids, y.text
        self._call(
            "Lydelsen ändrad",
            lambda: beslut.update_yrkande(store, ids.current(y.id), text=text),
            lambda: beslut.update_yrkande(store, ids.current(y.id), text=old),
        )

    # --- propositionsordning ---------------------------------------------------------------

    def _ordning_call(self, text: str, new: Any) -> bool:
        vy, store, a = self.vy, self.store, self.arende_id
        if vy is None or a is None:
            return False
        old = list(vy.beslut.ordning) if rows.ordning_andrad(vy) else None
        godkand = vy.beslut.ordning_godkand

        def undo() -> None:
            beslut.set_ordning(store, a, old)
            beslut.godkann_ordning(store, a, godkand)

        return self._call(text, lambda: beslut.set_ordning(store, a, new), undo)

    def move_fraga(self, step: int) -> None:
        row = selected_row(self.ordning)
        if self.vy is None or row < 0:
            return
        order = list(self.vy.beslut.ordning)
        to = row + step
        if not 0 <= to < len(order):
            return
        order[row], order[to] = order[to], order[row]
        if self._ordning_call("Propositionsordningen ändrad", order):
            select_row(self.ordning, to)

    def toggle_samlad(self) -> None:
        if self.vy is None:
            return
        from secretary.domain.yrkanden import FragaTyp

        if any(f.typ is FragaTyp.SAMLAD for f in self.vy.beslut.ordning):
            self._ordning_call("Samlad proposition borttagen", None)
            return
        order = rows.samlad(self.vy)
        if order is None:
            self.host.refuse(
                "Samlad proposition passar bara när det finns tilläggsyrkanden och inget annat "
                "förslag står mot förslaget till beslut."
            )
            return
        self._ordning_call("Samlad proposition", order)

    def reset_ordning(self) -> None:
        self._ordning_call("Lagens propositionsordning", None)

    def toggle_godkand(self) -> None:
        if self.vy is None or self.arende_id is None:
            return
        store, a, on = self.store, self.arende_id, not self.vy.beslut.ordning_godkand
        self._call(
            "Propositionsordningen godkänd" if on else "Godkännandet borttaget",
            lambda: beslut.godkann_ordning(store, a, on),
            lambda: beslut.godkann_ordning(store, a, not on),
        )

    # --- findings and voteringar -------------------------------------------------------------

    def arm_votering(self) -> None:
        prop = self.prop
        if prop is None or prop.mode != rows.FYND:
            if prop is not None and prop.mode == rows.HUVUDVOTERING:
                self.open_huvudvotering()
            return
        if len(prop.alternativ) < 2:
            self.host.refuse("Med ett enda förslag finns inget att votera om.")
            return
        self.votering_armed = not self.votering_armed
        self._show_keys()

    def digit(self, n: int) -> None:
        prop, a = self.prop, self.arende_id
        if prop is None or a is None:
            return
        if prop.mode == rows.HUVUDVOTERING:
            self.open_huvudvotering()
            return
        if prop.mode not in (rows.FYND, rows.LIKA) or not 1 <= n <= len(prop.alternativ):
            return
        key, name = prop.alternativ[n - 1]
        store = self.store
        if prop.mode == rows.LIKA:
            how = "lottningen" if prop.votering and prop.votering.val else "utslagsröst"
            self.run(Lika(*self._args(), f"Lika röstetal: {how} för {name}", a, key))
            return
        begard, val = self.votering_armed, self.val.isChecked()
        text = f"Ordföranden finner: {name}" + (" – votering begärs" if begard else "")
        command = Steg(
            *self._args(),
            text,
            a,
            lambda: beslut.besvara(store, a, key, votering_begard=begard, val=val),
        )
        if self.run(command):
            self.votering_armed = False
            self._show_keys()
            if self.vy is not None and self.vy.oppen_votering is not None:
                select_row(self.roster, 0)

    def open_huvudvotering(self) -> None:
        prop, a = self.prop, self.arende_id
        if prop is None or a is None or prop.mode != rows.HUVUDVOTERING:
            return
        store, val = self.store, self.val.isChecked()
        command = Steg(
            *self._args(),
            "Huvudvoteringen öppnas",
            a,
            lambda: beslut.besvara(store, a, "", votering_begard=True, val=val),
        )
        if self.run(command):
            select_row(self.roster, 0)

    def _open_vote_person(self) -> Any:
        if self.vy is None or self.vy.oppen_votering is None:
            self.host.refuse("Ingen votering pågår. Välj ordförandens förslag med V och en siffra.")
            return None
        return self.rost_model.person(max(selected_row(self.roster), 0))

    def vote(self, rost: Rost) -> None:
        person = self._open_vote_person()
        if person is None or self.arende_id is None:
            return
        store, a, pid, before = self.store, self.arende_id, person.person_id, person.rost
        row = selected_row(self.roster)
        if self._call(
            f"{person.namn}: {rost.label}",
            lambda: beslut.rosta(store, a, pid, rost),
            lambda: beslut.rosta(store, a, pid, before),
        ):
            select_row(self.roster, self._next_unvoted(row))

    def _next_unvoted(self, row: int) -> int:
        model = self.rost_model
        n = model.rowCount()
        for r in [*range(row + 1, n), *range(0, row + 1)]:
            item = model.person(r)
            if item is not None and item.rost is None:
                return r
        return min(row + 1, n - 1)

    def unvote(self) -> None:
        row = selected_row(self.roster)
        if row > 0 and self.rost_model.person(row) and self.rost_model.person(row).rost is None:  # type: ignore[union-attr]
            row -= 1
            select_row(self.roster, row)
        person = self._open_vote_person()
        if person is None or person.rost is None or self.arende_id is None:
            return
        store, a, pid, before = self.store, self.arende_id, person.person_id, person.rost
        self._call(
            f"{person.namn}: rösten borttagen",
            lambda: beslut.rosta(store, a, pid, None),
            lambda: beslut.rosta(store, a, pid, before),
        )

    def rest(self, rost: Rost) -> None:
        if self._open_vote_person() is None or self.arende_id is None:
            return
        store, a = self.store, self.arende_id
        missing = [r.person_id for r in self.rost_model.rows() if r.rost is None]
        if self._call(
            f"Resten röstar {rost.label.lower()}",
            lambda: beslut.resten(store, a, rost),
            lambda: beslut.ta_tillbaka(store, a, missing),
        ):
            self.host.statusBar().showMessage(f"{len(missing)} röstar {rost.label.lower()}.")

    def swap(self) -> None:
        if self._open_vote_person() is None or self.arende_id is None:
            return
        store, a = self.store, self.arende_id
        self._call(
            "Voteringspropositionen omvänd",
            lambda: beslut.byt_voteringsproposition(store, a),
            lambda: beslut.byt_voteringsproposition(store, a),
        )

    # --- beslut, flags, texts ---------------------------------------------------------------

    def _beslut_call(self, text: str, rubrik: str | None, att: list[str] | None) -> None:
        vy, store, a = self.vy, self.store, self.arende_id
        if vy is None or a is None:
            return
        old_rubrik = vy.beslut_rubrik
        old_att = list(vy.beslut_att) if vy.beslut_att != rows.prefill(vy) else None
        if self._call(
            text,
            lambda: beslut.set_beslut(store, a, rubrik, att),
            lambda: beslut.set_beslut(store, a, old_rubrik, old_att),
        ):
            self.att.document().setModified(False)
            self.rubrik.setModified(False)
            self.refresh()

    def save_beslut(self) -> None:
        att = [line for line in self.att.toPlainText().splitlines() if line.strip()]
        self._beslut_call("Beslutet ändrat", self.rubrik.text(), att)

    def reset_beslut(self) -> None:
        self.att.document().setModified(False)
        self._beslut_call("Beslutet återställt till förslaget", None, None)

    def _flag(self, name: str, on: bool) -> None:
        store, a = self.store, self.arende_id
        if a is None:
            return
        what = "Omedelbar justering" if name == "omedelbar_justering" else "Sekretess"
        self._call(
            f"{what} {'på' if on else 'av'}",
            lambda: beslut.set_flaggor(store, a, **{name: on}),
            lambda: beslut.set_flaggor(store, a, **{name: not on}),
        )

    def _text_call(self, key: str, text: str | None, what: str) -> None:
        vy, store, a = self.vy, self.store, self.arende_id
        if vy is None or a is None:
            return
        current = {
            "yrkanden": vy.yrkanden_text,
            "beslutsgang": vy.beslutsgang_text,
            "reservation": vy.reservation_text,
        }[key]
        old = "\n\n".join(current) if (self._edited(vy, key) or key in vy.inaktuella) else None
        self.texts[key].edit.document().setModified(False)
        self._call(
            what,
            lambda: beslut.set_text(store, a, key, text),
            lambda: beslut.set_text(store, a, key, old),
        )

    def save_text(self, key: str) -> None:
        self._text_call(key, self.texts[key].edit.toPlainText(), "Texten sparad")

    def reset_text(self, key: str) -> None:
        self._text_call(key, None, "Genererad text")

    # --- reservationer och protokollsanteckningar -----------------------------------------------

    def _person(self) -> Any:
        return self.person_model.person(selected_row(self.people))

    def reserve(self, typ: ReservationTyp) -> None:
        person, store, a = self._person(), self.store, self.arende_id
        if person is None or a is None:
            return
        pid = person.person_id
        if person.reservation_id is not None:
            rid, old = person.reservation_id, self.reservationer[pid][1]
            if old is typ:
                return
            self._call(
                f"{person.namn}: {rows.RESERVATION_TEXT[typ]}",
                lambda: beslut.set_reservation(store, rid, typ, ""),
                lambda: beslut.set_reservation(store, rid, old, ""),
            )
            return
        ids = Ids()
        command = Created(
            store,
            self.host.meeting_id,
            ids,
            f"{person.namn} {rows.RESERVATION_TEXT[typ]}",
            lambda _keep: beslut.add_reservation(store, a, pid, typ),
            lambda i: beslut.remove_reservation(store, i),
        )
        self.run(command)

    def add_anteckning(self) -> None:
        person, store, a = self._person(), self.store, self.arende_id
        if person is None or a is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, "Protokollsanteckning", f"{person.namn} antecknar:", ""
        )
        self.people.setFocus()
        if not ok or not text.strip():
            return
        pid = person.person_id
        command = Created(
            store,
            self.host.meeting_id,
            Ids(),
            f"Protokollsanteckning: {person.namn}",
            lambda _keep: beslut.add_anteckning(store, a, pid, text),
            lambda i: beslut.remove_anteckning(store, i),
        )
        self.run(command)

    def remove_person_item(self) -> None:
        person, store, a = self._person(), self.store, self.arende_id
        if person is None or a is None:
            return
        pid = person.person_id
        if person.reservation_id is not None:
            typ = self.reservationer[pid][1]
            self.run(
                Removed(
                    store,
                    self.host.meeting_id,
                    Ids(),
                    f"Reservation borttagen: {person.namn}",
                    lambda _keep: beslut.add_reservation(store, a, pid, typ),
                    lambda i: beslut.remove_reservation(store, i),
                    first=person.reservation_id,
                )
            )
        elif person.anteckning_id is not None:
            text = person.anteckning
            self.run(
                Removed(
                    store,
                    self.host.meeting_id,
                    Ids(),
                    f"Protokollsanteckning borttagen: {person.namn}",
                    lambda _keep: beslut.add_anteckning(store, a, pid, text),
                    lambda i: beslut.remove_anteckning(store, i),
                    first=person.anteckning_id,
                )
            )
