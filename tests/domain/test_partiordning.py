"""The ersättarordning between parties as the secretary types it into the organ dialog."""

from secretary.domain.partiordning import format_partiordning, parse_partiordning


def test_general_and_per_party_orders_round_trip() -> None:
    text = "Alla: S, M, L\nS: V, MP"
    order, problems = parse_partiordning(text)
    assert problems == []
    assert order == {None: ["S", "M", "L"], "S": ["V", "MP"]}
    assert format_partiordning(order) == text


def test_a_party_never_calls_in_itself_and_duplicates_collapse() -> None:
    order, _ = parse_partiordning("S: S, V, V; MP")
    assert order == {"S": ["V", "MP"]}


def test_unreadable_lines_are_named_by_number() -> None:
    _, problems = parse_partiordning("Alla: S\n\nbara text\nalla: M")
    assert problems == [
        "Rad 3: skriv som ”Alla: S, M, L” eller ”S: V, MP”.",
        "Rad 4: ordningen för Alla står redan på en tidigare rad.",
    ]
