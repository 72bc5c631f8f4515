"""Beslutsgång as the protocol writes it, word for word (domain.md, 'Yrkanden and how
decisions are reached'; KL 5 kap. 67 §)."""

from __future__ import annotations

from secretary.domain.beslutsgang import (
    Paragrafbeslut,
    Reservation,
    beslut_att_satser,
    beslutsgang_text,
    brister,
    reservation_forslag,
    reservation_hinder,
    reservation_text,
    utfall,
    yrkanden_text,
)
from secretary.domain.sprak import genitiv, lista
from secretary.domain.votering import Rost, Votering, kontrollera
from secretary.domain.yrkanden import (
    FORSLAG,
    IDAG,
    Fraga,
    FragaTyp,
    Person,
    StegResultat,
    Yrkande,
    YrkandeTyp,
    foreslagen_ordning,
    nyckel,
    ordningsvarningar,
)

SANDBERG = Person(1, "Philip Sandberg", "L")
ALMGREN = Person(2, "Anders Almgren", "S")
SMITH = Person(3, "Karin Svensson Smith", "MP")
HED = Person(4, "Börje Hed", "FNL")
LJUNG = Person(5, "Fredrik Ljunghill", "M")
EK = Person(6, "Maria Ek", "S")
STRAUSS = Person(7, "Hans Strauss", "SD")
SERVING = list(range(1, 14))  # 13 serving; 1 is the chair
FORSLAG_ATT = ("att tillsätta en projektgrupp", "att ansöka om förberedelseprojekt")
KS = "kommunstyrelsen"
T = YrkandeTyp


def pb(*yrkanden: Yrkande, **kw: object) -> Paragrafbeslut:
    ordning = tuple(kw.pop("ordning", foreslagen_ordning(yrkanden)))  # type: ignore[arg-type]
    return Paragrafbeslut(
        "förvaltningens förslag",
        FORSLAG_ATT,
        tuple(yrkanden),
        ordning,
        **kw,  # type: ignore[arg-type]
    )


def votes(ja: int, nej: int, avstar: int) -> dict[int, Rost]:
    order = [Rost.JA] * ja + [Rost.NEJ] * nej + [Rost.AVSTAR] * avstar
    return dict(zip(SERVING, order, strict=True))


def test_genitive_of_names() -> None:
    assert genitiv("Almgren") == "Almgrens"
    assert genitiv("Hans") == "Hans"
    assert genitiv("Strauss") == "Strauss"
    assert genitiv("Marx") == "Marx"
    assert ALMGREN.genitiv == "Anders Almgrens (S)"
    assert lista(["A", "B", "C"]) == "A, B och C"


def test_one_proposal_is_asked_as_a_yes_question() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG, (SMITH,)),
        resultat={0: (StegResultat(FORSLAG),)},
    )
    assert yrkanden_text(b) == [
        "Philip Sandberg (L) med instämmande av Karin Svensson Smith (MP) yrkar bifall till "
        "förvaltningens förslag."
    ]
    assert beslutsgang_text(b, KS) == [
        "Ordföranden frågar om kommunstyrelsen kan bifalla förvaltningens förslag och finner "
        "frågan med ja besvarad."
    ]
    assert beslut_att_satser(b, utfall(b)) == list(FORSLAG_ATT)
    assert brister(b, set(SERVING), FORSLAG_ATT) == []


def test_two_proposals_with_votering_as_the_issue_words_it() -> None:
    v = Votering(FORSLAG, nyckel(2), votes(7, 5, 1))
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    assert yrkanden_text(b) == [
        "Philip Sandberg (L) yrkar bifall till förvaltningens förslag.",
        "Anders Almgren (S) yrkar avslag på förvaltningens förslag.",
    ]
    assert beslutsgang_text(b, KS) == [
        "Ordföranden ställer proposition på förvaltningens förslag mot Anders Almgrens (S) "
        "avslagsyrkande och finner att kommunstyrelsen beslutar enligt förvaltningens förslag. "
        "Votering begärs. Följande voteringsproposition godkänns: Ja-röst för bifall till "
        "förvaltningens förslag, Nej-röst för bifall till Anders Almgrens (S) avslagsyrkande. "
        "Med 7 ja-röster mot 5 nej-röster, 1 avstår, beslutar kommunstyrelsen enligt "
        "förvaltningens förslag."
    ]
    assert brister(b, set(SERVING), FORSLAG_ATT) == []


