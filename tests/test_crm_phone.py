"""Reading the UCM's number and the spellings searched for it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.crm.model import LookupResult, Match, unique_matches
from ucm_popup.crm.phone import MAX_VARIANTS, SAFE_VARIANT, read_number


@pytest.mark.parametrize(
    ("number", "region", "normalized"),
    [
        ("0612345678", "FR", "+33612345678"),  # national
        ("+33612345678", "FR", "+33612345678"),  # international
        ("0033612345678", "FR", "+33612345678"),  # 00 prefix
        ("0033612345678", "US", "+33612345678"),  # 00 prefix read in any region
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("(212) 555-0142", "US", "+12125550142"),
        ("2125550142", "US", "+12125550142"),
        ("0012125550142", "FR", "+12125550142"),
        (" +44 20 7946 0958 ", "FR", "+442079460958"),
    ],
)
def test_numbers_are_read_in_every_format(number: str, region: str, normalized: str) -> None:
    assert read_number(number, region).normalized == normalized


@pytest.mark.parametrize(
    ("number", "region", "stored"),
    [
        ("0612345678", "FR", "+33 6 12 34 56 78"),
        ("0612345678", "FR", "06 12 34 56 78"),
        ("0612345678", "FR", "0033612345678"),
        ("0612345678", "FR", "0033 6 12 34 56 78"),
        ("0612345678", "FR", "06.12.34.56.78"),
        ("0612345678", "FR", "06-12-34-56-78"),
        ("0612345678", "FR", "+33 (0)6 12 34 56 78"),
        ("0612345678", "FR", "33612345678"),
        ("0478123456", "FR", "04.78.12.34.56"),
        ("+12125550142", "FR", "(212) 555-0142"),
        ("+12125550142", "US", "212-555-0142"),
        ("+12125550142", "US", "+1 212 555 0142"),
        ("+12125550142", "US", "1-212-555-0142"),
        ("+12125550142", "US", "+1 (212) 555-0142"),
    ],
)
def test_common_spellings_are_searched(number: str, region: str, stored: str) -> None:
    assert stored in read_number(number, region).variants


@pytest.mark.parametrize("number", ["1001", "12", "*97", "anonymous", "", "+"])
def test_short_and_unreadable_numbers_stay_as_given(number: str) -> None:
    read = read_number(number, "FR")
    assert read.normalized == number.strip()
    assert not read.valid
    assert all(SAFE_VARIANT.match(v) for v in read.variants)


def test_internal_number_is_searched_as_typed() -> None:
    assert read_number("1001", "FR").variants == ("1001",)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["FR", "US", "DE", "GB", "JP"]))
def test_variants_are_always_safe_to_quote(number: str, region: str) -> None:
    """Whatever the UCM sends, nothing but digits, spaces and + . - ( ) reaches a query."""
    read = read_number(number, region)
    assert len(read.variants) <= MAX_VARIANTS
    for variant in read.variants:
        assert SAFE_VARIANT.match(variant)
        assert "'" not in variant and "\\" not in variant and "," not in variant


def test_duplicates_are_removed_by_module_and_id() -> None:
    def match(module: str, record_id: str, name: str = "x") -> Match:
        return Match(module, record_id, name, "", "", "", "", "", "")

    found = [match("Contacts", "1"), match("Leads", "1"), match("Contacts", "1", "y")]
    kept = unique_matches(found)
    assert [(m.module, m.id, m.name) for m in kept] == [("Contacts", "1", "x"), ("Leads", "1", "x")]


def test_to_json_key_order() -> None:
    result = LookupResult("1", "1", "zoho-v2", ())
    assert list(result.to_json()) == ["number", "normalized", "provider", "matches"]
