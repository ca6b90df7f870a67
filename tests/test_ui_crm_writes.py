"""What the agent sees of the CRM writes: the popup's note field and the tray's waiting writes."""

from __future__ import annotations

import os

import pytest
from conftest import ARTIFACTS
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSystemTrayIcon

from ucm_popup.app import Connection, Health, LookupOutcome
from ucm_popup.crm.model import Match
from ucm_popup.crm.outbox import OutboxStatus
from ucm_popup.settings import PopupSettings
from ucm_popup.ucm.events import Answered, Ended, Ringing
from ucm_popup.ui.popup import CallPopup
from ucm_popup.ui.popup_manager import PopupManager
from ucm_popup.ui.tray import TrayActions, TrayController

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt's QApplication
pytestmark = pytest.mark.qt

JANE = Match(
    "Contacts", "3477061000000419001", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "",
    "jane@acme.example", "Sam Agent",
    "https://crm.zoho.com/crm/org808232144/tab/Contacts/3477061000000419001",
)
NEW_LEAD = Match("Leads", "3477061000001000001", "Unknown caller", "", "+33145678900", "", "",
                 "", "https://crm.zoho.com/crm/org808232144/tab/Leads/3477061000001000001")
RING = Ringing("c1", "1002", "inbound", "0612345678", "ACME Corp", "Orange SIP")