def test_three_proposals_the_chair_finds_one_by_acklamation() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.ANDRING, ALMGREN, text="att första att-satsen stryks"),
        Yrkande(3, T.EGET, SMITH, text="att uppdra åt kommunkontoret att utreda frågan"),
        resultat={0: (StegResultat(nyckel(3)),)},
    )
    assert beslutsgang_text(b, KS) == [
        "Ordföranden ställer proposition på förvaltningens förslag, Anders Almgrens (S) "
        "ändringsyrkande och Karin Svensson Smiths (MP) yrkande och finner att "
        "kommunstyrelsen beslutar enligt Karin Svensson Smiths (MP) yrkande."
    ]
    assert beslut_att_satser(b, utfall(b)) == ["att uppdra åt kommunkontoret att utreda frågan"]
    assert yrkanden_text(b)[2] == (
        "Karin Svensson Smith (MP) yrkar att uppdra åt kommunkontoret att utreda frågan."
    )


def test_three_proposals_kontrapropositionsvotering_then_huvudvotering() -> None:
    """Two voteringar in one §: the motförslag by votering, then huvudförslag against it."""
    kontra = Votering(nyckel(3), nyckel(2), votes(4, 3, 6))
    huvud = Votering(FORSLAG, nyckel(3), votes(8, 5, 0))
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        Yrkande(3, T.ANDRING, SMITH, text="att andra att-satsen ska lyda: att ansöka 2027"),
        resultat={
            0: (
                StegResultat(FORSLAG, votering_begard=True),
                StegResultat(nyckel(3), votering_begard=True, votering=kontra),
                StegResultat(FORSLAG, votering=huvud),
            )
        },
    )
    u = utfall(b)
    assert u.avgjort and u.vinnare(FragaTyp.HUVUD) == FORSLAG
    assert len(u.voteringar) == 2
    assert beslutsgang_text(b, KS) == [
        "Ordföranden ställer proposition på förvaltningens förslag, Anders Almgrens (S) "
        "avslagsyrkande och Karin Svensson Smiths (MP) ändringsyrkande och finner att "
        "kommunstyrelsen beslutar enligt förvaltningens förslag. "
        "Votering begärs. "
        "Till motförslag i huvudvoteringen ställer ordföranden proposition på Anders Almgrens "
        "(S) avslagsyrkande mot Karin Svensson Smiths (MP) ändringsyrkande och finner att "
        "kommunstyrelsen utser Karin Svensson Smiths (MP) ändringsyrkande till motförslag. "
        "Votering begärs. Följande voteringsproposition godkänns i "
        "kontrapropositionsvoteringen: Ja-röst för bifall till Karin Svensson Smiths (MP) "
        "ändringsyrkande, Nej-röst för bifall till Anders Almgrens (S) avslagsyrkande. "
        "Med 4 ja-röster mot 3 nej-röster, 6 avstår, utser kommunstyrelsen Karin Svensson "
        "Smiths (MP) ändringsyrkande till motförslag. "
        "Följande voteringsproposition godkänns i huvudvoteringen: Ja-röst för bifall till "
        "förvaltningens förslag, Nej-röst för bifall till Karin Svensson Smiths (MP) "
        "ändringsyrkande. Med 8 ja-röster mot 5 nej-röster beslutar kommunstyrelsen enligt "
        "förvaltningens förslag."
    ]


