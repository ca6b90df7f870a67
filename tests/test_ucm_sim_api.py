"""The simulated UCM's HTTPS API answers the actions real clients call, as real devices do:
``getSystemGeneralStatus``, a paginated ``listAccount``, ``cdrapi`` with no ``status``, and
``-47`` for an action the API user has no permission for (not ``-1`` for everything)."""

from __future__ import annotations

import pytest

from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.api import UcmApiClient


async def test_general_status_names_the_model_and_firmware(sim: UcmSimulator) -> None:
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        status = await api.call("getSystemGeneralStatus")
    assert status["product-model"].startswith("UCM6") and status["prog-version"] == "1.0.33.30"


async def test_list_account_is_paginated_and_shows_who_is_on_a_call(sim: UcmSimulator) -> None:
    steps = sc.ring_call(sim.rows, caller="0612345678", answered_by="1002",
                         ring_s=0, talk_s=0)  # no waiting: only the rows matter
    await sim.play(steps[:2])  # 1002 answered
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        first = await api.call("listAccount", page=1, item_num=4)
        second = await api.call("listAccount", page=2, item_num=4)
    accounts = first["account"] + second["account"]
    assert (first["total_item"], first["total_page"], second["page"]) == (6, 2, 2)
    assert len(first["account"]) == 4 and len(accounts) == 6
    by_extension = {a["extension"]: a for a in accounts}
    assert by_extension["1002"]["status"] == "InUse" and by_extension["1003"]["status"] == "Idle"
    assert set(by_extension["1001"]) >= {"extension", "account_type", "fullname", "status",
                                         "addr", "out_of_service"}


async def test_cdrapi_answers_without_a_status_field(sim: UcmSimulator) -> None:
    steps = sc.ring_call(sim.rows, caller="0612345678", answered_by="1002", ring_s=0, talk_s=0)
    await sim.play(steps)
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        await api.login()
        reply = await api._post({"action": "cdrapi", "cookie": api._cookie, "format": "json",
                                 "caller": "1002"})
        assert "status" not in reply
        (only,) = reply["cdr_root"]
        assert (only["main_cdr"]["src"], only["main_cdr"]["dst"],
                only["main_cdr"]["disposition"]) == ("1002", "0612345678", "ANSWERED")
        everything = await api._post({"action": "cdrapi", "cookie": api._cookie})
        assert len(everything["cdr_root"]) == 2  # the trunk's leg and 1002's


async def test_an_action_the_user_may_not_run_is_47_and_an_unknown_one_still_1(
        sim: UcmSimulator) -> None:
    sim.denied_actions = {"listAccount"}
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        with pytest.raises(ServiceError, match="status -47"):
            await api.call("listAccount")
        with pytest.raises(ServiceError, match="status -1 "):
            await api.call("noSuchAction")
        assert "prog-version" in await api.call("getSystemGeneralStatus")


async def test_dialling_keeps_working_and_a_denied_dial_is_47(sim: UcmSimulator) -> None:
    sim.pickup_s = sim.far_answer_s = sim.talk_s = 0.05
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        await api.dial("1002", "0612345678")
        sim.denied_actions = {"dialOutbound"}
        with pytest.raises(AuthError, match=r"status -47, no permission"):
            await api.dial("1002", "0612345678")
    assert [r["action"] for r in sim.dial_requests()] == ["dialOutbound"] * 2


async def test_the_channel_lists_hold_only_live_channels(sim: UcmSimulator) -> None:
    """Late and phantom rows of a call's deleted channels never list them again."""
    steps = sc.with_repeats(sc.ring_call(sim.rows, caller="0612345678", answered_by="1002",
                                         ring_s=0, talk_s=0))
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        await sim.play(steps[:4])  # answered: the trunk's leg and 1002's, bridged
        live = await api.call("listUnBridgedChannels")
        assert sorted(c["channel"][:12] for c in live["channel"]) == [
            "PJSIP/1002-0", "PJSIP/trunk_"]
        assert (await api.call("listBridgedChannels"))["total_item"] == 1
        await sim.play(steps[4:])  # hung up, then the late rows
        assert (await api.call("listUnBridgedChannels"))["channel"] == []
        assert (await api.call("listBridgedChannels"))["channel"] == []


def test_late_rows_after_a_delete_are_phantoms_without_the_linkedid() -> None:
    """What recordings show after a hang-up: rows with an empty linkedid, never one that
    keeps the call's (a client would count that call twice)."""
    steps = sc.with_repeats(sc.ring_call(sc.CallRows(), caller="0612345678",
                                         answered_by="1002", ring_s=0, talk_s=0))
    deleted: set[str] = set()
    late = []
    for step in steps:
        for name, body in step.items:
            for row in body if name == "ActiveCallStatus" else []:
                if row["action"] == "delete":
                    deleted.add(row["channel"])
                elif row.get("channel") in deleted:
                    late.append(row)
    assert len(late) == 2  # the trunk's Ring and 1002's Ringing, once each
    assert [row["linkedid"] for row in late] == ["", ""]
