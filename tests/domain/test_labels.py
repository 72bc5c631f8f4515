"""Headings are configurable per organ (domain.md, 'What hurts today' 8)."""

from secretary.domain.labels import label_overrides, resolve_labels


def test_an_organ_that_says_propositionsordning_gets_it_and_defaults_elsewhere() -> None:
    labels = resolve_labels({"beslutsgang": "Propositionsordning"})
    assert labels["beslutsgang"] == "Propositionsordning"
    assert labels["expedieras"] == "Beslut expedieras till"


def test_only_changed_labels_are_stored_and_unknown_keys_are_dropped() -> None:
    stored = label_overrides(
        {"beslutsgang": "Beslutsgång", "expedieras": " Skickas till ", "nonsense": "x"}
    )
    assert stored == {"expedieras": "Skickas till"}


def test_a_blank_label_falls_back_to_the_default() -> None:
    assert resolve_labels({"beslut": "  "})["beslut"] == "Beslut"