def test_four_proposals_the_motforslag_found_among_three() -> None:
    huvud = Votering(FORSLAG, nyckel(3), votes(8, 5, 0))
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        Yrkande(3, T.ANDRING, SMITH, text="att andra att-satsen ska lyda: att ansöka 2027"),
        Yrkande(4, T.EGET, HED, text="att lägga ärendet till handlingarna"),
        resultat={
            0: (
                StegResultat(FORSLAG, votering_begard=True),
                StegResultat(nyckel(3)),
                StegResultat(FORSLAG, votering=huvud),
            )
        },
    )
    assert beslutsgang_text(b, KS) == [
        "Ordföranden ställer proposition på förvaltningens förslag, Anders Almgrens (S) "
        "avslagsyrkande, Karin Svensson Smiths (MP) ändringsyrkande och Börje Heds (FNL) "
        "yrkande och finner att kommunstyrelsen beslutar enligt förvaltningens förslag. "
        "Votering begärs. "
        "Till motförslag i huvudvoteringen ställer ordföranden proposition på Anders Almgrens "
        "(S) avslagsyrkande, Karin Svensson Smiths (MP) ändringsyrkande och Börje Heds (FNL) "
        "yrkande och finner att kommunstyrelsen utser Karin Svensson Smiths (MP) "
        "ändringsyrkande till motförslag. "
        "Följande voteringsproposition godkänns i huvudvoteringen: Ja-röst för bifall till "
        "förvaltningens förslag, Nej-röst för bifall till Karin Svensson Smiths (MP) "
        "ändringsyrkande. Med 8 ja-röster mot 5 nej-röster beslutar kommunstyrelsen enligt "
        "förvaltningens förslag."
    ]


def test_a_votering_on_the_motforslag_among_three_is_its_own_kontravotering() -> None:
    kontra = Votering(nyckel(3), nyckel(2), votes(5, 4, 4))
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        Yrkande(3, T.ANDRING, SMITH, text="att ansöka 2027"),
        Yrkande(4, T.EGET, HED, text="att lägga ärendet till handlingarna"),
        resultat={
            0: (
                StegResultat(FORSLAG, votering_begard=True),
                StegResultat(nyckel(3), votering_begard=True),  # among 2, 3, 4: votering
                StegResultat(nyckel(2)),  # the rest, 2 against 4: the chair finds 2
                StegResultat(nyckel(3), votering=kontra),  # 3 against 2 by votering
            )
        },
    )
    text = beslutsgang_text(b, KS)[0]
    assert (
        "Följande voteringsproposition godkänns i kontrapropositionsvoteringen: Ja-röst för "
        "bifall till Karin Svensson Smiths (MP) ändringsyrkande, Nej-röst för bifall till "
        "Anders Almgrens (S) avslagsyrkande. Med 5 ja-röster mot 4 nej-röster, 4 avstår, utser "
        "kommunstyrelsen Karin Svensson Smiths (MP) ändringsyrkande till motförslag."
    ) in text
    nasta = utfall(b).nasta()
    assert nasta is not None and nasta[1].steg.alternativ == (FORSLAG, nyckel(3))


def test_a_step_still_to_record_is_named_and_blocks_closing() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        Yrkande(3, T.EGET, HED, text="att avslå"),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True),)},
    )
    nasta = utfall(b).nasta()
    assert nasta is not None and nasta[1].steg.alternativ == (nyckel(2), nyckel(3))
    assert "Beslutsgången är inte avslutad" in " ".join(brister(b, set(SERVING)))


def test_aterremiss_is_decided_first_and_on_its_own() -> None:
    y = Yrkande(2, T.ATERREMISS, ALMGREN, text="för att utreda kostnaderna")
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        y,
        ordning_godkand=True,
        resultat={0: (StegResultat(IDAG),), 1: (StegResultat(FORSLAG),)},
    )
    assert [f.typ for f in b.ordning] == [FragaTyp.FORMELL, FragaTyp.HUVUD]
    assert yrkanden_text(b)[1] == (
        "Anders Almgren (S) yrkar att ärendet ska återremitteras för att utreda kostnaderna."
    )
    assert beslutsgang_text(b, KS) == [
        "Ordföranden föreslår följande propositionsordning, som kommunstyrelsen godkänner: "
        "proposition ställs först på Anders Almgrens (S) återremissyrkande och därefter på "
        "huvudfrågan.",
        "Ordföranden frågar om ärendet ska avgöras idag eller återremitteras och finner att "
        "kommunstyrelsen beslutar att ärendet ska avgöras idag.",
        "Ordföranden frågar om kommunstyrelsen kan bifalla förvaltningens förslag och finner "
        "frågan med ja besvarad.",
    ]


