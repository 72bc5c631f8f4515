"""The register: organs, members and their places, as the secretary edits them."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.services import register
from secretary.services.errors import ServiceError
from secretary.store.database import Store, open_store
from tests import builders


def test_a_member_added_is_there_after_the_program_is_restarted(
    store: Store, db_path: Path
) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Anders Almqvist", "S", funktion=Funktion.ANDRE_VICE)
    store.close()
    reopened = open_store(db_path)
    try:
        (row,) = register.list_members(reopened, organ_id)
        assert row.label == "Anders Almqvist (S)"
        assert row.funktion.label == "2:e vice ordförande"
    finally:
        reopened.close()


def test_an_organ_has_one_ordforande(store: Store) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Petra Sandström", "L", funktion=Funktion.ORDFORANDE)
    with pytest.raises(ServiceError, match="Petra Sandström är redan ordförande"):
        builders.member(store, organ_id, "Johan Berg", "M", funktion=Funktion.ORDFORANDE)


def test_only_a_ledamot_holds_a_presidium_post(store: Store) -> None:
    organ_id = builders.organ(store)
    with pytest.raises(ServiceError, match="Endast en ledamot kan vara ordförande"):
        builders.member(
            store, organ_id, "Fanny Jönsson", roll=Roll.ERSATTARE, funktion=Funktion.ORDFORANDE
        )


def test_a_personlig_ersattare_belongs_to_a_ledamot_of_the_same_organ(store: Store) -> None:
    organ_id = builders.organ(store)
    other = builders.organ(store, "Byggnadsnämnden")
    foreign = builders.member(store, other, "Lars Nyberg", "S")
    ledamot = builders.member(store, organ_id, "Maria Ek", "S")
    row = register.add_member(
        store,
        organ_id,
        register.MemberInput(
            "Fanny",
            "Jönsson",
            Roll.ERSATTARE,
            "S",
            personlig_ersattare_for_id=ledamot.membership_id,
        ),
    )
    assert row.personlig_ersattare_for == "Maria Ek (S)"
    with pytest.raises(ServiceError, match="samma organ"):
        register.add_member(
            store,
            organ_id,
            register.MemberInput(
                "Sara",
                "Holm",
                Roll.ERSATTARE,
                "S",
                personlig_ersattare_for_id=foreign.membership_id,
            ),
        )


def test_the_same_person_on_two_organs_is_one_person(store: Store) -> None:
    ks = builders.organ(store)
    au = builders.organ(store, "Kommunstyrelsens arbetsutskott")
    a = builders.member(store, ks, "Maria Ek", "S")
    b = builders.member(store, au, "Maria Ek", "S")
    assert a.person_id == b.person_id


def test_a_ledamot_needs_a_party_and_officials_do_not(store: Store) -> None:
    organ_id = builders.organ(store)
    with pytest.raises(ServiceError, match="måste ha ett parti"):
        builders.member(store, organ_id, "Maria Ek", party="")
    row = register.add_member(
        store,
        organ_id,
        register.MemberInput("Eva", "Kristensson", Roll.OVRIG, title="kommunsekreterare"),
    )
    assert row.label == "Eva Kristensson"


def test_members_list_in_seat_order_then_ersattare_by_party_order(store: Store) -> None:
    organ_id = builders.organ(store)
    builders.member(store, organ_id, "Ersättare Två", "S", Roll.ERSATTARE, ordning=2)
    builders.member(store, organ_id, "Ledamot Två", "M", ordning=2)
    builders.member(store, organ_id, "Ersättare Ett", "S", Roll.ERSATTARE, ordning=1)
    builders.member(store, organ_id, "Ledamot Ett", "S", ordning=1)
    builders.member(store, organ_id, "Moderat Ersättare", "M", Roll.ERSATTARE, ordning=1)
    names = [r.name for r in register.list_members(store, organ_id)]
    assert names == [
        "Ledamot Ett",
        "Ledamot Två",
        "Moderat Ersättare",
        "Ersättare Ett",
        "Ersättare Två",
    ]
    assert register.next_ordning(store, organ_id, Roll.ERSATTARE, "S") == 3


def test_organ_names_are_unique_and_labels_keep_only_what_differs(store: Store) -> None:
    data = register.OrganInput(
        "Kommunfullmäktige",
        OrganKind.KF,
        labels={"beslutsgang": "Propositionsordning", "beslut": "Beslut"},
    )
    organ = register.create_organ(store, data)
    assert organ.label_overrides == {"beslutsgang": "Propositionsordning"}
    assert organ.labels["beslutsgang"] == "Propositionsordning"
    with pytest.raises(ServiceError, match="finns redan"):
        register.create_organ(store, register.OrganInput("Kommunfullmäktige", OrganKind.KF))


def test_an_organ_with_meetings_cannot_be_deleted(store: Store) -> None:
    import datetime as dt

    organ_id = builders.organ(store)
    builders.meeting(store, organ_id, dt.date(2026, 3, 1))
    with pytest.raises(ServiceError, match="Protokollen hör till kommunens arkiv"):
        register.delete_organ(store, organ_id)


def test_ersattarordning_between_parties_is_kept_per_party(store: Store) -> None:
    organ_id = builders.organ(store)
    register.set_party_order(store, organ_id, None, ["S", "M", "L", "S"])
    register.set_party_order(store, organ_id, "S", ["V", "MP"])
    assert register.get_party_order(store, organ_id) == {None: ["S", "M", "L"], "S": ["V", "MP"]}
    register.set_party_order(store, organ_id, None, ["M"])
    assert register.get_party_order(store, organ_id)[None] == ["M"]


def test_the_organ_dialog_saves_the_whole_party_order_at_once(store: Store) -> None:
    data = register.OrganInput(
        "Socialnämnden", OrganKind.NAMND, partiordning={None: ["S", "M"], "V": ["S"]}
    )
    organ = register.create_organ(store, data)
    assert register.get_party_order(store, organ.id) == {None: ["S", "M"], "V": ["S"]}
    register.update_organ(store, organ.id, register.OrganInput("Socialnämnden", OrganKind.NAMND))
    assert register.get_party_order(store, organ.id) == {None: ["S", "M"], "V": ["S"]}
    register.update_organ(
        store,
        organ.id,
        register.OrganInput("Socialnämnden", OrganKind.NAMND, partiordning={None: ["M"]}),
    )
    assert register.get_party_order(store, organ.id) == {None: ["M"]}
