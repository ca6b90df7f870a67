"""The dial rules: any spelling a person copies -> exactly what the UCM is asked to dial."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.dial import dial_number, dial_target
from ucm_popup.errors import SettingsError
from ucm_popup.settings import CrmSettings, DialSettings, Settings

FRANCE = Settings(crm=CrmSettings(default_region="FR"))
US = Settings(crm=CrmSettings(default_region="US"))
SENDABLE = re.compile(r"[0-9*#]{1,40}")


@pytest.mark.parametrize(("typed", "sent"), [
    ("06 12 34 56 78", "0612345678"),
    ("06.12.34.56.78", "0612345678"),
    ("+33 6 12 34 56 78", "0612345678"),
    ("+33 (0)6 12 34 56 78", "0612345678"),
    ("0033 6 12 34 56 78", "0612345678"),
    ("\u00a006\u202f12\u202f34 56 78\n", "0612345678"),  # copied from a web page
    ("\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "0612345678"),  # fullwidth
    ("tel:+33612345678", "0612345678"),
    ("TEL:+33-6-12-34-56-78", "0612345678"),
    ("tel:%2B33%206%2012%2034%2056%2078", "0612345678"),
    ("callto:+33612345678", "0612345678"),
    ("callto://+33612345678", "0612345678"),
    ("sip:0612345678@pbx.example.com", "0612345678"),
    ("sips:+33612345678@pbx.example.com;transport=tls", "0612345678"),
    ("+1 (212) 555-0142", "0012125550142"),  # another country: international prefix + E.164
    ("+44 20 7946 0958", "00442079460958"),
    ("1003", "1003"),  # an extension, as typed
    ("*97", "*97"),  # a feature code, as typed
    ("tel:+33612345678;ext=12", "0612345678"),
])
def test_numbers_people_copy_become_what_the_ucm_dials(typed: str, sent: str) -> None:
    assert dial_number(FRANCE, typed) == sent


def test_prefixes_go_in_front_of_outside_numbers_only() -> None:
    site = replace(FRANCE, dial=DialSettings(outside_prefix="0", international_prefix="00"))
    assert dial_number(site, "06 12 34 56 78") == "00612345678"
    assert dial_number(site, "+1 212 555 0142") == "0" + "00" + "12125550142"
    assert dial_number(site, "1003") == "1003"
    assert dial_number(site, "*97") == "*97"
    us = replace(US, dial=DialSettings(outside_prefix="9", international_prefix="011"))
    assert dial_number(us, "+33 6 12 34 56 78") == "9" + "011" + "33612345678"
    assert dial_number(us, "(212) 555-0142") == "92125550142"


def test_a_tel_link_with_a_global_phone_context_is_that_context_plus_the_number() -> None:
    assert dial_number(US, "tel:863-1234;phone-context=+1-914") == "9148631234"
    # a domain context leaves the number local: an extension here
    assert dial_target(FRANCE, "tel:1003;phone-context=pbx.example.com").internal


@pytest.mark.parametrize(("region", "number"), [("FR", "112"), ("FR", "15"), ("US", "911"),
                                                ("GB", "999"), ("DE", "911")])
def test_an_emergency_number_goes_out_as_typed_never_to_an_extension(
    region: str, number: str
) -> None:
    target = dial_target(Settings(crm=CrmSettings(default_region=region)), number)
    assert (target.number, target.internal) == (number, False)


def test_extensions_dial_as_extensions_and_the_rest_as_outside_numbers() -> None:
    assert dial_target(FRANCE, "1003").internal
    assert not dial_target(FRANCE, "0612345678").internal
    assert not dial_target(FRANCE, "*97").internal
    assert not dial_target(FRANCE, "0800").internal  # a short number with a trunk prefix


@pytest.mark.parametrize(("typed", "says"), [
    ("", "no number to dial"),
    ("   ", "no number to dial"),
    ("tel:", "no number to dial"),
    ("abc", "only digits, \\* and # can be dialled"),
    ("1-800-FLOWERS", "only digits"),
    ("06 12 34 56 78 ext 12", "only digits"),
    ("1" * 40, "too long"),
    ("+33 6", "not a phone number"),
    ("+999 123 456 789", "not a phone number"),
    ("+*97", "not a phone number or a feature code"),
    ("06 12;34", "only digits"),
    ("tel:+33612345678;phone-context=+1", "phone-context"),
    ("0612345678" * 30, "too long"),
    ("06\u202e12345678", "only digits"),  # a bidi override is no separator
])
def test_what_cannot_be_dialled_is_a_usage_error(typed: str, says: str) -> None:
    with pytest.raises(SettingsError, match=says) as caught:
        dial_number(FRANCE, typed)
    assert caught.value.exit_code == 2
    assert "\n" not in str(caught.value)


def test_another_country_without_an_international_prefix_says_which_setting() -> None:
    site = replace(FRANCE, dial=DialSettings(international_prefix=""))
    with pytest.raises(SettingsError, match=r"\[dial\] international_prefix is empty"):
        dial_number(site, "+1 212 555 0142")
    assert dial_number(site, "+33 6 12 34 56 78") == "0612345678"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.builds(lambda s: "tel:" + s, st.text(max_size=60))
       | st.from_regex(r"\+?[0-9 ().\-]{0,30}", fullmatch=True))
def test_only_digits_star_and_hash_ever_reach_the_ucm(text: str) -> None:
    for region in (FRANCE, US):
        try:
            sent = dial_number(region, text)
        except SettingsError as exc:
            assert "\n" not in str(exc) and len(str(exc)) < 400
            continue
        assert SENDABLE.fullmatch(sent), sent