def test_an_aterremiss_that_wins_ends_the_arende_there() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.ATERREMISS, ALMGREN, text="för att utreda kostnaderna"),
        ordning_godkand=True,
        resultat={0: (StegResultat(nyckel(2)),)},
    )
    u = utfall(b)
    assert u.avslutad_av is not None and u.avgjort
    assert beslut_att_satser(b, u) == ["att återremittera ärendet för att utreda kostnaderna"]
    assert brister(b, set(SERVING), ["att återremittera ärendet"]) == []


def test_a_tillaggsyrkande_is_put_last_as_bifall_or_avslag() -> None:
    text = "att inför det fortsatta arbetet inhämta synpunkter från Representationskommittén"
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG, (SMITH,)),
        Yrkande(2, T.TILLAGG, ALMGREN, (SMITH,), text=text),
        ordning_godkand=True,
        resultat={0: (StegResultat(FORSLAG),), 1: (StegResultat(nyckel(2)),)},
    )
    assert yrkanden_text(b)[1] == (
        "Anders Almgren (S) med instämmande av Karin Svensson Smith (MP) yrkar som tillägg att "
        "inför det fortsatta arbetet inhämta synpunkter från Representationskommittén."
    )
    assert beslutsgang_text(b, "arbetsutskottet")[2] == (
        "Ordföranden ställer proposition på bifall mot avslag till Anders Almgrens (S) "
        "tilläggsyrkande och finner att arbetsutskottet beslutar att bifalla Anders Almgrens "
        "(S) tilläggsyrkande."
    )
    assert beslut_att_satser(b, utfall(b)) == [*FORSLAG_ATT, text]


def test_the_reference_protocols_samlad_question() -> None:
    """§ 354 of the reference: 'frågar om arbetsutskottet kan bifalla yrkandena'."""
    text = "att inför det fortsatta arbetet inhämta synpunkter från Representationskommittén"
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG, (SMITH,)),
        Yrkande(2, T.TILLAGG, ALMGREN, (SMITH,), text=text),
        ordning=[Fraga(FragaTyp.SAMLAD)],
        resultat={0: (StegResultat(FORSLAG),)},
    )
    assert beslutsgang_text(b, "arbetsutskottet") == [
        "Ordföranden frågar om arbetsutskottet kan bifalla yrkandena och finner frågan med ja "
        "besvarad."
    ]
    assert beslut_att_satser(b, utfall(b)) == [*FORSLAG_ATT, text]
    assert brister(b, set(SERVING), FORSLAG_ATT) == []


def test_a_tie_in_an_ordinary_matter_is_settled_by_the_chairs_casting_vote() -> None:
    roster = votes(6, 6, 1)  # person 1, the chair, voted Ja
    unsettled = Votering(FORSLAG, nyckel(2), roster)
    assert unsettled.vinnare is None
    assert kontrollera(unsettled, SERVING, 1) == [
        "Lika röstetal: ange hur ordföranden lade sin utslagsröst."
    ]
    wrong = Votering(FORSLAG, nyckel(2), roster, utslag=nyckel(2))
    assert kontrollera(wrong, SERVING, 1) == [
        "Ordförandens utslagsröst följer hur ordföranden själv röstade."
    ]
    v = Votering(FORSLAG, nyckel(2), roster, utslag=FORSLAG)
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    assert beslutsgang_text(b, KS)[0].endswith(
        "Med 6 ja-röster mot 6 nej-röster, 1 avstår, och ordförandens utslagsröst beslutar "
        "kommunstyrelsen enligt förvaltningens förslag."
    )


