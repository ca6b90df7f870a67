"""The PBX and Popup pages of the settings dialog.

Each field sits with a short hint under it (also its tooltip) and, when its value cannot be
used, a message in words saying what to type.  Pages only read and show values; the dialog
decides when to validate, test and save.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ucm_popup import autostart
from ucm_popup.settings import (
    CORNERS,
    MqttSettings,
    PopupSettings,
    SourceSettings,
    UcmSettings,
    UiSettings,
)
from ucm_popup.settings_checks import readable_fingerprint
from ucm_popup.ui.i18n import LANGUAGES, NATIVE_NAMES, arg, desktop_language, translate
from ucm_popup.ui.settings_dial import DialSection
from ucm_popup.ui.settings_relay import RelaySourceBox, set_row_visible
from ucm_popup.ui.settings_widgets import (
    FieldRow,
    Fold,
    ResultBox,
    SecretField,
    _form,
    check_area,
    plain_label,
)


def _normalise_fingerprint(text: str) -> str:
    return text.replace(":", "").replace(" ", "").upper()


class PbxPage(QWidget):
    """The UCM: where it is, who logs in, whose calls pop up, which certificate to trust."""

    def __init__(
        self, settings: UcmSettings, password_env: str, parent: QWidget | None = None,
        *, source: SourceSettings | None = None, mqtt: MqttSettings | None = None,
        mqtt_password_env: str = "",
    ) -> None:
        super().__init__(parent)
        form = _form()
        self.host = QLineEdit(settings.host)
        self.host.setPlaceholderText(translate("Settings", "pbx.example.com or 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.port.setMaximumWidth(110)
        self.username = QLineEdit(settings.username)
        self.username.setPlaceholderText("popup")
        self.password = SecretField(password_env)
        self.extension = QLineEdit(settings.extension)
        self.extension.setPlaceholderText("1002")
        self.extension.setMaximumWidth(140)
        self.rows = {
            "host": FieldRow(self.host, translate(
                    "Settings", "The name or IP address of your Grandstream UCM phone "
                             "system, as in your browser's address bar (without https://).")),
            "port": FieldRow(self.port, translate(
                    "Settings", "The UCM's web (HTTPS) port: 8089 unless your "
                             "administrator changed it.")),
            "username": FieldRow(self.username, translate(
                    "Settings", "A user of the UCM's web interface that may see "
                                 "call status; ask your administrator.")),
            "password": FieldRow(self.password, translate("Settings", "That UCM user's password.")),
            "extension": FieldRow(self.extension, translate(
                    "Settings", "Your own phone's extension number: calls that "
                                  "ring it pop up on this computer.")),
        }
        form.addRow(translate("Settings", "UCM address:"), self.rows["host"])
        form.addRow(translate("Settings", "Web port:"), self.rows["port"])
        form.addRow(translate("Settings", "UCM user:"), self.rows["username"])
        form.addRow(translate("Settings", "Password:"), self.rows["password"])
        form.addRow(translate("Settings", "Your extension:"), self.rows["extension"])

        self.fingerprint = settings.fingerprint
        self.presented_fingerprint = ""
        cert = QWidget()
        cert_layout = QVBoxLayout(cert)
        cert_layout.setContentsMargins(0, 0, 0, 0)
        self.cert_status = plain_label(selectable=True)
        cert_layout.addWidget(self.cert_status)
        buttons = QHBoxLayout()
        self.show_cert_button = QPushButton(translate("Settings", "Show the UCM's certificate"))
        self.trust_button = QPushButton(translate("Settings", "Trust this certificate"))
        self.forget_button = QPushButton(translate("Settings", "Forget the pinned certificate"))
        for button in (self.show_cert_button, self.trust_button, self.forget_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        cert_layout.addLayout(buttons)
        self.trust_button.clicked.connect(lambda: self.pin(self.presented_fingerprint))
        self.forget_button.clicked.connect(lambda: self.pin(""))
        self.rows["certificate"] = FieldRow(
            cert, translate(
                    "Settings", "Most UCMs use a certificate they made themselves. Compare its "
                    "fingerprint "
            "with the one on the UCM's web page (or ask your administrator), then trust it."))
        form.addRow(translate("Settings", "Certificate:"), self.rows["certificate"])

        self.legacy_tls = QCheckBox(translate(
                "Settings", "Allow the older, weaker encryption of UCM62xx firmware"))
        self.legacy_tls.setChecked(settings.legacy_tls)
        self.rows["legacy_tls"] = FieldRow(self.legacy_tls, translate(
                "Settings", "Only for old UCMs the test cannot "
                                           "reach otherwise; newer UCMs never need it."))
        form.addRow(translate("Settings", "Old UCM:"), self.rows["legacy_tls"])

        advanced = QWidget()
        advanced_form = _form()
        advanced.setLayout(advanced_form)
        self.ca_file = QLineEdit(settings.ca_file)
        self.ca_file.setPlaceholderText("/etc/ssl/certs/my-company-ca.pem")
        self.rows["ca_file"] = FieldRow(self.ca_file, translate(
                "Settings", "Optional: a PEM file with your company's "
                                        "certificate authority, if it signed the UCM's "
                                        "certificate."))
        advanced_form.addRow(translate("Settings", "CA file:"), self.rows["ca_file"])
        self.advanced = Fold(translate("Settings", "Advanced"), advanced)
        form.addRow("", self.advanced)

        self.test_button = QPushButton(translate("Settings", "Test connection"))
        self.test_button.setToolTip(translate(
                "Settings", "Log in to the UCM with these settings and ask for call "
                                    "events, as the app will"))
        self.result = ResultBox(translate("Settings", "Trust this certificate"))
        test = check_area(self.test_button, self.result)
        form.addRow("", test)
        # Where calls come from: this desk's own UCM login, or the site relay (then only the
        # extension is asked here; the broker's fields are in the box above).
        self._form = form
        self.dial_section: DialSection | None = None
        self.source_box = RelaySourceBox(source or SourceSettings(), mqtt or MqttSettings(),
                                         mqtt_password_env)
        self.rows.update(self.source_box.rows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(9, 9, 9, 9)
        outer.setSpacing(10)
        outer.addWidget(self.source_box)
        outer.addLayout(form)
        self.source_box.changed.connect(self._show_source)
        self._show_source()
        self._show_certificate()

    def _show_source(self) -> None:
        direct = not self.source_box.relay_mode()
        for key in ("host", "port", "username", "password", "certificate", "legacy_tls"):
            set_row_visible(self._form, self.rows[key], direct)
        set_row_visible(self._form, self.advanced, direct)
        test_row = self.test_button.parentWidget()
        if test_row is not None:
            set_row_visible(self._form, test_row, direct)
        if self.dial_section is not None:
            # A relay desk dials through the relay, which holds the API user; the prefixes
            # are still this desk's (it applies the dial rules before it asks the relay).
            section = self.dial_section
            for key, row in section.rows.items():
                set_row_visible(self._form, row, direct or key.endswith("_prefix"))
            set_row_visible(self._form, section.test, direct)

    def add_dial_section(self, section: DialSection) -> None:
        """Click-to-dial's rows, under the connection test: they are used only to dial (a desk
        in relay mode dials through the relay and holds no API password: only its prefixes
        show there)."""
        self._form.addRow("", section.title)
        for key, row in section.rows.items():
            self._form.addRow(section.labels[key], row)
        self._form.addRow("", section.test)
        if section.link_handler is not None:
            self._form.addRow("", section.link_handler)
        self.rows.update(section.rows)
        self.dial_section = section
        self._show_source()

    def pin(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self._show_certificate()

    def show_presented(self, fingerprint: str) -> None:
        self.presented_fingerprint = fingerprint
        self._show_certificate()

    def _show_certificate(self) -> None:
        pinned = _normalise_fingerprint(self.fingerprint)
        presented = _normalise_fingerprint(self.presented_fingerprint)
        lines = []
        if presented and presented == pinned:
            lines += [translate("Settings", "Pinned (trusted), and the UCM presents this one:"),
                      readable_fingerprint(self.fingerprint)]
        else:
            if self.fingerprint:
                lines += [translate(
                        "Settings", "Pinned (trusted):"), readable_fingerprint(self.fingerprint)]
            else:
                lines.append(translate(
                        "Settings", "None pinned: the UCM's certificate must be signed by an "
                             "authority this computer trusts."))
            if presented:
                lines += [translate(
                        "Settings", "The UCM presents:"),
                          readable_fingerprint(self.presented_fingerprint)]
        self.cert_status.setText("\n".join(lines))
        offered_beside_test = not self.result.action.isHidden()  # one Trust button at a time
        self.trust_button.setVisible(
            bool(presented) and presented != pinned and not offered_beside_test
        )
        self.forget_button.setVisible(bool(self.fingerprint))

    def values(self) -> UcmSettings:
        return UcmSettings(
            host=self.host.text().strip(),
            port=self.port.value(),
            username=self.username.text().strip(),
            extension=self.extension.text().strip(),
            ca_file=self.ca_file.text().strip(),
            fingerprint=self.fingerprint,
            legacy_tls=self.legacy_tls.isChecked(),
        )

    def problems(self) -> dict[str, str]:
        """Field -> what to type there, for every field whose value cannot be used."""
        if self.source_box.relay_mode():
            return {**self.source_box.problems(), **self._extension_problems()}
        found = self._extension_problems()
        host = self.host.text().strip()
        if not host:
            found["host"] = translate("Settings", "Enter the UCM's address, like pbx.example.com")
        elif "://" in host or "/" in host:
            found["host"] = translate(
                    "Settings", "Enter only the address, like pbx.example.com (no https://, no /)")
        elif " " in host:
            found["host"] = translate(
                    "Settings", "An address has no spaces, like pbx.example.com or 192.168.1.10")
        elif ":" in host and not host.startswith("["):
            if host.count(":") == 1:
                found["host"] = translate(
                        "Settings", "Put the port in the Web port field, not after the address")
        if not self.username.text().strip():
            found["username"] = translate(
                    "Settings", "Enter the UCM user name this app logs in with")
        if not self.password.has_value() and self.password.keyring_problem is None:
            found["password"] = translate("Settings", "Enter the password of that UCM user")
        ca_file = self.ca_file.text().strip()
        if ca_file:
            if not Path(ca_file).expanduser().is_file():
                found["ca_file"] = translate(
                        "Settings", "No file there: choose an existing PEM file, or leave it empty")
        if self.dial_section is not None:
            found.update(self.dial_section.problems())
        return found

    def _extension_problems(self) -> dict[str, str]:
        extension = self.extension.text().strip()
        if not extension:
            return {"extension": translate("Settings", "Enter your extension number, like 1002")}
        if not extension.isdigit():
            return {"extension": translate("Settings", "An extension is a number, like 1002")}
        return {}


CORNER_WORDS = {"top-left": QT_TRANSLATE_NOOP("Settings", "Top left"),
                "top-right": QT_TRANSLATE_NOOP("Settings", "Top right"),
                "bottom-left": QT_TRANSLATE_NOOP("Settings", "Bottom left"),
                "bottom-right": QT_TRANSLATE_NOOP("Settings", "Bottom right")}
SCREEN_HINT = QT_TRANSLATE_NOOP("Settings", "Where popups appear when you have several screens.")


def start_at_login_hint() -> str:
    """Where the switch writes, in the words of the agent's own system."""
    if sys.platform == "win32":
        return translate(
                "Settings", "Adds ucm-popup to the programs Windows starts when you sign in (for "
                "you only).")
    if sys.platform == "darwin":
        return translate(
                "Settings", "Adds ucm-popup to the programs macOS opens when you log in (for you "
                "only).")
    entry = autostart.xdg_autostart_path()
    if entry.is_relative_to(Path.home()):
        entry = Path("~") / entry.relative_to(Path.home())
    return arg(translate(
            "Settings", "Adds an entry to your desktop's startup programs (%1); turning it off "
            "removes it."), entry)


