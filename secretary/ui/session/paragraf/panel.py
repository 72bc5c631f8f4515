"""The § panel for the ärende at the cursor: yrkanden, propositionsordning, the next
proposition and its votering, the beslut, reservationer and the protocol text.

Every key is one service call through the window (`SessionWindow.run`): the action goes on
the window's undo stack with the action that undoes it, and the § view it returns refreshes
the models in place. Refusals go to the window's banner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from secretary.domain.beslutsgang import ReservationTyp
from secretary.domain.votering import Rost
from secretary.domain.yrkanden import Fraga, FragaTyp, Yrkande, YrkandeTyp
from secretary.services import beslut, val
from secretary.services.andring import YRKANDE, Andring, Atgard
from secretary.services.beslut import ParagrafVy
from secretary.services.read.val import ValLage
from secretary.ui.common import restyle
from secretary.ui.session.panels import hint
from secretary.ui.session.paragraf import rows
from secretary.ui.session.paragraf import val as valdel
from secretary.ui.session.paragraf.models import PersonRad, RostRad
from secretary.ui.session.paragraf.widgets import NOTE, WARN, ParagrafWidgets
from secretary.ui.table import action, select_row, selected_row
from secretary.ui.tangenter import i_text

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
        self.edit_actions: list[QAction] = []  # every key that changes the §
        self.host = window
        self.store = window.ctx.store
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
        self.valpanel = valdel.ValPanel(self)
        self.valpanel.hide()
        self.left_layout.insertWidget(1, self.valpanel, 8)
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
        self,
        widget: QWidget,
        text: str,
        keys: tuple[str, ...],
        slot: Any,
        ctx: Qt.ShortcutContext = WIDGET,
    ) -> None:
        act = action(widget, text, *keys, context=ctx)
        act.triggered.connect(slot)
        widget.addAction(act)
        self.edit_actions.append(act)

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
        if widget is not None and self.valpanel.isAncestorOf(widget):
            return self.valpanel.hint_for(widget)
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

    def set_read_only(self, read_only: bool) -> None:
        """A meeting that is not in session (closed, or not yet opened) is shown, not
        edited: no key changes the §, and the texts can be read and copied only."""
        for act in self.edit_actions:
            act.setEnabled(not read_only)
        self.rubrik.setReadOnly(read_only)
        self.att.setReadOnly(read_only)
        for text in self.texts.values():
            text.edit.setReadOnly(read_only)
        for widget in (self.entry, self.omedelbar, self.sekretess, self.val):
            widget.setEnabled(not read_only)

    def show_arende(self, arende_id: int | None) -> None:
        if arende_id != self.arende_id:
            kept = self.arende_id is not None and not self.settle_pending(may_stay=False)
            self.arende_id = arende_id
            if not kept:  # never thrown away unasked: what could not be saved stays in view
                self.entry.reset()
            self.votering_armed = False
        self.refresh()

    def refresh(self) -> None:
        """The § read again (another § at the cursor, the panel shown)."""
        if self.arende_id is None:
            self.heading.setText("Inget ärende")
            return
        self.show_vy(beslut.load_paragraf(self.store, self.arende_id))
        self.show_val(ValLage(self.arende_id, val.load_val(self.store, self.arende_id)))

    def show_val(self, lage: ValLage) -> None:
        """A val § shows its posts and counts in place of yrkanden and propositioner."""
        if lage.arende_id != self.arende_id:
            return
        is_val = valdel.visa(self, lage)
        for box in (self.yrkande_box, self.ordning_box, self.gang_box):
            box.setVisible(not is_val)

    def start_val(self) -> None:
        """Alt+L: the § becomes a val § (if it is not one), and the keyboard goes to its
        posts, or to a new post's form when there is none yet."""
        a, store = self.arende_id, self.store
        if a is None:
            return
        vp = self.valpanel
        if vp.arende_id != a and self.run(lambda: val.gor_till_val(store, a)) is None:
            return
        if vp.vy is not None and not vp.vy.data.poster:
            vp.start_post(new=True)
        else:
            vp.posts.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_vy(self, vy: ParagrafVy) -> None:
        """Every part of the panel from a view already read (what an action returned)."""
        if vy.arende_id != self.arende_id:
            return  # an undo of an action on another §: the cursor shows that § when it moves
        self.vy = vy
        self.reservationer = {r.person_id: (r.id, r.typ) for r in vy.reservationer}
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
        for box, stretch in (
            (self.yrkande_box, 0 if fold else 3),
            (self.ordning_box, 0 if fold else 1),
        ):
            # Only on a change: setStretchFactor lays out the whole panel again even when the
            # factor is the same, and this runs after every vote of a roll call.
            if lay.stretch(lay.indexOf(box)) != stretch:
                lay.setStretchFactor(box, stretch)
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
        self.prop_keys.setText(i_text(keys))
        self.val.setVisible(mode in (rows.FYND, rows.HUVUDVOTERING))
        if self.roster.hasFocus():
            self.host.hints.show_hints(keys, self.host.general_hint)

    def _show_beslut(self, vy: ParagrafVy) -> None:
        if (
            not self.rubrik.isModified() or not self.rubrik.hasFocus()
        ) and self.rubrik.text() != vy.beslut_rubrik:
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
                restyle(section.state, WARN)
                section.state.setText(
                    i_text(
                        "⚠ Redigerad text – det registrerade har ändrats sedan. Kontrollera "
                        "texten eller Ctrl+Shift+R för den genererade."
                    )
                )
            else:
                restyle(section.state, NOTE)
                section.state.setText("Redigerad" if self._edited(vy, key) else "Genererad")

    def _edited(self, vy: ParagrafVy, key: str) -> bool:
        from secretary.domain.beslutsgang import beslutsgang_text, yrkanden_text

        if key == "yrkanden":
            return vy.yrkanden_text != tuple(yrkanden_text(vy.beslut))
        if key == "beslutsgang":
            return vy.beslutsgang_text != tuple(beslutsgang_text(vy.beslut, vy.organ))
        return False

    # --- running ---------------------------------------------------------------------------

    def run(self, action: Callable[[], Andring], done: str = "") -> Andring | None:
        """One service action through the window (undo stack, banner, status bar)."""
        return self.host.run(action, done)

    def _do(self, action: Atgard, done: str = "") -> Andring | None:
        cmd = self.host.cmd
        return self.run(lambda: cmd.run(action), done)

    # --- yrkanden --------------------------------------------------------------------------

    def add_yrkande(self, data: tuple[int, YrkandeTyp, str, list[int]]) -> None:
        yrkare, typ, text, instammande = data
        if self.arende_id is None:
            return
        action = beslut.LaggTillYrkande(self.arende_id, typ, yrkare, text, tuple(instammande))
        if self._do(action):
            self.entry.done()

    def _yrkande(self) -> Yrkande | None:
        row = self.yrkande_model.row_at(selected_row(self.yrkanden))
        if row is None or self.vy is None:
            return None
        return next((y for y in self.vy.beslut.yrkanden if y.id == row.id), None)

    def toggle_aterkallat(self) -> None:
        y = self._yrkande()
        if y is not None:
            self._do(beslut.AndraYrkande(y.id, aterkallat=not y.aterkallat))

    def remove_yrkande(self) -> None:
        y = self._yrkande()
        if y is not None:
            store, yid = self.store, y.id
            self.run(lambda: beslut.remove_yrkande(store, yid))

    def start_join(self) -> None:
        y = self._yrkande()
        if y is not None:
            self.entry.start_joining(y.id, f"{y.yrkare.label}: {y.typ.label.lower()}")

    def join_yrkande(self, yrkande_id: int, person_id: int) -> None:
        current = self.host.cmd.ids.current(YRKANDE, yrkande_id)
        y = next((y for y in self.vy.beslut.yrkanden if y.id == current), None) if self.vy else None
        if y is None:
            return
        after = (*(p.person_id for p in y.instammande), person_id)
        self._do(beslut.AndraYrkande(y.id, instammande=after))

    def edit_yrkande_text(self) -> None:
        y = self._yrkande()
        if y is None:
            return
        text, ok = QInputDialog.getText(
            self, "Yrkandets lydelse", f"{y.yrkare.label}:", QLineEdit.EchoMode.Normal, y.text
        )
        self.yrkanden.setFocus()
        if ok and text.strip() != y.text:
            self._do(beslut.AndraYrkande(y.id, text=text))

    # --- propositionsordning ---------------------------------------------------------------

    def _ordning(self, new: list[Fraga] | None, done: str = "") -> bool:
        if self.arende_id is None:
            return False
        order = tuple(new) if new is not None else None
        return self._do(beslut.SattOrdning(self.arende_id, order), done) is not None

    def move_fraga(self, step: int) -> None:
        row = selected_row(self.ordning)
        if self.vy is None or row < 0:
            return
        order = list(self.vy.beslut.ordning)
        to = row + step
        if not 0 <= to < len(order):
            return
        order[row], order[to] = order[to], order[row]
        if self._ordning(order):
            select_row(self.ordning, to)

    def toggle_samlad(self) -> None:
        if self.vy is None:
            return
        if any(f.typ is FragaTyp.SAMLAD for f in self.vy.beslut.ordning):
            self._ordning(None, "Samlad proposition borttagen")
            return
        order = rows.samlad(self.vy)
        if order is None:
            self.host.refuse(
                "Samlad proposition passar bara när det finns tilläggsyrkanden och inget annat "
                "förslag står mot förslaget till beslut."
            )
            return
        self._ordning(order)

    def reset_ordning(self) -> None:
        self._ordning(None)

    def toggle_godkand(self) -> None:
        if self.vy is not None and self.arende_id is not None:
            self._do(beslut.GodkannOrdning(self.arende_id, not self.vy.beslut.ordning_godkand))

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
        key, _ = prop.alternativ[n - 1]
        store = self.store
        if prop.mode == rows.LIKA:
            self.run(lambda: beslut.avgor_lika(store, a, key))
            return
        begard, val = self.votering_armed, self.val.isChecked()
        done = self.run(lambda: beslut.besvara(store, a, key, votering_begard=begard, val=val))
        if done is not None:
            self.votering_armed = False
            self._show_keys()
            if self.vy is not None and self.vy.oppen_votering is not None:
                select_row(self.roster, 0)

    def open_huvudvotering(self) -> None:
        prop, a = self.prop, self.arende_id
        if prop is None or a is None or prop.mode != rows.HUVUDVOTERING:
            return
        store, val = self.store, self.val.isChecked()
        if self.run(lambda: beslut.besvara(store, a, "", votering_begard=True, val=val)):
            select_row(self.roster, 0)

    def _open_vote_person(self) -> RostRad | None:
        if self.vy is None or self.vy.oppen_votering is None:
            self.host.refuse("Ingen votering pågår. Välj ordförandens förslag med V och en siffra.")
            return None
        return self.rost_model.person(max(selected_row(self.roster), 0))

    def vote(self, rost: Rost) -> None:
        person = self._open_vote_person()
        if person is None or self.arende_id is None:
            return
        row = selected_row(self.roster)
        if self._do(beslut.SattRoster(self.arende_id, ((person.person_id, rost),))):
            select_row(self.roster, self._next_unvoted(row))

    def _next_unvoted(self, row: int) -> int:
        model = self.rost_model
        n: int = model.rowCount()
        order: list[int] = [*range(row + 1, n), *range(0, row + 1)]
        for r in order:
            item = model.person(r)
            if item is not None and item.rost is None:
                return r
        return min(row + 1, n - 1)

    def unvote(self) -> None:
        row = selected_row(self.roster)
        current = self.rost_model.person(row) if row > 0 else None
        if current is not None and current.rost is None:
            row -= 1
            select_row(self.roster, row)
        person = self._open_vote_person()
        if person is None or person.rost is None or self.arende_id is None:
            return
        self._do(beslut.SattRoster(self.arende_id, ((person.person_id, None),)))

    def rest(self, rost: Rost) -> None:
        if self._open_vote_person() is None or self.arende_id is None:
            return
        store, a = self.store, self.arende_id
        done = self.run(lambda: beslut.resten(store, a, rost))
        if done is not None:
            self.host.statusBar().showMessage(f"{done.id} röstar {rost.label.lower()}.")

    def swap(self) -> None:
        if self._open_vote_person() is not None and self.arende_id is not None:
            self._do(beslut.BytVoteringsproposition(self.arende_id))

    # --- beslut, flags, texts ---------------------------------------------------------------

    def _beslut(self, rubrik: str | None, att: list[str] | None, done: str = "") -> None:
        if self.arende_id is None:
            return
        action = beslut.SattBeslut(self.arende_id, rubrik, tuple(att) if att is not None else None)
        if self._do(action, done) and self.vy is not None:
            self.att.document().setModified(False)
            self.rubrik.setModified(False)
            self.show_vy(self.vy)

    def save_beslut(self) -> None:
        att = [line for line in self.att.toPlainText().splitlines() if line.strip()]
        self._beslut(self.rubrik.text(), att)

    def reset_beslut(self) -> None:
        self.att.document().setModified(False)
        self._beslut(None, None, "Beslutet återställt till förslaget")

    def _flag(self, name: str, on: bool) -> None:
        if self.arende_id is None:
            return
        self._do(beslut.SattFlaggor(self.arende_id, **{name: on}))

    def _text(self, key: str, text: str | None) -> None:
        if self.arende_id is None:
            return
        self.texts[key].edit.document().setModified(False)
        self._do(beslut.SattText(self.arende_id, key, text))

    def save_text(self, key: str) -> None:
        self._text(key, self.texts[key].edit.toPlainText())

    def reset_text(self, key: str) -> None:
        self._text(key, None)

    # --- reservationer och protokollsanteckningar -----------------------------------------------

    def _person(self) -> PersonRad | None:
        return self.person_model.person(selected_row(self.people))

    def reserve(self, typ: ReservationTyp) -> None:
        person, a = self._person(), self.arende_id
        if person is None or a is None:
            return
        if person.reservation_id is not None:
            if self.reservationer[person.person_id][1] is not typ:
                self._do(beslut.AndraReservation(person.reservation_id, typ, ""))
            return
        store, pid = self.store, person.person_id
        self.run(lambda: beslut.add_reservation(store, a, pid, typ))

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
        self.run(lambda: beslut.add_anteckning(store, a, pid, text))

    def remove_person_item(self) -> None:
        person, store = self._person(), self.store
        if person is None:
            return
        if person.reservation_id is not None:
            rid = person.reservation_id
            self.run(lambda: beslut.remove_reservation(store, rid))
        elif person.anteckning_id is not None:
            nid = person.anteckning_id
            self.run(lambda: beslut.remove_anteckning(store, nid))