def test_a_tie_in_a_val_is_settled_by_lottning() -> None:
    v = Votering(FORSLAG, nyckel(2), votes(6, 6, 1), val=True, lottning=nyckel(2))
    assert kontrollera(Votering(FORSLAG, nyckel(2), votes(6, 6, 1), val=True), SERVING, 1) == [
        "Lika röstetal i ett val: ange hur lottningen utföll."
    ]
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.EGET, STRAUSS, text="att välja Lisa Berg (SD) till ombud"),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    assert beslutsgang_text(b, KS)[0].endswith(
        "Röstetalet blir lika, 6 ja-röster mot 6 nej-röster, 1 avstår. Lottning förrättas och "
        "utfaller till förmån för Hans Strauss (SD) yrkande; kommunstyrelsen beslutar därmed "
        "enligt Hans Strauss (SD) yrkande."
    )
    assert beslut_att_satser(b, utfall(b)) == ["att välja Lisa Berg (SD) till ombud"]


def test_withdrawn_yrkanden_are_not_put_to_decision_or_written() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN, aterkallat=True),
        Yrkande(3, T.TILLAGG, SMITH, text="att återkomma", aterkallat=True),
        resultat={0: (StegResultat(FORSLAG),)},
    )
    assert [f.typ for f in b.ordning] == [FragaTyp.HUVUD]
    assert yrkanden_text(b) == ["Philip Sandberg (L) yrkar bifall till förvaltningens förslag."]
    assert beslutsgang_text(b, KS) == [
        "Ordföranden frågar om kommunstyrelsen kan bifalla förvaltningens förslag och finner "
        "frågan med ja besvarad."
    ]


def test_a_reservation_is_refused_to_someone_who_abstained() -> None:
    roster = votes(7, 5, 1)  # ids 1–7 Ja, 8–12 Nej, 13 avstår
    v = Votering(FORSLAG, nyckel(2), roster)
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    abstainer = Person(13, "Börje Hed", "FNL")
    assert reservation_hinder(b, abstainer, set(SERVING)) == (
        "Börje Hed (FNL) avstod från att rösta och kan därför inte reservera sig."
    )
    outsider = Person(99, "Inga Eriksson", "C")
    assert reservation_hinder(b, outsider, set(SERVING)) == (
        "Inga Eriksson (C) deltog inte i beslutet och kan inte reservera sig."
    )
    offered = reservation_forslag(b, set(SERVING))
    assert offered == {2, 8, 9, 10, 11, 12}  # his avslag lost; 8–12 voted Nej
    with_res = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat=b.resultat,
        reservationer=(Reservation(abstainer),),
    )
    assert "Börje Hed (FNL) avstod från att rösta" in " ".join(brister(with_res, set(SERVING)))


def test_reservation_text_names_a_whole_party_group() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        Yrkande(3, T.AVSLAG, EK),
        resultat={0: (StegResultat(FORSLAG),)},
        reservationer=(Reservation(ALMGREN), Reservation(EK)),
    )
    assert reservation_forslag(b, set(SERVING)) == {2, 6}
    assert reservation_text(b, {"S": {2, 6}}) == [
        "Ledamöterna för (S) reserverar sig mot beslutet till förmån för eget yrkande."
    ]
    assert reservation_text(b, {"S": {2, 6, 8}}) == [
        "Anders Almgren (S) och Maria Ek (S) reserverar sig mot beslutet till förmån för eget "
        "yrkande."
    ]


