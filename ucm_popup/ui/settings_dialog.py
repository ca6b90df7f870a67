"""The settings dialog: three pages, validation in words, Test buttons, Save and Cancel.

Save writes the secrets to the keyring (``SecretStore``) first and then the rest to the TOML
file (``save_settings`` keeps an administrator's comments), and emits ``saved`` with the new
``Settings`` so the tray app reconnects.  Cancel writes nothing.  The dialog is non-modal and
never runs a nested event loop: its async work (keyring calls in a thread, the Test buttons)
runs as tasks on the qasync loop the app runs, and it cancels them when it closes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ucm_popup import autostart
from ucm_popup import secrets as secret_names
from ucm_popup import settings_checks as checks
from ucm_popup.errors import SettingsError
from ucm_popup.secrets import ENV_OVERRIDES, NoKeyringError, SecretStore
from ucm_popup.settings import Settings, parse_settings, save_settings
from ucm_popup.ui.i18n import arg, translate
from ucm_popup.ui.settings_crm_page import CrmPage
from ucm_popup.ui.settings_dial import DialSection
from ucm_popup.ui.settings_pages import PbxPage, PopupPage
from ucm_popup.ui.settings_widgets import ERROR_STYLE, PageScroll, plain_label

log = logging.getLogger(__name__)

SECRET_NAMES = (
    secret_names.UCM_PASSWORD,
    secret_names.ZOHO_V1_AUTHTOKEN,
    secret_names.ZOHO_V2_CLIENT_SECRET,
    secret_names.ZOHO_V2_REFRESH_TOKEN,
    secret_names.UCM_API_PASSWORD,
)


class SettingsDialog(QDialog):
    saved = Signal(object)  # the new Settings, after the TOML file and the keyring were written

    def __init__(
        self, config_path: Path, secrets: SecretStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.config_path = config_path
        self.secrets = secrets
        self.setWindowTitle(translate("Settings", "ucm-popup settings"))
        self.setMinimumSize(680, 560)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stored: dict[str, str | None] = {}
        self.keyring_problem: str | None = None
        settings, notes, self._unreadable = checks.load_for_editing(config_path)
        self.loaded = settings

        layout = QVBoxLayout(self)
        self.banner = plain_label(selectable=True)
        self.banner.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px; "
                                  "border: 1px solid #e0c060; border-radius: 3px;")
        layout.addWidget(self.banner)
        self.welcome = plain_label(
            translate(
                    "Settings", "Welcome to ucm-popup. Fill in the PBX page so that calls to your "
                    "extension pop "
            "up, and the CRM page to see who is calling. Each page has a Test button; nothing "
            "is kept until you press Save.")
        )
        self.welcome.setVisible(not config_path.exists())
        layout.addWidget(self.welcome)
        self._notes = notes
        self._show_notes()

        self.pbx = PbxPage(settings.ucm, ENV_OVERRIDES[secret_names.UCM_PASSWORD],
                           source=settings.source, mqtt=settings.mqtt,
                           mqtt_password_env=ENV_OVERRIDES[secret_names.MQTT_PASSWORD])
        self.dial = DialSection(settings, ENV_OVERRIDES[secret_names.UCM_API_PASSWORD])
        self.pbx.add_dial_section(self.dial)
        self.crm = CrmPage(settings, {
            "client_secret": ENV_OVERRIDES[secret_names.ZOHO_V2_CLIENT_SECRET],
            "refresh_token": ENV_OVERRIDES[secret_names.ZOHO_V2_REFRESH_TOKEN],
            "authtoken": ENV_OVERRIDES[secret_names.ZOHO_V1_AUTHTOKEN],
        })
        self.started_at_login = _start_at_login_now()
        self.popup = PopupPage(settings.popup, self.started_at_login,
                               language=settings.ui.language)
        self.pages: dict[str, QWidget] = {"PBX": self.pbx, "CRM": self.crm, "Popup": self.popup}
        self.tabs = QTabWidget()
        for title, page in self.pages.items():
            self.tabs.addTab(PageScroll(page), tab_title(title))
        layout.addWidget(self.tabs, 1)

        self.status = plain_label()
        self.status.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.status)
        self.path_label = plain_label(arg(translate(
                "Settings", "Settings file: %1"), config_path), hint=True, selectable=True)
        layout.addWidget(self.path_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._fold_of = {
            "ca_file": self.pbx.advanced,
            "zoho_v2.server": self.crm.v2_advanced,
            "zoho_v2.accounts_url": self.crm.v2_advanced,
            "zoho_v2.web_url": self.crm.v2_advanced,
        }
        if settings.ucm.ca_file:
            self.pbx.advanced.set_open(True)
        self._connect_checks()
        self._connect_validation()
        self._secrets_ready = False
        self.ready = self._start_reading_secrets()
        self.revalidate()

    # -- secrets ----------------------------------------------------------------------------

    def _read_secrets(self) -> tuple[dict[str, str | None], str | None]:
        values: dict[str, str | None] = {}
        problem = None
        for name in SECRET_NAMES:
            try:
                values[name] = self.secrets.get(name)
            except NoKeyringError as exc:
                values[name], problem = None, str(exc)
        return values, problem

    def _start_reading_secrets(self) -> asyncio.Task[Any] | None:
        """Read the keyring in a thread when a loop runs (it may block on D-Bus)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self._apply_secrets(*self._read_secrets())
            return None
        self.save_button.setEnabled(False)
        self.status.setText(translate("Settings", "Reading the keyring…"))

        async def read() -> None:
            self._apply_secrets(*await asyncio.to_thread(self._read_secrets))

        return self._spawn(read())

    def _apply_secrets(self, values: dict[str, str | None], problem: str | None) -> None:
        self._stored, self.keyring_problem = values, problem
        from_environment = getattr(self.secrets, "from_environment", lambda _name: False)
        for name, field in self.secret_fields().items():
            field.set_state(
                stored=bool(values.get(name)) and not from_environment(name),
                from_environment=bool(from_environment(name)),
                keyring_problem=problem,
            )
        if problem:
            self._show_notes()
            self.crm.grant_button.setEnabled(False)
            self.crm.grant_button.setToolTip(translate(
                    "Settings", "Needs a keyring to keep the refresh token"))
        elif self.crm.provider_code() == "zoho-v2" and not self.crm.refresh_token.has_value():
            self.crm.grant_fold.set_open(True)  # first Zoho setup: show the steps at once
        self._secrets_ready = True
        self.status.clear()
        self.revalidate()

    async def wait_ready(self) -> None:
        """For callers and tests: until the keyring has been read."""
        if self.ready is not None:
            await self.ready

    def secret_fields(self) -> dict[str, Any]:
        return {
            secret_names.UCM_PASSWORD: self.pbx.password,
            secret_names.MQTT_PASSWORD: self.pbx.source_box.password,
            secret_names.ZOHO_V1_AUTHTOKEN: self.crm.authtoken,
            secret_names.ZOHO_V2_CLIENT_SECRET: self.crm.client_secret,
            secret_names.ZOHO_V2_REFRESH_TOKEN: self.crm.refresh_token,
            secret_names.UCM_API_PASSWORD: self.dial.api_password,
        }

    def typed_secrets(self) -> dict[str, str]:
        """The secrets the user typed in this dialog (empty fields keep what is stored)."""
        typed = {name: field.typed() for name, field in self.secret_fields().items()}
        return {name: value for name, value in typed.items() if value}

    def effective_secrets(self) -> secret_names.MemorySecretStore:
        """What the Test buttons use: what was typed, else what is stored."""
        values = {k: v for k, v in self._stored.items() if v}
        values.update(self.typed_secrets())
        return secret_names.MemorySecretStore(values)

    # -- values and validation ----------------------------------------------------------------

    def current_settings(self) -> Settings:
        return Settings(
            ucm=replace(self.pbx.values(), api_username=self.dial.api_user()),
            dial=self.dial.values(),
            crm=self.crm.crm_values(),
            zoho_v1=self.crm.v1_values(),
            zoho_v2=self.crm.v2_values(),
            popup=self.popup.values(),
            source=self.pbx.source_box.source_values(),
            mqtt=self.pbx.source_box.mqtt_values(),
            relay=self.loaded.relay,
            ui=self.popup.ui_values(),
        )

    def problems(self) -> dict[str, dict[str, str]]:
        return {title: page.problems() for title, page in self.pages.items()}  # type: ignore[attr-defined]

    def revalidate(self) -> int:
        """Show every field's problem next to it; Save only when there is none."""
        count = 0
        summary = []
        for index, (title, found) in enumerate(self.problems().items()):
            page = self.pages[title]
            for key, row in page.rows.items():  # type: ignore[attr-defined]
                row.set_problem(found.get(key))
            count += len(found)
            for key in found:  # a problem inside a closed fold would be invisible
                fold = self._fold_of.get(key)
                if fold is not None:
                    fold.set_open(True)
            shown = tab_title(title)
            self.tabs.setTabText(index, arg(translate("Settings", "%1 (%2 to fix)"), shown,
                                            len(found)) if found else shown)
            if found:
                summary.append(f"{shown}: {len(found)}")
        busy = any(not t.done() for t in self._tasks if t.get_name() == "save")
        self.save_button.setEnabled(count == 0 and self._secrets_ready and not busy)
        if self._secrets_ready and not busy:
            wanted = arg(translate(
                    "Settings", "Fix the fields marked in red before saving (%1)."),
                ", ".join(summary))
            self.status.setText(wanted if count else "")
        return count

    def _connect_validation(self) -> None:
        pbx, crm = self.pbx, self.crm
        for edit in (pbx.host, pbx.username, pbx.extension, pbx.ca_file, crm.client_id,
                     crm.v2_server, crm.v2_accounts, crm.v2_web):
            edit.textChanged.connect(self.revalidate)
        for field in self.secret_fields().values():
            field.edited.connect(self.revalidate)
        crm.v1_server.currentTextChanged.connect(self.revalidate)
        crm.provider.currentIndexChanged.connect(self.revalidate)
        crm.data_centre.activated.connect(self.revalidate)
        crm.modules.itemChanged.connect(self.revalidate)
        pbx.trust_button.clicked.connect(self.revalidate)
        for edit in (self.dial.api_username, self.dial.outside_prefix,
                     self.dial.international_prefix):
            edit.textChanged.connect(self.revalidate)
        relay = pbx.source_box
        for edit in (relay.url, relay.username, relay.topic_prefix, relay.ca_file):
            edit.textChanged.connect(self.revalidate)
        relay.changed.connect(self.revalidate)

    # -- the Test buttons ----------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any], name: str = "check") -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("settings dialog task failed", exc_info=task.exception())

    def _connect_checks(self) -> None:
        self.pbx.test_button.clicked.connect(lambda: self._spawn(self.test_pbx()))
        self.pbx.source_box.test_button.clicked.connect(lambda: self._spawn(self.test_relay()))
        self.pbx.result.action.clicked.connect(self._trust_and_retest)
        self.pbx.show_cert_button.clicked.connect(lambda: self._spawn(self.show_certificate()))
        self.crm.test_button.clicked.connect(lambda: self._spawn(self.test_crm()))
        self.crm.test_number.returnPressed.connect(self.crm.test_button.click)
        self.crm.grant_button.clicked.connect(lambda: self._spawn(self.get_refresh_token()))
        self.dial.test_button.clicked.connect(lambda: self._spawn(self.test_dialling()))

    async def test_dialling(self) -> checks.CheckOutcome:
        """Log in as the API user with what the PBX page holds now (saved or not)."""
        from ucm_popup.dial import check_dialling

        section = self.dial
        ucm = replace(self.pbx.values(), api_username=section.api_user())
        password = self.effective_secrets().get(secret_names.UCM_API_PASSWORD) or ""
        section.test_button.setEnabled(False)
        section.result.show_text(arg(translate(
                "Settings", "Testing: logging in to %1:%2 as %3"),
                ucm.host, ucm.port, ucm.api_username or "…"), ok=None)
        try:
            outcome = await check_dialling(ucm, password)
        finally:
            section.test_button.setEnabled(True)
        section.result.show_text(outcome.text, ok=outcome.ok, details=outcome.details)
        return outcome

    async def test_pbx(self) -> checks.CheckOutcome | None:
        page = self.pbx
        blocking = {k: v for k, v in page.problems().items() if k != "ca_file"}
        if blocking:
            page.result.show_text(translate(
                    "Settings", "Fill in the fields marked in red first."), ok=False)
            return None
        ucm = page.values()
        password = self.effective_secrets().get(secret_names.UCM_PASSWORD) or ""
        page.test_button.setEnabled(False)
        page.result.show_text(arg(translate(
                "Settings", "Testing: logging in to %1:%2…"), ucm.host, ucm.port), ok=None)
        try:
            outcome = await checks.check_pbx(ucm, password)
        finally:
            page.test_button.setEnabled(True)
        page.result.show_text(outcome.text, ok=outcome.ok, details=outcome.details,
                              action=bool(outcome.fingerprint))
        if outcome.fingerprint:
            page.show_presented(outcome.fingerprint)
        return outcome

    async def test_relay(self) -> checks.CheckOutcome | None:
        box = self.pbx.source_box
        problems = self.pbx.problems()
        if problems:
            box.result.show_text(translate(
                    "Settings", "Fill in the fields marked in red first."), ok=False)
            return None
        mqtt = box.mqtt_values()
        password = self.effective_secrets().get(secret_names.MQTT_PASSWORD) or ""
        box.test_button.setEnabled(False)
        box.result.show_text(arg(translate(
                "Settings", "Testing: logging in to %1…"), mqtt.url), ok=None)
        try:
            outcome = await checks.check_relay(mqtt, self.pbx.extension.text().strip(),
                                               password)
        finally:
            box.test_button.setEnabled(True)
        box.result.show_text(outcome.text, ok=outcome.ok, details=outcome.details)
        return outcome

    def _trust_and_retest(self) -> None:
        self.pbx.pin(self.pbx.presented_fingerprint)
        self.revalidate()
        self._spawn(self.test_pbx())

    async def show_certificate(self) -> None:
        page = self.pbx
        ucm = page.values()
        if not ucm.host or "host" in page.problems():
            page.result.show_text(translate("Settings", "Enter the UCM's address first."), ok=False)
            return
        page.show_cert_button.setEnabled(False)
        try:
            outcome = await checks.fetch_certificate(ucm.host, ucm.port, ucm.legacy_tls)
        finally:
            page.show_cert_button.setEnabled(True)
        if outcome.ok:
            page.result.clear()
            page.show_presented(outcome.fingerprint)
        else:
            page.result.show_text(outcome.text, ok=False, details=outcome.details)

    async def test_crm(self) -> checks.CheckOutcome | None:
        page = self.crm
        number = page.test_number.text().strip()
        if not number:
            page.result.show_text(translate(
                    "Settings", "Type a phone number to look up first."), ok=False)
            return None
        if page.problems():
            page.result.show_text(translate(
                    "Settings", "Fill in the fields marked in red first."), ok=False)
            return None
        page.test_button.setEnabled(False)
        page.result.show_text(arg(translate("Settings", "Looking up %1…"), number), ok=None)
        try:
            outcome = await checks.check_lookup(
                self.current_settings(), self.effective_secrets(), number
            )
        finally:
            page.test_button.setEnabled(True)
        page.result.show_text(outcome.text, ok=outcome.ok, details=outcome.details)
        return outcome

    async def get_refresh_token(self) -> checks.CheckOutcome | None:
        page = self.crm
        code = page.grant_code.text().strip()
        v2 = page.v2_values()
        client_secret = self.effective_secrets().get(secret_names.ZOHO_V2_CLIENT_SECRET) or ""
        missing = [words for words, value in ((translate(
                "Settings", "the Client ID"), v2.client_id),
                                              (translate("Settings", "the Client Secret"),
                                               client_secret),
                                              (translate(
                                                      "Settings", "the code"), code)) if not value]
        if missing:
            page.grant_result.show_text(arg(translate(
                    "Settings", "First paste %1."), ' and '.join(missing)), ok=False)
            return None
        page.grant_button.setEnabled(False)
        page.grant_result.show_text(translate(
                "Settings", "Asking Zoho for a refresh token…"), ok=None)
        try:
            outcome = await checks.get_refresh_token(v2, client_secret, code)
        finally:
            page.grant_button.setEnabled(True)
        if outcome.grant is not None:
            page.apply_grant(outcome.grant.refresh_token, outcome.grant.api_domain)
            page.note_granted_scopes(tuple(outcome.grant.scopes))
            self.revalidate()
        page.grant_result.show_text(outcome.text, ok=outcome.ok, details=outcome.details)
        return outcome

    # -- Save and Cancel -----------------------------------------------------------------------

    def _show_notes(self) -> None:
        notes = self._notes
        if self._unreadable:
            notes = [arg(translate(
                    "Settings", "The settings file %1 is not valid TOML: %2. Save keeps a copy of "
                    "it beside the new file (.unreadable)."), self.config_path, notes[0])]
        elif notes:
            notes = [arg(translate(
                    "Settings", "About the settings file %1:"), self.config_path),
                     *(f"• {n}" for n in notes)]
        if self.keyring_problem:
            notes = [arg(translate(
                    "Settings", "Passwords and tokens cannot be saved: %1. ucm-popup never writes "
                    "them to a plain file; environment variables still work."),
                self.keyring_problem),
                     *notes]
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    def _save_clicked(self) -> None:
        if self.revalidate():
            return  # refused: the fields say what to fix
        self._spawn(self.save(), name="save")

    def _write(self, settings: Settings, typed: dict[str, str]) -> None:
        for name, value in typed.items():  # secrets first: a refused keyring changes nothing
            self.secrets.set(name, value)
        save_settings(self.config_path, settings)  # keeps an unreadable file aside

    async def save(self) -> bool:
        settings = self.current_settings()
        try:
            parse_settings(_as_plain_dict(settings), str(self.config_path))
        except SettingsError as exc:
            self.status.setText(str(exc))
            return False
        self._set_busy(True)
        try:
            await asyncio.to_thread(self._write, settings, self.typed_secrets())
        except NoKeyringError as exc:
            self.status.setText(arg(translate("Settings", "Nothing was saved: %1."), exc))
            return False
        except OSError as exc:
            self.status.setText(arg(translate(
                    "Settings", "Could not write %1: %2."), self.config_path, exc.strerror or exc))
            return False
        finally:
            self._set_busy(False)
        self.saved.emit(settings)
        wanted = self.popup.start_at_login.isChecked()
        if wanted != self.started_at_login:
            try:
                await asyncio.to_thread(autostart.enable if wanted else autostart.disable)
            except OSError as exc:
                # The settings are kept; the dialog stays open so that the agent sees why.
                log.warning("start at login could not be changed: %s", exc)
                where = f" ({exc.filename})" if exc.filename else ""
                why = (translate("Settings", "Settings saved, but starting at login could not "
                                             "be turned on: %1%2.") if wanted else
                       translate("Settings", "Settings saved, but starting at login could not "
                                             "be turned off: %1%2."))
                self.status.setText(arg(why, exc.strerror or exc, where))
                return False
            self.started_at_login = wanted
        self.accept()
        return True

    def _set_busy(self, busy: bool) -> None:
        self.tabs.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.status.setStyleSheet("" if busy else ERROR_STYLE)
        self.status.setText(translate("Settings", "Saving…") if busy else self.status.text())

    def _cancel_tasks(self) -> None:
        for task in list(self._tasks):
            if task.get_name() != "save":  # a save in progress finishes (it is quick)
                task.cancel()

    def done(self, result: int) -> None:
        self._cancel_tasks()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._cancel_tasks()
        super().closeEvent(event)


TAB_TITLES = {"PBX": QT_TRANSLATE_NOOP("Settings", "PBX"),
              "CRM": QT_TRANSLATE_NOOP("Settings", "CRM"),
              "Popup": QT_TRANSLATE_NOOP("Settings", "Popup")}


def tab_title(page: str) -> str:
    """A page's tab as the agent's language names it (pages are keyed by their English name)."""
    return translate("Settings", str(TAB_TITLES.get(page, page)))


def _start_at_login_now() -> bool:
    try:
        return autostart.is_enabled()
    except OSError as exc:  # an unreadable registry key or entry: show it as off
        log.warning("could not read the start-at-login entry: %s", exc)
        return False


def _as_plain_dict(settings: Settings) -> dict[str, Any]:
    from dataclasses import asdict

    return {
        section: {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
        for section, values in asdict(settings).items()
    }

