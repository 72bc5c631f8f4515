"""The words of a val § per kind, word for word (what Swedish protocols print)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from secretary.domain.register import Roll
from secretary.domain.val import (
    Entledigande,
    Kandidat,
    Nominering,
    Personlig,
    Post,
    Valsatt,
    Valsedelsgrupp,
    personliga_ersattare,
    resultat,
)
from secretary.domain.val_text import (
    beslut_text,
    beslutsgang_text,
    entledigande_skal_text,
    entledigande_text,
    nomineringar_text,
    tal,
    valresultat_text,
)

D = dt.date
KF = "kommunfullmäktige"


def k(name: str, party: str) -> Kandidat:
    first, _, last = name.partition(" ")
    return Kandidat(first, last, party)


ANNA, BO, CILLA = k("Anna Berg", "S"), k("Bo Dahl", "M"), k("Cilla Ek", "V")


def test_acklamation() -> None:
    post = Post(
        "socialnämnden",
        Roll.LEDAMOT,
        2,
        D(2027, 1, 1),
        D(2030, 12, 31),
        nomineringar=(Nominering(ANNA, "Valberedningen"), Nominering(BO, "Valberedningen")),
    )
    assert nomineringar_text(post) == [
        "Valberedningen nominerar Anna Berg (S) och Bo Dahl (M) till ledamöter i socialnämnden."
    ]
    assert beslutsgang_text(post, KF, 61) == [
        "Ordföranden frågar om kommunfullmäktige kan välja enligt nomineringen och finner "
        "frågan med ja besvarad."
    ]
    assert beslut_text(post, KF) == [
        "Kommunfullmäktige väljer Anna Berg (S) och Bo Dahl (M) till ledamöter i "
        "socialnämnden för tiden 2027-01-01–2030-12-31."
    ]


def test_acklamation_one_ledamot_and_ersattare_in_named_order() -> None:
    one = Post(
        "valnämnden",
        Roll.LEDAMOT,
        1,
        D(2027, 1, 1),
        D(2030, 12, 31),
        nomineringar=(Nominering(ANNA),),
    )
    assert beslut_text(one, KF) == [
        "Kommunfullmäktige väljer Anna Berg (S) till ledamot i valnämnden för tiden "
        "2027-01-01–2030-12-31."
    ]
    ers = Post(
        "valnämnden",
        Roll.ERSATTARE,
        3,
        D(2027, 1, 1),
        D(2030, 12, 31),
        nomineringar=(Nominering(ANNA), Nominering(BO), Nominering(CILLA)),
    )
    assert beslut_text(ers, KF) == [
        "Kommunfullmäktige väljer Anna Berg (S), Bo Dahl (M) och Cilla Ek (V), i nu nämnd "
        "ordning, till ersättare i valnämnden för tiden 2027-01-01–2030-12-31."
    ]


def test_sluten_with_blank_invalid_and_a_lottning() -> None:
    post = Post(
        "valnämnden",
        Roll.LEDAMOT,
        1,
        D(2027, 1, 1),
        D(2030, 12, 31),
        valsatt=Valsatt.SLUTEN,
        nomineringar=(Nominering(ANNA, "Per Ås (S)"), Nominering(BO, "Lena Ny (M)")),
        roster=(28, 28),
        blanka=4,
        ogiltiga=1,
        lottning={1: 1},
    )
    assert nomineringar_text(post) == [
        "Per Ås (S) nominerar Anna Berg (S) till ledamot i valnämnden.",
        "Lena Ny (M) nominerar Bo Dahl (M) till ledamot i valnämnden.",
    ]
    assert beslutsgang_text(post, KF, 61) == [
        "Sluten omröstning begärs. Valet förrättas med slutna valsedlar.",
        "Rösterna fördelar sig så: Anna Berg (S) 28 röster och Bo Dahl (M) 28 röster.",
        "Därtill lämnas 4 blanka röstsedlar och 1 ogiltig röstsedel, som inte räknas.",
        "Anna Berg (S) och Bo Dahl (M) har fått lika många röster. Lottning förrättas och "
        "utfaller till förmån för Bo Dahl (M).",
    ]
    assert beslut_text(post, KF) == [
        "Kommunfullmäktige väljer Bo Dahl (M) till ledamot i valnämnden för tiden "
        "2027-01-01–2030-12-31."
    ]


def test_sluten_awaiting_its_lottning_decides_nothing_yet() -> None:
    post = Post(
        "valnämnden",
        Roll.LEDAMOT,
        1,
        valsatt=Valsatt.SLUTEN,
        nomineringar=(Nominering(ANNA), Nominering(BO)),
        roster=(28, 28),
    )
    assert beslutsgang_text(post, KF, 61)[-1] == (
        "Anna Berg (S) och Bo Dahl (M) har fått lika många röster. Lottning ska förrättas."
    )
    assert beslut_text(post, KF) == []


def _grupp(party: str, names: list[str], roster: int) -> Valsedelsgrupp:
    return Valsedelsgrupp(party, tuple(k(n, party) for n in names), roster)


def test_proportionell_with_jamforelsetal_each_seat_and_a_lottning() -> None:
    post = Post(
        "socialnämnden",
        Roll.LEDAMOT,
        3,
        D(2027, 1, 1),
        D(2030, 12, 31),
        valsatt=Valsatt.PROPORTIONELL,
        begarande=12,
        grupper=(
            _grupp("S", ["Anna Berg", "Sven Al"], 30),
            _grupp("M", ["Bo Dahl", "Maja Gran"], 15),
            _grupp("V", ["Cilla Ek"], 15),
        ),
        blanka=1,
        lottning={2: 2},
    )
    assert beslutsgang_text(post, KF, 61) == [
        "12 ledamöter begär proportionellt val. Enligt 2 § lagen (2022:629) om proportionella "
        "val i kommuner och regioner krävs att minst 16 av de 61 närvarande ledamöterna "
        "begär det.",
        "Valet förrättas proportionellt med slutna valsedlar.",
    ]
    assert valresultat_text(post)[:5] == [
        "Valsedelsgrupp S (Anna Berg (S), Sven Al (S)): 30 röster.",
        "Valsedelsgrupp M (Bo Dahl (M), Maja Gran (M)): 15 röster.",
        "Valsedelsgrupp V (Cilla Ek (V)): 15 röster.",
        "Därtill lämnas 1 blank valsedel, som inte räknas.",
        "Plats 1: S, jämförelsetal 30: Anna Berg (S).",
    ]
    # Seat 3 is a new tie (S 30/2 = 15 against M 15): the text asks for that lottning.
    assert valresultat_text(post)[5:] == [
        "Plats 2: S, M och V har samma jämförelsetal 15. Lottning förrättas och utfaller till "
        "förmån för V: Cilla Ek (V).",
        "Plats 3: S och M har samma jämförelsetal. Lottning ska förrättas.",
    ]
    assert beslut_text(post, KF) == []
    done = replace(post, lottning={2: 2, 3: 0})
    assert valresultat_text(done)[-1] == (
        "Plats 3: S och M har samma jämförelsetal 15. Lottning förrättas och utfaller till "
        "förmån för S: Sven Al (S)."
    )
    assert beslut_text(done, KF) == [
        "Kommunfullmäktige väljer Anna Berg (S), Cilla Ek (V) och Sven Al (S) till ledamöter "
        "i socialnämnden för tiden 2027-01-01–2030-12-31."
    ]


def test_proportionell_ersattare_with_their_call_in_order() -> None:
    post = Post(
        "socialnämnden",
        Roll.ERSATTARE,
        3,
        D(2027, 1, 1),
        D(2030, 12, 31),
        valsatt=Valsatt.PROPORTIONELL,
        begarande=16,
        grupper=(_grupp("S", ["Anna Berg", "Sven Al"], 30), _grupp("M", ["Bo Dahl"], 20)),
    )
    assert beslut_text(post, KF) == [
        "Kommunfullmäktige väljer Anna Berg (S), Sven Al (S) och Bo Dahl (M) till ersättare i "
        "socialnämnden för tiden 2027-01-01–2030-12-31.",
        "Ersättarna kallas in i ordningen på sin valsedelsgrupps lista: för S 1. Anna Berg (S), "
        "2. Sven Al (S); för M 1. Bo Dahl (M).",
    ]


def test_fyllnadsval_and_entledigande() -> None:
    karin = k("Karin Ek", "M")
    post = Post(
        "socialnämnden",
        Roll.LEDAMOT,
        1,
        D(2027, 3, 15),
        D(2030, 12, 31),
        efter=karin,
        nomineringar=(Nominering(k("Lars Holm", "M"), "Valberedningen"),),
    )
    assert nomineringar_text(post) == [
        "Valberedningen nominerar Lars Holm (M) till ny ledamot i socialnämnden efter Karin Ek (M)."
    ]
    assert beslut_text(post, KF) == [
        "Kommunfullmäktige väljer Lars Holm (M) till ny ledamot i socialnämnden efter "
        "Karin Ek (M) för tiden 2027-03-15–2030-12-31."
    ]
    e = Entledigande(karin, "socialnämnden", Roll.LEDAMOT, D(2027, 3, 15))
    assert entledigande_text(e, KF) == (
        "Kommunfullmäktige entledigar Karin Ek (M) från uppdraget som ledamot i socialnämnden "
        "från och med 2027-03-15."
    )
    assert entledigande_skal_text(e) == []  # no reason given, none printed
    assert entledigande_skal_text(replace(e, skal="Flyttar från kommunen.")) == [
        "Skäl till entledigandet av Karin Ek (M): Flyttar från kommunen."
    ]


def test_personliga_ersattare_named_with_their_ledamot() -> None:
    """An organ with personliga ersättare: each elected ersättare is named with the ledamot
    they replace, as decided; one not tied is elected plain 'ersättare'."""
    post = Post(
        "socialnämnden",
        Roll.ERSATTARE,
        3,
        D(2027, 1, 1),
        D(2030, 12, 31),
        nomineringar=(
            Nominering(CILLA),
            Nominering(k("Dan Fors", "M")),
            Nominering(k("Eva Gran", "S")),
        ),
        personliga=((CILLA, ANNA), (k("Dan Fors", "M"), BO)),
    )
    pairs = personliga_ersattare(post, resultat(post))
    assert pairs == (
        Personlig(CILLA, ANNA),
        Personlig(k("Dan Fors", "M"), BO),
        Personlig(k("Eva Gran", "S"), None),
    )
    assert beslut_text(post, KF, pairs) == [
        "Kommunfullmäktige väljer Cilla Ek (V) till personlig ersättare för Anna Berg (S), "
        "Dan Fors (M) till personlig ersättare för Bo Dahl (M) och Eva Gran (S) till ersättare "
        "i socialnämnden för tiden 2027-01-01–2030-12-31."
    ]
    fyllnad = replace(post, platser=1, efter=k("Sven Al", "V"), nomineringar=post.nomineringar[:1])
    assert beslut_text(fyllnad, KF, personliga_ersattare(fyllnad, resultat(fyllnad))) == [
        "Kommunfullmäktige väljer Cilla Ek (V) till ny personlig ersättare för Anna Berg (S) i "
        "socialnämnden efter Sven Al (V) för tiden 2027-01-01–2030-12-31."
    ]


def test_jamforelsetal_print_as_protocols_do() -> None:
    from fractions import Fraction

    assert tal(Fraction(24)) == "24"
    assert tal(Fraction(25, 2)) == "12,5"
    assert tal(Fraction(25, 3)) == "8,33"