@pytest.fixture
def manager(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    popups = PopupManager(
        PopupSettings(close_after_answered_s=1),
        open_url=lambda url: None, create_url=lambda m, n: "",
        state_file=tmp_path / "position.json",
    )
    popups.notes_enabled = True
    yield popups
    popups.dismiss_all()


def answered_popup(manager: PopupManager, qtbot) -> CallPopup:  # type: ignore[no-untyped-def]
    manager.on_call(RING)
    manager.on_lookup("c1", LookupOutcome("0612345678", (JANE,)))
    manager.on_call(Answered("c1", "1002"))
    popup = manager.popups["c1"]
    qtbot.waitExposed(popup)
    return popup


def focus_refused(popup: CallPopup) -> bool:
    handle = popup.windowHandle()
    return bool(handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus)


def test_an_answered_call_gets_a_note_field_that_takes_focus_only_when_clicked(
    manager: PopupManager, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    popup = answered_popup(manager, qtbot)
    assert popup.note_edit.isVisibleTo(popup)
    assert focus_refused(popup)  # shown, answered: still never takes the keyboard by itself
    qtbot.mouseClick(popup.note_edit.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    assert not focus_refused(popup)


def test_typing_keeps_the_popup_open_after_the_call_until_save(
    manager: PopupManager, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    started: list[str] = []
    finished: list[tuple[str, object]] = []
    manager.note_started.connect(started.append)
    manager.note_finished.connect(lambda c, n: finished.append((c, n)))
    popup = answered_popup(manager, qtbot)
    popup.note_edit.setPlainText("Wants a quote for 40 units")
    assert started == ["c1"]
    manager.on_call(Ended("c1", "1002", True, False))
    qtbot.wait(1300)  # past close_after_answered_s: it stays, the note is not lost
    assert popup.isVisible() and "c1" in manager.popups
    ARTIFACTS.mkdir(exist_ok=True)
    assert popup.grab().save(str(ARTIFACTS / "popup-note.png"))
    qtbot.mouseClick(popup.save_note_button, Qt.MouseButton.LeftButton)
    assert finished == [("c1", "Wants a quote for 40 units")]
    assert focus_refused(popup)  # saved: the popup gives the keyboard back
    assert popup.notice.text() == "Note saved to the CRM"
    qtbot.waitUntil(lambda: "c1" not in manager.popups, timeout=5000)


def test_only_the_agents_choice_among_several_matches_is_a_pick(
    manager: PopupManager, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    picked: list[tuple[str, object]] = []
    manager.picked.connect(lambda c, m: picked.append((c, m)))
    other = Match("Leads", "2", "Marc Dubois", "", "", "", "", "", "https://crm.example/l/2")
    manager.on_call(RING)
    manager.on_lookup("c1", LookupOutcome("0612345678", (JANE, other)))
    assert picked == []  # the first row is shown, nobody chose it
    manager.popups["c1"].matches_list.setCurrentRow(1)
    assert picked == [("c1", other)]


def test_a_popup_with_a_note_being_typed_is_not_pushed_out_by_new_calls(
    manager: PopupManager, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    popup = answered_popup(manager, qtbot)
    popup.note_edit.setPlainText("do not lose me")
    manager.on_call(Ended("c1", "1002", True, False))
    for n in range(2, 7):  # five more calls, more than the popups that fit
        manager.on_call(Ringing(f"c{n}", "1002", "inbound", f"061234567{n}", "", "T"))
        manager.on_call(Ended(f"c{n}", "1002", False, False))
    assert "c1" in manager.popups and popup.note_edit.toPlainText() == "do not lose me"


def test_dismissing_an_unsaved_note_lets_the_call_be_written_without_it(
    manager: PopupManager, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    finished: list[tuple[str, object]] = []
    manager.note_finished.connect(lambda c, n: finished.append((c, n)))
    popup = answered_popup(manager, qtbot)
    popup.note_edit.setPlainText("half a thought")
    popup.dismiss()
    assert finished == [("c1", None)]


def test_without_crm_writes_there_is_no_note_field_and_a_new_lead_replaces_create_buttons(
    manager: PopupManager, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    manager.notes_enabled = False
    manager.on_call(Ringing("u", "1002", "inbound", "0145678900", "", "Orange SIP"))
    manager.on_lookup("u", LookupOutcome("0145678900", ()))
    popup = manager.popups["u"]
    assert popup.lead_button.isVisibleTo(popup)
    manager.on_lookup("u", LookupOutcome("0145678900", (NEW_LEAD,)))  # the record just made
    manager.on_call(Answered("u", "1002"))
    assert popup.open_button.isVisibleTo(popup)
    assert not popup.lead_button.isVisibleTo(popup)
    assert not popup.note_edit.isVisibleTo(popup)


def test_the_tray_says_how_many_calls_wait_and_the_last_error(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    actions = TrayActions(quit=lambda: None, settings=lambda: None, about=lambda: None,
                          reset_position=lambda: None, open_recent=lambda c: None)
    tray = TrayController(actions, version="9.9", extension="1002")
    tray.show()
    try:
        tray.set_health(Health(Connection.CONNECTED))
        assert not tray.writes_action.isVisible()
        error = ("Zoho CRM (https://www.zohoapis.eu) refused for load (HTTP 429)")
        tray.set_writes(OutboxStatus(2, error))
        assert tray.writes_action.text() == "2 calls waiting to be written"
        assert tray.writes_error_action.text() == f"Last error: {error}"
        assert tray.tooltip().splitlines()[1:] == ["2 calls waiting to be written", error]
        tray.menu.popup(tray.menu.pos())
        qtbot.waitExposed(tray.menu)
        ARTIFACTS.mkdir(exist_ok=True)
        assert tray.menu.grab().save(str(ARTIFACTS / "tray-writes-waiting.png"))
        tray.menu.hide()
        refused = ("Zoho CRM refused the Calls record: MANDATORY_NOT_FOUND (field Call_Purpose): "
                   "required field not found")
        tray.set_writes(OutboxStatus(1, refused, "", "Call_Purpose"))
        assert any("Zoho requires the field Call_Purpose" in line
                   for line in tray.tooltip().splitlines())
        tray.set_writes(OutboxStatus(0, ""))
        assert not tray.writes_action.isVisible() and not tray.writes_error_action.isVisible()
        assert tray.tooltip() == "ucm-popup — Connected (extension 1002)"
    finally:
        tray.hide()


def test_the_crm_page_offers_the_writes_names_their_scopes_and_saves_them(
    tmp_path, qapp,  # type: ignore[no-untyped-def]
) -> None:
    import asyncio

    import qasync

    from ucm_popup import secrets
    from ucm_popup.settings import load_settings
    from ucm_popup.sim.zoho import FULL_SCOPES
    from ucm_popup.ui.settings_crm_page import V1_READ_ONLY
    from ucm_popup.ui.settings_dialog import SettingsDialog

    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    path = tmp_path / "config.toml"
    path.write_text('[ucm]\nhost = "pbx.example.com"\nusername = "popup"\nextension = "1002"\n'
                    '[crm]\nprovider = "zoho-v2"\n[zoho_v2]\nclient_id = "1000.ABC"\n')
    store = secrets.MemorySecretStore({
        secrets.UCM_PASSWORD: "pw", secrets.ZOHO_V2_CLIENT_SECRET: "s",
        secrets.ZOHO_V2_REFRESH_TOKEN: "1000.r"})

    async def scenario() -> None:
        dialog = SettingsDialog(path, store)
        dialog.resize(760, 980)
        dialog.show()
        await dialog.wait_ready()
        crm = dialog.crm
        assert "calls.CREATE" not in crm.scopes.toPlainText()  # reading only, by default
        crm.log_calls.setChecked(True)
        crm.add_unknown.setCurrentIndex(crm.add_unknown.findData("Leads"))
        assert crm.scopes.toPlainText().endswith(
            "ZohoCRM.modules.calls.CREATE,ZohoCRM.modules.calls.READ,ZohoCRM.modules.notes."
            "CREATE,ZohoCRM.modules.notes.READ,ZohoCRM.modules.leads.CREATE")
        crm.note_refused_scope("ZohoCRM.modules.calls.CREATE")  # what the running app met
        assert "lacks ZohoCRM.modules.calls.CREATE. Generate" in crm.writes_note.text()
        crm.note_granted_scopes(FULL_SCOPES)  # a read-only code was exchanged
        assert "lacks ZohoCRM.modules.calls.CREATE" in crm.writes_note.text()
        dialog.tabs.setCurrentIndex(list(dialog.pages).index("CRM"))
        crm.grant_fold.set_open(True)
        for _ in range(5):
            qapp.processEvents()
        ARTIFACTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "settings-crm-writes.png"))
        crm.provider.setCurrentIndex(crm.provider.findData("zoho-v1"))
        assert crm.writes_note.text() == V1_READ_ONLY
        crm.provider.setCurrentIndex(crm.provider.findData("zoho-v2"))
        saved: list[object] = []
        dialog.saved.connect(saved.append)
        assert dialog.save_button.isEnabled(), dialog.status.text()
        dialog.save_button.click()
        for _ in range(200):
            if saved:
                break
            await asyncio.sleep(0.02)
        settings, _ = load_settings(path)
        assert (settings.crm.log_calls, settings.crm.add_unknown) == (True, "Leads")

    try:
        loop.run_until_complete(asyncio.wait_for(scenario(), 30))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
