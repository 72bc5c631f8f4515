"""A val § in the session window, keyboard first: the posts to fill, the nominations, how the
val is held, the count per candidate (sluten omröstning) or per valsedelsgrupp (proportionellt
val, 2022:629) with the seats the program computes and explains, and the lottning on a tie.

The § panel shows this in place of yrkanden and propositioner when the service says the §
is a val § (`services.val`). Every key is one service call through the window: it goes on
the undo stack with the `AterstallVal` it returns, and the `ValLage` it returns is shown
without reading again.

Keys: Alt+L (the window) makes the § a val § or goes to it. In the posts: N/Insert new post,
E an entledigande (the uppdrag chosen from the register's), F2/Enter change, Delete remove.
A post's last field names whose place a fyllnadsval fills. Below the count, what the register
will say after justering. In the count: type the number and Enter (next row follows),
N/Insert a nomination or a valsedelsgrupp, Delete remove it, A/S acklamation or sluten
omröstning, Ctrl+1…9 the outcome of a lottning, and in an organ with personliga ersättare P
on an elected ersättare ties them to a ledamot elected in the § (`valpersonlig`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from secretary.domain.val import (
    Entledigande,
    Kandidat,
    Nominering,
    Post,
    Valresultat,
    Valsatt,
    Valsedelsgrupp,
    gruppnamn,
    resultat,
)
from secretary.domain.val_text import (
    beslut_text,
    beslutsgang_text,
    entledigande_skal_text,
    entledigande_text,
    nomineringar_text,
    valresultat_text,
)
from secretary.services import register, val
from secretary.services.andring import Andring
from secretary.services.read.val import ValLage, ValVy
from secretary.ui.session.panels import hint, session_table
from secretary.ui.session.paragraf.valform import (
    EntledigandeForm,
    PairEntry,
    PostForm,
    kandidat,
)
from secretary.ui.session.paragraf.valmodels import (
    BLANKA,
    OGILTIGA,
    PostModel,
    RakningModel,
    RakningRad,
    post_rows,
    rakning_rows,
)
from secretary.ui.session.paragraf.valpersonlig import (
    CHOOSER_HINT,
    PersonligVal,
    erbjudande,
    erbjuds,
)
from secretary.ui.session.paragraf.widgets import NOTE, WARN, label, section
from secretary.ui.table import select_row, selected_row
from secretary.ui.tangenter import i_text

if TYPE_CHECKING:
    from secretary.ui.session.paragraf.panel import ParagrafPanel

POST_HINT = hint(
    ("N", "ny post"),
    ("E", "entledigande"),
    ("F2", "ändra"),
    ("Delete", "ta bort"),
    ("Tab", "räkningen"),
)
COUNT_HINT = hint(
    ("0…9 Enter", "röster"),
    ("N", "nominering"),
    ("S", "sluten omröstning"),
    ("A", "acklamation"),
    ("Delete", "ta bort"),
)
PERSONLIG_HINT = hint(("P", "personlig ersättare (P igen löser)"))
GROUP_HINT = hint(("0…9 Enter", "röster"), ("N", "valsedelsgrupp"), ("Delete", "ta bort"))


class ValPanel(QWidget):
    def __init__(self, panel: ParagrafPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.vy: ValVy | None = None
        self.arende_id: int | None = None
        self.editing: int | None = None  # the post the form changes; None: a new post
        organs = {o.name: o.id for o in register.list_organs(panel.store)}
        self.heading = label(self)
        self.post_model = PostModel(self)
        self.posts = session_table(self.post_model, PostModel.POST, "Poster att välja till", 4)
        self.posts.setMaximumHeight(96)
        self.form = PostForm(organs, self)
        self.form.hide()
        self.entledigande = EntledigandeForm(self)
        self.entledigande.hide()
        self.editing_e: int | None = None  # the entledigande the form changes; None: new
        self.count_title = QLabel(self)
        self.count_title.setStyleSheet("font-size: 11pt; font-weight: bold; color: #1e3a8a;")
        self.count_model = RakningModel(self)
        self.count = session_table(self.count_model, RakningModel.DETALJ, "Räkning", 4)
        self.count.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.count.setMinimumHeight(110)
        self.nominering = PairEntry(
            "Kandidat: Förnamn Efternamn (parti)",
            "Nominerad av (Enter sparar)",
            ("Kandidat", "Nominerad av"),
            self,
        )
        self.grupp = PairEntry(
            "Gruppbeteckning, t.ex. S",
            "Namnen i ordning: Anna Berg, Bo Ek (Enter sparar)",
            ("Gruppbeteckning", "Namn på valsedeln"),
            self,
        )
        self.nominering.hide()
        self.grupp.hide()
        self.personlig = PersonligVal(self)
        self.personlig.hide()
        self.lottning = label(self, WARN)
        self.lottning.hide()
        self.keys = label(self)
        self.text = label(self, "font-size: 10pt; color: #111827;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.register = label(self, NOTE)
        self.register.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(
            section(
                "Val",
                "Alt+L",
                self.heading,
                self.posts,
                self.form,
                self.entledigande,
                parent=self,
            ),
            0,
        )
        lay.addWidget(
            section(
                "Nomineringar och räkning",
                "",
                self.count_title,
                self.keys,
                self.count,
                self.nominering,
                self.grupp,
                self.personlig,
                self.lottning,
                parent=self,
            ),
            1,
        )
        lay.addWidget(section("Valet i protokollet", "", self.text, parent=self), 0)
        lay.addWidget(section("Registret efter justering", "", self.register, parent=self), 0)
        self._connect()
        self._make_actions()

    def _connect(self) -> None:
        self.posts.selectionModel().currentRowChanged.connect(lambda *_: self._show_post())
        self.form.saved.connect(self.save_post)
        self.form.cancelled.connect(self._close_form)
        self.form.message.connect(self.panel.host.refuse)
        self.entledigande.saved.connect(self.save_entledigande)
        self.entledigande.cancelled.connect(self._close_form)
        self.entledigande.message.connect(self.panel.host.refuse)
        self.count_model.counted.connect(self.record_count)
        self.nominering.saved.connect(self.add_nominering)
        self.nominering.cancelled.connect(lambda: self._close_entry(self.nominering))
        self.grupp.saved.connect(self.add_grupp)
        self.grupp.cancelled.connect(lambda: self._close_entry(self.grupp))
        self.personlig.chosen.connect(self.tie)
        self.personlig.cancelled.connect(lambda: self._close_entry(self.personlig))

    def _make_actions(self) -> None:
        act, p, c = self.panel._act, self.posts, self.count
        act(p, "Ny post", ("N", "Insert"), lambda: self.start_post(new=True))
        act(p, "Nytt entledigande", ("E",), lambda: self.start_entledigande(None))
        act(p, "Ändra posten", ("F2", "Return", "Enter"), lambda: self.start_post(new=False))
        act(p, "Ta bort posten", ("Delete",), self.remove_post)
        act(c, "Ny nominering eller valsedelsgrupp", ("N", "Insert"), self.start_entry)
        act(c, "Ta bort ur räkningen", ("Delete",), self.remove_item)
        act(c, "Sluten omröstning", ("S",), lambda: self.set_valsatt(Valsatt.SLUTEN))
        act(c, "Acklamation", ("A",), lambda: self.set_valsatt(Valsatt.ACKLAMATION))
        act(c, "Personlig ersättare", ("P",), self.start_personlig)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for n in range(1, 10):
            act(
                self,
                f"Lottningen utföll: {n}",
                (f"Ctrl+{n}",),
                lambda _=False, n=n: self.lotta(n),
                ctx,
            )

    def hint_for(self, widget: QWidget | None) -> str:
        if widget is self.posts:
            return POST_HINT
        if widget is self.count:
            return self._count_hint()
        if widget is self.personlig.list:
            return CHOOSER_HINT
        if widget is not None and self.entledigande.isAncestorOf(widget):
            return self.entledigande.hint()
        if widget is not None and self.isAncestorOf(widget):
            return self.form.hint()
        return ""

    def _count_hint(self) -> str:
        post, i, vy = self.post(), self.index(), self.vy
        if post is not None and post.valsatt is Valsatt.PROPORTIONELL:
            return GROUP_HINT
        if vy is not None and i is not None and erbjuds(vy, i):
            return f"{COUNT_HINT} &nbsp; {PERSONLIG_HINT}"
        return COUNT_HINT

    # --- showing ---------------------------------------------------------------------------

    def show_val(self, arende_id: int, vy: ValVy) -> None:
        first = arende_id != self.arende_id
        self.arende_id, self.vy = arende_id, vy
        row = max(selected_row(self.posts), 0)
        self.post_model.set_rows(post_rows(vy))
        if first or selected_row(self.posts) < 0:
            row = 0
        if self.post_model.rowCount():
            select_row(self.posts, min(row, self.post_model.rowCount() - 1))
        n = len(vy.data.poster)
        state = "registrerat" if vy.registrerat else ("klart" if vy.klar else "pågår")
        self.heading.setText(
            f"{n} {'post' if n == 1 else 'poster'} · {vy.narvarande} närvarande ledamöter · {state}"
        )
        self.register.setText("<br>".join(vy.register) or "Inga ändringar i registret ännu.")
        self._show_post()

    def index(self) -> int | None:
        row = selected_row(self.posts)
        if self.vy is None or not 0 <= row < len(self.vy.data.poster):
            return None
        return row

    def entledigande_index(self) -> int | None:
        row = selected_row(self.posts)
        if self.vy is None:
            return None
        j = row - len(self.vy.data.poster)
        return j if 0 <= j < len(self.vy.data.entlediganden) else None

    def post(self) -> Post | None:
        i = self.index()
        return self.vy.data.poster[i] if self.vy is not None and i is not None else None

    def _show_post(self) -> None:
        post, i, vy = self.post(), self.index(), self.vy
        j = self.entledigande_index()
        if vy is not None and j is not None:
            e = vy.data.entlediganden[j]
            self.count_title.setText(f"Entledigande: {e.kandidat.label}")
            self.count_model.set_rows([])
            self.lottning.hide()
            self.keys.setText("")
            organ = self.panel.vy.organ if self.panel.vy is not None else ""
            self.text.setText(
                "<br>".join([*entledigande_skal_text(e), entledigande_text(e, organ)])
            )
            return
        if post is None or i is None or vy is None:
            self.count_title.setText("Ingen post – N lägger till en")
            self.count_model.set_rows([])
            self.lottning.hide()
            self.keys.setText("")
            self.text.setText("")
            return
        res = vy.resultat[i]
        proportional = post.valsatt is Valsatt.PROPORTIONELL
        self.count_title.setText(
            f"{post.valsatt.label}: {post.platser} {'plats' if post.platser == 1 else 'platser'}"
            f" som {post.roll.label.lower()} i {post.organ}"
        )
        self.count_model.set_header(
            RakningModel.NAMN, "Valsedelsgrupp" if proportional else "Kandidat"
        )
        self.count_model.set_header(
            RakningModel.DETALJ, "Namn på valsedeln" if proportional else "Nominerad av"
        )
        self.count_model.set_header(
            RakningModel.VALD, "Platser (jämförelsetal)" if proportional else "Vald"
        )
        self.count_model.set_rows(rakning_rows(post, res, vy.personliga[i]))
        self.keys.setText(i_text(self._count_hint()))
        self._show_lottning(post, res)
        organ = self.panel.vy.organ if self.panel.vy is not None else ""
        lines = [*nomineringar_text(post), *beslutsgang_text(post, organ, vy.narvarande)]
        lines += valresultat_text(post)
        lines += [f"<b>{line}</b>" for line in beslut_text(post, organ, vy.personliga[i])]
        lines += [f"<span style='{WARN}'>⚠ {h}</span>" for h in vy.hinder[i]]
        self.text.setText("<br>".join(lines))
        self.text.setStyleSheet(NOTE)

    def _show_lottning(self, post: Post, res: Valresultat) -> None:
        if res.behov is None:
            self.lottning.hide()
            return
        if post.valsatt is Valsatt.PROPORTIONELL:
            names = gruppnamn(post.grupper)
        else:
            names = [n.kandidat.label for n in post.nomineringar]
        choices = " · ".join(
            f"<b>{i_text(f'Ctrl+{n}')}</b> {names[i]}" for n, i in enumerate(res.behov.mellan, 1)
        )
        self.lottning.setText(
            f"Lika om plats {res.behov.plats} – lottning. För in utfallet: {choices}"
        )
        self.lottning.show()

    # --- running ---------------------------------------------------------------------------

    def _run(self, write: Callable[[], Andring]) -> Andring | None:
        return self.panel.run(write)

    def _save(self, post: Post, index: int | None) -> Andring | None:
        a, store = self.arende_id, self.panel.store
        if a is None:
            return None
        return self._run(lambda: val.spara_post(store, a, index, post))

    # --- posts -----------------------------------------------------------------------------

    def _uppdrag(self) -> list[val.Uppdrag]:
        pvy = self.panel.vy
        return val.load_uppdrag(self.panel.store, pvy.meeting_id) if pvy is not None else []

    def start_post(self, *, new: bool) -> None:
        vy = self.vy
        if vy is None:
            return
        j = None if new else self.entledigande_index()
        if j is not None:
            self.start_entledigande(j)
            return
        self.entledigande.hide()
        self.form.start(None if new else self.post(), vy.narvarande, self._uppdrag())
        self.editing = None if new else self.index()

    def start_entledigande(self, index: int | None) -> None:
        vy = self.vy
        if vy is None:
            return
        self.form.hide()
        self.editing_e = index
        e = vy.data.entlediganden[index] if index is not None else None
        self.entledigande.start(self._uppdrag(), e)

    def save_entledigande(self, e: Entledigande) -> None:
        a, store, index = self.arende_id, self.panel.store, self.editing_e
        if a is None:
            return
        if self._run(lambda: val.spara_entledigande(store, a, index, e)) is not None:
            self.entledigande.hide()
            if self.vy is not None:
                at = len(self.vy.data.poster) + (
                    index if index is not None else len(self.vy.data.entlediganden) - 1
                )
                select_row(self.posts, at)
            self.posts.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_post(self, post: Post) -> None:
        index = self.editing
        if self._save(post, index) is not None:
            self.form.hide()
            if index is None and self.vy is not None:
                select_row(self.posts, len(self.vy.data.poster) - 1)
            self._focus_count()
            if not (post.nomineringar or post.grupper):
                self.start_entry()

    def _close_form(self) -> None:
        self.form.hide()
        self.entledigande.hide()
        self.posts.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_post(self) -> None:
        a, i, store = self.arende_id, self.index(), self.panel.store
        j = self.entledigande_index()
        if a is not None and j is not None:
            self._run(lambda: val.ta_bort_entledigande(store, a, j))
        elif a is not None and i is not None:
            self._run(lambda: val.ta_bort_post(store, a, i))

    # --- nominations, groups, counts ----------------------------------------------------------

    def _entry(self) -> PairEntry | None:
        post = self.post()
        if post is None:
            return None
        return self.grupp if post.valsatt is Valsatt.PROPORTIONELL else self.nominering

    def start_entry(self) -> None:
        entry = self._entry()
        if entry is None:
            self.panel.host.refuse("Lägg först till posten att välja till (N i listan Poster).")
            return
        other = self.nominering if entry is self.grupp else self.grupp
        other.hide()
        entry.show()
        entry.clear()

    def _close_entry(self, entry: QWidget) -> None:
        entry.hide()
        self._focus_count()

    def _focus_count(self) -> None:
        """The keyboard to the count, on the votes of its first row."""
        self.count.setFocus(Qt.FocusReason.OtherFocusReason)
        row = 0
        if self.count_model.rowCount():
            self.count.setCurrentIndex(self.count_model.index(row, RakningModel.ROSTER))

    def add_nominering(self, namn: str, av: str) -> None:
        post, i = self.post(), self.index()
        k = kandidat(namn)
        if post is None or i is None or k is None:
            return
        new = replace(post, nomineringar=(*post.nomineringar, Nominering(k, av.strip())))
        if self._save(new, i) is not None:
            self.nominering.clear()

    def add_grupp(self, beteckning: str, namn: str) -> None:
        post, i = self.post(), self.index()
        if post is None or i is None:
            return
        lista = tuple(
            k for k in (kandidat(n, beteckning) for n in namn.split(",")) if k is not None
        )
        if not lista:
            self.panel.host.refuse("Skriv namnen på valsedeln i ordning, skilda med komma.")
            return
        g = Valsedelsgrupp(beteckning.strip(), lista, 0)
        if self._save(replace(post, grupper=(*post.grupper, g)), i) is not None:
            self.grupp.clear()

    def record_count(self, row: RakningRad, number: int) -> None:
        post, i = self.post(), self.index()
        if post is None or i is None:
            return
        at = self.count_model.row_of(self.count_model.key(row))
        if row.slag == BLANKA:
            new = replace(post, blanka=number)
        elif row.slag == OGILTIGA:
            new = replace(post, ogiltiga=number)
        elif row.slag == "grupp":
            grupper = list(post.grupper)
            grupper[row.index] = replace(grupper[row.index], roster=number)
            new = replace(post, grupper=tuple(grupper))
        else:
            roster = list(post.roster) + [0] * (len(post.nomineringar) - len(post.roster))
            roster[row.index] = number
            new = replace(post, roster=tuple(roster))
        if self._save(new, i) is not None:
            nxt = min(at + 1, self.count_model.rowCount() - 1)
            self.count.setCurrentIndex(self.count_model.index(nxt, RakningModel.ROSTER))

    def remove_item(self) -> None:
        post, i = self.post(), self.index()
        row = self.count_model.row_at(selected_row(self.count))
        if post is None or i is None or row is None or row.index < 0:
            return
        j = row.index
        if row.slag == "grupp":
            new = replace(post, grupper=post.grupper[:j] + post.grupper[j + 1 :], lottning={})
        else:
            roster = post.roster[:j] + post.roster[j + 1 :]
            noms = post.nomineringar[:j] + post.nomineringar[j + 1 :]
            new = replace(post, nomineringar=noms, roster=roster, lottning={})
        self._save(new, i)

    def set_valsatt(self, valsatt: Valsatt) -> None:
        post, i = self.post(), self.index()
        if post is None or i is None or post.valsatt is valsatt:
            return
        self._save(replace(post, valsatt=valsatt, lottning={}), i)

    # --- personliga ersättare ---------------------------------------------------------------

    def start_personlig(self) -> None:
        """P on an elected ersättare: choose the ledamot, or untie one already tied."""
        post, i, vy = self.post(), self.index(), self.vy
        if post is None or i is None or vy is None:
            return
        row = self.count_model.row_at(selected_row(self.count))
        chosen = (
            post.nomineringar[row.index].kandidat
            if row is not None and row.slag == "kandidat" and row.index < len(post.nomineringar)
            else None
        )
        offer = erbjudande(vy, i, chosen)
        if isinstance(offer, str):
            self.panel.host.refuse(offer)
        elif offer.nu is not None:
            self.tie(offer.ersattare, None)
        else:
            self.nominering.hide()
            self.personlig.start(offer)

    def tie(self, ersattare: Kandidat, ledamot: Kandidat | None) -> None:
        a, i, store = self.arende_id, self.index(), self.panel.store
        if a is None or i is None:
            return
        at = selected_row(self.count)
        if self._run(lambda: val.satt_personlig(store, a, i, ersattare, ledamot)) is not None:
            self.personlig.hide()
            self.count.setFocus(Qt.FocusReason.OtherFocusReason)
            if 0 <= at < self.count_model.rowCount():
                self.count.setCurrentIndex(self.count_model.index(at, RakningModel.VALD))

    def lotta(self, n: int) -> None:
        post, i, a, store = self.post(), self.index(), self.arende_id, self.panel.store
        if post is None or i is None or a is None:
            return
        behov = resultat(post).behov
        if behov is None or not 1 <= n <= len(behov.mellan):
            self.panel.host.refuse("Ingen lottning väntar med det alternativet.")
            return
        plats, vinnare = behov.plats, behov.mellan[n - 1]
        self._run(lambda: val.lotta(store, a, i, plats, vinnare))


def visa(panel: ParagrafPanel, lage: ValLage) -> bool:
    """Show a val § (True) or hide the val part for an ordinary one (False)."""
    vp: ValPanel = panel.valpanel
    if lage.vy is None:
        vp.hide()
        vp.arende_id = None
        return False
    vp.show_val(lage.arende_id, lage.vy)
    vp.show()
    return True