def test_who_only_instamde_reserves_for_the_yrkande_named_not_an_own_one() -> None:
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN, (EK,)),
        resultat={0: (StegResultat(FORSLAG),)},
        reservationer=(Reservation(ALMGREN), Reservation(EK)),
    )
    expected = [
        "Anders Almgren (S) och Maria Ek (S) reserverar sig mot beslutet till förmån för "
        "Anders Almgrens (S) avslagsyrkande."
    ]
    assert reservation_text(b, {"S": {2, 6}}) == expected  # not "Ledamöterna för (S) … eget"
    alone = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN, (EK,)),
        resultat={0: (StegResultat(FORSLAG),)},
        reservationer=(Reservation(EK),),
    )
    assert reservation_text(alone) == [
        "Maria Ek (S) reserverar sig mot beslutet till förmån för Anders Almgrens (S) "
        "avslagsyrkande."
    ]
    supported = pb(
        Yrkande(1, T.ANDRING, SMITH, text="att projektet startar 2027"),
        Yrkande(2, T.BIFALL, HED, stodjer=1),
        resultat={0: (StegResultat(FORSLAG),)},
        reservationer=(Reservation(SMITH), Reservation(HED)),
    )
    assert reservation_text(supported) == [
        "Karin Svensson Smith (MP) och Börje Hed (FNL) reserverar sig mot beslutet till förmån "
        "för Karin Svensson Smiths (MP) ändringsyrkande."
    ]


def test_a_vote_whose_totals_do_not_match_those_serving_is_a_brist() -> None:
    v = Votering(FORSLAG, nyckel(2), dict(list(votes(7, 5, 1).items())[:12]))
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    assert "Votering 1: 1 av 13 tjänstgörande har inte röstat." in brister(b, set(SERVING))


def test_a_reordered_propositionsordning_warns_where_it_leaves_the_legal_order() -> None:
    ys = (
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.TILLAGG, ALMGREN, text="att återkomma"),
        Yrkande(3, T.ATERREMISS, SMITH),
    )
    legal = foreslagen_ordning(ys)
    assert [f.typ for f in legal] == [FragaTyp.FORMELL, FragaTyp.HUVUD, FragaTyp.TILLAGG]
    assert ordningsvarningar(legal, ys) == []
    assert ordningsvarningar(list(reversed(legal)), ys) == [
        "Formella yrkanden (återremiss, bordläggning) ska avgöras först.",
        "Tilläggsyrkanden ska avgöras efter huvudfrågan.",
    ]


def test_a_vote_in_the_kontrapropositionsvotering_is_not_a_vote_against_the_beslut() -> None:
    kontra = Votering(nyckel(3), nyckel(2), {1: Rost.JA, 2: Rost.NEJ, 3: Rost.JA})
    huvud = Votering(FORSLAG, nyckel(3), {1: Rost.JA, 2: Rost.JA, 3: Rost.NEJ})
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        Yrkande(3, T.ANDRING, SMITH, text="att ansöka 2027"),
        resultat={
            0: (
                StegResultat(FORSLAG, votering_begard=True),
                StegResultat(nyckel(3), votering_begard=True, votering=kontra),
                StegResultat(FORSLAG, votering=huvud),
            )
        },
    )
    # Sandberg voted with the winner throughout; Almgren's avslag lost; Smith voted Nej.
    assert reservation_forslag(b, {1, 2, 3}) == {2, 3}


def test_an_unfinished_roll_call_decides_nothing_yet() -> None:
    v = Votering(FORSLAG, nyckel(2), {1: Rost.JA, 2: Rost.JA}, rostberattigade=3)
    assert v.vinnare is None
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    assert not utfall(b).avgjort and utfall(b).nasta() is not None


def test_a_roll_call_in_progress_reports_no_count_yet() -> None:
    v = Votering(FORSLAG, nyckel(2), {5: Rost.NEJ}, rostberattigade=7)
    b = pb(
        Yrkande(1, T.BIFALL, SANDBERG),
        Yrkande(2, T.AVSLAG, ALMGREN),
        resultat={0: (StegResultat(FORSLAG, votering_begard=True, votering=v),)},
    )
    assert beslutsgang_text(b, KS)[0].endswith(
        "Nej-röst för bifall till Anders Almgrens (S) avslagsyrkande. Omröstning pågår."
    )