class PopupPage(QWidget):
    """When the popup shows, which calls pop up, how long it stays, where; start at login."""

    def __init__(
        self, settings: PopupSettings, start_at_login: bool, parent: QWidget | None = None,
        *, language: str = "",
    ) -> None:
        super().__init__(parent)
        form = _form()
        show_on = QWidget()
        show_layout = QVBoxLayout(show_on)
        show_layout.setContentsMargins(0, 0, 0, 0)
        self.on_ringing = QRadioButton(translate("Settings", "When my phone rings"))
        self.on_answered = QRadioButton(translate("Settings", "When I answer the call"))
        self._show_group = QButtonGroup(self)
        for button in (self.on_ringing, self.on_answered):
            self._show_group.addButton(button)
            show_layout.addWidget(button)
        (self.on_answered if settings.show_on == "answered" else self.on_ringing).setChecked(True)
        self.internal_calls = QCheckBox(translate(
                "Settings", "Also for calls from colleagues' extensions"))
        self.internal_calls.setChecked(settings.internal_calls)
        self.outbound_calls = QCheckBox(translate(
                "Settings", "Also for calls I make (\"Calling Jane Doe\")"))
        self.outbound_calls.setChecked(settings.outbound_calls)
        self.close_answered = QSpinBox()
        self.close_answered.setRange(0, 3600)
        self.close_answered.setSuffix(translate("Settings", " s"))
        self.close_answered.setSpecialValueText(translate("Settings", "at once"))
        self.close_answered.setValue(settings.close_after_answered_s)
        self.close_answered.setMaximumWidth(120)
        self.close_missed = QSpinBox()
        self.close_missed.setRange(0, 86400)
        self.close_missed.setSuffix(translate("Settings", " s"))
        self.close_missed.setSpecialValueText(translate("Settings", "until I close it"))
        self.close_missed.setValue(settings.close_after_missed_s)
        self.close_missed.setMaximumWidth(160)
        self.screen_choice = QComboBox()
        screens = QGuiApplication.screens()  # Qt lists the primary screen first
        for index, screen in enumerate(screens):
            size = screen.size()
            name = screen.name() or translate("Settings", "unnamed")
            label = arg(translate(
                    "Settings", "Screen %1: %2 (%3 x %4)"),
                index + 1, name, size.width(), size.height())
            if index == 0:
                label += translate("Settings", ", the main screen")
            self.screen_choice.addItem(label, index)
        if settings.screen >= len(screens):
            missing = arg(translate(
                    "Settings", "Screen %1 (not connected now)"), settings.screen + 1)
            self.screen_choice.addItem(missing, settings.screen)
        self.screen_choice.setCurrentIndex(self.screen_choice.findData(settings.screen))
        self.corner = QComboBox()
        for corner in CORNERS:
            self.corner.addItem(translate("Settings", str(CORNER_WORDS.get(corner, corner))),
                                corner)
        self.corner.setCurrentIndex(self.corner.findData(settings.corner))
        # Not in the settings file: the system's own startup list is the one place it lives.
        self.start_at_login = QCheckBox(translate("Settings", "Start ucm-popup when I log in"))
        self.start_at_login.setChecked(start_at_login)
        self.rows = {
            "show_on": FieldRow(show_on, translate(
                    "Settings", "Ringing shows who calls before you pick up; answering "
                                "keeps the screen quiet until you take the call.")),
            "internal_calls": FieldRow(self.internal_calls, translate(
                    "Settings", "Off: only calls from outside "
                                       "(customers) pop up.")),
            "outbound_calls": FieldRow(self.outbound_calls, translate(
                    "Settings", "On: a call you dial, from the "
                                       "phone or this computer, shows whom you call.")),
            "close_after_answered_s": FieldRow(self.close_answered, translate(
                    "Settings", "How long the popup stays "
                                               "after a call you answered has ended.")),
            "close_after_missed_s": FieldRow(self.close_missed, translate(
                    "Settings", "How long a missed call's card "
                                             "stays; it also stays in the recent calls list.")),
            "screen": FieldRow(self.screen_choice, translate("Settings", str(SCREEN_HINT))),
            "corner": FieldRow(self.corner, translate(
                    "Settings", "The corner of that screen where popups appear.")),
            "start_at_login": FieldRow(self.start_at_login, start_at_login_hint()),
            "language": FieldRow(self._language_choice(language), translate(
                "Settings", "The language of the popups, the tray menu and this dialog; it "
                "applies when you Save.")),
        }
        form.addRow(translate("Settings", "Show the popup:"), self.rows["show_on"])
        form.addRow(translate("Settings", "Internal calls:"), self.rows["internal_calls"])
        form.addRow(translate("Settings", "Outgoing calls:"), self.rows["outbound_calls"])
        form.addRow(translate(
                "Settings", "Close after a call:"), self.rows["close_after_answered_s"])
        form.addRow(translate("Settings", "Missed-call card:"), self.rows["close_after_missed_s"])
        form.addRow(translate("Settings", "Screen:"), self.rows["screen"])
        form.addRow(translate("Settings", "Corner:"), self.rows["corner"])
        form.addRow(translate("Settings", "At login:"), self.rows["start_at_login"])
        form.addRow(translate("Settings", "Language:"), self.rows["language"])
        form.setContentsMargins(9, 9, 9, 9)
        self.setLayout(form)

    def _language_choice(self, language: str) -> QComboBox:
        """The desktop's language first, then each shipped language by its own name; a value
        from the file that is none of them stays as it is (and is shown as such)."""
        self.language = QComboBox()
        desktop = NATIVE_NAMES.get(desktop_language(), "English")
        self.language.addItem(arg(translate("Settings", "The desktop's language (%1)"), desktop),
                              "")
        for code in LANGUAGES:
            self.language.addItem(NATIVE_NAMES[code], code)
        if self.language.findData(language) < 0:
            self.language.addItem(language, language)
        self.language.setCurrentIndex(self.language.findData(language))
        return self.language

    def ui_values(self) -> UiSettings:
        return UiSettings(language=str(self.language.currentData()))

    def values(self) -> PopupSettings:
        return PopupSettings(
            show_on="answered" if self.on_answered.isChecked() else "ringing",
            internal_calls=self.internal_calls.isChecked(),
            outbound_calls=self.outbound_calls.isChecked(),
            close_after_answered_s=self.close_answered.value(),
            close_after_missed_s=self.close_missed.value(),
            screen=int(self.screen_choice.currentData()),
            corner=str(self.corner.currentData()),
        )

    def problems(self) -> dict[str, str]:
        return {}  # every control here only offers valid choices
